"""A reader's typical mistakes in the language track, as the code they would write, and what the
check must say (tests/lib/test_exercises.py runs them)."""

MISTAKES: dict[str, list[tuple[str, str]]] = {
    "language-01": [
        (
            "def causal_mask(length):\n    return np.triu(np.ones((length, length), dtype=bool))",
            "upper triangle",
        ),
        (
            "def causal_mask(length):\n    return np.tril(np.ones((length, length), dtype=bool), k=-1)",
            "cannot attend to itself",
        ),
        ("def causal_mask(length):\n    return np.tril(np.ones((length, length)))", "dtype float64"),
        ("def causal_mask(length):\n    return np.ones((length, length), dtype=bool)", "no mask at all"),
        (
            "def causal_mask(length):\n    np.tril(np.ones((length, length), dtype=bool))",
            "forget the `return`",
        ),
    ],
    "language-02": [
        ("def perplexity(losses):\n    return np.exp(np.sum(losses))", "sum of the losses"),
        ("def perplexity(losses):\n    return np.mean(losses)", "perplexity is its exponential"),
        ("def perplexity(losses):\n    return 2 ** np.mean(losses)", "in bits"),
        ("def perplexity(losses):\n    return np.mean(np.exp(losses))", "averaged the exponentials"),
    ],
    "language-03": [
        (
            "def apply_temperature(logits, temperature):\n    z = logits * temperature\n"
            "    return np.exp(z - z.max()) / np.exp(z - z.max()).sum()",
            "multiplied the logits",
        ),
        ("def apply_temperature(logits, temperature):\n    return logits / temperature", "softmax"),
        (
            "def apply_temperature(logits, temperature):\n    z = logits / temperature\n"
            "    return np.exp(z) / np.exp(z).sum()",
            "overflows",
        ),
        (
            "def apply_temperature(logits, temperature):\n    return np.exp(logits - logits.max()) / "
            "np.exp(logits - logits.max()).sum()",
            "no effect",
        ),
    ],
    "language-04": [
        (
            "def most_frequent_pair(word_counts):\n    pairs = Counter()\n    for word in word_counts:\n"
            "        for pair in zip(word, word[1:]):\n            pairs[pair] += 1\n"
            "    return max(pairs, key=pairs.get)",
            "weight it by the word's count",
        ),
        (
            "def most_frequent_pair(word_counts):\n    pairs = Counter()\n"
            "    for word, count in word_counts.items():\n        for pair in set(zip(word, word[1:])):\n"
            "            pairs[pair] += count\n    return max(pairs, key=pairs.get)",
            "at most once per word",
        ),
        (
            "def most_frequent_pair(word_counts):\n    pairs = Counter()\n"
            "    for word, count in word_counts.items():\n        for pair in zip(word, word[1:]):\n"
            "            pairs[pair] += count\n    best = max(pairs, key=pairs.get)\n"
            "    return best[0] + best[1]",
            "return the pair of symbols as a tuple",
        ),
    ],
}
