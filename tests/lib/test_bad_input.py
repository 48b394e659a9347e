"""Bad input gets a clear answer: every public function of tutorials_lib, given a wrong argument,
raises a TypeError or ValueError of its own whose message names that argument, never a NumPy
error from deep inside nor a silent nan.

The table below has one row per public function, method and class of the library. Each row is
a valid call, and the arguments to break one at a time: array arguments get the same set of
broken arrays (None, text, NaN, complex numbers, ragged rows...), other arguments get the bad
values listed for them. A new public function without a row fails
``test_every_public_function_has_a_row``.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import pytest
from sklearn.linear_model import LogisticRegression

import tutorials_lib
from tutorials_lib import __main__ as cli
from tutorials_lib import data, doctor, exercises, neural, plotting

LIBRARY = Path(tutorials_lib.__file__).parent
RNG = np.random.default_rng(0)
X2 = RNG.normal(size=(12, 2))
Y2 = (X2[:, 0] > 0).astype(int)
CLASSIFIER = LogisticRegression().fit(X2, Y2)
FACTS = doctor.gather_facts(
    version_of=lambda name: None, environ={}, python=(3, 12, 0), read_config=doctor.KerasConfig
)


@dataclass
class Row:
    """A valid call of ``function``, and which of its arguments to break.

    Attributes:
        function: What to call (a lambda for methods, so that each call gets a fresh object).
        good: Keyword arguments of a call that works.
        arrays: Arguments that take an array: each gets every broken array of `broken_arrays`.
        bad: Other bad values, as (argument, value) pairs.
        may_be_empty: Array arguments for which an empty array is valid input.
    """

    function: Callable
    good: dict = field(default_factory=dict)
    arrays: tuple[str, ...] = ()
    bad: list[tuple[str, object]] = field(default_factory=list)
    may_be_empty: tuple[str, ...] = ()


def mlp(**kwargs):
    return neural.MLP([2, 3, 2], seed=0, **kwargs)


NOT_A_PATH = 42
NO_ARGUMENTS = "takes no arguments"

TABLE: dict[str, Row | str] = {
    # ------------------------------------------------------------------ data
    "tutorials_lib.data.load_digits_frame": NO_ARGUMENTS,
    "tutorials_lib.data.load_digits_split": Row(
        data.load_digits_split,
        {"test_size": 0.25, "seed": 0},
        bad=[
            ("test_size", 0),
            ("test_size", 1.5),
            ("test_size", "0.2"),
            ("test_size", None),
            ("test_size", float("nan")),
            ("seed", -1),
            ("seed", "x"),
            ("seed", 2**32),
            ("seed", 1.5),
        ],
    ),
    # ------------------------------------------------------------------ neural
    "tutorials_lib.neural.sigmoid": Row(
        neural.sigmoid, {"z": np.array([-1.0, 0.0, 1.0])}, arrays=("z",), may_be_empty=("z",)
    ),
    "tutorials_lib.neural.relu": Row(
        neural.relu, {"z": np.array([-1.0, 0.0, 1.0])}, arrays=("z",), may_be_empty=("z",)
    ),
    "tutorials_lib.neural.softmax": Row(
        neural.softmax,
        {"logits": np.array([[1.0, 2.0], [0.0, 0.0]])},
        arrays=("logits",),
        bad=[("logits", np.zeros((2, 2, 2)))],
    ),
    "tutorials_lib.neural.cross_entropy": Row(
        neural.cross_entropy,
        {"probabilities": np.full((4, 3), 1 / 3), "y": np.array([0, 1, 2, 0])},
        arrays=("probabilities", "y"),
        bad=[
            ("y", np.array([0])),
            ("y", np.array([0, 1, 2, 3])),
            ("y", np.array([0.0, 1.0, 2.0, 0.0])),
            ("y", np.eye(3)[[0, 1, 2, 0]]),
            ("y", np.array(["a", "b", "c", "a"])),
            ("y", [-1, 0, 1, 2]),
            ("probabilities", np.array([[3.0, -1.0, 2.0]] * 4)),
            ("probabilities", np.full((4, 3), 0.5)),
            ("probabilities", np.full(3, 1 / 3)),
        ],
    ),
    "tutorials_lib.neural.MLP": Row(
        neural.MLP,
        {"layer_sizes": [2, 3], "activation": "relu", "seed": 0},
        bad=[
            ("layer_sizes", [2]),
            ("layer_sizes", "2,3"),
            ("layer_sizes", [2, 0]),
            ("layer_sizes", [2, 2.5]),
            ("layer_sizes", None),
            ("activation", "softmax"),
            ("activation", None),
            ("seed", "x"),
            ("seed", -1),
            ("seed", 0.5),
        ],
    ),
    "tutorials_lib.neural.MLP.forward": Row(
        lambda X: mlp().forward(X),
        {"X": np.ones((3, 2))},
        arrays=("X",),
        bad=[("X", np.ones((3, 5))), ("X", np.ones(2))],
    ),
    "tutorials_lib.neural.MLP.predict_proba": Row(
        lambda X: mlp().predict_proba(X),
        {"X": np.ones((3, 2))},
        arrays=("X",),
        bad=[("X", np.ones((3, 2, 1)))],
    ),
    "tutorials_lib.neural.MLP.predict": Row(
        lambda X: mlp().predict(X), {"X": np.ones((3, 2))}, arrays=("X",)
    ),
    "tutorials_lib.neural.MLP.loss": Row(
        lambda X, y: mlp().loss(X, y),
        {"X": X2, "y": Y2},
        arrays=("X", "y"),
        bad=[
            ("y", Y2[:3]),
            ("y", Y2 + 5),
            ("y", Y2.astype(float)),
            ("y", np.eye(2)[Y2]),
            ("y", Y2.astype(str)),
        ],
    ),
    "tutorials_lib.neural.MLP.gradients": Row(
        lambda X, y: mlp().gradients(X, y), {"X": X2, "y": Y2}, arrays=("X", "y"), bad=[("y", Y2[:-1])]
    ),
    "tutorials_lib.neural.MLP.score": Row(
        lambda X, y: mlp().score(X, y), {"X": X2, "y": Y2}, arrays=("X", "y"), bad=[("y", ["a"] * len(Y2))]
    ),
    "tutorials_lib.neural.MLP.fit": Row(
        lambda X, y, **settings: mlp().fit(X, y, **settings),
        {"X": X2, "y": Y2, "epochs": 1, "batch_size": 4, "learning_rate": 0.1},
        arrays=("X", "y"),
        bad=[
            ("epochs", 0),
            ("epochs", 2.5),
            ("epochs", "3"),
            ("batch_size", -1),
            ("batch_size", None),
            ("learning_rate", 0.0),
            ("learning_rate", -0.1),
            ("learning_rate", "0.1"),
            ("learning_rate", float("nan")),
            ("learning_rate", float("inf")),
            ("y", Y2.astype(float)),
        ],
    ),
    # ------------------------------------------------------------------ plotting
    "tutorials_lib.plotting.as_images": Row(
        plotting.as_images,
        {"images": np.zeros((2, 64))},
        arrays=("images",),
        may_be_empty=("images",),
        bad=[("images", np.zeros((2, 10))), ("images", np.zeros(5))],
    ),
    "tutorials_lib.plotting.plot_image_grid": Row(
        plotting.plot_image_grid,
        {"images": np.zeros((3, 64)), "labels": [1, 2, 3], "ncols": 2, "size": 1.0, "cmap": "gray_r"},
        arrays=("images",),
        bad=[
            ("labels", 5),
            ("labels", "abc"),
            ("labels", [1, 2]),
            ("ncols", 0),
            ("ncols", "2"),
            ("size", 0),
            ("size", -1.0),
            ("size", "big"),
            ("cmap", "no-such-map"),
            ("cmap", 3),
        ],
    ),
    "tutorials_lib.plotting.plot_decision_boundary": Row(
        plotting.plot_decision_boundary,
        {"model": CLASSIFIER, "X": X2, "y": Y2, "ax": None},
        arrays=("X", "y"),
        bad=[
            ("ax", "x"),
            ("ax", 3),
            ("model", object()),
            ("model", LogisticRegression()),
            ("X", np.ones((12, 3))),
            ("y", Y2[:5]),
            ("y", Y2 + 7),
            ("y", None),
        ],
    ),
    # ------------------------------------------------------------------ doctor and its command
    "tutorials_lib.__main__.main": Row(
        lambda argv: cli.main(argv) if argv != ["doctor"] else 0,
        {"argv": ["doctor"]},
        bad=[("argv", "doctor"), ("argv", 5), ("argv", [1])],
    ),
    "tutorials_lib.doctor.main": NO_ARGUMENTS,
    "tutorials_lib.doctor.installed_version": Row(
        doctor.installed_version,
        {"distribution": "numpy"},
        bad=[("distribution", None), ("distribution", 3), ("distribution", "")],
    ),
    "tutorials_lib.doctor.keras_home": Row(
        doctor.keras_home, {"environ": {}}, bad=[("environ", "KERAS_HOME")]
    ),
    "tutorials_lib.doctor.read_keras_config": Row(
        doctor.read_keras_config, {"folder": "/nonexistent"}, bad=[("folder", NOT_A_PATH)]
    ),
    "tutorials_lib.doctor.gather_facts": Row(
        doctor.gather_facts,
        {
            "version_of": lambda name: None,
            "environ": {},
            "python": (3, 12, 0),
            "read_config": doctor.KerasConfig,
        },
        bad=[
            ("version_of", {"numpy": "2.4"}),
            ("environ", ["KERAS_BACKEND=jax"]),
            ("python", "3.12"),
            ("python", (3, 12)),
            ("read_config", "jax"),
        ],
    ),
    "tutorials_lib.doctor.check": Row(
        doctor.check, {"facts": FACTS}, bad=[("facts", {"python": (3, 12, 0)})]
    ),
    "tutorials_lib.doctor.report": Row(
        doctor.report,
        {"findings": doctor.check(FACTS)},
        bad=[("findings", "ok"), ("findings", [("ok", "numpy")])],
    ),
    "tutorials_lib.doctor.exit_code": Row(
        doctor.exit_code,
        {"findings": doctor.check(FACTS)},
        bad=[("findings", None), ("findings", ["problem"])],
    ),
    "tutorials_lib.doctor.Facts": Row(
        doctor.Facts,
        {"python": (3, 12, 0), "versions": {}, "keras_backend_env": None},
        bad=[("python", "3.12"), ("versions", None), ("keras_backend_env", 3)],
    ),
    "tutorials_lib.doctor.Finding": Row(
        doctor.Finding,
        {"status": "ok", "message": "fine", "advice": ""},
        bad=[("status", "PROBLEM"), ("message", None), ("advice", 3)],
    ),
    "tutorials_lib.doctor.KerasConfig": "a record that read_keras_config fills in; it holds what it is given",
    # ------------------------------------------------------------------ exercises
    "tutorials_lib.exercises.get": Row(
        exercises.get,
        {"exercise_id": "numpy-01"},
        bad=[("exercise_id", 1), ("exercise_id", "numpy-99"), ("exercise_id", "nonsense")],
    ),
    "tutorials_lib.exercises.by_track": Row(
        exercises.by_track, {"track": "numpy"}, bad=[("track", None), ("track", "physics"), ("track", 3)]
    ),
    "tutorials_lib.exercises.all_exercises": NO_ARGUMENTS,
    "tutorials_lib.exercises.notebook": Row(
        exercises.notebook,
        {"track": "numpy", "solved": False},
        bad=[("track", "physics"), ("track", 1), ("solved", "yes")],
    ),
    "tutorials_lib.exercises.progress_path": Row(
        exercises.progress_path, {"progress_file": "p.json"}, bad=[("progress_file", NOT_A_PATH)]
    ),
    "tutorials_lib.exercises.progress": Row(
        exercises.progress,
        {"track": "numpy", "progress_file": "/nonexistent/p.json"},
        bad=[("track", "physics"), ("track", 1), ("progress_file", NOT_A_PATH)],
    ),
    "tutorials_lib.exercises.reset_progress": Row(
        exercises.reset_progress,
        {"track": "numpy", "progress_file": "/nonexistent/p.json"},
        bad=[("track", "physics"), ("track", ["numpy"]), ("progress_file", NOT_A_PATH)],
    ),
    "tutorials_lib.exercises.Exercise": "built by the library's track modules, never by a reader",
    "tutorials_lib.exercises.Exercise.check": (
        "never raises by design: any answer gets a 'Not yet: ...' verdict (tests/lib/test_exercises.py)"
    ),
    "tutorials_lib.exercises.Exercise.hint": NO_ARGUMENTS,
    "tutorials_lib.exercises.Exercise.solution": NO_ARGUMENTS,
    "tutorials_lib.exercises.Result": "a verdict that Exercise.check builds; a reader only reads it",
    "tutorials_lib.exercises.Solution": "a model solution built by Exercise.solution; a reader only reads it",
    "tutorials_lib.exercises.Text": "a str that notebooks show without quotes; any string is valid",
}


# ---------------------------------------------------------------- discovery of the public API


def _is_public_module(name: str) -> bool:
    parts = name.split(".")[1:]
    return not any(part.startswith("_") and not part.startswith("__") for part in parts)


def public_names() -> Iterator[str]:
    """Every public function, class and method of tutorials_lib, by the name a reader imports it by."""
    for info in pkgutil.walk_packages(tutorials_lib.__path__, "tutorials_lib."):
        if not _is_public_module(info.name):
            continue
        module = importlib.import_module(info.name)
        names = getattr(module, "__all__", None) or [
            name
            for name, value in vars(module).items()
            if not name.startswith("_") and getattr(value, "__module__", None) == module.__name__
        ]
        for name in names:
            value = getattr(module, name)
            if inspect.isfunction(value):
                yield f"{module.__name__}.{name}"
            elif inspect.isclass(value) and value.__module__.startswith("tutorials_lib"):
                yield f"{module.__name__}.{name}"
                for attribute, member in vars(value).items():
                    if not attribute.startswith("_") and inspect.isfunction(member):
                        yield f"{module.__name__}.{name}.{attribute}"


PUBLIC = sorted(set(public_names()))


def test_every_public_function_has_a_row():
    missing = [name for name in PUBLIC if name not in TABLE]
    assert not missing, (
        f"these public functions have no row in TABLE of {__file__}: {missing}. Add a valid call and the "
        "arguments to break, or a reason why there is nothing bad to pass."
    )
    gone = [name for name in TABLE if name not in PUBLIC]
    assert not gone, f"TABLE has rows for functions that no longer exist: {gone}"


# ---------------------------------------------------------------- the broken arrays


def broken_arrays(good: object, may_be_empty: bool) -> list[tuple[str, object]]:
    """Ways to get an array argument wrong, derived from a valid value of it."""
    good = np.asarray(good)
    with_nan = good.astype(float)
    with_nan.flat[0] = np.nan
    with_inf = good.astype(float)
    with_inf.flat[-1] = np.inf
    broken = [
        ("None", None),
        ("a string", "1, 2, 3"),
        ("a NaN", with_nan),
        ("an infinity", with_inf),
        ("complex numbers", good.astype(complex) + 1j),
        ("text", good.astype(str)),
        ("objects", np.array([object()] * good.size, dtype=object).reshape(good.shape)),
    ]
    if good.ndim == 2:
        broken.append(("ragged rows", [[1.0, 2.0], [3.0]]))
    if not may_be_empty:
        broken.append(("an empty array", good[:0]))
    return broken


def cases() -> Iterator[object]:
    for name, row in TABLE.items():
        if isinstance(row, str):
            continue
        for argument in row.arrays:
            for label, value in broken_arrays(row.good[argument], argument in row.may_be_empty):
                yield pytest.param(row, argument, value, id=f"{name}-{argument}-{label}")
        for number, (argument, value) in enumerate(row.bad):
            yield pytest.param(row, argument, value, id=f"{name}-{argument}-bad{number}")


def raised_inside_the_library(error: BaseException) -> bool:
    """Whether the exception was raised by tutorials_lib's own code, not by NumPy or another library."""
    last = traceback.extract_tb(error.__traceback__)[-1]
    return Path(last.filename).resolve().is_relative_to(LIBRARY.resolve())


@pytest.mark.parametrize("name", [name for name, row in TABLE.items() if not isinstance(row, str)])
def test_the_valid_call_of_each_row_works(name):
    result = TABLE[name].function(**TABLE[name].good)
    assert not (isinstance(result, float) and np.isnan(result))
    plt.close("all")


@pytest.mark.parametrize(("row", "argument", "value"), list(cases()))
def test_a_bad_argument_gets_a_clear_error_that_names_it(row, argument, value):
    with pytest.raises((TypeError, ValueError)) as caught:
        result = row.function(**{**row.good, argument: value})
        pytest.fail(f"no error for {argument}={value!r:.60}; it returned {result!r:.80}")
    plt.close("all")
    message = str(caught.value)
    assert re.search(rf"(?<![\w.]){re.escape(argument)}\b", message), (
        f"the message does not name the argument {argument!r}: {message}"
    )
    assert raised_inside_the_library(caught.value), (
        f"the error came from outside tutorials_lib's checks: {type(caught.value).__name__}: {message}"
    )
