"""Count the tokens of one text as characters, as words, and as subwords after a few BPE merges."""

import codecs
import collections
import contextlib
import io
import itertools
import re

with contextlib.redirect_stdout(io.StringIO()):  # importing `this` prints the Zen; keep it quiet
    import this

zen = codecs.decode(this.s, "rot13")  # the Zen of Python, by Tim Peters (PSF licence)
words = re.findall(r"\w+|[^\w\s]", zen)


def report(name, n_tokens, size):
    per_token = len(zen) / n_tokens
    print(f"{name:15} {n_tokens:4} tokens, vocabulary {size:3}, {per_token:.1f} characters per token")


report("characters:", len(zen), len(set(zen)))
report("words:", len(words), len(set(words)))

# Byte-pair encoding: start from characters and repeatedly merge the most frequent adjacent pair.
# Like GPT-2, first cut the text into chunks (a word with the space before it, punctuation, spaces)
# and never merge across chunks.
chunks = [list(chunk) for chunk in re.findall(r" ?\w+| ?[^\w\s]+|\s+", zen)]
merges = []
for step in range(1, 201):
    pairs = collections.Counter(pair for chunk in chunks for pair in itertools.pairwise(chunk))
    (a, b), _ = pairs.most_common(1)[0]
    merges.append((a, b))
    for chunk in chunks:  # replace every occurrence of the pair by one new symbol
        i = 0
        while i < len(chunk) - 1:
            if chunk[i] == a and chunk[i + 1] == b:
                chunk[i : i + 2] = [a + b]
            i += 1
    if step in (10, 50, 100, 200):
        n_tokens = sum(len(chunk) for chunk in chunks)
        report(f"BPE, {step} merges:", n_tokens, len(set(zen)) + step)
print("the first 10 merges:", [a + b for a, b in merges[:10]])


def encode(text, merges):
    """Split a text into characters, then apply the learned merges in the order they were learned."""
    pieces = []
    for chunk in re.findall(r" ?\w+| ?[^\w\s]+|\s+", text):
        symbols = list(chunk)
        for a, b in merges:
            i = 0
            while i < len(symbols) - 1:
                if symbols[i] == a and symbols[i + 1] == b:
                    symbols[i : i + 2] = [a + b]
                i += 1
        pieces += symbols
    return pieces


known = set(words)
for sentence in ["Flat is better than nested.", "Readable code beats clever code."]:
    print(f"\n{sentence!r}")
    print("  words:", [w if w in known else "<unknown>" for w in re.findall(r"\w+|[^\w\s]", sentence)])
    print("  BPE (200 merges):", encode(sentence, merges))
