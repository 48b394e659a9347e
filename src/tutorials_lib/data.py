"""Load the handwritten digits, bundled with scikit-learn (no download), in the two forms the guide's
pages use."""

from __future__ import annotations

import numpy as np
import pandas as pd
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split

from tutorials_lib import _validate as check

DIGIT_SIDE = 8
DIGIT_MAX = 16.0


def load_digits_frame() -> pd.DataFrame:
    """Return scikit-learn's handwritten digits as a DataFrame, one row per image.

    Columns ``px_r_c`` hold the 8x8 pixel intensities (0 to 16) row by row, and ``digit``
    holds the label (0 to 9).

    Returns:
        A DataFrame of 1,797 rows and 65 columns.

    Examples:
        >>> from tutorials_lib.data import load_digits_frame
        >>> frame = load_digits_frame()
        >>> frame.shape
        (1797, 65)
        >>> frame.columns[:3].tolist()
        ['px_0_0', 'px_0_1', 'px_0_2']
        >>> frame["digit"].value_counts().sort_index().head(3).tolist()
        [178, 182, 177]
    """
    digits = load_digits()
    columns = [f"px_{row}_{col}" for row in range(DIGIT_SIDE) for col in range(DIGIT_SIDE)]
    frame = pd.DataFrame(digits.data, columns=columns)
    frame["digit"] = digits.target
    return frame


def load_digits_split(
    test_size: float = 0.25, seed: int = 0
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Split the digits into train and test sets, with pixels scaled to [0, 1].

    The split is stratified, so each digit is equally common in both parts, and seeded, so
    every run gives the same sets.

    Args:
        test_size: Fraction of the images kept for testing, strictly between 0 and 1.
        seed: Seed of the random shuffle, a whole number from 0 to 2**32 - 1.

    Returns:
        ``(X_train, X_test, y_train, y_test)``: images as rows of 64 ``float32`` values in
        [0, 1], and their labels as integers.

    Raises:
        TypeError: If ``test_size`` is not a number or ``seed`` not a whole number.
        ValueError: If ``test_size`` is not strictly between 0 and 1, or ``seed`` is negative.

    Examples:
        >>> from tutorials_lib.data import load_digits_split
        >>> X_train, X_test, y_train, y_test = load_digits_split(test_size=0.2)
        >>> X_train.shape, X_test.shape
        ((1437, 64), (360, 64))
        >>> float(X_train.max()), X_train.dtype
        (1.0, dtype('float32'))
    """
    test_size = check.fraction(test_size, "test_size", example=0.25)
    seed = check.seed(seed)
    digits = load_digits()
    X = (digits.data / DIGIT_MAX).astype(np.float32)
    return train_test_split(X, digits.target, test_size=test_size, random_state=seed, stratify=digits.target)
