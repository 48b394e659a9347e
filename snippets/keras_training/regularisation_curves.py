import os

os.environ["KERAS_BACKEND"] = "jax"

import keras
import matplotlib.pyplot as plt
import numpy as np

from tutorials_lib.data import load_digits_split

keras.utils.set_random_seed(0)
X_train, X_test, y_train, y_test = load_digits_split(test_size=0.25, seed=0)
# Few examples and a big network: the recipe for overfitting.
X_small, y_small = X_train[:200], y_train[:200]
X_val, y_val = X_train[200:600], y_train[200:600]


def network(pixels, name, dropout=0.0, l2=0.0):
    """One network of two hidden layers of 128 units, from the input to a softmax output."""
    # An L2 penalty on the weights, added to the loss (AdamW's weight decay acts in the update instead).
    penalty = keras.regularizers.L2(l2) if l2 else None
    x = keras.layers.Dense(128, activation="relu", kernel_regularizer=penalty)(pixels)
    x = keras.layers.Dropout(dropout)(x)
    x = keras.layers.Dense(128, activation="relu", kernel_regularizer=penalty)(x)
    x = keras.layers.Dropout(dropout)(x)
    return keras.layers.Dense(10, activation="softmax", name=name)(x)


variants = {
    "no regularisation": {},
    "dropout 0.5": {"dropout": 0.5},
    "L2 penalty 0.01": {"l2": 0.01},
    "L2 penalty 0.001": {"l2": 0.001},
}
COPIES = 3  # each copy starts from other random weights: the spread between copies is the noise
# All the networks side by side in one model, so that Keras compiles the training step only once.
# Keras adds their losses, so each network's gradients come from its own loss alone.
pixels = keras.Input(shape=(64,))
outputs = [
    network(pixels, f"v{v}_copy{c}", **settings)
    for v, settings in enumerate(variants.values())
    for c in range(COPIES)
]
model = keras.Model(pixels, outputs)
model.compile(
    optimizer="adam",
    loss=["sparse_categorical_crossentropy"] * len(outputs),
    metrics=[["accuracy"]] * len(outputs),
)
history = model.fit(
    X_small,
    [y_small] * len(outputs),
    epochs=60,
    batch_size=32,
    validation_data=(X_val, [y_val] * len(outputs)),
    verbose=0,
).history

fig, axes = plt.subplots(1, len(variants), figsize=(13, 3.4), sharey=True)
print(f"{'':18} training accuracy  validation accuracy  (mean ± std of {COPIES} copies)")
mean_val = {}
for v, (ax, name) in enumerate(zip(axes, variants, strict=True)):
    final_train = [history[f"v{v}_copy{c}_accuracy"][-1] for c in range(COPIES)]
    final_val = [history[f"val_v{v}_copy{c}_accuracy"][-1] for c in range(COPIES)]
    print(
        f"{name:18} {np.mean(final_train):.2f} ± {np.std(final_train):.2f}      "
        f"{np.mean(final_val):.2f} ± {np.std(final_val):.2f}"
    )
    mean_val[name] = np.mean(final_val)
    ax.plot(history[f"v{v}_copy0_accuracy"], label="training")
    ax.plot(history[f"val_v{v}_copy0_accuracy"], label="validation")
    ax.set_title(name)
    ax.set_xlabel("epoch")
# The copies share their images, so their spread leaves out the noise of the validation sample.
# Every setting is scored on the same images, so compare them image by image: the difference in
# correctness on each image (averaged over the copies), and the standard error of its mean.
predicted = [probabilities.argmax(axis=1) for probabilities in model.predict(X_val, verbose=0)]
correct = [np.mean(predicted[v * COPIES : (v + 1) * COPIES] == y_val, axis=0) for v in range(len(variants))]
print(f"below the baseline on the same {len(y_val)} validation images (mean ± paired standard error)")
for v, name in enumerate(variants):
    if v > 0:
        difference = correct[0] - correct[v]  # one number per image
        standard_error = difference.std(ddof=1) / np.sqrt(len(difference))
        print(f"{name:18} {difference.mean():.3f} ± {standard_error:.3f}")
axes[0].set_ylabel("accuracy (first copy)")
axes[0].set_ylim(0.7, 1.01)
axes[0].legend(loc="lower right")
fig.tight_layout()
plt.show()
