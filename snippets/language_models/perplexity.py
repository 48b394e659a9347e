"""Teacher forcing and perplexity: character n-grams trained on Python source, tested on another file."""

import argparse
import codecs
import collections
import contextlib
import csv
import functools
import io
import string
import textwrap
from pathlib import Path

import numpy as np

with contextlib.redirect_stdout(io.StringIO()):  # importing `this` prints the Zen; keep it quiet
    import this

# Standard-library source (PSF licence): four modules to train on, a fifth one held out to test.
train = "\n".join(Path(module.__file__).read_text() for module in [argparse, csv, string, functools])
test = Path(textwrap.__file__).read_text()
zen = codecs.decode(this.s, "rot13")

# Teacher forcing: the input is the text, the target is the same text shifted by one character.
piece = "def __init__(self"
print(f"input:  {piece[:-1]!r}\ntarget: {piece[1:]!r}")

vocabulary = sorted(set(train)) + ["<unknown>"]  # characters never seen in training share one id
V = len(vocabulary)


def cross_entropies(n, text, k=0.1):
    """Minus the log-probability of every character of `text` given the n - 1 characters before it.

    The model counts, in the training text, what followed each context, plus k for every character
    (add-k smoothing, so that no character is impossible). All positions are scored at once.
    """
    counts = collections.defaultdict(collections.Counter)
    for i in range(n - 1, len(train)):
        counts[train[i - n + 1 : i]][train[i]] += 1
    losses = []
    for i in range(n - 1, len(text)):
        seen = counts[text[i - n + 1 : i]]
        p = (seen[text[i]] + k) / (sum(seen.values()) + k * V)
        losses.append(-np.log(p))
    return np.array(losses)


print(f"{len(train):,} training characters, {len(test):,} test characters, {V} symbols")
print(f"uniform model: perplexity {V} on any text (every symbol 1/{V})")
for n in [1, 2, 3, 4, 6]:
    on_test, on_train = cross_entropies(n, test), cross_entropies(n, train)
    print(
        f"{n}-gram: test cross-entropy {on_test.mean():.2f} nats, perplexity {np.exp(on_test.mean()):5.2f}"
        f" (on its own training text: {np.exp(on_train.mean()):5.2f})"
    )
for n in [3, 6]:  # how often was each test context seen in training?
    seen = collections.Counter(train[i - n + 1 : i] for i in range(n - 1, len(train)))
    rare = np.mean([seen[test[i - n + 1 : i]] < 10 for i in range(n - 1, len(test))])
    print(f"{n}-gram: {rare:.0%} of the test positions have a context seen fewer than 10 times in training")


def interpolated_cross_entropies(n, text):
    """Like `cross_entropies`, but each order is mixed with the next shorter one (Witten-Bell).

    The more different characters followed a context in training, for how often it occurred, the
    less its own counts are trusted and the more the shorter context's. The 1-gram is mixed with the
    uniform model, so no character is impossible.
    """
    counts = collections.defaultdict(collections.Counter)
    for order in range(1, n + 1):
        for i in range(order - 1, len(train)):
            counts[train[i - order + 1 : i]][train[i]] += 1

    def p(context, char):
        shorter = p(context[1:], char) if context else 1 / V
        seen = counts.get(context)
        if not seen:
            return shorter
        total, types = sum(seen.values()), len(seen)
        return (seen[char] + types * shorter) / (total + types)

    return np.array([-np.log(p(text[i - n + 1 : i], text[i])) for i in range(n - 1, len(text))])


for n in [4, 6]:
    on_test = interpolated_cross_entropies(n, test)
    print(f"{n}-gram mixed with shorter contexts (Witten-Bell): perplexity {np.exp(on_test.mean()):5.2f}")
on_zen = cross_entropies(3, zen)
print(f"3-gram on the Zen of Python (English, not code): perplexity {np.exp(on_zen.mean()):.2f}")
