# ruff: noqa: E501  (the code mutants read best as the lines a reader would type)
"""Mutation test of the exercise checks: an answer that is merely close to right gets "Not yet".

``test_exercises.py`` proves that each listed mistake gets its own explanation. This file
proves that a check also rejects answers it was not told about, so that a check that grows
too lenient (say, one whose final equality test is deleted) fails here. Two kinds of
near-misses ("mutants") are tried against every exercise:

- **Value mutants**, made from the model solution's answer by rule: one element dropped or
  added, one value off by one, complex or float numbers instead of integers, the order
  reversed, rows and columns swapped... For a function, the same changes are applied to what
  it returns.
- **Code mutants**, written per exercise in ``CODE_MUTANTS``: the solution with a small
  slip, such as ``range(1, 6)`` for ``range(1, 7)`` or ``axis=0`` for ``axis=1``. Every
  exercise must have some, so a new exercise without them fails
  ``test_every_exercise_has_code_mutants``.
"""

from __future__ import annotations

import contextlib
import importlib
import io
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

from tutorials_lib.exercises import PROGRESS_ENV, all_exercises, get

EXERCISES = {exercise.id: exercise for exercise in all_exercises()}


@cache
def reference_answer(exercise_id: str) -> object:
    """The model solution's answer, computed once (mutants are copies, never changed in place)."""
    return EXERCISES[exercise_id].solution().answer


@pytest.fixture(autouse=True)
def progress_file(tmp_path, monkeypatch):
    """Keep progress out of the home folder, and close the figures each check draws."""
    monkeypatch.setenv(PROGRESS_ENV, str(tmp_path / "progress.json"))
    yield
    plt.close("all")


# ---------------------------------------------------------------- value mutants

Mutation = Callable[[object], object]


def _off_by_one(value: np.ndarray) -> np.ndarray:
    changed = value.copy()
    changed.flat[0] += 1
    return changed


def array_mutations(value: np.ndarray) -> list[tuple[str, Mutation]]:
    mutations: list[tuple[str, Mutation]] = [
        ("last element dropped", lambda a: a[:-1]),
        ("one element too many", lambda a: np.concatenate([a, a[-1:]])),
        ("one value off by one", _off_by_one),
        ("complex numbers", lambda a: a.astype(complex) + 0j),
        ("complex numbers with an imaginary part", lambda a: a + 1j),
    ]
    if value.dtype.kind in "iu":
        mutations.append(("floats instead of integers", lambda a: a.astype(float)))
    if value.ndim == 1 and not np.array_equal(value, value[::-1]):
        mutations.append(("order reversed", lambda a: a[::-1]))
        mutations.append(("a column instead of a row", lambda a: a.reshape(-1, 1)))
    if value.ndim == 2 and (value.shape[0] != value.shape[1] or not np.array_equal(value, value.T)):
        mutations.append(("rows and columns swapped", lambda a: a.T))
    return mutations


def mutations_for(value: object) -> list[tuple[str, Mutation]]:
    """The near-misses that make sense for a value of this type."""
    if isinstance(value, np.ndarray) and value.ndim >= 1 and value.size > 1:
        return array_mutations(value)
    if isinstance(value, (bool, np.bool_)):
        return []
    if isinstance(value, (int, np.integer)):
        return [
            ("one too many", lambda v: v + 1),
            ("one too few", lambda v: v - 1),
            ("a complex number", lambda v: complex(v)),
            ("a string", lambda v: str(v)),
        ]
    if isinstance(value, (float, np.floating)) or (isinstance(value, np.ndarray) and value.size == 1):
        return [
            ("off by 0.01", lambda v: float(v) + 0.01),
            ("a complex number", lambda v: complex(float(v))),
            ("a string", lambda v: str(float(v))),
        ]
    if isinstance(value, tuple):
        mutations = [
            ("last element dropped", lambda t: t[:-1]),
            ("one element too many", lambda t: (*t, t[-1])),
        ]
        if len(set(map(repr, value))) > 1:
            mutations.append(("order reversed", lambda t: t[::-1]))
        if isinstance(value[0], (int, float, np.number)):
            mutations.append(("first element off by one", lambda t: (t[0] + 1, *t[1:])))
        return mutations
    if isinstance(value, str):
        return [
            ("last letter dropped", lambda s: s[:-1]),
            ("first word dropped", lambda s: s.split("_", 1)[-1]),
        ]
    if isinstance(value, pd.DataFrame):
        return [
            ("last row dropped", lambda f: f.iloc[:-1]),
            ("last column dropped", lambda f: f.iloc[:, :-1]),
            ("one value off by one", _frame_off_by_one),
        ]
    if isinstance(value, pd.Series):
        return [
            ("last value dropped", lambda s: s.iloc[:-1]),
            ("one value off by 0.1", lambda s: s.where(s.index != s.index[0], s + 0.1)),
            ("complex numbers", lambda s: s.astype(complex) + 1j),
        ]
    return []  # figures and fitted models: only code mutants


def _frame_off_by_one(frame: pd.DataFrame) -> pd.DataFrame:
    changed = frame.copy()
    column = next(name for name in changed.columns if changed[name].dtype.kind in "if")
    changed.loc[changed.index[-1], column] += 1
    return changed


def output_of_reference_function(exercise) -> object:
    """What the model solution's function returns when the check calls it (the first call)."""
    function = reference_answer(exercise.id)
    outputs = []

    def recording(*args):
        outputs.append(function(*args))
        return outputs[-1]

    exercise.checker(recording)
    return outputs[0]


def value_mutants(exercise_id: str) -> Iterator[tuple[str, Mutation, bool]]:
    """``(label, mutation, is_function)`` for each near-miss of the exercise's answer.

    Computed when a test runs, not when tests are collected: the reference solutions train
    models, and collection happens in every pytest process, whatever it runs."""
    exercise = EXERCISES[exercise_id]
    answer = reference_answer(exercise_id)
    if callable(answer) and not hasattr(answer, "fit"):
        for label, mutation in mutations_for(output_of_reference_function(exercise)):
            yield f"returns {label}", mutation, True
    else:
        for label, mutation in mutations_for(answer):
            yield label, mutation, False


def mutated_function(function: Callable, mutation: Mutation) -> Callable:
    def mutant(*args):
        return mutation(function(*args))

    return mutant


# Near-misses a check accepts on purpose, and why (the checks carry the same comment).
ACCEPTED: dict[tuple[str, str], str] = {
    ("numpy-02", "floats instead of integers"): "the exercise is about the shape and order, not the dtype",
    ("numpy-04", "floats instead of integers"): "the exercise is about the mask; 7.0 is the score 7",
    ("workflow-06", "floats instead of integers"): "the statement asks for the counts, not for a dtype",
    ("digits-05", "order reversed"): "the positions are a set of images to look at; any order will do",
}


@pytest.mark.parametrize("exercise_id", sorted(EXERCISES))
def test_values_near_the_solution_get_not_yet(exercise_id):
    exercise = get(exercise_id)
    answer = reference_answer(exercise_id)
    mutants = list(value_mutants(exercise_id))
    if not mutants:
        assert _is_figure_or_model(answer), f"no value mutant applies to {exercise_id}: extend mutations_for"
    accepted = []
    for label, mutation, is_function in mutants:
        if (exercise_id, label) in ACCEPTED:
            continue  # accepted on purpose; ACCEPTED says why
        verdict = exercise.check(mutated_function(answer, mutation) if is_function else mutation(answer))
        if verdict.correct or not str(verdict).startswith("Not yet: "):
            accepted.append(f"{label}: {verdict}")
    assert not accepted, f"{exercise_id} accepts near-misses:\n" + "\n".join(accepted)


def _is_figure_or_model(answer: object) -> bool:
    return isinstance(answer, plt.Figure) or hasattr(answer, "fit")


# ---------------------------------------------------------------- code mutants

CODE_MUTANTS: dict[str, list[str]] = {
    "numpy-01": [
        "evens = np.arange(0, 23, 2)",
        "evens = np.arange(1, 21, 2)",
        "evens = np.arange(0, 21, 2)[1:]",
        "evens = np.arange(0, 21, 2).astype(complex)",
        "evens = np.arange(0, 21, 2).reshape(1, -1)",
        "evens = np.array([7])",
    ],
    "numpy-02": [
        "image = pixels.reshape(8, 8)[::-1]",
        "image = pixels.reshape(8, 8).astype(complex)",
        "image = (pixels + 1).reshape(8, 8)",
        "image = pixels.reshape(2, 4, 8)",
    ],
    "numpy-03": [
        "def standardize(X):\n    return (X - X.mean(axis=0)) / X.var(axis=0)",
        "def standardize(X):\n    return (X - X.min(axis=0)) / X.std(axis=0)",
        "def standardize(X):\n    return ((X - X.mean(axis=0)) / X.std(axis=0))[:, ::-1]",
    ],
    "numpy-04": [
        "high = scores[scores > scores.mean()][::-1]",
        "high = np.sort(scores[scores > scores.mean()])",
        "high = scores[scores > scores.mean() + 1]",
        "high = scores[scores > scores.mean()][:-1]",
    ],
    "numpy-05": [
        "def distances(points, p):\n    return np.sqrt(((points - p) ** 2).sum(axis=1)) + 1",
        "def distances(points, p):\n    return np.sqrt(((points - p) ** 2).sum(axis=1))[::-1]",
        "def distances(points, p):\n    return np.sqrt(((points + p) ** 2).sum(axis=1))",
        "def distances(points, p):\n    return np.sqrt(((points - p) ** 2).sum(axis=1, keepdims=True))",
    ],
    "pandas-01": [
        'long_petals = flowers[flowers["petal length (cm)"] > 5.1]',
        'long_petals = flowers[flowers["petal width (cm)"] > 5]',
        'long_petals = flowers[flowers["petal length (cm)"] > 5].iloc[:, :4]',
        'long_petals = flowers[flowers["petal length (cm)"] > 5].head(40)',
    ],
    "pandas-02": [
        'mean_petal = flowers.groupby("target")["petal width (cm)"].mean()',
        'mean_petal = flowers.groupby("target")["petal length (cm)"].mean().round(1)',
        'mean_petal = flowers.groupby("target")["petal length (cm)"].mean().to_numpy()',
        'mean_petal = flowers.groupby("target")["petal length (cm)"].max()',
    ],
    "pandas-03": [
        'filled = people.copy()\nfilled["age"] = filled["age"].fillna(0)',
        'filled = people.copy()\nfilled["age"] = filled["age"].ffill()',
        'filled = people.copy()\nfilled["age"] = filled["age"].fillna(filled["age"].median() + 1)',
        'filled = people.fillna(people["age"].median()).iloc[:-1]',
    ],
    "pandas-04": [
        'shares = wine["target"].value_counts(normalize=True).round(1)',
        'shares = wine["target"].value_counts(normalize=True).iloc[:2]',
        'shares = wine["target"].value_counts(normalize=True).to_numpy()',
        'shares = wine["target"].value_counts(normalize=True).reset_index(drop=True)[::-1]',
    ],
    "pandas-05": [
        'encoded = pd.get_dummies(cars, columns=["colour"], drop_first=True)',
        'encoded = pd.get_dummies(cars, columns=["colour"]).drop(columns="price")',
        'encoded = pd.get_dummies(cars, columns=["colour"]).iloc[:-1]',
    ],
    "matplotlib-01": [
        'fig, ax = plt.subplots()\nax.hist(heights, bins=19)\nax.set_xlabel("height (cm)")\n'
        'ax.set_ylabel("number of people")',
        'fig, ax = plt.subplots()\nax.hist(heights[:-1], bins=20)\nax.set_xlabel("height (cm)")\n'
        'ax.set_ylabel("number of people")',
        'fig, ax = plt.subplots()\nax.hist(heights, bins=20)\nax.set_xlabel("height (cm)")',
        'fig, ax = plt.subplots()\nax.hist(heights, bins=20, orientation="horizontal")\n'
        'ax.set_xlabel("height (cm)")\nax.set_ylabel("number of people")',
    ],
    "matplotlib-02": [
        'fig, ax = plt.subplots()\nax.scatter(flowers["petal width (cm)"], flowers["petal length (cm)"], '
        'c=flowers["target"])\nax.set_xlabel("petal length (cm)")\nax.set_ylabel("petal width (cm)")\n'
        'ax.set_title("Iris petals")',
        'fig, ax = plt.subplots()\nax.scatter(flowers["petal length (cm)"][:-1], flowers["petal width (cm)"][:-1], '
        'c=flowers["target"][:-1])\nax.set_xlabel("petal length (cm)")\nax.set_ylabel("petal width (cm)")\n'
        'ax.set_title("Iris petals")',
        'fig, ax = plt.subplots()\nax.scatter(flowers["petal length (cm)"], flowers["petal width (cm)"], '
        'c=flowers["target"])\nax.set_xlabel("petal length (cm)")\nax.set_ylabel("petal width (cm)")',
    ],
    "matplotlib-03": [
        'fig, ax = plt.subplots()\nax.plot(history["loss"], label="training")\n'
        'ax.plot(history["loss"], label="validation")\nax.set_xlabel("epoch")\nax.set_ylabel("loss")\nax.legend()',
        'fig, ax = plt.subplots()\nax.plot(history["loss"][:-1], label="training")\n'
        'ax.plot(history["val_loss"], label="validation")\nax.set_xlabel("epoch")\nax.set_ylabel("loss")\n'
        "ax.legend()",
        'fig, ax = plt.subplots()\nax.plot(history["loss"], label="training")\n'
        'ax.plot(history["val_loss"], label="validation")\nax.set_xlabel("epoch")\nax.set_ylabel("loss")',
    ],
    "matplotlib-04": [
        "fig, axes = plt.subplots(2, 5)\nfor index, ax in enumerate(axes.flat):\n"
        '    ax.imshow(digits.images[index + 1], cmap="gray_r")\n    ax.set_title(str(digits.target[index + 1]))\n'
        "    ax.set_axis_off()",
        "fig, axes = plt.subplots(2, 5)\nfor index, ax in enumerate(axes.flat):\n"
        '    ax.imshow(digits.images[index], cmap="gray_r")\n    ax.set_title(str(digits.target[index + 1]))\n'
        "    ax.set_axis_off()",
        "fig, axes = plt.subplots(2, 5)\nfor index, ax in enumerate(axes.flat[:-1]):\n"
        '    ax.imshow(digits.images[index], cmap="gray_r")\n    ax.set_title(str(digits.target[index]))\n'
        "    ax.set_axis_off()",
    ],
    "workflow-01": [
        "split = train_test_split(X, y, test_size=0.25, stratify=y, random_state=1)",
        "split = train_test_split(X, y, test_size=0.3, stratify=y, random_state=0)",
        "split = tuple(train_test_split(X, y, test_size=0.25, stratify=y, random_state=0))[:3]",
        "X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, stratify=y, random_state=0)\n"
        "split = (X_train, X_test, y_train, y_test[::-1])",
    ],
    "workflow-02": [
        "scaler = StandardScaler().fit(X_train)\nscaled = (scaler.transform(X_train), scaler.transform(X_train))",
        "scaler = StandardScaler().fit(X_train)\nscaled = (scaler.transform(X_train), X_test)",
        "scaler = StandardScaler().fit(X_train[:-1])\nscaled = (scaler.transform(X_train), scaler.transform(X_test))",
        "scaler = StandardScaler(with_std=False).fit(X_train)\n"
        "scaled = (scaler.transform(X_train), scaler.transform(X_test))",
    ],
    "workflow-03": [
        "model = make_pipeline(StandardScaler(), LogisticRegression()).fit(X_test, y_test)",
        "model = make_pipeline(StandardScaler(), LogisticRegression()).fit(X_train[:20], y_train[:20])",
        "model = make_pipeline(StandardScaler(), LogisticRegression()).fit(X_train, 1 - y_train)",
    ],
    "workflow-04": [
        "def choose_depth(X_train, y_train, X_test, y_test):\n"
        "    scores = []\n    for depth in range(1, 7):\n"
        "        tree = DecisionTreeClassifier(max_depth=depth, random_state=0)\n"
        "        scores.append(cross_val_score(tree, X_train, y_train, cv=5).mean())\n"
        "    best = scores.index(max(scores)) + 2\n"
        "    tree = DecisionTreeClassifier(max_depth=best, random_state=0).fit(X_train, y_train)\n"
        "    return best, tree.score(X_test, y_test)",
        "def choose_depth(X_train, y_train, X_test, y_test):\n"
        "    scores = []\n    for depth in range(1, 7):\n"
        "        tree = DecisionTreeClassifier(max_depth=depth, random_state=0)\n"
        "        scores.append(cross_val_score(tree, X_train, y_train, cv=5).mean())\n"
        "    best = scores.index(max(scores))\n"
        "    tree = DecisionTreeClassifier(max_depth=best, random_state=0).fit(X_train, y_train)\n"
        "    return best, tree.score(X_test, y_test)",
        "def choose_depth(X_train, y_train, X_test, y_test):\n"
        "    scores = []\n    for depth in range(1, 7):\n"
        "        tree = DecisionTreeClassifier(max_depth=depth, random_state=0)\n"
        "        scores.append(cross_val_score(tree, X_train, y_train, cv=5).mean())\n"
        "    best = scores.index(max(scores)) + 1\n"
        "    tree = DecisionTreeClassifier(max_depth=best, random_state=0).fit(X_train, y_train)\n"
        "    return best, tree.score(X_train, y_train)",
    ],
    "workflow-05": [
        "cv_accuracy = cross_val_score(KNeighborsClassifier(), X, y, cv=4).mean()",
        "cv_accuracy = cross_val_score(KNeighborsClassifier(n_neighbors=1), X, y, cv=5).mean()",
        "cv_accuracy = cross_val_score(KNeighborsClassifier(), X, y, cv=5).max()",
        "cv_accuracy = cross_val_score(KNeighborsClassifier(), X[:-10], y[:-10], cv=5).mean()",
    ],
    "workflow-06": [
        "cm = confusion_matrix(y_true[1:], y_pred[1:])",
        "cm = confusion_matrix(y_true, y_pred, normalize='true')",
        "cm = confusion_matrix(y_true, y_true)",
    ],
    "algorithms-01": [
        "def predict_1nn(X_train, y_train, X_new):\n"
        "    labels = []\n    for x in X_new:\n"
        "        nearest = np.argmax(((X_train - x) ** 2).sum(axis=1))\n"
        "        labels.append(y_train[nearest])\n    return np.array(labels)",
        "def predict_1nn(X_train, y_train, X_new):\n"
        "    labels = []\n    for x in X_new:\n"
        "        nearest = np.argmin(np.abs(X_train - x).sum(axis=1))\n"
        "        labels.append(y_train[nearest])\n    return np.array(labels)",
        "def predict_1nn(X_train, y_train, X_new):\n"
        "    labels = []\n    for x in X_new[:-1]:\n"
        "        nearest = np.argmin(((X_train - x) ** 2).sum(axis=1))\n"
        "        labels.append(y_train[nearest])\n    return np.array(labels)",
    ],
    "algorithms-02": [
        "w, b = np.polyfit(x, y, 1)\nline = (round(w), b)",
        "w, b = np.polyfit(x[1:], y[1:], 1)\nline = (w, b)",
        "w, b = np.polyfit(y, x, 1)\nline = (w, b)",
    ],
    "algorithms-03": [
        "def gini(labels):\n    _, counts = np.unique(labels, return_counts=True)\n"
        "    proportions = counts / counts.sum()\n    return (proportions**2).sum()",
        "def gini(labels):\n    _, counts = np.unique(labels, return_counts=True)\n"
        "    proportions = counts / len(counts)\n    return 1 - (proportions**2).sum()",
        "def gini(labels):\n    _, counts = np.unique(labels, return_counts=True)\n"
        "    proportions = counts / counts.sum()\n    return 1 - (proportions**3).sum()",
    ],
    "algorithms-04": [
        "clusters = KMeans(n_clusters=2, n_init=10, random_state=0).fit_predict(X)",
        "clusters = KMeans(n_clusters=4, n_init=10, random_state=0).fit_predict(X)",
        "clusters = KMeans(n_clusters=3, n_init=10, random_state=0).fit_predict(X[:, :1])",
        "clusters = KMeans(n_clusters=3, n_init=10, random_state=0).fit_predict(X)[:-1]",
    ],
    "algorithms-05": [
        "def predict_labels(X, w, b):\n    probabilities = 1 / (1 + np.exp(-(X @ w + b)))\n"
        "    return (probabilities > 0.6).astype(int)",
        "def predict_labels(X, w, b):\n    probabilities = 1 / (1 + np.exp(-(X @ w - b)))\n"
        "    return (probabilities > 0.5).astype(int)",
        "def predict_labels(X, w, b):\n    probabilities = 1 / (1 + np.exp(-(X @ w + b)))\n"
        "    return probabilities > 0.5",
        "def predict_labels(X, w, b):\n    probabilities = 1 / (1 + np.exp(-(X @ w + b)))\n"
        "    return (probabilities < 0.5).astype(int)",
    ],
    "algorithms-06": [
        "projected = make_pipeline(StandardScaler(), PCA(n_components=3)).fit_transform(X)",
        "projected = make_pipeline(StandardScaler(), PCA(n_components=2)).fit_transform(X)[:, ::-1]",
        "projected = make_pipeline(StandardScaler(), PCA(n_components=2)).fit_transform(X[:, 1:])",
        "projected = make_pipeline(StandardScaler(), PCA(n_components=2, whiten=True)).fit_transform(X)",
    ],
    "networks-01": [
        "def sigmoid(z):\n    return 1 / (1 + np.exp(-2 * z))",
        "def sigmoid(z):\n    return 1 / (2 + np.exp(-z))",
        "def sigmoid(z):\n    return np.tanh(z)",
    ],
    "networks-02": [
        "def softmax(z):\n    e = np.exp(z - z.max(axis=1, keepdims=True))\n    return e / e.sum()",
        "def softmax(z):\n    e = np.exp(z - z.max(axis=1, keepdims=True))\n"
        "    return e / e.sum(axis=1, keepdims=True) + 1e-3",
        "def softmax(z):\n    return z / z.sum(axis=1, keepdims=True)",
    ],
    "networks-03": [
        "def forward(X, W1, b1, W2, b2):\n    hidden = np.maximum(0, X @ W1 + b1)\n    return np.maximum(0, hidden @ W2 + b2)",
        "def forward(X, W1, b1, W2, b2):\n    hidden = np.maximum(0, X @ W1 + b1)\n    return hidden @ W2",
        "def forward(X, W1, b1, W2, b2):\n    hidden = np.maximum(0, X @ W1)\n    return hidden @ W2 + b2",
        "def forward(X, W1, b1, W2, b2):\n    hidden = np.tanh(X @ W1 + b1)\n    return hidden @ W2 + b2",
    ],
    "networks-04": ["n_params = 64 * 32", "n_params = 64 * 32 + 64", "n_params = 65 * 33"],
    "networks-05": ['loss = "categorical_crossentropy"', 'loss = "binary_crossentropy"', 'loss = "mse"'],
    "networks-06": [
        "model = keras.Sequential([\n    keras.Input(shape=(64,)),\n"
        '    keras.layers.Dense(16, activation="relu"),\n    keras.layers.Dense(10, activation="softmax"),\n])',
        "model = keras.Sequential([\n    keras.Input(shape=(64,)),\n"
        '    keras.layers.Dense(32, activation="sigmoid"),\n    keras.layers.Dense(10, activation="softmax"),\n])',
        "model = keras.Sequential([\n    keras.Input(shape=(64,)),\n"
        '    keras.layers.Dense(32, activation="relu"),\n    keras.layers.Dense(9, activation="softmax"),\n])',
        "model = keras.Sequential([\n    keras.Input(shape=(64,)),\n"
        '    keras.layers.Dense(32, activation="relu"),\n    keras.layers.Dense(10),\n])',
        "model = keras.Sequential([\n    keras.Input(shape=(63,)),\n"
        '    keras.layers.Dense(32, activation="relu"),\n    keras.layers.Dense(10, activation="softmax"),\n])',
    ],
    "networks-07": [
        "shape = (28, 28, 16)",
        "shape = (26, 26, 3)",
        "shape = (16, 26, 26)",
        "shape = (25, 25, 16)",
    ],
    "networks-08": [
        "n_params = 3 * 3 * 3 * 32",
        "n_params = (3 * 3 + 1) * 32",
        "n_params = (3 * 3 * 3 + 1) * 3",
    ],
    "networks-09": [
        "n_params = 32 * (10 + 32) + 32",
        "n_params = 4 * 32 * (10 + 32)",
        "n_params = 4 * (32 * 10 + 32)",
    ],
    "networks-10": ["shape = (32,)", "shape = (32, 20)", "shape = (20, 8)", "shape = (19, 32)"],
    "digits-01": [
        "X_scaled = X / 15",
        "X_scaled = X / X.max(axis=1, keepdims=True)",
        "X_scaled = (X / 16).astype(int)",
        "X_scaled = (X / 16)[:-1]",
        "X_scaled = X / 16 + 0j",
    ],
    "digits-02": [
        'dummy = DummyClassifier(strategy="uniform", random_state=0).fit(X_train, y_train)\n'
        "baseline = dummy.score(X_test, y_test)",
        'dummy = DummyClassifier(strategy="most_frequent").fit(X_train, y_train)\n'
        "baseline = dummy.score(X_train, y_train)",
        'dummy = DummyClassifier(strategy="most_frequent").fit(X_train, y_train)\n'
        "baseline = 100 * dummy.score(X_test, y_test)",
    ],
    "digits-03": [
        "model = SVC().fit(X_train[:100], y_train[:100])",
        "model = SVC(C=0.01).fit(X_train, y_train)",
        "model = SVC().fit(X_train, (y_train + 1) % 10)",
    ],
    "digits-04": [
        "labels = proba.argmax(axis=0)",
        "labels = proba.argmin(axis=1)",
        "labels = proba.argmax(axis=1)[:-1]",
        "labels = proba.max(axis=1)",
        "labels = proba.argmax(axis=1).astype(complex)",
    ],
    "digits-05": [
        "wrong = np.flatnonzero(y_pred == y_true)",
        "wrong = np.flatnonzero(y_pred != y_true) + 1",
        "wrong = np.flatnonzero(y_pred != y_true)[1:]",
        "wrong = y_true[y_pred != y_true]",
    ],
}

# The newer tracks keep their mutants (and near-misses accepted on purpose) in files of their own,
# tests/lib/mutants_<track>.py.
for _path in sorted(Path(__file__).parent.glob("mutants_*.py")):
    _module = importlib.import_module(f"tests.lib.{_path.stem}")
    CODE_MUTANTS.update(_module.CODE_MUTANTS)
    ACCEPTED.update(getattr(_module, "ACCEPTED", {}))


def test_every_exercise_has_code_mutants():
    missing = [exercise_id for exercise_id in EXERCISES if len(CODE_MUTANTS.get(exercise_id, [])) < 3]
    assert not missing, f"add at least three code mutants to CODE_MUTANTS for {missing}"
    assert set(CODE_MUTANTS) <= set(EXERCISES), set(CODE_MUTANTS) - set(EXERCISES)


def answer_of(exercise, body: str) -> object:
    """Run the exercise's given code and then ``body``, as the reader's notebook cell would."""
    namespace: dict = {}
    with contextlib.redirect_stdout(io.StringIO()):
        exec(exercise.given + "\n" + body, namespace)
    return namespace[exercise.answer_name]


@pytest.mark.parametrize(
    ("exercise_id", "body"),
    [
        pytest.param(exercise_id, body, id=f"{exercise_id}-{number}")
        for exercise_id, bodies in CODE_MUTANTS.items()
        for number, body in enumerate(bodies)
    ],
)
def test_a_code_slip_gets_not_yet(exercise_id, body):
    exercise = get(exercise_id)
    verdict = exercise.check(answer_of(exercise, body))
    assert not verdict.correct, f"{exercise_id} accepts this near-miss:\n{body}\n-> {verdict}"
