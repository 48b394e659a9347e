"""Logistic regression: a straight boundary between two classes, with a probability for each point."""

import matplotlib.pyplot as plt
from sklearn.datasets import make_moons
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split

from tutorials_lib.plotting import plot_decision_boundary

X, y = make_moons(n_samples=500, noise=0.25, random_state=0)  # two interleaved half-moons
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=0, stratify=y)

model = LogisticRegression().fit(X_train, y_train)
w1, w2 = model.coef_[0]
print(f"Learned boundary: {w1:.2f} * x1 {w2:+.2f} * x2 {model.intercept_[0]:+.2f} = 0")
print(f"Test accuracy: {model.score(X_test, y_test):.3f}")
print(f"P(class 1) at (1.0, -0.5): {model.predict_proba([[1.0, -0.5]])[0, 1]:.2f}")
print(f"P(class 1) at (0.5, 0.25): {model.predict_proba([[0.5, 0.25]])[0, 1]:.2f}")

ax = plot_decision_boundary(model, X_test, y_test)
ax.set(xlabel="x1", ylabel="x2", title="Logistic regression: a straight boundary")
plt.show()
