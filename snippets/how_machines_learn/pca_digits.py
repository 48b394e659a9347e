"""Unsupervised learning: PCA squeezes each 64-pixel digit into 2 numbers that can be plotted."""

import matplotlib.pyplot as plt
from sklearn.datasets import load_digits
from sklearn.decomposition import PCA

X, y = load_digits(return_X_y=True)
pca = PCA(n_components=2, random_state=0)
X_2d = pca.fit_transform(X)  # unsupervised: only the pixels go in
kept = pca.explained_variance_ratio_
print(f"Shape before: {X.shape}, after: {X_2d.shape}")
print(f"Share of the pixels' variance kept: {kept[0]:.1%} + {kept[1]:.1%} = {kept.sum():.1%}")

fig, ax = plt.subplots(figsize=(7, 6))
ax.scatter(X_2d[:, 0], X_2d[:, 1], c=y, cmap="tab10", s=8, alpha=0.8)
for digit in range(10):  # write each digit at the middle of its points
    middle = X_2d[y == digit].mean(axis=0)
    ax.text(
        *middle,
        str(digit),
        fontsize=16,
        fontweight="bold",
        ha="center",
        va="center",
        bbox={"boxstyle": "circle", "facecolor": "white", "alpha": 0.8},
    )
ax.set(
    xlabel="first principal component",
    ylabel="second principal component",
    title="1,797 digits projected by PCA (colours: the labels PCA never saw)",
)
plt.show()
