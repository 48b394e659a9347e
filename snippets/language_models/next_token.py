"""Next-token prediction is classification: logits, softmax and cross-entropy on real Python source."""

import argparse
import collections
import csv
import functools
import itertools
import re
import string
import textwrap
from pathlib import Path

import numpy as np

# The training text: five modules of the Python standard library (PSF licence).
modules = [argparse, textwrap, csv, string, functools]
source = "\n".join(Path(module.__file__).read_text() for module in modules)
tokens = re.findall(r"\w+|[^\w\s]", source)  # a word, or one punctuation character
vocabulary = sorted(set(tokens))
index = {token: i for i, token in enumerate(vocabulary)}
print(f"{len(source):,} characters, {len(tokens):,} tokens, a vocabulary of {len(vocabulary):,}")

# A bigram model: the logits for the token after "raise" are the log of how often each token followed it.
after = collections.Counter(b for a, b in itertools.pairwise(tokens) if a == "raise")
counts = np.zeros(len(vocabulary))
for token, count in after.items():
    counts[index[token]] = count
# Add a small pseudo-count to every token so that none is impossible (its logit is not minus infinity).
logits = np.log(counts + 0.001)  # a neural network computes logits from the context instead


def softmax(z):
    e = np.exp(z - z.max())  # subtract the max: same result, no overflow
    return e / e.sum()


probabilities = softmax(logits)
print(f"one logit per vocabulary entry: {logits.shape}; the probabilities sum to {probabilities.sum():.3f}")
print("most likely after 'raise':")
for i in np.argsort(-probabilities)[:5]:
    print(f"  {vocabulary[i]:14} logit {logits[i]:5.2f}  probability {probabilities[i]:.3f}")

# Cross-entropy of one prediction: minus the log of the probability given to the token that came next.
print(f"'KeyError' followed 'raise' {after['KeyError']} times in these files")
for actual in ["ValueError", "TypeError", "KeyError"]:
    p = probabilities[index[actual]]
    print(f"if the next token is {actual!r:12}: probability {p:.3g}, cross-entropy {-np.log(p):.2f} nats")
