"""pandas exercises: select rows, group, fill missing values, count, encode categories."""

from __future__ import annotations

from functools import cache

import numpy as np

from tutorials_lib.exercises._checks import Mistake, describe, real
from tutorials_lib.exercises._core import Exercise


@cache
def _iris():
    from sklearn.datasets import load_iris

    return load_iris(as_frame=True).frame


def _frame(answer, what):
    import pandas as pd

    if isinstance(answer, pd.DataFrame):
        return answer
    if isinstance(answer, pd.Series):
        if answer.dtype == bool:
            raise Mistake(
                f"you gave a Series of True/False (a boolean mask); {what} should be a DataFrame. "
                "Use the mask to select rows: frame[mask]."
            )
        raise Mistake(f"you gave a Series (one column); {what} should be a DataFrame with all the columns.")
    raise Mistake(f"{what} should be a pandas DataFrame; you gave {describe(answer)}.")


def _series(answer, what):
    import pandas as pd

    if isinstance(answer, pd.Series):
        return real(answer, what)
    if isinstance(answer, pd.DataFrame):
        raise Mistake(
            f"you gave a DataFrame of shape {answer.shape}; {what} should be a Series. Select one "
            "column with frame['name'] (single brackets) to get a Series."
        )
    raise Mistake(f"{what} should be a pandas Series; you gave {describe(answer)}.")


def _check_long_petals(answer):
    flowers = _iris()
    rows = _frame(answer, "`long_petals`")
    column = "petal length (cm)"
    if list(rows.columns) != list(flowers.columns):
        raise Mistake(
            f"keep all {flowers.shape[1]} columns of `flowers`; yours has the columns {list(rows.columns)}."
        )
    expected = flowers[flowers[column] > 5]
    if rows.equals(expected):
        return
    if _same_rows(rows, flowers[flowers[column] >= 5]):
        raise Mistake("use > (greater than): flowers with a petal length of exactly 5 cm must be left out.")
    if _same_rows(rows, flowers[flowers[column] < 5]) or _same_rows(rows, flowers[flowers[column] <= 5]):
        raise Mistake("these are the short petals: keep the rows where the petal length is greater than 5.")
    if _same_rows(rows, expected):
        if rows.reset_index(drop=True).equals(expected.reset_index(drop=True)):
            raise Mistake(
                "you have the right rows, in the right order, but their index was renumbered "
                "(reset_index?). Keep the original index, which tells you which flower each row is: "
                "flowers[mask] keeps it."
            )
        raise Mistake(
            "you have the right rows, but in another order (sort_values?): keep them in their "
            "original order, with their original index, as flowers[mask] gives them."
        )
    if len(rows) != len(expected):
        raise Mistake(
            f"`long_petals` should have the {len(expected)} rows with petal length above 5 cm; yours has "
            f"{len(rows)} rows."
        )
    raise Mistake(
        f"`long_petals` has {len(rows)} rows, as it should, but not the rows of `flowers` whose petal "
        "length is above 5 cm: some rows or values differ."
    )


def _same_rows(rows, wanted) -> bool:
    """Whether ``rows`` holds the rows of ``wanted`` (same columns), whatever their order and index."""

    def canonical(frame):
        frame = frame.reset_index(drop=True)
        return frame.sort_values(list(frame.columns)).reset_index(drop=True)

    try:
        return canonical(rows).equals(canonical(wanted))
    except (TypeError, ValueError):  # columns that cannot be sorted
        return False


def _check_mean_petal(answer):
    flowers = _iris()
    if isinstance(answer, (float, np.floating)):
        raise Mistake(
            "that is one number, the mean of all flowers; group by `target` first to get one mean per class."
        )
    means = _series(answer, "`mean_petal`")
    grouped = flowers.groupby("target")["petal length (cm)"]
    if len(means) != 3:
        raise Mistake(f"there are 3 classes, so `mean_petal` should have 3 values; yours has {len(means)}.")
    if list(means.index) != [0, 1, 2]:
        raise Mistake(
            f"`mean_petal` should be indexed by the class (0, 1, 2); its index is {list(means.index)}. "
            "Group by the `target` column."
        )
    for name, wrong in (("medians", grouped.median()), ("sums", grouped.sum())):
        if np.allclose(means.to_numpy(float), wrong.to_numpy(float)):
            raise Mistake(f"these are the {name}; the exercise asks for the means (.mean()).")
    if not np.allclose(means.to_numpy(float), grouped.mean().to_numpy(float)):
        raise Mistake(
            "the values are not the mean petal lengths of the classes: check the column you averaged "
            "(it should be 'petal length (cm)')."
        )


def _people():
    import pandas as pd

    return pd.DataFrame(
        {"age": [25, np.nan, 40, 31, np.nan, 58], "city": ["Oslo", "Lima", "Oslo", "Pune", "Lima", "Pune"]}
    )


def _check_filled(answer):
    people = _people()
    import pandas as pd

    if isinstance(answer, pd.Series):
        raise Mistake(
            "you gave one column; `filled` should be the whole DataFrame, with its `age` column filled."
        )
    filled = _frame(answer, "`filled`")
    if len(filled) < len(people):
        raise Mistake(
            f"`filled` has {len(filled)} rows instead of {len(people)}: you dropped the rows with a "
            "missing age (dropna). Fill them instead, with fillna."
        )
    if "age" not in filled.columns or list(filled.columns) != list(people.columns):
        raise Mistake(
            f"keep the columns of `people` ({list(people.columns)}); yours are {list(filled.columns)}."
        )
    age = filled["age"]
    if age.isna().any():
        raise Mistake(
            f"{int(age.isna().sum())} ages are still missing. fillna returns a new column: assign it "
            "back, for example filled['age'] = filled['age'].fillna(...)."
        )
    known = people["age"]
    for name, value in (("mean", known.mean()), ("zero", 0.0)):
        if np.allclose(age.to_numpy(float), known.fillna(value).to_numpy(float)):
            raise Mistake(
                f"you filled the gaps with the {name}; the exercise asks for the median age, which "
                "an outlier moves less."
            )
    if not np.allclose(age.to_numpy(float), known.fillna(known.median()).to_numpy(float)):
        raise Mistake(
            f"the missing ages should become the median of the known ages ({known.median()}); the other "
            "ages must not change."
        )
    if not filled["city"].equals(people["city"]):
        raise Mistake("the `city` column should be unchanged.")


@cache
def _wine():
    from sklearn.datasets import load_wine

    return load_wine(as_frame=True).frame


def _check_shares(answer):
    wine = _wine()
    shares = _series(answer, "`shares`")
    counts = wine["target"].value_counts()
    expected = counts / counts.sum()
    if sorted(shares.index.tolist()) != [0, 1, 2]:
        raise Mistake(
            f"`shares` should be indexed by the class (0, 1, 2); its index is {shares.index.tolist()}."
        )
    shares = shares.sort_index().astype(float)
    if np.allclose(shares.to_numpy(), counts.sort_index().to_numpy()):
        raise Mistake(
            "these are counts; the exercise asks for fractions that sum to 1: value_counts(normalize=True)."
        )
    if np.allclose(shares.to_numpy(), 100 * expected.sort_index().to_numpy()):
        raise Mistake("these are percentages (they sum to 100); give fractions that sum to 1.")
    if not np.allclose(shares.to_numpy(), expected.sort_index().to_numpy()):
        raise Mistake(
            f"`shares` should be the fraction of wines in each class; yours sum to {shares.sum():.3f}."
        )


def _cars():
    import pandas as pd

    return pd.DataFrame({"colour": ["red", "blue", "red", "green"], "price": [10, 12, 9, 15]})


def _check_encoded(answer):
    cars = _cars()
    encoded = _frame(answer, "`encoded`")
    if len(encoded) != len(cars):
        raise Mistake(f"`encoded` should keep the {len(cars)} rows of `cars`; it has {len(encoded)}.")
    if "colour" in encoded.columns:
        values = encoded["colour"]
        codes = _codes_of_colours(values, cars["colour"])
        if codes is not None:
            (low, first), (middle, second), (high, third) = sorted(codes.items())
            raise Mistake(
                f"you replaced each colour by a number ({first} {low:g}, {second} {middle:g}, {third} "
                f"{high:g}). A model would read that as an order, as if {second} were between "
                f"{first} and {third}: make one 0/1 column per colour instead."
            )
        raise Mistake(
            "the `colour` column is still there: replace it by one 0/1 column per colour "
            "(pd.get_dummies does both)."
        )
    if "price" not in encoded.columns or not np.array_equal(
        encoded["price"].to_numpy(), cars["price"].to_numpy()
    ):
        raise Mistake("keep the `price` column unchanged.")
    others = [column for column in encoded.columns if column != "price"]
    for colour in ("blue", "green", "red"):
        wanted = (cars["colour"] == colour).to_numpy().astype(int)
        if not any(
            encoded[column].dtype.kind in "biuf"
            and np.array_equal(encoded[column].to_numpy().astype(int), wanted)
            for column in others
        ):
            raise Mistake(
                f"there should be a column that is 1 (or True) exactly for the {colour} cars; none is."
            )
    if len(others) != 3:
        raise Mistake(
            f"there are 3 colours, so there should be 3 colour columns besides `price`; yours has "
            f"{len(others)}."
        )


def _codes_of_colours(values, colours) -> dict | None:
    """``{number: colour}`` when ``values`` codes each of the 3 colours by its own number, else None."""
    if values.dtype.kind not in "iuf" or values.isna().any() or len(values) != len(colours):
        return None
    codes: dict = {}
    for code, colour in zip(values.to_numpy(float), colours, strict=True):
        if codes.setdefault(float(code), colour) != colour:
            return None
    return codes if len(codes) == 3 and len(set(codes.values())) == 3 else None


EXERCISES = [
    Exercise(
        id="pandas-01",
        title="Select rows with a condition",
        statement="`flowers` is the iris dataset as a DataFrame (150 flowers, 4 measurements and a `target` "
        "column). Make a DataFrame `long_petals` with the rows whose `petal length (cm)` is greater "
        "than 5, and all the columns. Keep the rows in their original order, with their original "
        "index (the row labels, which tell you which flower each row is).",
        hint_text="flowers['petal length (cm)'] > 5 is a boolean Series; flowers[that] keeps the True rows.",
        given="from sklearn.datasets import load_iris\n\nflowers = load_iris(as_frame=True).frame",
        starter="long_petals = ...",
        solution_body='long_petals = flowers[flowers["petal length (cm)"] > 5]',
        answer_name="long_petals",
        checker=_check_long_petals,
    ),
    Exercise(
        id="pandas-02",
        title="A mean per class",
        statement="With the same `flowers` frame, make a Series `mean_petal`: the mean `petal length (cm)` "
        "of each class, indexed by the `target` value (0, 1, 2).",
        hint_text="frame.groupby('target')['column'] groups one column by class; then call .mean().",
        given="from sklearn.datasets import load_iris\n\nflowers = load_iris(as_frame=True).frame",
        starter="mean_petal = ...",
        solution_body='mean_petal = flowers.groupby("target")["petal length (cm)"].mean()',
        answer_name="mean_petal",
        checker=_check_mean_petal,
    ),
    Exercise(
        id="pandas-03",
        title="Fill missing values",
        statement="Two ages are missing (`NaN`) in `people`. Make `filled`: a copy of `people` in which the "
        "missing ages are replaced by the median of the known ages. Keep every row and column.",
        hint_text="Series.median() skips missing values; Series.fillna(value) returns a filled copy.",
        given="import numpy as np\nimport pandas as pd\n\n"
        'people = pd.DataFrame({"age": [25, np.nan, 40, 31, np.nan, 58],\n'
        '                       "city": ["Oslo", "Lima", "Oslo", "Pune", "Lima", "Pune"]})',
        starter="filled = ...",
        solution_body='filled = people.copy()\nfilled["age"] = filled["age"].fillna(filled["age"].median())',
        answer_name="filled",
        checker=_check_filled,
    ),
    Exercise(
        id="pandas-04",
        title="How balanced are the classes?",
        statement="`wine` is scikit-learn's wine dataset as a DataFrame, with the class in `target`. Make a "
        "Series `shares`: the fraction of wines in each class, indexed by class, summing to 1. "
        "(Knowing the class balance tells you the accuracy of always guessing the largest class.)",
        hint_text="value_counts() counts each value; one of its parameters turns counts into fractions.",
        given="from sklearn.datasets import load_wine\n\nwine = load_wine(as_frame=True).frame",
        starter="shares = ...",
        solution_body='shares = wine["target"].value_counts(normalize=True)',
        answer_name="shares",
        checker=_check_shares,
    ),
    Exercise(
        id="pandas-05",
        title="One-hot encode a category",
        statement="Models need numbers, but `colour` holds words. Make a DataFrame `encoded` with the "
        "`price` "
        "column and one column per colour that is 1 (or True) where the car has that colour: "
        "one-hot encoding. The `colour` column itself must be gone.",
        hint_text="pd.get_dummies(frame, columns=[...]) replaces a column by one column per value.",
        given="import pandas as pd\n\n"
        'cars = pd.DataFrame({"colour": ["red", "blue", "red", "green"], "price": [10, 12, 9, 15]})',
        starter="encoded = ...",
        solution_body='encoded = pd.get_dummies(cars, columns=["colour"])',
        answer_name="encoded",
        checker=_check_encoded,
    ),
]
