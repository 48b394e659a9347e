import os

os.environ["KERAS_BACKEND"] = "jax"

import keras
import numpy as np

from tutorials_lib.data import load_digits_split

X_train, X_test, y_train, y_test = load_digits_split(test_size=0.25, seed=0)
print(f"expected loss of an even guess over 10 classes: ln(10) = {np.log(10):.2f}")
for scale in [1.0, 10.0]:  # the output layer's initial weights: Keras' default, then 10 times larger
    losses = []
    for seed in range(3):
        keras.utils.set_random_seed(seed)
        model = keras.Sequential(
            [keras.Input(shape=(64,)), keras.layers.Dense(64, activation="relu"), keras.layers.Dense(10)]
        )
        kernel = model.layers[-1].kernel
        kernel.assign(kernel * scale)
        scores = model(X_train)  # one forward pass, no training
        losses.append(keras.losses.SparseCategoricalCrossentropy(from_logits=True)(y_train, scores))
    print(
        f"output weights x{scale:<4g} loss before training, 3 seeds: "
        + "  ".join(f"{float(v):.2f}" for v in losses)
    )
