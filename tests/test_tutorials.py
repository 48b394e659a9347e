"""Each tutorial runs end to end in a fresh kernel, with deprecation warnings as errors."""

from __future__ import annotations

import pytest

from site_tools.notebooks import execute_tutorial
from tests.conftest import TUTORIALS

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("tutorial", TUTORIALS, ids=lambda p: p.name)
def test_tutorial_runs_end_to_end(tutorial):
    notebook = execute_tutorial(tutorial)
    outputs = [output for cell in notebook.cells if cell.cell_type == "code" for output in cell.outputs]
    assert outputs, f"{tutorial.name} printed and drew nothing"
    assert not [o for o in outputs if o.get("output_type") == "stream" and o.get("name") == "stderr"], (
        f"{tutorial.name} wrote to stderr (a warning?): {[o.text for o in outputs if o.get('name') == 'stderr']}"
    )
