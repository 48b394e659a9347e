import os

os.environ["KERAS_BACKEND"] = "jax"

import keras
import matplotlib.pyplot as plt
import numpy as np

from tutorials_lib.data import load_digits_split

X_train, X_test, y_train, y_test = load_digits_split(test_size=0.25, seed=0)
images_train, images_test = (
    X_train.reshape(-1, 8, 8, 1),
    X_test.reshape(-1, 8, 8, 1),
)  # height, width, channels


def build_cnn():
    return keras.Sequential(
        [
            keras.Input(shape=(8, 8, 1)),
            keras.layers.Conv2D(16, kernel_size=3, padding="same", activation="relu"),  # 16 filters of 3x3
            keras.layers.MaxPooling2D(pool_size=2),  # 8x8 -> 4x4
            keras.layers.Conv2D(32, kernel_size=3, padding="same", activation="relu"),
            keras.layers.MaxPooling2D(pool_size=2),  # 4x4 -> 2x2
            keras.layers.Flatten(),
            keras.layers.Dense(10, activation="softmax"),
        ]
    )


def build_mlp():
    return keras.Sequential(
        [
            keras.Input(shape=(64,)),
            keras.layers.Dense(64, activation="relu"),
            keras.layers.Dense(10, activation="softmax"),
        ]
    )


# One training run is one draw of the random initial weights: train each network from 3 seeds.
for name, build, train, test in [
    ("MLP", build_mlp, X_train, X_test),
    ("CNN", build_cnn, images_train, images_test),
]:
    scores = []
    for seed in [0, 1, 2]:
        keras.utils.set_random_seed(seed)
        model = build()
        model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
        model.fit(train, y_train, epochs=30, batch_size=32, verbose=0)
        scores.append(model.evaluate(test, y_test, verbose=0)[1])
    mean, std = np.mean(scores), np.std(scores)
    print(f"{name}: {model.count_params():>5} parameters, test accuracy: {mean:.2f} ± {std:.2f} over 3 seeds")
cnn = model  # the last CNN trained (seed 2), whose first layer we draw below

# The 16 filters the first layer learned, and what each one sees in a test digit.
filters = keras.ops.convert_to_numpy(cnn.layers[0].kernel)  # shape (3, 3, 1, 16)
first_layer = keras.Model(inputs=cnn.inputs[0], outputs=cnn.layers[0].output)
maps = first_layer.predict(images_test[:1], verbose=0)[0]  # shape (8, 8, 16)
fig, axes = plt.subplots(2, 16, figsize=(14, 2.2))
for k in range(16):
    limit = abs(filters[:, :, 0, k]).max()
    axes[0, k].imshow(filters[:, :, 0, k], cmap="coolwarm", vmin=-limit, vmax=limit)  # red +, blue -
    axes[1, k].imshow(maps[:, :, k], cmap="magma")
    axes[0, k].set_title(f"{k}", fontsize=8)
for ax in axes.flat:
    ax.set_axis_off()
fig.suptitle(
    f"Learned 3x3 filters (top) and their feature maps for a test digit {y_test[0]} (bottom)", fontsize=10
)
plt.show()
