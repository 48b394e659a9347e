from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pytest

from tutorials_lib.plotting import as_images, plot_image_grid


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
        (np.zeros((0, 64)), {}, "no images to plot"),
        (np.zeros((3, 64)), {"labels": [1, 2]}, "3 images but 2 labels"),
        (np.zeros((3, 64)), {"ncols": 0}, "ncols must be a positive integer"),
    ],
)
def test_bad_input_is_rejected_with_advice(images, kwargs, message):
    with pytest.raises(ValueError, match=message):
        plot_image_grid(images, **kwargs)
