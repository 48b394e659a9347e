import os

os.environ["KERAS_BACKEND"] = "jax"

import keras
import matplotlib.pyplot as plt

from tutorials_lib.data import load_digits_split

keras.utils.set_random_seed(0)
X_train, X_test, y_train, y_test = load_digits_split(test_size=0.25, seed=0)
# Few examples and a big network: the recipe for overfitting.
X_small, y_small = X_train[:200], y_train[:200]
X_val, y_val = X_train[200:600], y_train[200:600]


def build(dropout=0.0, l2=0.0):
    regulariser = keras.regularizers.L2(l2) if l2 else None
    return keras.Sequential(
        [
            keras.Input(shape=(64,)),
            keras.layers.Dense(128, activation="relu", kernel_regularizer=regulariser),
            keras.layers.Dropout(dropout),
            keras.layers.Dense(128, activation="relu", kernel_regularizer=regulariser),
            keras.layers.Dropout(dropout),
            keras.layers.Dense(10, activation="softmax"),
        ]
    )


variants = {"no regularisation": build(), "dropout 0.5": build(dropout=0.5), "L2 weight decay 0.01": build(l2=0.01)}
fig, axes = plt.subplots(1, 3, figsize=(12, 3.4), sharey=True)
for ax, (name, model) in zip(axes, variants.items()):
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    history = model.fit(X_small, y_small, epochs=60, batch_size=32, validation_data=(X_val, y_val), verbose=0)
    ax.plot(history.history["accuracy"], label="training")
    ax.plot(history.history["val_accuracy"], label="validation")
    ax.set_title(name)
    ax.set_xlabel("epoch")
    train_accuracy, val_accuracy = history.history["accuracy"][-1], history.history["val_accuracy"][-1]
    print(f"{name:22} training accuracy {train_accuracy:.3f}, validation accuracy {val_accuracy:.3f}, "
          f"gap {train_accuracy - val_accuracy:.3f}")
axes[0].set_ylabel("accuracy")
axes[0].set_ylim(0.7, 1.01)
axes[0].legend(loc="lower right")
fig.tight_layout()
plt.show()
