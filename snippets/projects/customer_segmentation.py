"""Customer segmentation: group generated customers by behaviour, then describe the groups."""

import numpy as np
import pandas as pd
from sklearn.cluster import KMeans
from sklearn.metrics import silhouette_score
from sklearn.preprocessing import StandardScaler

rng = np.random.default_rng(0)
# Three hidden kinds of customer: occasional, regular, big spenders (the model is not told).
sizes, means = [300, 150, 50], [(2, 25, 300), (10, 40, 60), (6, 220, 30)]
rows = [rng.normal(mean, np.multiply(mean, 0.25), size=(size, 3))
        for size, mean in zip(sizes, means, strict=True)]
customers = pd.DataFrame(np.vstack(rows), columns=["orders_per_year", "avg_basket", "days_since_last"])
customers = customers.clip(lower=0)

X = StandardScaler().fit_transform(customers)
for k in (2, 3, 4, 5):
    labels = KMeans(n_clusters=k, n_init=10, random_state=0).fit_predict(X)
    print(f"k={k}: silhouette {silhouette_score(X, labels):.3f}")

customers["segment"] = KMeans(n_clusters=3, n_init=10, random_state=0).fit_predict(X)
summary = customers.groupby("segment").agg(
    customers=("avg_basket", "size"),
    orders=("orders_per_year", "mean"),
    basket=("avg_basket", "mean"),
    recency=("days_since_last", "mean"),
)
print(summary.round(1).sort_values("basket").to_string())
