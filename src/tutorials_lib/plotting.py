"""Plots that several pages draw: grids of small images, such as handwritten digits."""

from __future__ import annotations

import math
from collections.abc import Sequence

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.figure import Figure


def as_images(images: np.ndarray) -> np.ndarray:
    """Return ``images`` as a 3-D array ``(n, height, width)``.

    Rows of flattened square images (``(n, 64)`` for 8x8 digits) are reshaped; a 3-D array is
    returned unchanged.

    Raises:
        ValueError: If the array is neither 3-D nor 2-D with square rows.

    Examples:
        >>> as_images(np.zeros((5, 64))).shape
        (5, 8, 8)
    """
    images = np.asarray(images)
    if images.ndim == 3:
        return images
    if images.ndim == 2:
        side = math.isqrt(images.shape[1])
        if side * side == images.shape[1]:
            return images.reshape(len(images), side, side)
        raise ValueError(
            f"Each row has {images.shape[1]} values, which is not a square image. Pass images as "
            "an array of shape (n, height, width), or rows of n*n pixels such as (n, 64)."
        )
    raise ValueError(
        f"Expected images of shape (n, height, width) or (n, pixels); got an array of shape {images.shape}."
    )


def plot_image_grid(
    images: np.ndarray,
    labels: Sequence | None = None,
    *,
    ncols: int = 10,
    cmap: str = "gray_r",
    size: float = 1.0,
) -> Figure:
    """Draw images in a grid, each titled with its label.

    Args:
        images: Array of shape ``(n, height, width)``, or ``(n, pixels)`` for square images.
        labels: Optional titles, one per image (for example ``"7"`` or ``"true 3, said 8"``).
        ncols: Number of images per row.
        cmap: Matplotlib colour map; the default draws dark ink on white paper.
        size: Width and height of each cell in inches.

    Returns:
        The Matplotlib figure; call ``plt.show()`` to display it.

    Raises:
        ValueError: If there are no images, if ``ncols`` is not a positive integer, or if
            the number of labels differs from the number of images.

    Examples:
        >>> figure = plot_image_grid(np.eye(64)[:12], labels=range(12), ncols=6)
        >>> len(figure.axes)
        12
    """
    grid = as_images(images)
    if len(grid) == 0:
        raise ValueError("There are no images to plot: pass at least one image.")
    if isinstance(ncols, bool) or not isinstance(ncols, int) or ncols < 1:
        raise ValueError(f"ncols must be a positive integer; got {ncols!r}.")
    if labels is not None:
        labels = list(labels)
        if len(labels) != len(grid):
            raise ValueError(
                f"Got {len(grid)} images but {len(labels)} labels: pass one label per image, or none."
            )
    ncols = min(ncols, len(grid))
    nrows = math.ceil(len(grid) / ncols)
    figure, axes = plt.subplots(nrows, ncols, figsize=(size * ncols, size * nrows * 1.15), squeeze=False)
    for index, ax in enumerate(axes.flat):
        ax.set_axis_off()
        if index < len(grid):
            ax.imshow(grid[index], cmap=cmap, interpolation="nearest")
            if labels is not None:
                ax.set_title(str(labels[index]), fontsize=9)
    figure.tight_layout()
    return figure
