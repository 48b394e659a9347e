"""The exercise checks after their independent review (every track's right and wrong answers;
the NumPy, pandas and Matplotlib cases are in test_exercise_review_numpy_pandas_matplotlib.py).

For each check the review found too strict, too lenient or wrong in its message: an answer
that meets the statement passes, and the wrong answer the reviewer tried gets "Not yet" with a
message that names what is wrong (the items are in the site's review log).
"""

from __future__ import annotations

import pytest

from tests.lib import test_exercise_review_numpy_pandas_matplotlib as data_tracks
from tests.lib.exercise_answers import answer_of, progress_file  # noqa: F401 (an autouse fixture)
from tutorials_lib.exercises import get

KERAS = 'import os\nos.environ.setdefault("KERAS_BACKEND", "jax")\nimport keras\n'
ALL_DIGITS = (
    "import numpy as np\nX_all, y_all = np.vstack([X_train, X_test]), np.concatenate([y_train, y_test])\n"
)

RIGHT = {
    "workflow-03": ["model = make_pipeline(StandardScaler(), LogisticRegression()).fit(X_train, y_train)"],
    "algorithms-01": [
        "def predict_1nn(X_train, y_train, X_new):\n"
        "    d = np.linalg.norm(X_new[:, None, :] - X_train[None, :, :], axis=2)\n"
        "    return y_train[d.argmin(axis=1)]",
    ],
    "algorithms-04": ["clusters = KMeans(n_clusters=3, n_init=10, random_state=0).fit_predict(X)"],
    "algorithms-06": [
        "projected = make_pipeline(StandardScaler(), PCA(n_components=2)).fit_transform(X)",
        # pandas' std() uses ddof=1: a standardisation as right as StandardScaler's
        "import pandas as pd\ndf = pd.DataFrame(X)\n"
        "projected = PCA(n_components=2).fit_transform((df - df.mean()) / df.std())",
    ],
    "networks-02": [
        "def softmax(z):\n    e = np.exp(z - z.max(axis=1, keepdims=True))\n"
        "    return e / e.sum(axis=1, keepdims=True)",
        "from scipy.special import softmax as sp\ndef softmax(z):\n    return sp(z, axis=1)",
    ],
    "networks-05": [
        'loss = "sparse_categorical_crossentropy"',
        KERAS + "loss = keras.losses.SparseCategoricalCrossentropy()",
    ],
    "networks-06": [
        "model = keras.Sequential([keras.Input(shape=(64,)), keras.layers.Dense(32, activation='relu'),"
        " keras.layers.Dense(10, activation='softmax')])",
        "model = keras.Sequential([keras.Input(shape=(64,)), keras.layers.Dense(32), "
        "keras.layers.Activation('relu'), keras.layers.Dense(10), keras.layers.Softmax()])",
        "model = keras.Sequential([keras.Input(shape=(64,)), keras.layers.Dense(32), "
        "keras.layers.ReLU(), keras.layers.Dense(10), keras.layers.Activation('softmax')])",
    ],
    "networks-10": ["shape = (20, 32)", "shape = (None, 20, 32)"],
    "digits-03": [
        "model = SVC().fit(X_train, y_train)",
        "from sklearn.neighbors import KNeighborsClassifier\n"
        "model = KNeighborsClassifier(1).fit(X_train, y_train)",
        "from sklearn.ensemble import RandomForestClassifier\n"
        "model = RandomForestClassifier().fit(X_train, y_train)",
        "from sklearn.ensemble import RandomForestClassifier\n"
        "model = RandomForestClassifier(random_state=3).fit(X_train, y_train)",
    ],
    # the statement does not ask to keep the index: a reset one holds the same ratings
    "recommender-01": [
        "def split_by_time(ratings, cutoff):\n"
        '    before = ratings["timestamp"] < cutoff\n'
        "    return ratings[before].reset_index(drop=True), ratings[~before].reset_index(drop=True)",
    ],
    # the statement invites checking with the schedule itself, which returns a 0-d JAX array
    "training-04": [
        KERAS + "schedule = keras.optimizers.schedules.CosineDecay(initial_learning_rate=0.0, "
        "warmup_target=0.01, warmup_steps=100, decay_steps=900)\nrate = schedule(40)",
    ],
    # right answers that break a tie another way than max() does: the data has no ties now
    "language-04": [
        "def most_frequent_pair(word_counts):\n    pairs = Counter()\n"
        "    for word, count in word_counts.items():\n        for pair in zip(word, word[1:]):\n"
        "            pairs[pair] += count\n    return sorted(pairs, key=pairs.get)[-1]",
        "def most_frequent_pair(word_counts):\n    pairs = Counter()\n"
        "    for word, count in word_counts.items():\n        for pair in zip(word, word[1:]):\n"
        "            pairs[pair] += count\n    return max(pairs, key=lambda p: (pairs[p], p))",
        "def most_frequent_pair(word_counts):\n    pairs = Counter()\n"
        "    for word, count in reversed(list(word_counts.items())):\n"
        "        for pair in zip(word, word[1:]):\n            pairs[pair] += count\n"
        "    return max(pairs, key=pairs.get)",
    ],
}

WRONG = {
    "workflow-03": [
        (
            "from sklearn.preprocessing import MinMaxScaler\n"
            "model = make_pipeline(MinMaxScaler(), LogisticRegression()).fit(X_train, y_train)",
            "scale the features with StandardScaler() before the classifier, as the statement asks",
        ),
        (
            "model = make_pipeline(StandardScaler(), LogisticRegression(C=1e-4)).fit(X_train, y_train)",
            "fitted on X_train, y_train, reaches 0.958. Did you change the settings",
        ),
        (
            "model = make_pipeline(StandardScaler(), LogisticRegression()).fit(X_test, y_test)",
            "fitted on other data than X_train, y_train",
        ),
    ],
    "algorithms-01": [
        (
            "def predict_1nn(X_train, y_train, X_new):\n"
            "    d = np.abs(X_new[:, None, :] - X_train[None, :, :]).sum(axis=2)\n"
            "    return y_train[d.argmin(axis=1)]",
            "city-block (Manhattan) distance",
        ),
    ],
    "algorithms-04": [
        (
            "clusters = KMeans(n_clusters=3, random_state=0).fit_predict(X)",
            "with the default n_init, which since scikit-learn 1.4 is 'auto'",
        ),
        (
            "from sklearn.preprocessing import StandardScaler\n"
            "clusters = KMeans(n_clusters=3, n_init=10, random_state=0).fit_predict("
            "StandardScaler().fit_transform(X))",
            "fit on X as it is (not scaled, without the labels)",
        ),
    ],
    "algorithms-06": [
        (
            "projected = PCA(n_components=2).fit_transform(X)",
            "Proline (278 to 1680) makes the first component almost alone, and magnesium (70 to 162) the "
            "second",
        ),
    ],
    "networks-02": [
        (
            "def softmax(z):\n    e = np.exp(z - z.max())\n    return e / e.sum(axis=1, keepdims=True)",
            "you subtracted one maximum for the whole array",
        ),
        (
            "def softmax(z):\n    e = np.exp(z)\n    return e / e.sum(axis=1, keepdims=True)",
            "np.exp overflows",
        ),
    ],
    "networks-05": [
        (
            KERAS + "loss = keras.losses.SparseCategoricalCrossentropy(from_logits=True)",
            "keep the default from_logits=False",
        ),
    ],
    "networks-06": [
        (
            "model = keras.Sequential([keras.Input(shape=(64,)), keras.layers.Dense(32), "
            "keras.layers.ReLU(max_value=6), keras.layers.Dense(10, activation='softmax')])",
            "the hidden layer's activation is a clipped, leaky or shifted ReLU",
        ),
        (
            "model = keras.Sequential([keras.Input(shape=(64,)), keras.layers.Dense(32), "
            "keras.layers.Dense(10, activation='softmax')])",
            "the hidden layer's activation is linear",
        ),
    ],
    "networks-09": [
        ("n_params = 32 * (10 + 32) + 32", "its 3 gates and the candidate cell value"),
        ("n_params = 4 * 32 * (10 + 32)", "4 blocks (3 gates and the candidate)"),
    ],
    "networks-10": [
        ("shape = (1, 20, 32)", "includes the batch size"),
        ("shape = (5, 7)", "is not the output shape of one sequence: (steps, units)"),
    ],
    "digits-03": [
        (
            ALL_DIGITS + "model = SVC().fit(X_all, y_all)",
            "differently from a copy fitted on X_train, y_train",
        ),
        (
            ALL_DIGITS + "from sklearn.neighbors import KNeighborsClassifier\n"
            "model = KNeighborsClassifier(1).fit(X_all, y_all)",
            "differently from a copy fitted on X_train, y_train",
        ),
        (
            ALL_DIGITS + "from sklearn.ensemble import RandomForestClassifier\n"
            "model = RandomForestClassifier().fit(X_all, y_all)",
            "the sign that it saw the test images",
        ),
    ],
}


# The NumPy, pandas and Matplotlib tracks' cases live beside their own tests.
RIGHT |= data_tracks.RIGHT
WRONG |= data_tracks.WRONG


@pytest.mark.parametrize(
    ("exercise_id", "body"),
    [
        pytest.param(key, body, id=f"{key}-{n}")
        for key, bodies in RIGHT.items()
        for n, body in enumerate(bodies)
    ],
)
def test_an_answer_that_meets_the_statement_passes(exercise_id, body):
    verdict = get(exercise_id).check(answer_of(exercise_id, body))
    assert verdict.correct, f"{exercise_id} rejects a right answer:\n{body}\n-> {verdict}"


@pytest.mark.parametrize(
    ("exercise_id", "body", "fragment"),
    [
        pytest.param(key, body, fragment, id=f"{key}-{n}")
        for key, cases in WRONG.items()
        for n, (body, fragment) in enumerate(cases)
    ],
)
def test_the_wrong_answer_the_review_found_is_explained(exercise_id, body, fragment):
    verdict = get(exercise_id).check(answer_of(exercise_id, body))
    assert not verdict.correct, f"{exercise_id} accepts:\n{body}"
    assert fragment in verdict.message, verdict.message


def test_the_lstm_hint_names_three_gates_and_the_candidate():
    hint = get("networks-09").hint_text
    assert "three gates (input, forget, output) and the candidate cell value" in hint
    assert "4 gates" not in hint


def test_networks_02_a_softmax_shifted_by_the_global_minimum_is_told_it_overflows():
    import numpy as np

    def softmax(z):
        e = np.exp(z - z.min())
        return e / e.sum(axis=1, keepdims=True)

    result = str(get("networks-02").check(softmax))
    assert "np.exp overflows" in result and "one maximum for the whole array" not in result, result
