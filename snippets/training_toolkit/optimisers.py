import os

os.environ["KERAS_BACKEND"] = "jax"

import keras
import matplotlib.pyplot as plt
import numpy as np

from tutorials_lib.data import load_digits_split

X_train, X_test, y_train, y_test = load_digits_split(test_size=0.25, seed=0)
X_fit, y_fit, X_val, y_val = X_train[:1000], y_train[:1000], X_train[1000:], y_train[1000:]
COPIES, EPOCHS = 3, 10
RATES = [0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0]  # one grid for all, about a factor of 3 apart
optimisers = {
    "SGD": lambda: keras.optimizers.SGD(),
    "SGD + momentum 0.9": lambda: keras.optimizers.SGD(momentum=0.9),
    "Adam": lambda: keras.optimizers.Adam(),
    "AdamW (decay 0.004)": lambda: keras.optimizers.AdamW(),  # weight_decay=0.004 by default
}


def network(pixels, name):
    x = pixels
    for _ in range(3):
        x = keras.layers.Dense(64, activation="relu", kernel_initializer="he_normal")(x)
    return keras.layers.Dense(10, name=name)(x)


accuracy = {}  # (optimiser, rate) -> validation accuracy of each copy
for name, make_optimiser in optimisers.items():
    keras.utils.set_random_seed(0)  # the same 3 sets of initial weights for every optimiser
    pixels = keras.Input(shape=(64,))
    outputs = [network(pixels, f"copy{c}") for c in range(COPIES)]
    model = keras.Model(pixels, outputs)
    model.compile(
        optimizer=make_optimiser(),
        loss=[keras.losses.SparseCategoricalCrossentropy(from_logits=True)] * COPIES,
        metrics=[["accuracy"]] * COPIES,
    )
    initial_weights = model.get_weights()
    for rate in RATES:
        # Compiling costs more than these short runs, so each optimiser is compiled once and
        # reset between rates: initial weights back, optimiser state (moments, step count) zeroed.
        model.set_weights(initial_weights)
        for variable in model.optimizer.variables:
            variable.assign(np.zeros(variable.shape, variable.dtype))
        model.optimizer.learning_rate.assign(rate)
        keras.utils.set_random_seed(1)  # the same order of mini-batches in every run
        model.fit(X_fit, [y_fit] * COPIES, epochs=EPOCHS, batch_size=100, verbose=0)
        result = model.evaluate(X_val, [y_val] * COPIES, batch_size=len(X_val), verbose=0, return_dict=True)
        accuracy[name, rate] = np.array([result[f"copy{c}_accuracy"] for c in range(COPIES)])

print(f"validation accuracy after {EPOCHS} epochs, mean ± std of {COPIES} copies")
print(f"{'learning rate':20}" + "".join(f"{rate:>13g}" for rate in RATES))
for name in optimisers:
    print(
        f"{name:20}"
        + "".join(f"  {accuracy[name, r].mean():.2f} ± {accuracy[name, r].std():.2f}" for r in RATES)
    )
print("each at its best rate:")
best = {name: max(RATES, key=lambda r: accuracy[name, r].mean()) for name in optimisers}
for name, rate in best.items():
    print(f"  {name:20} rate {rate:<6g} {accuracy[name, rate].mean():.2f} ± {accuracy[name, rate].std():.2f}")
for a, b in [("Adam", "SGD + momentum 0.9"), ("AdamW (decay 0.004)", "Adam"), ("SGD", "SGD + momentum 0.9")]:
    difference = accuracy[a, best[a]] - accuracy[b, best[b]]  # paired: same initial weights
    print(f"{a} minus {b}, best against best: {difference.mean():+.3f} ± {difference.std():.3f}")

fig, ax = plt.subplots(figsize=(6.5, 3.8))
for name in optimisers:
    means = [accuracy[name, r].mean() for r in RATES]
    stds = [accuracy[name, r].std() for r in RATES]
    ax.errorbar(RATES, means, yerr=stds, marker="o", capsize=3, label=name)
ax.set(xscale="log", xlabel="learning rate", ylabel="validation accuracy", ylim=(0, 1))
ax.set_title(f"{EPOCHS} epochs, mean ± std of {COPIES} copies")
ax.legend(loc="lower left", fontsize=8)
fig.tight_layout()
plt.show()
