"""More layers, same data, same training budget: is the deeper network more accurate?"""

import warnings

import numpy as np
from sklearn.datasets import load_digits
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.neural_network import MLPClassifier

X, y = load_digits(return_X_y=True)
X = X / 16.0
# A small training set (300 images), as in many real projects; 1,497 images to test on.
X_train, X_test, y_train, y_test = train_test_split(X, y, train_size=300, random_state=0, stratify=y)

baseline = LogisticRegression(max_iter=1000).fit(X_train, y_train)
print(f"baseline, no hidden layer (logistic regression): test accuracy {baseline.score(X_test, y_test):.3f}")

# Every network gets the same budget of at most 200 passes over the data (epochs). Training stops
# sooner if the training loss has not improved for 10 epochs in a row (n_iter_no_change=10).
warnings.filterwarnings("ignore", category=ConvergenceWarning)
print("networks with hidden layers of 32 units, each trained from 3 random initial weights")
print("hidden  test accuracy   each run: epochs  training accuracy  test accuracy")
print("layers  mean ± std")
for n_layers in [1, 2, 4, 8, 16]:
    runs = []
    for seed in range(3):
        net = MLPClassifier(hidden_layer_sizes=[32] * n_layers, max_iter=200, random_state=seed)
        net.fit(X_train, y_train)
        runs.append((net.n_iter_, net.score(X_train, y_train), net.score(X_test, y_test)))
    test = [test_accuracy for _, _, test_accuracy in runs]
    summary = f"{n_layers:6}  {np.mean(test):.3f} ± {np.std(test):.3f}"
    for epochs, train_accuracy, test_accuracy in runs:
        print(f"{summary:24}{epochs:16}  {train_accuracy:17.3f}  {test_accuracy:13.3f}")
        summary = ""
