"""Making networks train: batch normalisation in NumPy, the loss to expect at initialisation, He
initial weights, and the learning rate of a warm-up schedule."""

from __future__ import annotations

import math

import numpy as np

from tutorials_lib.exercises._checks import Mistake, array, call_for_result, close, function, number
from tutorials_lib.exercises._core import Exercise

RNG = np.random.default_rng(1)
X_BN = RNG.normal(2.0, 3.0, size=(6, 4))
GAMMA = np.array([1.0, 2.0, 0.5, -1.0])
BETA = np.array([0.0, 1.0, -1.0, 0.5])
EPS = 1e-3


def _batch_norm(x, gamma, beta, eps, *, axis=0, ddof=0, eps_inside=True):
    mean = x.mean(axis=axis, keepdims=True)
    var = x.var(axis=axis, ddof=ddof, keepdims=True)
    scale = np.sqrt(var + eps) if eps_inside else np.sqrt(var) + eps
    return gamma * (x - mean) / scale + beta


def _check_batch_norm(answer):
    batch_norm = function(answer, "batch_norm")
    shown = "batch_norm(x, gamma, beta, eps) with x of shape (6, 4)"
    with np.errstate(all="ignore"):
        result = call_for_result(batch_norm, X_BN, GAMMA, BETA, EPS, name="batch_norm", shown=shown)
    out = array(result, "the result of batch_norm")
    if out.shape != X_BN.shape:
        raise Mistake(f"batch_norm should keep the shape of x, (6, 4); yours returned shape {out.shape}.")
    if close(out, _batch_norm(X_BN, GAMMA, BETA, EPS), 1e-5):
        return
    if close(out, _batch_norm(X_BN, 1.0, 0.0, EPS), 1e-5):
        raise Mistake(
            "the normalisation is right, but gamma and beta are missing: multiply by gamma, then add beta."
        )
    if close(out, _batch_norm(X_BN, GAMMA, BETA, EPS, ddof=1), 1e-5):
        raise Mistake(
            "you used the sample variance (ddof=1); batch normalisation divides by the batch size: "
            "x.var(axis=0), NumPy's default ddof=0."
        )
    if close(out, _batch_norm(X_BN, GAMMA, BETA, EPS, eps_inside=False), 1e-5):
        raise Mistake("eps goes inside the square root: np.sqrt(var + eps), not np.sqrt(var) + eps.")
    if close(out, _batch_norm(X_BN, GAMMA, BETA, EPS, axis=1), 1e-5):
        raise Mistake(
            "you normalised each row (one example over its features): that is layer normalisation. "
            "Batch normalisation normalises each column (one feature over the batch): axis=0."
        )
    if close(out, _batch_norm(X_BN, GAMMA, BETA, EPS, axis=None), 1e-5):
        raise Mistake(
            "you used one mean and one variance for the whole array; each feature (column) needs its own: "
            "x.mean(axis=0) and x.var(axis=0)."
        )
    raise Mistake(
        "each column should come out as gamma * (x - mean) / sqrt(var + eps) + beta, with the mean and "
        "variance of that column over the batch."
    )


def _scalar(answer):
    """A 0-d array of any library (NumPy, JAX, TensorFlow: what a Keras schedule returns) as a NumPy array."""
    if hasattr(answer, "__array__") and not isinstance(answer, np.ndarray):
        try:
            return np.asarray(answer)
        except Exception:  # noqa: BLE001 (an object that only claims to be an array)
            return answer
    return answer


def _rounded(value, right, unrounded):
    """Raise the "rounded" message if ``value`` is ``right`` rounded to 2 to 6 significant digits."""
    if any(abs(value - float(f"{right:.{digits}g}")) < 1e-12 for digits in range(2, 7)):
        raise Mistake(
            f"{value:g} is the right value, rounded; store it unrounded, computed with NumPy: {unrounded}."
        )


def _check_initial_loss(answer):
    value = number(_scalar(answer), "the expected loss")
    right = math.log(26)
    if abs(value - right) < 1e-3:
        return
    _rounded(value, right, "np.log(26)")
    known = {
        math.log10(26): "that is log10(26); the cross-entropy uses the natural logarithm: np.log(26).",
        math.log2(26): "that is log2(26), the loss in bits; Keras uses the natural logarithm: np.log(26).",
        1 / 26: "1/26 is the probability of each class; the loss is minus its logarithm: -np.log(1/26).",
        -math.log(26): "the loss is positive: minus the logarithm of a probability below 1, -np.log(1/26).",
        math.log(10): "ln(10) is for 10 classes; here there are 26.",
        1 - 1 / 26: "that is the error rate of a random guess; the loss is -np.log(1/26).",
    }
    for wrong, message in known.items():
        if abs(value - wrong) < 1e-3:
            raise Mistake(message)
    raise Mistake(
        f"{value:g} is not the loss of an even guess: each of the 26 classes gets probability 1/26, and the "
        "cross-entropy is minus the natural logarithm of the right class's probability."
    )


def _check_he_std(answer):
    value = number(_scalar(answer), "the standard deviation")
    right = math.sqrt(2 / 256)
    if abs(value - right) < 1e-4:
        return
    _rounded(value, right, "np.sqrt(2 / 256)")
    known = {
        2 / 256: "2 / 256 is the variance; the standard deviation is its square root: np.sqrt(2 / 256).",
        math.sqrt(1 / 256): "that is LeCun's std, sqrt(1 / fan_in); He's doubles the variance for ReLU: "
        "sqrt(2 / fan_in).",
        math.sqrt(2 / (256 + 100)): "that is Glorot's std, sqrt(2 / (fan_in + fan_out)), made for tanh; He's "
        "uses the fan-in alone: sqrt(2 / 256).",
        math.sqrt(6 / 256): "sqrt(6 / fan_in) is the limit of He's *uniform* version; the normal one has std "
        "sqrt(2 / fan_in).",
        math.sqrt(
            2 / 100
        ): "100 is the fan-out (the layer's units); He's std uses the fan-in, the 256 inputs.",
        1 / 256: "the std is a square root: sqrt(2 / fan_in).",
    }
    for wrong, message in known.items():
        if abs(value - wrong) < 1e-4:
            raise Mistake(message)
    raise Mistake(f"{value:g} is not He's standard deviation for 256 inputs: sqrt(2 / fan_in).")


def _check_warmup_rate(answer):
    value = number(_scalar(answer), "the learning rate")
    right = 0.01 * 40 / 100
    if abs(value - right) < 1e-7:
        return
    decay_only = 0.5 * 0.01 * (1 + math.cos(math.pi * 40 / 900))
    known = {
        0.01: "0.01 is the target, reached only at the end of the warm-up (step 100); at step 40 the rate is "
        "still rising.",
        0.0: "0.0 is where the warm-up starts; by step 40 it has risen part of the way.",
        decay_only: "that is the cosine decay at step 40; during the first 100 steps the warm-up applies "
        "instead: a straight line from 0 to 0.01.",
        0.01 * 40 / 1000: "the warm-up lasts warmup_steps=100, not the whole 1,000 steps.",
        0.01 * 40 / 900: "the warm-up lasts warmup_steps=100; decay_steps counts the steps after it.",
        0.01 * 60 / 100: "the rate rises during the warm-up: at step 40 it is 40% of the way up, not 60%.",
    }
    for wrong, message in known.items():
        if abs(value - wrong) < 1e-7:
            raise Mistake(message)
    raise Mistake(
        f"{value:g} is not the rate at step 40: the warm-up goes in a straight line from "
        "initial_learning_rate (0.0) to warmup_target (0.01) over warmup_steps (100)."
    )


EXERCISES = [
    Exercise(
        id="training-01",
        title="Batch normalisation, forward, in NumPy",
        statement="Write `batch_norm(x, gamma, beta, eps)` for a batch `x` of shape (examples, features): "
        "what `keras.layers.BatchNormalization` computes in training mode. Normalise each feature (column) "
        "with the mean and the variance of that column over the batch, then scale by `gamma` and shift by "
        "`beta` (one value per feature): `gamma * (x - mean) / sqrt(var + eps) + beta`.",
        hint_text="x.mean(axis=0) and x.var(axis=0) give one mean and one variance per column.",
        given="import numpy as np",
        starter="def batch_norm(x, gamma, beta, eps):\n    ...",
        solution_body="def batch_norm(x, gamma, beta, eps):\n    mean = x.mean(axis=0)\n"
        "    var = x.var(axis=0)\n    return gamma * (x - mean) / np.sqrt(var + eps) + beta",
        answer_name="batch_norm",
        checker=_check_batch_norm,
    ),
    Exercise(
        id="training-02",
        title="The loss to expect at initialisation",
        statement="A freshly initialised network classifies handwritten letters into 26 classes and, as it "
        "should, gives every class about the same probability. What cross-entropy loss (Keras' "
        "`sparse_categorical_crossentropy`) do you expect before training? Store the number in `loss`, "
        "computed with NumPy (for example with `np.log`), not rounded.",
        hint_text="With 10 classes it is ln(10), about 2.30.",
        given="import numpy as np",
        starter="loss = ...",
        solution_body="loss = np.log(26)",
        answer_name="loss",
        checker=_check_initial_loss,
    ),
    Exercise(
        id="training-03",
        title="He initial weights",
        statement='A `Dense(100, activation="relu")` layer receives 256 inputs. With He\'s normal '
        "initialisation, what standard deviation should its initial weights have? Store it in `std`, "
        "computed with NumPy (for example with `np.sqrt`), not rounded.",
        hint_text="He et al. (2015) keep the outputs of ReLU layers steady with weights of variance "
        "2 / fan_in.",
        given="import numpy as np",
        starter="std = ...",
        solution_body="std = np.sqrt(2 / 256)",
        answer_name="std",
        checker=_check_he_std,
    ),
    Exercise(
        id="training-04",
        title="A warm-up schedule",
        statement="`keras.optimizers.schedules.CosineDecay(initial_learning_rate=0.0, warmup_target=0.01, "
        "warmup_steps=100, decay_steps=900)` drives 1,000 training steps. What learning rate does it give at "
        "step 40? Store the number in `rate` (work it out; then check it with the schedule itself).",
        hint_text="During the warm-up the rate goes in a straight line from initial_learning_rate to "
        "warmup_target.",
        given="",
        starter="rate = ...",
        solution_body="rate = 0.01 * 40 / 100",
        answer_name="rate",
        checker=_check_warmup_rate,
    ),
]
