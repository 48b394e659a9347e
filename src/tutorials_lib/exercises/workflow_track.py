"""scikit-learn workflow exercises: split, scale without leakage, pipelines, model selection, metrics."""

from __future__ import annotations

from functools import cache

import numpy as np

from tutorials_lib.exercises._checks import Mistake, array, call, close, describe, function, number
from tutorials_lib.exercises._core import Exercise

SCALERS = {"StandardScaler", "MinMaxScaler", "RobustScaler", "MaxAbsScaler"}


def _tuple_of_arrays(answer, what, count):
    if not isinstance(answer, (tuple, list)):
        raise Mistake(f"{what} should be a tuple of {count} arrays; you gave {describe(answer)}.")
    if len(answer) != count:
        raise Mistake(f"{what} should hold {count} arrays; yours holds {len(answer)}.")
    return [array(part, f"each part of {what}", allow_sequence=False) for part in answer]


@cache
def _iris():
    from sklearn.datasets import load_iris

    return load_iris(return_X_y=True)


def _check_split(answer):
    from sklearn.model_selection import train_test_split

    X, y = _iris()
    parts = _tuple_of_arrays(answer, "`split`", 4)
    shapes = [part.shape for part in parts]
    if shapes == [(112, 4), (112,), (38, 4), (38,)]:
        raise Mistake(
            "the order is wrong: train_test_split(X, y) returns X_train, X_test, y_train, y_test "
            "(both X parts first), and `split` should keep that order."
        )
    if [shape[0] for shape in shapes] != [112, 38, 112, 38]:
        raise Mistake(
            f"with test_size=0.25 the test set holds 38 of the 150 flowers and the training set 112; "
            f"your parts have {[shape[0] for shape in shapes]} rows."
        )
    X_train, X_test, y_train, y_test = parts
    if np.bincount(y_test.astype(int), minlength=3).tolist() not in (
        [13, 13, 12],
        [13, 12, 13],
        [12, 13, 13],
    ):
        raise Mistake(
            f"the test set holds {np.bincount(y_test.astype(int), minlength=3).tolist()} flowers of each "
            "class: the split is not stratified. Pass stratify=y so both parts keep the class balance."
        )
    expected = train_test_split(X, y, test_size=0.25, stratify=y, random_state=0)
    if not all(np.array_equal(a, b) for a, b in zip(parts, expected, strict=True)):
        raise Mistake(
            "the sizes and the balance are right but not the rows: pass random_state=0 so that your "
            "split is the one the check expects (and the same at every run)."
        )


@cache
def _wine_split():
    from sklearn.datasets import load_wine
    from sklearn.model_selection import train_test_split

    X, y = load_wine(return_X_y=True)
    return X, train_test_split(X, y, random_state=0, stratify=y)


def _check_scaled(answer):
    from sklearn.preprocessing import StandardScaler

    X, (X_train, X_test, _, _) = _wine_split()
    train, test = _tuple_of_arrays(answer, "`scaled`", 2)
    if train.shape != X_train.shape or test.shape != X_test.shape:
        raise Mistake(
            f"`scaled` should be (X_train_scaled, X_test_scaled), of shapes {X_train.shape} and "
            f"{X_test.shape}; yours are {train.shape} and {test.shape}."
        )
    if close(train, X_train) and close(test, X_test):
        raise Mistake(
            "these are the original features: you forgot to scale them (transform returns new arrays)."
        )
    everything = StandardScaler().fit(X)
    if close(train, everything.transform(X_train)) and close(test, everything.transform(X_test)):
        raise Mistake(
            "data leakage: the scaler was fitted on all the data, so the test set's mean and spread "
            "leaked into training. Fit it on X_train only, then transform both parts."
        )
    on_train = StandardScaler().fit(X_train)
    if not close(train, on_train.transform(X_train)):
        raise Mistake("the training part is not X_train scaled by a StandardScaler fitted on X_train.")
    if close(test, StandardScaler().fit_transform(X_test)):
        raise Mistake(
            "you fitted a second scaler on the test set. Scale the test set with the scaler fitted on "
            "the training set (scaler.transform(X_test)), as you will have to do with new data."
        )
    if not close(test, on_train.transform(X_test)):
        raise Mistake("the test part should be scaler.transform(X_test), with the scaler fitted on X_train.")


@cache
def _cancer_split():
    from sklearn.datasets import load_breast_cancer
    from sklearn.model_selection import train_test_split

    X, y = load_breast_cancer(return_X_y=True)
    return train_test_split(X, y, random_state=0, stratify=y)


def _fitted(model, what):
    from sklearn.exceptions import NotFittedError
    from sklearn.utils.validation import check_is_fitted

    if isinstance(model, np.ndarray):
        raise Mistake(f"you passed an array (predictions?); pass {what} itself, fitted.")
    if isinstance(model, type):
        raise Mistake(
            f"you passed the class {model.__name__}; create and fit an instance: {model.__name__}().fit(...)."
        )
    if not hasattr(model, "fit") or not hasattr(model, "predict"):
        raise Mistake(
            f"{what} should be a scikit-learn estimator with fit and predict; you gave {describe(model)}."
        )
    try:
        check_is_fitted(model)
    except NotFittedError:
        raise Mistake(f"{what} is not fitted yet: call .fit(X_train, y_train) on it.") from None
    except TypeError as error:
        raise Mistake(f"{what} does not look like a scikit-learn estimator: {error}") from None


def _check_pipeline(answer):
    X_train, X_test, y_train, y_test = _cancer_split()
    _fitted(answer, "`model`")
    steps = [type(step).__name__ for _, step in getattr(answer, "steps", [])]
    if not steps:
        raise Mistake(
            f"`model` is a bare {type(answer).__name__}: put a StandardScaler in front of it in a "
            "pipeline (make_pipeline), so that the features are scaled with the training statistics "
            "at fit and at predict time."
        )
    if not any(name in SCALERS for name in steps[:-1]):
        raise Mistake(
            f"the pipeline's steps are {steps}: the features are never scaled. Put StandardScaler() "
            "before the classifier."
        )
    if "StandardScaler" not in steps[:-1]:
        raise Mistake(
            f"the pipeline's steps are {steps}: scale the features with StandardScaler() before the "
            "classifier, as the statement asks."
        )
    if steps[-1] != "LogisticRegression":
        raise Mistake(f"the last step should be LogisticRegression; yours is {steps[-1]}.")
    predicted = call(answer.predict, X_test, name="predict", shown="model.predict(X_test)")
    _fitted_on_the_training_set(answer, X_train, y_train, X_test)
    accuracy = float(np.mean(np.asarray(predicted) == y_test))
    if accuracy < 0.95:
        raise Mistake(
            f"the pipeline scores {accuracy:.3f} on the test set; make_pipeline(StandardScaler(), "
            f"LogisticRegression()) with default settings, fitted on X_train, y_train, reaches "
            f"{_pipeline_reference():.3f}. Did you change the settings or add steps?"
        )


@cache
def _pipeline_reference():
    """The test accuracy of the model solution."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    X_train, X_test, y_train, y_test = _cancer_split()
    model = make_pipeline(StandardScaler(), LogisticRegression()).fit(X_train, y_train)
    return model.score(X_test, y_test)


def _fitted_on_the_training_set(model, X_train, y_train, X_test):
    """Raise Mistake unless ``model`` gives the scores of a copy of it fitted on X_train, y_train.

    A pipeline fitted on the test set scores even better on it, so its accuracy cannot tell; and a
    low score of a pipeline that was fitted on the training set has another cause.
    """
    from sklearn.base import clone

    refitted = clone(model).fit(X_train, y_train)
    if not close(model.decision_function(X_test), refitted.decision_function(X_test), 1e-4):
        raise Mistake(
            "the pipeline was fitted on other data than X_train, y_train: a copy fitted on them scores "
            "the test set differently. Fit it with .fit(X_train, y_train), and never on the test set."
        )


def _depth_scores(X_train, y_train):
    from sklearn.model_selection import cross_val_score
    from sklearn.tree import DecisionTreeClassifier

    return [
        cross_val_score(
            DecisionTreeClassifier(max_depth=depth, random_state=0), X_train, y_train, cv=5
        ).mean()
        for depth in range(1, 7)
    ]


@cache
def _mean_features_split():
    from sklearn.datasets import load_breast_cancer
    from sklearn.model_selection import train_test_split

    X, y = load_breast_cancer(return_X_y=True)
    return train_test_split(X[:, :10], y, random_state=0, stratify=y)


@cache
def _depth_reference():
    from sklearn.tree import DecisionTreeClassifier

    X_train, X_test, y_train, y_test = _mean_features_split()
    depth = int(np.argmax(_depth_scores(X_train, y_train))) + 1
    test = [
        DecisionTreeClassifier(max_depth=d, random_state=0).fit(X_train, y_train).score(X_test, y_test)
        for d in range(1, 7)
    ]
    final = (
        DecisionTreeClassifier(max_depth=depth, random_state=0).fit(X_train, y_train).score(X_test, y_test)
    )
    return depth, final, int(np.argmax(test)) + 1


def _check_choose_depth(answer):
    choose_depth = function(answer, "choose_depth")
    X_train, X_test, y_train, y_test = _mean_features_split()
    shown = "choose_depth(X_train, y_train, X_test, y_test)"
    result = call(choose_depth, X_train, y_train, X_test, y_test, name="choose_depth", shown=shown)
    if not isinstance(result, tuple) or len(result) != 2:
        raise Mistake(
            f"choose_depth should return a tuple (depth, test_accuracy); it returned {describe(result)}."
        )
    depth = number(result[0], "the chosen depth", integer=True)
    accuracy = number(result[1], "the test accuracy")
    best, final, best_on_test = _depth_reference()
    shuffled = np.random.default_rng(0).permutation(y_test)
    again = call(choose_depth, X_train, y_train, X_test, shuffled, name="choose_depth", shown=shown)
    if depth == best_on_test != best or (isinstance(again, tuple) and again and again[0] != result[0]):
        raise Mistake(
            "your choice of max_depth depends on the test set: you used the test set for model "
            "selection, so its score is no longer an honest estimate. Choose the depth with "
            "cross_val_score on the training set only, then use the test set once, at the end."
        )
    if depth != best:
        raise Mistake(
            f"cross-validation on the training set (cv=5, random_state=0 for the trees) picks "
            f"max_depth={best}; you picked {depth:g}. Keep the first depth with the highest mean score."
        )
    if not np.isclose(accuracy, final):
        raise Mistake(
            f"the depth is right; the test accuracy of a tree with max_depth={best} fitted on the whole "
            f"training set is {final:.3f}, yours is {accuracy:.3f}. Refit on X_train, y_train, then "
            "score on X_test, y_test."
        )


def _check_cv(answer):
    from sklearn.model_selection import cross_val_score
    from sklearn.neighbors import KNeighborsClassifier

    X, y = _iris()
    if isinstance(answer, np.ndarray) and answer.shape == (5,):
        raise Mistake("these are the 5 scores, one per fold; give their mean (.mean()).")
    value = number(answer, "`cv_accuracy`")
    expected = cross_val_score(KNeighborsClassifier(), X, y, cv=5).mean()
    if np.isclose(value, 100 * expected):
        raise Mistake("that is a percentage; give the accuracy as a fraction between 0 and 1.")
    if np.isclose(value, KNeighborsClassifier().fit(X, y).score(X, y)):
        raise Mistake(
            "that is the accuracy on the data the model was fitted on, which flatters it; "
            "cross_val_score fits on 4 folds and scores on the fifth, 5 times."
        )
    if not np.isclose(value, expected):
        raise Mistake(
            f"the mean 5-fold accuracy of KNeighborsClassifier() on iris is not {value:.4f}: "
            "use cross_val_score(KNeighborsClassifier(), X, y, cv=5)."
        )


Y_TRUE = [0, 0, 0, 1, 1, 1, 1, 2, 2, 2]
Y_PRED = [0, 0, 1, 1, 1, 2, 1, 2, 2, 0]


def _check_confusion(answer):
    from sklearn.metrics import confusion_matrix

    cm = array(answer, "`cm`")
    expected = confusion_matrix(Y_TRUE, Y_PRED)
    if cm.shape != (3, 3):
        raise Mistake(f"with 3 classes the confusion matrix is 3 by 3; yours has shape {cm.shape}.")
    if np.array_equal(cm, expected.T):
        raise Mistake(
            "the matrix is transposed: you swapped the arguments. Rows are the true classes and "
            "columns the predictions: confusion_matrix(y_true, y_pred)."
        )
    if close(cm, confusion_matrix(Y_TRUE, Y_PRED, normalize="true")):
        raise Mistake("the matrix is normalised; the exercise asks for counts.")
    # Floats holding the right counts pass: the statement asks for counts, not for a dtype.
    if not np.array_equal(cm, expected):
        raise Mistake(
            "cm[i, j] should count the examples of true class i predicted as class j; yours does not."
        )


EXERCISES = [
    Exercise(
        id="workflow-01",
        title="Split into training and test sets",
        statement="Split the iris features `X` and labels `y` into a training set and a test set with "
        "`train_test_split`: 25% for testing, stratified by class, with `random_state=0`. Put the "
        "four parts in a tuple `split`, in the order the function returns them.",
        hint_text="train_test_split(X, y, test_size=..., stratify=..., random_state=...) returns "
        "X_train, X_test, y_train, y_test.",
        given="from sklearn.datasets import load_iris\n"
        "from sklearn.model_selection import train_test_split\n\n"
        "X, y = load_iris(return_X_y=True)",
        starter="split = ...",
        solution_body="X_train, X_test, y_train, y_test = train_test_split(\n"
        "    X, y, test_size=0.25, stratify=y, random_state=0\n)\n"
        "split = (X_train, X_test, y_train, y_test)",
        answer_name="split",
        checker=_check_split,
    ),
    Exercise(
        id="workflow-02",
        title="Scale without leaking the test set",
        statement="Scale the wine features with a `StandardScaler` the right way, and put the results in a "
        "tuple `scaled = (X_train_scaled, X_test_scaled)`. The test set stands for data the model "
        "has never seen: nothing about it may be used while fitting.",
        hint_text="fit (or fit_transform) on X_train only; transform X_test with the same scaler.",
        given="from sklearn.datasets import load_wine\nfrom sklearn.model_selection import train_test_split\n"
        "from sklearn.preprocessing import StandardScaler\n\n"
        "X, y = load_wine(return_X_y=True)\n"
        "X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0, stratify=y)",
        starter="scaled = ...",
        solution_body="scaler = StandardScaler().fit(X_train)\n"
        "scaled = (scaler.transform(X_train), scaler.transform(X_test))",
        answer_name="scaled",
        checker=_check_scaled,
    ),
    Exercise(
        id="workflow-03",
        title="A pipeline: scaler and classifier",
        statement="Build a pipeline that scales the breast cancer features with a `StandardScaler` and then "
        "classifies them with a `LogisticRegression`, fit it on the training set, and keep it in "
        "`model`. The check scores it on the test set.",
        hint_text="make_pipeline(step1, step2) chains steps; .fit(X_train, y_train) fits them in order.",
        given="from sklearn.datasets import load_breast_cancer\n"
        "from sklearn.linear_model import LogisticRegression\n"
        "from sklearn.model_selection import train_test_split\nfrom sklearn.pipeline import make_pipeline\n"
        "from sklearn.preprocessing import StandardScaler\n\n"
        "X, y = load_breast_cancer(return_X_y=True)\n"
        "X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0, stratify=y)",
        starter="model = ...",
        solution_body="model = make_pipeline(StandardScaler(), LogisticRegression()).fit(X_train, y_train)",
        answer_name="model",
        checker=_check_pipeline,
    ),
    Exercise(
        id="workflow-04",
        title="Choose a hyperparameter without peeking",
        statement="Write `choose_depth(X_train, y_train, X_test, y_test)` that returns a tuple "
        "`(depth, test_accuracy)`. Choose `depth` among 1 to 6: the `max_depth` of a "
        "`DecisionTreeClassifier(max_depth=depth, random_state=0)` with the highest mean "
        "`cross_val_score(..., cv=5)` on the training set (the smallest on ties). Then fit that tree "
        "on the whole training set and return its accuracy on the test set.",
        hint_text="Only the last line of the function may touch X_test and y_test.",
        given="from sklearn.datasets import load_breast_cancer\n"
        "from sklearn.model_selection import cross_val_score, train_test_split\n"
        "from sklearn.tree import DecisionTreeClassifier\n\n"
        "X, y = load_breast_cancer(return_X_y=True)\n"
        "X = X[:, :10]  # the 10 mean measurements\n"
        "X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0, stratify=y)",
        starter="def choose_depth(X_train, y_train, X_test, y_test):\n    ...",
        solution_body="def choose_depth(X_train, y_train, X_test, y_test):\n"
        "    scores = []\n    for depth in range(1, 7):\n"
        "        tree = DecisionTreeClassifier(max_depth=depth, random_state=0)\n"
        "        scores.append(cross_val_score(tree, X_train, y_train, cv=5).mean())\n"
        "    best = scores.index(max(scores)) + 1\n"
        "    tree = DecisionTreeClassifier(max_depth=best, random_state=0).fit(X_train, y_train)\n"
        "    return best, tree.score(X_test, y_test)",
        answer_name="choose_depth",
        checker=_check_choose_depth,
    ),
    Exercise(
        id="workflow-05",
        title="Cross-validated accuracy",
        statement="Estimate how well a `KNeighborsClassifier()` (default settings) classifies iris flowers "
        "with 5-fold cross-validation on all of `X`, `y`. Store the mean accuracy, a single number, "
        "in `cv_accuracy`.",
        hint_text="cross_val_score returns one score per fold.",
        given="from sklearn.datasets import load_iris\nfrom sklearn.model_selection import cross_val_score\n"
        "from sklearn.neighbors import KNeighborsClassifier\n\nX, y = load_iris(return_X_y=True)",
        starter="cv_accuracy = ...",
        solution_body="cv_accuracy = cross_val_score(KNeighborsClassifier(), X, y, cv=5).mean()",
        answer_name="cv_accuracy",
        checker=_check_cv,
    ),
    Exercise(
        id="workflow-06",
        title="A confusion matrix",
        statement="Given the true classes `y_true` and a model's predictions `y_pred` for 10 examples of 3 "
        "classes, compute the confusion matrix `cm` (counts, rows for the true classes, columns for "
        "the predicted ones) with scikit-learn.",
        hint_text="sklearn.metrics.confusion_matrix: mind the order of its two arguments.",
        given=f"from sklearn.metrics import confusion_matrix\n\ny_true = {Y_TRUE}\ny_pred = {Y_PRED}",
        starter="cm = ...",
        solution_body="cm = confusion_matrix(y_true, y_pred)",
        answer_name="cm",
        checker=_check_confusion,
    ),
]
