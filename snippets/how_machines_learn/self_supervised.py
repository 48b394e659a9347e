"""Self-supervised learning: hide the bottom half of each digit and learn to fill it in."""

import matplotlib.pyplot as plt
import numpy as np
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split
from sklearn.neural_network import MLPRegressor

X, _ = load_digits(return_X_y=True)  # the labels are thrown away: "_"
X = X / 16
X_train, X_test = train_test_split(X, test_size=0.25, random_state=0)

# The pretext task makes its own labels: input = top 4 rows, target = bottom 4 rows.
top, bottom = X_train[:, :32], X_train[:, 32:]
model = MLPRegressor(hidden_layer_sizes=(32,), max_iter=500, random_state=0)
model.fit(top, bottom)

predicted = model.predict(X_test[:, :32]).clip(0, 1)
model_error = np.mean((predicted - X_test[:, 32:]) ** 2)
average_error = np.mean((bottom.mean(axis=0) - X_test[:, 32:]) ** 2)  # always guess the average
print(f"Mean squared error, guessing the average bottom half: {average_error:.3f}")
print(f"Mean squared error, self-supervised model:            {model_error:.3f}")

# Eight test digits: the real image above, the top half plus the model's guess below.
real = X_test[:8]
completed = np.hstack([X_test[:8, :32], predicted[:8]])
fig, axes = plt.subplots(2, 8, figsize=(8, 2.4))
for column in range(8):
    for row, image in enumerate([real[column], completed[column]]):
        axes[row, column].imshow(image.reshape(8, 8), cmap="gray_r", vmin=0, vmax=1)
        axes[row, column].axhline(3.5, color="tab:red", linewidth=1)
        axes[row, column].set_axis_off()
axes[0, 0].set_title("real", loc="left", fontsize=9)
axes[1, 0].set_title("top + guess", loc="left", fontsize=9)
fig.suptitle("Below the red line: the real bottom half (top row) and the model's guess (bottom row)")
plt.show()
