"""A multilayer perceptron written in NumPy, to see every step of training a neural network.

The pages on neural networks build this network piece by piece and compare it with its Keras
twin. Everything is plain NumPy: a forward pass, a softmax cross-entropy loss, backpropagation
that returns the gradient of every weight, and mini-batch stochastic gradient descent (SGD).
It is written to be read, not to be fast; use Keras (or scikit-learn's ``MLPClassifier``) for
real work.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from tutorials_lib import _validate as check

ACTIVATIONS = ("relu", "tanh", "sigmoid")


def sigmoid(z: np.ndarray) -> np.ndarray:
    """Squash every value into (0, 1) with the logistic function ``1 / (1 + exp(-z))``.

    Args:
        z: A number or an array of numbers, of any shape.

    Returns:
        An array of the same shape, with values between 0 and 1.

    Raises:
        TypeError: If ``z`` is not made of real numbers.
        ValueError: If ``z`` contains NaN or an infinite value.

    Examples:
        >>> import numpy as np
        >>> from tutorials_lib.neural import sigmoid
        >>> sigmoid(np.array([-2.0, 0.0, 2.0])).round(3)
        array([0.119, 0.5  , 0.881])
    """
    z = check.numeric_array(z, "z", allow_empty=True)
    return 0.5 * (1.0 + np.tanh(0.5 * z))  # the same function, without overflow for large -z


def relu(z: np.ndarray) -> np.ndarray:
    """Rectified linear unit: keep positive values, replace negative ones by 0.

    Args:
        z: A number or an array of numbers, of any shape.

    Returns:
        An array of the same shape.

    Raises:
        TypeError: If ``z`` is not made of real numbers.
        ValueError: If ``z`` contains NaN or an infinite value.

    Examples:
        >>> import numpy as np
        >>> from tutorials_lib.neural import relu
        >>> relu(np.array([-2.0, 0.0, 3.0]))
        array([0., 0., 3.])
    """
    return np.maximum(check.numeric_array(z, "z", allow_empty=True), 0.0)


def softmax(logits: np.ndarray) -> np.ndarray:
    """Turn each row of scores (logits) into probabilities that are positive and sum to 1.

    The largest score of each row is subtracted first: the result is the same, and ``exp``
    cannot overflow.

    Args:
        logits: Array of shape ``(n, classes)``, or one row of shape ``(classes,)``.

    Returns:
        An array of the same shape whose rows sum to 1.

    Raises:
        TypeError: If ``logits`` is not made of real numbers.
        ValueError: If ``logits`` is empty, not 1-D or 2-D, or contains NaN or an infinite value.

    Examples:
        >>> import numpy as np
        >>> from tutorials_lib.neural import softmax
        >>> softmax(np.array([1.0, 2.0, 3.0])).round(3)
        array([0.09 , 0.245, 0.665])
        >>> softmax(np.array([[1000.0, 1000.0]]))
        array([[0.5, 0.5]])
    """
    logits = check.numeric_array(logits, "logits", ndim=(1, 2))
    shifted = logits - logits.max(axis=-1, keepdims=True)
    exps = np.exp(shifted)
    return exps / exps.sum(axis=-1, keepdims=True)


def cross_entropy(probabilities: np.ndarray, y: np.ndarray) -> float:
    """Mean negative log-probability that the model gave to the correct class.

    Args:
        probabilities: Array of shape ``(n, classes)``, each row summing to 1.
        y: Integer labels of shape ``(n,)``, each in ``range(classes)``.

    Returns:
        The loss, 0 for a perfectly confident correct model, ``log(classes)`` for a uniform guess.

    Raises:
        TypeError: If an argument is not an array of numbers, or ``y`` holds text.
        ValueError: If ``probabilities`` is not 2-D, holds values outside [0, 1] (scores
            instead of probabilities) or rows that do not sum to 1, if ``y`` is one-hot,
            has another length or holds labels outside ``range(classes)``, or if either
            contains NaN.

    Examples:
        >>> import numpy as np
        >>> from tutorials_lib.neural import cross_entropy
        >>> round(cross_entropy(np.array([[0.5, 0.5], [0.9, 0.1]]), np.array([0, 0])), 4)
        0.3993
    """
    probabilities = check.probabilities(probabilities, "probabilities")
    length, classes = probabilities.shape
    y = check.labels(y, "y", rows_of="probabilities", length=length, classes=classes)
    return _mean_negative_log(probabilities, y)


def _mean_negative_log(probabilities: np.ndarray, y: np.ndarray) -> float:
    """Cross-entropy of arrays already checked (training calls it once per batch)."""
    picked = probabilities[np.arange(len(y)), y]
    return float(-np.mean(np.log(np.clip(picked, 1e-12, None))))


def _activate(name: str, z: np.ndarray) -> np.ndarray:
    if name == "relu":
        return relu(z)
    if name == "tanh":
        return np.tanh(z)
    return sigmoid(z)


def _activation_derivative(name: str, z: np.ndarray, a: np.ndarray) -> np.ndarray:
    """Derivative of the activation at ``z``, given its output ``a``."""
    if name == "relu":
        return (z > 0).astype(z.dtype)
    if name == "tanh":
        return 1.0 - a**2
    return a * (1.0 - a)


class MLP:
    """A fully connected network: dense layers with an activation, and a softmax output.

    ``MLP([64, 32, 10])`` has 64 inputs, one hidden layer of 32 units and 10 output classes.
    Weights start as small random numbers drawn from a seeded NumPy ``Generator`` (He
    initialisation for ReLU, Glorot for tanh and sigmoid); biases start at 0.

    Args:
        layer_sizes: Number of units per layer, inputs first and classes last; at least two
            positive integers.
        activation: Activation of the hidden layers: ``"relu"``, ``"tanh"`` or ``"sigmoid"``.
        seed: Seed of the random initial weights (and of the shuffling in ``fit``).

    Attributes:
        weights: One matrix per layer, of shape ``(inputs, units)``.
        biases: One vector per layer, of shape ``(units,)``.

    Raises:
        TypeError: If ``layer_sizes`` is not a list of whole numbers, ``activation`` not a
            string or ``seed`` not a whole number.
        ValueError: If ``layer_sizes`` has fewer than two sizes, a size is below 1, the
            activation is unknown or the seed is negative.

    Examples:
        >>> from tutorials_lib.neural import MLP
        >>> model = MLP([4, 5, 3], seed=0)
        >>> [w.shape for w in model.weights], [b.shape for b in model.biases]
        ([(4, 5), (5, 3)], [(5,), (3,)])
        >>> model.n_parameters
        43
    """

    def __init__(self, layer_sizes: Sequence[int], *, activation: str = "relu", seed: int = 0) -> None:
        sizes = _check_layer_sizes(layer_sizes)
        self.layer_sizes = sizes
        self.activation = check.one_of(activation, "activation", ACTIVATIONS)
        self.rng = np.random.default_rng(check.seed(seed))
        gain = 2.0 if activation == "relu" else 1.0
        self.weights: list[np.ndarray] = []
        self.biases: list[np.ndarray] = []
        for fan_in, fan_out in zip(sizes[:-1], sizes[1:], strict=True):
            scale = np.sqrt(gain / fan_in) if activation == "relu" else np.sqrt(2.0 / (fan_in + fan_out))
            self.weights.append(self.rng.normal(0.0, scale, size=(fan_in, fan_out)))
            self.biases.append(np.zeros(fan_out))

    @property
    def n_parameters(self) -> int:
        """Number of weights and biases the network learns."""
        return sum(w.size + b.size for w, b in zip(self.weights, self.biases, strict=True))

    # ------------------------------------------------------------------ checks
    def _check_X(self, X: np.ndarray) -> np.ndarray:
        X = check.numeric_array(X, "X")
        if X.ndim != 2 or X.shape[1] != self.layer_sizes[0]:
            raise ValueError(
                f"X must be a 2-D array with one row per example and {self.layer_sizes[0]} columns "
                f"(the input size); got shape {X.shape}. Reshape images with X.reshape(len(X), -1)."
            )
        return X

    def _check_y(self, X: np.ndarray, y: np.ndarray) -> np.ndarray:
        return check.labels(y, "y", rows_of="X", length=len(X), classes=self.layer_sizes[-1])

    # ------------------------------------------------------------------ forward
    def forward(self, X: np.ndarray) -> tuple[np.ndarray, list[tuple[np.ndarray, np.ndarray]]]:
        """Run the network on ``X`` and remember what backpropagation needs.

        Args:
            X: Inputs of shape ``(n, inputs)``.

        Returns:
            ``(probabilities, cache)``: the softmax output of shape ``(n, classes)``, and for
            each layer its input and its pre-activation ``z``.

        Examples:
            >>> import numpy as np
            >>> from tutorials_lib.neural import MLP
            >>> model = MLP([3, 4, 2], seed=0)
            >>> probabilities, cache = model.forward(np.ones((5, 3)))
            >>> probabilities.shape, probabilities.sum(axis=1).round(6).tolist()
            ((5, 2), [1.0, 1.0, 1.0, 1.0, 1.0])
        """
        a = self._check_X(X)
        cache = []
        last = len(self.weights) - 1
        for index, (w, b) in enumerate(zip(self.weights, self.biases, strict=True)):
            z = a @ w + b
            cache.append((a, z))
            a = z if index == last else _activate(self.activation, z)
        return softmax(a), cache

    def loss(self, X: np.ndarray, y: np.ndarray) -> float:
        """Softmax cross-entropy of the network on ``(X, y)``.

        Args:
            X: Inputs of shape ``(n, inputs)``.
            y: Integer labels of shape ``(n,)``.

        Raises:
            TypeError: If ``X`` or ``y`` is not an array of numbers.
            ValueError: If ``X`` is empty, has the wrong shape or contains NaN, or ``y`` is not
                one label per row of ``X``.

        Examples:
            >>> import numpy as np
            >>> from tutorials_lib.neural import MLP
            >>> model = MLP([3, 4, 2], seed=0)
            >>> round(model.loss(np.zeros((2, 3)), np.array([0, 1])), 4)  # all-zero input: a fair coin
            0.6931
        """
        X = self._check_X(X)
        y = self._check_y(X, y)
        return _mean_negative_log(self.forward(X)[0], y)

    # ------------------------------------------------------------------ backward
    def gradients(self, X: np.ndarray, y: np.ndarray) -> tuple[list[np.ndarray], list[np.ndarray]]:
        """Backpropagation: the gradient of :meth:`loss` with respect to every weight and bias.

        Args:
            X: Inputs of shape ``(n, inputs)``.
            y: Integer labels of shape ``(n,)``.

        Returns:
            ``(weight_gradients, bias_gradients)``, with the same shapes as ``weights`` and
            ``biases``.

        Examples:
            >>> import numpy as np
            >>> from tutorials_lib.neural import MLP
            >>> model = MLP([3, 4, 2], seed=0)
            >>> dW, db = model.gradients(np.ones((5, 3)), np.array([0, 1, 1, 0, 1]))
            >>> [g.shape for g in dW], [g.shape for g in db]
            ([(3, 4), (4, 2)], [(4,), (2,)])
        """
        X = self._check_X(X)
        y = self._check_y(X, y)
        return self._backward(X, y)[1:]

    def _backward(self, X: np.ndarray, y: np.ndarray) -> tuple[float, list[np.ndarray], list[np.ndarray]]:
        """Loss and gradients of checked inputs, from one forward pass."""
        probabilities, cache = self.forward(X)
        loss = _mean_negative_log(probabilities, y)
        # Softmax and cross-entropy together have the simplest derivative: p - one_hot(y).
        delta = probabilities.copy()
        delta[np.arange(len(y)), y] -= 1.0
        delta /= len(y)
        weight_gradients: list[np.ndarray] = []
        bias_gradients: list[np.ndarray] = []
        for index in range(len(self.weights) - 1, -1, -1):
            a_in, _ = cache[index]
            weight_gradients.insert(0, a_in.T @ delta)
            bias_gradients.insert(0, delta.sum(axis=0))
            if index > 0:
                z_prev = cache[index - 1][1]
                delta = (delta @ self.weights[index].T) * _activation_derivative(
                    self.activation, z_prev, a_in
                )
        return loss, weight_gradients, bias_gradients

    # ------------------------------------------------------------------ training
    def fit(
        self,
        X: np.ndarray,
        y: np.ndarray,
        *,
        epochs: int = 20,
        batch_size: int = 32,
        learning_rate: float = 0.1,
    ) -> list[float]:
        """Train with mini-batch stochastic gradient descent.

        Each epoch shuffles the examples, cuts them into batches of ``batch_size`` and, for each
        batch, moves every parameter a step of ``learning_rate`` against its gradient.

        Args:
            X: Inputs of shape ``(n, inputs)``.
            y: Integer labels of shape ``(n,)``.
            epochs: Number of passes over the training data.
            batch_size: Number of examples per gradient step.
            learning_rate: Size of each step; a positive number.

        Returns:
            The mean training loss of each epoch: the loss of each batch, computed before its
            step, averaged with each batch weighted by its number of examples, as Keras reports
            it in ``history.history["loss"]``.

        Raises:
            TypeError: If the data are not numbers, or a setting is not a number.
            ValueError: If the data are empty, contain NaN or have the wrong shape or labels, or
                a setting is not positive.

        Examples:
            >>> import numpy as np
            >>> from tutorials_lib.neural import MLP
            >>> rng = np.random.default_rng(0)
            >>> X = rng.normal(size=(200, 2))
            >>> y = (X[:, 0] * X[:, 1] > 0).astype(int)  # XOR-like: no straight line separates it
            >>> model = MLP([2, 16, 2], activation="tanh", seed=0)
            >>> losses = model.fit(X, y, epochs=200, batch_size=20, learning_rate=0.3)
            >>> losses[0] > losses[-1], model.score(X, y) > 0.9
            (True, True)
        """
        X = self._check_X(X)
        y = self._check_y(X, y)
        epochs = check.positive_int(epochs, "epochs", example=20)
        batch_size = check.positive_int(batch_size, "batch_size", example=32)
        learning_rate = check.positive_number(learning_rate, "learning_rate", example=0.1)
        history = []
        for _ in range(epochs):
            order = self.rng.permutation(len(X))
            batch_losses, batch_sizes = [], []
            for start in range(0, len(X), batch_size):
                batch = order[start : start + batch_size]
                loss, weight_gradients, bias_gradients = self._backward(X[batch], y[batch])
                batch_losses.append(loss)
                batch_sizes.append(len(batch))
                for w, dw in zip(self.weights, weight_gradients, strict=True):
                    w -= learning_rate * dw
                for b, db in zip(self.biases, bias_gradients, strict=True):
                    b -= learning_rate * db
            # Weighted by batch size, as Keras does, so that a short last batch counts for its few
            # examples: the result is the mean loss over the epoch's examples.
            history.append(float(np.average(batch_losses, weights=batch_sizes)))
        return history

    # ------------------------------------------------------------------ use
    def predict_proba(self, X: np.ndarray) -> np.ndarray:
        """Probabilities of each class, shape ``(n, classes)``.

        Examples:
            >>> import numpy as np
            >>> from tutorials_lib.neural import MLP
            >>> MLP([3, 4, 2], seed=0).predict_proba(np.zeros((1, 3))).round(2)
            array([[0.5, 0.5]])
        """
        return self.forward(X)[0]

    def predict(self, X: np.ndarray) -> np.ndarray:
        """The most probable class of each row of ``X``.

        Examples:
            >>> import numpy as np
            >>> from tutorials_lib.neural import MLP
            >>> MLP([3, 4, 2], seed=0).predict(np.zeros((2, 3))).tolist()
            [0, 0]
        """
        return self.predict_proba(X).argmax(axis=1)

    def score(self, X: np.ndarray, y: np.ndarray) -> float:
        """Accuracy: the fraction of rows of ``X`` whose predicted class is ``y``.

        Examples:
            >>> import numpy as np
            >>> from tutorials_lib.neural import MLP
            >>> MLP([3, 4, 2], seed=0).score(np.zeros((2, 3)), np.array([0, 1]))
            0.5
        """
        X = self._check_X(X)
        y = self._check_y(X, y)
        return float(np.mean(self.predict(X) == y))


def _check_layer_sizes(layer_sizes: object) -> list[int]:
    if isinstance(layer_sizes, (str, bytes)) or not isinstance(layer_sizes, Sequence):
        raise TypeError(
            f"layer_sizes must be a list of layer widths such as [64, 32, 10]; got "
            f"{check.describe(layer_sizes)}."
        )
    if len(layer_sizes) < 2:
        raise ValueError(
            f"layer_sizes needs at least an input size and an output size, such as [64, 10]; "
            f"got {list(layer_sizes)}."
        )
    return [check.positive_int(size, f"layer_sizes[{i}]", example=32) for i, size in enumerate(layer_sizes)]
