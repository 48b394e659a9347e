"""Greedy decoding, temperature, top-k and top-p on real next-token distributions of a bigram model."""

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

modules = [argparse, textwrap, csv, string, functools]
source = "\n".join(Path(module.__file__).read_text() for module in modules)
tokens = re.findall(r"\w+|[^\w\s]", source)  # standard-library source (PSF licence), as in next_token.py
following = collections.defaultdict(collections.Counter)
for a, b in itertools.pairwise(tokens):
    following[a][b] += 1


def next_token_distribution(context):
    """The tokens seen after `context`, most frequent first, and their probabilities."""
    seen = following[context].most_common()
    counts = np.array([count for _, count in seen])
    return [token for token, _ in seen], counts / counts.sum()


def with_temperature(p, temperature):
    logits = np.log(p) / temperature  # divide the logits by the temperature, then softmax again
    e = np.exp(logits - logits.max())
    return e / e.sum()


def top_k(p, k):
    kept = np.zeros_like(p)
    kept[:k] = p[:k]  # p is sorted, most likely first
    return kept / kept.sum()


def top_p(p, threshold):
    n = np.searchsorted(np.cumsum(p), threshold) + 1  # the fewest tokens whose total reaches the threshold
    return top_k(p, n)


def show(name, candidates, p):
    kept = np.flatnonzero(p)
    listed = ", ".join(f"{candidates[i]} {p[i]:.2f}" for i in kept[:4])
    print(f"  {name:17} keeps {len(kept):2} tokens: {listed}{', ...' if len(kept) > 4 else ''}")


rng = np.random.default_rng(0)
for context in ["raise", "is"]:
    candidates, p = next_token_distribution(context)
    print(f"after {context!r}: {len(candidates)} different tokens seen; greedy picks {candidates[0]!r}")
    show("temperature 1", candidates, p)
    show("temperature 0.5", candidates, with_temperature(p, 0.5))
    show("temperature 2", candidates, with_temperature(p, 2.0))
    show("top-k, k=3", candidates, top_k(p, 3))
    show("top-p, p=0.9", candidates, top_p(p, 0.9))
    samples = rng.choice(candidates, size=8, p=top_p(p, 0.9))
    print("  8 samples with top-p 0.9:", " ".join(samples))


def generate(start, steps, choose):
    text = [start]
    for _ in range(steps):
        candidates, p = next_token_distribution(text[-1])
        text.append(choose(candidates, p))
    return " ".join(text)


print("\ngreedy:   ", generate("if", 16, lambda candidates, p: candidates[0]))
rng = np.random.default_rng(1)
print("top-p 0.9:", generate("if", 16, lambda candidates, p: rng.choice(candidates, p=top_p(p, 0.9))))
