"""Classic algorithms: nearest neighbours, least squares, Gini impurity, k-means, logistic
regression's decision, and PCA, partly written by hand."""

from __future__ import annotations

from functools import cache

import numpy as np

from tutorials_lib.exercises._checks import Mistake, array, call, close, describe, function, number
from tutorials_lib.exercises._core import Exercise

TRAIN = np.array([[0.0, 0.0], [1.0, 0.0], [5.0, 5.0], [6.0, 5.0], [0.0, 6.0]])
TRAIN_LABELS = np.array([7, 7, 3, 3, 9])
# The last new point is nearest to (5, 5) in straight-line distance but to (0, 6) in city-block
# distance, so that the check tells the Euclidean distance from the Manhattan one.
NEW = np.array([[0.2, 0.1], [5.5, 4.0], [1.0, 5.0], [6.0, 6.0], [2.7, 5.9]])


def _check_1nn(answer):
    predict_1nn = function(answer, "predict_1nn")
    result = call(
        predict_1nn,
        TRAIN,
        TRAIN_LABELS,
        NEW,
        name="predict_1nn",
        shown=f"predict_1nn(X_train, y_train, X_new) with {len(TRAIN)} training and {len(NEW)} new points",
    )
    if result is None:
        raise Mistake("predict_1nn returned None: did you forget the `return` line?")
    labels = array(result, "the result of predict_1nn")
    nearest = np.argmin(((NEW[:, None, :] - TRAIN[None, :, :]) ** 2).sum(axis=2), axis=1)
    if labels.shape != (len(NEW),):
        raise Mistake(
            f"predict_1nn should return one label per new point, shape ({len(NEW)},); yours has shape "
            f"{labels.shape}. Did you return a matrix of distances?"
        )
    if labels.dtype.kind not in "iu":
        raise Mistake(
            f"the labels should be integers, like those of y_train; yours have dtype {labels.dtype}. "
            "Take them from y_train as they are: y_train[nearest]."
        )
    if np.array_equal(labels, nearest) and not np.array_equal(labels, TRAIN_LABELS[nearest]):
        raise Mistake(
            "these are the positions of the nearest training points; return their labels: y_train[positions]."
        )
    city_block = np.abs(NEW[:, None, :] - TRAIN[None, :, :]).sum(axis=2).argmin(axis=1)
    if np.array_equal(labels, TRAIN_LABELS[city_block]) and not np.array_equal(labels, TRAIN_LABELS[nearest]):
        raise Mistake(
            "these are the nearest neighbours in city-block (Manhattan) distance, the sum of the absolute "
            "differences; use the Euclidean distance: the square root of the sum of squared differences "
            "(or just that sum, which has the same nearest point)."
        )
    if not np.array_equal(labels, TRAIN_LABELS[nearest]):
        raise Mistake(
            f"on the check's example the nearest neighbours' labels are {TRAIN_LABELS[nearest].tolist()}; "
            f"yours are {labels.tolist()}. Is the distance computed between each new point and every "
            "training point?"
        )


def _line_data():
    rng = np.random.default_rng(0)
    x = np.linspace(0, 10, 30)
    return x, 3 * x + 2 + rng.normal(0, 1, 30)


def _check_line(answer):
    x, y = _line_data()
    if not isinstance(answer, (tuple, list, np.ndarray)):
        raise Mistake(f"`line` should hold two numbers, (w, b); you gave {describe(answer)}.")
    values = np.asarray(answer, dtype=object).reshape(-1)
    if len(values) != 2:
        raise Mistake(
            f"`line` should hold two numbers, the slope w and the intercept b; yours holds {len(values)}. "
            "A straight line is a polynomial of degree 1."
        )
    w, b = (number(value, "each part of `line`") for value in values)
    expected_w, expected_b = np.polyfit(x, y, 1)
    if np.isclose(w, expected_b, atol=1e-4) and np.isclose(b, expected_w, atol=1e-4):
        raise Mistake(
            "slope and intercept are swapped: give (w, b), the slope first. np.polyfit lists the "
            "coefficients from the highest power down."
        )
    if not (np.isclose(w, expected_w, atol=1e-4) and np.isclose(b, expected_b, atol=1e-4)):
        raise Mistake(
            f"the least-squares line has w = {expected_w:.3f} and b = {expected_b:.3f}; yours has "
            f"w = {w:.3f} and b = {b:.3f}."
        )


def _check_gini(answer):
    gini = function(answer, "gini")
    cases = [([0, 0, 1, 1], 0.5), ([1, 1, 1], 0.0), ([0, 1, 2], 2 / 3), ([3, 3, 3, 5], 0.375)]
    for labels, expected in cases:
        result = call(gini, np.array(labels), name="gini", shown=f"gini(np.array({labels}))")
        if result is None:
            raise Mistake("gini returned None: did you forget the `return` line?")
        value = number(result, f"gini(np.array({labels}))")
        counts = np.unique(labels, return_counts=True)[1]
        if np.isclose(value, expected):
            continue
        if np.isclose(value, 1 - (counts**2).sum()) and len(labels) > 1:
            raise Mistake(
                f"gini(np.array({labels})) gave {value:g}: you used the counts of each class; divide "
                "them by the number of labels to get proportions first."
            )
        if np.isclose(value, 1 - (counts / counts.sum()).sum()):
            raise Mistake(f"gini(np.array({labels})) gave {value:g}: square each proportion before summing.")
        raise Mistake(f"gini(np.array({labels})) should be {expected:.4f}; yours gave {value:.4f}.")


@cache
def _iris_X():
    from sklearn.datasets import load_iris

    return load_iris(return_X_y=True)[0]


@cache
def _kmeans_reference():
    from sklearn.cluster import KMeans

    return KMeans(n_clusters=3, n_init=10, random_state=0).fit_predict(_iris_X())


@cache
def _kmeans_one_run():
    """KMeans with the default n_init ("auto" since scikit-learn 1.4: one run of k-means++)."""
    from sklearn.cluster import KMeans

    return KMeans(n_clusters=3, random_state=0).fit_predict(_iris_X())


def _check_clusters(answer):
    from sklearn.metrics import adjusted_rand_score

    if hasattr(answer, "labels_"):
        raise Mistake(
            "you passed the fitted KMeans model; pass its cluster labels: model.labels_, or use "
            "fit_predict(X)."
        )
    clusters = array(answer, "`clusters`")
    if clusters.shape == (3, 4):
        raise Mistake(
            "these are the 3 cluster centres; the exercise asks for the cluster of each flower, 150 labels."
        )
    if clusters.shape != (150,):
        raise Mistake(
            f"`clusters` should hold one label per flower, shape (150,); yours has shape {clusters.shape}."
        )
    if clusters.dtype.kind not in "iu":
        raise Mistake(
            f"cluster labels are whole numbers, as fit_predict returns; yours have dtype {clusters.dtype}."
        )
    found = len(np.unique(clusters))
    if found != 3:
        raise Mistake(f"`clusters` holds {found} different labels; ask KMeans for n_clusters=3.")
    agreement = adjusted_rand_score(_kmeans_reference(), clusters)
    if agreement < 0.99 and adjusted_rand_score(_kmeans_one_run(), clusters) > 0.999:
        raise Mistake(
            "these are the clusters of KMeans(n_clusters=3, random_state=0) with the default n_init, "
            "which since scikit-learn 1.4 is 'auto': a single run of k-means++. They differ a little "
            f"from the best of 10 runs (adjusted Rand index {agreement:.2f}): pass n_init=10, as the "
            "statement asks."
        )
    if agreement < 0.99:
        raise Mistake(
            f"your clusters differ from those of KMeans(n_clusters=3, n_init=10, random_state=0) on the "
            f"raw features (adjusted Rand index {agreement:.2f}). Did you pass n_init=10 and "
            "random_state=0, and fit on X as it is (not scaled, without the labels)?"
        )


W = np.array([1.5, -2.0])
B = 0.25
# The last point has z = 0.15: its probability, 0.54, is just above 0.5, and its label
# depends on adding b, so a threshold other than 0.5 or a sign slip on b is caught.
POINTS = np.array([[1.0, 0.0], [0.0, 1.0], [2.0, 1.0], [-1.0, -1.0], [0.5, 0.5], [0.0, 0.05]])


def _check_predict_labels(answer):
    predict_labels = function(answer, "predict_labels")
    result = call(
        predict_labels,
        POINTS,
        W,
        B,
        name="predict_labels",
        shown=f"predict_labels(X, w, b) with X of shape {POINTS.shape}",
    )
    if result is None:
        raise Mistake("predict_labels returned None: did you forget the `return` line?")
    labels = array(result, "the result of predict_labels")
    z = POINTS @ W + B
    probabilities = 1 / (1 + np.exp(-z))
    expected = (probabilities > 0.5).astype(int)
    if labels.shape != (len(POINTS),):
        raise Mistake(
            f"there should be one label per row of X, shape ({len(POINTS)},); yours has shape {labels.shape}."
        )
    if labels.dtype.kind == "f" and close(labels, probabilities):
        raise Mistake(
            "these are probabilities, not labels: turn each into 1 if it is above 0.5, else 0 "
            "(predicted probabilities instead of labels)."
        )
    if labels.dtype.kind == "f" and close(labels, z):
        raise Mistake(
            "these are the raw scores z = X @ w + b; squeeze them through the sigmoid and threshold "
            "at 0.5 to get labels 0 or 1."
        )
    if labels.dtype == bool:
        raise Mistake("these are True and False; labels are the numbers 0 and 1: add .astype(int).")
    if labels.dtype.kind not in "iu":
        raise Mistake(
            f"labels are the whole numbers 0 and 1; yours have dtype {labels.dtype}. Use .astype(int)."
        )
    if not np.array_equal(labels, expected):
        raise Mistake(
            f"the labels should be {expected.tolist()}; yours are {labels.tolist()}. A label is 1 "
            "where sigmoid(X @ w + b) > 0.5."
        )


@cache
def _wine_X():
    from sklearn.datasets import load_wine

    return load_wine(return_X_y=True)[0]


# A standardisation with the sample standard deviation (ddof=1, the default of pandas' std) is as
# right as StandardScaler's (ddof=0): its projection is StandardScaler's times sqrt(177 / 178).
SAMPLE_STD_FACTOR = np.sqrt(177 / 178)


def _same_up_to_sign(a, b):
    if a.shape != b.shape:
        return False
    return all(close(a[:, i], b[:, i], 1e-5) or close(a[:, i], -b[:, i], 1e-5) for i in range(a.shape[1]))


def _check_projected(answer):
    from sklearn.decomposition import PCA
    from sklearn.preprocessing import StandardScaler

    X = _wine_X()
    if hasattr(answer, "components_"):
        raise Mistake("you passed the fitted PCA; pass the projected data: pca.fit_transform(...).")
    projected = array(answer, "`projected`")
    if projected.shape == (2, 13):
        raise Mistake(
            "these are the 2 principal directions (components_); the exercise asks for the data "
            "projected on them, shape (178, 2)."
        )
    if projected.shape != (178, 2):
        raise Mistake(
            f"`projected` should have shape (178, 2), one row per wine; yours has shape {projected.shape}. "
            "Ask PCA for n_components=2."
        )
    if _same_up_to_sign(projected, PCA(n_components=2).fit_transform(X)):
        raise Mistake(
            "you forgot to scale: without standardising, the features with the largest numbers take "
            "over. Proline (278 to 1680) makes the first component almost alone, and magnesium (70 to "
            "162) the second. Standardise first."
        )
    reference = PCA(n_components=2).fit_transform(StandardScaler().fit_transform(X))
    if not (
        _same_up_to_sign(projected, reference) or _same_up_to_sign(projected, SAMPLE_STD_FACTOR * reference)
    ):
        raise Mistake(
            "`projected` is not the standardised wine data projected on its first 2 principal components."
        )


EXERCISES = [
    Exercise(
        id="algorithms-01",
        title="One nearest neighbour, by hand",
        statement="Write `predict_1nn(X_train, y_train, X_new)` that returns a NumPy array with, for "
        "each row "
        "of `X_new`, the label of the closest row of `X_train` (Euclidean distance). This is the "
        "k-nearest-neighbours classifier with k = 1.",
        hint_text="For one new point x: np.argmin(((X_train - x) ** 2).sum(axis=1)) is the position of its "
        "nearest neighbour.",
        given="import numpy as np",
        starter="def predict_1nn(X_train, y_train, X_new):\n    ...",
        solution_body="def predict_1nn(X_train, y_train, X_new):\n"
        "    labels = []\n    for x in X_new:\n"
        "        nearest = np.argmin(((X_train - x) ** 2).sum(axis=1))\n"
        "        labels.append(y_train[nearest])\n    return np.array(labels)",
        answer_name="predict_1nn",
        checker=_check_1nn,
    ),
    Exercise(
        id="algorithms-02",
        title="Fit a line by least squares",
        statement="The points `(x, y)` lie near a straight line `y = w * x + b`. Find the slope `w` and the "
        "intercept `b` that minimise the squared errors, and store them as `line = (w, b)`.",
        hint_text="np.polyfit(x, y, deg) fits a polynomial of degree deg by least squares.",
        given="import numpy as np\n\nrng = np.random.default_rng(0)\nx = np.linspace(0, 10, 30)\n"
        "y = 3 * x + 2 + rng.normal(0, 1, 30)",
        starter="line = ...",
        solution_body="w, b = np.polyfit(x, y, 1)\nline = (w, b)",
        answer_name="line",
        checker=_check_line,
    ),
    Exercise(
        id="algorithms-03",
        title="Gini impurity",
        statement="A decision tree splits where the labels become purest. Write `gini(labels)` that returns "
        "the Gini impurity of a NumPy array of class labels: one minus the sum, over the classes, "
        "of the squared proportion of each class. `gini(np.array([0, 0, 1, 1]))` is 0.5 and a pure "
        "array gives 0.",
        hint_text="np.unique(labels, return_counts=True) counts each class.",
        given="import numpy as np",
        starter="def gini(labels):\n    ...",
        solution_body="def gini(labels):\n    _, counts = np.unique(labels, return_counts=True)\n"
        "    proportions = counts / counts.sum()\n    return 1 - (proportions**2).sum()",
        answer_name="gini",
        checker=_check_gini,
    ),
    Exercise(
        id="algorithms-04",
        title="Clusters without labels",
        statement="Group the iris flowers into 3 clusters from their 4 measurements `X` alone (no labels), "
        "with `KMeans(n_clusters=3, n_init=10, random_state=0)`. Store the cluster of each flower, "
        "an array of 150 labels, in `clusters`.",
        hint_text="fit_predict(X) fits the model and returns the cluster of each row.",
        given="from sklearn.cluster import KMeans\nfrom sklearn.datasets import load_iris\n\n"
        "X = load_iris().data",
        starter="clusters = ...",
        solution_body="clusters = KMeans(n_clusters=3, n_init=10, random_state=0).fit_predict(X)",
        answer_name="clusters",
        checker=_check_clusters,
    ),
    Exercise(
        id="algorithms-05",
        title="Logistic regression's decision",
        statement="A trained logistic regression has weights `w` and bias `b`. Write `predict_labels(X, "
        "w, b)` "
        "that returns the predicted class, 0 or 1, of each row of `X`: compute `z = X @ w + b`, the "
        "probability `sigmoid(z) = 1 / (1 + exp(-z))`, and predict 1 where it is above 0.5.",
        hint_text="(probabilities > 0.5) is an array of True and False; .astype(int) makes it 0 and 1.",
        given="import numpy as np",
        starter="def predict_labels(X, w, b):\n    ...",
        solution_body="def predict_labels(X, w, b):\n    probabilities = 1 / (1 + np.exp(-(X @ w + b)))\n"
        "    return (probabilities > 0.5).astype(int)",
        answer_name="predict_labels",
        checker=_check_predict_labels,
    ),
    Exercise(
        id="algorithms-06",
        title="Two principal components",
        statement="Reduce the 13 wine measurements `X` to 2 numbers per wine with PCA, after standardising "
        "the features (they are on very different scales). Store the projected data, shape "
        "`(178, 2)`, in `projected`.",
        hint_text="make_pipeline(StandardScaler(), PCA(n_components=2)).fit_transform(X).",
        given="from sklearn.datasets import load_wine\nfrom sklearn.decomposition import PCA\n"
        "from sklearn.pipeline import make_pipeline\nfrom sklearn.preprocessing import StandardScaler\n\n"
        "X = load_wine().data",
        starter="projected = ...",
        solution_body="projected = make_pipeline(StandardScaler(), PCA(n_components=2)).fit_transform(X)",
        answer_name="projected",
        checker=_check_projected,
    ),
]
