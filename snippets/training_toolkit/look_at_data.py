import matplotlib.pyplot as plt
import numpy as np

from tutorials_lib.data import load_digits_split

X_train, X_test, y_train, y_test = load_digits_split(test_size=0.25, seed=0)
print("shapes:", X_train.shape, y_train.shape, X_train.dtype)
print(f"pixel range: {X_train.min():.1f} to {X_train.max():.1f}, mean {X_train.mean():.2f}")
print("images per digit:", np.bincount(y_train).tolist())
print("pixels that are 0 in every training image:", int((X_train.max(axis=0) == 0).sum()))
fig, axes = plt.subplots(1, 10, figsize=(10, 1.6))
for ax, image, label in zip(axes, X_train[:10], y_train[:10], strict=True):
    ax.imshow(image.reshape(8, 8), cmap="gray_r")
    ax.set_title(f"label {label}")
    ax.axis("off")
fig.tight_layout()
plt.show()
