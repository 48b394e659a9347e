"""Iris classifier: k-nearest neighbours on the iris flowers, against a baseline."""

from sklearn.datasets import load_iris
from sklearn.dummy import DummyClassifier
from sklearn.metrics import confusion_matrix
from sklearn.model_selection import train_test_split
from sklearn.neighbors import KNeighborsClassifier

X, y = load_iris(return_X_y=True)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.3, random_state=0, stratify=y)

baseline = DummyClassifier(strategy="most_frequent").fit(X_train, y_train)
print(f"baseline accuracy: {baseline.score(X_test, y_test):.3f}")

for k in (1, 5, 15):
    model = KNeighborsClassifier(n_neighbors=k).fit(X_train, y_train)
    print(f"k-NN with k={k:<2}: accuracy {model.score(X_test, y_test):.3f}")

model = KNeighborsClassifier(n_neighbors=5).fit(X_train, y_train)
print("confusion matrix (rows: true setosa, versicolor, virginica):")
print(confusion_matrix(y_test, model.predict(X_test)))
