"""Building blocks of the checks: describe an answer, demand a type, call the reader's function.

Each helper raises ``Mistake`` with a sentence for the reader; ``Exercise.check`` turns it
into "Not yet: ...". Nothing here lets an exception from the reader's code escape.
"""

from __future__ import annotations

import contextlib
import copy
import inspect
import io
from collections.abc import Callable
from typing import Any

import numpy as np


class Mistake(Exception):
    """A wrong answer; the message explains what is wrong and how to fix it."""


def describe(obj: Any) -> str:
    """A short description of a value, for messages: its type and, where useful, its shape."""
    if obj is None:
        return "None"
    if isinstance(obj, bool):
        return f"the boolean {obj}"
    if isinstance(obj, np.ndarray):
        return f"a NumPy array of shape {obj.shape} and dtype {obj.dtype}"
    if isinstance(obj, str):
        shown = obj if len(obj) <= 30 else obj[:27] + "..."
        return f"the string {shown!r}"
    if isinstance(obj, (int, float, np.number)):
        return f"the number {obj!r}"
    if isinstance(obj, (list, tuple)):
        return f"a {type(obj).__name__} of {len(obj)} item{'s' if len(obj) != 1 else ''}"
    if inspect.isclass(obj):
        return f"the class {obj.__name__} (not an instance of it)"
    if inspect.isfunction(obj) or inspect.isbuiltin(obj):
        return f"the function {getattr(obj, '__name__', '?')}"
    shape = getattr(obj, "shape", None)
    if isinstance(shape, tuple):
        return f"a {type(obj).__name__} of shape {shape}"
    return f"a {type(obj).__name__}"


def number(answer: Any, what: str, *, integer: bool = False) -> float:
    """Return ``answer`` as a float, or raise ``Mistake`` if it is not a single number."""
    if isinstance(answer, str):
        try:
            float(answer)
        except ValueError:
            raise Mistake(f"{what} should be a number; you gave {describe(answer)}.") from None
        raise Mistake(
            f"you gave the string {answer!r}; give the number itself, without quotes: {answer.strip()}."
        )
    if isinstance(answer, bool) or answer is None:
        raise Mistake(f"{what} should be a number; you gave {describe(answer)}.")
    if isinstance(answer, np.ndarray) and answer.size == 1:
        answer = answer.reshape(-1)[0]
    if not isinstance(answer, (int, float, np.integer, np.floating)):
        raise Mistake(f"{what} should be a single number; you gave {describe(answer)}.")
    value = float(answer)
    if integer and not value.is_integer():
        raise Mistake(f"{what} is a whole number; you gave {answer!r}.")
    return value


def array(answer: Any, what: str, *, allow_sequence: bool = False) -> np.ndarray:
    """Return ``answer`` as a NumPy array, or raise ``Mistake`` explaining what it is instead.

    A list or a tuple is refused (the common mistake) unless ``allow_sequence``; a pandas
    Series or DataFrame is refused too, since the statement asks for an array. So is an
    array of complex numbers: no exercise has a complex answer.
    """
    if isinstance(answer, np.ndarray):
        return real(answer, what)
    if isinstance(answer, (list, tuple)):
        if allow_sequence:
            try:
                return real(np.asarray(answer), what)
            except ValueError:
                raise Mistake(
                    f"{what} should be a NumPy array; your {type(answer).__name__} could not be "
                    "turned into one (are its rows of different lengths?)."
                ) from None
        raise Mistake(
            f"you returned a {type(answer).__name__}, but {what} should be a NumPy array. "
            "Build it with NumPy functions, or wrap it: np.array(your_list)."
        )
    if type(answer).__name__ in {"Series", "DataFrame"}:
        raise Mistake(
            f"you gave a pandas {type(answer).__name__}, but {what} should be a NumPy array; "
            "convert it with .to_numpy()."
        )
    raise Mistake(f"{what} should be a NumPy array; you gave {describe(answer)}.")


def real(values: Any, what: str) -> Any:
    """Return ``values`` (an array or a Series), or raise ``Mistake`` if it holds complex numbers."""
    if getattr(values, "dtype", None) is not None and values.dtype.kind == "c":
        raise Mistake(
            f"{what} holds complex numbers (dtype {values.dtype}); the answer is made of real numbers. "
            "Look for an .astype(complex), or a square root of a negative number."
        )
    return values


def function(answer: Any, name: str) -> Callable:
    """Return ``answer`` if it is a function, or raise ``Mistake`` saying what was passed instead."""
    if inspect.isclass(answer):
        raise Mistake(f"you passed a class; pass your function {name} itself: ex.check({name}).")
    if callable(answer) and not hasattr(answer, "fit"):
        return answer
    if answer is None:
        raise Mistake(
            f"you passed None; define the function with `def {name}(...):`, run the cell, "
            f"then pass it: ex.check({name})."
        )
    raise Mistake(
        f"pass the function itself, without calling it: ex.check({name}), not ex.check({name}(...)). "
        f"You passed {describe(answer)}."
    )


def call(fn: Callable, *args: Any, name: str, shown: str) -> Any:
    """Call the reader's ``fn`` on copies of ``args``; turn an exception into a kind ``Mistake``.

    Args:
        fn: The reader's function.
        args: Arguments, copied so the reader's function cannot change the check's data.
        name: The function's name in the statement, for messages.
        shown: How the call reads in the message, such as ``"standardize(X)"`` with X described.
    """
    copies = [copy.deepcopy(arg) for arg in args]
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            return fn(*copies)
    except Exception as error:  # the reader's code may raise anything: explain it, never crash
        raise Mistake(
            f"your function raised {type(error).__name__} when the check called {shown}: "
            f"{error}. Run it yourself on that input to see where it fails."
        ) from None


def call_for_result(fn: Callable, *args: Any, name: str, shown: str) -> Any:
    """:func:`call`, and a ``Mistake`` if the reader's function returned None: a forgotten
    ``return`` is the most common slip in a function exercise."""
    result = call(fn, *args, name=name, shown=shown)
    if result is None:
        raise Mistake(f"{name} returned None: did you forget the `return` line?")
    return result


def expect_shape(result: np.ndarray, shape: tuple, what: str) -> None:
    """Raise ``Mistake`` if ``result`` has another shape than ``shape``."""
    if result.shape != shape:
        raise Mistake(f"{what} should have shape {shape}; yours has shape {result.shape}.")


def close(a: Any, b: Any, tolerance: float = 1e-6) -> bool:
    """Whether two arrays have the same shape and (nearly) the same values."""
    a, b = np.asarray(a), np.asarray(b)
    if a.shape != b.shape or (a.dtype.kind == "c") != (b.dtype.kind == "c"):
        return False  # astype(float) below would drop the imaginary part of complex numbers
    try:
        return bool(np.allclose(a.astype(float), b.astype(float), atol=tolerance, equal_nan=True))
    except (TypeError, ValueError):
        return bool(np.array_equal(a, b))
