"""A reader's typical mistakes in the retrieval track, as the code they would write, and what the
check must say (tests/lib/test_exercises.py runs them)."""

MISTAKES: dict[str, list[tuple[str, str]]] = {
    "retrieval-01": [
        ("def unit_rows(X):\n    return X / np.linalg.norm(X)", "whole array"),
        ("def unit_rows(X):\n    return X / np.linalg.norm(X, axis=0)", "columns have length 1"),
        ("def unit_rows(X):\n    return X / np.linalg.norm(X, axis=1)", "keepdims=True"),
        ("def unit_rows(X):\n    return X / (X**2).sum(axis=1, keepdims=True)", "squared length"),
        ("def unit_rows(X):\n    X / np.linalg.norm(X, axis=1, keepdims=True)", "forget the `return`"),
    ],
    "retrieval-02": [
        ("def cosine_matrix(Q, D):\n    return Q @ D.T", "dot products"),
        (
            "def cosine_matrix(Q, D):\n    return Q / np.linalg.norm(Q, axis=1, keepdims=True) @ D.T",
            "not the documents",
        ),
        (
            "def cosine_matrix(Q, D):\n"
            "    Q = Q / np.linalg.norm(Q, axis=1, keepdims=True)\n"
            "    D = D / np.linalg.norm(D, axis=1, keepdims=True)\n"
            "    return D @ Q.T",
            "D @ Q.T",
        ),
    ],
    "retrieval-03": [
        ("def top_k(scores, k):\n    return np.argsort(scores, axis=1)[:, :k]", "lowest"),
        ("def top_k(scores, k):\n    return np.argsort(scores, axis=1)[:, -k:]", "best comes last"),
        ("def top_k(scores, k):\n    return np.sort(scores, axis=1)[:, ::-1][:, :k]", "scores themselves"),
        (
            "def top_k(scores, k):\n    return np.sort(np.argsort(-scores, axis=1)[:, :k], axis=1)",
            "not in order",
        ),
        ("def top_k(scores, k):\n    return np.argsort(-scores, axis=1)[:, :3]", "not a fixed number"),
        (
            "def top_k(scores, k):\n    return np.argpartition(-scores, k - 1, axis=1)[:, :k]",
            "np.argpartition leaves",
        ),
    ],
    "retrieval-04": [
        (
            "def recall_at_k(rankings, relevant, k):\n"
            "    return sum(np.isin(row[:k], a).any() for row, a in zip(rankings, relevant))",
            "number of questions",
        ),
        (
            "def recall_at_k(rankings, relevant, k):\n"
            "    return np.mean([np.isin(row, a).any() for row, a in zip(rankings, relevant)])",
            "whole ranking",
        ),
        (
            "def recall_at_k(rankings, relevant, k):\n"
            "    return np.mean([np.isin(row[:k + 1], a).any() for row, a in zip(rankings, relevant)])",
            "off by one",
        ),
        (
            "def recall_at_k(rankings, relevant, k):\n"
            "    return np.mean([np.isin(a, row[:k]).mean() for row, a in zip(rankings, relevant)])",
            "one right answer found is enough",
        ),
        (
            "def recall_at_k(rankings, relevant, k):\n"
            "    return np.mean([a[0] in row[:k] for row, a in zip(rankings, relevant)])",
            "recall@2 is 0.5 here",
        ),
        (
            "def recall_at_k(rankings, relevant, k):\n"
            "    return np.mean([np.isin(a, row[:k]).all() for row, a in zip(rankings, relevant)])",
            "recall@2 is 0.5 here",
        ),
    ],
    "retrieval-05": [
        (
            "def mrr(rankings, relevant):\n"
            "    return np.mean([1 / np.flatnonzero(np.isin(r, a))[0] for r, a in zip(rankings, relevant)])",
            "start at 1",
        ),
        (
            "def mrr(rankings, relevant):\n"
            "    return np.mean([np.flatnonzero(np.isin(r, a))[0] + 1 for r, a in zip(rankings, relevant)])",
            "reciprocals",
        ),
        (
            "def mrr(rankings, relevant):\n"
            "    first = [np.flatnonzero(np.isin(r, a))[0] + 1 for r, a in zip(rankings, relevant)]\n"
            "    return 1 / np.mean(first)",
            "mean of 1 / position",
        ),
        (
            "def mrr(rankings, relevant):\n"
            "    return np.mean([1 / (list(r).index(a[0]) + 1) for r, a in zip(rankings, relevant)])",
            "first answer *listed*",
        ),
    ],
}
