"""Unsupervised learning: k-means groups the digit images without ever seeing a label."""

import matplotlib.pyplot as plt
import numpy as np
from sklearn.cluster import KMeans
from sklearn.datasets import load_digits

from tutorials_lib.plotting import plot_image_grid

X, y = load_digits(return_X_y=True)
kmeans = KMeans(n_clusters=10, n_init=10, random_state=0)
cluster = kmeans.fit_predict(X)  # only the pixels go in

# Only now, to judge the result, look at the labels the algorithm never saw.
titles = []
for k in range(10):
    digits_in_cluster = y[cluster == k]
    most_common = np.bincount(digits_in_cluster).argmax()
    share = np.mean(digits_in_cluster == most_common)
    titles.append(f"{most_common}: {share:.0%}")
    print(f"cluster {k}: {len(digits_in_cluster):>3} images, {share:.0%} of them are a {most_common}")

# Where did the 1s and the 8s go? The number of each in every cluster, cluster 0 first.
for digit in (1, 8):
    per_cluster = np.bincount(cluster[y == digit], minlength=10)
    print(f"the {per_cluster.sum()} images of the digit {digit}, by cluster: {per_cluster.tolist()}")

# Each cluster's centre is the average of its images: a picture of what the cluster found.
plot_image_grid(kmeans.cluster_centers_, labels=titles, ncols=10, size=1.1)
plt.show()
