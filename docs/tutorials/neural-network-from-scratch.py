# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # A neural network from scratch, and its Keras twin
#
# In this tutorial you check that a neural network written by hand in NumPy and the same
# network built in Keras compute the same function: you copy the weights across, then compare
# outputs, gradients and a whole training run, each within a stated tolerance.
#
# The page [Neural networks from scratch](../../deep-learning/neural-networks/) builds the NumPy
# network piece by piece (neurons, layers, the loss, backpropagation) and checks its gradients
# against numerical derivatives; read it first. Here the question is different: is the network
# you wrote the same thing as a Keras network?
#
# Equal accuracy would not prove it: two different functions can get the same share of digits
# right. So you will copy the NumPy network's weights into Keras and compare:
#
# 1. the outputs of the forward pass, on every test digit;
# 2. the gradients of the loss, for every weight and bias;
# 3. a whole training run, batch by batch, from the same start;
#
# and you will check that the comparison can fail. Everything runs offline on a CPU.

# %% [markdown]
# ## Set up
#
# Keras reads its backend from an environment variable before it is imported; this guide
# uses JAX. The digits are the 8 by 8 images that ship with scikit-learn, flattened into 64
# pixel values between 0 and 1. The NumPy network is
# [`tutorials_lib.neural.MLP`](../../reference/neural/), about 150 lines written for this guide.

# %%
import os

os.environ["KERAS_BACKEND"] = "jax"

import keras
import matplotlib.pyplot as plt
import numpy as np

from tutorials_lib.data import load_digits_split
from tutorials_lib.neural import MLP

keras.utils.set_random_seed(0)
X_train, X_test, y_train, y_test = load_digits_split(test_size=0.25, seed=0)
print("training:", X_train.shape, " test:", X_test.shape)

# %% [markdown]
# ## Two networks, one set of weights
#
# `MLP([64, 32, 10])` has 64 inputs, a hidden layer of 32 ReLU units and 10 outputs, turned
# into probabilities by softmax. The Keras twin is built from the same two layers. A Keras
# `Dense` layer stores its weights the same way as the NumPy network: a *kernel* matrix of
# shape (inputs, units), then a bias vector. So the NumPy weights can be copied across as they
# are. From here on, the two networks start from the same point.

# %%
network = MLP([64, 32, 10], activation="relu", seed=0)
twin = keras.Sequential(
    [
        keras.Input(shape=(64,)),
        keras.layers.Dense(32, activation="relu"),
        keras.layers.Dense(10, activation="softmax"),
    ]
)
print("NumPy:", [w.shape for w in network.weights], "biases", [b.shape for b in network.biases])
print("Keras:", [w.shape for w in twin.get_weights()])


def numpy_weights(net):
    """The NumPy network's parameters in Keras' order: kernel, bias, kernel, bias."""
    return [array for pair in zip(net.weights, net.biases, strict=True) for array in pair]


twin.set_weights(numpy_weights(network))
print("parameters:", network.n_parameters, "in NumPy,", twin.count_params(), "in Keras")

# %% [markdown]
# ## Same outputs
#
# Run both forward passes on all 450 test digits and compare the probabilities. They cannot be
# identical to the last digit: NumPy computes in 64-bit floats, Keras in 32-bit floats, which
# hold about seven significant digits. For probabilities between 0 and 1, a difference of at
# most one millionth is what that rounding allows; a real difference in what the two networks
# compute would be far larger. `np.allclose` also adds a relative slack by default; `rtol=0`
# switches it off, so the tolerance is exactly `atol`.

# %%
FORWARD_TOLERANCE = 1e-6
numpy_probabilities = network.predict_proba(X_test)
keras_probabilities = np.asarray(twin.predict(X_test, verbose=0))
largest = np.abs(numpy_probabilities - keras_probabilities).max()
print(f"largest difference in 450 x 10 probabilities: {largest:.1e}")
print("same outputs:", np.allclose(keras_probabilities, numpy_probabilities, atol=FORWARD_TOLERANCE, rtol=0))

# %% [markdown]
# ## A check that can fail
#
# A test that always passes proves nothing. Copy the same weights into a NumPy network that
# uses `tanh` instead of ReLU in its hidden layer, a one-word bug, and compare again.

# %%
wrong = MLP([64, 32, 10], activation="tanh", seed=0)
wrong.weights = [w.copy() for w in network.weights]
wrong.biases = [b.copy() for b in network.biases]
largest = np.abs(wrong.predict_proba(X_test) - keras_probabilities).max()
print(f"tanh instead of ReLU: largest difference {largest:.2f}")
print(
    "same outputs:",
    np.allclose(keras_probabilities, wrong.predict_proba(X_test), atol=FORWARD_TOLERANCE, rtol=0),
)

# %% [markdown]
# ## Same gradients
#
# The NumPy network computes its gradients with backpropagation written by hand
# (`network.gradients`). Keras derives them by automatic differentiation, through its
# backend, and does not hand them out through one function that works on every backend. But
# it does not need to: one step of plain stochastic gradient descent moves every parameter by
# exactly minus the learning rate times its gradient,
# $w_\text{after} = w_\text{before} - \eta \, \partial L / \partial w$. So take one step on a
# batch of 50 digits and read each gradient back as
# $(w_\text{before} - w_\text{after}) / \eta$.
#
# Dividing by the learning rate (0.1) also magnifies the 32-bit rounding of the weights
# tenfold, so the tolerance for gradients is `atol=1e-5`; the largest gradients here are
# about 0.1.

# %%
LEARNING_RATE, GRADIENT_TOLERANCE = 0.1, 1e-5
twin.compile(
    optimizer=keras.optimizers.SGD(learning_rate=LEARNING_RATE), loss="sparse_categorical_crossentropy"
)
X_batch, y_batch = X_train[:50], y_train[:50]

weight_gradients, bias_gradients = network.gradients(X_batch, y_batch)
numpy_gradients = [g for pair in zip(weight_gradients, bias_gradients, strict=True) for g in pair]
before = twin.get_weights()
keras_loss = float(twin.train_on_batch(X_batch, y_batch))
keras_gradients = [(b - a) / LEARNING_RATE for b, a in zip(before, twin.get_weights(), strict=True)]

print(f"loss on the batch: NumPy {network.loss(X_batch, y_batch):.6f}, Keras {keras_loss:.6f}")
for name, k, n in zip(["W1", "b1", "W2", "b2"], keras_gradients, numpy_gradients, strict=True):
    same = np.allclose(k, n, atol=GRADIENT_TOLERANCE, rtol=0)
    print(f"{name} {str(n.shape):9} largest gradient {np.abs(n).max():.3f}  same gradients: {same}")

# %% [markdown]
# ## Same training, batch by batch
#
# Same outputs, same gradients and the same update rule should give the same training run.
# Check it: put the starting weights back into Keras, then train both networks for 30 epochs
# on the same batches of 32 digits, in the same order. The NumPy loop below is what
# `network.fit` does, written out so that both networks can share one shuffled order; Keras
# trains one epoch at a time with `shuffle=False`, so that it keeps that order. After each
# epoch, both networks compute their loss on the whole training set.
#
# Over 1,290 steps the 32-bit rounding adds up a little: the largest difference in the final
# weights, printed below, is about a millionth. The final weights are compared with
# `atol=1e-4`, a wide margin for machines where the rounding falls differently.

# %%
EPOCHS, BATCH_SIZE, TRAINING_TOLERANCE = 30, 32, 1e-4
network = MLP([64, 32, 10], activation="relu", seed=0)
twin.set_weights(numpy_weights(network))
twin.compile(
    optimizer=keras.optimizers.SGD(learning_rate=LEARNING_RATE), loss="sparse_categorical_crossentropy"
)

rng = np.random.default_rng(0)
numpy_losses, keras_losses = [], []
for _ in range(EPOCHS):
    order = rng.permutation(len(X_train))
    X_epoch, y_epoch = X_train[order], y_train[order]
    for start in range(0, len(X_epoch), BATCH_SIZE):
        batch = slice(start, start + BATCH_SIZE)
        weight_gradients, bias_gradients = network.gradients(X_epoch[batch], y_epoch[batch])
        for parameter, gradient in zip(
            network.weights + network.biases, weight_gradients + bias_gradients, strict=True
        ):
            parameter -= LEARNING_RATE * gradient
    twin.fit(X_epoch, y_epoch, batch_size=BATCH_SIZE, epochs=1, shuffle=False, verbose=0)
    numpy_losses.append(network.loss(X_train, y_train))
    keras_losses.append(twin.evaluate(X_train, y_train, verbose=0))

same_weights = all(
    np.allclose(k, n, atol=TRAINING_TOLERANCE, rtol=0)
    for k, n in zip(twin.get_weights(), numpy_weights(network), strict=True)
)
keras_predictions = np.asarray(twin.predict(X_test, verbose=0)).argmax(axis=1)
print(f"training loss after {EPOCHS} epochs: NumPy {numpy_losses[-1]:.4f}, Keras {keras_losses[-1]:.4f}")
largest = max(np.abs(k - n).max() for k, n in zip(twin.get_weights(), numpy_weights(network), strict=True))
print(f"largest difference in the final weights: {largest:.0e}")
print("same weights after training:", same_weights)
numpy_accuracy, keras_accuracy = network.score(X_test, y_test), np.mean(keras_predictions == y_test)
print(f"test accuracy: NumPy {numpy_accuracy:.3f}, Keras {keras_accuracy:.3f}")
print(
    "test digits where the two networks disagree:", int(np.sum(keras_predictions != network.predict(X_test)))
)

# alt: Training loss after each of 30 epochs, on a logarithmic scale, for the NumPy network
#      and its Keras twin trained on the same batches: the two curves fall from about 1.4 to
#      below 0.1 and lie exactly on top of each other.
fig, ax = plt.subplots(figsize=(6, 3.5))
epochs = np.arange(1, EPOCHS + 1)
ax.plot(epochs, numpy_losses, linewidth=4, alpha=0.5, label="NumPy (tutorials_lib.neural)")
ax.plot(epochs, keras_losses, "k--", linewidth=1, label="Keras twin")
ax.set_xlabel("epoch")
ax.set_ylabel("training loss (cross-entropy)")
ax.set_yscale("log")
ax.set_title("Same start, same batches: one curve")
ax.legend()
plt.show()

# %% [markdown]
# ## What this shows, and what it does not
#
# The two implementations agree on the outputs, on every gradient and on a whole training run,
# each within a tolerance that 32-bit rounding explains, and the same check fails loudly on a
# one-word bug. That is strong evidence, measured on these digits with one hidden layer of ReLU
# units, that Keras' `Dense` layers, softmax, cross-entropy and SGD compute the same thing as
# the NumPy code. That both follow the formulas on the
# [neural networks page](../../deep-learning/neural-networks/) rests on that page: the NumPy
# code writes those formulas out, and its gradients are checked there against numerical
# derivatives. The `tanh` and `sigmoid` hidden units were not compared with Keras here (the
# first exercise below does it for `tanh`). The check says nothing about what neither network
# contains here: Adam, dropout or convolutions are other functions, each needing its own check.
#
# The same recipe serves beyond this tutorial. Whenever you port a model, from a paper's code
# to your framework or from one Keras backend to another, copy the weights, feed both the same
# inputs and compare with `np.allclose` and a tolerance you can justify. In daily work you
# write only the forward pass and let automatic differentiation produce the gradients.
#
# ## Try it yourself
#
# - Give both networks `tanh` hidden units (`activation="tanh"` in `MLP` and in the first
#   `Dense` layer) and run the checks again; then change only one of them.
# - Add a second hidden layer to both, for example `MLP([64, 64, 32, 10])`, and copy the six
#   arrays across.
# - Lower `GRADIENT_TOLERANCE` step by step and see where 32-bit rounding makes the gradient
#   check fail.
#
# ## Next steps
#
# - Next: [Training networks with Keras](../../deep-learning/training-with-keras/):
#   validation, early stopping, regularisation and saving models.
# - Read [`tutorials_lib.neural`](../../reference/neural/): `forward`, `gradients` and `fit` are
#   the whole algorithm.
# - Keras: [The Sequential model](https://keras.io/guides/sequential_model/) and the
#   [SGD optimizer](https://keras.io/api/optimizers/sgd/); NumPy:
#   [`numpy.allclose`](https://numpy.org/doc/stable/reference/generated/numpy.allclose.html).
