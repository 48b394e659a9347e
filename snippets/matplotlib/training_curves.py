"""Matplotlib quick start: one figure, one axes, two lines - accuracy as a model trains."""

import matplotlib.pyplot as plt
from sklearn.datasets import load_digits
from sklearn.linear_model import SGDClassifier
from sklearn.model_selection import train_test_split

X, y = load_digits(return_X_y=True)
# Lock a test set away, then keep part of the rest to validate on while the model trains.
X_rest, X_test, y_rest, y_test = train_test_split(X / 16, y, test_size=0.2, random_state=0)
X_train, X_val, y_train, y_val = train_test_split(X_rest, y_rest, test_size=0.25, random_state=0)

model = SGDClassifier(random_state=0)
epochs = list(range(1, 21))
train_accuracy, val_accuracy = [], []
for _ in epochs:  # one pass over the training data per epoch
    model.partial_fit(X_train, y_train, classes=list(range(10)))
    train_accuracy.append(model.score(X_train, y_train))
    val_accuracy.append(model.score(X_val, y_val))

fig, ax = plt.subplots(figsize=(7, 3.5))  # a Figure (the canvas) holding one Axes (the plot)
ax.plot(epochs, train_accuracy, marker="o", label="training set")
ax.plot(epochs, val_accuracy, marker="s", label="validation set")
ax.set_xlabel("epoch")
ax.set_ylabel("accuracy")
ax.set_title("A linear classifier learning to read digits")
ax.set_xticks(epochs[::2])
ax.grid(alpha=0.3)
ax.legend()
plt.show()
