"""Digits clustering: can k-means find the ten digits without ever seeing a label?"""

import numpy as np
from sklearn.cluster import KMeans
from sklearn.datasets import load_digits
from sklearn.metrics import adjusted_rand_score

X, y = load_digits(return_X_y=True)
kmeans = KMeans(n_clusters=10, n_init=10, random_state=0).fit(X)
clusters = kmeans.labels_

# Labels are used only now, to see what each cluster found.
print(f"adjusted Rand index against the true digits: {adjusted_rand_score(y, clusters):.3f}")
print("cluster  size  most common digit  share of it")
for cluster in range(10):
    members = y[clusters == cluster]
    digit = np.bincount(members).argmax()
    print(f"{cluster:7d}  {len(members):4d}  {digit:17d}  {np.mean(members == digit):11.2f}")
