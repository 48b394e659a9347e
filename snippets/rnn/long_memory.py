import os

os.environ["KERAS_BACKEND"] = "jax"

import keras
import numpy as np

keras.utils.set_random_seed(0)
rng = np.random.default_rng(0)
STEPS = 100


def make_sequences(n):
    """100 random values of +1 or -1; a marker channel flags one step, whose value is the label."""
    X = np.zeros((n, STEPS, 2), dtype="float32")
    X[:, :, 0] = rng.choice([-1.0, 1.0], size=(n, STEPS))  # channel 0: every value looks alike
    position = rng.integers(0, STEPS, size=n)  # the marked step, anywhere in the sequence
    X[np.arange(n), position, 1] = 1.0  # channel 1: 1 at the marked step, 0 elsewhere
    y = (X[np.arange(n), position, 0] > 0).astype("int64")  # label: was the marked value +1?
    return X, y


X_train, y_train = make_sequences(1000)
X_test, y_test = make_sequences(500)

for layer in [keras.layers.SimpleRNN(16), keras.layers.LSTM(16)]:
    output = keras.layers.Dense(1, activation="sigmoid")
    model = keras.Sequential([keras.Input(shape=(STEPS, 2)), layer, output])
    optimizer = keras.optimizers.Adam(0.01, clipnorm=1.0)  # clip large gradients
    model.compile(optimizer=optimizer, loss="binary_crossentropy", metrics=["accuracy"])
    history = model.fit(X_train, y_train, epochs=20, batch_size=32, verbose=0)
    accuracy = model.evaluate(X_test, y_test, verbose=0)[1]
    print(
        f"{type(layer).__name__:9} {model.count_params():>4} parameters, "
        f"training accuracy by epoch {[round(a, 2) for a in history.history['accuracy'][::4]]}, "
        f"test accuracy: {accuracy:.3f}"
    )
