# ruff: noqa: E501  (each mutant is one line of code, as the reader would type it)
"""Code mutants of the training track: small changes to a model solution that its check must
reject (tests/lib/test_exercise_mutants.py runs them)."""

CODE_MUTANTS: dict[str, list[str]] = {
    "training-01": [
        "def batch_norm(x, gamma, beta, eps):\n    mean = x.mean(axis=1, keepdims=True)\n    var = x.var(axis=1, keepdims=True)\n    return gamma * (x - mean) / np.sqrt(var + eps) + beta",
        "def batch_norm(x, gamma, beta, eps):\n    mean = x.mean(axis=0)\n    var = x.var(axis=0, ddof=1)\n    return gamma * (x - mean) / np.sqrt(var + eps) + beta",
        "def batch_norm(x, gamma, beta, eps):\n    mean = x.mean(axis=0)\n    var = x.var(axis=0)\n    return gamma * (x - mean) / (np.sqrt(var) + eps) + beta",
        "def batch_norm(x, gamma, beta, eps):\n    mean = x.mean(axis=0)\n    var = x.std(axis=0)\n    return gamma * (x - mean) / np.sqrt(var + eps) + beta",
        "def batch_norm(x, gamma, beta, eps):\n    mean = x.mean(axis=0)\n    var = x.var(axis=0)\n    return beta * (x - mean) / np.sqrt(var + eps) + gamma",
        "def batch_norm(x, gamma, beta, eps):\n    mean = x.mean()\n    var = x.var()\n    return gamma * (x - mean) / np.sqrt(var + eps) + beta",
        "def batch_norm(x, gamma, beta, eps):\n    mean = x.mean(axis=0)\n    var = x.var(axis=0)\n    return (x - mean) / np.sqrt(var + eps)",
    ],
    "training-02": [
        "loss = np.log10(26)",
        "loss = np.log2(26)",
        "loss = np.log(1 / 26)",
        "loss = np.log(25)",
        "loss = 1 / 26",
    ],
    "training-03": [
        "std = 2 / 256",
        "std = np.sqrt(1 / 256)",
        "std = np.sqrt(2 / 128)",
        "std = np.sqrt(2 / (256 + 128))",
        "std = np.sqrt(2 / 255)",
    ],
    "training-04": [
        "rate = 0.01",
        "rate = 0.01 * 40 / 1000",
        "rate = 0.01 * 40 / 900",
        "rate = 0.01 * 41 / 100",
        "import math\nrate = 0.5 * 0.01 * (1 + math.cos(math.pi * 40 / 900))",
    ],
}
