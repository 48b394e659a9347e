import os

os.environ["KERAS_BACKEND"] = "jax"

import keras
import matplotlib.pyplot as plt
import numpy as np
from sklearn.linear_model import LinearRegression

keras.utils.set_random_seed(0)

# A generated hourly series: a slow trend, a daily cycle of 24 steps, and noise we keep aside.
rng = np.random.default_rng(0)
t = np.arange(720)  # 30 days of hourly values
noise = rng.normal(0, 0.6, t.size)
series = 20 + 0.002 * t + 4 * np.sin(2 * np.pi * t / 24) + 1.5 * np.sin(4 * np.pi * t / 24) + noise

WINDOW, SEASON = 48, 24  # look at the last 2 days to predict the next hour
split = 576  # train on the first 24 days, test on the last 6
mean, std = series[:split].mean(), series[:split].std()  # scale with training statistics only
scaled = (series - mean) / std
X = np.stack([scaled[i - WINDOW : i] for i in range(WINDOW, len(series))])[..., None]  # (samples, steps, 1)
y = scaled[WINDOW:]
targets = np.arange(WINDOW, len(series))  # the time step each window predicts
train, test = targets < split, targets >= split

# One training run is one random draw, so the LSTM is trained RUNS times. To compile only once,
# the runs sit side by side in one model: each has its own input, its own weights (drawn at
# random) and its own loss, which Keras adds, so each run's gradients come from its own loss.
# Keras shuffles all the inputs together, so giving each run the training windows in its own
# order also gives it its own mini-batches.
RUNS = 8
inputs = [keras.Input(shape=(WINDOW, 1)) for _ in range(RUNS)]
model = keras.Model(inputs, [keras.layers.Dense(1)(keras.layers.LSTM(16)(x)) for x in inputs])
model.compile(optimizer=keras.optimizers.Adam(0.01), loss=["mse"] * RUNS)
orders = [rng.permutation(train.sum()) for _ in range(RUNS)]
model.fit([X[train][o] for o in orders], [y[train][o] for o in orders], epochs=30, batch_size=32, verbose=0)
lstm_runs = [run[:, 0] * std + mean for run in model.predict([X[test]] * RUNS, verbose=0)]

# The same 48 values, fed to a linear regression: one weight per lag.
linear = LinearRegression().fit(X[train, :, 0], y[train])

truth = series[targets[test]]
forecasts = {
    "naive (last value)": series[targets[test] - 1],
    "seasonal naive (same hour yesterday)": series[targets[test] - SEASON],
    "seasonal average (same hour, 2 days)": (
        series[targets[test] - SEASON] + series[targets[test] - 2 * SEASON]
    )
    / 2,
    "linear regression on the 48 lags": linear.predict(X[test, :, 0]) * std + mean,
}
# No forecast can predict the noise: its own size is the floor for any model.
floor = np.mean(np.abs(noise[targets[test]]))
for name, forecast in forecasts.items():
    error = np.mean(np.abs(forecast - truth))
    print(f"{name:37} mean absolute error {error:.3f}, {error - floor:.3f} above the floor")
lstm_errors = np.array([np.mean(np.abs(run - truth)) for run in lstm_runs])
error = lstm_errors.mean()
print(
    f"{'LSTM':37} mean absolute error {error:.3f}, {error - floor:.3f} above the floor (mean of {RUNS} runs)"
)
print(
    f"{'LSTM, spread of the runs':37} standard deviation {lstm_errors.std(ddof=1):.3f}, "
    f"from {lstm_errors.min():.3f} to {lstm_errors.max():.3f}"
)
print(f"{'noise floor (mean absolute noise)':37} mean absolute error {floor:.3f}")

fig, ax = plt.subplots(figsize=(10, 3.5))
hours = targets[test][:96]  # the first 4 test days
ax.plot(hours, truth[:96], color="black", linewidth=1, label="truth")
ax.plot(hours, forecasts["linear regression on the 48 lags"][:96], ":", label="linear regression")
ax.plot(hours, lstm_runs[0][:96], label="LSTM (first run)")
ax.set_xlabel("hour")
ax.set_ylabel("value")
ax.set_title("One-step-ahead forecasts on the test period")
ax.legend(loc="upper left", ncols=3)
plt.show()
