import os

os.environ["KERAS_BACKEND"] = "jax"

import keras
import numpy as np

from tutorials_lib.data import load_digits_split

keras.utils.set_random_seed(0)
X_train, X_test, y_train, y_test = load_digits_split(test_size=0.25, seed=0)
X_fit, y_fit, X_val, y_val = X_train[:1000], y_train[:1000], X_train[1000:], y_train[1000:]
inits = {
    "too small (0.01)": lambda: keras.initializers.RandomNormal(stddev=0.01),
    "too large (1.0)": lambda: keras.initializers.RandomNormal(stddev=1.0),
    "Glorot": lambda: keras.initializers.GlorotNormal(),
    "He": lambda: keras.initializers.HeNormal(),
}
COPIES = 3  # each copy draws other initial weights


def network(pixels, activation, make_init, name):
    """Eight hidden layers of 64 units, all initialised the same way, and a 10-score output."""
    x = pixels
    for _ in range(8):
        x = keras.layers.Dense(64, activation=activation, kernel_initializer=make_init())(x)
    return keras.layers.Dense(10, kernel_initializer=make_init(), name=name)(x)


# All 24 networks side by side in one model: one compiled training step, independent losses.
pixels = keras.Input(shape=(64,))
names = [(a, i, c) for a in ("tanh", "relu") for i in inits for c in range(COPIES)]
outputs = [network(pixels, a, inits[i], f"n{k}") for k, (a, i, c) in enumerate(names)]
model = keras.Model(pixels, outputs)
model.compile(
    optimizer=keras.optimizers.SGD(learning_rate=0.02, momentum=0.9),
    loss=[keras.losses.SparseCategoricalCrossentropy(from_logits=True)] * len(outputs),
    metrics=[["accuracy"]] * len(outputs),
)


def on_validation():
    """The loss and the accuracy of every network on the validation images."""
    result = model.evaluate(X_val, [y_val] * len(outputs), batch_size=len(X_val), verbose=0, return_dict=True)
    return [(result[f"n{k}_loss"], result[f"n{k}_accuracy"]) for k in range(len(names))]


def spread(values):
    """Mean ± std, with 2 decimals (in powers of ten above 1,000)."""
    mean, std = np.mean(values), np.std(values)
    return f"{mean:9.1e} ± {std:.0e}" if mean > 1000 else f"{mean:9.2f} ± {std:.2f} "


at_start = on_validation()
history = model.fit(X_fit, [y_fit] * len(outputs), epochs=10, batch_size=100, verbose=0).history
at_end = on_validation()
print(f"mean ± std of {COPIES} copies; ln(10) = {np.log(10):.2f} is the loss of an even guess")
print(f"{'':22}  validation loss   training loss after   validation accuracy")
print(f"{'':22}  at the start      10 epochs             after 10 epochs")
for k in range(0, len(names), COPIES):
    activation, init, _ = names[k]
    start = np.array([loss for loss, _ in at_start[k : k + COPIES]])
    end = np.array([history[f"n{j}_loss"][-1] for j in range(k, k + COPIES)])
    accuracy = np.array([acc for _, acc in at_end[k : k + COPIES]])
    print(f"{activation:4} {init:17} {spread(start)}   {spread(end)}   {spread(accuracy)}")
