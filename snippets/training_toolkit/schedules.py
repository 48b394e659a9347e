import math
import os

os.environ["KERAS_BACKEND"] = "jax"

import keras
import matplotlib.pyplot as plt
import numpy as np
from keras import ops

from tutorials_lib.data import load_digits_split

X_train, X_test, y_train, y_test = load_digits_split(test_size=0.25, seed=0)
X_fit, y_fit, X_val, y_val = X_train[:1000], y_train[:1000], X_train[1000:], y_train[1000:]
COPIES, EPOCHS, BATCH = 3, 10, 100
STEPS = EPOCHS * len(X_fit) // BATCH  # 100 steps of training in all
PEAK, WARMUP = 0.1, 10


class OneCycle(keras.optimizers.schedules.LearningRateSchedule):
    """A two-phase one-cycle rate, the form of fastai's and PyTorch's OneCycleLR (a rise, then a
    cosine fall): here up in a straight line from PEAK / 25 for 30% of the steps, then along a
    cosine down to PEAK / 10,000 (PyTorch's default ends at PEAK / 250,000). The momentum is not
    cycled here."""

    def __init__(self, peak, total_steps):
        self.peak, self.total_steps = peak, total_steps

    def __call__(self, step):
        step = ops.cast(step, "float32")
        up = 0.3 * self.total_steps
        start, end = self.peak / 25, self.peak / 1e4
        rising = start + (self.peak - start) * step / up
        falling = end + (self.peak - end) * 0.5 * (
            1 + ops.cos(math.pi * (step - up) / (self.total_steps - up))
        )
        return ops.where(step < up, rising, falling)

    def get_config(self):
        return {"peak": self.peak, "total_steps": self.total_steps}


schedules = {
    "constant 0.1": lambda: PEAK,
    "warm-up + cosine": lambda: keras.optimizers.schedules.CosineDecay(
        initial_learning_rate=0.0, warmup_target=PEAK, warmup_steps=WARMUP, decay_steps=STEPS - WARMUP
    ),
    "one-cycle": lambda: OneCycle(PEAK, STEPS),
}
cosine = schedules["warm-up + cosine"]()
print(
    "warm-up + cosine rate at steps 0, 5, 10, 55, 100:",
    [round(float(cosine(s)), 4) for s in (0, 5, 10, 55, 100)],
)


def network(pixels, name):
    x = pixels
    for _ in range(3):
        x = keras.layers.Dense(64, activation="relu", kernel_initializer="he_normal")(x)
    return keras.layers.Dense(10, name=name)(x)


fig, (ax_rate, ax_acc) = plt.subplots(1, 2, figsize=(10, 3.6))
print(f"SGD with momentum 0.9, {EPOCHS} epochs; mean ± std of {COPIES} copies")
print(f"{'':18} training loss   validation accuracy")
for label, make_schedule in schedules.items():
    keras.utils.set_random_seed(0)  # the same initial weights and batches for every schedule
    pixels = keras.Input(shape=(64,))
    model = keras.Model(pixels, [network(pixels, f"copy{c}") for c in range(COPIES)])
    schedule = make_schedule()
    model.compile(
        optimizer=keras.optimizers.SGD(learning_rate=schedule, momentum=0.9),
        loss=[keras.losses.SparseCategoricalCrossentropy(from_logits=True)] * COPIES,
        metrics=[["accuracy"]] * COPIES,
    )
    history = model.fit(
        X_fit,
        [y_fit] * COPIES,
        epochs=EPOCHS,
        batch_size=BATCH,
        validation_data=(X_val, [y_val] * COPIES),
        verbose=0,
    ).history
    loss = np.array([history[f"copy{c}_loss"][-1] for c in range(COPIES)])
    acc = np.array([history[f"val_copy{c}_accuracy"] for c in range(COPIES)])  # (copies, epochs)
    print(
        f"{label:18} {loss.mean():.2f} ± {loss.std():.2f}     "
        f"{acc[:, -1].mean():.2f} ± {acc[:, -1].std():.2f}"
    )
    steps = np.arange(STEPS)
    rates = [float(schedule(s)) for s in steps] if callable(schedule) else [schedule] * STEPS
    ax_rate.plot(steps, rates, label=label)
    ax_acc.plot(np.arange(1, EPOCHS + 1), acc.mean(axis=0), marker="o", label=label)
ax_rate.set(xlabel="training step", ylabel="learning rate", title="The three schedules")
ax_acc.set(
    xlabel="epoch", ylabel="validation accuracy", title=f"Validation accuracy (mean of {COPIES} copies)"
)
ax_acc.legend(loc="lower right")
fig.tight_layout()
plt.show()
