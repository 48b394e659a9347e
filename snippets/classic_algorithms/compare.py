"""The six classic algorithms side by side, with 5-fold cross-validation on two datasets."""

from sklearn.datasets import load_breast_cancer, make_moons
from sklearn.dummy import DummyClassifier
from sklearn.ensemble import HistGradientBoostingClassifier, RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import cross_val_score
from sklearn.neighbors import KNeighborsClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC
from sklearn.tree import DecisionTreeClassifier

models = {
    # The baseline: always predict the most common class. A model must beat it to be worth anything.
    "baseline (most frequent)": DummyClassifier(),
    # Linear models, k-NN and SVMs compare distances or weights across features: scale them first.
    "logistic regression": make_pipeline(StandardScaler(), LogisticRegression()),
    "k-nearest neighbours": make_pipeline(StandardScaler(), KNeighborsClassifier()),
    "decision tree": DecisionTreeClassifier(random_state=0),
    "random forest": RandomForestClassifier(random_state=0),
    "gradient boosting": HistGradientBoostingClassifier(random_state=0),
    "SVM (RBF kernel)": make_pipeline(StandardScaler(), SVC()),
}
datasets = {
    "moons": make_moons(n_samples=500, noise=0.25, random_state=0),
    "breast cancer": load_breast_cancer(return_X_y=True),
}

scores = {}  # (model, dataset) -> the 5 fold scores; every model is scored on the same 5 folds
print("accuracy: mean ± std over the 5 folds of cross-validation")
print(f"{'':<26}" + "".join(f"{name:>18}" for name in datasets))
for name, model in models.items():
    cells = []
    for data_name, (X, y) in datasets.items():
        scores[name, data_name] = cross_val_score(model, X, y, cv=5)
        cells.append(f"{scores[name, data_name].mean():.3f} ± {scores[name, data_name].std():.3f}")
    print(f"{name:<26}" + "".join(f"{cell:>18}" for cell in cells))

# Two models scored on the same folds are compared fold by fold: the spread that matters is
# the spread of the differences, not each model's own spread.
print("\npaired differences, fold by fold, then mean ± std of the differences")
for first, second, data_name in [
    ("random forest", "decision tree", "moons"),
    ("logistic regression", "SVM (RBF kernel)", "breast cancer"),
]:
    diff = scores[first, data_name] - scores[second, data_name]
    print(f"{first} - {second}, {data_name}")
    print("  " + " ".join(f"{d:+.3f}" for d in diff) + f" -> {diff.mean():.3f} ± {diff.std():.3f}")
