import os

os.environ["KERAS_BACKEND"] = "jax"

import keras
import numpy as np

keras.utils.set_random_seed(0)
rng = np.random.default_rng(0)
STEPS = 50


def make_sequences(n):
    """Sequences of 50 steps; the label is the sign of the FIRST value, the rest is noise."""
    X = np.zeros((n, STEPS, 2), dtype="float32")
    X[:, :, 0] = rng.normal(0, 0.3, size=(n, STEPS))  # channel 0: noise...
    y = rng.integers(0, 2, size=n)
    X[:, 0, 0] = np.where(y == 1, 1.0, -1.0)  # ...except the first value, +1 or -1
    X[:, 0, 1] = 1.0  # channel 1 marks the first step
    return X, y


X_train, y_train = make_sequences(1000)
X_test, y_test = make_sequences(500)

for layer in [keras.layers.SimpleRNN(16), keras.layers.LSTM(16)]:
    model = keras.Sequential([keras.Input(shape=(STEPS, 2)), layer, keras.layers.Dense(1, activation="sigmoid")])
    model.compile(optimizer=keras.optimizers.Adam(0.01), loss="binary_crossentropy", metrics=["accuracy"])
    history = model.fit(X_train, y_train, epochs=10, batch_size=64, verbose=0)
    accuracy = model.evaluate(X_test, y_test, verbose=0)[1]
    print(f"{type(layer).__name__:9} {model.count_params():>4} parameters, "
          f"training accuracy by epoch {[round(a, 2) for a in history.history['accuracy'][::3]]}, "
          f"test accuracy: {accuracy:.3f}")
