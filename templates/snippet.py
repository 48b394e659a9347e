"""Fit a model on a dataset that ships with scikit-learn and print its accuracy.

A snippet is a complete program: it runs alone in a fresh notebook, in a few seconds, and
prints rounded numbers so that its output is the same on every machine.
"""

from sklearn.datasets import load_iris
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split

X, y = load_iris(return_X_y=True)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=0, stratify=y)

model = LogisticRegression(max_iter=1000).fit(X_train, y_train)
print(f"test accuracy: {model.score(X_test, y_test):.2f}")
