"""From scratch: linear regression by gradient descent in NumPy, checked against scikit-learn."""

import numpy as np
from sklearn.linear_model import LinearRegression

rng = np.random.default_rng(0)
X = rng.normal(size=(200, 3))
true_weights, true_bias = np.array([2.0, -1.0, 0.5]), 4.0
y = X @ true_weights + true_bias + rng.normal(0, 0.3, size=200)


def fit_gradient_descent(X, y, learning_rate=0.1, steps=500):
    """Minimise the mean squared error by gradient descent; return weights, bias and losses."""
    weights, bias, losses = np.zeros(X.shape[1]), 0.0, []
    for _ in range(steps):
        error = X @ weights + bias - y
        losses.append(np.mean(error**2))
        weights -= learning_rate * 2 * X.T @ error / len(y)
        bias -= learning_rate * 2 * error.mean()
    return weights, bias, losses


weights, bias, losses = fit_gradient_descent(X, y)
print(f"MSE at step 0: {losses[0]:.2f}, at step 10: {losses[10]:.2f}, at the end: {losses[-1]:.3f}")
print("from scratch:  weights", np.round(weights, 3), f"bias {bias:.3f}")

reference = LinearRegression().fit(X, y)
print("scikit-learn:  weights", np.round(reference.coef_, 3), f"bias {reference.intercept_:.3f}")
print("same answer:", np.allclose(weights, reference.coef_, atol=1e-3))
