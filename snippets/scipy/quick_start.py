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
# Each +/- is one standard error. How many of them lie between the fit and the true values?
a_off, b_off = abs(a - 5.0) / a_err, abs(b - 0.8) / b_err
print(f"distance from the true values: a {a_off:.1f}, b {b_off:.1f} standard errors")

# A two-sample t-test: are two groups' means different, or could chance explain the gap?
group_a = rng.normal(loc=10.0, scale=2.0, size=50)
group_b = rng.normal(loc=11.0, scale=2.0, size=50)
result = stats.ttest_ind(group_a, group_b)
gap = group_b.mean() - group_a.mean()
print(
    f"means {group_a.mean():.2f} vs {group_b.mean():.2f} (gap {gap:.2f}): "
    f"t = {result.statistic:.2f}, p = {result.pvalue:.4f}"
)

# The test's power: repeat the whole experiment 2,000 times and count how often p < 0.05.
repeats_a = rng.normal(loc=10.0, scale=2.0, size=(2000, 50))
repeats_b = rng.normal(loc=11.0, scale=2.0, size=(2000, 50))
p_values = stats.ttest_ind(repeats_a, repeats_b, axis=1).pvalue
print(f"repeats in which the test detects the true gap of 1: {np.mean(p_values < 0.05):.2f}")
