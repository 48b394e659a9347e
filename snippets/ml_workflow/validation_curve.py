"""Under- and overfitting: training and validation accuracy of a decision tree as it grows deeper."""

import matplotlib.pyplot as plt
import numpy as np
from sklearn.datasets import load_breast_cancer
from sklearn.model_selection import StratifiedKFold, validation_curve
from sklearn.tree import DecisionTreeClassifier

X, y = load_breast_cancer(return_X_y=True)
depths = np.arange(1, 13)
train_scores, val_scores = validation_curve(
    DecisionTreeClassifier(random_state=0),
    X,
    y,
    param_name="max_depth",
    param_range=depths,
    cv=StratifiedKFold(n_splits=5, shuffle=True, random_state=0),
)

val_mean, val_std = val_scores.mean(axis=1), val_scores.std(axis=1)
print("depth  training  validation (mean ± std over 5 folds)")
for depth, train, mean, std in zip(depths, train_scores.mean(axis=1), val_mean, val_std, strict=True):
    print(f"{depth:5}  {train:8.3f}  {mean:.3f} ± {std:.3f}")

fig, ax = plt.subplots(figsize=(7, 4))
ax.plot(depths, train_scores.mean(axis=1), "o-", label="training accuracy")
ax.plot(depths, val_mean, "o-", label="validation accuracy (5-fold mean)")
# The band spans one standard deviation across the folds: differences inside it are noise.
ax.fill_between(depths, val_mean - val_std, val_mean + val_std, alpha=0.2, color="C1")
best = depths[val_mean.argmax()]
ax.axvline(best, color="grey", linestyle="--", label=f"highest validation mean: depth {best}")
ax.annotate("underfitting", xy=(1.1, 0.905), fontsize=10)
ax.annotate("overfitting: the gap widens", xy=(7.5, 0.955), fontsize=10)
ax.set_xlabel("max_depth of the decision tree")
ax.set_ylabel("accuracy")
ax.set_ylim(0.88, 1.01)
ax.legend(loc="lower right")
plt.show()
