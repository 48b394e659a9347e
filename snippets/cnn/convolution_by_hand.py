import matplotlib.pyplot as plt
import numpy as np
from sklearn.datasets import load_digits

digits = load_digits()
image = digits.images[list(digits.target).index(4)] / 16  # the first 4 of the dataset, pixels in [0, 1]


def convolve(image, kernel):
    """Slide the kernel over the image; each output pixel is the sum of a window times the kernel."""
    kh, kw = kernel.shape
    out = np.zeros((image.shape[0] - kh + 1, image.shape[1] - kw + 1))
    for row in range(out.shape[0]):
        for col in range(out.shape[1]):
            out[row, col] = np.sum(image[row : row + kh, col : col + kw] * kernel)
    return out


def max_pool(feature_map, size=2):
    """Keep the largest value of each size-by-size block."""
    h, w = feature_map.shape[0] // size, feature_map.shape[1] // size
    return feature_map[: h * size, : w * size].reshape(h, size, w, size).max(axis=(1, 3))


vertical_edges = np.array([[-1, 0, 1], [-1, 0, 1], [-1, 0, 1]])  # dark on the left, ink on the right
horizontal_edges = vertical_edges.T  # dark above, ink below

fig, axes = plt.subplots(2, 4, figsize=(10, 5))
axes[0, 0].imshow(image, cmap="gray_r")
axes[0, 0].set_title("input 8x8")
axes[1, 0].set_axis_off()
for row, (name, kernel) in enumerate([("vertical", vertical_edges), ("horizontal", horizontal_edges)]):
    feature_map = np.maximum(convolve(image, kernel), 0)  # convolution, then ReLU
    pooled = max_pool(feature_map)
    axes[row, 1].imshow(kernel, cmap="coolwarm", vmin=-1, vmax=1)
    axes[row, 1].set_title(f"{name} edge filter 3x3")
    axes[row, 2].imshow(feature_map, cmap="magma")
    axes[row, 2].set_title(f"feature map {feature_map.shape[0]}x{feature_map.shape[1]}")
    axes[row, 3].imshow(pooled, cmap="magma")
    axes[row, 3].set_title(f"max-pooled {pooled.shape[0]}x{pooled.shape[1]}")
for ax in axes.flat:
    ax.set_xticks([])
    ax.set_yticks([])
fig.tight_layout()
plt.show()
