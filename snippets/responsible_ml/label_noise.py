"""Garbage in, garbage out: wrong labels in the training data lower accuracy on clean test data."""

import numpy as np
from sklearn.datasets import load_digits
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split

X, y = load_digits(return_X_y=True)
X = X / 16.0
noise_levels = [0.0, 0.2, 0.4, 0.6]
random_noise = {noise: [] for noise in noise_levels}
systematic, ones_found, systematic_wrong = [], [], []
# Five repetitions, each with its own split and its own wrong labels, to see the spread.
for seed in range(5):
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.3, random_state=seed, stratify=y)
    rng = np.random.default_rng(seed)
    for noise in noise_levels:
        noisy = y_train.copy()
        flip = rng.random(len(noisy)) < noise  # this share of labels is replaced by a random digit
        noisy[flip] = rng.integers(0, 10, flip.sum())
        model = LogisticRegression(max_iter=2000).fit(X_train, noisy)
        random_noise[noise].append((np.mean(noisy != y_train), model.score(X_test, y_test)))
    # Systematic errors hurt more than random ones: a labeller who writes 7 for most 1s.
    biased = y_train.copy()
    biased[(y_train == 1) & (rng.random(len(y_train)) < 0.6)] = 7
    systematic_wrong.append(np.mean(biased != y_train))  # the share of all training labels changed
    model = LogisticRegression(max_iter=2000).fit(X_train, biased)
    systematic.append(model.score(X_test, y_test))
    ones_found.append(np.mean(model.predict(X_test[y_test == 1]) == 1))

print("test accuracy on clean labels, mean ± std over 5 splits")
for runs in random_noise.values():
    wrong, accuracy = np.array(runs).T
    print(f"{wrong.mean():4.0%} of training labels wrong -> {accuracy.mean():.3f} ± {accuracy.std():.3f}")
print(
    f"{np.mean(systematic_wrong):4.0%} of training labels wrong (60% of the 1s labelled 7) "
    f"-> {np.mean(systematic):.3f} ± {np.std(systematic):.3f}, "
    f"1s recognised {np.mean(ones_found):.0%} ± {np.std(ones_found):.0%}"
)
