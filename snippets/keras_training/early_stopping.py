import os

os.environ["KERAS_BACKEND"] = "jax"

import keras

from tutorials_lib.data import load_digits_split

keras.utils.set_random_seed(0)
X_train, X_test, y_train, y_test = load_digits_split(test_size=0.25, seed=0)

model = keras.Sequential(
    [
        keras.Input(shape=(64,)),
        keras.layers.Dense(64, activation="relu"),
        keras.layers.Dense(10, activation="softmax"),
    ]
)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])

# Stop when the validation loss has not improved for 5 epochs, and keep the best weights seen.
stop_early = keras.callbacks.EarlyStopping(monitor="val_loss", patience=5, restore_best_weights=True)
history = model.fit(
    X_train, y_train, epochs=200, batch_size=32, validation_split=0.2, callbacks=[stop_early], verbose=0
)
best_epoch = min(range(len(history.history["val_loss"])), key=history.history["val_loss"].__getitem__) + 1
epochs_run = len(history.history["loss"])
print(f"stopped after {epochs_run} of 200 epochs; best validation loss at epoch {best_epoch}")
print(f"test accuracy: {model.evaluate(X_test, y_test, verbose=0)[1]:.2f}")
