"""A hand-written rule against a model that learned from the same examples."""

import numpy as np
from sklearn.datasets import load_breast_cancer
from sklearn.dummy import DummyClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_val_score, train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.tree import DecisionTreeClassifier

X, y = load_breast_cancer(return_X_y=True, as_frame=True)  # y: 0 = malignant, 1 = benign
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=0, stratify=y)

# 0. The trivial baseline: always answer the most common class of the training set (benign).
majority = DummyClassifier(strategy="most_frequent").fit(X_train, y_train)
print(f"Always the majority class (benign): {majority.score(X_test, y_test):.3f}")

# 1. A rule a person wrote: small tumours are benign.
rule_predictions = (X_test["mean radius"] < 15).astype(int)
print(f"Hand-written rule (radius < 15): {(rule_predictions == y_test).mean():.3f}")

# 2. The same kind of rule, but the threshold is learned from the training examples.
stump = DecisionTreeClassifier(max_depth=1, random_state=0)
stump.fit(X_train[["mean radius"]], y_train)
learned_threshold = stump.tree_.threshold[0]
print(f"Learned rule (radius < {learned_threshold:.2f}): {stump.score(X_test[['mean radius']], y_test):.3f}")

# 3. A model that learns how to weigh all 30 measurements at once.
model = make_pipeline(StandardScaler(), LogisticRegression())
model.fit(X_train, y_train)
print(f"Logistic regression, 30 features: {model.score(X_test, y_test):.3f}")

# One split can be lucky. Repeat on 5 different splits (cross-validation) and look at the spread.
folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
rule_scores = [
    ((X.iloc[test]["mean radius"] < 15).astype(int) == y.iloc[test]).mean() for _, test in folds.split(X, y)
]
majority_scores = cross_val_score(DummyClassifier(strategy="most_frequent"), X, y, cv=folds)
stump_scores = cross_val_score(DecisionTreeClassifier(max_depth=1), X[["mean radius"]], y, cv=folds)
model_scores = cross_val_score(model, X, y, cv=folds)
print("Over 5 splits, mean ± std:")
for name, scores in [
    ("majority class", majority_scores),
    ("rule", rule_scores),
    ("learned rule", stump_scores),
    ("logistic regression", model_scores),
]:
    print(f"  {name:20} {np.mean(scores):.3f} ± {np.std(scores):.3f}")
