"""A reader's typical mistakes in the generative track, as the code they would write, and what the
check must say (tests/lib/test_exercises.py runs them)."""

MISTAKES: dict[str, list[tuple[str, str]]] = {
    "generative-01": [
        ("def alpha_bar_from(betas):\n    return np.cumprod(betas)", "multiplied the betas"),
        ("def alpha_bar_from(betas):\n    return 1 - np.cumsum(betas)", "shares multiply"),
        ("def alpha_bar_from(betas):\n    return 1 - betas", "running product"),
        ("def alpha_bar_from(betas):\n    return np.prod(1 - betas)", "shape (10,)"),
        ("def alpha_bar_from(betas):\n    np.cumprod(1 - betas)", "forget the `return`"),
        (
            "def alpha_bar_from(betas):\n    return np.cumprod(1 - np.linspace(1e-3, 0.2, 10))",
            "ignores its argument",
        ),
        ("def alpha_bar_from(betas):\n    return np.cumprod(1 - betas[:10])", "do not fix the length"),
    ],
    "generative-02": [
        (
            "def add_noise(x0, t, noise, alpha_bar):\n    a = alpha_bar[t][:, None]\n"
            "    return a * x0 + (1 - a) * noise",
            "no square roots",
        ),
        (
            "def add_noise(x0, t, noise, alpha_bar):\n    a = alpha_bar[t][:, None]\n"
            "    return np.sqrt(a) * x0 + (1 - a) * noise",
            "needs a square root too",
        ),
        (
            "def add_noise(x0, t, noise, alpha_bar):\n    a = alpha_bar[t][:, None]\n"
            "    return np.sqrt(a) * (x0 + noise)",
            "not sqrt(alpha_bar[t])",
        ),
        (
            "def add_noise(x0, t, noise, alpha_bar):\n    a = alpha_bar[t]\n"
            "    return np.sqrt(a) * x0 + np.sqrt(1 - a) * noise",
            "raised ValueError",
        ),
        (
            "def add_noise(x0, t, noise, alpha_bar):\n"
            "    a = np.cumprod(1 - np.linspace(1e-3, 0.2, 10))[t][:, None]\n"
            "    return np.sqrt(a) * x0 + np.sqrt(1 - a) * noise",
            "ignores its `alpha_bar` argument",
        ),
        (
            "def add_noise(x0, t, noise, alpha_bar):\n    a = alpha_bar[np.array([0, 4, 9])][:, None]\n"
            "    return np.sqrt(a) * x0 + np.sqrt(1 - a) * noise",
            "the steps [0, 4, 9]",
        ),
        (
            "def add_noise(x0, t, noise, alpha_bar):\n    a = alpha_bar[t].reshape(3, 1)\n"
            "    return np.sqrt(a) * x0 + np.sqrt(1 - a) * noise",
            "assume 3 rows",
        ),
    ],
    "generative-03": [
        (
            "def kl_term(mean, log_var):\n"
            "    return -0.5 * np.sum(mean**2 + np.exp(log_var) - log_var - 1, axis=1)",
            "sign is flipped",
        ),
        (
            "def kl_term(mean, log_var):\n    return np.sum(mean**2 + np.exp(log_var) - log_var - 1, axis=1)",
            "factor 1/2",
        ),
        (
            "def kl_term(mean, log_var):\n"
            "    return 0.5 * np.mean(mean**2 + np.exp(log_var) - log_var - 1, axis=1)",
            "averaged",
        ),
        (
            "def kl_term(mean, log_var):\n"
            "    return 0.5 * np.sum(mean**2 + log_var - np.log(log_var) - 1, axis=1)",
            "already the",
        ),
        (
            "def kl_term(mean, log_var):\n    return 0.5 * np.sum(mean**2 + log_var - 1, axis=1)",
            "the variance is np.exp(log_var)",
        ),
        (
            "def kl_term(mean, log_var):\n    return 0.5 * np.sum(mean**2 + np.exp(log_var) - log_var - 1)",
            "shape (3,)",
        ),
        (
            "def kl_term(mean, log_var):\n"
            "    return 0.5 * (mean**2 + np.exp(log_var) - log_var - 1)[:, :2].sum(axis=1)",
            "only the first 2 numbers",
        ),
    ],
    "generative-04": [
        (
            "def reparameterise(mean, log_var, epsilon):\n    return mean + np.exp(log_var) * epsilon",
            "variance",
        ),
        ("def reparameterise(mean, log_var, epsilon):\n    return mean + log_var * epsilon", "logarithm"),
        (
            "def reparameterise(mean, log_var, epsilon):\n    return np.exp(0.5 * log_var) * epsilon",
            "add the mean",
        ),
        (
            "def reparameterise(mean, log_var, epsilon):\n"
            "    return (mean + np.exp(0.5 * log_var) * epsilon).reshape(3, 2)",
            "do not fix it to (3, 2)",
        ),
        (
            "def reparameterise(mean, log_var, epsilon):\n    z = np.zeros((3, 2))\n"
            "    for i in range(3):\n        for j in range(2):\n"
            "            z[i, j] = mean[i, j] + np.exp(0.5 * log_var[i, j]) * epsilon[i, j]\n    return z",
            "should return an array of shape (4, 5)",
        ),
    ],
}
