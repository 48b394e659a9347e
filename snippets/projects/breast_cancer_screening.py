"""Breast cancer screening: trade precision for recall by moving the decision threshold."""

from sklearn.datasets import load_breast_cancer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import precision_score, recall_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

X, y = load_breast_cancer(return_X_y=True)
malignant = (y == 0).astype(int)  # in this dataset 0 means malignant: make it the positive class
X_train, X_test, y_train, y_test = train_test_split(
    X, malignant, test_size=0.3, random_state=0, stratify=malignant
)
model = make_pipeline(StandardScaler(), LogisticRegression(C=0.1)).fit(X_train, y_train)
p_malignant = model.predict_proba(X_test)[:, 1]

print(f"{y_test.sum()} malignant tumours among {len(y_test)} test cases")
print("threshold  recall  precision  missed  false alarms")
for threshold in (0.5, 0.3, 0.1, 0.05):
    flagged = (p_malignant >= threshold).astype(int)
    missed = int(((flagged == 0) & (y_test == 1)).sum())
    false_alarms = int(((flagged == 1) & (y_test == 0)).sum())
    print(
        f"{threshold:9.2f}  {recall_score(y_test, flagged):6.3f}  {precision_score(y_test, flagged):9.3f}"
        f"  {missed:6d}  {false_alarms:12d}"
    )
