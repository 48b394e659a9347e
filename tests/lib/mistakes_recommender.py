"""A reader's typical mistakes in the recommender track, as the code they would write, and what the
check must say (tests/lib/test_exercises.py runs them)."""

MISTAKES: dict[str, list[tuple[str, str]]] = {
    "recommender-01": [
        (
            "from sklearn.model_selection import train_test_split\n\n"
            "def split_by_time(ratings, cutoff):\n"
            "    return train_test_split(ratings, test_size=0.4, random_state=0)",
            "learn from the future",
        ),
        (
            "def split_by_time(ratings, cutoff):\n    n = int(0.8 * len(ratings))\n"
            "    return ratings.iloc[:n], ratings.iloc[n:]",
            "rows are not in time order",
        ),
        (
            "def split_by_time(ratings, cutoff):\n"
            '    return ratings[ratings["timestamp"] <= cutoff], ratings[ratings["timestamp"] > cutoff]',
            "exactly at the cutoff",
        ),
        (  # a reset index: judged by the rows it holds, not told that ratings are in both parts
            "def split_by_time(ratings, cutoff):\n"
            '    train = ratings[ratings["timestamp"] <= cutoff].reset_index(drop=True)\n'
            '    return train, ratings[ratings["timestamp"] > cutoff].reset_index(drop=True)',
            "exactly at the cutoff",
        ),
        (
            "def split_by_time(ratings, cutoff):\n"
            '    return ratings[ratings["timestamp"] <= cutoff], ratings[ratings["timestamp"] >= cutoff]',
            "in both parts",
        ),
        (
            "def split_by_time(ratings, cutoff):\n"
            '    return ratings[ratings["timestamp"] >= cutoff], ratings[ratings["timestamp"] < cutoff]',
            "swapped",
        ),
        (  # right at the first cutoff the check tries, 300, and at no other
            "def split_by_time(ratings, cutoff):\n"
            '    return ratings[ratings["timestamp"] < 300], ratings[ratings["timestamp"] >= 300]',
            "with cutoff=250, your function still split the ratings at 300",
        ),
        (
            "def split_by_time(ratings, cutoff):\n"
            '    before = ratings["timestamp"] < cutoff\n'
            '    return ratings[before][["userId", "movieId", "timestamp"]], ratings[~before]',
            "the train part has no `rating` column",
        ),
    ],
    "recommender-02": [
        (
            "def predict(mu, user_bias, film_bias, users, films):\n"
            "    return mu + user_bias[users] + film_bias[films]",
            "the *last* film's",
        ),
        (
            "def predict(mu, user_bias, film_bias, users, films):\n"
            "    return user_bias[users] + np.where(films >= 0, film_bias[films], 0.0)",
            "global mean `mu`",
        ),
        (
            "def predict(mu, user_bias, film_bias, users, films):\n"
            "    return np.where(films >= 0, mu + user_bias[users] + film_bias[films], mu)",
            "keep their bias",
        ),
        (
            "def predict(mu, user_bias, film_bias, users, films):\n"
            "    return np.where(films >= 0, mu + user_bias[users] + film_bias[films], np.nan)",
            "get nan",
        ),
    ],
    "recommender-03": [
        ("def rmse(predicted, actual):\n    return np.mean((predicted - actual) ** 2)", "square root"),
        (
            "def rmse(predicted, actual):\n    return np.mean(np.abs(predicted - actual))",
            "mean absolute error",
        ),
        ("def rmse(predicted, actual):\n    return np.sqrt(np.sum((predicted - actual) ** 2))", "*sum*"),
        ("def rmse(predicted, actual):\n    return np.sqrt(np.mean(predicted - actual) ** 2)", "cancel out"),
    ],
    "recommender-04": [
        (
            "def precision_at_k(recommended, relevant, k):\n"
            "    return len(set(recommended[:k]) & relevant) / len(relevant)",
            "recall@k",
        ),
        (
            "def precision_at_k(recommended, relevant, k):\n"
            "    return len(set(recommended) & relevant) / len(recommended)",
            "whole list",
        ),
        (
            "def precision_at_k(recommended, relevant, k):\n    return len(set(recommended[:k]) & relevant)",
            "divide by k",
        ),
        (
            "def precision_at_k(recommended, relevant, k):\n    return len(set(recommended) & relevant) / k",
            "beyond the first k",
        ),
        (  # one film too many: the 6th recommended film is relevant, so this is not the right 0.4
            "def precision_at_k(recommended, relevant, k):\n"
            "    return len(set(recommended[: k + 1]) & relevant) / k",
            "beyond the first k",
        ),
        (  # right for k=5, the first k the check tries
            "def precision_at_k(recommended, relevant, k):\n"
            "    return len(set(recommended[:5]) & relevant) / 5",
            "as if k were still 5",
        ),
        (
            "def precision_at_k(recommended, relevant, k):\n"
            "    return len(set(recommended[:k]) & relevant) / 5",
            "as if k were still 5",
        ),
    ],
}
