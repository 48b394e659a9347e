import matplotlib.pyplot as plt
import numpy as np

from tutorials_lib.neural import relu, sigmoid, softmax

z = np.linspace(-4, 4, 200)
fig, axes = plt.subplots(1, 4, figsize=(12, 2.8))
for ax, (name, values) in zip(
    axes[:3], [("sigmoid", sigmoid(z)), ("tanh", np.tanh(z)), ("ReLU", relu(z))], strict=True
):
    ax.plot(z, values, linewidth=2)
    ax.axhline(0, color="grey", linewidth=0.5)
    ax.axvline(0, color="grey", linewidth=0.5)
    ax.set_title(name)
    ax.set_xlabel("z (weighted sum)")

# Softmax works on a whole layer at once: scores in, probabilities that sum to 1 out.
scores = np.array([2.0, 1.0, 0.1, -1.0])
axes[3].bar(range(4), softmax(scores), color="tab:orange")
axes[3].set_xticks(range(4), [f"{s:g}" for s in scores])
axes[3].set_title("softmax of four scores")
axes[3].set_xlabel("score of each class")
axes[3].set_ylabel("probability")
fig.tight_layout()
plt.show()
