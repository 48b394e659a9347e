"""Plots that several pages draw: grids of small images, such as handwritten digits, and the
decision regions of a classifier trained on two features."""

from __future__ import annotations

import math
from collections.abc import Sequence

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from sklearn.base import BaseEstimator
from sklearn.inspection import DecisionBoundaryDisplay
from sklearn.utils.validation import check_is_fitted


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


def plot_decision_boundary(
    model: BaseEstimator, X: np.ndarray, y: np.ndarray, ax: Axes | None = None
) -> Axes:
    """Shade the region where a fitted classifier predicts each class, and draw the points on top.

    The model must already be fitted on exactly two features, so that its decisions can be
    drawn on a plane: each colour is one predicted class, and each dot is one example coloured
    by its true class. Where a dot's colour differs from the region around it, the model gets
    that example wrong.

    Args:
        model: A fitted scikit-learn classifier (or pipeline) that takes two features.
        X: Array-like of shape ``(n_samples, 2)``: the points to draw, usually the test set.
        y: Array-like of shape ``(n_samples,)``: the true class of each point.
        ax: Matplotlib axes to draw on; a new figure is created if omitted.

    Returns:
        The axes that were drawn on; call ``plt.show()`` to display the figure.

    Raises:
        ValueError: If ``X`` does not have two columns, if ``X`` and ``y`` have different
            lengths, or if the model has not been fitted yet.

    Examples:
        >>> from sklearn.datasets import make_moons
        >>> from sklearn.neighbors import KNeighborsClassifier
        >>> X, y = make_moons(n_samples=100, noise=0.2, random_state=0)
        >>> ax = plot_decision_boundary(KNeighborsClassifier().fit(X, y), X, y)
        >>> len(ax.collections) >= 2  # the shaded regions and the points
        True
    """
    X = np.asarray(X)
    y = np.asarray(y)
    if X.ndim != 2 or X.shape[1] != 2:
        raise ValueError(
            f"X must have exactly two columns (one per axis of the plot); got an array of shape "
            f"{X.shape}. Select two features, for example X[:, :2], and fit the model on them."
        )
    if y.shape != (len(X),):
        raise ValueError(
            f"X has {len(X)} rows but y has shape {y.shape}: pass one label per row of X."
        )
    try:
        check_is_fitted(model)
    except TypeError as error:  # not a scikit-learn estimator at all
        raise ValueError(f"model must be a scikit-learn classifier; got {type(model).__name__}.") from error
    except ValueError as error:  # NotFittedError is a ValueError
        raise ValueError(
            f"This {type(model).__name__} is not fitted yet: call model.fit(X_train, y_train) first."
        ) from error
    if ax is None:
        _, ax = plt.subplots(figsize=(5, 4))
    DecisionBoundaryDisplay.from_estimator(
        model, X, response_method="predict", cmap="coolwarm", alpha=0.3, ax=ax, grid_resolution=200, eps=0.5
    )
    ax.scatter(X[:, 0], X[:, 1], c=y, cmap="coolwarm", edgecolor="black", linewidth=0.5, s=20)
    return ax
