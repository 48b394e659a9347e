import matplotlib.pyplot as plt
import numpy as np
from sklearn.preprocessing import StandardScaler

from tutorials_lib.data import load_digits_split

X_train, X_test, y_train, y_test = load_digits_split(test_size=0.25, seed=0)
X = StandardScaler().fit_transform(X_train[:500])  # 500 images, each pixel with mean 0 and std 1
y = y_train[:500]
LAYERS, WIDTH = 8, 256
activations = {
    "tanh": (np.tanh, lambda a: 1 - a**2),  # the function, and its slope written with its output a
    "relu": (lambda z: np.maximum(z, 0), lambda a: (a > 0).astype(float)),
}
inits = {  # the standard deviation of the initial weights of a layer with fan_in inputs, fan_out units
    "too small (0.01)": lambda fan_in, fan_out: 0.01,
    "too large (1.0)": lambda fan_in, fan_out: 1.0,
    "Glorot": lambda fan_in, fan_out: np.sqrt(2 / (fan_in + fan_out)),
    "He": lambda fan_in, fan_out: np.sqrt(2 / fan_in),
}


def forward_and_backward(f, slope, std, rng):
    """Std of each hidden layer's output, and of the gradient of the loss for each layer's weights."""
    sizes = [X.shape[1]] + [WIDTH] * LAYERS + [10]
    weights = [rng.normal(0, std(m, n), size=(m, n)) for m, n in zip(sizes[:-1], sizes[1:], strict=True)]
    outputs = [X]
    for W in weights[:-1]:
        outputs.append(f(outputs[-1] @ W))  # biases start at 0, so they are left out
    scores = outputs[-1] @ weights[-1]
    p = np.exp(scores - scores.max(axis=1, keepdims=True))
    p /= p.sum(axis=1, keepdims=True)
    delta = (p - np.eye(10)[y]) / len(y)  # gradient of the cross-entropy with respect to the scores
    grads = []
    for i in range(LAYERS, -1, -1):  # backpropagation, from the last layer down to the first
        grads.append(outputs[i].T @ delta)
        if i > 0:
            delta = (delta @ weights[i].T) * slope(outputs[i])
    return [a.std() for a in outputs[1:]], [g.std() for g in grads[::-1][:-1]]


SEEDS = 3
fig, axes = plt.subplots(2, 2, figsize=(10, 6.5), sharex=True)
print("std of the outputs of hidden layers 1, 4 and 8, and of the weight gradients of layers 1 and 8")
print(f"(geometric mean of {SEEDS} seeds, ×/÷ its spread factor: the std of log10 between seeds)")
for col, (name, (f, slope)) in enumerate(activations.items()):
    for label, std in inits.items():
        runs = [forward_and_backward(f, slope, std, np.random.default_rng(seed)) for seed in range(SEEDS)]
        log_act = np.log10([run[0] for run in runs])  # shape (seeds, layers)
        log_grad = np.log10([run[1] for run in runs])
        act, grad = 10 ** log_act.mean(axis=0), 10 ** log_grad.mean(axis=0)
        spread = max(10 ** log_act.std(axis=0).max(), 10 ** log_grad.std(axis=0).max())
        print(
            f"{name:4} {label:17} outputs {act[0]:7.1e} {act[3]:7.1e} {act[7]:7.1e}   "
            f"gradients {grad[0]:7.1e} {grad[7]:7.1e}   spread ×/÷ {spread:.1f}"
        )
        layers = np.arange(1, LAYERS + 1)
        axes[0, col].errorbar(
            layers,
            act,
            yerr=[act - 10 ** log_act.min(0), 10 ** log_act.max(0) - act],
            label=label,
            marker="o",
        )
        axes[1, col].errorbar(
            layers, grad, yerr=[grad - 10 ** log_grad.min(0), 10 ** log_grad.max(0) - grad], marker="o"
        )
    axes[0, col].set_title(f"{name}: std of each layer's output")
    axes[1, col].set_title(f"{name}: std of each layer's weight gradient")
    axes[1, col].set_xlabel("hidden layer")
for ax in axes.flat:
    ax.set_yscale("log")
axes[0, 0].legend(fontsize=8)
fig.tight_layout()
plt.show()
