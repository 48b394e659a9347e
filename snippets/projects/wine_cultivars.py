"""Wine cultivars: why scaling matters, measured with 5-fold cross-validation."""

from sklearn.datasets import load_wine
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import cross_val_score
from sklearn.neighbors import KNeighborsClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

X, y = load_wine(return_X_y=True, as_frame=True)
print(f"{X.shape[0]} wines, {X.shape[1]} chemical measurements, {y.nunique()} cultivars")
print(
    f"proline ranges over {X['proline'].min():.0f}-{X['proline'].max():.0f}, "
    f"hue over {X['hue'].min():.2f}-{X['hue'].max():.2f}"
)

models = {
    "k-NN, raw features": KNeighborsClassifier(),
    "k-NN, scaled features": make_pipeline(StandardScaler(), KNeighborsClassifier()),
    "logistic regression, scaled": make_pipeline(StandardScaler(), LogisticRegression()),
}
for name, model in models.items():
    scores = cross_val_score(model, X, y, cv=5)
    print(f"{name:<28} accuracy {scores.mean():.3f} +/- {scores.std():.3f}")
