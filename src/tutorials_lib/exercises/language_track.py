"""Language models: a causal mask, perplexity from per-token losses, sampling temperature, and
one step of byte-pair encoding."""

from __future__ import annotations

from collections import Counter

import numpy as np

from tutorials_lib.exercises._checks import Mistake, array, call_for_result, close, describe, function
from tutorials_lib.exercises._core import Exercise


def _call_numpy(fn, *args, name, shown):
    with np.errstate(all="ignore"):
        return call_for_result(fn, *args, name=name, shown=shown)


def _check_causal_mask(answer):
    causal_mask = function(answer, "causal_mask")
    for length in (4, 1, 6):
        shown = f"causal_mask({length})"
        result = _call_numpy(causal_mask, length, name="causal_mask", shown=shown)
        mask = array(result, f"the result of {shown}")
        if mask.shape != (length, length):
            raise Mistake(
                f"{shown} should have one row and one column per position, shape ({length}, {length}); "
                f"yours has shape {mask.shape}."
            )
        right = np.tril(np.ones((length, length), dtype=bool))
        if mask.dtype != bool:
            if close(mask, right):
                raise Mistake(
                    f"the pattern is right, but the array has dtype {mask.dtype}; a mask is boolean: "
                    "pass dtype=bool to np.ones (or compare with > 0)."
                )
            raise Mistake(f"a mask is a boolean array (dtype bool); yours has dtype {mask.dtype}.")
        if length > 1 and np.array_equal(mask, right.T):
            raise Mistake(
                "this is the upper triangle: row i (the position that attends) would see the positions "
                "after it. Keep the lower triangle, np.tril."
            )
        if np.array_equal(mask, np.tril(right, k=-1)):
            raise Mistake(
                "the diagonal is False, so a position cannot attend to itself; keep it: np.tril with "
                "the default k=0."
            )
        if length > 1 and mask.all():
            raise Mistake("every position sees every other one, the future included: that is no mask at all.")
        if not np.array_equal(mask, right):
            raise Mistake(
                f"{shown} should be True where the column (the position looked at) is at most the row "
                "(the position looking), and False elsewhere."
            )


def _check_perplexity(answer):
    perplexity = function(answer, "perplexity")
    losses = np.array([2.0, 1.0, 3.0, 0.5, 2.5])
    shown = "perplexity(np.array([2.0, 1.0, 3.0, 0.5, 2.5]))"
    result = _call_numpy(perplexity, losses, name="perplexity", shown=shown)
    if isinstance(result, np.ndarray) and result.size == 1:
        result = result.reshape(-1)[0]
    if isinstance(result, bool) or not isinstance(result, (int, float, np.integer, np.floating)):
        raise Mistake(f"perplexity should return one number; yours returned {describe(result)}.")
    value = float(result)
    right = float(np.exp(losses.mean()))
    mistakes = [
        (float(np.exp(losses.sum())), "you took the exponential of the sum of the losses; use their mean."),
        (float(losses.mean()), "this is the mean loss (the cross-entropy); perplexity is its exponential."),
        (
            float(2 ** losses.mean()),
            "2 ** mean is for losses in bits; these are in nats (natural logarithms), so use np.exp.",
        ),
        (
            float(np.exp(losses).mean()),
            "you averaged the exponentials; take the exponential of the mean: np.exp(losses.mean()).",
        ),
        (float(np.exp(np.median(losses))), "you used the median; perplexity uses the mean loss."),
    ]
    if np.isclose(value, right):
        return
    for wrong, message in mistakes:
        if np.isclose(value, wrong):
            raise Mistake(message)
    raise Mistake(f"for these losses the perplexity is exp(mean) = {right:.4f}; yours gave {value:.4g}.")


def _softmax(z):
    e = np.exp(z - z.max())
    return e / e.sum()


def _check_temperature(answer):
    apply_temperature = function(answer, "apply_temperature")
    logits = np.array([2.0, 1.0, 0.0, -1.0])
    for temperature in (0.5, 2.0):
        shown = f"apply_temperature(np.array([2.0, 1.0, 0.0, -1.0]), {temperature})"
        result = _call_numpy(apply_temperature, logits, temperature, name="apply_temperature", shown=shown)
        values = array(result, "the result of apply_temperature")
        if values.shape != logits.shape:
            raise Mistake(
                "the result should have one probability per token, shape (4,); "
                f"yours has shape {values.shape}."
            )
        values = values.astype(float)
        if close(values, _softmax(logits * temperature)):
            raise Mistake(
                "you multiplied the logits by the temperature; divide them: a high temperature should "
                "flatten the distribution."
            )
        if close(values, logits / temperature):
            raise Mistake("these are the scaled logits; turn them into probabilities with a softmax.")
        if close(values, _softmax(logits)):
            raise Mistake(
                "the temperature has no effect in your function: divide the logits by it before the softmax."
            )
        if not np.isclose(values.sum(), 1.0):
            raise Mistake(f"the probabilities should sum to 1; yours sum to {values.sum():.4g}.")
        if not close(values, _softmax(logits / temperature)):
            raise Mistake(f"{shown} should be the softmax of logits / temperature.")
    big = np.array([1000.0, 999.0, 998.0])
    large = _call_numpy(apply_temperature, big, 0.5, name="apply_temperature", shown="logits near 1000")
    large = array(large, "the result of apply_temperature").astype(float)
    if large.shape != big.shape or not np.all(np.isfinite(large)):
        raise Mistake(
            "with logits near 1000, np.exp overflows and you get inf or nan. Subtract the largest scaled "
            "logit before np.exp: the softmax does not change."
        )
    if not close(large, _softmax(big / 0.5)):
        raise Mistake("with logits near 1000 the result is wrong; subtract the largest scaled logit first.")


WORDS = {
    ("a", "a", "a", "a"): 2,
    ("c", "d"): 5,
    ("e", "f"): 1,
    ("e", "f", "g"): 1,
    ("e", "f", "h"): 1,
    ("x", "e", "f"): 1,
}
# No ties in either data set, counted rightly or in the two wrong ways the check names: in
# OTHER_WORDS ('l', 'o') occurs 8 times, ('o', 'w') 7 and ('n', 'e') and ('e', 'w') 6.
OTHER_WORDS = {
    ("l", "o", "w"): 5,
    ("l", "o", "w", "e", "r"): 2,
    ("n", "e", "w"): 6,
    ("w", "i", "d", "e"): 3,
    ("s", "l", "o"): 1,
}


def _pairs(words, weighted=True, once=False):
    counts = Counter()
    for word, count in words.items():
        pairs = list(zip(word, word[1:], strict=False))
        for pair in dict.fromkeys(pairs) if once else pairs:  # in order: no hash-seed dependence
            counts[pair] += count if weighted else 1
    return counts


def _check_pair(answer):
    most_frequent_pair = function(answer, "most_frequent_pair")
    for words in (WORDS, OTHER_WORDS):
        shown = f"most_frequent_pair({words})"
        result = call_for_result(most_frequent_pair, words, name="most_frequent_pair", shown=shown)
        if isinstance(result, str):
            raise Mistake(
                f"you returned the string {result!r}; return the pair of symbols as a tuple, "
                "such as ('a', 'b')."
            )
        if isinstance(result, (int, float, np.number)) and not isinstance(result, bool):
            raise Mistake("you returned a count; return the pair itself, a tuple of two symbols.")
        if isinstance(result, list) and len(result) == 2:
            result = tuple(result)
        if not isinstance(result, tuple) or len(result) != 2:
            raise Mistake(
                f"return a tuple of two symbols, such as ('a', 'b'); yours returned {describe(result)}."
            )
        counts = _pairs(words)
        right = max(counts, key=counts.get)
        if counts.get(result, 0) == counts[right]:  # any pair with the top count
            continue
        unweighted = _pairs(words, weighted=False)
        once = _pairs(words, once=True)
        if result == max(unweighted, key=unweighted.get):
            raise Mistake(
                "you counted each pair once per distinct word; weight it by the word's count "
                "(the value in the dictionary): a word seen 5 times adds 5."
            )
        if result == max(once, key=once.get):
            raise Mistake(
                "you counted a pair at most once per word; count every occurrence: ('a', 'a', 'a', 'a') "
                "holds the pair ('a', 'a') three times."
            )
        raise Mistake(
            f"in {shown} the most frequent pair is {right}, with {counts[right]} occurrences; "
            f"yours, {result!r}, has {counts.get(result, 0)}."
        )


EXERCISES: list[Exercise] = [
    Exercise(
        id="language-01",
        title="A causal mask",
        statement="Write `causal_mask(length)`: a boolean array of shape `(length, length)` whose entry "
        "`[i, j]` is `True` when position `i` may attend to position `j`, that is when `j <= i` (a "
        "position sees itself and the positions before it, never the ones after).",
        hint_text="np.tril keeps the lower triangle of a matrix, diagonal included.",
        given="import numpy as np",
        starter="def causal_mask(length):\n    ...",
        solution_body="def causal_mask(length):\n    return np.tril(np.ones((length, length), dtype=bool))",
        answer_name="causal_mask",
        checker=_check_causal_mask,
    ),
    Exercise(
        id="language-02",
        title="Perplexity from per-token losses",
        statement="A language model's loss on each token of a text is `-ln p(true token)`, in nats. "
        "Write `perplexity(losses)`, which takes a NumPy array of these per-token losses and returns the "
        "model's perplexity on the text, a single number.",
        hint_text="Perplexity is the exponential of the average loss per token.",
        given="import numpy as np",
        starter="def perplexity(losses):\n    ...",
        solution_body="def perplexity(losses):\n    return float(np.exp(np.mean(losses)))",
        answer_name="perplexity",
        checker=_check_perplexity,
    ),
    Exercise(
        id="language-03",
        title="Sampling temperature",
        statement="Write `apply_temperature(logits, temperature)`: from a 1-D NumPy array of logits (one "
        "score per token), return, as a NumPy array, the probabilities to sample the next token from at "
        "that temperature. They must sum to 1, and stay finite for logits near 1000.",
        hint_text="Divide the logits by the temperature, then take a numerically stable softmax.",
        given="import numpy as np",
        starter="def apply_temperature(logits, temperature):\n    ...",
        solution_body="def apply_temperature(logits, temperature):\n    z = logits / temperature\n"
        "    e = np.exp(z - z.max())\n    return e / e.sum()",
        answer_name="apply_temperature",
        checker=_check_temperature,
    ),
    Exercise(
        id="language-04",
        title="One step of byte-pair encoding",
        statement="BPE training starts from word counts: a dictionary that maps each word, written as a "
        "tuple of symbols, to how often it occurs, such as `{('l', 'o', 'w'): 5, ('n', 'e', 'w'): 6}`. "
        "Write `most_frequent_pair(word_counts)`: it returns the pair of neighbouring symbols, a tuple "
        "such as `('l', 'o')`, that occurs most often in the text, counting every occurrence inside every "
        "word, times the word's count. (The check's data has no ties.)",
        hint_text="Loop over the words; zip(word, word[1:]) gives a word's neighbouring pairs; add the "
        "word's count to each pair's total in a collections.Counter.",
        given="from collections import Counter",
        starter="def most_frequent_pair(word_counts):\n    ...",
        solution_body="def most_frequent_pair(word_counts):\n    pairs = Counter()\n"
        "    for word, count in word_counts.items():\n        for pair in zip(word, word[1:]):\n"
        "            pairs[pair] += count\n    return max(pairs, key=pairs.get)",
        answer_name="most_frequent_pair",
        checker=_check_pair,
    ),
]
