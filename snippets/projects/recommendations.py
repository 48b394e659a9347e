"""Recommendations: suggest films from a generated ratings matrix with item-item similarity."""

import numpy as np

rng = np.random.default_rng(0)
films = [
    "Space Saga",
    "Robot Uprising",
    "Star Voyage",
    "Love in Paris",
    "Wedding Season",
    "Haunted House",
    "The Crypt",
]
genres = np.array([0, 0, 0, 1, 1, 2, 2])  # sci-fi, romance, horror
taste = rng.dirichlet([0.5, 0.5, 0.5], size=40)  # each user's liking for each genre
ratings = np.clip(np.round(1 + 4 * taste[:, genres] + rng.normal(0, 0.5, (40, 7))), 1, 5)
ratings[rng.random(ratings.shape) < 0.3] = 0  # 0 = not rated
rated = ratings > 0

# Centre each user's ratings on their own mean: a 3 from a harsh critic is a compliment.
user_means = ratings.sum(axis=1, keepdims=True) / rated.sum(axis=1, keepdims=True)
centred = np.where(rated, ratings - user_means, 0.0)

# Cosine similarity between the films' (centred) rating columns.
norms = np.linalg.norm(centred, axis=0)
similarity = (centred.T @ centred) / np.outer(norms, norms)
np.fill_diagonal(similarity, 0)

liked = films.index("Space Saga")
closest = np.argsort(similarity[liked])[::-1][:3]
print("most similar to Space Saga:", ", ".join(f"{films[i]} ({similarity[liked, i]:+.2f})" for i in closest))

# Predict user 0's rating of each unseen film from similar films they did rate.
user = 0
seen = np.flatnonzero(rated[user])
print("user 0 rated:", ", ".join(f"{films[i]} {ratings[user, i]:.0f}" for i in seen))
for film in np.flatnonzero(~rated[user]):
    weights = np.clip(similarity[film, seen], 0, None)
    if weights.sum() == 0:
        print(f"  {films[film]}: no similar film rated, no prediction")
        continue
    predicted = user_means[user, 0] + weights @ centred[user, seen] / weights.sum()
    used = ", ".join(f"{films[i]} {w:+.2f}" for i, w in zip(seen, weights, strict=True) if w > 0)
    print(f"  predicted rating for {films[film]}: {predicted:.1f}   (weights: {used})")
