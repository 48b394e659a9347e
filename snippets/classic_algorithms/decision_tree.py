"""Decision trees: a flowchart of yes/no questions learned from the data."""

import matplotlib.pyplot as plt
from sklearn.datasets import make_moons
from sklearn.model_selection import train_test_split
from sklearn.tree import DecisionTreeClassifier, export_text

from tutorials_lib.plotting import plot_decision_boundary

X, y = make_moons(n_samples=500, noise=0.25, random_state=0)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=0, stratify=y)

fig, axes = plt.subplots(1, 3, figsize=(14, 4))
for ax, depth in zip(axes, [2, 7, None], strict=True):
    tree = DecisionTreeClassifier(max_depth=depth, random_state=0).fit(X_train, y_train)
    if depth == 2:
        print(export_text(tree, feature_names=["x1", "x2"]))  # the learned questions, readable as code
    print(
        f"max_depth={depth}: {tree.get_n_leaves():>2} leaves, train accuracy "
        f"{tree.score(X_train, y_train):.3f}, test accuracy {tree.score(X_test, y_test):.3f}"
    )
    plot_decision_boundary(tree, X_test, y_test, ax=ax)
    ax.set(xlabel="x1", ylabel="x2", title=f"Decision tree, max_depth={depth}")
fig.tight_layout()
plt.show()
