# ruff: noqa: E501  (each mutant is one line of code, as the reader would type it)
"""Code mutants of the language track: small changes to a model solution that its check must
reject (tests/lib/test_exercise_mutants.py runs them)."""

CODE_MUTANTS: dict[str, list[str]] = {
    "language-01": [
        "def causal_mask(length):\n    return np.tril(np.ones((length, length), dtype=bool), k=1)",
        "def causal_mask(length):\n    return np.tril(np.ones((length + 1, length + 1), dtype=bool))",
        "def causal_mask(length):\n    return np.tril(np.ones((length, length), dtype=bool)).T",
        "def causal_mask(length):\n    return np.tril(np.ones((length, length), dtype=int))",
    ],
    "language-02": [
        "def perplexity(losses):\n    return float(np.exp(np.mean(losses[1:])))",
        "def perplexity(losses):\n    return float(np.exp(np.mean(losses)) + 1)",
        "def perplexity(losses):\n    return float(np.exp(-np.mean(losses)))",
        "def perplexity(losses):\n    return float(np.exp(np.mean(losses) / len(losses)))",
    ],
    "language-03": [
        "def apply_temperature(logits, temperature):\n    z = logits / temperature\n    e = np.exp(z - z.max())\n    return e / e.max()",
        "def apply_temperature(logits, temperature):\n    z = logits / temperature\n    e = np.exp(z - z.max())\n    return (e / e.sum())[::-1]",
        "def apply_temperature(logits, temperature):\n    z = logits - temperature\n    e = np.exp(z - z.max())\n    return e / e.sum()",
        "def apply_temperature(logits, temperature):\n    z = logits / temperature ** 2\n    e = np.exp(z - z.max())\n    return e / e.sum()",
    ],
    "language-04": [
        "def most_frequent_pair(word_counts):\n    pairs = Counter()\n    for word, count in word_counts.items():\n        for pair in zip(word, word[1:]):\n            pairs[pair] += count\n    return min(pairs, key=pairs.get)",
        "def most_frequent_pair(word_counts):\n    pairs = Counter()\n    for word, count in word_counts.items():\n        for pair in zip(word, word[2:]):\n            pairs[pair] += count\n    return max(pairs, key=pairs.get)",
        "def most_frequent_pair(word_counts):\n    pairs = Counter()\n    for word, count in word_counts.items():\n        for pair in zip(word[1:], word):\n            pairs[pair] += count\n    return max(pairs, key=pairs.get)",
        "def most_frequent_pair(word_counts):\n    pairs = Counter()\n    for word, count in word_counts.items():\n        for pair in zip(word, word[1:]):\n            pairs[pair] += count\n    return max(pairs, key=pairs.get)[::-1]",
    ],
}

ACCEPTED: dict[tuple[str, str], str] = {
    # The mask is boolean: one value "off by one" is True again.
    (
        "language-01",
        "returns one value off by one",
    ): "adding 1 to one value of a boolean mask leaves it True: the mutant is the solution",
}
