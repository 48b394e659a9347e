"""A scatter plot: two features of each flower, coloured by species."""

import matplotlib.pyplot as plt
from sklearn.datasets import load_iris

iris = load_iris()
petal_length, petal_width = iris.data[:, 2], iris.data[:, 3]

fig, ax = plt.subplots(figsize=(6, 4))
for label, name in enumerate(iris.target_names):
    chosen = iris.target == label
    ax.scatter(petal_length[chosen], petal_width[chosen], label=name, alpha=0.7, edgecolors="none")
ax.set_xlabel("petal length (cm)")
ax.set_ylabel("petal width (cm)")
ax.legend(title="species")
plt.show()
