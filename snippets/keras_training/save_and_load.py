import os

os.environ["KERAS_BACKEND"] = "jax"

import tempfile
from pathlib import Path

import keras
import numpy as np

from tutorials_lib.data import load_digits_split

keras.utils.set_random_seed(0)
X_train, X_test, y_train, y_test = load_digits_split(test_size=0.25, seed=0)
model = keras.Sequential(
    [
        keras.Input(shape=(64,)),
        keras.layers.Dense(32, activation="relu"),
        keras.layers.Dense(10, activation="softmax"),
    ]
)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(X_train, y_train, epochs=10, verbose=0)

folder = Path(tempfile.mkdtemp())  # in your project: a models/ folder next to your code
path = folder / "digits.keras"
model.save(path)  # architecture + weights + optimiser state, in one zip file
restored = keras.saving.load_model(path)

print("saved:", path.name, f"({path.stat().st_size // 1024} KiB)")
print("same predictions:", np.allclose(model.predict(X_test, verbose=0), restored.predict(X_test, verbose=0)))
print(f"test accuracy of the restored model: {restored.evaluate(X_test, y_test, verbose=0)[1]:.2f}")
