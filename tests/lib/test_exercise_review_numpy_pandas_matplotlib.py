"""The checks of the NumPy, pandas and Matplotlib tracks after their independent review: the
right and wrong answers (run by test_exercise_review_fixes.py), and the checks of their own.

For each check the review found too strict, too lenient or wrong in its message: an answer
that meets the statement passes, and the wrong answer the reviewer tried gets "Not yet" with a
message that names what is wrong (the items are in the site's review log).
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import pytest

from tests.lib.exercise_answers import answer_of, progress_file  # noqa: F401 (an autouse fixture)
from tutorials_lib.exercises import get

LABELS = 'ax.set_xlabel("petal length (cm)")\nax.set_ylabel("petal width (cm)")\nax.set_title("Iris")\n'
HIST_LABELS = 'ax.set_xlabel("height (cm)")\nax.set_ylabel("number of people")\n'
HISTORY_LINES = (
    'fig, ax = plt.subplots()\nax.plot(history["loss"], label="training")\n'
    'ax.plot(history["val_loss"], label="validation")\nax.set_xlabel("epoch")\n'
)

RIGHT = {
    "numpy-03": [
        "from sklearn.preprocessing import StandardScaler\n"
        "def standardize(X):\n    return StandardScaler().fit_transform(X)",
    ],
    "pandas-01": [
        'long_petals = flowers.query("`petal length (cm)` > 5")',
        'long_petals = flowers.loc[flowers["petal length (cm)"] > 5].copy()',
    ],
    "pandas-05": ['encoded = pd.get_dummies(cars, columns=["colour"], dtype=int)'],
    "matplotlib-01": [
        "fig, ax = plt.subplots()\nax.hist(heights, bins=np.linspace(heights.min(), heights.max(), 21))\n"
        + HIST_LABELS,
        "fig, ax = plt.subplots()\nax.hist(heights, bins=np.arange(120, 211, 4.5))\n" + HIST_LABELS,
        "fig, ax = plt.subplots()\nax.hist(heights, bins=20, rwidth=0.8, edgecolor='k')\n" + HIST_LABELS,
    ],
    "matplotlib-02": [
        "fig, ax = plt.subplots()\nfor label, group in flowers.groupby('target'):\n"
        "    ax.scatter(group['petal length (cm)'], group['petal width (cm)'], label=str(label))\n" + LABELS,
        "shuffled = flowers.sample(frac=1, random_state=0)\nfig, ax = plt.subplots()\n"
        "ax.scatter(shuffled['petal length (cm)'], shuffled['petal width (cm)'], c=shuffled['target'])\n"
        + LABELS,
        "fig, ax = plt.subplots()\nax.scatter(flowers['petal length (cm)'], flowers['petal width (cm)'], "
        "facecolors='none', edgecolors=flowers['target'].map({0: 'red', 1: 'green', 2: 'blue'}))\n" + LABELS,
    ],
    "matplotlib-03": [HISTORY_LINES + "fig.legend()"],
    "matplotlib-04": [
        "fig, axes = plt.subplots(2, 5)\nfor index, ax in enumerate(axes.flat):\n"
        "    ax.imshow(digits.images[index])\n    ax.set_title(f'label {digits.target[index]}')",
        "fig = plt.figure()\nfor index in range(10):\n    ax = fig.add_subplot(2, 5, index + 1)\n"
        "    ax.imshow(digits.images[index])\n    ax.set_title(str(digits.target[index]))",
    ],
}

WRONG = {
    "pandas-01": [
        (
            'long_petals = flowers[flowers["petal length (cm)"] > 5].reset_index(drop=True)',
            "the right rows, in the right order, but their index was renumbered",
        ),
        (
            'long_petals = flowers[flowers["petal length (cm)"] > 5].sort_values("petal length (cm)")',
            "the right rows, but in another order",
        ),
        (
            'long_petals = flowers[flowers["petal length (cm)"] > 5].head(40)',
            "should have the 42 rows with petal length above 5 cm; yours has 40 rows",
        ),
    ],
    "pandas-05": [
        (
            'encoded = cars.assign(colour=pd.factorize(cars["colour"])[0])',
            "(red 0, blue 1, green 2). A model would read that as an order, as if blue were between red "
            "and green",
        ),
    ],
    "matplotlib-01": [
        (
            'fig, ax = plt.subplots()\nax.hist(heights, bins=20, orientation="horizontal")\n' + HIST_LABELS,
            "the bars are horizontal",
        ),
        (
            'fig, ax = plt.subplots()\nax.hist(heights, bins=20, histtype="step")\n' + HIST_LABELS,
            "drawn as an outline",
        ),
        (
            "fig, ax = plt.subplots()\nax.hist(np.zeros(500), bins=20)\n" + HIST_LABELS,
            "the bars should count how many of the 500 `heights` fall in each bin",
        ),
        (
            "fig, ax = plt.subplots()\nax.hist(heights, bins=20, density=True)\n" + HIST_LABELS,
            "the bars show densities",
        ),
    ],
    "matplotlib-02": [
        (
            "fig, ax = plt.subplots()\nax.scatter(flowers['petal length (cm)'], flowers['petal width (cm)'], "
            "c=flowers['sepal length (cm)'])\n" + LABELS,
            "the dots are coloured, but not by class",
        ),
        (
            "fig, ax = plt.subplots()\nax.scatter(flowers['petal length (cm)'].sort_values(), "
            "flowers['petal width (cm)'], c=flowers['target'])\n" + LABELS,
            "not paired flower by flower",
        ),
    ],
    "matplotlib-04": [
        (
            "fig, axes = plt.subplots(5, 2)\nfor index, ax in enumerate(axes.flat):\n"
            "    ax.imshow(digits.images[index])\n    ax.set_title(str(digits.target[index]))",
            "the grid has 5 rows and 2 columns; it should have 2 rows and 5 columns",
        ),
        (
            "fig, axes = plt.subplots(1, 10)\nfor index, ax in enumerate(axes.flat):\n"
            "    ax.imshow(digits.images[index])\n    ax.set_title(str(digits.target[index]))",
            "the grid has 1 row and 10 columns",
        ),
        (
            "fig, axes = plt.subplots(2, 5)\nfor index, ax in enumerate(axes.flat):\n"
            "    ax.imshow(digits.images[index])\n    ax.set_title(f'{index}: {digits.target[index]}')",
            "titled with its label, 0, and no other number",
        ),
    ],
}


def test_numpy_03_states_which_standard_deviation_it_wants():
    exercise = get("numpy-03")
    assert "`X.std(axis=0)`" in exercise.statement and "`ddof=0`" in exercise.statement
    body = "def standardize(X):\n    return (X - X.mean(axis=0)) / X.std(axis=0, ddof=1)"
    assert "ddof=1" in exercise.check(answer_of("numpy-03", body)).message


def test_matplotlib_03_a_missing_legend_is_still_reported():
    verdict = get("matplotlib-03").check(answer_of("matplotlib-03", HISTORY_LINES))
    assert "there is no legend" in verdict.message


def test_the_statements_say_what_the_checks_require():
    assert "original order, with their original index" in get("pandas-01").statement
    assert "upright bars" in get("matplotlib-01").statement
    assert "no other number" in get("matplotlib-04").statement


@pytest.mark.parametrize("bins", [{"bins": 20, "range": (160, 180)}, {"bins": list(range(150, 191, 2))}])
def test_matplotlib_01_refuses_bins_that_leave_heights_out(bins):
    from tutorials_lib.exercises.matplotlib_track import _heights

    fig, ax = plt.subplots()
    ax.hist(_heights(), **bins)
    ax.set(xlabel="height (cm)", ylabel="count", title="Heights")
    result = str(get("matplotlib-01").check(fig))
    plt.close(fig)
    assert result.startswith("Not yet") and "of the 500 heights" in result, result
