"""Tree ensembles against a neural network, on a table of measurements and on images."""

import os

os.environ["KERAS_BACKEND"] = "jax"  # before importing Keras

import time

import keras
import matplotlib.pyplot as plt
import numpy as np
from sklearn.datasets import load_breast_cancer, load_digits
from sklearn.ensemble import HistGradientBoostingClassifier, RandomForestClassifier
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from threadpoolctl import threadpool_limits  # installed with scikit-learn

keras.utils.set_random_seed(0)


def make_mlp(n_features, n_classes):
    """A small multilayer perceptron: every number here is a setting someone had to choose."""
    model = keras.Sequential(
        [
            keras.Input(shape=(n_features,)),
            keras.layers.Dense(64, activation="relu"),
            keras.layers.Dense(32, activation="relu"),
            keras.layers.Dense(n_classes, activation="softmax"),
        ]
    )
    model.compile(
        optimizer=keras.optimizers.Adam(learning_rate=1e-3),
        loss="sparse_categorical_crossentropy",
        metrics=["accuracy"],
    )
    return model


# Settings chosen by hand for the network: layers, units, activation, optimiser, learning rate,
# loss, epochs, batch size, input scaling. The tree ensembles run on their defaults.
MLP_SETTINGS_CHOSEN = 9
datasets = {
    "breast cancer (table)": load_breast_cancer(return_X_y=True),
    "digits (8x8 images)": load_digits(return_X_y=True),
}
names = ["random forest", "gradient boosting", "Keras MLP"]
accuracy, seconds = {}, {}

# One CPU thread for the libraries that would use several: the timings then compare the
# algorithms rather than the core counts (and stay sane on a busy machine).
with threadpool_limits(limits=1):
    for dataset, (X, y) in datasets.items():
        X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=0, stratify=y)
        scaler = StandardScaler().fit(X_train)  # the network needs scaled inputs; trees do not
        models = {
            "random forest": RandomForestClassifier(random_state=0),
            "gradient boosting": HistGradientBoostingClassifier(random_state=0),
            "Keras MLP": make_mlp(X.shape[1], len(np.unique(y))),
        }
        for name, model in models.items():
            start = time.perf_counter()
            if name == "Keras MLP":
                model.fit(scaler.transform(X_train), y_train, epochs=20, batch_size=32, verbose=0)
                predicted = model.predict(scaler.transform(X_test), verbose=0).argmax(axis=1)
            else:
                predicted = model.fit(X_train, y_train).predict(X_test)
            seconds[dataset, name] = time.perf_counter() - start
            right, n = (predicted == y_test).sum(), len(y_test)  # test examples predicted correctly
            accuracy[dataset, name] = right / n
            print(f"{dataset:22} {name:18} accuracy {right / n:.2f} ({right} of {n} right)")
        mlp = models["Keras MLP"]
        print(
            f"{'':22} MLP weights learned: {mlp.count_params():,}; "
            f"MLP settings chosen by hand: {MLP_SETTINGS_CHOSEN}; ensembles: 0 (defaults)"
        )
        faster = seconds[dataset, "random forest"] * 2 < seconds[dataset, "Keras MLP"]
        print(f"{'':22} random forest trained at least 2x faster than the MLP: {faster}")

# Timings depend on the machine, so they go into the figure, not into the checked output.
fig, (left, right) = plt.subplots(1, 2, figsize=(10, 3.8))
positions = np.arange(len(datasets))
for offset, name in zip([-0.27, 0, 0.27], names, strict=True):
    left.bar(positions + offset, [accuracy[d, name] for d in datasets], width=0.27, label=name)
    right.bar(positions + offset, [seconds[d, name] for d in datasets], width=0.27, label=name)
left.set_ylim(0.8, 1.04)
left.set_ylabel("test accuracy")
right.set_ylabel("seconds to train and predict")
right.set_title("timings from the machine that built this page", fontsize=9)
for ax in (left, right):
    ax.set_xticks(positions, list(datasets))
left.legend(loc="upper center", ncol=3, fontsize=8)
fig.tight_layout()
plt.show()
