"""Linear regression: the straight line that best predicts a house's price from its floor area."""

import matplotlib.pyplot as plt
import numpy as np
from sklearn.linear_model import LinearRegression
from sklearn.metrics import mean_absolute_error
from sklearn.model_selection import train_test_split

# 200 generated sales: price in thousands of euros grows with the floor area, plus noise.
rng = np.random.default_rng(0)
area = rng.uniform(40, 200, size=200)  # square metres
price = 50 + 3.0 * area + rng.normal(0, 40, size=200)
X = area.reshape(-1, 1)  # scikit-learn wants a 2-D table: one row per house, one column per feature
X_train, X_test, y_train, y_test = train_test_split(X, price, test_size=0.25, random_state=0)

model = LinearRegression().fit(X_train, y_train)
print(f"Learned line: price = {model.intercept_:.1f} + {model.coef_[0]:.2f} x area")
print(f"Mean absolute error on test houses: {mean_absolute_error(y_test, model.predict(X_test)):.1f} k EUR")
print(f"R2 on test houses: {model.score(X_test, y_test):.3f}")
print(f"Predicted price of a 100 m2 flat: {model.predict([[100]])[0]:.0f} k EUR")

fig, ax = plt.subplots(figsize=(6, 4))
ax.scatter(X_train[:, 0], y_train, s=12, alpha=0.6, label="training houses")
ax.scatter(X_test[:, 0], y_test, s=12, alpha=0.9, label="test houses")
line = np.array([[40], [200]])
ax.plot(line[:, 0], model.predict(line), color="black", label="learned line")
ax.set(xlabel="floor area (m²)", ylabel="price (thousand €)", title="Linear regression")
ax.legend()
plt.show()
