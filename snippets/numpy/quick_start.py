"""NumPy quick start: standardise a table of measurements and find the closest flower."""

import numpy as np
from sklearn.datasets import load_iris

X = load_iris().data  # a 2-D array: 150 flowers (rows) x 4 measurements (columns)
print("shape:", X.shape, "dtype:", X.dtype)

# Column statistics: axis=0 means "down the rows", giving one value per column.
mean, std = X.mean(axis=0), X.std(axis=0)
print("column means:", mean.round(2))

# Broadcasting: (150, 4) minus (4,) subtracts each column's mean from every row.
Z = (X - mean) / std
print("after standardising, means ~0:", np.allclose(Z.mean(axis=0), 0), "stds 1:", Z.std(axis=0).round(3))

# Vectorised distances from the first flower to all 150, without a Python loop.
distances = np.sqrt(((Z - Z[0]) ** 2).sum(axis=1))
nearest = np.argsort(distances, kind="stable")[1:4]  # index 0 is the flower itself
print("closest flowers to flower 0:", nearest, "at distances", distances[nearest].round(3))

# A seeded random generator: the same "random" sample on every run.
rng = np.random.default_rng(seed=42)
sample = rng.choice(len(X), size=5, replace=False)
print("random sample of rows:", sample)
