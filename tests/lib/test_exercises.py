"""The exercises: every solution passes its check, common mistakes get their own explanation,
wrong types get a message instead of a traceback, and progress is counted in a local file."""

from __future__ import annotations

import contextlib
import importlib
import io
import json
import re
import time
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import pytest

from tutorials_lib.exercises import (
    PROGRESS_ENV,
    TRACKS,
    all_exercises,
    by_track,
    get,
    notebook,
    progress,
    progress_path,
    reset_progress,
)

EXERCISES = all_exercises()
IDS = [exercise.id for exercise in EXERCISES]


@pytest.fixture(autouse=True)
def progress_file(tmp_path, monkeypatch):
    """Every test keeps its progress in its own temporary file, never in the home folder."""
    path = tmp_path / "progress.json"
    monkeypatch.setenv(PROGRESS_ENV, str(path))
    yield path
    plt.close("all")


def answer_from(exercise, body: str):
    """Run the exercise's given code and then ``body`` (a reader's attempt); return the answer."""
    namespace: dict = {}
    with contextlib.redirect_stdout(io.StringIO()):
        exec(exercise.given + "\n" + body, namespace)
    return namespace[exercise.answer_name]


# A reader's typical mistakes, as the code they would write, and what the check must say.
MISTAKES = {
    "numpy-01": [
        ("evens = np.arange(0, 20, 2)", "off by one"),
        ("evens = [0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20]", "you returned a list"),
        ("evens = np.linspace(0, 20, 11)", "dtype is float64"),
    ],
    "numpy-02": [
        ("image = pixels.reshape(8, 8, order='F')", "pixels are in columns"),
        ("image = pixels.reshape(4, 16)", "shape (8, 8)"),
    ],
    "numpy-03": [
        ("def standardize(X):\n    return (X - X.mean()) / X.std()", "whole array"),
        ("def standardize(X):\n    return X - X.mean(axis=0)", "not scaled"),
        ("def standardize(X):\n    (X - X.mean(axis=0)) / X.std(axis=0)", "forget the `return`"),
        (
            "def standardize(X):\n    return (X - X.mean(axis=1)) / X.std(axis=1)",
            "raised ValueError when the check called standardize(X)",
        ),
        ("def standardize(X):\n    return (X - X.mean(axis=0)) / X.std(axis=0, ddof=1)", "ddof=1"),
    ],
    "numpy-04": [
        ("high = scores > scores.mean()", "boolean mask"),
        ("high = scores[scores >= scores.mean()]", "strictly greater"),
        ("high = [s for s in scores if s > scores.mean()]", "you returned a list"),
    ],
    "numpy-05": [
        ("def distances(points, p):\n    return ((points - p) ** 2).sum(axis=1)", "squared distances"),
        ("def distances(points, p):\n    return np.sqrt((points - p) ** 2)", "sum the squared"),
        (
            "def distances(points, p):\n    return [float(np.linalg.norm(q - p)) for q in points]",
            "returned a list",
        ),
    ],
    "pandas-01": [
        ("long_petals = flowers['petal length (cm)'] > 5", "boolean mask"),
        ("long_petals = flowers[flowers['petal length (cm)'] >= 5]", "use > (greater than)"),
        (
            "long_petals = flowers[flowers['petal length (cm)'] > 5][['petal length (cm)']]",
            "keep all 5 columns",
        ),
    ],
    "pandas-02": [
        ("mean_petal = flowers['petal length (cm)'].mean()", "group by `target` first"),
        ("mean_petal = flowers.groupby('target').mean()", "you gave a DataFrame"),
        ("mean_petal = flowers.groupby('target')['petal length (cm)'].median()", "these are the medians"),
    ],
    "pandas-03": [
        ("filled = people.dropna()", "you dropped the rows"),
        (
            "filled = people.copy()\nfilled['age'] = filled['age'].fillna(filled['age'].mean())",
            "filled the gaps with the mean",
        ),
        ("filled = people.copy()\nfilled['age'].fillna(30)", "still missing"),
    ],
    "pandas-04": [
        ("shares = wine['target'].value_counts()", "these are counts"),
        ("shares = wine['target'].value_counts(normalize=True) * 100", "percentages"),
    ],
    "pandas-05": [
        (
            "encoded = cars.assign(colour=cars['colour'].astype('category').cat.codes)",
            "read that as an order",
        ),
        (
            "import pandas as pd\nencoded = pd.concat([cars, pd.get_dummies(cars['colour'])], axis=1)",
            "is still there",
        ),
    ],
    "matplotlib-01": [
        (
            "fig, ax = plt.subplots()\nax.hist(heights)\nax.set_xlabel('h')\nax.set_ylabel('n')",
            "10 bars, Matplotlib's default",
        ),
        ("fig, ax = plt.subplots()\nax.hist(heights, bins=20)", "no x and no y label"),
        ("fig = plt.hist(heights, bins=20)", "what plt.hist or ax.hist returns"),
    ],
    "matplotlib-02": [
        (
            "fig, ax = plt.subplots()\nax.scatter(flowers['petal length (cm)'], "
            "flowers['petal width (cm)'])\nax.set_title('t')",
            "same colour",
        ),
        (
            "fig, ax = plt.subplots()\nax.plot(flowers['petal length (cm)'], flowers['petal width (cm)'])",
            "you drew lines",
        ),
    ],
    "matplotlib-03": [
        (
            "fig, ax = plt.subplots()\nax.plot(history['loss'])\nax.plot(history['val_loss'])\n"
            "ax.set_xlabel('epoch')",
            "there is no legend",
        ),
        (
            "fig, ax = plt.subplots()\nax.plot(history['loss'], label='training')\nax.legend()",
            "there should be two lines",
        ),
    ],
    "matplotlib-04": [
        (
            "fig, axes = plt.subplots(2, 5)\nfor i, ax in enumerate(axes.flat):\n"
            "    ax.imshow(digits.images[i])",
            "titled with its label",
        ),
        (
            "fig, axes = plt.subplots(1, 5)\nfor i, ax in enumerate(axes.flat):\n"
            "    ax.imshow(digits.images[i])",
            "there should be 10 images",
        ),
    ],
    "workflow-01": [
        (
            "a, b, c, d = train_test_split(X, y, test_size=0.25, stratify=y, random_state=0)\n"
            "split = (a, c, b, d)",
            "the order is wrong",
        ),
        ("split = train_test_split(X, y, test_size=0.25, random_state=0)", "not stratified"),
        ("split = train_test_split(X, y, stratify=y, random_state=0, test_size=0.2)", "38 of the 150"),
    ],
    "workflow-02": [
        ("s = StandardScaler().fit(X)\nscaled = (s.transform(X_train), s.transform(X_test))", "data leakage"),
        ("scaled = (X_train, X_test)", "forgot to scale"),
        (
            "scaled = (StandardScaler().fit_transform(X_train), StandardScaler().fit_transform(X_test))",
            "second scaler on the test set",
        ),
    ],
    "workflow-03": [
        ("model = LogisticRegression(max_iter=5000).fit(X_train, y_train)", "bare LogisticRegression"),
        ("model = make_pipeline(StandardScaler(), LogisticRegression())", "not fitted yet"),
        (
            "model = make_pipeline(StandardScaler(), LogisticRegression()).fit(X_train, y_train)"
            ".predict(X_test)",
            "you passed an array",
        ),
    ],
    "workflow-04": [
        (
            "def choose_depth(X_train, y_train, X_test, y_test):\n"
            "    scores = []\n    for depth in range(1, 7):\n"
            "        tree = DecisionTreeClassifier(max_depth=depth, random_state=0).fit(X_train, y_train)\n"
            "        scores.append(tree.score(X_test, y_test))\n"
            "    best = scores.index(max(scores)) + 1\n    return best, max(scores)",
            "used the test set for model selection",
        ),
        ("def choose_depth(X_train, y_train, X_test, y_test):\n    return 5", "should return a tuple"),
    ],
    "workflow-05": [
        ("cv_accuracy = cross_val_score(KNeighborsClassifier(), X, y, cv=5)", "5 scores, one per fold"),
        ("cv_accuracy = KNeighborsClassifier().fit(X, y).score(X, y)", "data the model was fitted on"),
    ],
    "workflow-06": [
        ("cm = confusion_matrix(y_pred, y_true)", "transposed"),
        ("cm = confusion_matrix(y_true, y_pred).tolist()", "you returned a list"),
    ],
    "algorithms-01": [
        (
            "def predict_1nn(X_train, y_train, X_new):\n"
            "    return np.array([np.argmin(((X_train - x) ** 2).sum(axis=1)) for x in X_new])",
            "positions of the nearest",
        )
    ],
    "algorithms-02": [
        ("b, w = np.polyfit(x, y, 1)\nline = (w, b)", "swapped"),
        ("line = np.polyfit(x, y, 2)", "holds 3"),
    ],
    "algorithms-03": [
        (
            "def gini(labels):\n    _, counts = np.unique(labels, return_counts=True)\n"
            "    return 1 - (counts ** 2).sum()",
            "counts of each class",
        ),
        (
            "def gini(labels):\n    _, counts = np.unique(labels, return_counts=True)\n"
            "    return 1 - (counts / counts.sum()).sum()",
            "square each proportion",
        ),
    ],
    "algorithms-04": [
        ("clusters = KMeans(n_clusters=3, n_init=10, random_state=0).fit(X)", "fitted KMeans model"),
        (
            "clusters = KMeans(n_clusters=3, n_init=10, random_state=0).fit(X).cluster_centers_",
            "3 cluster centres",
        ),
    ],
    "algorithms-05": [
        (
            "def predict_labels(X, w, b):\n    return 1 / (1 + np.exp(-(X @ w + b)))",
            "probabilities instead of labels",
        )
    ],
    "algorithms-06": [
        ("projected = PCA(n_components=2).fit_transform(X)", "forgot to scale"),
        (
            "projected = make_pipeline(StandardScaler(), PCA(n_components=2)).fit(X)[-1].components_",
            "principal directions",
        ),
    ],
    "networks-01": [
        ("def sigmoid(z):\n    return 1 / (1 + np.exp(z))", "sigmoid(-z)"),
        ("import math\ndef sigmoid(z):\n    return 1 / (1 + math.exp(-z))", "use np.exp"),
    ],
    "networks-02": [
        ("def softmax(z):\n    return np.exp(z) / np.exp(z).sum(axis=0)", "each column sums to 1"),
        ("def softmax(z):\n    return np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)", "overflows"),
        ("def softmax(z):\n    return np.exp(z) / np.exp(z).sum(axis=1)", "keepdims=True"),
    ],
    "networks-03": [
        ("def forward(X, W1, b1, W2, b2):\n    return (X @ W1 + b1) @ W2 + b2", "no activation"),
        (
            "def forward(X, W1, b1, W2, b2):\n    return np.maximum(0, X @ W1.T + b1) @ W2 + b2",
            "raised ValueError",
        ),
    ],
    "networks-04": [("n_params = 64 * 32", "forgot the biases"), ("n_params = '2080'", "without quotes")],
    "networks-05": [("loss = 'categorical_crossentropy'", "one-hot labels"), ("loss = 'mse'", "regression")],
    "networks-06": [
        (
            "model = keras.Sequential([\n    keras.layers.Dense(32, activation='relu'),\n"
            "    keras.layers.Dense(10, activation='softmax'),\n])",
            "not built",
        ),
        (
            "model = keras.Sequential([keras.Input(shape=(64,)), keras.layers.Dense(32, activation='relu'),"
            " keras.layers.Dense(10)])",
            "use 'softmax'",
        ),
    ],
    "networks-07": [
        ("shape = (28, 28, 16)", "padding='same'"),
        ("shape = (26, 26, 1)", "number of filters"),
        ("shape = '(26, 26, 16)'", "not as a string"),
    ],
    "networks-08": [
        ("n_params = 3 * 3 * 32 + 32", "all 3 input channels"),
        ("n_params = 864", "forgot the biases"),
    ],
    "networks-09": [
        ("n_params = 32 * (10 + 32) + 32", "SimpleRNN"),
        ("n_params = 4 * (32 * 10 + 32)", "recurrent"),
    ],
    "networks-10": [("shape = (None, 32)", "return_sequences=False"), ("shape = (20, 10)", "units (32)")],
    "digits-01": [
        ("X_scaled = X / 255", "divided by 255"),
        ("X_scaled = X // 16", "integer division"),
        ("X_scaled = X", "forgot to scale"),
    ],
    "digits-02": [
        ("baseline = 100 * DummyClassifier().fit(X_train, y_train).score(X_test, y_test)", "percentage"),
        ("baseline = DummyClassifier().fit(X_train, y_train).score(X_train, y_train)", "training set"),
    ],
    "digits-03": [
        ("model = SVC(gamma=0.001).fit(X_train * 16, y_train)", "trained on unscaled pixels"),
        ("model = SVC().fit(X_test, y_test)", "fitted on the test set"),
        ("model = SVC()", "not fitted"),
    ],
    "digits-04": [
        ("labels = proba.argmax(axis=0)", "axis=0"),
        ("labels = proba.max(axis=1)", "argmax, not max"),
        ("labels = proba.argmax(axis=1) + 1", "off by one"),
    ],
    "digits-05": [
        ("wrong = y_pred != y_true", "this is a mask"),
        ("wrong = y_pred[y_pred != y_true]", "digits"),
        ("wrong = int((y_pred != y_true).sum())", "how many predictions are wrong"),
    ],
}
# The newer tracks keep their mistakes in files of their own, tests/lib/mistakes_<track>.py.
for _path in sorted(Path(__file__).parent.glob("mistakes_*.py")):
    MISTAKES.update(importlib.import_module(f"tests.lib.{_path.stem}").MISTAKES)

WRONG_TYPES = [
    "an answer",
    None,
    42,
    3.5,
    True,
    [1, 2, 3],
    (1, 2),
    {"a": 1},
    object(),
    np.zeros(3),
    lambda *args: None,
    int,
]


def test_the_site_has_at_least_30_exercises_and_every_track_some():
    assert len(EXERCISES) >= 30
    assert {exercise.track for exercise in EXERCISES} == set(TRACKS)


def test_ids_are_unique_and_numbered_from_01_in_each_track():
    assert len(set(IDS)) == len(IDS)
    for track in TRACKS:
        ids = [exercise.id for exercise in by_track(track)]
        assert ids == [f"{track}-{number:02d}" for number in range(1, len(ids) + 1)]


def test_every_exercise_has_mistakes_to_test():
    assert set(MISTAKES) == set(IDS)


@pytest.mark.parametrize("exercise_id", IDS)
def test_the_solution_passes_its_check_quickly(exercise_id):
    exercise = get(exercise_id)
    answer = exercise.solution().answer
    start = time.perf_counter()
    result = exercise.check(answer)
    elapsed = time.perf_counter() - start
    assert result.correct, result.message
    assert result.message.startswith("Correct!")
    assert elapsed < 2.0, f"{exercise_id}: the check took {elapsed:.2f} s"


@pytest.mark.parametrize(
    ("exercise_id", "body", "fragment"),
    [(key, body, fragment) for key, cases in MISTAKES.items() for body, fragment in cases],
    ids=lambda value: value if isinstance(value, str) and re.fullmatch(r"[a-z]+-\d\d", value) else "",
)
def test_a_common_mistake_gets_its_own_explanation(exercise_id, body, fragment):
    exercise = get(exercise_id)
    result = exercise.check(answer_from(exercise, body))
    assert not result.correct
    assert result.message.startswith("Not yet: ")
    assert fragment in result.message, result.message


@pytest.mark.parametrize("exercise_id", IDS)
def test_a_wrong_type_gets_a_message_not_a_traceback(exercise_id):
    exercise = get(exercise_id)
    for answer in WRONG_TYPES:
        result = exercise.check(answer)
        assert not result.correct, f"{exercise_id} accepted {answer!r}"
        assert result.message.startswith("Not yet: ")
        assert "could not make sense" not in result.message, f"{exercise_id} on {answer!r}: {result.message}"


@pytest.mark.parametrize("exercise_id", IDS)
def test_the_placeholder_answer_is_not_correct(exercise_id):
    exercise = get(exercise_id)
    result = exercise.check(answer_from(exercise, exercise.starter))
    assert not result.correct and "could not make sense" not in result.message, result.message


def test_an_exception_in_the_readers_function_is_reported_kindly():
    def standardize(X):
        raise RuntimeError("something went wrong")

    result = get("numpy-03").check(standardize)
    assert str(result) == (
        "Not yet: your function raised RuntimeError when the check called standardize(X) on an array of "
        "shape (4, 2): something went wrong. Run it yourself on that input to see where it fails."
    )


def test_passing_the_result_instead_of_the_function_is_explained():
    result = get("numpy-03").check(np.zeros((4, 2)))
    assert "pass the function itself, without calling it: ex.check(standardize)" in result.message


def test_the_readers_function_cannot_change_the_checks_data():
    def standardize(X):
        X -= X.mean(axis=0)
        X /= X.std(axis=0)
        return X

    assert get("numpy-03").check(standardize).correct


def test_ellipsis_means_not_answered_yet():
    assert "there is no answer yet" in get("pandas-01").check(...).message


def test_progress_counts_solved_exercises_of_the_track(progress_file):
    first, second = by_track("numpy")[:2]
    assert first.check(first.solution().answer).message == "Correct! You have solved 1 of 5 NumPy exercises."
    assert first.check(first.solution().answer).message == "Correct! You have solved 1 of 5 NumPy exercises."
    assert (
        second.check(second.solution().answer).message == "Correct! You have solved 2 of 5 NumPy exercises."
    )
    assert json.loads(progress_file.read_text()) == {"solved": ["numpy-01", "numpy-02"]}
    assert progress("numpy") == "NumPy: 2 of 5 solved (numpy-01, numpy-02)."


def test_a_wrong_answer_does_not_touch_the_progress_file(progress_file):
    get("numpy-01").check([1])
    assert not progress_file.exists()


def test_the_last_exercise_of_a_track_says_all_are_solved():
    for exercise in by_track("digits"):
        result = exercise.check(exercise.solution().answer)
    assert result.message == "Correct! You have solved all 5 digits project exercises."


def test_the_progress_file_argument_beats_the_environment_variable(tmp_path, progress_file):
    chosen = tmp_path / "elsewhere" / "mine.json"
    get("numpy-01").check(np.arange(0, 21, 2), progress_file=chosen)
    assert json.loads(chosen.read_text()) == {"solved": ["numpy-01"]}
    assert not progress_file.exists()


def test_the_default_progress_file_is_in_the_home_folder(monkeypatch, tmp_path):
    monkeypatch.delenv(PROGRESS_ENV)
    monkeypatch.setenv("HOME", str(tmp_path))
    assert progress_path() == tmp_path / ".tutorials_lib" / "progress.json"
    assert get("numpy-01").check(np.arange(0, 21, 2)).correct
    assert (tmp_path / ".tutorials_lib" / "progress.json").exists()


@pytest.mark.parametrize(
    "content", ["{not json", '{"solved": "numpy-01"}', "[1, 2]", '{"other": []}', "\xff\xfe"]
)
def test_a_corrupted_progress_file_starts_a_fresh_count(progress_file, content):
    progress_file.write_text(content, encoding="latin-1")
    result = get("numpy-01").check(np.arange(0, 21, 2))
    assert result.correct
    assert result.message.startswith("Correct! You have solved 1 of 5 NumPy exercises. (the progress file ")
    assert "could not be read" in result.message
    assert json.loads(progress_file.read_text()) == {"solved": ["numpy-01"]}


def test_an_unwritable_progress_file_does_not_spoil_a_correct_answer(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    result = get("numpy-01").check(np.arange(0, 21, 2), progress_file=blocker / "progress.json")
    assert result.correct and "progress not saved" in result.message


def test_a_progress_file_that_is_not_a_path_does_not_spoil_a_correct_answer():
    result = get("numpy-01").check(np.arange(0, 21, 2), progress_file=3.5)
    assert result.correct and "progress not saved" in result.message


def test_reset_progress_forgets_one_track_or_all(progress_file):
    for exercise_id in ("numpy-01", "pandas-04"):
        get(exercise_id).check(get(exercise_id).solution().answer)
    reset_progress("numpy")
    assert json.loads(progress_file.read_text()) == {"solved": ["pandas-04"]}
    reset_progress()
    assert json.loads(progress_file.read_text()) == {"solved": []}


def test_get_and_by_track_explain_an_unknown_id_or_track():
    assert get(" NumPy-01 ") is get("numpy-01")
    with pytest.raises(ValueError, match="the workflow track has workflow-01 to workflow-06"):
        get("workflow-7")
    with pytest.raises(ValueError, match="the tracks are: numpy, pandas"):
        get("keras-01")
    with pytest.raises(TypeError, match="exercise_id must be a string"):
        get(1)
    with pytest.raises(ValueError, match="There is no track 'deep'"):
        by_track("deep")


def test_hint_and_solution_show_as_plain_text():
    exercise = get("numpy-01")
    assert repr(exercise.hint()) == exercise.hint_text
    assert repr(exercise.solution()) == "import numpy as np\n\nevens = np.arange(0, 21, 2)"


@pytest.mark.parametrize("track", list(TRACKS))
def test_the_notebook_with_solutions_filled_in_checks_all_correct(track):
    """Run the notebook's cells in order, in one namespace, as a kernel would."""
    cells = [cell for cell in notebook(track, solved=True)["cells"] if cell["cell_type"] == "code"]
    namespace: dict = {}
    verdicts = []
    with contextlib.redirect_stdout(io.StringIO()):
        for cell in cells:
            *body, last = cell["source"].strip().splitlines()
            if last.startswith(("get(", "progress(")):
                exec("\n".join(body), namespace)
                verdicts.append(eval(last, namespace))
            else:
                exec(cell["source"], namespace)
    checks, summary = verdicts[:-1], verdicts[-1]
    assert len(checks) == len(by_track(track))
    assert all(result.correct for result in checks), [str(result) for result in checks]
    assert f"{len(checks)} of {len(checks)} solved" in summary


@pytest.mark.parametrize("track", list(TRACKS))
def test_the_notebook_is_valid_nbformat(track):
    nbformat = pytest.importorskip("nbformat")
    nbformat.validate(nbformat.from_dict(notebook(track)))


def test_the_blank_notebook_has_a_cell_to_fill_and_a_check_per_exercise():
    cells = notebook("numpy")["cells"]
    sources = [cell["source"] for cell in cells]
    assert "evens = ..." in sources[3] and sources[4] == 'get("numpy-01").check(evens)'
    assert len({cell["id"] for cell in cells}) == len(cells)


@pytest.mark.slow
def test_the_numpy_notebook_runs_in_a_jupyter_kernel(tmp_path):
    nbformat = pytest.importorskip("nbformat")
    from nbclient import NotebookClient

    document = nbformat.from_dict(notebook("numpy", solved=True))
    nbformat.validate(document)
    NotebookClient(
        document, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}
    ).execute()
    texts = [
        "".join(output.get("data", {}).get("text/plain", ""))
        for cell in document.cells
        for output in cell.get("outputs", [])
    ]
    assert sum(text.startswith("Correct!") for text in texts) == 5, texts
