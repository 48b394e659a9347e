"""More data of worse quality: adding mislabelled examples to a clean training set."""

import numpy as np
from sklearn.datasets import load_digits
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split

X, y = load_digits(return_X_y=True)
X = X / 16.0

scores = {"300 clean examples": [], "300 clean + 900 clean": [], "300 clean + 900 mostly mislabelled": []}
# Five repetitions, each with its own split and its own random labels, to see the spread.
for seed in range(5):
    X_clean, X_rest, y_clean, y_rest = train_test_split(X, y, train_size=300, random_state=seed, stratify=y)
    X_extra, X_test, y_extra, y_test = train_test_split(X_rest, y_rest, train_size=900, random_state=seed)
    rng = np.random.default_rng(seed)
    # 70% of the extra labels replaced by a random digit (which is right one time in ten by chance).
    y_extra_noisy = np.where(rng.random(len(y_extra)) < 0.7, rng.integers(0, 10, len(y_extra)), y_extra)
    for name, X_train, y_train in [
        ("300 clean examples", X_clean, y_clean),
        ("300 clean + 900 clean", np.vstack([X_clean, X_extra]), np.concatenate([y_clean, y_extra])),
        (
            "300 clean + 900 mostly mislabelled",
            np.vstack([X_clean, X_extra]),
            np.concatenate([y_clean, y_extra_noisy]),
        ),
    ]:
        model = LogisticRegression(max_iter=2000).fit(X_train, y_train)
        scores[name].append(model.score(X_test, y_test))

print(f"test accuracy over {len(scores['300 clean examples'])} splits, mean ± std")
for name, accuracies in scores.items():
    print(f"{name:35} {np.mean(accuracies):.3f} ± {np.std(accuracies):.3f}")
