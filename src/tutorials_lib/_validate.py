"""Checks of the arguments that the library's public functions receive.

Each check returns the value in the form the function needs, or raises ``TypeError`` (the
argument is the wrong kind of thing) or ``ValueError`` (the right kind, but a wrong value).
Every message names the parameter as the caller wrote it, says what was received, and how to
fix it, so that a learner never has to decode a NumPy error from deep inside the library.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np

NUMERIC_KINDS = "biuf"  # bool, signed and unsigned integers, floats: no complex, text or objects
MAX_SEED = 2**32 - 1  # the largest seed that both NumPy and scikit-learn accept


def describe(value: object) -> str:
    """A short description of a value for a message: its type, and its shape for an array.

    Examples:
        >>> import numpy as np
        >>> from tutorials_lib._validate import describe
        >>> describe(np.zeros((2, 3)))
        'an array of shape (2, 3) and dtype float64'
        >>> describe("abc"), describe(None)
        ("the string 'abc'", 'None')
    """
    if value is None:
        return "None"
    if isinstance(value, np.ndarray):
        return f"an array of shape {value.shape} and dtype {value.dtype}"
    if isinstance(value, str):
        return f"the string {value if len(value) <= 30 else value[:27] + '...'!r}"
    if isinstance(value, bool):
        return f"the boolean {value}"
    if isinstance(value, (int, float, np.number)):
        return f"the number {value!r}"
    if isinstance(value, (list, tuple)):
        return f"a {type(value).__name__} of {len(value)} item{'' if len(value) == 1 else 's'}"
    return f"a {type(value).__name__}"


# ---------------------------------------------------------------- single values


def is_integer(value: object) -> bool:
    """Whether ``value`` is a Python or NumPy integer (``True`` and ``False`` are not)."""
    return isinstance(value, (int, np.integer)) and not isinstance(value, (bool, np.bool_))


def is_number(value: object) -> bool:
    """Whether ``value`` is a real number (an integer or a float, not a boolean)."""
    return is_integer(value) or isinstance(value, (float, np.floating))


def positive_int(value: object, name: str, example: int = 10) -> int:
    """``value`` as an ``int`` of at least 1."""
    if not is_integer(value):
        raise TypeError(f"{name} must be a whole number such as {example}; got {describe(value)}.")
    if value < 1:
        raise ValueError(f"{name} must be at least 1, such as {example}; got {value}.")
    return int(value)


def positive_number(value: object, name: str, example: float = 0.1) -> float:
    """``value`` as a finite ``float`` greater than 0."""
    if not is_number(value):
        raise TypeError(f"{name} must be a number such as {example}; got {describe(value)}.")
    if not np.isfinite(value) or value <= 0:
        raise ValueError(f"{name} must be a positive number such as {example}; got {value}.")
    return float(value)


def fraction(value: object, name: str, example: float = 0.25) -> float:
    """``value`` as a ``float`` strictly between 0 and 1."""
    if not is_number(value):
        raise TypeError(
            f"{name} must be a fraction strictly between 0 and 1, such as {example}; got {describe(value)}."
        )
    if not 0 < value < 1:
        raise ValueError(
            f"{name} must be a fraction strictly between 0 and 1, such as {example}; got {value}."
        )
    return float(value)


def seed(value: object, name: str = "seed") -> int:
    """``value`` as a seed for NumPy and scikit-learn: a whole number from 0 to 2**32 - 1."""
    if not is_integer(value):
        raise TypeError(f"{name} must be a whole number such as 0 or 42; got {describe(value)}.")
    if not 0 <= value <= MAX_SEED:
        raise ValueError(f"{name} must be a whole number from 0 to 2**32 - 1, such as 0 or 42; got {value}.")
    return int(value)


def one_of(value: object, name: str, choices: Iterable[str]) -> str:
    """``value`` if it is one of the strings ``choices``."""
    choices = tuple(choices)
    listed = ", ".join(repr(choice) for choice in choices)
    if not isinstance(value, str):
        raise TypeError(f"{name} must be one of {listed}; got {describe(value)}.")
    if value not in choices:
        raise ValueError(f"{name} must be one of {listed}; got {value!r}.")
    return value


def instance(value: object, name: str, kind: type, what: str, advice: str) -> None:
    """Raise ``TypeError`` unless ``value`` is a ``kind`` (``what``, in words); ``advice`` says how."""
    if not isinstance(value, kind):
        raise TypeError(f"{name} must be {what}; got {describe(value)}. {advice}")


# ---------------------------------------------------------------- arrays


def numeric_array(
    value: object, name: str, *, ndim: int | Sequence[int] | None = None, allow_empty: bool = False
) -> np.ndarray:
    """``value`` as a finite ``float`` array, checked for type, dimensions, emptiness and NaN.

    Args:
        value: What the caller passed: an array, a list, a number.
        name: The parameter's name, for the messages.
        ndim: The number of dimensions allowed (one number or several); ``None`` for any.
        allow_empty: Whether an array with no values is acceptable.

    Examples:
        >>> from tutorials_lib._validate import numeric_array
        >>> numeric_array([1, 2], "z")
        array([1., 2.])
        >>> numeric_array([1.0, float("nan")], "z")
        Traceback (most recent call last):
        ...
        ValueError: z contains NaN (not a number) at position 1; ...
    """
    array = _as_array(value, name)
    if array.dtype.kind not in NUMERIC_KINDS:
        raise TypeError(
            f"{name} must hold real numbers; got {describe(value)}"
            + (f" (dtype {array.dtype})" if not isinstance(value, np.ndarray) else "")
            + f". {_numbers_advice(array)}"
        )
    if ndim is not None:
        _check_ndim(array, name, (ndim,) if isinstance(ndim, int) else tuple(ndim))
    if not allow_empty and array.size == 0:
        raise ValueError(f"{name} is empty (shape {array.shape}): pass at least one value.")
    array = array.astype(float)
    _check_finite(array, name)
    return array


def labels(value: object, name: str, *, rows_of: str, length: int, classes: int | None = None) -> np.ndarray:
    """``value`` as a 1-D array of ``length`` integer class labels, each in ``range(classes)``.

    ``rows_of`` names the array whose rows the labels belong to, such as ``"X"``.
    """
    array = _as_array(value, name)
    if array.dtype.kind in "USO":
        raise TypeError(
            f"{name} must hold integer class labels such as [0, 2, 1]; got "
            f"{'Python objects' if array.dtype.kind == 'O' else 'text'} (dtype {array.dtype}). Turn text "
            f"labels into numbers first, for example with sklearn.preprocessing.LabelEncoder()."
        )
    if array.ndim == 2 and array.shape[0] == length and array.shape[1] > 1:
        raise ValueError(
            f"{name} looks like one-hot vectors (shape {array.shape}); pass one integer label per "
            f"example instead: {name}.argmax(axis=1)."
        )
    if array.ndim != 1 or len(array) != length:
        raise ValueError(
            f"{name} must be a 1-D array of {length} labels, one per row of {rows_of}; got shape "
            f"{array.shape}."
        )
    if array.dtype.kind == "f" and len(array):
        advice = (
            f"convert them with {name}.astype(int)"
            if np.isfinite(array).all() and np.all(array == np.round(array))
            else "labels are class numbers such as 0, 1, 2, not scores or probabilities"
        )
        raise TypeError(
            f"{name} must hold integer class labels such as [0, 2, 1]; got floats ({array.dtype}): {advice}."
        )
    if array.dtype.kind not in "biu" and len(array):
        raise TypeError(f"{name} must hold integer class labels such as [0, 2, 1]; got dtype {array.dtype}.")
    array = array.astype(int)
    if classes is not None and len(array) and (array.min() < 0 or array.max() >= classes):
        raise ValueError(
            f"{name} must hold class labels from 0 to {classes - 1}; got values from {array.min()} to "
            f"{array.max()}."
        )
    return array


def probabilities(value: object, name: str) -> np.ndarray:
    """``value`` as a 2-D array whose rows are probabilities: values in [0, 1] that sum to 1."""
    array = numeric_array(value, name, ndim=2)
    if array.min() < 0 or array.max() > 1:
        raise ValueError(
            f"{name} must hold probabilities between 0 and 1; got values from {array.min():.3g} to "
            f"{array.max():.3g}. If these are scores (logits), turn them into probabilities first: "
            f"softmax({name})."
        )
    sums = array.sum(axis=1)
    wrong = np.flatnonzero(~np.isclose(sums, 1.0, atol=1e-4))
    if len(wrong):
        raise ValueError(
            f"each row of {name} must sum to 1; row {wrong[0]} sums to {sums[wrong[0]]:.4g}. "
            f"Pass the output of softmax, or divide each row by its sum."
        )
    return array


def _as_array(value: object, name: str) -> np.ndarray:
    if value is None:
        raise TypeError(f"{name} is None: pass an array of numbers, such as np.array([1.0, 2.0]).")
    if isinstance(value, (str, bytes)):
        raise TypeError(f"{name} must be an array of numbers; got {describe(value)}. Remove the quotes.")
    try:
        return np.asarray(value)
    except ValueError:  # NumPy refuses nested lists of different lengths
        raise ValueError(
            f"{name} could not be turned into an array: its rows have different lengths. Give every "
            "row the same number of values."
        ) from None


def _numbers_advice(array: np.ndarray) -> str:
    if array.dtype.kind == "c":
        return "Complex numbers are not supported: keep the real part with .real if that is what you mean."
    if array.dtype.kind in "US":
        return "Convert text to numbers first, for example with .astype(float)."
    return "Check for None or other non-numbers among the values."


def _check_ndim(array: np.ndarray, name: str, allowed: tuple[int, ...]) -> None:
    if array.ndim in allowed:
        return
    wanted = " or ".join(f"{n}-D" for n in allowed)
    advice = ""
    if 2 in allowed and array.ndim == 1:
        advice = (
            f" For a single example, use {name}.reshape(1, -1); for a single feature, {name}.reshape(-1, 1)."
        )
    elif 2 in allowed and array.ndim > 2:
        advice = f" To flatten images into rows, use {name}.reshape(len({name}), -1)."
    raise ValueError(f"{name} must be a {wanted} array; got shape {array.shape}.{advice}")


def _check_finite(array: np.ndarray, name: str) -> None:
    bad = ~np.isfinite(array)
    if bad.any():
        position = tuple(int(i) for i in np.argwhere(bad)[0])
        what = "NaN (not a number)" if np.isnan(array[position]) else "an infinite value"
        where = f" at position {position[0] if len(position) == 1 else position}" if position else ""
        raise ValueError(
            f"{name} contains {what}{where}; {int(bad.sum())} value(s) in all are not finite. "
            "Remove or fill them first, for example with np.nan_to_num or pandas' fillna."
        )
