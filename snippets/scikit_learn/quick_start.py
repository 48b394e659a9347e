"""scikit-learn quick start: split, build a pipeline, tune it with cross-validation, test once."""

from sklearn.datasets import load_wine
from sklearn.dummy import DummyClassifier
from sklearn.model_selection import GridSearchCV, train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC

X, y = load_wine(return_X_y=True)  # 178 wines, 13 chemical measurements, 3 cultivars
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=0, stratify=y)

# A baseline: always predict the most common class.
baseline = DummyClassifier().fit(X_train, y_train)
print(f"baseline accuracy: {baseline.score(X_test, y_test):.3f}")

# A pipeline: scaling, then a support vector classifier. It is one estimator with fit/predict.
pipeline = make_pipeline(StandardScaler(), SVC())

# Model selection: try a few values of C with 5-fold cross-validation on the training set only.
search = GridSearchCV(pipeline, param_grid={"svc__C": [0.01, 0.1, 1, 10]}, cv=5)
search.fit(X_train, y_train)
print("best C:", search.best_params_["svc__C"], f"(cross-validated accuracy {search.best_score_:.3f})")

# The test set is used once, at the end, for an honest estimate.
print(f"test accuracy of the tuned pipeline on {len(y_test)} wines: {search.score(X_test, y_test):.3f}")
print("predictions for the first five test wines:", search.predict(X_test[:5]), "true:", y_test[:5])
