import os

os.environ["KERAS_BACKEND"] = "jax"

import keras
import numpy as np

from tutorials_lib.data import load_digits_split

X_train, X_test, y_train, y_test = load_digits_split(test_size=0.25, seed=0)
X_batch, y_batch = X_train[:32], y_train[:32]  # one batch of 32 images
rng = np.random.default_rng(0)
pipelines = {
    "correct": (X_batch, y_batch),
    "labels shuffled (a bug)": (X_batch, rng.permutation(y_batch)),
    "pixels all zero (a bug)": (np.zeros_like(X_batch), y_batch),
}
COPIES = 3  # three small networks per pipeline, each from its own random initial weights
share = np.bincount(y_batch) / len(y_batch)
share = share[share > 0]
print(f"lowest loss possible without looking at the pixels: {-(share * np.log(share)).sum():.2f}")
print("training loss on one batch of 32 images before steps 1, 50 and 200; one triple per copy")
# All nine networks (three copies of each pipeline) side by side in one model, one input per
# pipeline: one compiled training step instead of three.
keras.utils.set_random_seed(0)
inputs = [keras.Input(shape=(64,), name=f"pipeline{p}") for p in range(len(pipelines))]
outputs = [
    keras.layers.Dense(10, name=f"p{p}_copy{c}")(keras.layers.Dense(64, activation="relu")(inputs[p]))
    for p in range(len(pipelines))
    for c in range(COPIES)
]
model = keras.Model(inputs, outputs)
model.compile(
    optimizer=keras.optimizers.Adam(0.01),
    loss=[keras.losses.SparseCategoricalCrossentropy(from_logits=True)] * len(outputs),
)
X_all = [X for X, _ in pipelines.values()]
y_all = [y for _, y in pipelines.values() for _ in range(COPIES)]
# One step per epoch on the whole batch, so each epoch's loss is the loss before that step.
history = model.fit(X_all, y_all, epochs=200, batch_size=32, verbose=0).history
for p, name in enumerate(pipelines):
    triples = [
        " ".join(f"{history[f'p{p}_copy{c}_loss'][step]:.2f}" for step in (0, 49, 199)) for c in range(COPIES)
    ]
    print(f"{name:24} " + "   ".join(triples))
