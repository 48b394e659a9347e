"""Support vector machines: the widest possible street between the classes."""

import matplotlib.pyplot as plt
from sklearn.datasets import make_moons
from sklearn.model_selection import train_test_split
from sklearn.svm import SVC

from tutorials_lib.plotting import plot_decision_boundary

X, y = make_moons(n_samples=500, noise=0.25, random_state=0)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=0, stratify=y)

fig, axes = plt.subplots(1, 2, figsize=(10, 4))
for ax, kernel in zip(axes, ["linear", "rbf"], strict=True):
    model = SVC(kernel=kernel, C=1.0).fit(X_train, y_train)
    print(
        f"{kernel:>6} kernel: {len(model.support_vectors_)} support vectors out of {len(X_train)} "
        f"training points, test accuracy {model.score(X_test, y_test):.3f}"
    )
    plot_decision_boundary(model, X_test, y_test, ax=ax)
    support = model.support_vectors_
    ax.scatter(
        support[:, 0],
        support[:, 1],
        s=60,
        facecolors="none",
        edgecolors="black",
        linewidths=0.6,
        label="support vectors (training points)",
    )
    ax.set(xlabel="x1", ylabel="x2", title=f"SVM, {kernel} kernel")
axes[0].legend(loc="lower left", fontsize=8)
fig.tight_layout()
plt.show()
