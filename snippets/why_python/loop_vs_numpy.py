"""The same computation twice: a pure-Python loop, then one NumPy expression."""

import time

import numpy as np

rng = np.random.default_rng(0)
prices = rng.uniform(1, 100, size=1_000_000)  # one million prices
quantities = rng.integers(1, 10, size=1_000_000).astype(float)  # and how many were sold


def revenue_loop(prices, quantities):
    """Pure Python: the interpreter runs this loop body one million times."""
    total = 0.0
    for price, quantity in zip(prices, quantities, strict=True):
        total += price * quantity
    return total


def revenue_numpy(prices, quantities):
    """NumPy: two whole-array calls (multiply, then sum); the loops run in compiled code."""
    return float(np.sum(prices * quantities))


def best_time(function, *args, repeat):
    """The fastest of a few runs: the least disturbed by other programs."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function(*args)
        times.append(time.perf_counter() - start)
    return min(times)


# Plain Python lists for the loop (iterating over a NumPy array one item at a time is even slower).
price_list, quantity_list = prices.tolist(), quantities.tolist()
loop_total = revenue_loop(price_list, quantity_list)
numpy_total = revenue_numpy(prices, quantities)
loop_seconds = best_time(revenue_loop, price_list, quantity_list, repeat=3)
numpy_seconds = best_time(revenue_numpy, prices, quantities, repeat=20)
speed_up = loop_seconds / numpy_seconds

print(f"Loop total:  {loop_total:,.2f}")
print(f"NumPy total: {numpy_total:,.2f}")
# NumPy adds the numbers in another order, so the last digits differ: compare within a cent.
print("Exactly equal:", loop_total == numpy_total)
print("Equal to the cent:", abs(loop_total - numpy_total) < 0.01)
# Timings vary between machines and runs, so the checked output states a bucket, not the number.
print("NumPy was at least 10x faster:", speed_up >= 10)
