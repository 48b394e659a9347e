"""A reader's typical mistakes in the training track, as the code they would write, and what the
check must say (tests/lib/test_exercises.py runs them)."""

BN = (
    "def batch_norm(x, gamma, beta, eps):\n    mean = x.mean(axis={axis})\n"
    "    var = x.var(axis={axis}{ddof})\n"
)

MISTAKES: dict[str, list[tuple[str, str]]] = {
    "training-01": [
        (
            "def batch_norm(x, gamma, beta, eps):\n    mean = x.mean(axis=1, keepdims=True)\n"
            "    var = x.var(axis=1, keepdims=True)\n"
            "    return gamma * (x - mean) / np.sqrt(var + eps) + beta",
            "layer normalisation",
        ),
        (
            BN.format(axis=0, ddof=", ddof=1") + "    return gamma * (x - mean) / np.sqrt(var + eps) + beta",
            "ddof=1",
        ),
        (
            BN.format(axis=0, ddof="") + "    return gamma * (x - mean) / (np.sqrt(var) + eps) + beta",
            "inside the square root",
        ),
        (
            BN.format(axis=0, ddof="") + "    return (x - mean) / np.sqrt(var + eps)",
            "gamma and beta are missing",
        ),
        (
            "def batch_norm(x, gamma, beta, eps):\n"
            "    return gamma * (x - x.mean()) / np.sqrt(x.var() + eps) + beta",
            "whole array",
        ),
    ],
    "training-02": [
        ("loss = np.log10(26)", "natural logarithm"),
        ("loss = 1 / 26", "probability of each class"),
        ("loss = np.log(10)", "here there are 26"),
        ("loss = np.log(1 / 26)", "the loss is positive"),
        ("loss = 3.26", "the right value, rounded"),
    ],
    "training-03": [
        ("std = 2 / 256", "is the variance"),
        ("std = np.sqrt(1 / 256)", "LeCun"),
        ("std = np.sqrt(2 / (256 + 100))", "Glorot"),
        ("std = np.sqrt(2 / 100)", "fan-out"),
        # 1 / fan_out: with the old Dense(128) it equalled He's 2 / 256 and was accepted
        ("std = np.sqrt(1 / 100)", "is not He's standard deviation"),
        ("std = 0.088", "rounded"),
    ],
    "training-04": [
        ("rate = 0.01", "is the target"),
        ("rate = 0.01 * 40 / 1000", "warmup_steps=100"),
        ("import math\nrate = 0.5 * 0.01 * (1 + math.cos(math.pi * 40 / 900))", "cosine decay at step 40"),
    ],
}
