"""Self-supervised learning: hide the bottom half of each digit and learn to fill it in."""

import matplotlib.pyplot as plt
import numpy as np
from sklearn.datasets import load_digits
from sklearn.linear_model import LinearRegression
from sklearn.model_selection import KFold

X, _ = load_digits(return_X_y=True)  # the labels are thrown away: "_"
X = X / 16

# The pretext task makes its own labels: input = top 4 rows, target = bottom 4 rows.
model_errors, average_errors = [], []
for train, test in KFold(n_splits=5, shuffle=True, random_state=0).split(X):
    top, bottom = X[train, :32], X[train, 32:]
    model = LinearRegression().fit(top, bottom)  # one linear regression per hidden pixel
    predicted = model.predict(X[test, :32]).clip(0, 1)
    model_errors.append(np.mean((predicted - X[test, 32:]) ** 2))
    # The baseline always guesses the average bottom half of the training images.
    average_errors.append(np.mean((bottom.mean(axis=0) - X[test, 32:]) ** 2))
print("Mean squared error over 5 folds (mean ± std):")
print(f"  guessing the average bottom half: {np.mean(average_errors):.3f} ± {np.std(average_errors):.3f}")
print(f"  self-supervised model:            {np.mean(model_errors):.3f} ± {np.std(model_errors):.3f}")

# Eight digits of the last test fold: the real image above, the top half plus the guess below.
real = X[test[:8]]
completed = np.hstack([real[:, :32], predicted[:8]])
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
