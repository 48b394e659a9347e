import os

os.environ["KERAS_BACKEND"] = "jax"  # before importing Keras

import keras

from tutorials_lib.data import load_digits_split

keras.utils.set_random_seed(0)
X_train, X_test, y_train, y_test = load_digits_split(test_size=0.25, seed=0)

# 1. Define: a stack of layers, input first.
model = keras.Sequential(
    [
        keras.Input(shape=(64,)),
        keras.layers.Dense(64, activation="relu"),
        keras.layers.Dense(10, activation="softmax"),
    ]
)
# 2. Compile: choose the optimiser, the loss to minimise and the metrics to report.
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
# 3. Fit: 20 passes over the data; 20% of the training set is held out to validate each epoch.
history = model.fit(X_train, y_train, epochs=20, batch_size=32, validation_split=0.2, verbose=0)
# 4. Evaluate on the test set, once, at the end.
test_loss, test_accuracy = model.evaluate(X_test, y_test, verbose=0)

print("epochs run:", len(history.history["loss"]))
print(
    f"last epoch: training accuracy {history.history['accuracy'][-1]:.2f}, "
    f"validation accuracy {history.history['val_accuracy'][-1]:.2f}"
)
print(f"test accuracy: {test_accuracy:.2f}")
