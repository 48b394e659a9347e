import os

os.environ["KERAS_BACKEND"] = "jax"

import keras
import numpy as np

from tutorials_lib.data import load_digits_split

keras.utils.set_random_seed(0)
LABELS = 2  # labelled examples of each digit 5-9 in one draw
DRAWS = 6  # independent random draws of those labelled examples
X_train, X_test, y_train, y_test = load_digits_split(test_size=0.25, seed=0)
old = y_train < 5  # the digits 0-4, used only for pretraining
X_eval, y_eval = X_test[y_test >= 5], y_test[y_test >= 5] - 5  # the task: read the digits 5-9


def network():
    """64 pixels -> 64 hidden ReLU units (the part that is transferred) -> 5 outputs."""
    return keras.Sequential(
        [
            keras.Input(shape=(64,)),
            keras.layers.Dense(64, activation="relu"),
            keras.layers.Dense(5, activation="softmax"),
        ]
    )


# JAX compiles a model's training step once, which costs more than training on 10 images: one
# compiled network serves the pretraining and every fine-tuning run.
model = network()
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.optimizer.build(model.trainable_variables)
optimizer_start = [v.numpy() for v in model.optimizer.variables]


def train(weights, X, y, epochs, batch_size):
    """Train from `weights` with a fresh optimiser; every layer is trained (nothing frozen)."""
    model.set_weights(weights)
    for variable, value in zip(model.optimizer.variables, optimizer_start, strict=True):
        variable.assign(value)
    model.fit(X, y, epochs=epochs, batch_size=batch_size, verbose=0)
    return model.get_weights()


# Transfer: pretrain on the labelled digits 0-4 (a related task), keep the hidden layer.
# ([:672] keeps whole batches of 32, so the compiled training step is reused.)
pretrained = train(network().get_weights(), X_train[old][:672], y_train[old][:672], epochs=20, batch_size=32)

# Self-supervised: an autoencoder learns to rebuild all training images, with no labels.
autoencoder = keras.Sequential([network().layers[0], keras.layers.Dense(64, activation="sigmoid")])
autoencoder.compile(optimizer="adam", loss="mse")
autoencoder.fit(X_train, X_train, epochs=30, batch_size=32, verbose=0)
encoder = autoencoder.layers[0].get_weights()

scores = {"from scratch": [], "pretrained on digits 0-4": [], "autoencoder on all images (no labels)": []}
for draw in range(DRAWS):
    rng = np.random.default_rng(draw)
    few = np.concatenate(
        [rng.choice(np.flatnonzero(y_train == d), LABELS, replace=False) for d in range(5, 10)]
    )
    fresh = network().get_weights()  # new random weights for this draw: hidden layer, then output layer
    starts = {
        "from scratch": fresh,
        "pretrained on digits 0-4": pretrained[:2] + fresh[2:],  # pretrained hidden layer, new output layer
        "autoencoder on all images (no labels)": encoder + fresh[2:],
    }
    for name, weights in starts.items():
        train(weights, X_train[few], y_train[few] - 5, epochs=100, batch_size=len(few))
        predicted = keras.ops.convert_to_numpy(model(X_eval)).argmax(axis=1)
        scores[name].append(np.mean(predicted == y_eval))

print(f"test accuracy on digits 5-9, {LABELS} labels per digit, mean ± std over {DRAWS} draws")
for name, accuracy in scores.items():
    low, high = min(accuracy), max(accuracy)
    print(f"{name:38} {np.mean(accuracy):.2f} ± {np.std(accuracy):.2f}   (range {low:.2f} to {high:.2f})")
for name in list(scores)[1:]:
    gain = np.array(scores[name]) - np.array(scores["from scratch"])  # on the same draws
    print(f"gain over from scratch: {name:38} {gain.mean():+.2f} ± {gain.std():.2f}")
