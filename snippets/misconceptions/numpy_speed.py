"""A Python loop against the same arithmetic in NumPy: the sum of squares of 200,000 numbers."""

import timeit

import numpy as np

values = np.random.default_rng(0).random(200_000)
as_list = values.tolist()


def python_loop():
    total = 0.0
    for v in as_list:
        total += v * v
    return total


def with_numpy():
    return float((values * values).sum())


assert abs(python_loop() - with_numpy()) < 1e-6 * with_numpy()  # same answer
# Best of 5 runs each: the minimum is the least disturbed by other programs.
loop_seconds = min(timeit.repeat(python_loop, number=1, repeat=5))
numpy_seconds = min(timeit.repeat(with_numpy, number=1, repeat=5))
speed_up = loop_seconds / numpy_seconds
print(f"NumPy was more than 10x faster: {speed_up > 10}")
