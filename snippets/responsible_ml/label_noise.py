"""Garbage in, garbage out: wrong labels in the training data lower accuracy on clean test data."""

import numpy as np
from sklearn.datasets import load_digits
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split

X, y = load_digits(return_X_y=True)
X = X / 16.0
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.3, random_state=0, stratify=y)
rng = np.random.default_rng(0)

for noise in [0.0, 0.2, 0.4, 0.6]:
    noisy = y_train.copy()
    flip = rng.random(len(noisy)) < noise  # this share of labels is replaced by a random digit
    noisy[flip] = rng.integers(0, 10, flip.sum())
    model = LogisticRegression(max_iter=2000).fit(X_train, noisy)
    wrong = (noisy != y_train).mean()
    print(f"{wrong:4.0%} of training labels wrong -> test accuracy {model.score(X_test, y_test):.3f}")

# Systematic errors hurt more than random ones: a labeller who always writes 7 for a 1.
biased = y_train.copy()
biased[(y_train == 1) & (rng.random(len(y_train)) < 0.6)] = 7
model = LogisticRegression(max_iter=2000).fit(X_train, biased)
ones = y_test == 1
print(f"60% of the 1s labelled 7 -> test accuracy {model.score(X_test, y_test):.3f}, "
      f"1s recognised {(model.predict(X_test[ones]) == 1).mean():.0%}")
