"""Features and explanations: cyclical encoding of months, out-of-fold target encoding, the number
of columns that polynomial and spline features make, and the additivity of SHAP values."""

from __future__ import annotations

import numpy as np

from tutorials_lib.exercises._checks import Mistake, array, call, call_for_result, close, function, number
from tutorials_lib.exercises._core import Exercise

MONTHS = np.arange(1, 13)


def _check_cyclical(answer):
    cyclical = function(answer, "cyclical")
    result = call_for_result(cyclical, MONTHS, name="cyclical", shown="cyclical(np.arange(1, 13))")
    values = array(result, "the result of cyclical").astype(float)
    if values.shape == (12,):
        raise Mistake(
            "you returned one column; a month needs two, the sine and the cosine of its angle: the "
            "sine alone gives the same value to two months on either side of its peak (February and "
            "April). Return np.column_stack([np.sin(angle), np.cos(angle)])."
        )
    if values.shape == (2, 12):
        raise Mistake(
            "the result has shape (2, 12): sine and cosine are rows. Give one row per month and "
            "two columns, shape (12, 2): np.column_stack([...]) instead of np.array([...])."
        )
    if values.shape != (12, 2):
        raise Mistake(
            f"the result should have one row per month and two columns, (12, 2); yours has {values.shape}."
        )
    radius = np.hypot(values[:, 0], values[:, 1])
    if not close(radius, np.ones(12), 1e-6):
        raise Mistake(
            "the rows are not points on a circle of radius 1: the two columns should be the sine and "
            "the cosine of the *same* angle."
        )
    if close(values[0], values[11], 1e-6):
        raise Mistake(
            "January and December land on the same point: the angle goes through a full turn in 11 "
            "steps. Divide by 12, the number of months in the cycle: 2 * np.pi * month / 12."
        )
    angle = np.arctan2(values[:, 0], values[:, 1])
    steps = np.angle(np.exp(1j * np.diff(angle)))  # from one month to the next, wrapped into (-pi, pi]
    if close(np.abs(steps), np.full(11, 1.0), 1e-6):
        raise Mistake(
            "np.sin(month) turns by one radian per month, so the cycle lasts 2 * pi (about 6.3) "
            "months, not 12. Scale the month to an angle: 2 * np.pi * month / 12."
        )
    if not close(np.abs(steps), np.full(11, 2 * np.pi / 12), 1e-6) or not (
        np.all(steps > 0) or np.all(steps < 0)
    ):
        if close(np.abs(steps), np.full(11, np.abs(np.angle(np.exp(30j)))), 1e-6):
            raise Mistake(
                "it looks like degrees: 360 * month / 12 is an angle in degrees, but np.sin and np.cos "
                "take radians. Use 2 * np.pi * month / 12."
            )
        if close(steps, np.full(11, steps[0]), 1e-6):
            raise Mistake(
                f"the months are equally spaced, but a full turn takes {2 * np.pi / abs(steps[0]):.1f} "
                "months instead of 12, so December does not come back next to January. Use the angle "
                "2 * np.pi * month / 12."
            )
        raise Mistake(
            "consecutive months should be equally spaced around the circle, one twelfth of a turn "
            "apart (December next to January). Use the angle 2 * np.pi * month / 12."
        )
    if np.all(steps < 0):
        right = 2 * np.pi * MONTHS / 12
        if close(values, np.column_stack([np.cos(right), np.sin(right)]), 1e-6):
            raise Mistake(
                "the columns are swapped: the statement asks for the sine first, then the cosine: "
                "np.column_stack([np.sin(angle), np.cos(angle)])."
            )
        raise Mistake(
            "the months go round the circle backwards: with the sine first and the cosine second, as the "
            "statement asks, the angle should grow with the month, 2 * np.pi * month / 12. Did you swap "
            "the two columns, or negate the angle?"
        )
    _check_part_of_a_year(cyclical, values)


# A part of a year: the cycle is still 12 months long, whatever months the array holds.
SOME_MONTHS = np.array([3, 7])


def _check_part_of_a_year(cyclical, whole_year):
    shown = "cyclical(np.array([3, 7]))"
    result = call(cyclical, SOME_MONTHS, name="cyclical", shown=shown)
    if result is None:
        raise Mistake(f"{shown} returned None: does your function return only for some inputs?")
    values = array(result, f"the result of {shown}").astype(float)
    if values.shape == (12, 2):
        raise Mistake(
            f"{shown} returned 12 rows, not 2: your function ignores its argument and always encodes "
            "the 12 months. Compute the angle from `month`: 2 * np.pi * month / 12."
        )
    if values.shape != (2, 2):
        raise Mistake(
            f"{shown} should return one row per month given, shape (2, 2); yours has {values.shape}."
        )
    if close(values, whole_year[SOME_MONTHS - 1], 1e-6):
        return
    for divisor, how in [(SOME_MONTHS.max(), "month.max()"), (len(SOME_MONTHS), "len(month)")]:
        angle = 2 * np.pi * SOME_MONTHS / divisor
        if close(values, np.column_stack([np.sin(angle), np.cos(angle)]), 1e-6):
            raise Mistake(
                f"{shown} should give the rows of March and July from the whole year, but you divided "
                f"by {how} ({divisor} here). The cycle is a fixed 12 months, whatever months the array "
                "holds: divide by 12."
            )
    raise Mistake(
        f"{shown} should give the same rows as March and July in cyclical(np.arange(1, 13)); yours "
        "differ. The cycle is a fixed 12 months, whatever months the array holds: the angle is "
        "2 * np.pi * month / 12."
    )


def _reference_out_of_fold(categories, y, fold):
    encoded = np.empty(len(y))
    for k in np.unique(fold):
        inside, outside = fold == k, fold != k
        fallback = y[outside].mean()
        for index in np.flatnonzero(inside):
            same = outside & (categories == categories[index])
            encoded[index] = y[same].mean() if same.any() else fallback
    return encoded


RNG = np.random.default_rng(0)
CATEGORIES = np.array(list("aaaaabbbbbbccccdde") + ["f"], dtype=object)
PRICES = np.round(RNG.uniform(40, 200, CATEGORIES.size), 1)
FOLDS = np.arange(CATEGORIES.size) % 3


def _check_out_of_fold(answer):
    encode = function(answer, "out_of_fold_means")
    result = call_for_result(
        encode,
        CATEGORIES.copy(),
        PRICES.copy(),
        FOLDS.copy(),
        name="out_of_fold_means",
        shown="out_of_fold_means(categories, y, fold) with 19 rows in 3 folds",
    )
    values = array(result, "the result of out_of_fold_means", allow_sequence=True).astype(float)
    if values.shape != PRICES.shape:
        raise Mistake(f"return one number per row, shape {PRICES.shape}; yours has shape {values.shape}.")
    expected = _reference_out_of_fold(CATEGORIES, PRICES, FOLDS)
    naive = np.array([PRICES[CATEGORIES == c].mean() for c in CATEGORIES])
    if close(values, naive, 1e-6):
        raise Mistake(
            "these are the category means over all rows, the naive encoding: each row's own price is "
            "inside its encoding, which leaks the target. Average only the rows of the *other* folds."
        )
    same_fold = np.array(
        [PRICES[(CATEGORIES == c) & (FOLDS == f)].mean() for c, f in zip(CATEGORIES, FOLDS, strict=True)]
    )
    if close(values, same_fold, 1e-6):
        raise Mistake(
            "you averaged the rows of the row's *own* fold, which still includes its own price. Use "
            "the rows where fold != the row's fold."
        )
    missing = np.isnan(values)
    if missing.any():
        raise Mistake(
            f"{missing.sum()} row(s) got NaN: their category has no rows in the other folds (here 'e' "
            "and 'f' appear once). Fall back to the mean of y over all rows of the other folds."
        )
    wrong = ~np.isclose(values, expected)
    if wrong.any() and np.all(np.isclose(values[wrong], PRICES.mean())):
        raise Mistake(
            "for a category absent from the other folds, you fell back to the mean of y over all "
            "rows, which includes the row's own fold and price. Use the mean over the other folds."
        )
    if wrong.any():
        raise Mistake(
            f"{wrong.sum()} of {values.size} rows are wrong; the first is row {np.flatnonzero(wrong)[0]}: "
            f"expected {expected[wrong][0]:.2f}, got {values[wrong][0]:.2f}. For a row in fold k, average y "
            "over the rows with the same category and fold != k."
        )


def _count(answer, what, right, mistakes, advice):
    value = number(answer, what, integer=True)
    if value == right:
        return
    if value in mistakes:
        raise Mistake(mistakes[value])
    raise Mistake(f"{value:g} is not the count. {advice}")


def _check_polynomial_count(answer):
    _count(
        answer,
        "the number of columns",
        28,
        {
            27: "you forgot the bias: with the default include_bias=True, PolynomialFeatures adds a "
            "column of ones.",
            22: "you left out the squares: degree=2 makes x1², x2², ... as well as the products of "
            "pairs (unless interaction_only=True).",
            21: "that is the count with interaction_only=True and include_bias=False; here both "
            "are at their defaults, so add the six squares and the column of ones.",
            13: "you counted the bias, the columns and their squares, but not the products of pairs: "
            "6 columns make 15 pairs.",
            36: "you counted each product twice: x1·x2 and x2·x1 are the same column. There are "
            "15 pairs of different columns, plus 6 squares.",
            43: "you counted each product twice: x1·x2 and x2·x1 are the same column.",
        },
        "Count the column of ones (bias), the 6 columns, their 6 squares and the products of "
        "each pair of different columns.",
    )


def _check_spline_count(answer):
    _count(
        answer,
        "the number of columns",
        21,
        {
            15: "a spline of degree 3 with 5 knots has more basis functions than knots: "
            "n_knots + degree - 1 = 7 per column.",
            7: "7 is right for one column; SplineTransformer makes them for each of the 3 columns.",
            12: "that is the count with extrapolation='periodic' (n_knots - 1 per column); here the "
            "default, 'constant', gives n_knots + degree - 1 = 7 per column.",
            24: "one too many per column: the count is n_knots + degree - 1 = 7, not n_knots + degree.",
            18: "one too few per column: the count is n_knots + degree - 1 = 7 per column.",
        },
        "Each column gets n_knots + degree - 1 basis functions.",
    )


def _check_shap_value(answer):
    value = number(answer, "the SHAP value of agent")
    right = 131.0 - 104.0 - (38.5 - 12.0 + 4.5)
    mistakes = {
        27.0: "that is the prediction minus the base value; the other three features' SHAP values "
        "take their share of it first.",
        4.0: "the sign is wrong: base + SHAP values = prediction, so agent = 131.0 - 104.0 - 31.0.",
        100.0: "you forgot the base value: the prediction is the base value *plus* all SHAP values.",
        -28.0: "the room type's SHAP value is negative (-12.0); keep its sign when you add the "
        "contributions: 38.5 - 12.0 + 4.5 = 31.0.",
        204.0: "the base value is added to the SHAP values, so subtract it from the prediction.",
    }
    if np.isclose(value, right):
        return
    for wrong, message in mistakes.items():
        if np.isclose(value, wrong):
            raise Mistake(message)
    raise Mistake(
        f"{value:g} is not it: the base value plus the four SHAP values must equal the prediction, 131.0."
    )


EXERCISES: list[Exercise] = [
    Exercise(
        id="features-01",
        title="Months on a circle",
        statement="Write `cyclical(month)`: for an array of months (1 to 12), return an array of shape "
        "`(n, 2)` whose columns are the sine and the cosine of each month's angle on a circle, so that "
        "December sits as close to January as January to February.",
        hint_text="One full turn is 2 * pi radians, shared by 12 months: the angle of month m is "
        "2 * np.pi * m / 12. np.column_stack puts two arrays side by side.",
        given="import numpy as np",
        starter="def cyclical(month):\n    ...",
        solution_body="def cyclical(month):\n    angle = 2 * np.pi * np.asarray(month) / 12\n"
        "    return np.column_stack([np.sin(angle), np.cos(angle)])",
        answer_name="cyclical",
        checker=_check_cyclical,
    ),
    Exercise(
        id="features-02",
        title="Target encoding without the leak",
        statement="Write `out_of_fold_means(categories, y, fold)`: three NumPy arrays of the same length "
        "(a category, a price and a fold number per row). For a row in fold `k`, its encoding is the "
        "mean of `y` over the rows with the same category whose fold is not `k`; if there are none, the "
        "mean of `y` over all rows whose fold is not `k`. Return one number per row. (This is the "
        "cross-fitting that `TargetEncoder.fit_transform` does, without its shrinkage.)",
        hint_text="Loop over the folds: `outside = fold != k` selects the rows the encoding may use. "
        "Within the loop, compare each row's category with `categories[outside]`.",
        given="import numpy as np",
        starter="def out_of_fold_means(categories, y, fold):\n    ...",
        solution_body="def out_of_fold_means(categories, y, fold):\n"
        "    encoded = np.empty(len(y))\n"
        "    for k in np.unique(fold):\n"
        "        outside = fold != k\n"
        "        for i in np.flatnonzero(fold == k):\n"
        "            same = outside & (categories == categories[i])\n"
        "            encoded[i] = y[same].mean() if same.any() else y[outside].mean()\n"
        "    return encoded",
        answer_name="out_of_fold_means",
        checker=_check_out_of_fold,
    ),
    Exercise(
        id="features-03",
        title="Columns from PolynomialFeatures",
        statement="`PolynomialFeatures(degree=2)`, with its other settings at their defaults, is applied to "
        "a table of 6 numeric columns. How many columns does it output? Store the number in `n_columns`.",
        hint_text="Degree 2 gives every product of at most two inputs: the constant 1, each column, each "
        "square, and each product of two different columns.",
        given="",
        starter="n_columns = ...",
        solution_body="n_columns = 1 + 6 + 6 + 6 * 5 // 2",
        answer_name="n_columns",
        checker=_check_polynomial_count,
    ),
    Exercise(
        id="features-04",
        title="Columns from SplineTransformer",
        statement='`SplineTransformer(n_knots=5, degree=3)` (default `extrapolation="constant"`) is '
        "applied to 3 numeric columns. How many columns does it output? Store the number in `n_columns`.",
        hint_text="A B-spline basis of degree d on k knots has k + d - 1 functions, made for each column.",
        given="",
        starter="n_columns = ...",
        solution_body="n_columns = (5 + 3 - 1) * 3",
        answer_name="n_columns",
        checker=_check_spline_count,
    ),
    Exercise(
        id="features-05",
        title="SHAP values add up",
        statement="A tree model's SHAP explainer has a base value of 104.0. For one booking the model "
        "predicts 131.0, and the SHAP values of its four features are: `historical_adr` +38.5, "
        "`reserved_room_type` -12.0, `lead_time` +4.5, and `agent`, which is missing. What is the SHAP "
        "value of `agent`? Store it in `agent`.",
        hint_text="SHAP values are additive: base value + the sum of a row's SHAP values = its prediction.",
        given="",
        starter="agent = ...",
        solution_body="agent = 131.0 - 104.0 - (38.5 - 12.0 + 4.5)",
        answer_name="agent",
        checker=_check_shap_value,
    ),
]
