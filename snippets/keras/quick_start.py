"""Keras quick start: a small neural network that reads handwritten digits."""

import os

os.environ["KERAS_BACKEND"] = "jax"  # choose the backend before importing Keras

import keras
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split

keras.utils.set_random_seed(0)  # same initial weights and shuffling on every run

X, y = load_digits(return_X_y=True)  # 1797 images of 8 x 8 pixels, flattened to 64 values
X = (X / 16).astype("float32")  # scale pixels to 0..1
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=0, stratify=y)

# A model is layers connected together; Sequential stacks them in order.
model = keras.Sequential(
    [
        keras.Input(shape=(64,)),
        keras.layers.Dense(64, activation="relu"),
        keras.layers.Dropout(0.2),
        keras.layers.Dense(10, activation="softmax"),  # one probability per digit
    ]
)
print("trainable parameters:", model.count_params())

# compile: choose how to learn (optimiser), what to minimise (loss) and what to report (metrics).
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])

# fit: learn from the training data; 15% of it is held out to watch for overfitting.
history = model.fit(X_train, y_train, epochs=30, batch_size=32, validation_split=0.15, verbose=0)
print(
    f"after {len(history.history['loss'])} epochs: training accuracy "
    f"{history.history['accuracy'][-1]:.2f}, validation accuracy {history.history['val_accuracy'][-1]:.2f}"
)

# evaluate once on the test set, then predict probabilities for new images.
loss, accuracy = model.evaluate(X_test, y_test, verbose=0)
print(f"test accuracy: {accuracy:.2f}")
probabilities = model.predict(X_test[:3], verbose=0)
print("predicted digits:", probabilities.argmax(axis=1), "true digits:", y_test[:3])
print("backend:", keras.backend.backend())
