"""Histograms: how one feature is distributed in each class of wines."""

import matplotlib.pyplot as plt
from sklearn.datasets import load_wine

wine = load_wine(as_frame=True)
alcohol, cultivar = wine.frame["alcohol"], wine.frame["target"]

fig, ax = plt.subplots(figsize=(7, 3.5))
for label in range(3):
    ax.hist(alcohol[cultivar == label], bins=15, alpha=0.6, label=f"cultivar {label}")
ax.set_xlabel("alcohol (% by volume)")
ax.set_ylabel("number of wines")
ax.legend()
plt.show()
