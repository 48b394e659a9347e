import os

os.environ["KERAS_BACKEND"] = "jax"

import keras
import matplotlib.pyplot as plt
import numpy as np

from tutorials_lib.data import load_digits_split

keras.utils.set_random_seed(0)
X_train, X_test, y_train, y_test = load_digits_split(test_size=0.25, seed=0)
X_fit, y_fit, X_val, y_val = X_train[:1000], y_train[:1000], X_train[1000:], y_train[1000:]
COPIES, EPOCHS = 3, 15


def network(pixels, norm, name):
    """Eight ReLU layers of 64 units, Keras' default (Glorot) initial weights, optional normalisation."""
    x = pixels
    for _ in range(8):
        x = keras.layers.Dense(64, use_bias=norm is None)(x)  # a norm layer's beta replaces the bias
        if norm == "batch norm":
            x = keras.layers.BatchNormalization()(x)  # momentum=0.99 for its moving averages
        elif norm == "batch norm, momentum 0.9":
            x = keras.layers.BatchNormalization(momentum=0.9)(x)  # averages that follow faster
        elif norm == "layer norm":
            x = keras.layers.LayerNormalization()(x)
        x = keras.layers.Activation("relu")(x)
    return keras.layers.Dense(10, name=name)(x)


variants = [None, "batch norm", "batch norm, momentum 0.9", "layer norm"]
pixels = keras.Input(shape=(64,))
outputs = [network(pixels, v, f"v{i}_copy{c}") for i, v in enumerate(variants) for c in range(COPIES)]
model = keras.Model(pixels, outputs)
model.compile(
    optimizer=keras.optimizers.SGD(learning_rate=0.02, momentum=0.9),
    loss=[keras.losses.SparseCategoricalCrossentropy(from_logits=True)] * len(outputs),
    metrics=[["accuracy"]] * len(outputs),
)
history = model.fit(
    X_fit,
    [y_fit] * len(outputs),
    epochs=EPOCHS,
    batch_size=100,
    validation_data=(X_val, [y_val] * len(outputs)),
    verbose=0,
).history

fig, (ax_loss, ax_acc) = plt.subplots(1, 2, figsize=(10, 3.6))
print(f"mean ± std of {COPIES} copies     training loss              validation accuracy")
print(f"{'':25}  epoch 3      epoch {EPOCHS}       epoch 3      epoch {EPOCHS}")
for i, variant in enumerate(variants):
    label = variant or "no normalisation"
    loss = np.array([history[f"v{i}_copy{c}_loss"] for c in range(COPIES)])  # (copies, epochs)
    acc = np.array([history[f"val_v{i}_copy{c}_accuracy"] for c in range(COPIES)])
    print(
        f"{label:25}  {loss[:, 2].mean():.2f} ± {loss[:, 2].std():.2f}  "
        f"{loss[:, -1].mean():.2f} ± {loss[:, -1].std():.2f}    "
        f"{acc[:, 2].mean():.2f} ± {acc[:, 2].std():.2f}  {acc[:, -1].mean():.2f} ± {acc[:, -1].std():.2f}"
    )
    epochs = np.arange(1, EPOCHS + 1)
    for ax, values in ((ax_loss, loss), (ax_acc, acc)):
        line = ax.plot(epochs, values.mean(axis=0), label=label)[0]
        ax.fill_between(epochs, values.min(axis=0), values.max(axis=0), color=line.get_color(), alpha=0.2)
ax_loss.set(xlabel="epoch", ylabel="training loss", title=f"Training loss (mean, band: {COPIES} copies)")
ax_acc.set(xlabel="epoch", ylabel="validation accuracy", title="Validation accuracy", ylim=(0, 1))
ax_acc.legend(loc="lower right")
fig.tight_layout()
plt.show()
