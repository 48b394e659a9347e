"""Split the data three ways, then compare a model with a baseline that ignores the inputs."""

from sklearn.datasets import load_breast_cancer
from sklearn.dummy import DummyClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

X, y = load_breast_cancer(return_X_y=True)  # 569 tumours; y: 0 = malignant, 1 = benign

# First lock away a test set (20%), then split the rest into training (60%) and validation (20%).
X_rest, X_test, y_rest, y_test = train_test_split(X, y, test_size=0.2, random_state=0, stratify=y)
X_train, X_val, y_train, y_val = train_test_split(
    X_rest, y_rest, test_size=0.25, random_state=0, stratify=y_rest
)
print(f"training {len(y_train)}, validation {len(y_val)}, test {len(y_test)}")

# The baseline always answers the most common class of the training set.
baseline = DummyClassifier(strategy="most_frequent").fit(X_train, y_train)
print(f"baseline validation accuracy: {baseline.score(X_val, y_val):.3f}")

model = make_pipeline(StandardScaler(), LogisticRegression())
model.fit(X_train, y_train)
print(f"logistic regression validation accuracy: {model.score(X_val, y_val):.3f}")
