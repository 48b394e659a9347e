"""Random forests: many decision trees, each trained on a random variation of the data, vote."""

import matplotlib.pyplot as plt
from sklearn.datasets import make_moons
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import train_test_split
from sklearn.tree import DecisionTreeClassifier

from tutorials_lib.plotting import plot_decision_boundary

X, y = make_moons(n_samples=500, noise=0.25, random_state=0)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=0, stratify=y)

tree = DecisionTreeClassifier(random_state=0).fit(X_train, y_train)
forest = RandomForestClassifier(n_estimators=200, min_samples_leaf=3, oob_score=True, random_state=0)
forest.fit(X_train, y_train)
print(f"One deep tree, test accuracy:       {tree.score(X_test, y_test):.3f}")
print(f"Forest of 200 trees, test accuracy: {forest.score(X_test, y_test):.3f}")
print(f"Forest, out-of-bag estimate:        {forest.oob_score_:.3f}")

fig, axes = plt.subplots(1, 2, figsize=(10, 4))
for ax, model, title in [(axes[0], tree, "one deep tree"), (axes[1], forest, "random forest, 200 trees")]:
    plot_decision_boundary(model, X_test, y_test, ax=ax)
    ax.set(xlabel="x1", ylabel="x2", title=title)
fig.tight_layout()
plt.show()
