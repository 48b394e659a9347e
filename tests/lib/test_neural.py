from __future__ import annotations

import numpy as np
import pytest

from tutorials_lib.data import load_digits_split
from tutorials_lib.neural import MLP, cross_entropy, relu, sigmoid, softmax


def numerical_gradient(model: MLP, parameter: np.ndarray, X: np.ndarray, y: np.ndarray, eps: float = 1e-6):
    """Central differences: (loss(p + eps) - loss(p - eps)) / (2 eps), one entry at a time."""
    gradient = np.zeros_like(parameter)
    for index in np.ndindex(parameter.shape):
        original = parameter[index]
        parameter[index] = original + eps
        plus = model.loss(X, y)
        parameter[index] = original - eps
        minus = model.loss(X, y)
        parameter[index] = original
        gradient[index] = (plus - minus) / (2 * eps)
    return gradient


def relative_error(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.max(np.abs(a - b) / np.maximum(1e-8, np.abs(a) + np.abs(b))))


@pytest.mark.parametrize("activation", ["relu", "tanh", "sigmoid"])
def test_backpropagation_matches_numerical_gradients_of_every_parameter(activation):
    rng = np.random.default_rng(1)
    X = rng.normal(size=(7, 5))
    y = rng.integers(0, 3, size=7)
    model = MLP([5, 6, 4, 3], activation=activation, seed=2)
    # Move the biases away from 0 so that they matter, and no ReLU input sits on its kink.
    for b in model.biases:
        b += rng.normal(scale=0.1, size=b.shape)
    weight_gradients, bias_gradients = model.gradients(X, y)
    parameters = model.weights + model.biases
    for analytic, parameter in zip(weight_gradients + bias_gradients, parameters, strict=True):
        numeric = numerical_gradient(model, parameter, X, y)
        assert relative_error(analytic, numeric) < 1e-5
        assert np.abs(analytic).max() > 1e-4  # the check would pass trivially on zeros


def test_softmax_rows_are_probabilities_even_for_huge_scores():
    p = softmax(np.array([[1e4, 0.0, -1e4], [1.0, 1.0, 1.0]]))
    assert np.allclose(p.sum(axis=1), 1.0) and np.all(p >= 0)
    assert np.allclose(p[1], 1 / 3)


def test_activations_have_their_textbook_values():
    assert sigmoid(np.array([0.0]))[0] == 0.5
    assert sigmoid(np.array([-1000.0]))[0] == 0.0  # no overflow warning
    assert relu(np.array([-1.0, 2.0])).tolist() == [0.0, 2.0]


def test_cross_entropy_of_a_uniform_guess_is_log_of_the_number_of_classes():
    assert cross_entropy(np.full((4, 10), 0.1), np.arange(4)) == pytest.approx(np.log(10))


def test_same_seed_gives_the_same_network_and_the_same_training():
    X_train, X_test, y_train, y_test = load_digits_split(test_size=0.25, seed=0)
    first, second = MLP([64, 16, 10], seed=3), MLP([64, 16, 10], seed=3)
    assert all(np.array_equal(a, b) for a, b in zip(first.weights, second.weights, strict=True))
    assert first.fit(X_train, y_train, epochs=2) == second.fit(X_train, y_train, epochs=2)
    assert not np.array_equal(MLP([64, 16, 10], seed=4).weights[0], MLP([64, 16, 10], seed=3).weights[0])


def test_epoch_loss_weights_each_batch_by_its_size_as_keras_does():
    # 50 examples in batches of 16: the last batch has 2. With a step too small to move the
    # weights, the epoch's loss must be the loss over all 50 examples, as Keras's
    # history.history["loss"] is; an unweighted mean of the 4 batch losses would give the last
    # batch's 2 examples the weight of 16.
    rng = np.random.default_rng(0)
    X, y = rng.normal(size=(50, 3)), rng.integers(0, 2, size=50)
    model = MLP([3, 5, 2], seed=0)
    before = model.loss(X, y)
    [epoch_loss] = model.fit(X, y, epochs=1, batch_size=16, learning_rate=1e-12)
    assert epoch_loss == pytest.approx(before, abs=1e-9)


def test_training_on_digits_lowers_the_loss_and_reaches_high_accuracy():
    X_train, X_test, y_train, y_test = load_digits_split(test_size=0.25, seed=0)
    model = MLP([64, 32, 10], seed=0)
    losses = model.fit(X_train, y_train, epochs=15, batch_size=32, learning_rate=0.1)
    assert len(losses) == 15 and losses[-1] < losses[0] / 5
    assert model.score(X_test, y_test) > 0.93


@pytest.mark.parametrize("sizes", [[64], [], [64, 0, 10], [64, 2.5, 10], "64,10", 64])
def test_network_rejects_layer_sizes_that_are_not_at_least_two_positive_integers(sizes):
    with pytest.raises((TypeError, ValueError), match="layer_sizes"):
        MLP(sizes)


def test_network_rejects_an_unknown_activation():
    with pytest.raises(ValueError, match="activation must be one of 'relu', 'tanh', 'sigmoid'"):
        MLP([4, 2], activation="softmax")


def test_inputs_of_the_wrong_width_get_a_message_with_the_expected_shape():
    with pytest.raises(ValueError, match="64 columns .*got shape \\(10, 8, 8\\)"):
        MLP([64, 10]).predict(np.zeros((10, 8, 8)))


@pytest.mark.parametrize(
    "labels", [np.array([0.0, 1.0]), np.array([0, 3]), np.array([-1, 0]), np.eye(2, dtype=int), np.array([0])]
)
def test_labels_must_be_one_integer_class_per_row(labels):
    with pytest.raises((TypeError, ValueError), match="^y (must|looks like one-hot)"):
        MLP([2, 3]).fit(np.zeros((2, 2)), labels)


@pytest.mark.parametrize(("setting", "value"), [("epochs", 0), ("batch_size", -1), ("learning_rate", 0.0)])
def test_training_settings_must_be_positive(setting, value):
    with pytest.raises(ValueError, match=f"{setting} must be (at least 1|a positive number)"):
        MLP([2, 3]).fit(np.zeros((2, 2)), np.array([0, 1]), **{setting: value})


def test_string_labels_in_a_plot_get_colours_from_the_model_classes():
    import matplotlib.pyplot as plt
    from sklearn.linear_model import LogisticRegression

    from tutorials_lib.plotting import plot_decision_boundary

    X = np.random.default_rng(0).normal(size=(30, 2))
    y = np.array(["Adelie", "Gentoo"])[(X[:, 0] > 0).astype(int)]
    ax = plot_decision_boundary(LogisticRegression().fit(X, y), X, y)
    colours = ax.collections[-1].get_facecolors()
    assert len({tuple(colour) for colour in colours}) == 2
    for label in ("Adelie", "Gentoo"):
        assert len({tuple(colour) for colour in colours[y == label]}) == 1
    plt.close("all")
