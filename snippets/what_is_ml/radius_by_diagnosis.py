"""How well one measurement separates benign from malignant tumours."""

import matplotlib.pyplot as plt
from sklearn.datasets import load_breast_cancer

data = load_breast_cancer(as_frame=True)
radius = data.frame["mean radius"]
benign = data.frame["target"] == 1

fig, ax = plt.subplots(figsize=(7, 3.5))
ax.hist(radius[benign], bins=30, alpha=0.6, label="benign")
ax.hist(radius[~benign], bins=30, alpha=0.6, label="malignant")
ax.axvline(15, color="black", linestyle="--", label="hand-written rule: radius < 15")
ax.set_xlabel("mean radius of the cell nuclei")
ax.set_ylabel("number of tumours")
ax.legend()
plt.show()
