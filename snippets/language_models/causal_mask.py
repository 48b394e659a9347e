"""Token and position embeddings, and causal self-attention: no token can see the tokens after it."""

import numpy as np

rng = np.random.default_rng(0)
np.set_printoptions(precision=2, suppress=True)

sentence = "Beautiful is better than ugly .".split()  # the first line of the Zen of Python
vocabulary = sorted(set(sentence) | {"nested"})
ids = np.array([vocabulary.index(word) for word in sentence])
print("token ids:", ids)

# An embedding is a lookup table: row i is the vector of token i. Picking rows equals a one-hot product.
d = 8
token_table = rng.normal(size=(len(vocabulary), d))
one_hot = np.eye(len(vocabulary))[ids]
assert np.allclose(token_table[ids], one_hot @ token_table)
# Attention ignores order, so add one vector per position (learned in GPT-2; random here).
position_table = rng.normal(size=(16, d))  # room for 16 positions: the context length
x = token_table[ids] + position_table[: len(ids)]
print("input vectors:", x.shape, "(tokens, features)")

T = len(ids)
mask = np.tril(np.ones((T, T), dtype=bool))  # row i may look at columns 0..i
print("causal mask (1 = may attend):")
print(mask.astype(int))

Wq, Wk, Wv = (rng.normal(size=(d, d)) / d for _ in range(3))  # small random projections


def causal_attention(x):
    Q, K, V = x @ Wq, x @ Wk, x @ Wv
    scores = Q @ K.T / np.sqrt(d)
    scores = np.where(mask[: len(x), : len(x)], scores, -np.inf)  # the future gets a score of -infinity
    weights = np.exp(scores - scores.max(axis=1, keepdims=True))  # exp(-inf) = 0
    weights /= weights.sum(axis=1, keepdims=True)
    return weights @ V, weights


out, weights = causal_attention(x)
print("attention weights (rows sum to 1):")
print(weights)
print("largest weight above the diagonal:", weights[~mask].max())

# Change the last word: the outputs at the earlier positions do not change at all.
changed = ids.copy()
changed[4] = vocabulary.index("nested")  # "... better than nested ."
out_changed, _ = causal_attention(token_table[changed] + position_table[:T])
print("largest change at positions 0-3:", np.abs(out_changed[:4] - out[:4]).max())
print("largest change at positions 4-5:", np.abs(out_changed[4:] - out[4:]).max().round(2))
