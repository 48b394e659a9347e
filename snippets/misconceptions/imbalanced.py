"""99% accuracy that means nothing: a rare positive class and a model that never predicts it."""

from sklearn.datasets import make_classification
from sklearn.dummy import DummyClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import (
    accuracy_score,
    balanced_accuracy_score,
    confusion_matrix,
    make_scorer,
    precision_score,
    recall_score,
)
from sklearn.model_selection import StratifiedKFold, cross_validate, train_test_split

# 10,000 transactions, 1% of them fraudulent (class 1).
X, y = make_classification(n_samples=10_000, n_features=10, weights=[0.99], flip_y=0, random_state=0)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.3, random_state=0, stratify=y)

models = {
    "always 'not fraud'": DummyClassifier(strategy="most_frequent"),
    "logistic regression": LogisticRegression(),
    "logistic regression, balanced": LogisticRegression(class_weight="balanced"),
}
print(f"Test set: {len(y_test)} transactions, {y_test.sum()} of them fraud")
print(f"{'model':30} accuracy  balanced  recall  precision  frauds caught  false alarms")
for name, model in models.items():
    predicted = model.fit(X_train, y_train).predict(X_test)
    (_, false_alarms), (_, caught) = confusion_matrix(y_test, predicted)
    # A model that flags nothing has no precision; zero_division=0 reports it as 0.
    accuracy, balanced = accuracy_score(y_test, predicted), balanced_accuracy_score(y_test, predicted)
    recall, precision = recall_score(y_test, predicted), precision_score(y_test, predicted, zero_division=0)
    print(
        f"{name:30} {accuracy:8.3f}  {balanced:8.3f}  {recall:6.2f}  {precision:9.3f}  "
        f"{caught:13}  {false_alarms:12}"
    )

# One split could be lucky: the same comparison over 5 folds of all 10,000 transactions.
scoring = {"recall": "recall", "precision": make_scorer(precision_score, zero_division=0)}
folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
print("\n5-fold cross-validation, mean ± std:")
for name, model in models.items():
    scores = cross_validate(model, X, y, cv=folds, scoring=scoring)
    recall, precision = scores["test_recall"], scores["test_precision"]
    print(
        f"{name:30} recall {recall.mean():.2f} ± {recall.std():.2f}   "
        f"precision {precision.mean():.3f} ± {precision.std():.3f}"
    )
