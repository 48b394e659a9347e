"""NumPy exercises: arrays, shapes, axes, boolean masks and broadcasting."""

from __future__ import annotations

import numpy as np

from tutorials_lib.exercises._checks import Mistake, array, call, close, expect_shape, function
from tutorials_lib.exercises._core import Exercise


def _check_evens(answer):
    evens = array(answer, "`evens`")
    expected = np.arange(0, 21, 2)
    if evens.dtype.kind == "f":
        if close(evens, expected):
            raise Mistake(
                f"the values are right but the dtype is {evens.dtype}: floats, as np.linspace gives. "
                "Ask for integers, for example with np.arange."
            )
        raise Mistake(f"`evens` holds floats ({evens.dtype}); it should hold the integers 0, 2, ..., 20.")
    if evens.dtype.kind not in "iu":
        raise Mistake(
            f"`evens` should hold integers; yours has dtype {evens.dtype}. Build it with np.arange."
        )
    if evens.ndim != 1:
        raise Mistake(f"`evens` should be one-dimensional, shape (11,); yours has shape {evens.shape}.")
    if np.array_equal(evens, np.arange(0, 20, 2)):
        raise Mistake(
            "20 is missing: np.arange stops *before* its end value, so the end must be past 20 (off by one)."
        )
    if np.array_equal(evens, np.arange(2, 21, 2)):
        raise Mistake("0 is missing: the even numbers from 0 to 20 start at 0.")
    if not np.array_equal(evens, expected):
        raise Mistake(
            f"`evens` should be [0, 2, 4, ..., 20] (11 numbers); yours starts {evens[:4].tolist()} "
            f"and has {evens.size} numbers."
        )


def _check_image(answer):
    image = array(answer, "`image`")
    pixels = np.arange(64)
    if image.shape != (8, 8):
        raise Mistake(f"`image` should have shape (8, 8): 8 rows of 8 pixels; yours has shape {image.shape}.")
    if np.array_equal(image, pixels.reshape(8, 8, order="F")) or np.array_equal(
        image, pixels.reshape(8, 8).T
    ):
        raise Mistake(
            "the shape is right but the pixels are in columns: the first 8 values must fill the first "
            "*row*. Use pixels.reshape(8, 8), without order='F' or a transpose."
        )
    # Floats holding the right values pass: the exercise is about the shape and the order.
    if not np.array_equal(image, pixels.reshape(8, 8)):
        raise Mistake("`image` should hold the values of `pixels`, row by row; yours holds other values.")


def _check_standardize(answer):
    standardize = function(answer, "standardize")
    X = np.array([[1.0, 200.0], [2.0, 400.0], [3.0, 300.0], [6.0, 100.0]])
    result = call(standardize, X, name="standardize", shown="standardize(X) on an array of shape (4, 2)")
    if result is None:
        raise Mistake("standardize returned None: did you forget the `return` line?")
    result = array(result, "the result of standardize")
    expect_shape(result, X.shape, "standardize(X)")
    expected = (X - X.mean(axis=0)) / X.std(axis=0)
    if close(result, expected):
        return
    if close(result, (X - X.mean()) / X.std()):
        raise Mistake(
            "you used the mean and standard deviation of the whole array. Standardise each column "
            "(feature) on its own: pass axis=0 to mean and std."
        )
    if close(result, (X - X.mean(axis=1, keepdims=True)) / X.std(axis=1, keepdims=True)):
        raise Mistake("you standardised each row; standardise each column (feature): use axis=0, not axis=1.")
    if close(result, X - X.mean(axis=0) / X.std(axis=0)):
        raise Mistake(
            "division happens before subtraction: X - mean / std divides only the mean. Put the "
            "subtraction in brackets: (X - mean) / std."
        )
    if close(result, X - X.mean(axis=0)):
        raise Mistake(
            "the columns are centred (mean 0) but not scaled: divide by the standard deviation too."
        )
    if close(result, X / X.std(axis=0)):
        raise Mistake("you divided by the standard deviation but did not subtract the mean first.")
    if close(result, (X - X.mean(axis=0)) / X.std(axis=0, ddof=1)):
        raise Mistake(
            "you used the sample standard deviation (ddof=1); this exercise, like scikit-learn's "
            "StandardScaler, uses X.std(axis=0), with ddof=0."
        )
    raise Mistake(
        "each column of the result should have mean 0 and standard deviation 1; yours has means "
        f"{np.round(result.mean(axis=0), 3).tolist()} and standard deviations "
        f"{np.round(result.std(axis=0), 3).tolist()}."
    )


def _check_above_mean(answer):
    scores = np.array([3, 9, 4, 7, 5, 8, 6])
    if isinstance(answer, np.ndarray) and answer.dtype == bool:
        raise Mistake(
            "you gave the boolean mask (True/False for each score). Use it to index the array: "
            "scores[mask] keeps the values where the mask is True."
        )
    high = array(answer, "`high`")
    if np.array_equal(high, scores[scores >= scores.mean()]):
        raise Mistake("use > (strictly greater): the score 6 equals the mean, so it is not above it.")
    if np.array_equal(high, np.flatnonzero(scores > scores.mean())):
        raise Mistake("these are the positions of the scores, not the scores: index the array with the mask.")
    # Floats holding the right scores pass: the exercise is about the mask, not the dtype.
    if not np.array_equal(high, scores[scores > scores.mean()]):
        raise Mistake(
            f"`high` should hold the scores above the mean ({scores.mean():.2f}), in their original "
            f"order; yours holds {high.tolist()}."
        )


def _check_distances(answer):
    distances_fn = function(answer, "distances")
    points = np.array([[0.0, 0.0], [3.0, 4.0], [1.0, 1.0], [-2.0, 0.0]])
    target = np.array([1.0, 1.0])
    result = call(
        distances_fn,
        points,
        target,
        name="distances",
        shown="distances(points, p) with points of shape (4, 2) and p of shape (2,)",
    )
    if result is None:
        raise Mistake("distances returned None: did you forget the `return` line?")
    if isinstance(result, list):
        raise Mistake(
            "distances returned a list; return a NumPy array. A loop is not needed: "
            "subtract p from all the points at once (broadcasting)."
        )
    result = array(result, "the result of distances")
    expected = np.sqrt(((points - target) ** 2).sum(axis=1))
    if result.shape == points.shape:
        raise Mistake(
            f"the result has shape {result.shape}, one value per coordinate: sum the squared "
            "differences over each row (axis=1) before the square root."
        )
    if result.shape == (2,):
        raise Mistake(
            "the result has shape (2,): you summed over the points (axis=0); sum over the "
            "coordinates of each point (axis=1)."
        )
    expect_shape(result, (4,), "distances(points, p)")
    if close(result, expected**2):
        raise Mistake("these are squared distances: take the square root (np.sqrt) at the end.")
    if close(result, np.abs(points - target).sum(axis=1)):
        raise Mistake(
            "these are Manhattan distances (sums of absolute differences); the exercise asks for "
            "the Euclidean distance: the square root of the sum of squared differences."
        )
    if not close(result, expected):
        raise Mistake(
            f"for the points {points.tolist()} and p = {target.tolist()} the distances are "
            f"{np.round(expected, 3).tolist()}; yours are {np.round(result, 3).tolist()}."
        )


EXERCISES = [
    Exercise(
        id="numpy-01",
        title="Even numbers up to 20",
        statement="Create a one-dimensional NumPy array `evens` that holds the even numbers from 0 to 20, "
        "both included, as integers: `[0, 2, 4, ..., 20]`.",
        hint_text="np.arange(start, stop, step) stops just before `stop`.",
        given="import numpy as np",
        starter="evens = ...",
        solution_body="evens = np.arange(0, 21, 2)",
        answer_name="evens",
        checker=_check_evens,
    ),
    Exercise(
        id="numpy-02",
        title="From a row of pixels to an image",
        statement="An 8 by 8 image is stored as one row of 64 pixel values, row after row (this is how "
        "scikit-learn's digits are stored). Turn `pixels` into an array `image` of shape `(8, 8)` "
        "whose first row holds the first 8 values.",
        hint_text="An array's .reshape(rows, columns) fills the new shape row by row.",
        given="import numpy as np\n\npixels = np.arange(64)",
        starter="image = ...",
        solution_body="image = pixels.reshape(8, 8)",
        answer_name="image",
        checker=_check_image,
    ),
    Exercise(
        id="numpy-03",
        title="Standardise the columns",
        statement="Write a function `standardize(X)` that takes a 2-D array (one row per example, one column "
        "per feature) and returns a new array in which every column has mean 0 and standard "
        "deviation 1: subtract the column's mean, then divide by the column's standard deviation as "
        "`X.std(axis=0)` computes it (NumPy's default, `ddof=0`, which scikit-learn's `StandardScaler` "
        "also uses). Use NumPy only, without loops.",
        hint_text="X.mean(axis=0) gives one mean per column, and broadcasting subtracts it from every row.",
        given="import numpy as np",
        starter="def standardize(X):\n    ...",
        solution_body="def standardize(X):\n    return (X - X.mean(axis=0)) / X.std(axis=0)",
        answer_name="standardize",
        checker=_check_standardize,
    ),
    Exercise(
        id="numpy-04",
        title="Scores above the mean",
        statement="Given the array `scores`, make an array `high` of the scores that are strictly greater "
        "than the mean of all scores, in their original order. Use a boolean mask, not a loop.",
        hint_text="scores > scores.mean() is an array of True and False; an array indexed with it keeps "
        "the True positions.",
        given="import numpy as np\n\nscores = np.array([3, 9, 4, 7, 5, 8, 6])",
        starter="high = ...",
        solution_body="high = scores[scores > scores.mean()]",
        answer_name="high",
        checker=_check_above_mean,
    ),
    Exercise(
        id="numpy-05",
        title="Distances to a point",
        statement="Write a function `distances(points, p)` where `points` has shape `(n, 2)` and `p` has "
        "shape `(2,)`. It returns an array of shape `(n,)`: the Euclidean distance from each point "
        "to `p`. Use broadcasting instead of a loop (this is the heart of the k-nearest-neighbours "
        "algorithm).",
        hint_text="points - p subtracts p from every row; square, sum over axis=1, then take np.sqrt.",
        given="import numpy as np",
        starter="def distances(points, p):\n    ...",
        solution_body="def distances(points, p):\n    return np.sqrt(((points - p) ** 2).sum(axis=1))",
        answer_name="distances",
        checker=_check_distances,
    ),
]
