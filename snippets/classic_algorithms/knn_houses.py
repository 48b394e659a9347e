"""k-nearest neighbours: price a house from the 5 most similar houses that sold."""

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from sklearn.neighbors import KNeighborsRegressor
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

# 300 generated sales: bigger houses cost more, houses far from the centre cost less.
rng = np.random.default_rng(0)
sold = pd.DataFrame(
    {
        "area_m2": rng.uniform(40, 200, size=300).round(),
        "km_to_centre": rng.uniform(0, 20, size=300).round(1),
    }
)
sold["price_keur"] = (
    60 + 3.0 * sold["area_m2"] - 8.0 * sold["km_to_centre"] + rng.normal(0, 25, size=300)
).round()
features = ["area_m2", "km_to_centre"]

# Scaling first: otherwise a difference of 10 m2 would weigh as much as one of 10 km.
model = make_pipeline(StandardScaler(), KNeighborsRegressor(n_neighbors=5))
model.fit(sold[features], sold["price_keur"])

house = pd.DataFrame({"area_m2": [120], "km_to_centre": [5.0]})
scaler, knn = model.named_steps.values()
_, neighbours = knn.kneighbors(scaler.transform(house))
comparables = sold.iloc[neighbours[0]]
print("The 5 most comparable houses that sold:")
print(comparables.to_string())
print(f"Their average price: {comparables['price_keur'].mean():.0f} k EUR")
print(f"The model's estimate: {model.predict(house)[0]:.0f} k EUR")

fig, ax = plt.subplots(figsize=(7, 4.5))
points = ax.scatter(sold["area_m2"], sold["km_to_centre"], c=sold["price_keur"], cmap="viridis", s=15)
ax.scatter(
    comparables["area_m2"],
    comparables["km_to_centre"],
    s=120,
    facecolors="none",
    edgecolors="red",
    linewidths=1.5,
    label="the 5 comparable houses",
)
ax.scatter(
    house["area_m2"],
    house["km_to_centre"],
    marker="*",
    s=300,
    color="red",
    edgecolors="black",
    label="house to price",
)
ax.set(
    xlabel="floor area (m²)",
    ylabel="distance to the centre (km)",
    title="k-nearest neighbours: price from the most similar sales",
)
fig.colorbar(points, ax=ax, label="sale price (thousand €)")
ax.legend(loc="upper right")
plt.show()
