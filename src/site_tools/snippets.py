"""What a snippet declares about itself: the optional libraries it needs."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

REQUIRES = re.compile(r"^# requires: (?P<modules>[\w.]+(?:\s*,\s*[\w.]+)*)\s*$", re.MULTILINE)
# How to install the optional libraries that some snippets need (default: pip install <module>).
INSTALL = {
    "tensorflow": "pip install tensorflow-cpu",
    "torch": "pip install torch --index-url https://download.pytorch.org/whl/cpu",
}


def missing_requirements(path: Path) -> list[str]:
    """Skip messages for the modules that ``path`` declares with ``# requires: a, b`` and that
    are not installed. A snippet for an optional library (TensorFlow, PyTorch) carries that
    line so that the tests skip it, with a reason, where the library is absent."""
    declared = [
        module.strip()
        for match in REQUIRES.finditer(path.read_text(encoding="utf-8"))
        for module in match["modules"].split(",")
    ]
    return [
        f"needs {module}: install it with `{INSTALL.get(module, f'pip install {module}')}`"
        for module in declared
        if importlib.util.find_spec(module) is None
    ]
