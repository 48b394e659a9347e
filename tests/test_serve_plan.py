"""mkdocs serve rebuilds the pages an edit can change, and only those (site_tools.serve_plan).

Each test edits one kind of source in a small copy of the site's layout and checks the plan;
``None`` means a clean build of every page. ``test_serve_rebuilds_only_the_edited_page`` runs
the real hook on the real site.
"""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pytest

from site_tools.serve_plan import built_file, page_url, pages_to_rebuild, snapshot
from tests.conftest import ROOT

PAGES = {
    "docs/index.md": "# Home\n\nWelcome.\n",
    "docs/a.md": (
        '# Page A\n\n```python title="x"\n--8<-- "snippets/t/x.py"\n```\n\n'
        '```text\n--8<-- "snippets/t/x.out"\n```\n'
    ),
    "docs/b.md": '# Page B\n\n--8<-- "includes/note.md"\n',
    "docs/c.md": "---\ntitle: Page C\n---\n\nNo heading.\n",
    "docs/tutorials/t.py": "# %% [markdown]\n# # A tutorial\n\n# %%\nprint(1)\n",
    "docs/stylesheets/extra.css": "body {}\n",
    "snippets/t/x.py": "print(2)\n",
    "snippets/t/x.out": "2\n",
    "snippets/t/y.py": "print(3)\n",
    "includes/note.md": 'A note.\n--8<-- "snippets/t/y.py"\n',
    "includes/abbreviations.md": "*[ML]: Machine learning\n",
    "data/glossary.yaml": "- term: ML\n",
    "src/tutorials_lib/__init__.py": "",
    "hooks/h.py": "",
    "mkdocs.yml": "nav:\n  - index.md\n  - a.md\n",
}


@pytest.fixture
def site(tmp_path: Path) -> Path:
    for name, text in PAGES.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def plan_after(site: Path, name: str, text: str | None):
    before = snapshot(site)
    if text is None:
        (site / name).unlink()
    else:
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(text, encoding="utf-8")
    return pages_to_rebuild(before, snapshot(site))


@pytest.mark.parametrize(
    ("edited", "text", "rebuilt"),
    [
        ("docs/a.md", "# Page A\n\nNew words.\n", {"docs/a.md"}),
        ("snippets/t/x.py", "print(20)\n", {"docs/a.md"}),
        ("snippets/t/x.out", "20\n", {"docs/a.md"}),
        ("snippets/t/y.py", "print(30)\n", {"docs/b.md"}),  # through includes/note.md
        ("includes/note.md", "Another note.\n", {"docs/b.md"}),
        (
            "docs/tutorials/t.py",
            "# %% [markdown]\n# # A tutorial\n\n# %%\nprint(5)\n",
            {"docs/tutorials/t.py"},
        ),
        ("docs/stylesheets/extra.css", "body { margin: 0 }\n", set()),
        ("README.md", "Not part of the site.\n", set()),
    ],
)
def test_an_edit_rebuilds_the_pages_that_show_it(site, edited, text, rebuilt):
    assert plan_after(site, edited, text) == rebuilt


@pytest.mark.parametrize(
    ("edited", "text"),
    [
        ("data/glossary.yaml", "- term: AI\n"),  # the glossary links terms on every page
        ("includes/abbreviations.md", "*[AI]: Artificial intelligence\n"),  # appended to every page
        ("mkdocs.yml", "nav:\n  - a.md\n  - index.md\n"),  # the nav is on every page
        ("docs/a.md", "# A new title for page A\n"),  # so is every title
        ("docs/c.md", "---\ntitle: Another title\n---\n\nNo heading.\n"),
        ("docs/tutorials/t.py", "# %% [markdown]\n# # Another tutorial title\n"),
        ("docs/d.md", "# A new page\n"),
        ("src/tutorials_lib/__init__.py", "X = 1\n"),  # tutorials and API pages depend on it
        ("hooks/h.py", "# a hook changes how every page is built\n"),
    ],
)
def test_an_edit_that_can_change_every_page_rebuilds_the_whole_site(site, edited, text):
    assert plan_after(site, edited, text) is None


def test_a_removed_page_rebuilds_the_whole_site(site):
    assert plan_after(site, "docs/c.md", None) is None


@pytest.mark.parametrize(
    ("page", "built", "url"),
    [
        ("docs/index.md", "index.html", ""),
        ("docs/concepts/ml-workflow.md", "concepts/ml-workflow/index.html", "concepts/ml-workflow/"),
        ("docs/tutorials/digits.py", "tutorials/digits/index.html", "tutorials/digits/"),
    ],
)
def test_a_page_is_found_where_mkdocs_writes_it(page, built, url, tmp_path):
    assert built_file(page, tmp_path) == tmp_path / built
    assert page_url(page) == url


def test_every_page_of_the_site_is_in_the_snapshot():
    pages = snapshot(ROOT).pages
    assert {p.relative_to(ROOT).as_posix() for p in (ROOT / "docs").rglob("*.md")} <= pages
    assert "docs/tutorials/digits.py" in pages


@pytest.mark.slow
def test_serve_rebuilds_only_the_edited_page_and_keeps_the_search_index_whole(tmp_path):
    """The real hook on a copy of the real site: a full build, then an edit to one page."""
    from mkdocs.config import load_config

    spec = importlib.util.spec_from_file_location("incremental_hook", ROOT / "hooks" / "incremental.py")
    incremental = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(incremental)

    copy = tmp_path / "site-source"
    shutil.copytree(
        ROOT, copy, ignore=shutil.ignore_patterns(".git", ".venv", "node_modules", "site", ".cache")
    )
    (copy / ".cache").symlink_to(ROOT / ".cache")  # the runs are shared: nothing executes again
    site_dir = tmp_path / "built"

    def build() -> None:
        config = load_config(str(copy / "mkdocs.yml"), site_dir=str(site_dir))
        incremental.incremental_build(config, serve_url="http://127.0.0.1:8000/guide/")

    build()
    index_before = (site_dir / "search" / "search_index.json").read_text(encoding="utf-8")
    other = built_file("docs/concepts/ml-workflow.md", site_dir)
    other_mtime = other.stat().st_mtime_ns
    page = copy / "docs" / "concepts" / "ai-ml-dl.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nA sentence added by the test.\n", encoding="utf-8")
    build()
    assert "A sentence added by the test." in built_file("docs/concepts/ai-ml-dl.md", site_dir).read_text()
    assert other.stat().st_mtime_ns == other_mtime, "a page the edit cannot change was rebuilt"
    index_after = (site_dir / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "A sentence added by the test." in index_after
    assert index_after.count('"location"') == index_before.count('"location"')
