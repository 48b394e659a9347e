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

# Every network gets the same budget of 200 passes over the data; some stop before converging.
warnings.filterwarnings("ignore", category=ConvergenceWarning)
print("networks with hidden layers of 32 units: test accuracy, mean ± std over 3 random initialisations")
for n_layers in [1, 2, 4, 8, 16]:
    scores = [
        MLPClassifier(hidden_layer_sizes=[32] * n_layers, max_iter=200, random_state=seed)
        .fit(X_train, y_train)
        .score(X_test, y_test)
        for seed in range(3)
    ]
    print(f"number of hidden layers {n_layers:2}: {np.mean(scores):.3f} ± {np.std(scores):.3f}")
