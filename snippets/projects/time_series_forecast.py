"""Time-series forecast: predict next week's daily sales from lagged values of a generated series."""

import numpy as np
import pandas as pd
from sklearn.linear_model import LinearRegression
from sklearn.metrics import mean_absolute_error, root_mean_squared_error

rng = np.random.default_rng(0)
days = pd.date_range("2025-01-01", periods=365, freq="D")
trend = np.linspace(100, 130, len(days))
weekly = 15 * (days.day_of_week >= 5)  # weekends sell more
sales = pd.Series(trend + weekly + rng.normal(0, 4, len(days)), index=days, name="sales")

# Features: the sales 7 and 14 days earlier, and the day of the week.
frame = pd.DataFrame({"sales": sales, "lag_7": sales.shift(7), "lag_14": sales.shift(14)})
frame["weekend"] = (frame.index.day_of_week >= 5).astype(int)
frame = frame.dropna()

# Split by time, never at random: train on the past, test on the last 8 weeks.
train, test = frame.iloc[:-56], frame.iloc[-56:]
features = ["lag_7", "lag_14", "weekend"]
model = LinearRegression().fit(train[features], train["sales"])

forecasts = {"same day last week": test["lag_7"], "linear model": model.predict(test[features])}
for name, forecast in forecasts.items():
    mae = mean_absolute_error(test["sales"], forecast)
    rmse = root_mean_squared_error(test["sales"], forecast)
    print(f"{name:<19} MAE {mae:5.2f}   RMSE {rmse:5.2f}   RMSE/MAE {rmse / mae:.2f}")
