"""Data leakage: choosing features on all the data before cross-validation invents a signal."""

import numpy as np
from sklearn.feature_selection import SelectKBest, f_classif
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import cross_val_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

rng = np.random.default_rng(0)
X = rng.normal(size=(200, 5000))  # 200 samples of pure noise, 5,000 features
y = rng.integers(0, 2, size=200)  # random labels: nothing can be learned, honest accuracy ~ 0.5

# Wrong: scale and pick the 20 features most correlated with y using ALL rows, then cross-validate.
X_leaky = SelectKBest(f_classif, k=20).fit_transform(StandardScaler().fit_transform(X), y)
leaky = cross_val_score(LogisticRegression(), X_leaky, y, cv=5).mean()

# Right: the same steps inside a pipeline, so each fold fits them on its training part only.
pipeline = make_pipeline(StandardScaler(), SelectKBest(f_classif, k=20), LogisticRegression())
honest = cross_val_score(pipeline, X, y, cv=5).mean()

print(f"selection before the split: {leaky:.2f}")
print(f"selection inside a pipeline: {honest:.2f}")
