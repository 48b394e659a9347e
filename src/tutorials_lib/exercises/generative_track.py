"""Generative models in NumPy: the noise schedule and the forward process of a diffusion model,
and the KL term and the reparameterisation trick of a variational autoencoder."""

from __future__ import annotations

import numpy as np

from tutorials_lib.exercises._checks import Mistake, array, call, close, function
from tutorials_lib.exercises._core import Exercise

BETAS = np.linspace(1e-3, 0.2, 10)
RNG = np.random.default_rng(0)
X0 = RNG.uniform(-1, 1, size=(3, 4))
STEPS = np.array([0, 4, 9])
NOISE = RNG.normal(size=(3, 4))
MEAN = RNG.normal(size=(3, 2))
LOG_VAR = RNG.normal(scale=0.5, size=(3, 2))
EPSILON = RNG.normal(size=(3, 2))

# Second inputs, of other lengths, shapes and values: each check also calls the reader's function
# on these, so that an answer that ignores an argument or hard-codes a length, the steps or the
# number of rows is caught.
OTHER_RNG = np.random.default_rng(1)
OTHER_BETAS = np.linspace(1e-4, 0.05, 25)
OTHER_ALPHA_BAR = np.cumprod(1 - np.linspace(5e-3, 0.3, 12))
OTHER_X0 = OTHER_RNG.uniform(-1, 1, size=(5, 6))
OTHER_STEPS = np.array([7, 2, 9, 0, 5])
OTHER_NOISE = OTHER_RNG.normal(size=(5, 6))
OTHER_MEAN = OTHER_RNG.normal(size=(4, 5))
OTHER_LOG_VAR = OTHER_RNG.normal(scale=0.5, size=(4, 5))
OTHER_EPSILON = OTHER_RNG.normal(size=(4, 5))


def _result(fn, *args, name, shown, shape, hint=""):
    with np.errstate(all="ignore"):
        try:
            result = call(fn, *args, name=name, shown=shown)
        except Mistake as mistake:
            raise Mistake(f"{mistake} {hint}".strip()) from None
    if result is None:
        raise Mistake(f"{name} returned None: did you forget the `return` line?")
    if isinstance(result, (float, np.floating)) or (isinstance(result, np.ndarray) and result.ndim == 0):
        raise Mistake(
            f"{name} returned a single number; it should return an array of shape {shape}, one value "
            "per row or step: the sum or product must not run over the whole array."
        )
    values = array(result, f"the result of {name}")
    if values.shape != shape:
        raise Mistake(
            f"{shown} should return an array of shape {shape}; yours has shape {values.shape}. {hint}".strip()
        )
    return values.astype(float)


def _check_alpha_bar(answer):
    alpha_bar = function(answer, "alpha_bar_from")
    values = _result(
        alpha_bar,
        BETAS,
        name="alpha_bar_from",
        shown="alpha_bar_from(np.linspace(1e-3, 0.2, 10))",
        shape=(10,),
    )
    alphas = 1 - BETAS
    expected = np.cumprod(alphas)
    if close(values, np.cumprod(BETAS)):
        raise Mistake("you multiplied the betas; the product runs over alpha_t = 1 - beta_t, the share kept.")
    if close(values, 1 - np.cumsum(BETAS)):
        raise Mistake(
            "1 - (sum of the betas) is only a first approximation: each step keeps a fraction 1 - beta_t "
            "of what is left, so the shares multiply. Use np.cumprod(1 - betas)."
        )
    if close(values, alphas):
        raise Mistake("these are the alphas of each step; alpha-bar is their running product (np.cumprod).")
    if close(values, np.sqrt(expected)):
        raise Mistake("you took a square root: alpha-bar is the product itself, the square root comes later.")
    if close(values, np.concatenate([[1.0], expected[:-1]])):
        raise Mistake("your values are shifted by one step: the first one should already include beta_1.")
    if not close(values, expected):
        raise Mistake(
            f"alpha_bar_from(betas) should start {np.round(expected[:3], 4).tolist()} and end near "
            f"{expected[-1]:.3f}; yours starts {np.round(values[:3], 4).tolist()}."
        )
    _check_alpha_bar_again(alpha_bar, expected)


def _check_alpha_bar_again(alpha_bar, first):
    shown = "alpha_bar_from(np.linspace(1e-4, 0.05, 25))"
    with np.errstate(all="ignore"):
        result = call(alpha_bar, OTHER_BETAS, name="alpha_bar_from", shown=shown)
    if result is None:
        raise Mistake(f"{shown} returned None: does your function return only for some inputs?")
    values = array(result, f"the result of {shown}").astype(float)
    if close(values, first):
        raise Mistake(
            f"{shown} gave the same values as for the first schedule: your function ignores its "
            "argument. Compute alpha-bar from `betas`, the schedule it is given."
        )
    if values.shape != OTHER_BETAS.shape:
        raise Mistake(
            f"{shown} should return 25 values, one per beta; yours has shape {values.shape}. The result "
            "is as long as `betas`, whatever its length: do not fix the length to 10."
        )
    if not close(values, np.cumprod(1 - OTHER_BETAS)):
        raise Mistake(
            f"your function is right for the first schedule but not for {shown}: the running product "
            "must use every beta it is given, np.cumprod(1 - betas)."
        )


def _check_add_noise(answer):
    add_noise = function(answer, "add_noise")
    alpha_bar = np.cumprod(1 - BETAS)
    values = _result(
        add_noise,
        X0,
        STEPS,
        NOISE,
        alpha_bar,
        name="add_noise",
        shown="add_noise(x0, t, noise, alpha_bar) with x0 and noise of shape (3, 4) and t = [0, 4, 9]",
        shape=X0.shape,
    )
    a = alpha_bar[STEPS][:, None]
    expected = np.sqrt(a) * X0 + np.sqrt(1 - a) * NOISE
    if close(values, a * X0 + (1 - a) * NOISE):
        raise Mistake(
            "no square roots: alpha-bar is a share of the *variance*, so the image is scaled by "
            "sqrt(alpha_bar[t]) and the noise by sqrt(1 - alpha_bar[t])."
        )
    if close(values, np.sqrt(a) * X0 + (1 - a) * NOISE):
        raise Mistake("the noise needs a square root too: sqrt(1 - alpha_bar[t]) * noise.")
    if close(values, np.sqrt(a) * X0 + np.sqrt(a) * NOISE) or close(values, np.sqrt(a) * (X0 + NOISE)):
        raise Mistake("the noise is scaled by sqrt(1 - alpha_bar[t]), not sqrt(alpha_bar[t]).")
    b = (1 - BETAS)[STEPS][:, None]
    if close(values, np.sqrt(b) * X0 + np.sqrt(1 - b) * NOISE):
        raise Mistake(
            "you used one step's alpha (1 - beta) instead of alpha-bar: the closed form jumps over all "
            "t steps at once, with their running product."
        )
    if not close(values, expected):
        raise Mistake(
            "each row should be sqrt(alpha_bar[t]) * x0 + sqrt(1 - alpha_bar[t]) * noise, with that "
            "row's own step t: index alpha_bar with t and add [:, None] so it multiplies whole rows."
        )
    _check_add_noise_again(add_noise)


def _check_add_noise_again(add_noise):
    shown = (
        "add_noise(x0, t, noise, alpha_bar) with x0 and noise of shape (5, 6), t = [7, 2, 9, 0, 5] "
        "and another schedule's alpha_bar, of length 12"
    )
    values = _result(
        add_noise,
        OTHER_X0,
        OTHER_STEPS,
        OTHER_NOISE,
        OTHER_ALPHA_BAR,
        name="add_noise",
        shown=shown,
        shape=OTHER_X0.shape,
        hint="Your function must work for any number of rows and any steps t: does it assume 3 rows or "
        "the steps [0, 4, 9]? Use alpha_bar[t][:, None].",
    )
    a = OTHER_ALPHA_BAR[OTHER_STEPS][:, None]
    if close(values, np.sqrt(a) * OTHER_X0 + np.sqrt(1 - a) * OTHER_NOISE):
        return
    fixed = np.cumprod(1 - BETAS)[OTHER_STEPS][:, None]
    if close(values, np.sqrt(fixed) * OTHER_X0 + np.sqrt(1 - fixed) * OTHER_NOISE):
        raise Mistake(
            f"for {shown}, your function used the first schedule's alpha-bar: it ignores its "
            "`alpha_bar` argument. Index the `alpha_bar` it is given."
        )
    raise Mistake(
        f"your function is right for the first input but not for {shown}: each row should use its "
        "own step t from the arguments, sqrt(alpha_bar[t]) * x0 + sqrt(1 - alpha_bar[t]) * noise."
    )


def _check_kl(answer):
    kl_term = function(answer, "kl_term")
    values = _result(
        kl_term,
        MEAN,
        LOG_VAR,
        name="kl_term",
        shown="kl_term(mean, log_var) with mean and log_var of shape (3, 2)",
        shape=(3,),
    )
    each = MEAN**2 + np.exp(LOG_VAR) - LOG_VAR - 1
    expected = 0.5 * each.sum(axis=1)
    if np.isnan(values).any():
        raise Mistake(
            "your result holds nan, as np.log of a negative number gives: log_var is already the "
            "logarithm of the variance (it can be negative), and the variance is np.exp(log_var)."
        )
    if close(values, -expected):
        raise Mistake("the sign is flipped: a KL divergence is never negative.")
    if close(values, each.sum(axis=1)):
        raise Mistake("you forgot the factor 1/2 in front of the sum.")
    if close(values, 0.5 * each.mean(axis=1)):
        raise Mistake("you averaged over the code's numbers; the KL of independent numbers is their *sum*.")
    if close(values, 0.5 * (MEAN**2 + LOG_VAR - 1).sum(axis=1)):
        raise Mistake("log_var is the logarithm of the variance: the variance is np.exp(log_var).")
    if close(values, 0.5 * (MEAN**2 + np.exp(LOG_VAR) - LOG_VAR).sum(axis=1)):
        raise Mistake(
            "you left out the -1 for each number of the code: the KL must be 0 when mean=0 and log_var=0."
        )
    if not close(values, expected):
        raise Mistake(
            f"for these inputs the KL terms should be {np.round(expected, 4).tolist()}; yours are "
            f"{np.round(values, 4).tolist()}. Each is 0.5 * sum(mean**2 + exp(log_var) - log_var - 1) "
            "over a row."
        )
    shown = "kl_term(mean, log_var) with mean and log_var of shape (4, 5)"
    values = _result(
        kl_term,
        OTHER_MEAN,
        OTHER_LOG_VAR,
        name="kl_term",
        shown=shown,
        shape=(4,),
        hint="The result has one number per row, for any number of rows.",
    )
    each = OTHER_MEAN**2 + np.exp(OTHER_LOG_VAR) - OTHER_LOG_VAR - 1
    if close(values, 0.5 * each.sum(axis=1)):
        return
    for kept in range(1, each.shape[1]):
        if close(values, 0.5 * each[:, :kept].sum(axis=1)):
            raise Mistake(
                f"for {shown}, your function summed only the first {kept} numbers of each row's code: "
                "the KL sums over every number of the code, whatever its length (axis=1)."
            )
    raise Mistake(
        f"your function is right for the first input but not for {shown}: each row's KL is "
        "0.5 * sum(mean**2 + exp(log_var) - log_var - 1) over every number of that row."
    )


def _check_reparameterise(answer):
    sample = function(answer, "reparameterise")
    values = _result(
        sample,
        MEAN,
        LOG_VAR,
        EPSILON,
        name="reparameterise",
        shown="reparameterise(mean, log_var, epsilon) with arrays of shape (3, 2)",
        shape=MEAN.shape,
    )
    expected = MEAN + np.exp(0.5 * LOG_VAR) * EPSILON
    if close(values, MEAN + np.exp(LOG_VAR) * EPSILON):
        raise Mistake(
            "np.exp(log_var) is the variance; epsilon is scaled by the standard deviation, "
            "np.exp(0.5 * log_var)."
        )
    if close(values, MEAN + LOG_VAR * EPSILON):
        raise Mistake("log_var is a logarithm: the standard deviation is np.exp(0.5 * log_var).")
    if close(values, np.exp(0.5 * LOG_VAR) * EPSILON):
        raise Mistake("you forgot to add the mean: z = mean + sigma * epsilon.")
    if close(values, MEAN + np.sqrt(np.abs(LOG_VAR)) * EPSILON):
        raise Mistake("the square root of log_var is not the standard deviation: use np.exp(0.5 * log_var).")
    if not close(values, expected):
        raise Mistake("z should be mean + np.exp(0.5 * log_var) * epsilon, element by element.")
    shown = "reparameterise(mean, log_var, epsilon) with arrays of shape (4, 5)"
    values = _result(
        sample,
        OTHER_MEAN,
        OTHER_LOG_VAR,
        OTHER_EPSILON,
        name="reparameterise",
        shown=shown,
        shape=OTHER_MEAN.shape,
        hint="z has the shape of its inputs, whatever it is: do not fix it to (3, 2).",
    )
    if not close(values, OTHER_MEAN + np.exp(0.5 * OTHER_LOG_VAR) * OTHER_EPSILON):
        raise Mistake(
            f"your function is right for the first input but not for {shown}: z should be "
            "mean + np.exp(0.5 * log_var) * epsilon, element by element, for arrays of any shape."
        )


EXERCISES = [
    Exercise(
        id="generative-01",
        title="Alpha-bar from the noise schedule",
        statement="A diffusion model's noise schedule is an array `betas`: step `t` keeps a share "
        "$\\alpha_t = 1 - \\beta_t$ of the image's variance. Write `alpha_bar_from(betas)` that returns "
        "$\\bar\\alpha_t = \\alpha_1 \\alpha_2 \\cdots \\alpha_t$ for every `t`, an array as long "
        "as `betas`.",
        hint_text="NumPy has a running product, like np.cumsum for sums.",
        given="import numpy as np",
        starter="def alpha_bar_from(betas):\n    ...",
        solution_body="def alpha_bar_from(betas):\n    return np.cumprod(1 - betas)",
        answer_name="alpha_bar_from",
        checker=_check_alpha_bar,
    ),
    Exercise(
        id="generative-02",
        title="The forward noising step, in one go",
        statement="Write `add_noise(x0, t, noise, alpha_bar)`: `x0` holds images as rows, `t` one step "
        "per row (indexes into `alpha_bar`), `noise` standard normal noise of the shape of `x0`. Return "
        "$\\sqrt{\\bar\\alpha_t}\\, x_0 + \\sqrt{1 - \\bar\\alpha_t}\\, \\varepsilon$, each row with its "
        "own step.",
        hint_text="alpha_bar[t] has one value per row; [:, None] turns it into a column that multiplies "
        "whole rows.",
        given="import numpy as np",
        starter="def add_noise(x0, t, noise, alpha_bar):\n    ...",
        solution_body="def add_noise(x0, t, noise, alpha_bar):\n    a = alpha_bar[t][:, None]\n"
        "    return np.sqrt(a) * x0 + np.sqrt(1 - a) * noise",
        answer_name="add_noise",
        checker=_check_add_noise,
    ),
    Exercise(
        id="generative-03",
        title="The KL term of a VAE",
        statement="A VAE's encoder outputs, for each image (a row), a `mean` and a `log_var` (the "
        "logarithm of the variance) for each number of the code. Write `kl_term(mean, log_var)` that "
        "returns, per row, the KL divergence from this diagonal Gaussian to the standard normal: "
        "$\\tfrac12 \\sum_j (\\mu_j^2 + \\sigma_j^2 - \\log\\sigma_j^2 - 1)$, one number per row.",
        hint_text="The variance is np.exp(log_var); sum over axis=1.",
        given="import numpy as np",
        starter="def kl_term(mean, log_var):\n    ...",
        solution_body="def kl_term(mean, log_var):\n"
        "    return 0.5 * np.sum(mean**2 + np.exp(log_var) - log_var - 1, axis=1)",
        answer_name="kl_term",
        checker=_check_kl,
    ),
    Exercise(
        id="generative-04",
        title="The reparameterisation trick",
        statement="Write `reparameterise(mean, log_var, epsilon)` that turns standard normal noise "
        "`epsilon` into a sample of the code $z = \\mu + \\sigma\\,\\varepsilon$, where `log_var` is "
        "$\\log\\sigma^2$. All three arrays have the same shape.",
        hint_text="sigma = sqrt(exp(log_var)) = exp(log_var / 2).",
        given="import numpy as np",
        starter="def reparameterise(mean, log_var, epsilon):\n    ...",
        solution_body="def reparameterise(mean, log_var, epsilon):\n"
        "    return mean + np.exp(0.5 * log_var) * epsilon",
        answer_name="reparameterise",
        checker=_check_reparameterise,
    ),
]
