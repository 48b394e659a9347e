from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pytest

from tutorials_lib.plotting import as_images, plot_decision_boundary, plot_image_grid


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def test_flat_square_images_are_reshaped():
    assert as_images(np.zeros((3, 64))).shape == (3, 8, 8)
    assert as_images(np.zeros((2, 5, 7))).shape == (2, 5, 7)


def test_grid_has_one_titled_axis_per_image_and_hides_spare_cells():
    figure = plot_image_grid(np.random.default_rng(0).random((7, 64)), labels=list("abcdefg"), ncols=4)
    assert len(figure.axes) == 8
    assert [ax.get_title() for ax in figure.axes[:7]] == list("abcdefg")
    assert len(figure.axes[7].images) == 0


@pytest.mark.parametrize(
    ("images", "kwargs", "message"),
    [
        (np.zeros((3, 10)), {}, "10 values, which is not a square image"),
        (np.zeros(5), {}, r"got an array of shape \(5,\)"),
        (np.zeros((0, 64)), {}, "images is empty: there are no images to plot"),
        (np.zeros((3, 64)), {"labels": [1, 2]}, "3 images but 2 labels"),
        (np.zeros((3, 64)), {"ncols": 0}, "ncols must be at least 1"),
    ],
)
def test_bad_input_is_rejected_with_advice(images, kwargs, message):
    with pytest.raises(ValueError, match=message):
        plot_image_grid(images, **kwargs)


def _moons():
    from sklearn.datasets import make_moons

    return make_moons(n_samples=60, noise=0.2, random_state=0)


def test_decision_boundary_draws_regions_and_points_on_the_given_axes():
    from sklearn.tree import DecisionTreeClassifier

    X, y = _moons()
    figure, ax = plt.subplots()
    returned = plot_decision_boundary(DecisionTreeClassifier(random_state=0).fit(X, y), X, y, ax=ax)
    assert returned is ax
    points = ax.collections[-1]
    assert len(points.get_offsets()) == len(X)
    assert len(ax.collections) >= 2  # the shaded decision regions lie under the points


def test_decision_boundary_creates_axes_when_none_is_given():
    from sklearn.linear_model import LogisticRegression

    X, y = _moons()
    ax = plot_decision_boundary(LogisticRegression().fit(X, y), X, y)
    assert ax.figure is not None


@pytest.mark.parametrize(
    ("fit", "X_cols", "y_len", "message"),
    [
        (True, 3, 60, r"exactly two columns.*shape \(60, 3\)"),
        (True, 2, 59, r"60 rows but y is an array of shape \(59,\)"),
        (False, 2, 60, "not fitted yet: call model.fit"),
    ],
)
def test_decision_boundary_rejects_bad_input_with_advice(fit, X_cols, y_len, message):
    from sklearn.linear_model import LogisticRegression

    X, y = _moons()
    model = LogisticRegression()
    if fit:
        model.fit(X, y)
    X_bad = np.column_stack([X] + [X[:, :1]] * (X_cols - 2))
    with pytest.raises(ValueError, match=message):
        plot_decision_boundary(model, X_bad, y[:y_len])


def test_decision_boundary_rejects_an_object_that_is_not_an_estimator():
    X, y = _moons()
    with pytest.raises(TypeError, match="must be a fitted scikit-learn classifier"):
        plot_decision_boundary(object(), X, y)


@pytest.mark.parametrize("centers", [2, 3, 5])
def test_each_dot_has_the_colour_of_its_class_region(centers):
    # With three or more classes scikit-learn 1.9 colours the regions from multiclass_colors,
    # not cmap: the dots must use the same colour per class, or every correct dot would look
    # like a mistake. A dot the model gets right sits on a region of its own colour.
    import warnings

    from sklearn.datasets import make_blobs
    from sklearn.neighbors import KNeighborsClassifier

    X, y = make_blobs(n_samples=200, centers=centers, random_state=0)
    model = KNeighborsClassifier().fit(X, y)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # such as "'cmap' is ignored in favor of 'multiclass_colors'"
        ax = plot_decision_boundary(model, X[y != 0], y[y != 0])  # a class without dots changes nothing
    regions, dots = ax.collections[0], ax.collections[-1]
    predicted = model.predict(X[y != 0])
    region_colours = regions.cmap(regions.norm(predicted))[:, :3]
    dot_colours = dots.get_facecolors()[:, :3]
    right = predicted == y[y != 0]
    assert right.sum() > 0.8 * len(right) and (~right).any()
    np.testing.assert_allclose(dot_colours[right], region_colours[right])
    assert (np.abs(dot_colours[~right] - region_colours[~right]).sum(axis=1) > 0.1).all()
    assert len({tuple(colour) for colour in dot_colours}) == centers - 1
