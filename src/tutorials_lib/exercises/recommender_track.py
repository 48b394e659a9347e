"""Recommender systems on real ratings: a split by time that does not leak the future, the
user-and-film-bias prediction with an unseen film, the RMSE, and precision@k of one list."""

from __future__ import annotations

import numpy as np
import pandas as pd

from tutorials_lib.exercises._checks import (
    Mistake,
    array,
    call,
    call_for_result,
    close,
    describe,
    function,
    number,
)
from tutorials_lib.exercises._core import Exercise

# Ten ratings, deliberately not in time order, one of them exactly at the cutoff (300).
RATINGS = pd.DataFrame(
    {
        "userId": [1, 1, 2, 2, 3, 3, 4, 4, 5, 5],
        "movieId": [10, 20, 10, 30, 20, 30, 10, 40, 40, 20],
        "rating": [4.0, 3.5, 5.0, 2.0, 4.5, 3.0, 1.0, 4.0, 3.5, 5.0],
        "timestamp": [100, 450, 200, 300, 120, 500, 250, 380, 90, 280],
    }
)
CUTOFF = 300


def _ids(part, which):
    """Which of the check's ratings `part` holds, by content, so that a part whose index was reset
    (or that lost its index) is judged by its rows, not by its labels."""
    if type(part).__name__ != "DataFrame":
        raise Mistake(
            f"the {which} part should be a pandas DataFrame of ratings (rows of `ratings`); "
            f"you gave {describe(part)}."
        )
    if "rating" not in part.columns:
        raise Mistake(
            f"the {which} part has no `rating` column: a model learns from the ratings, and is tested on "
            "them, so keep every column of the rows you select: ratings[mask], not ratings[mask][[...]]."
        )
    missing = [column for column in ["userId", "movieId", "timestamp"] if column not in part.columns]
    if missing:
        raise Mistake(
            f"the {which} part has lost the column(s) {', '.join(missing)}; keep every column of the rows "
            "you select."
        )
    # Each (user, film, timestamp) identifies one of the check's ten ratings.
    label_of = {row: label for label, row in zip(RATINGS.index, _keys(RATINGS), strict=True)}
    rows = _keys(part)
    if len(set(rows)) < len(rows):
        raise Mistake(f"the {which} part holds some ratings twice; every rating belongs to one part, once.")
    labels = {label_of.get(row, ("not a rating of `ratings`", row)) for row in rows}
    known = [label_of[row] for row in rows if row in label_of]
    given = np.asarray(part["rating"], dtype=object)[[row in label_of for row in rows]]
    if any(
        not isinstance(value, (int, float, np.number)) or value != RATINGS.loc[label, "rating"]
        for label, value in zip(known, given, strict=True)
    ):
        raise Mistake(
            f"some ratings in the {which} part differ from those in `ratings`; a split only chooses rows, "
            "it keeps their values as they are."
        )
    return labels


def _keys(frame):
    return list(zip(frame["userId"], frame["movieId"], frame["timestamp"], strict=True))


# A second cutoff, so that a split on a fixed 300 is caught; here too one rating is exactly at it.
OTHER_CUTOFF = 250


def _check_split(answer):
    split_by_time = function(answer, "split_by_time")
    _judge_split(split_by_time, CUTOFF)
    _judge_split(split_by_time, OTHER_CUTOFF)


def _judge_split(split_by_time, cutoff):
    shown = f"split_by_time(ratings, cutoff={cutoff}) on 10 ratings"
    result = call(split_by_time, RATINGS, cutoff, name="split_by_time", shown=shown)
    if result is None:
        raise Mistake(f"{shown} returned None: did you forget the `return` line?")
    if not isinstance(result, (tuple, list)) or len(result) != 2:
        raise Mistake(
            f"split_by_time should return two DataFrames, (train, test); it returned {describe(result)}."
        )
    train, test = (_ids(part, which) for part, which in zip(result, ["train", "test"], strict=True))
    times = RATINGS["timestamp"]
    right_train = set(RATINGS.index[times < cutoff])
    right_test = set(RATINGS.index[times >= cutoff])
    if (train, test) == (right_train, right_test):
        return
    at_fixed = (set(RATINGS.index[times < CUTOFF]), set(RATINGS.index[times >= CUTOFF]))
    if cutoff != CUTOFF and (train, test) == at_fixed:
        raise Mistake(
            f"with cutoff={cutoff}, your function still split the ratings at {CUTOFF}: it ignores its "
            "argument. Compare the timestamps with `cutoff`, not with a fixed number."
        )
    if (train, test) == (right_test, right_train):
        raise Mistake("train and test are swapped: return the earlier ratings first, (train, test).")
    if train & test:
        raise Mistake(
            "some ratings are in both parts: a rating is either before the cutoff (train) or at or after "
            "it (test). Use `<` on one side and `>=` on the other."
        )
    if train | test != set(RATINGS.index):
        raise Mistake(
            f"the two parts hold {len(train | test)} of the 10 ratings; every rating belongs to exactly one "
            "part."
        )
    at_cutoff = set(RATINGS.index[times == cutoff])
    if train == right_train | at_cutoff:
        raise Mistake(
            "the rating made exactly at the cutoff is in train; it belongs to the test side: train is "
            "`timestamp < cutoff`, test is `timestamp >= cutoff`."
        )
    n_train = len(train)
    if train == set(RATINGS.index[:n_train]):
        raise Mistake(
            "you split by row position, but the rows are not in time order: the first rows are not the "
            "earliest ratings. Compare each rating's `timestamp` with the cutoff."
        )
    if train and test and times[list(train)].max() >= times[list(test)].min():
        raise Mistake(
            "some training rating is later than a test rating, so the model would learn from the future it "
            "is tested on (as a random split does). Put every rating before the cutoff in train, the rest in "
            "test."
        )
    raise Mistake(
        f"with cutoff={cutoff}, train should hold exactly the ratings with `timestamp < cutoff`, test the "
        "others."
    )


MU = 3.5
USER_BIAS = np.array([0.3, -0.5, 0.1])
FILM_BIAS = np.array([0.4, -0.2, 0.0, 0.6])
USERS = np.array([0, 1, 2, 0, 1])
FILMS = np.array([1, 3, -1, 0, -1])  # -1: a film unseen in training


def _prediction(users, films):
    return MU + USER_BIAS[users] + np.where(films >= 0, FILM_BIAS[films], 0.0)


def _check_predict(answer):
    predict = function(answer, "predict")
    result = call_for_result(
        predict,
        MU,
        USER_BIAS,
        FILM_BIAS,
        USERS,
        FILMS,
        name="predict",
        shown="predict(mu, user_bias, film_bias, users, films) with 5 ratings, 2 of unseen films (-1)",
    )
    values = array(result, "the result of predict")
    if values.shape != USERS.shape:
        raise Mistake(
            f"predict should return one prediction per rating, shape {USERS.shape}; yours has {values.shape}."
        )
    if values.dtype.kind not in "fiu":
        raise Mistake(f"the predictions should be numbers; yours have dtype {values.dtype}.")
    values = values.astype(float)
    expected = _prediction(USERS, FILMS)
    if close(values, expected):
        return
    seen = FILMS >= 0
    if close(values, MU + USER_BIAS[USERS] + FILM_BIAS[FILMS]):
        raise Mistake(
            "for an unseen film (index -1) you used film_bias[-1], which NumPy reads as the *last* film's "
            "bias, silently. An unseen film has no bias: use 0 for it, e.g. "
            "np.where(films >= 0, film_bias[films], 0)."
        )
    if np.isnan(values[~seen]).any() and close(values[seen], expected[seen]):
        raise Mistake(
            "the unseen films get nan; they still have a prediction: the global mean plus the user's bias."
        )
    if close(values, expected - MU):
        raise Mistake("you forgot the global mean `mu`: the biases are deviations from it.")
    if close(values[seen], expected[seen]) and close(values[~seen], np.full((~seen).sum(), MU)):
        raise Mistake(
            "for an unseen film you predicted the global mean alone; the user is known, so keep their bias: "
            "mu + user_bias[user]."
        )
    raise Mistake(
        f"the predictions should be {np.round(expected, 2).tolist()} (mu + user bias + film bias, with 0 "
        f"for an unseen film's bias); yours are {np.round(values, 2).tolist()}."
    )


PREDICTED = np.array([3.5, 4.0, 2.0, 5.0, 3.0, 4.5])
ACTUAL = np.array([4.0, 4.0, 3.0, 4.0, 1.0, 5.0])


def _check_rmse(answer):
    rmse = function(answer, "rmse")
    result = call_for_result(
        rmse, PREDICTED, ACTUAL, name="rmse", shown="rmse(predicted, actual) on 6 ratings"
    )
    value = number(result, "the RMSE")
    errors = PREDICTED - ACTUAL
    right = float(np.sqrt(np.mean(errors**2)))
    if abs(value - right) < 1e-6:
        return
    known = {
        float(
            np.mean(errors**2)
        ): "this is the mean squared error; take its square root, so the error is in stars.",
        float(np.mean(np.abs(errors))): "this is the mean absolute error; the RMSE squares the errors, "
        "averages them, then takes the square root.",
        float(np.sqrt(np.sum(errors**2))): "you took the square root of the *sum* of squared errors; "
        "take the mean first, so the result does not grow with the number of ratings.",
        float(
            abs(np.mean(errors))
        ): "you averaged the errors before squaring them, so errors of opposite sign "
        "cancel out; square each error first.",
    }
    for wrong, message in known.items():
        if abs(value - wrong) < 1e-6:
            raise Mistake(message)
    raise Mistake(f"on the check's ratings the RMSE is {right:.4f}; yours gave {value:.4f}.")


# The 6th recommended film (8) is relevant, so counting one film too many, recommended[:k + 1],
# gives 3/5, not the right 2/5.
RECOMMENDED = [12, 7, 30, 4, 19, 8, 25, 3]
RELEVANT = {7, 19, 8, 40}


# A second k, so that a fixed 5 is caught: among the first 3 films, 1 is relevant (1/3), and no
# known mistake gives 1/3 there (the check with k=5 comes first and catches recommended[:k + 1]).
OTHER_K = 3


def _check_precision(answer):
    precision_at_k = function(answer, "precision_at_k")
    _judge_precision(precision_at_k, 5)
    _judge_precision(precision_at_k, OTHER_K)


def _judge_precision(precision_at_k, k):
    result = call_for_result(
        precision_at_k,
        RECOMMENDED,
        RELEVANT,
        k,
        name="precision_at_k",
        shown=f"precision_at_k(recommended, relevant, k={k}) with 8 recommended and 4 relevant films",
    )
    value = number(result, "precision@k")
    hits_top = len(set(RECOMMENDED[:k]) & RELEVANT)
    hits_all = len(set(RECOMMENDED) & RELEVANT)
    if abs(value - hits_top / k) < 1e-9:
        return
    if k != 5:
        fixed = len(set(RECOMMENDED[:5]) & RELEVANT)
        for wrong in (fixed / 5, hits_top / 5, fixed / k):
            if abs(value - wrong) < 1e-9:
                raise Mistake(
                    f"with k={k} your function gave {value:g}, as if k were still 5: use the argument "
                    "`k` both to cut the list, recommended[:k], and to divide, not a fixed 5. Here "
                    f"precision@{k} is {hits_top}/{k}."
                )
    known = {
        hits_top: "this is the number of hits; precision@k is a share: divide by k.",
        hits_top / len(RELEVANT): "you divided by the number of relevant films; that is recall@k. "
        "Precision@k divides by k, the length of the list the user sees.",
        hits_all / len(RECOMMENDED): "you counted the whole list; only the first k films are shown: "
        "recommended[:k].",
        hits_all / k: "you counted hits beyond the first k films; only recommended[:k] is shown.",
    }
    for wrong, message in known.items():
        if abs(value - wrong) < 1e-9:
            raise Mistake(message)
    raise Mistake(
        f"here {hits_top} of the first {k} recommended films are relevant, so precision@{k} is "
        f"{hits_top / k:g}; yours gave {value:g}."
    )


EXERCISES = [
    Exercise(
        id="recommender-01",
        title="A split by time",
        statement="Write `split_by_time(ratings, cutoff)` that returns `(train, test)`: the rows of the "
        "DataFrame `ratings` with a `timestamp` before `cutoff`, and those at or after it. Unlike a random "
        "split, no training rating is then later than a test rating.",
        hint_text="A boolean mask on the timestamp column selects rows: "
        "ratings[ratings['timestamp'] < cutoff].",
        given="import pandas as pd",
        starter="def split_by_time(ratings, cutoff):\n    ...",
        solution_body="def split_by_time(ratings, cutoff):\n"
        '    before = ratings["timestamp"] < cutoff\n'
        "    return ratings[before], ratings[~before]",
        answer_name="split_by_time",
        checker=_check_split,
    ),
    Exercise(
        id="recommender-02",
        title="Predict with biases, unseen films included",
        statement="Write `predict(mu, user_bias, film_bias, users, films)` that returns, for each rating, "
        "`mu + user_bias[user] + film_bias[film]`. `users` and `films` are arrays of row numbers; a film "
        "unseen in training has the number -1 and no bias: use 0 for it.",
        hint_text="np.where(films >= 0, ..., 0.0) picks a value per rating. Beware: film_bias[-1] is valid "
        "NumPy, and means the last film.",
        given="import numpy as np",
        starter="def predict(mu, user_bias, film_bias, users, films):\n    ...",
        solution_body="def predict(mu, user_bias, film_bias, users, films):\n"
        "    known = films >= 0\n"
        "    return mu + user_bias[users] + np.where(known, film_bias[np.where(known, films, 0)], 0.0)",
        answer_name="predict",
        checker=_check_predict,
    ),
    Exercise(
        id="recommender-03",
        title="The RMSE",
        statement="Write `rmse(predicted, actual)` that returns the root mean squared error of two NumPy "
        "arrays of ratings, as one number, in stars.",
        hint_text="Square the differences, take their mean, then the square root.",
        given="import numpy as np",
        starter="def rmse(predicted, actual):\n    ...",
        solution_body="def rmse(predicted, actual):\n"
        "    return float(np.sqrt(np.mean((predicted - actual) ** 2)))",
        answer_name="rmse",
        checker=_check_rmse,
    ),
    Exercise(
        id="recommender-04",
        title="Precision@k of one user's list",
        statement="Write `precision_at_k(recommended, relevant, k)`: `recommended` is a list of film ids, "
        "best first; `relevant` is the set of films the user went on to like. Return the share of the "
        "first `k` recommended films that are relevant.",
        hint_text="recommended[:k] is what the user sees; count how many of those are in relevant.",
        given="",
        starter="def precision_at_k(recommended, relevant, k):\n    ...",
        solution_body="def precision_at_k(recommended, relevant, k):\n"
        "    hits = sum(film in relevant for film in recommended[:k])\n"
        "    return hits / k",
        answer_name="precision_at_k",
        checker=_check_precision,
    ),
]
