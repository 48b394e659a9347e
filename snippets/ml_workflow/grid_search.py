"""Tune two hyperparameters with GridSearchCV on a pipeline, then score once on the test set."""

from sklearn.datasets import load_breast_cancer
from sklearn.model_selection import GridSearchCV, train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC

X, y = load_breast_cancer(return_X_y=True)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=0, stratify=y)

pipeline = Pipeline([("scale", StandardScaler()), ("svm", SVC())])
grid = {"svm__C": [1, 10, 100, 1000], "svm__gamma": [0.0001, 0.001, 0.01]}  # step name + "__" + parameter
search = GridSearchCV(pipeline, grid, cv=5)  # 12 combinations x 5 folds = 60 fits
search.fit(X_train, y_train)  # cross-validation happens on the training set only

print("best settings:", search.best_params_)
print(f"best cross-validated accuracy: {search.best_score_:.3f}")
print(f"test accuracy of the refitted best model: {search.score(X_test, y_test):.3f}")
