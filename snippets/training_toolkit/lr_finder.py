import os

os.environ["KERAS_BACKEND"] = "jax"

import keras
import matplotlib.pyplot as plt
import numpy as np

from tutorials_lib.data import load_digits_split

keras.utils.set_random_seed(0)
X_train, X_test, y_train, y_test = load_digits_split(test_size=0.25, seed=0)
X_fit, y_fit = X_train[:1000], y_train[:1000]
COPIES = 3


class LRFinder(keras.callbacks.Callback):
    """Multiply the learning rate by the same factor before every batch, and record each batch's loss.

    fit() runs one batch per "epoch" (steps_per_epoch=1): the loss Keras reports to callbacks is averaged
    since the start of the epoch, so at the end of a one-batch epoch it is the loss of that batch alone.
    """

    def __init__(self, start=1e-4, stop=10.0, steps=100):
        super().__init__()
        self.start, self.factor, self.steps = start, (stop / start) ** (1 / steps), steps
        self.rates, self.losses = [], []

    def on_epoch_begin(self, epoch, logs=None):
        self.rates.append(self.start * self.factor**epoch)
        self.model.optimizer.learning_rate.assign(self.rates[-1])

    def on_epoch_end(self, epoch, logs=None):
        self.losses.append([logs[f"copy{c}_loss"] for c in range(COPIES)])
        if np.all(np.array(self.losses[-1]) > 4 * np.min(self.losses, axis=0)):
            self.model.stop_training = True  # every copy's loss has blown up: no need to go higher


def network(pixels, name):
    x = pixels
    for _ in range(3):
        x = keras.layers.Dense(64, activation="relu", kernel_initializer="he_normal")(x)
    return keras.layers.Dense(10, name=name)(x)


pixels = keras.Input(shape=(64,))
model = keras.Model(pixels, [network(pixels, f"copy{c}") for c in range(COPIES)])
model.compile(
    optimizer=keras.optimizers.SGD(momentum=0.9),
    loss=[keras.losses.SparseCategoricalCrossentropy(from_logits=True)] * COPIES,
)
finder = LRFinder()
model.fit(
    X_fit,
    [y_fit] * COPIES,
    epochs=finder.steps,
    steps_per_epoch=1,
    batch_size=100,
    callbacks=[finder],
    verbose=0,
)

rates, losses = np.array(finder.rates), np.array(finder.losses)  # losses: (steps, copies)
# Smooth each curve with a moving average of 5 batches before reading its minimum.
smooth = np.array([np.convolve(losses[:, c], np.ones(5) / 5, mode="valid") for c in range(COPIES)]).T
at_min = rates[2:-2][smooth.argmin(axis=0)]
print(f"rates from {rates[0]:g} to {rates[-1]:.2g} in {len(rates)} batches")
print("rate at the lowest smoothed loss, per copy:", [f"{r:.2g}" for r in at_min])
print(f"a tenth of it (the usual pick): {np.median(at_min) / 10:.2g}")

fig, ax = plt.subplots(figsize=(6.5, 3.8))
for c in range(COPIES):
    line = ax.plot(rates, losses[:, c], alpha=0.3)[0]
    ax.plot(rates[2:-2], smooth[:, c], color=line.get_color(), label=f"copy {c} (smoothed)")
ax.axhline(np.log(10), color="grey", linestyle=":", label="ln 10, an even guess")
ax.set(xscale="log", xlabel="learning rate (raised after every batch)", ylabel="training loss of the batch")
ax.set(ylim=(0, 5), title="Learning-rate range test, SGD with momentum 0.9")
ax.legend(fontsize=8)
fig.tight_layout()
plt.show()
