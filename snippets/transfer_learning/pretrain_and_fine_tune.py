import os

os.environ["KERAS_BACKEND"] = "jax"

import keras
import numpy as np

from tutorials_lib.data import load_digits_split

keras.utils.set_random_seed(0)
LABELS = 2  # labelled examples per digit
X_train, X_test, y_train, y_test = load_digits_split(test_size=0.25, seed=0)

# The task: read digits 5 to 9 from only 5 labelled examples of each.
new_train, new_test = y_train >= 5, y_test >= 5
few = np.concatenate([np.flatnonzero(new_train & (y_train == d))[:LABELS] for d in range(5, 10)])
X_few, y_few = X_train[few], y_train[few] - 5
X_eval, y_eval = X_test[new_test], y_test[new_test] - 5


def encoder():
    return keras.Sequential([keras.Input(shape=(64,)), keras.layers.Dense(64, activation="relu")])


def fine_tune(body, name, freeze=False):
    """Add a new output layer for digits 5-9 and train on the 25 labelled images."""
    body.trainable = not freeze  # a frozen body keeps its pretrained weights; only the new layer learns
    model = keras.Sequential([body, keras.layers.Dense(5, activation="softmax")])
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    model.fit(X_few, y_few, epochs=60, batch_size=8, verbose=0)
    accuracy = model.evaluate(X_eval, y_eval, verbose=0)[1]
    print(f"{name:44} test accuracy on digits 5-9: {accuracy:.3f}")
    return accuracy


# 1. From scratch: random weights, 25 labels.
scratch = fine_tune(encoder(), "from scratch")

# 2. Transfer: pretrain on the labelled digits 0-4 (a related task), keep the hidden layer.
body = encoder()
pretrain = keras.Sequential([body, keras.layers.Dense(5, activation="softmax")])
pretrain.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
pretrain.fit(X_train[~new_train], y_train[~new_train], epochs=20, batch_size=32, verbose=0)
transfer = fine_tune(body, "pretrained on digits 0-4")

# 3. Self-supervised: an autoencoder learns to rebuild all training images, with no labels.
body = encoder()
autoencoder = keras.Sequential([body, keras.layers.Dense(64, activation="sigmoid")])
autoencoder.compile(optimizer="adam", loss="mse")
autoencoder.fit(X_train, X_train, epochs=30, batch_size=32, verbose=0)
self_supervised = fine_tune(body, "autoencoder on all images (no labels)")

print(f"gain over training from scratch: transfer {transfer - scratch:+.3f}, "
      f"self-supervised {self_supervised - scratch:+.3f}")
