# ruff: noqa: E501  (each mutant is one line of code, as the reader would type it)
"""Code mutants of the recommender track: small changes to a model solution that its check must
reject (tests/lib/test_exercise_mutants.py runs them)."""

CODE_MUTANTS: dict[str, list[str]] = {
    "recommender-01": [
        'def split_by_time(ratings, cutoff):\n    before = ratings["timestamp"] <= cutoff\n    return ratings[before], ratings[~before]',
        'def split_by_time(ratings, cutoff):\n    before = ratings["timestamp"] < cutoff\n    return ratings[~before], ratings[before]',
        'def split_by_time(ratings, cutoff):\n    n_train = (ratings["timestamp"] < cutoff).sum()\n    return ratings.iloc[:n_train], ratings.iloc[n_train:]',
        'def split_by_time(ratings, cutoff):\n    before = ratings["timestamp"] < cutoff\n    return ratings[before], ratings',
        'def split_by_time(ratings, cutoff):\n    ordered = ratings.sort_values("timestamp")\n    n_train = (ordered["timestamp"] < cutoff).sum()\n    return ordered.iloc[: n_train + 1], ordered.iloc[n_train + 1 :]',
        "def split_by_time(ratings, cutoff):\n    train = ratings.sample(frac=0.6, random_state=0)\n    return train, ratings.drop(train.index)",
    ],
    "recommender-02": [
        "def predict(mu, user_bias, film_bias, users, films):\n    return mu + user_bias[users] + film_bias[films]",
        "def predict(mu, user_bias, film_bias, users, films):\n    known = films >= 0\n    return user_bias[users] + np.where(known, film_bias[np.where(known, films, 0)], 0.0)",
        "def predict(mu, user_bias, film_bias, users, films):\n    known = films > 0\n    return mu + user_bias[users] + np.where(known, film_bias[np.where(known, films, 0)], 0.0)",
        "def predict(mu, user_bias, film_bias, users, films):\n    known = films >= 0\n    return np.where(known, mu + user_bias[users] + film_bias[np.where(known, films, 0)], mu)",
        "def predict(mu, user_bias, film_bias, users, films):\n    known = films >= 0\n    return mu + user_bias[users] + np.where(known, film_bias[np.where(known, films - 1, 0)], 0.0)",
        "def predict(mu, user_bias, film_bias, users, films):\n    known = films >= 0\n    return mu + user_bias[users] - np.where(known, film_bias[np.where(known, films, 0)], 0.0)",
    ],
    "recommender-03": [
        "def rmse(predicted, actual):\n    return float(np.mean((predicted - actual) ** 2))",
        "def rmse(predicted, actual):\n    return float(np.sqrt(np.sum((predicted - actual) ** 2)))",
        "def rmse(predicted, actual):\n    return float(np.sqrt(np.mean(predicted - actual) ** 2))",
        "def rmse(predicted, actual):\n    return float(np.std(predicted - actual))",
        "def rmse(predicted, actual):\n    return float(np.sqrt(np.mean(np.abs(predicted - actual))))",
    ],
    "recommender-04": [
        "def precision_at_k(recommended, relevant, k):\n    hits = sum(film in relevant for film in recommended[:k])\n    return hits / len(relevant)",
        "def precision_at_k(recommended, relevant, k):\n    hits = sum(film in relevant for film in recommended[: k + 1])\n    return hits / k",
        "def precision_at_k(recommended, relevant, k):\n    hits = sum(film in relevant for film in recommended[: k - 1])\n    return hits / k",
        "def precision_at_k(recommended, relevant, k):\n    hits = sum(film in relevant for film in recommended)\n    return hits / k",
        "def precision_at_k(recommended, relevant, k):\n    hits = sum(film in relevant for film in recommended[:k])\n    return hits / len(recommended)",
    ],
}
