from __future__ import annotations

import numpy as np
import pytest

from tutorials_lib.data import load_digits_frame, load_digits_split


def test_digits_frame_has_one_row_per_image_and_a_label_column():
    frame = load_digits_frame()
    assert frame.shape == (1797, 65)
    assert frame.columns[-1] == "digit"
    assert frame.drop(columns="digit").to_numpy().max() == 16
    assert sorted(frame["digit"].unique()) == list(range(10))


def test_digits_split_is_stratified_scaled_and_reproducible():
    X_train, X_test, y_train, y_test = load_digits_split(test_size=0.25, seed=0)
    assert X_train.shape == (1347, 64) and X_test.shape == (450, 64)
    assert X_train.dtype == np.float32 and 0.0 <= X_train.min() and X_train.max() == 1.0
    assert np.bincount(y_test).min() >= 43 and np.bincount(y_test).max() <= 46  # stratified
    again = load_digits_split(test_size=0.25, seed=0)
    assert np.array_equal(again[0], X_train)


@pytest.mark.parametrize("bad", [0, 1, 1.5, -0.1, "0.2", True, None])
def test_digits_split_rejects_a_test_size_that_is_not_a_fraction(bad):
    with pytest.raises((TypeError, ValueError), match="test_size must be a fraction strictly between 0 and"):
        load_digits_split(test_size=bad)


@pytest.mark.parametrize("bad", [-1, 2**32, 0.5, "0", None])
def test_digits_split_names_seed_not_random_state(bad):
    with pytest.raises((TypeError, ValueError), match="^seed must be a whole number") as error:
        load_digits_split(seed=bad)
    assert "random_state" not in str(error.value)
