"""The output policy: when does what the code prints match what the page shows?

- Deterministic output (arithmetic, shapes, counts, seeded scikit-learn on fixed data) must
  match exactly, character for character, at the precision shown.
- Output that varies between machines (training, timings) declares a tolerance where the reader
  sees it, in the title of its output block::

      ```text title="Output (numbers vary by ±0.02 between machines)"

  Then every number may differ by that much (``±2%`` means relative), the text around the
  numbers must still match, and runs of spaces may change width with the numbers. A second,
  whole-number allowance covers counts that move too (``scores by ±0.02, epochs by ±15``): it
  applies to the numbers printed without a decimal point.
"""

from __future__ import annotations

import difflib
import math
import re
from dataclasses import dataclass

TOLERANCE = re.compile(r"±\s*(?P<value>\d+(?:\.\d+)?)\s*(?P<percent>%)?")
NUMBER = re.compile(r"[-+]?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?")


@dataclass(frozen=True)
class Tolerance:
    """How far a printed number may be from the one shown: absolute, or relative (a fraction)."""

    value: float
    relative: bool = False
    whole_numbers: float | None = None  # a separate allowance for numbers without a decimal point

    def __str__(self) -> str:
        text = f"±{self.value * 100:g}%" if self.relative else f"±{self.value:g}"
        return text if self.whole_numbers is None else f"{text}, whole numbers ±{self.whole_numbers:g}"

    def allows(self, shown: str, printed: str) -> bool:
        a, b = float(shown), float(printed)
        if self.whole_numbers is not None and "." not in shown + printed:
            limit = self.whole_numbers
        else:
            limit = self.value * abs(a) if self.relative else self.value
        return math.isclose(a, b, rel_tol=0, abs_tol=limit + 1e-12)


def tolerance_in(title: str) -> Tolerance | None:
    """The tolerance an output block's title declares, e.g. ``Output (scores vary by ±0.02)``,
    or ``(accuracy varies by ±0.02, epochs by ±15)``: the second, whole, number is for counts."""
    matches = list(TOLERANCE.finditer(title))
    if not matches:
        return None
    first = matches[0]
    value = float(first["value"])
    tolerance = Tolerance(value / 100, relative=True) if first["percent"] else Tolerance(value)
    whole = [m for m in matches[1:] if "." not in m["value"] and not m["percent"]]
    return Tolerance(tolerance.value, tolerance.relative, float(whole[0]["value"])) if whole else tolerance


def normalise(text: str) -> str:
    """Trailing spaces and blank lines at either end are not part of an output."""
    return "\n".join(line.rstrip() for line in text.strip("\n").splitlines())


def mismatch(shown: str, printed: str, tolerance: Tolerance | None) -> str | None:
    """None if ``printed`` matches ``shown`` under the policy, else a diff that says why not."""
    shown, printed = normalise(shown), normalise(printed)
    if shown == printed:
        return None
    if tolerance is not None:
        problems = _beyond_tolerance(shown.splitlines(), printed.splitlines(), tolerance)
        if not problems:
            return None
        header = f"Outside the declared tolerance ({tolerance}):\n" + "\n".join(problems) + "\n"
    else:
        header = "The output is deterministic (no ± tolerance in its title), so it must match exactly.\n"
    diff = "\n".join(
        difflib.unified_diff(
            shown.splitlines(),
            printed.splitlines(),
            fromfile="shown on the page",
            tofile="printed by the code",
            lineterm="",
        )
    )
    return header + diff


def _shape(line: str) -> str:
    """A line with its numbers replaced by ``#`` and its runs of spaces by one space."""
    return " ".join(NUMBER.sub("#", line).split())


def _beyond_tolerance(shown: list[str], printed: list[str], tolerance: Tolerance) -> list[str]:
    if len(shown) != len(printed):
        return [f"the page shows {len(shown)} lines, the code printed {len(printed)}"]
    problems = []
    for number, (want, got) in enumerate(zip(shown, printed, strict=True), start=1):
        if _shape(want) != _shape(got):
            problems.append(f"line {number}: the text differs, not only its numbers")
            continue
        for a, b in zip(NUMBER.findall(want), NUMBER.findall(got), strict=True):
            if not tolerance.allows(a, b):
                problems.append(f"line {number}: {b} is not within {tolerance} of {a}")
    return problems
