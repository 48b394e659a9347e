"""What each model can tell you about its decisions: feature importances on the breast cancer data."""

import os

os.environ["KERAS_BACKEND"] = "jax"

import keras
import numpy as np
from sklearn.datasets import load_breast_cancer
from sklearn.ensemble import RandomForestClassifier
from sklearn.inspection import permutation_importance
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

keras.utils.set_random_seed(0)
data = load_breast_cancer()
X_train, X_test, y_train, y_test = train_test_split(
    data.data, data.target, test_size=0.25, random_state=0, stratify=data.target
)
scaler = StandardScaler().fit(X_train)


def top3(scores):
    return ", ".join(data.feature_names[i] for i in np.argsort(scores)[::-1][:3])


# The forest records how much each feature reduced impurity in its trees: free, but only for trees.
forest = RandomForestClassifier(random_state=0).fit(X_train, y_train)
print("forest, built-in importances:     ", top3(forest.feature_importances_))

# Permutation importance works for any model: shuffle one column, measure how much accuracy drops.
result = permutation_importance(forest, X_test, y_test, n_repeats=5, random_state=0)
print(
    "forest, permutation importance:   ",
    top3(result.importances_mean),
    f"(largest accuracy drop {result.importances_mean.max():.3f})",
)

network = keras.Sequential(
    [
        keras.Input(shape=(30,)),
        keras.layers.Dense(64, activation="relu"),
        keras.layers.Dense(32, activation="relu"),
        keras.layers.Dense(2, activation="softmax"),
    ]
)
network.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
network.fit(scaler.transform(X_train), y_train, epochs=20, batch_size=32, verbose=0)


def network_accuracy(model, X, y):
    """A scorer for permutation_importance: the network's accuracy on raw (unscaled) rows."""
    return (model.predict_on_batch(scaler.transform(X)).argmax(axis=1) == y).mean()


result = permutation_importance(
    network, X_test, y_test, scoring=network_accuracy, n_repeats=5, random_state=0
)
print(
    "network, permutation importance:  ",
    top3(result.importances_mean),
    f"(largest accuracy drop {result.importances_mean.max():.3f})",
)
