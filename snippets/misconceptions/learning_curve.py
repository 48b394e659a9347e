"""More data helps, until it doesn't: a learning curve that flattens out."""

import matplotlib.pyplot as plt
import numpy as np
from sklearn.datasets import load_breast_cancer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, learning_curve
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

X, y = load_breast_cancer(return_X_y=True)
sizes, train_scores, val_scores = learning_curve(
    make_pipeline(StandardScaler(), LogisticRegression()),
    X,
    y,
    train_sizes=np.linspace(0.05, 1.0, 12),
    cv=StratifiedKFold(n_splits=5, shuffle=True, random_state=0),
)

print("accuracy over 5 folds: training (mean) and validation (mean ± std)")
print("training examples  training  validation")
for size, train, scores in zip(sizes, train_scores, val_scores, strict=True):
    print(f"{size:17}  {train.mean():8.3f}  {scores.mean():.3f} ± {scores.std():.3f}")

fig, ax = plt.subplots(figsize=(7, 4))
for scores, label in [(train_scores, "training"), (val_scores, "validation (5-fold)")]:
    mean, std = scores.mean(axis=1), scores.std(axis=1)
    ax.plot(sizes, mean, "o-", label=label)
    ax.fill_between(sizes, mean - std, mean + std, alpha=0.2)
ax.set_xlabel("number of training examples")
ax.set_ylabel("accuracy")
ax.set_title("Logistic regression on the breast cancer data")
ax.legend(loc="lower right")
plt.show()
