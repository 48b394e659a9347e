"""Diabetes progression: predict a number, and compare against predicting the mean."""

from sklearn.datasets import load_diabetes
from sklearn.dummy import DummyRegressor
from sklearn.ensemble import RandomForestRegressor
from sklearn.linear_model import Ridge
from sklearn.metrics import mean_absolute_error, r2_score
from sklearn.model_selection import train_test_split

X, y = load_diabetes(return_X_y=True, as_frame=True)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=0)
print(f"target: disease progression after one year, {y.min():.0f} to {y.max():.0f}")

models = {
    "predict the mean": DummyRegressor(strategy="mean"),
    "ridge regression": Ridge(alpha=0.1),
    "random forest": RandomForestRegressor(n_estimators=200, min_samples_leaf=5, random_state=0),
}
for name, model in models.items():
    predictions = model.fit(X_train, y_train).predict(X_test)
    print(
        f"{name:<17} MAE {mean_absolute_error(y_test, predictions):5.1f}   "
        f"R2 {r2_score(y_test, predictions):.2f}"
    )

ridge = models["ridge regression"]
strongest = sorted(zip(ridge.coef_, X.columns, strict=True), key=lambda pair: -abs(pair[0]))[:3]
print("largest ridge weights:", ", ".join(f"{name} {weight:+.0f}" for weight, name in strongest))
