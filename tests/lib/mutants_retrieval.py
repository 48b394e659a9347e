# ruff: noqa: E501  (each mutant is one line of code, as the reader would type it)
"""Code mutants of the retrieval track: small changes to a model solution that its check must
reject (tests/lib/test_exercise_mutants.py runs them)."""

CODE_MUTANTS: dict[str, list[str]] = {
    "retrieval-01": [
        "def unit_rows(X):\n    return X / np.linalg.norm(X)",
        "def unit_rows(X):\n    return X / np.linalg.norm(X, axis=0, keepdims=True)",
        "def unit_rows(X):\n    return X / np.linalg.norm(X, axis=1)",
        "def unit_rows(X):\n    return X / (X**2).sum(axis=1, keepdims=True)",
        "def unit_rows(X):\n    return X / np.abs(X).sum(axis=1, keepdims=True)",
        "def unit_rows(X):\n    return X / X.max(axis=1, keepdims=True)",
    ],
    "retrieval-02": [
        "def cosine_matrix(Q, D):\n    return Q @ D.T",
        "def cosine_matrix(Q, D):\n    Q = Q / np.linalg.norm(Q, axis=1, keepdims=True)\n    return Q @ D.T",
        "def cosine_matrix(Q, D):\n    Q = Q / np.linalg.norm(Q, axis=1, keepdims=True)\n    D = D / np.linalg.norm(D, axis=1, keepdims=True)\n    return D @ Q.T",
        "def cosine_matrix(Q, D):\n    Q = Q / np.linalg.norm(Q, axis=1, keepdims=True)\n    D = D / np.linalg.norm(D, axis=0, keepdims=True)\n    return Q @ D.T",
        "def cosine_matrix(Q, D):\n    Q = Q / np.linalg.norm(Q)\n    D = D / np.linalg.norm(D)\n    return Q @ D.T",
        "def cosine_matrix(Q, D):\n    Q = Q / np.linalg.norm(Q, axis=1, keepdims=True)\n    D = D / np.linalg.norm(D, axis=1, keepdims=True)\n    return 1 - Q @ D.T",
    ],
    "retrieval-03": [
        "def top_k(scores, k):\n    return np.argsort(scores, axis=1)[:, :k]",
        "def top_k(scores, k):\n    return np.argsort(scores, axis=1)[:, -k:]",
        "def top_k(scores, k):\n    return np.argsort(-scores, axis=0)[:, :k]",
        "def top_k(scores, k):\n    return np.argsort(-scores, axis=1)[:, 1 : k + 1]",
        "def top_k(scores, k):\n    return np.argsort(-scores, axis=1)[:, : k - 1]",
        "def top_k(scores, k):\n    return -np.sort(-scores, axis=1)[:, :k]",
    ],
    "retrieval-04": [
        "def recall_at_k(rankings, relevant, k):\n    found = [np.isin(row[: k + 1], answers).any() for row, answers in zip(rankings, relevant)]\n    return np.mean(found)",
        "def recall_at_k(rankings, relevant, k):\n    found = [np.isin(row[: k - 1], answers).any() for row, answers in zip(rankings, relevant)]\n    return np.mean(found)",
        "def recall_at_k(rankings, relevant, k):\n    found = [np.isin(row[:k], answers).any() for row, answers in zip(rankings, relevant)]\n    return np.sum(found)",
        "def recall_at_k(rankings, relevant, k):\n    found = [np.isin(row, answers).any() for row, answers in zip(rankings, relevant)]\n    return np.mean(found)",
        "def recall_at_k(rankings, relevant, k):\n    found = [np.isin(answers, row[:k]).mean() for row, answers in zip(rankings, relevant)]\n    return np.mean(found)",
        "def recall_at_k(rankings, relevant, k):\n    found = [np.isin(row[:k], answers).all() for row, answers in zip(rankings, relevant)]\n    return np.mean(found)",
    ],
    "retrieval-05": [
        "def mrr(rankings, relevant):\n    reciprocal = []\n    for row, answers in zip(rankings, relevant):\n        position = np.flatnonzero(np.isin(row, answers))[0]\n        reciprocal.append(1 / position)\n    return np.mean(reciprocal)",
        "def mrr(rankings, relevant):\n    reciprocal = []\n    for row, answers in zip(rankings, relevant):\n        position = np.flatnonzero(np.isin(row, answers))[0] + 1\n        reciprocal.append(position)\n    return np.mean(reciprocal)",
        "def mrr(rankings, relevant):\n    positions = []\n    for row, answers in zip(rankings, relevant):\n        position = np.flatnonzero(np.isin(row, answers))[0] + 1\n        positions.append(position)\n    return 1 / np.mean(positions)",
        "def mrr(rankings, relevant):\n    reciprocal = []\n    for row, answers in zip(rankings, relevant):\n        position = np.flatnonzero(row == answers[0])[0] + 1\n        reciprocal.append(1 / position)\n    return np.mean(reciprocal)",
        "def mrr(rankings, relevant):\n    reciprocal = []\n    for row, answers in zip(rankings, relevant):\n        position = np.flatnonzero(np.isin(row, answers))[-1] + 1\n        reciprocal.append(1 / position)\n    return np.mean(reciprocal)",
        "def mrr(rankings, relevant):\n    reciprocal = []\n    for row, answers in zip(rankings, relevant):\n        position = np.flatnonzero(np.isin(row, answers))[0] + 1\n        reciprocal.append(1 / position)\n    return np.sum(reciprocal)",
    ],
}
