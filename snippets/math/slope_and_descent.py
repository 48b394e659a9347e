"""A derivative is a slope, and gradient descent follows it downhill."""

import matplotlib.pyplot as plt
import numpy as np


def f(x):
    return (x - 3) ** 2 + 1


def derivative(func, x, h=1e-5):
    """Numerical derivative: the slope between two very close points."""
    return (func(x + h) - func(x - h)) / (2 * h)


xs = np.linspace(-1.5, 7.5, 200)
fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4), sharey=True)

# Left: the derivative at x = 5 is the slope of the tangent line there.
x0 = 5.0
slope = derivative(f, x0)
left.plot(xs, f(xs), label="f(x) = (x - 3)² + 1")
left.plot(xs, f(x0) + slope * (xs - x0), "--", label=f"tangent at x = 5, slope {slope:.1f}")
left.plot([x0], [f(x0)], "o", color="black")
left.set_ylim(-2, 30)
left.set_title("The derivative is the slope")
left.set_xlabel("x")
left.set_ylabel("f(x)")
left.legend(loc="upper center")

# Right: gradient descent takes steps against the slope, ever smaller as it flattens.
x, learning_rate, path = -1.0, 0.2, []
for _ in range(12):
    path.append(x)
    x = x - learning_rate * derivative(f, x)
path = np.array(path)
right.plot(xs, f(xs), color="tab:blue")
right.plot(path, f(path), "o-", color="tab:red", label="steps, learning rate 0.2")
right.annotate("start", (path[0], f(path[0])), textcoords="offset points", xytext=(10, 0))
right.annotate("minimum at x = 3", (3, 1), textcoords="offset points", xytext=(-40, -15))
right.set_title("Gradient descent walks downhill")
right.set_xlabel("x")
right.legend(loc="upper center")
fig.tight_layout()
plt.show()
