"""MAE, RMSE and R² for a regression model and for the baseline that predicts the mean."""

from sklearn.datasets import load_diabetes
from sklearn.dummy import DummyRegressor
from sklearn.linear_model import Ridge
from sklearn.metrics import mean_absolute_error, r2_score, root_mean_squared_error
from sklearn.model_selection import train_test_split

X, y = load_diabetes(return_X_y=True)  # y: disease progression one year later (25 to 346)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=0)

for name, model in [("mean baseline", DummyRegressor()), ("ridge regression", Ridge(alpha=0.1))]:
    predicted = model.fit(X_train, y_train).predict(X_test)
    mae = mean_absolute_error(y_test, predicted)
    rmse = root_mean_squared_error(y_test, predicted)
    r2 = r2_score(y_test, predicted)
    print(f"{name:17} MAE {mae:5.1f}   RMSE {rmse:5.1f}   R2 {r2:5.2f}")
