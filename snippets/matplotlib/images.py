"""Images: the first ten handwritten digits, drawn with imshow in a grid of axes."""

import matplotlib.pyplot as plt
from sklearn.datasets import load_digits

digits = load_digits()

fig, axes = plt.subplots(2, 5, figsize=(7, 3.2))  # a 2 x 5 array of Axes
for ax, image, label in zip(axes.flat, digits.images, digits.target, strict=False):
    ax.imshow(image, cmap="gray_r")  # 8 x 8 array of grey levels, 0 = white
    ax.set_title(f"label {label}")
    ax.set_axis_off()
fig.suptitle("Ten 8 x 8 pixel images from load_digits")
plt.show()
