"""Plots that several pages draw: grids of small images, such as handwritten digits, and the
decision regions of a classifier trained on two features."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import sklearn
from matplotlib.axes import Axes
from matplotlib.colors import Colormap, ListedColormap
from matplotlib.figure import Figure
from sklearn.base import BaseEstimator
from sklearn.inspection import DecisionBoundaryDisplay
from sklearn.utils.validation import check_is_fitted

from tutorials_lib import _validate as check

# From scikit-learn 1.9, DecisionBoundaryDisplay colours the classes of a multiclass model from
# ``multiclass_colors`` (and ignores ``cmap``); before, it used ``cmap`` as for two classes.
_SKLEARN_RELEASE = tuple(int(part) for part in sklearn.__version__.split(".")[:2])
_SKLEARN_USES_MULTICLASS_COLORS_FOR_PREDICT = _SKLEARN_RELEASE >= (1, 9)


def as_images(images: np.ndarray) -> np.ndarray:
    """Return ``images`` as a 3-D array ``(n, height, width)``.

    Rows of flattened square images (``(n, 64)`` for 8x8 digits) are reshaped; a 3-D array is
    returned unchanged.

    Raises:
        TypeError: If ``images`` is not an array of numbers.
        ValueError: If the array is neither 3-D nor 2-D with square rows, or contains NaN.

    Examples:
        >>> import numpy as np
        >>> from tutorials_lib.plotting import as_images
        >>> as_images(np.zeros((5, 64))).shape
        (5, 8, 8)
    """
    images = check.numeric_array(images, "images", allow_empty=True)
    if images.ndim == 3:
        return images
    if images.ndim == 2:
        side = math.isqrt(images.shape[1])
        if side * side == images.shape[1]:
            return images.reshape(len(images), side, side)
        raise ValueError(
            f"Each row of images has {images.shape[1]} values, which is not a square image. Pass images as "
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
        TypeError: If an argument is of the wrong type, such as a single number for ``labels``.
        ValueError: If there are no images, if ``ncols`` or ``size`` is not positive, if
            ``cmap`` is not a Matplotlib colour map, or if the number of labels differs from
            the number of images.

    Examples:
        >>> import numpy as np
        >>> from tutorials_lib.plotting import plot_image_grid
        >>> figure = plot_image_grid(np.eye(64)[:12], labels=range(12), ncols=6)
        >>> len(figure.axes)
        12
    """
    grid = as_images(images)
    if len(grid) == 0:
        raise ValueError("images is empty: there are no images to plot. Pass at least one image.")
    ncols = check.positive_int(ncols, "ncols", example=10)
    size = check.positive_number(size, "size", example=1.0)
    _check_cmap(cmap)
    if labels is not None:
        labels = _image_labels(labels, len(grid))
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
    by its true class, in the same colour as that class's region (blue and red for two classes,
    one distinct colour per class for more). Where a dot's colour differs from the region
    around it, the model gets that example wrong.

    Args:
        model: A fitted scikit-learn classifier (or pipeline) that takes two features.
        X: Array-like of shape ``(n_samples, 2)``: the points to draw, usually the test set.
        y: Array-like of shape ``(n_samples,)``: the true class of each point.
        ax: Matplotlib axes to draw on; a new figure is created if omitted.

    Returns:
        The axes that were drawn on; call ``plt.show()`` to display the figure.

    Raises:
        TypeError: If ``model`` is not a scikit-learn estimator, ``X`` is not numbers or ``ax``
            is not Matplotlib axes.
        ValueError: If ``X`` is empty, contains NaN or does not have two columns, if ``X`` and
            ``y`` have different lengths, if ``y`` holds classes the model does not know, or if
            the model has not been fitted yet.

    Examples:
        >>> from sklearn.datasets import make_moons
        >>> from sklearn.neighbors import KNeighborsClassifier
        >>> from tutorials_lib.plotting import plot_decision_boundary
        >>> X, y = make_moons(n_samples=100, noise=0.2, random_state=0)
        >>> ax = plot_decision_boundary(KNeighborsClassifier().fit(X, y), X, y)
        >>> len(ax.collections) >= 2  # the shaded regions and the points
        True
    """
    X = check.numeric_array(X, "X", ndim=2)
    if X.shape[1] != 2:
        raise ValueError(
            f"X must have exactly two columns (one per axis of the plot); got an array of shape "
            f"{X.shape}. Select two features, for example X[:, :2], and fit the model on them."
        )
    y = np.asarray(y) if y is not None else y
    if y is not None and y.dtype.kind not in "biufUS":
        raise TypeError(
            f"y must hold class labels, numbers or text such as [0, 1] or ['Adelie', 'Gentoo']; got "
            f"{check.describe(y)}."
        )
    if y is None or y.shape != (len(X),):
        raise ValueError(f"X has {len(X)} rows but y is {check.describe(y)}: pass one label per row of X.")
    _check_fitted_classifier(model)
    if ax is not None:
        advice = "Pass the axes of a figure, for example: figure, ax = plt.subplots()."
        check.instance(ax, "ax", Axes, "Matplotlib axes", advice)
    positions, n_classes = _class_numbers(model, y)
    colours = _class_colours(n_classes)
    if ax is None:
        _, ax = plt.subplots(figsize=(5, 4))
    # Each region is filled with the colour of its class's position among the model's classes,
    # the same colour as that class's dots, whatever the number of classes.
    region_colours = {"levels": np.arange(n_classes + 1) - 0.5}
    if n_classes > 2 and _SKLEARN_USES_MULTICLASS_COLORS_FOR_PREDICT:
        region_colours["multiclass_colors"] = [tuple(colour) for colour in colours]
    else:
        region_colours["cmap"] = ListedColormap(colours)
    DecisionBoundaryDisplay.from_estimator(
        model, X, response_method="predict", alpha=0.3, ax=ax, grid_resolution=200, eps=0.5, **region_colours
    )
    ax.scatter(X[:, 0], X[:, 1], c=colours[positions], edgecolor="black", linewidth=0.5, s=20)
    return ax


def _check_cmap(cmap: object) -> None:
    if isinstance(cmap, Colormap):
        return
    if not isinstance(cmap, str):
        raise TypeError(
            f"cmap must be the name of a Matplotlib colour map such as 'gray_r'; got {check.describe(cmap)}."
        )
    if cmap not in matplotlib.colormaps:
        raise ValueError(
            f"cmap {cmap!r} is not a Matplotlib colour map; try 'gray_r', 'gray' or 'viridis' "
            "(the list is in matplotlib.colormaps)."
        )


def _image_labels(labels: object, count: int) -> list:
    if isinstance(labels, (str, bytes)) or not isinstance(labels, Iterable):
        raise TypeError(
            "labels must be a list with one title per image, such as [7, 3, 1]; got "
            f"{check.describe(labels)}. For a single image, pass a list of one: labels=[label]."
        )
    labels = list(labels)
    if len(labels) != count:
        raise ValueError(f"Got {count} images but {len(labels)} labels: pass one label per image, or none.")
    return labels


def _check_fitted_classifier(model: object) -> None:
    try:
        check_is_fitted(model)
    except TypeError as error:  # not a scikit-learn estimator at all
        raise TypeError(
            f"model must be a fitted scikit-learn classifier; got {type(model).__name__}."
        ) from error
    except ValueError as error:  # NotFittedError is a ValueError
        raise ValueError(
            f"This {type(model).__name__} is not fitted yet: call model.fit(X_train, y_train) first."
        ) from error


def _class_numbers(model: object, y: np.ndarray) -> tuple[np.ndarray, int]:
    """The position of each label of ``y`` among the model's classes, and the number of classes.

    The positions pick each point's colour. Labels can then be text (such as penguin species) as
    well as numbers.
    """
    classes = getattr(model, "classes_", None)
    if classes is None:
        classes = np.unique(y)
    unknown = sorted(set(y.tolist()) - set(np.asarray(classes).tolist()), key=str)
    if unknown:
        raise ValueError(
            f"y holds labels the model was not trained on: {unknown[:5]}. The model knows "
            f"{np.asarray(classes).tolist()}; pass the labels of the same dataset."
        )
    order = np.argsort(classes)
    return order[np.searchsorted(np.asarray(classes)[order], y)], len(classes)


def _class_colours(n_classes: int) -> np.ndarray:
    """One RGBA colour per class: blue and red for two classes, distinct hues for more."""
    if n_classes <= 2:
        return matplotlib.colormaps["coolwarm"]([0.0, 1.0])[: max(n_classes, 1)]
    if n_classes <= 10:
        return matplotlib.colormaps["tab10"](np.arange(n_classes))
    return matplotlib.colormaps["turbo"](np.linspace(0, 1, n_classes))
