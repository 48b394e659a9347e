"""Semi-supervised learning: 5% of the digits labelled, the other 95% used without labels."""

import numpy as np
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split
from sklearn.semi_supervised import LabelSpreading

X, y = load_digits(return_X_y=True)
X = X / 16  # pixel intensities from 0-16 to 0-1
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=0, stratify=y)

print("draw  labels  labelled only  labelled + unlabelled")
scores = []
for draw in range(5):  # five different random choices of which 5% get a label
    rng = np.random.default_rng(draw)
    labelled = rng.choice(len(y_train), size=round(0.05 * len(y_train)), replace=False)

    # The same model twice. First it sees only the labelled 5%...
    alone = LabelSpreading(kernel="rbf", gamma=10).fit(X_train[labelled], y_train[labelled])

    # ...then all training images, with -1 marking "no label" for the other 95%.
    y_partial = np.full_like(y_train, -1)
    y_partial[labelled] = y_train[labelled]
    spread = LabelSpreading(kernel="rbf", gamma=10).fit(X_train, y_partial)

    scores.append((alone.score(X_test, y_test), spread.score(X_test, y_test)))
    print(f"{draw:>4}  {len(labelled):>6}  {scores[-1][0]:>13.3f}  {scores[-1][1]:>21.3f}")

mean, std = np.mean(scores, axis=0), np.std(scores, axis=0)
alone, spread = (f"{m:.3f} ± {s:.3f}" for m, s in zip(mean, std, strict=True))
print(f"{'mean ± std':<12}  {alone:>13}  {spread:>21}")
