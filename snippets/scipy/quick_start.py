"""SciPy quick start: fit a curve to noisy measurements, then test whether two groups differ."""

import numpy as np
from scipy import optimize, stats

# Noisy measurements of a decay, y = a * exp(-b * t), with a = 5 and b = 0.8 (made up, seeded).
rng = np.random.default_rng(0)
t = np.linspace(0, 5, 40)
y = 5.0 * np.exp(-0.8 * t) + rng.normal(scale=0.1, size=t.size)


def decay(t, a, b):
    return a * np.exp(-b * t)


# curve_fit finds the parameters that minimise the squared error between model and data.
(a, b), covariance = optimize.curve_fit(decay, t, y, p0=[1.0, 1.0])
a_err, b_err = np.sqrt(np.diag(covariance))
print(f"fitted a = {a:.2f} +/- {a_err:.2f}, b = {b:.2f} +/- {b_err:.2f}")

# A two-sample t-test: are two groups' means different, or could chance explain the gap?
group_a = rng.normal(loc=10.0, scale=2.0, size=50)
group_b = rng.normal(loc=11.0, scale=2.0, size=50)
result = stats.ttest_ind(group_a, group_b)
print(
    f"means {group_a.mean():.2f} vs {group_b.mean():.2f}: t = {result.statistic:.2f}, p = {result.pvalue:.4f}"
)
