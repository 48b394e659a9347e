"""Gradient boosting: small trees added one after another, each correcting the errors left so far."""

import matplotlib.pyplot as plt
from sklearn.datasets import make_moons
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.model_selection import train_test_split

from tutorials_lib.plotting import plot_decision_boundary

X, y = make_moons(n_samples=500, noise=0.25, random_state=0)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=0, stratify=y)

fig, axes = plt.subplots(1, 3, figsize=(13, 4))
for ax, n_trees in zip(axes, [1, 10, 100], strict=True):
    model = HistGradientBoostingClassifier(
        max_iter=n_trees, max_depth=2, learning_rate=0.3, early_stopping=False, random_state=0
    )
    model.fit(X_train, y_train)
    trees = f"{n_trees} tree{'s' * (n_trees > 1)}"
    print(
        f"{trees:>9}: train accuracy {model.score(X_train, y_train):.3f}, "
        f"test accuracy {model.score(X_test, y_test):.3f}"
    )
    plot_decision_boundary(model, X_test, y_test, ax=ax)
    ax.set(xlabel="x1", ylabel="x2", title=f"Gradient boosting, {trees}")
fig.tight_layout()
plt.show()
