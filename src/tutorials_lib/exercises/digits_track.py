"""The digits project: scale the pixels, measure a baseline, train, read predictions, find errors."""

from __future__ import annotations

from functools import cache

import numpy as np

from tutorials_lib.exercises._checks import Mistake, array, close, describe, number
from tutorials_lib.exercises._core import Exercise


@cache
def _raw():
    from sklearn.datasets import load_digits

    return load_digits().data


@cache
def _split():
    from tutorials_lib.data import load_digits_split

    return load_digits_split()


def _check_scaled(answer):
    raw = _raw()
    X = array(answer, "`X_scaled`")
    if X.shape != raw.shape:
        raise Mistake(f"`X_scaled` should keep the shape of X, {raw.shape}; yours has shape {X.shape}.")
    if close(X, raw // 16):
        raise Mistake(
            "you used integer division (//), which rounds every pixel down to 0 or 1; divide with /."
        )
    if X.dtype.kind in "iub":
        raise Mistake(f"`X_scaled` holds integers ({X.dtype}); scaled pixels are fractions between 0 and 1.")
    if close(X, raw):
        raise Mistake("these are the raw pixels, 0 to 16: you forgot to scale.")
    if close(X, raw / 255):
        raise Mistake(
            "you divided by 255, the maximum of 8-bit photos; these pixels go from 0 to 16, so divide by "
            "16 to reach [0, 1]."
        )
    if close(X, raw / raw.max(axis=0).clip(min=1)):
        raise Mistake(
            "you scaled each column by its own maximum; divide every pixel by 16, the scale of the data."
        )
    if not close(X, raw / 16):
        raise Mistake(
            f"`X_scaled` should be X / 16, between 0 and 1; yours goes from {X.min():.3g} to {X.max():.3g}."
        )


def _check_baseline(answer):
    from sklearn.dummy import DummyClassifier

    X_train, X_test, y_train, y_test = _split()
    if hasattr(answer, "predict"):
        raise Mistake(
            "you passed the fitted DummyClassifier; pass its accuracy on the test set: "
            "dummy.score(X_test, y_test)."
        )
    value = number(answer, "`baseline`")
    dummy = DummyClassifier(strategy="most_frequent").fit(X_train, y_train)
    expected = dummy.score(X_test, y_test)
    if np.isclose(value, 100 * expected):
        raise Mistake("that is a percentage; give the accuracy as a fraction between 0 and 1.")
    if np.isclose(value, dummy.score(X_train, y_train)) and not np.isclose(value, expected):
        raise Mistake(
            "that is the accuracy on the training set; measure the baseline on the test set, like "
            "every model you will compare with it."
        )
    if not np.isclose(value, expected):
        raise Mistake(
            f"a DummyClassifier(strategy='most_frequent') fitted on the training set scores "
            f"{expected:.3f} on the test set, not {value:.3f}."
        )


def _check_classifier(answer):
    from sklearn.exceptions import NotFittedError

    X_train, X_test, y_train, y_test = _split()
    if isinstance(answer, np.ndarray):
        raise Mistake("you passed an array (predictions?); pass the fitted model itself: ex.check(model).")
    if isinstance(answer, type):
        raise Mistake(
            f"you passed the class {answer.__name__}; create and fit one: {answer.__name__}().fit(...)."
        )
    if not hasattr(answer, "predict"):
        raise Mistake(f"`model` should be a fitted model with a predict method; you gave {describe(answer)}.")
    try:
        with np.errstate(all="ignore"):
            predicted = answer.predict(X_test)
    except NotFittedError:
        raise Mistake("the model is not fitted yet: call model.fit(X_train, y_train).") from None
    except Exception as error:
        raise Mistake(f"model.predict(X_test) raised {type(error).__name__}: {error}") from None
    predicted = np.asarray(predicted)
    if predicted.ndim == 2 and predicted.shape[1] == 10:
        raise Mistake(
            "predict returned 10 probabilities per image (a Keras model?): this check expects a "
            "scikit-learn classifier whose predict returns labels."
        )
    if predicted.shape != y_test.shape:
        raise Mistake(
            f"predict(X_test) should return one label per image, shape {y_test.shape}; it returned shape "
            f"{predicted.shape}."
        )
    accuracy = float(np.mean(predicted == y_test))
    train_accuracy = float(np.mean(np.asarray(answer.predict(X_train)) == y_train))
    if accuracy > train_accuracy + 0.01:
        raise Mistake(
            f"the model does better on the test set ({accuracy:.3f}) than on the training set "
            f"({train_accuracy:.3f}): the sign that it was fitted on the test set. Fit on X_train, "
            "y_train and keep the test set for the final score."
        )
    if accuracy < 0.95:
        raw_accuracy = float(np.mean(np.asarray(answer.predict(X_test * 16)) == y_test))
        if raw_accuracy >= 0.95:
            raise Mistake(
                f"the model scores {accuracy:.3f} on pixels in [0, 1] but {raw_accuracy:.3f} on pixels "
                "from 0 to 16: it was trained on unscaled pixels. Train it on X_train from "
                "load_digits_split(), which is scaled."
            )
        raise Mistake(
            f"the model scores {accuracy:.3f} on the test set; reach at least 0.95. SVC() or a random "
            "forest do, with default settings."
        )
    _fitted_on_the_training_set(answer, predicted, accuracy, train_accuracy)


def _seeded_copies(model, X_train, y_train):
    """Copies of ``model`` fitted on X_train, y_train: one if its randomness is fixed (or it has
    none), else two, with random_state 0 and 1 wherever the reader left it unset."""
    from sklearn.base import clone

    unset = [
        key
        for key, value in model.get_params(deep=True).items()
        if key.split("__")[-1] == "random_state"
        and (isinstance(value, bool) or not isinstance(value, (int, np.integer)))
    ]
    seeds = (0, 1) if unset else (None,)
    copies = []
    for seed in seeds:
        copy = clone(model)
        if unset:
            copy.set_params(**dict.fromkeys(unset, seed))
        copies.append(copy.fit(X_train, y_train))
    return copies


def _scores(model, X):
    """The model's continuous outputs if it has them (two fits that agree on these are the same
    model), else its labels."""
    for method in ("decision_function", "predict_proba"):
        if hasattr(model, method):
            try:
                return np.asarray(getattr(model, method)(X), dtype=float)
            except Exception:  # a method that exists but does not apply: try the next
                continue
    return np.asarray(model.predict(X))


def _fitted_on_the_training_set(model, predicted, accuracy, train_accuracy):
    """Raise Mistake if ``model`` was fitted on more than the training set (on all the data, say).

    A model fitted on all the data scores about as well on the test set as on the training set, so
    the test-above-train rule above does not catch it. Copies fitted on X_train, y_train do: a
    deterministic model (SVC, k-NN, logistic regression, or any model with its random_state set)
    must predict the test set exactly as they do. A model with unset randomness (a random forest
    without random_state) varies from fit to fit, so it is refused only when it scores the test
    set as well as the training set and more than 0.01 above both copies.
    """
    import warnings

    X_train, X_test, y_train, y_test = _split()
    try:
        with warnings.catch_warnings(), np.errstate(all="ignore"):
            # The reader's own fit already showed any warning (ConvergenceWarning...).
            warnings.simplefilter("ignore")
            copies = _seeded_copies(model, X_train, y_train)
            copy_predictions = [np.asarray(copy.predict(X_test)) for copy in copies]
            deterministic = len(copies) == 1 or np.allclose(
                _scores(copies[0], X_test), _scores(copies[1], X_test), rtol=1e-6, atol=1e-9
            )
    except Exception:  # not an estimator that clone can copy and refit: no refit check
        return
    message = (
        "the model predicts the test set differently from a copy fitted on X_train, y_train: it was "
        "fitted on other data (the test set too?). Fit on X_train, y_train only, and keep the test set "
        "for the final score."
    )
    if deterministic:
        if not np.array_equal(predicted, copy_predictions[0]):
            raise Mistake(message)
        return
    copy_accuracies = [float(np.mean(p == y_test)) for p in copy_predictions]
    if accuracy >= train_accuracy and accuracy > max(copy_accuracies) + 0.01:
        raise Mistake(
            f"the model scores the test set as well as the training set ({accuracy:.3f} and "
            f"{train_accuracy:.3f}), and better than copies fitted on X_train, y_train "
            f"({' and '.join(f'{a:.3f}' for a in copy_accuracies)}): the sign that it saw the test "
            "images. Fit on X_train, y_train only, and keep the test set for the final score."
        )


@cache
def _probabilities():
    rng = np.random.default_rng(0)
    scores = rng.normal(size=(6, 10))
    scores[np.arange(6), [3, 0, 9, 9, 1, 7]] += 4
    e = np.exp(scores)
    return e / e.sum(axis=1, keepdims=True)


def _check_labels(answer):
    proba = _probabilities()
    if isinstance(answer, np.ndarray) and answer.shape == proba.shape:
        raise Mistake(
            "these are still probabilities, 10 per image; give one label per image: the digit with the "
            "highest probability."
        )
    labels = array(answer, "`labels`")
    expected = proba.argmax(axis=1)
    if labels.shape == (10,):
        raise Mistake(
            "you took the argmax over the images (axis=0), giving one value per digit; take it over the "
            "10 probabilities of each image: axis=1."
        )
    if labels.shape != (6,):
        raise Mistake(
            f"`labels` should hold one digit per image, shape (6,); yours has shape {labels.shape}."
        )
    if labels.dtype.kind == "f":
        if close(labels, proba.max(axis=1)):
            raise Mistake(
                "these are the highest probabilities; you want *which* digit has it: argmax, not max."
            )
        raise Mistake(f"`labels` holds floats ({labels.dtype}); labels are whole digits 0 to 9.")
    if np.array_equal(labels, expected + 1):
        raise Mistake(
            "off by one: the position of the highest probability is already the digit (column 0 is "
            "digit 0); do not add 1."
        )
    if not np.array_equal(labels, expected):
        raise Mistake(
            f"the digits with the highest probability are {expected.tolist()}; yours are {labels.tolist()}."
        )


Y_TRUE = np.array([3, 1, 4, 1, 5, 9, 2, 6, 5, 3])
Y_PRED = np.array([3, 7, 4, 1, 5, 9, 2, 5, 5, 8])


def _check_wrong(answer):
    expected = np.flatnonzero(Y_PRED != Y_TRUE)
    if isinstance(answer, np.ndarray) and answer.dtype == bool:
        raise Mistake(
            "this is a mask, True where the prediction is wrong; give the positions (indices) of those "
            "images, with np.flatnonzero(mask)."
        )
    if isinstance(answer, (int, np.integer)) and not isinstance(answer, bool):
        raise Mistake(
            f"that is how many predictions are wrong ({answer}); give their positions, an array of indices."
        )
    wrong = array(answer, "`wrong`")
    if wrong.ndim != 1 or wrong.dtype.kind not in "iu":
        raise Mistake(
            f"`wrong` should be a 1-D array of integer positions, as np.flatnonzero gives; yours has "
            f"shape {wrong.shape} and dtype {wrong.dtype}."
        )
    if np.array_equal(wrong, Y_PRED[expected]) or np.array_equal(wrong, Y_TRUE[expected]):
        raise Mistake(
            "these are digits (labels) of the wrong predictions; give their positions in the arrays."
        )
    if np.array_equal(wrong, np.flatnonzero(Y_PRED == Y_TRUE)):
        raise Mistake("these are the positions of the *right* predictions; use != to find the wrong ones.")
    # Any order is accepted: the positions are a set of images to look at.
    if not np.array_equal(np.sort(wrong), expected):
        raise Mistake(
            f"the wrong predictions are at positions {expected.tolist()}; yours are {wrong.tolist()}."
        )


EXERCISES = [
    Exercise(
        id="digits-01",
        title="Scale the pixels",
        statement="The digits' pixels are ink intensities from 0 to 16. Make `X_scaled`: the same array with "
        "every pixel divided so that the values go from 0 to 1, as floats. Neural networks and many "
        "classic models train better on small, comparable numbers.",
        hint_text="The largest possible pixel value is 16.",
        given="from sklearn.datasets import load_digits\n\nX = load_digits().data",
        starter="X_scaled = ...",
        solution_body="X_scaled = X / 16",
        answer_name="X_scaled",
        checker=_check_scaled,
    ),
    Exercise(
        id="digits-02",
        title="The baseline to beat",
        statement="Before training a real model, measure what guessing gives. Fit a "
        '`DummyClassifier(strategy="most_frequent")` on the training set and store its accuracy on '
        "the test set, a number between 0 and 1, in `baseline`.",
        hint_text="Every scikit-learn classifier has .score(X, y), which returns the accuracy.",
        given="from sklearn.dummy import DummyClassifier\n\n"
        "from tutorials_lib.data import load_digits_split\n\n"
        "X_train, X_test, y_train, y_test = load_digits_split()",
        starter="baseline = ...",
        solution_body='dummy = DummyClassifier(strategy="most_frequent").fit(X_train, y_train)\n'
        "baseline = dummy.score(X_test, y_test)",
        answer_name="baseline",
        checker=_check_baseline,
    ),
    Exercise(
        id="digits-03",
        title="A classifier above 95%",
        statement="Train a scikit-learn classifier of your choice on the training set, so that it labels at "
        "least 95% of the test images correctly, and keep the fitted model in `model`. The check "
        "predicts the test set of `load_digits_split()` (pixels scaled to [0, 1]).",
        hint_text="A support vector machine, SVC(), with default settings does well on scaled pixels.",
        given="from sklearn.svm import SVC\n\nfrom tutorials_lib.data import load_digits_split\n\n"
        "X_train, X_test, y_train, y_test = load_digits_split()",
        starter="model = ...",
        solution_body="model = SVC().fit(X_train, y_train)",
        answer_name="model",
        checker=_check_classifier,
    ),
    Exercise(
        id="digits-04",
        title="From probabilities to digits",
        statement="A network's `predict` gives, for each image, 10 probabilities, one per digit (column 0 is "
        "digit 0). `proba` holds them for 6 images. Make `labels`: the predicted digit of each "
        "image, an integer array of shape `(6,)`.",
        hint_text="np.argmax returns a position; choose the axis that runs over the 10 digits.",
        given="import numpy as np\n\nrng = np.random.default_rng(0)\nscores = rng.normal(size=(6, 10))\n"
        "scores[np.arange(6), [3, 0, 9, 9, 1, 7]] += 4\n"
        "proba = np.exp(scores) / np.exp(scores).sum(axis=1, keepdims=True)",
        starter="labels = ...",
        solution_body="labels = proba.argmax(axis=1)",
        answer_name="labels",
        checker=_check_labels,
    ),
    Exercise(
        id="digits-05",
        title="Find the mistakes",
        statement="Given the true digits `y_true` and a model's predictions `y_pred`, make `wrong`: the "
        "positions (indices) of the images the model got wrong, as a NumPy array. Looking at those "
        "images is the quickest way to understand a model.",
        hint_text="y_pred != y_true is a mask; np.flatnonzero turns a mask into positions.",
        given="import numpy as np\n\n"
        f"y_true = np.array({Y_TRUE.tolist()})\ny_pred = np.array({Y_PRED.tolist()})",
        starter="wrong = ...",
        solution_body="wrong = np.flatnonzero(y_pred != y_true)",
        answer_name="wrong",
        checker=_check_wrong,
    ),
]
