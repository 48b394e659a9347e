"""Every page whose code needs more than the home page's install line says so, before that code.

The home page promises that the examples need only ``pip install numpy pandas matplotlib
scikit-learn "keras>=3" "jax[cpu]"``. A page whose doctests or embedded snippets import anything
else (``tutorials_lib``, PyTorch, TensorFlow) must tell the reader how to install it, before the
block that first imports it: the guide's package with ``--8<-- "includes/install-tutorials-lib.md"``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from site_tools import reader

ROOT = Path(__file__).resolve().parents[1]
PAGES = sorted((ROOT / "docs").rglob("*.md"))


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.relative_to(ROOT / "docs").as_posix())
def test_the_page_says_how_to_install_what_its_code_imports(page):
    problems = reader.unannounced_modules(page, ROOT)
    assert not problems, "\n".join(problems)


def test_the_include_installs_the_wheel_this_build_publishes():
    include = (ROOT / reader.INCLUDE).read_text(encoding="utf-8")
    assert include == reader.install_admonition(), (
        f"{reader.INCLUDE} is out of date (the version changed?): run `uv run python -m site_tools.reader`"
    )


def test_a_page_importing_a_module_it_never_mentions_fails_naming_page_and_module(tmp_path):
    page = tmp_path / "docs" / "broken.md"
    page.parent.mkdir()
    page.write_text(
        "# Broken\n\n```python\n>>> import numpy\n"
        ">>> from tutorials_lib.data import load_digits_split\n\n```\n"
    )
    [problem] = reader.unannounced_modules(page, tmp_path)
    assert problem.startswith(f"{page}, line 3: the code imports tutorials_lib")


def test_an_install_line_after_the_code_is_too_late(tmp_path):
    page = tmp_path / "late.md"
    snippet = tmp_path / "snippets" / "uses_torch.py"
    snippet.parent.mkdir()
    snippet.write_text("import torch\n")
    page.write_text(
        '```python title="snippets/uses_torch.py"\n--8<-- "snippets/uses_torch.py"\n```\n\n'
        "Install it: `pip install torch --index-url https://download.pytorch.org/whl/cpu`\n"
    )
    [problem] = reader.unannounced_modules(page, tmp_path)
    assert "imports torch" in problem and "pip install torch" in problem


def test_the_pages_that_import_tutorials_lib_are_found():
    importing = {page.relative_to(ROOT / "docs").as_posix() for page in PAGES if _imports_library(page)}
    assert {"practice/numpy.md", "start/setup.md", "deep-learning/convolutional-networks.md"} <= importing


def _imports_library(page: Path) -> bool:
    return any(reader.LIBRARY in reader.imported_modules(code) for _, _, code in reader.page_code(page, ROOT))
