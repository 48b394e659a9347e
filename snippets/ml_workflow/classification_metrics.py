"""Accuracy, precision, recall, F1 and the confusion matrix of one classifier."""

from sklearn.datasets import load_breast_cancer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, confusion_matrix, f1_score, precision_score, recall_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

X, y = load_breast_cancer(return_X_y=True)
y = 1 - y  # make "malignant" the positive class (1): it is the case we must not miss
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=0, stratify=y)

model = make_pipeline(StandardScaler(), LogisticRegression()).fit(X_train, y_train)
predicted = model.predict(X_test)

print("confusion matrix (rows: true benign, malignant; columns: predicted)")
print(confusion_matrix(y_test, predicted))
print(f"accuracy  {accuracy_score(y_test, predicted):.3f}  share of all answers that are right")
print(f"precision {precision_score(y_test, predicted):.3f}  of the tumours called malignant, share that are")
print(f"recall    {recall_score(y_test, predicted):.3f}  of the malignant tumours, share that were found")
print(f"F1        {f1_score(y_test, predicted):.3f}  harmonic mean of precision and recall")
