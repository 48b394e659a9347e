"""99% accuracy that means nothing: a rare positive class and a model that never predicts it."""

from sklearn.datasets import make_classification
from sklearn.dummy import DummyClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, balanced_accuracy_score, recall_score
from sklearn.model_selection import train_test_split

# 10,000 transactions, 1% of them fraudulent (class 1).
X, y = make_classification(n_samples=10_000, n_features=10, weights=[0.99], flip_y=0, random_state=0)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.3, random_state=0, stratify=y)

models = {
    "always 'not fraud'": DummyClassifier(strategy="most_frequent"),
    "logistic regression": LogisticRegression(),
    "logistic regression, balanced": LogisticRegression(class_weight="balanced"),
}
print(f"{'model':30} accuracy  balanced accuracy  fraud found (recall)")
for name, model in models.items():
    predicted = model.fit(X_train, y_train).predict(X_test)
    print(f"{name:30} {accuracy_score(y_test, predicted):8.3f}  "
          f"{balanced_accuracy_score(y_test, predicted):17.3f}  {recall_score(y_test, predicted):20.2f}")
