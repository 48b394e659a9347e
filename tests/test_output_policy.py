"""The output policy: exact comparison for deterministic output, a declared tolerance otherwise."""

from __future__ import annotations

import pytest

from site_tools.outputs import Tolerance, mismatch, tolerance_in


@pytest.mark.parametrize(
    ("title", "tolerance"),
    [
        ("Output", None),
        ("Output (numbers vary by ±0.02 between machines)", Tolerance(0.02)),
        ("Output (timings vary by ±50% between machines)", Tolerance(0.5, relative=True)),
        (
            "Output (accuracy varies by ±0.02, epochs by ±15 between machines)",
            Tolerance(0.02, whole_numbers=15),
        ),
    ],
)
def test_the_tolerance_is_read_from_the_title_the_reader_sees(title, tolerance):
    assert tolerance_in(title) == tolerance


def test_deterministic_output_must_match_to_the_last_digit():
    assert mismatch("mean: 0.67\n", "mean: 0.67\n\n", None) is None
    assert "must match exactly" in mismatch("mean: 0.66", "mean: 0.67", None)


def test_a_tolerance_allows_numbers_to_move_but_not_the_text():
    shown = "epoch  9  accuracy 0.97\nloss 1.5"
    assert mismatch(shown, "epoch  9  accuracy 0.99\nloss 1.48", Tolerance(0.02)) is None
    assert "line 1: 1.0 is not within ±0.02 of 0.97" in mismatch(
        shown, "epoch  9  accuracy 1.0\nloss 1.5", Tolerance(0.02)
    )
    assert "the text differs" in mismatch(shown, "epoch  9  precision 0.97\nloss 1.5", Tolerance(0.02))
    assert "the page shows 2 lines, the code printed 1" in mismatch(
        shown, "epoch 9 accuracy 0.97", Tolerance(0.02)
    )


def test_a_wider_number_may_shift_the_columns_after_it():
    assert mismatch("time   9.5 s  fast", "time  10.1 s  fast", Tolerance(1.0)) is None


def test_a_relative_tolerance_scales_with_the_number():
    assert mismatch("took 120 ms", "took 170 ms", Tolerance(0.5, relative=True)) is None
    assert mismatch("took 120 ms", "took 190 ms", Tolerance(0.5, relative=True)) is not None


def test_whole_numbers_can_have_their_own_allowance():
    tolerance = Tolerance(0.02, whole_numbers=15)
    shown = "stopped after 75 of 200 epochs\ntest accuracy: 0.98"
    assert mismatch(shown, "stopped after 88 of 200 epochs\ntest accuracy: 0.97", tolerance) is None
    assert "0.9 is not within" in mismatch(
        shown, "stopped after 75 of 200 epochs\ntest accuracy: 0.9", tolerance
    )
