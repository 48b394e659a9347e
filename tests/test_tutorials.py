"""Each tutorial runs end to end in a fresh kernel, with deprecation warnings as errors.

The run is the one the build shows (``site_tools.notebooks`` caches it under a key of the
tutorial, the library, the data and the lock file): whichever of the two needs it first runs it.
"""

from __future__ import annotations

import nbformat
import pytest

from site_tools.notebooks import execute_tutorial
from tests.conftest import TUTORIALS

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("tutorial", TUTORIALS, ids=lambda p: p.name)
def test_tutorial_runs_end_to_end(tutorial):
    notebook = nbformat.read(execute_tutorial(tutorial), as_version=4)
    code_cells = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert code_cells and code_cells[0].source.startswith(("import", "#", "from")), (
        "the set-up cell is missing"
    )
    outputs = [output for cell in code_cells for output in cell.outputs]
    assert any(output.output_type in {"stream", "execute_result", "display_data"} for output in outputs), (
        f"{tutorial.name} printed and drew nothing"
    )
