# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # The title of the tutorial
#
# In this tutorial you build something a reader can name in one sentence: this first paragraph
# becomes the page's description for search engines. You will:
#
# 1. load a dataset that ships with scikit-learn;
# 2. train a model and measure it on held-out data;
# 3. draw a figure that shows what the model learned.

# %% [markdown]
# ## Set up
#
# Import everything at the top, and seed what is random (`random_state=0` below), so every
# run prints the same numbers.

# %%
import matplotlib.pyplot as plt
import numpy as np
from sklearn.datasets import load_wine
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import train_test_split

# %% [markdown]
# ## Train and evaluate
#
# Explain each step in a markdown cell before the code that does it.

# %%
X, y = load_wine(return_X_y=True, as_frame=True)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=0, stratify=y)
forest = RandomForestClassifier(n_estimators=100, random_state=0).fit(X_train, y_train)
print(f"test accuracy: {forest.score(X_test, y_test):.2f}")

# %% [markdown]
# ## Look at the result
#
# Every figure needs a `# alt:` comment in the cell that draws it: one sentence that says what
# the figure shows, for readers who cannot see it.

# %%
# alt: Horizontal bar chart of the five wine measurements the random forest relies on most,
#      longest bar at the top.
importance = forest.feature_importances_
top = np.argsort(importance)[-5:]
fig, ax = plt.subplots(figsize=(6, 3))
ax.barh(X.columns[top], importance[top])
ax.set_xlabel("importance")
plt.show()

# %% [markdown]
# ## What you built, and where to go next
#
# Sum up in two sentences, suggest one change to try, and link the next page and the
# official documentation, such as scikit-learn's
# [guide to random forests](https://scikit-learn.org/stable/modules/ensemble.html#random-forests).
