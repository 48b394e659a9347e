"""Neural networks, from NumPy to Keras: activations, a forward pass, parameter counts, losses,
and the shapes and sizes of convolutional and recurrent layers."""

from __future__ import annotations

import re

import numpy as np

from tutorials_lib.exercises._checks import Mistake, array, call, close, describe, function, number
from tutorials_lib.exercises._core import Exercise


def _call_numpy(fn, *args, name, shown):
    try:
        with np.errstate(all="ignore"):
            return call(fn, *args, name=name, shown=shown)
    except Mistake as mistake:
        if (
            "only 0-dimensional" in str(mistake)
            or "length-1" in str(mistake)
            or "only size-1" in str(mistake)
        ):
            raise Mistake(
                f"{mistake} It looks like math.exp, which takes one number: use np.exp, which works on "
                "whole arrays."
            ) from None
        raise


def _sigmoid(z):
    return 1 / (1 + np.exp(-z))


def _check_sigmoid(answer):
    sigmoid = function(answer, "sigmoid")
    z = np.array([-2.0, 0.0, 3.0])
    result = _call_numpy(sigmoid, z, name="sigmoid", shown="sigmoid(np.array([-2.0, 0.0, 3.0]))")
    if result is None:
        raise Mistake("sigmoid returned None: did you forget the `return` line?")
    values = array(result, "the result of sigmoid")
    if values.shape != z.shape:
        raise Mistake(
            f"sigmoid should return one value per input, shape {z.shape}; yours has shape {values.shape}."
        )
    if close(values, _sigmoid(-z)):
        raise Mistake(
            "you computed sigmoid(-z): the formula is 1 / (1 + exp(-z)), so sigmoid(3) is close to 1."
        )
    if close(values, np.exp(z)):
        raise Mistake("these are exp(z); divide: 1 / (1 + np.exp(-z)).")
    if not close(values, _sigmoid(z)):
        raise Mistake(
            f"sigmoid([-2, 0, 3]) should be {np.round(_sigmoid(z), 4).tolist()}; yours gave "
            f"{np.round(values.astype(float), 4).tolist()}."
        )


def _softmax(z):
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def _check_softmax(answer):
    softmax = function(answer, "softmax")
    z = np.array([[1.0, 2.0, 3.0], [1.0, 1.0, 1.0], [0.5, -1.0, 2.0]])
    result = _call_numpy(softmax, z, name="softmax", shown="softmax(z) with z of shape (3, 3)")
    if result is None:
        raise Mistake("softmax returned None: did you forget the `return` line?")
    values = array(result, "the result of softmax")
    if values.shape != z.shape:
        raise Mistake(
            f"softmax should keep the shape of its input, {z.shape}; yours returned shape {values.shape}."
        )
    e = np.exp(z)
    if close(values, e / e.sum(axis=0)):
        raise Mistake("each column sums to 1, but each *row* (one example's scores) should: sum over axis=1.")
    if close(values, e / e.sum()):
        raise Mistake(
            "you divided by the sum over the whole array; each row should sum to 1: sum over axis=1 "
            "with keepdims=True."
        )
    if close(values, e / e.sum(axis=1)):
        raise Mistake(
            "the row sums were divided along the wrong axis: e.sum(axis=1) has shape (3,), which "
            "broadcasts across columns. Keep the axis: e.sum(axis=1, keepdims=True)."
        )
    if not close(values, _softmax(z)):
        raise Mistake(
            "each row of the result should be exp(z) of that row divided by the row's sum of exp(z)."
        )
    big = np.array([[1000.0, 1001.0, 1002.0], [-5.0, 0.0, 5.0]])
    large = _call_numpy(softmax, big, name="softmax", shown="softmax(z) with scores near 1000")
    large = array(large, "the result of softmax")
    if large.shape != big.shape or not np.all(np.isfinite(large.astype(float))):
        first_row_right = large.shape == big.shape and close(large[:1].astype(float), _softmax(big)[:1])
        if first_row_right and _right_on_one_row(softmax, big[:1]):
            raise Mistake(
                "right on small scores, but with scores near 1000 you get inf or nan. The row [1000, 1001, "
                "1002] alone comes out right, so you subtracted one maximum for the whole array: the row "
                "[-5, 0, 5] lies about 1000 below it, each exp underflows to 0, and 0 / 0 is nan. Subtract "
                "each row's own maximum (z - z.max(axis=1, keepdims=True))."
            )
        raise Mistake(
            "right on small scores, but with scores near 1000 np.exp overflows and you get inf or nan. "
            "Subtract each row's maximum first (z - z.max(axis=1, keepdims=True)): softmax does "
            "not change, and exp never overflows."
        )
    if not close(large, _softmax(big)):
        raise Mistake("with large scores (near 1000) the result is wrong; subtract each row's maximum first.")


def _right_on_one_row(softmax, row):
    """Whether ``softmax`` gets a single row of large scores right (it overflows on none)."""
    try:
        result = np.asarray(_call_numpy(softmax, row, name="softmax", shown="softmax(z) with one row"))
        return result.shape == row.shape and close(result, _softmax(row))
    except (Mistake, TypeError, ValueError):
        return False


RNG = np.random.default_rng(0)
X_NET = RNG.normal(size=(5, 4))
W1, B1 = RNG.normal(size=(4, 8)), RNG.normal(size=8)
W2, B2 = RNG.normal(size=(8, 3)), RNG.normal(size=3)


def _check_forward(answer):
    forward = function(answer, "forward")
    result = _call_numpy(
        forward,
        X_NET,
        W1,
        B1,
        W2,
        B2,
        name="forward",
        shown="forward(X, W1, b1, W2, b2) with X (5, 4), W1 (4, 8), b1 (8,), W2 (8, 3), b2 (3,)",
    )
    if result is None:
        raise Mistake("forward returned None: did you forget the `return` line?")
    out = array(result, "the result of forward")
    if out.shape != (5, 3):
        raise Mistake(
            f"the output should have one row per example and one column per output unit, (5, 3); "
            f"yours has shape {out.shape}."
        )
    hidden = X_NET @ W1 + B1
    expected = np.maximum(hidden, 0) @ W2 + B2
    if close(out, hidden @ W2 + B2):
        raise Mistake(
            "the hidden layer has no activation: without ReLU two layers collapse into one linear "
            "layer. Apply np.maximum(0, ...) to the hidden layer."
        )
    if close(out, np.maximum(expected, 0)):
        raise Mistake("ReLU was applied to the output too; the output layer returns raw scores (logits).")
    if close(out, _softmax(expected)):
        raise Mistake("you applied softmax to the output; the exercise asks for the raw scores (logits).")
    if close(out, _sigmoid(hidden) @ W2 + B2):
        raise Mistake("the hidden activation is a sigmoid; the exercise asks for ReLU: np.maximum(0, z).")
    if not close(out, expected):
        raise Mistake("the output is not relu(X @ W1 + b1) @ W2 + b2.")


def _count(answer, what, right, mistakes):
    value = number(answer, what, integer=True)
    if value == right:
        return
    if value in mistakes:
        raise Mistake(mistakes[value])
    raise Mistake(f"{value:g} is not the count; {what} is {right} here. Count the weights and the biases.")


def _check_dense_params(answer):
    _count(
        answer,
        "the number of parameters",
        2080,
        {
            2048: "you counted the weights (64 x 32) but forgot the biases: one per unit.",
            2112: "a Dense layer has one bias per *unit* (32), not per input.",
            96: "you added inputs and units; each of the 32 units has one weight per input, plus a bias.",
            32: "that is the number of units; each has 64 weights and a bias.",
        },
    )


LOSSES = {
    "sparsecategoricalcrossentropy": "sparse_categorical_crossentropy",
    "categoricalcrossentropy": "categorical_crossentropy",
    "binarycrossentropy": "binary_crossentropy",
    "meansquarederror": "mean_squared_error",
    "mse": "mean_squared_error",
    "meanabsoluteerror": "mean_absolute_error",
    "mae": "mean_absolute_error",
}


def _loss_name(answer):
    if isinstance(answer, str):
        text = answer
    elif isinstance(answer, type):
        text = answer.__name__
    elif callable(answer) and hasattr(answer, "__name__"):
        text = answer.__name__
    elif type(answer).__module__.startswith("keras"):
        text = type(answer).__name__
    else:
        raise Mistake(
            f"give the loss's name as a string, such as 'mean_squared_error' (or a Keras loss object); "
            f"you gave {describe(answer)}."
        )
    key = re.sub(r"[^a-z]", "", text.lower())
    return LOSSES.get(key, text)


def _check_loss(answer):
    name = _loss_name(answer)
    if name == "sparse_categorical_crossentropy":
        if not isinstance(answer, (str, type)) and getattr(answer, "from_logits", False) is True:
            raise Mistake(
                "from_logits=True is for a last layer without activation (logits); this one ends with "
                "softmax, so keep the default from_logits=False, or Keras applies softmax a second time."
            )
        return
    explanations = {
        "categorical_crossentropy": "categorical_crossentropy expects one-hot labels (a row of 10 zeros "
        "and ones "
        "per example); these labels are integers, which the 'sparse' variant takes.",
        "binary_crossentropy": "binary_crossentropy is for two classes (or independent yes/no outputs); "
        "here one "
        "of 10 classes is right.",
        "mean_squared_error": "mean squared error is for regression (predicting a number); this is "
        "classification into 10 classes.",
        "mean_absolute_error": "mean absolute error is for regression (predicting a number); this is "
        "classification into 10 classes.",
    }
    raise Mistake(
        explanations.get(
            name,
            f"{name!r} is not the loss for this task; it is a classification into "
            "10 classes with integer labels.",
        )
    )


def _activation_of(layers, dense):
    """The activation applied to a Dense layer's output: its own, or that of an activation layer
    right after it (Dense(32) followed by Activation("relu") or ReLU() is Dense(32, activation="relu"))."""
    name = dense.activation.__name__
    position = next(i for i, layer in enumerate(layers) if layer is dense)
    if name != "linear" or position + 1 == len(layers):
        return name
    after = layers[position + 1]
    kind = type(after).__name__
    if kind == "Activation":
        return after.activation.__name__
    if kind == "ReLU":
        plain = after.max_value is None and after.negative_slope == 0 and after.threshold == 0
        return "relu" if plain else "a clipped, leaky or shifted ReLU"
    if kind == "Softmax":
        return "softmax" if after.axis == -1 else f"a softmax over axis {after.axis}"
    return name


def _check_model(answer):
    if isinstance(answer, type):
        raise Mistake("you passed a class; build a model: keras.Sequential([...]).")
    if not hasattr(answer, "layers") or not hasattr(answer, "count_params"):
        raise Mistake(f"`model` should be a Keras model (keras.Sequential); you gave {describe(answer)}.")
    try:
        params = answer.count_params()
    except ValueError:
        raise Mistake(
            "the model is not built, so its weights do not exist yet: start the layer list with "
            "keras.Input(shape=(64,))."
        ) from None
    dense = [layer for layer in answer.layers if type(layer).__name__ == "Dense"]
    if len(dense) != 2:
        raise Mistake(f"the model should have 2 Dense layers (hidden and output); it has {len(dense)}.")
    hidden, output = dense
    if tuple(hidden.kernel.shape) != (64, 32):
        raise Mistake(
            f"the hidden layer's weights have shape {tuple(hidden.kernel.shape)}; with 64 inputs and 32 "
            "units they should be (64, 32). Check keras.Input(shape=(64,)) and Dense(32)."
        )
    if output.units != 10:
        raise Mistake(f"the output layer has {output.units} units; there are 10 digits, so it needs 10.")
    hidden_activation = _activation_of(answer.layers, hidden)
    if hidden_activation != "relu":
        raise Mistake(f"the hidden layer's activation is {hidden_activation}; use activation='relu'.")
    output_activation = _activation_of(answer.layers, output)
    if output_activation != "softmax":
        raise Mistake(
            f"the output layer's activation is {output_activation}; use 'softmax' so the 10 "
            "outputs are probabilities that sum to 1."
        )
    if params != 2410:
        raise Mistake(f"the model has {params} parameters; this architecture has 2410.")


def _shape(answer, what):
    if isinstance(answer, str):
        raise Mistake(f"give {what} as a tuple of numbers, such as (10, 10, 4), not as a string.")
    if not isinstance(answer, (tuple, list)):
        raise Mistake(f"give {what} as a tuple of numbers, such as (10, 10, 4); you gave {describe(answer)}.")
    if answer and answer[0] is None:
        answer = answer[1:]
    values = []
    for item in answer:
        if isinstance(item, bool) or not isinstance(item, (int, np.integer)):
            raise Mistake(f"each size in {what} should be a whole number; {item!r} is not.")
        values.append(int(item))
    return tuple(values)


def _check_conv_shape(answer):
    shape = _shape(answer, "the output shape")
    known = {
        (26, 26, 16): None,
        (
            28,
            28,
            16,
        ): "that is the shape with padding='same'; with the default padding='valid' a 3 x 3 window "
        "fits 28 - 3 + 1 = 26 times along each side.",
        (
            26,
            26,
            1,
        ): "the number of channels of the output is the number of filters, 16, whatever the input has.",
        (16, 26, 26): "Keras puts the channels last by default: (height, width, channels).",
        (25, 25, 16): "off by one: a window of 3 fits 28 - 3 + 1 = 26 times along a side of 28.",
        (27, 27, 16): "off by one: a window of 3 fits 28 - 3 + 1 = 26 times along a side of 28.",
    }
    if shape in known:
        if known[shape]:
            raise Mistake(known[shape])
        return
    raise Mistake(
        f"{shape} is not the output shape: (height, width, filters), where each side shrinks by "
        "kernel_size - 1."
    )


def _check_conv_params(answer):
    _count(
        answer,
        "the number of parameters",
        896,
        {
            864: "you forgot the biases: one per filter (32).",
            320: "each filter sees all 3 input channels: it has 3 x 3 x 3 weights, not 3 x 3.",
            288: "each filter sees all 3 input channels (3 x 3 x 3 weights) and has one bias.",
            9248: "that is a Conv2D(32, 3) on 32 input channels; here the input has 3 channels (RGB).",
        },
    )


def _check_lstm_params(answer):
    _count(
        answer,
        "the number of parameters",
        5504,
        {
            1376: "that is a SimpleRNN's count; an LSTM has 4 such blocks (its 3 gates and the candidate "
            "cell value), each with its own weights and biases (x 4).",
            1408: "each block also has recurrent weights from the previous output: 32 x 32 per block.",
            5376: "you forgot the biases: 32 per block, and 4 blocks (3 gates and the candidate).",
            1344: "that is one block without biases; an LSTM has 4 (its 3 gates and the candidate cell "
            "value), each with 32 biases.",
        },
    )


def _check_lstm_shape(answer):
    shape = _shape(answer, "the output shape")
    if shape == (20, 32):
        return
    known = {
        (32,): "that is the shape with return_sequences=False (only the last step's output); with "
        "return_sequences=True the layer returns its output at each of the 20 steps.",
        (
            20,
            10,
        ): "the output of each step has as many values as the layer has units (32), not as the input has "
        "features (10).",
        (32, 20): "the steps come first, then the units: (steps, units).",
        (20,): "each of the 20 steps outputs a vector of 32 values.",
    }
    if shape in known:
        raise Mistake(known[shape])
    if len(shape) == 3 and shape[1:] == (20, 32):
        raise Mistake(
            f"{shape} includes the batch size; give the output shape of one sequence, without it: "
            "(steps, units)."
        )
    raise Mistake(
        f"{shape} is not the output shape of one sequence: (steps, units), one output of 32 values at "
        "each of the 20 steps."
    )


EXERCISES = [
    Exercise(
        id="networks-01",
        title="The sigmoid function",
        statement="Write `sigmoid(z)` that returns $1 / (1 + e^{-z})$ for every value of a NumPy array `z`. "
        "It squeezes any number into (0, 1), which makes it an activation and a probability.",
        hint_text="np.exp works on a whole array at once.",
        given="import numpy as np",
        starter="def sigmoid(z):\n    ...",
        solution_body="def sigmoid(z):\n    return 1 / (1 + np.exp(-z))",
        answer_name="sigmoid",
        checker=_check_sigmoid,
    ),
    Exercise(
        id="networks-02",
        title="A numerically stable softmax",
        statement="Write `softmax(z)` for a 2-D array of scores (one row per example, one column per class) "
        "that returns probabilities of the same shape: each row is `exp(z)` of that row divided by "
        "its sum, so each row sums to 1. It must work for scores near 1000 too, where `np.exp` "
        "overflows.",
        hint_text="Subtracting the same number from every score of a row does not change its softmax.",
        given="import numpy as np",
        starter="def softmax(z):\n    ...",
        solution_body="def softmax(z):\n    e = np.exp(z - z.max(axis=1, keepdims=True))\n"
        "    return e / e.sum(axis=1, keepdims=True)",
        answer_name="softmax",
        checker=_check_softmax,
    ),
    Exercise(
        id="networks-03",
        title="One forward pass",
        statement="Write `forward(X, W1, b1, W2, b2)`: the forward pass of a network with one hidden layer. "
        "The hidden layer computes `X @ W1 + b1` followed by ReLU (`max(0, value)`); the output "
        "layer computes `hidden @ W2 + b2` with no activation, and returns those scores (logits).",
        hint_text="np.maximum(0, a) is ReLU applied to every value of a.",
        given="import numpy as np",
        starter="def forward(X, W1, b1, W2, b2):\n    ...",
        solution_body="def forward(X, W1, b1, W2, b2):\n    hidden = np.maximum(0, X @ W1 + b1)\n"
        "    return hidden @ W2 + b2",
        answer_name="forward",
        checker=_check_forward,
    ),
    Exercise(
        id="networks-04",
        title="Parameters of a Dense layer",
        statement="A Keras `Dense(32)` layer receives 64 input features. How many trainable parameters does "
        "it have? Store the number in `n_params`.",
        hint_text="Every unit has one weight per input, plus one bias.",
        given="",
        starter="n_params = ...",
        solution_body="n_params = 64 * 32 + 32",
        answer_name="n_params",
        checker=_check_dense_params,
    ),
    Exercise(
        id="networks-05",
        title="Choose the loss",
        statement="A network classifies images into 10 classes; its last layer is `Dense(10, "
        'activation="softmax")` and the labels are integers from 0 to 9 (not one-hot). Which '
        "Keras loss do you pass to `model.compile(loss=...)`? Store its name, a string, in `loss`.",
        hint_text="Keras has two cross-entropies for several classes; they differ in the form of the labels.",
        given="",
        starter="loss = ...",
        solution_body='loss = "sparse_categorical_crossentropy"',
        answer_name="loss",
        checker=_check_loss,
    ),
    Exercise(
        id="networks-06",
        title="A small Keras network for the digits",
        statement="Build (do not train) a `keras.Sequential` model `model` for 8 x 8 digit images given as "
        "rows of 64 pixels: an input of shape `(64,)`, a hidden `Dense` layer of 32 units with "
        "ReLU, and an output `Dense` layer of 10 units with softmax.",
        hint_text="keras.Sequential([keras.Input(shape=(64,)), keras.layers.Dense(...), ...]).",
        given='import os\n\nos.environ["KERAS_BACKEND"] = "jax"\n\nimport keras',
        starter="model = ...",
        solution_body="model = keras.Sequential([\n    keras.Input(shape=(64,)),\n"
        '    keras.layers.Dense(32, activation="relu"),\n'
        '    keras.layers.Dense(10, activation="softmax"),\n])',
        answer_name="model",
        checker=_check_model,
    ),
    Exercise(
        id="networks-07",
        title="Output shape of a convolution",
        statement="Grey-scale images of shape `(28, 28, 1)` go into `keras.layers.Conv2D(16, kernel_size=3)` "
        '(stride 1, default padding `"valid"`). What is the output shape of one image, as a tuple '
        "`(height, width, channels)`? Store it in `shape`.",
        hint_text="Without padding, a window of size k fits n - k + 1 times along a side of n.",
        given="",
        starter="shape = ...",
        solution_body="shape = (26, 26, 16)",
        answer_name="shape",
        checker=_check_conv_shape,
    ),
    Exercise(
        id="networks-08",
        title="Parameters of a convolution",
        statement="How many trainable parameters does `keras.layers.Conv2D(32, kernel_size=3)` have when its "
        "input is a colour image of shape `(32, 32, 3)`? Store the number in `n_params`.",
        hint_text="Each filter has a 3 x 3 window over every input channel, and one bias.",
        given="",
        starter="n_params = ...",
        solution_body="n_params = (3 * 3 * 3 + 1) * 32",
        answer_name="n_params",
        checker=_check_conv_params,
    ),
    Exercise(
        id="networks-09",
        title="Parameters of an LSTM",
        statement="A `keras.layers.LSTM(32)` layer reads sequences with 10 features per time step. How many "
        "trainable parameters does it have? Store the number in `n_params`.",
        hint_text="An LSTM has four blocks of weights: its three gates (input, forget, output) and the "
        "candidate cell value. Each sees the input (10 values) and the previous output (32 values), and "
        "has 32 units with a bias each.",
        given="",
        starter="n_params = ...",
        solution_body="n_params = 4 * (32 * (10 + 32) + 32)",
        answer_name="n_params",
        checker=_check_lstm_params,
    ),
    Exercise(
        id="networks-10",
        title="Output shape of an LSTM",
        statement="Batches of sequences of shape `(batch, 20, 10)` (20 time steps, 10 features) go into "
        "`keras.layers.LSTM(32, return_sequences=True)`. What is the output shape of one sequence, "
        "as a tuple `(steps, units)`? Store it in `shape`.",
        hint_text="return_sequences=True keeps one output per time step.",
        given="",
        starter="shape = ...",
        solution_body="shape = (20, 32)",
        answer_name="shape",
        checker=_check_lstm_shape,
    ),
]
