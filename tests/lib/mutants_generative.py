# ruff: noqa: E501  (each mutant is one line of code, as the reader would type it)
"""Code mutants of the generative track: small changes to a model solution that its check must
reject (tests/lib/test_exercise_mutants.py runs them)."""

CODE_MUTANTS: dict[str, list[str]] = {
    "generative-01": [
        "def alpha_bar_from(betas):\n    return np.cumprod(1 + betas)",
        "def alpha_bar_from(betas):\n    return np.cumprod(1 - betas)[::-1]",
        "def alpha_bar_from(betas):\n    return np.cumprod(1 - betas[::-1])",
        "def alpha_bar_from(betas):\n    return np.cumprod(1 - betas) ** 2",
        "def alpha_bar_from(betas):\n    return np.exp(-np.cumsum(betas))",
        "def alpha_bar_from(betas):\n    return np.concatenate([[1.0], np.cumprod(1 - betas)[:-1]])",
        "def alpha_bar_from(betas):\n    return np.cumprod(1 - betas) / (1 - betas[0])",
    ],
    "generative-02": [
        "def add_noise(x0, t, noise, alpha_bar):\n    a = alpha_bar[t][:, None]\n    return np.sqrt(a) * x0 - np.sqrt(1 - a) * noise",
        "def add_noise(x0, t, noise, alpha_bar):\n    a = alpha_bar[t - 1][:, None]\n    return np.sqrt(a) * x0 + np.sqrt(1 - a) * noise",
        "def add_noise(x0, t, noise, alpha_bar):\n    a = alpha_bar[t][:, None]\n    return np.sqrt(1 - a) * x0 + np.sqrt(a) * noise",
        "def add_noise(x0, t, noise, alpha_bar):\n    a = alpha_bar[t][:, None]\n    return np.sqrt(a) * x0 + np.sqrt(1 - a)",
        "def add_noise(x0, t, noise, alpha_bar):\n    a = alpha_bar[t][:, None]\n    return np.sqrt(a) * x0 + (1 - np.sqrt(a)) * noise",
        "def add_noise(x0, t, noise, alpha_bar):\n    a = alpha_bar[t[::-1]][:, None]\n    return np.sqrt(a) * x0 + np.sqrt(1 - a) * noise",
        "def add_noise(x0, t, noise, alpha_bar):\n    a = alpha_bar[t.max()]\n    return np.sqrt(a) * x0 + np.sqrt(1 - a) * noise",
    ],
    "generative-03": [
        "def kl_term(mean, log_var):\n    return 0.5 * np.sum(mean**2 + np.exp(log_var) - log_var - 1, axis=0)",
        "def kl_term(mean, log_var):\n    return 0.5 * np.sum(mean + np.exp(log_var) - log_var - 1, axis=1)",
        "def kl_term(mean, log_var):\n    return 0.5 * np.sum(mean**2 + np.exp(log_var) + log_var - 1, axis=1)",
        "def kl_term(mean, log_var):\n    return 0.5 * np.sum(mean**2 + np.exp(0.5 * log_var) - log_var - 1, axis=1)",
        "def kl_term(mean, log_var):\n    return 0.5 * np.sum(mean**2 + np.exp(log_var) - 0.5 * log_var - 1, axis=1)",
        "def kl_term(mean, log_var):\n    return 0.5 * np.sum(mean**2 + np.exp(log_var) - log_var + 1, axis=1)",
        "def kl_term(mean, log_var):\n    return 0.5 * np.sum(mean**2 + np.exp(log_var) - log_var - 1, axis=1, keepdims=True)",
    ],
    "generative-04": [
        "def reparameterise(mean, log_var, epsilon):\n    return mean - np.exp(0.5 * log_var) * epsilon",
        "def reparameterise(mean, log_var, epsilon):\n    return mean + np.exp(-0.5 * log_var) * epsilon",
        "def reparameterise(mean, log_var, epsilon):\n    return mean + np.exp(0.5 * log_var) + epsilon",
        "def reparameterise(mean, log_var, epsilon):\n    return mean + np.exp(0.5 * log_var)",
        "def reparameterise(mean, log_var, epsilon):\n    return mean * np.exp(0.5 * log_var) * epsilon",
        "def reparameterise(mean, log_var, epsilon):\n    return mean + np.exp(2 * log_var) * epsilon",
        "def reparameterise(mean, log_var, epsilon):\n    return (mean + np.exp(0.5 * log_var) * epsilon).T",
    ],
}
