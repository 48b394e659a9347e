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
# In this tutorial you train a neural network whose every line you can read: a multilayer
# perceptron written in NumPy, with backpropagation computed by hand. Then you build the same
# network in Keras and check that the two agree. You will:
#
# 1. compute one neuron by hand, then a whole layer as one matrix product;
# 2. run the forward pass of an untrained network on handwritten digits;
# 3. check the backpropagated gradients against numerical derivatives;
# 4. train the NumPy network with mini-batch gradient descent;
# 5. train the same architecture, with the same optimiser, in Keras, and compare.
#
# The theory (neurons, activations, loss, gradient descent, the chain rule) is on the page
# [Neural networks from scratch](../../deep-learning/neural-networks/). The NumPy network lives
# in this guide's small library as
# [`tutorials_lib.neural`](../../reference/neural/), about 150 lines that are worth reading
# after this tutorial. Everything runs offline on a CPU in a few seconds.

# %% [markdown]
# ## Set up
#
# Keras reads its backend from an environment variable before it is imported; this guide
# uses JAX. Seeding makes every run print the same numbers.

# %%
import os

os.environ["KERAS_BACKEND"] = "jax"

import keras
import matplotlib.pyplot as plt
import numpy as np

from tutorials_lib.data import load_digits_split
from tutorials_lib.neural import MLP, relu

keras.utils.set_random_seed(0)
X_train, X_test, y_train, y_test = load_digits_split(test_size=0.25, seed=0)
print("training:", X_train.shape, " test:", X_test.shape)

# %% [markdown]
# Each row is one 8 by 8 image flattened into 64 pixel values between 0 and 1; each label is
# the digit it shows.

# %% [markdown]
# ## One neuron, then one layer
#
# A neuron multiplies each input by a weight, adds the results and a bias, and passes the sum
# through an activation function. With three inputs and made-up weights:

# %%
x = np.array([0.5, 0.1, 0.9])  # three inputs
w = np.array([0.8, -0.4, 0.3])  # one weight per input
b = -0.2  # the bias
z = x @ w + b  # weighted sum: 0.4 - 0.04 + 0.27 - 0.2
print(f"weighted sum z = {z:.2f}, after ReLU: {relu(z):.2f}")

# %% [markdown]
# A layer is many neurons reading the same inputs. Stacking their weight vectors as the columns
# of a matrix `W` computes all of them at once, and stacking many examples as the rows of `X`
# computes the layer for a whole batch in one matrix product, `X @ W + b`. That is why neural
# networks are fast on hardware built for matrix arithmetic.

# %%
W = np.array([[0.8, 0.1], [-0.4, 0.5], [0.3, -0.7]])  # 3 inputs, 2 neurons
bias = np.array([-0.2, 0.1])
print(relu(x @ W + bias).round(2))

# %% [markdown]
# ## The network, before training
#
# `MLP([64, 32, 10])` has 64 inputs, a hidden layer of 32 ReLU units and 10 outputs, one per
# digit, turned into probabilities by softmax. Its weights start as small random numbers drawn
# from a seeded generator.

# %%
network = MLP([64, 32, 10], activation="relu", seed=0)
print("weight shapes:", [w.shape for w in network.weights])
print("parameters to learn:", network.n_parameters)

# %% [markdown]
# The forward pass of an untrained network gives each digit a probability near 0.1: it knows
# nothing yet. Its loss, the cross-entropy, is close to $\ln 10 \approx 2.30$, the loss of a
# uniform guess.

# %%
probabilities, _ = network.forward(X_train[:3])
print(probabilities.round(2))
print(f"initial loss: {network.loss(X_train, y_train):.3f}   ln(10) = {np.log(10):.3f}")

# %% [markdown]
# ## Check the gradients before trusting them
#
# Training needs the gradient of the loss with respect to every one of the 2,410 parameters;
# `network.gradients` computes them all at once with backpropagation. A bug there does not
# crash: the network just learns badly. So compare a few of them with the slow, obvious
# definition of a derivative, the *central difference*
# $\frac{L(w + \varepsilon) - L(w - \varepsilon)}{2\varepsilon}$.
# (The guide's tests run the same check on every parameter of a smaller network.)

# %%
weight_gradients, _ = network.gradients(X_train[:50], y_train[:50])
eps = 1e-5
for i, j in [(10, 3), (20, 12), (43, 9)]:
    w0 = network.weights[0][i, j]
    network.weights[0][i, j] = w0 + eps
    loss_plus = network.loss(X_train[:50], y_train[:50])
    network.weights[0][i, j] = w0 - eps
    loss_minus = network.loss(X_train[:50], y_train[:50])
    network.weights[0][i, j] = w0
    numeric = (loss_plus - loss_minus) / (2 * eps)
    print(f"w[{i},{j}]: backprop {weight_gradients[0][i, j]:+.8f}   numerical {numeric:+.8f}")

# %% [markdown]
# ## Train the NumPy network
#
# `fit` runs mini-batch stochastic gradient descent: each epoch shuffles the training set, cuts
# it into batches of 32 images and, after each batch, moves every parameter a small step
# (the *learning rate*, 0.1) against its gradient. It returns the mean loss of each epoch.

# %%
EPOCHS, BATCH_SIZE, LEARNING_RATE = 30, 32, 0.1
numpy_losses = network.fit(
    X_train, y_train, epochs=EPOCHS, batch_size=BATCH_SIZE, learning_rate=LEARNING_RATE
)
numpy_accuracy = network.score(X_test, y_test)
print(f"loss: {numpy_losses[0]:.3f} after the first epoch, {numpy_losses[-1]:.3f} after the last")
print(f"NumPy network, test accuracy: {numpy_accuracy:.3f}")

# %% [markdown]
# ## The same network in Keras
#
# Keras builds the same architecture from two `Dense` layers. Keras initialises its weights
# differently (Glorot uniform), so the two networks start from different random points, but
# everything else matches: the same loss, plain SGD with the same learning rate, batch size
# and number of epochs.

# %%
twin = keras.Sequential(
    [
        keras.Input(shape=(64,)),
        keras.layers.Dense(32, activation="relu"),
        keras.layers.Dense(10, activation="softmax"),
    ]
)
twin.compile(
    optimizer=keras.optimizers.SGD(learning_rate=LEARNING_RATE),
    loss="sparse_categorical_crossentropy",
    metrics=["accuracy"],
)
history = twin.fit(X_train, y_train, epochs=EPOCHS, batch_size=BATCH_SIZE, verbose=0)
keras_loss, keras_accuracy = twin.evaluate(X_test, y_test, verbose=0)
print("Keras parameters:", twin.count_params())
print(f"Keras network, test accuracy: {keras_accuracy:.3f}")

# %% [markdown]
# ## Compare
#
# Same architecture, same optimiser, same data: the two networks should land within a few
# points of each other, and the loss curves should have the same shape.

# %%
difference = abs(numpy_accuracy - keras_accuracy)
print(f"NumPy {numpy_accuracy:.3f} | Keras {keras_accuracy:.3f} | difference {difference:.3f}")

# alt: Training loss per epoch, on a logarithmic scale, for the NumPy network and its Keras twin:
#      both curves fall steeply in the first few epochs, then slowly, and stay close together.
fig, ax = plt.subplots(figsize=(6, 3.5))
epochs = np.arange(1, EPOCHS + 1)
ax.plot(epochs, numpy_losses, label="NumPy (tutorials_lib.neural)")
ax.plot(epochs, history.history["loss"], "--", label="Keras")
ax.set_xlabel("epoch")
ax.set_ylabel("training loss (cross-entropy)")
ax.set_yscale("log")
ax.set_title("Two implementations of one network learn alike")
ax.legend()
plt.show()

# %% [markdown]
# The curves fall steeply for a few epochs and then slowly: each step of gradient descent
# finds less to correct. They are not identical, because the starting weights and the order
# of the batches differ, but they tell the same story. Nothing in Keras is magic: its `Dense`
# layer computes `activation(X @ W + b)`, and its automatic differentiation produces the same
# gradients you checked above, for any architecture, without you writing `backward` by hand.
#
# ## What you built, and where to go next
#
# - Change `MLP([64, 32, 10])` to `MLP([64, 10])` (no hidden layer: a softmax regression) or
#   to `MLP([64, 128, 64, 10])`, and the learning rate to 0.01 or 1.0, and watch the loss
#   curve. More layers do not always mean more accuracy.
# - Read [`tutorials_lib/neural.py`](../../reference/neural/): `forward`, `gradients` and
#   `fit` are the whole algorithm.
# - Next page: [Training networks with Keras](../../deep-learning/training-with-keras/):
#   validation, early stopping, regularisation and saving models.
# - Michael Nielsen's free book
#   [Neural Networks and Deep Learning](http://neuralnetworksanddeeplearning.com/), chapter 2,
#   derives backpropagation step by step; the Keras guide
#   [The Sequential model](https://keras.io/guides/sequential_model/) covers the Keras side.
