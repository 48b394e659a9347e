"""What a snippet declares about itself: the optional libraries it needs."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from site_tools.reader import SEPARATE_COMMANDS, declared_modules


def missing_requirements(path: Path) -> list[str]:
    """Skip messages for the modules that ``path`` declares with ``# requires: a, b`` and that
    are not installed. A snippet for an optional library (TensorFlow, PyTorch) carries that
    line so that the tests skip it, with a reason, where the library is absent."""
    return [
        f"needs {module}: install it with `{SEPARATE_COMMANDS.get(module, f'pip install {module}')}`"
        for module in declared_modules(path.read_text(encoding="utf-8"))
        if importlib.util.find_spec(module) is None
    ]
