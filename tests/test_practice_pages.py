"""The practice pages show every exercise of the registry, once, on the page of its track; the
hooks turn the markers into statements, hints and solutions, and publish one notebook per track."""

from __future__ import annotations

import importlib.util
import json
import re

import pytest
import yaml
from mkdocs.exceptions import PluginError

from tests.conftest import DOCS, ROOT
from tutorials_lib.exercises import TRACKS, all_exercises, by_track

PRACTICE = DOCS / "practice"
PAGE_OF_TRACK = {
    "numpy": "numpy.md",
    "pandas": "pandas.md",
    "matplotlib": "matplotlib.md",
    "workflow": "scikit-learn-workflow.md",
    "algorithms": "classic-algorithms.md",
    "networks": "neural-networks.md",
    "digits": "digits-project.md",
    "features": "features.md",
    "recommender": "recommender.md",
    "training": "training.md",
    "generative": "generative-models.md",
    "language": "language-models.md",
    "retrieval": "embedding-search.md",
}


def load_hook(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "hooks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_track_has_a_page():
    assert set(PAGE_OF_TRACK) == set(TRACKS)
    assert {page.name for page in PRACTICE.glob("*.md")} == {"index.md", *PAGE_OF_TRACK.values()}


@pytest.mark.parametrize("track", list(TRACKS))
def test_the_track_page_shows_each_exercise_once_in_order(track):
    text = (PRACTICE / PAGE_OF_TRACK[track]).read_text(encoding="utf-8")
    for kind in ("exercise", "solution"):
        shown = re.findall(rf"^<!-- {kind}: ([\w-]+) -->$", text, re.MULTILINE)
        assert shown == [exercise.id for exercise in by_track(track)], kind
    for exercise in by_track(track):
        assert f"## {exercise.id}: {exercise.title}\n" in text
        assert f'get("{exercise.id}").check(' in text, f"{exercise.id}: no example of its check on the page"
    assert f"](notebooks/{track}.ipynb)" in text


@pytest.mark.parametrize("page", sorted(PRACTICE.glob("*.md")), ids=lambda p: p.name)
def test_the_page_has_a_description_in_valid_front_matter(page):
    front_matter = page.read_text(encoding="utf-8").split("---\n")[1]
    assert isinstance(yaml.safe_load(front_matter)["description"], str)


def test_markers_become_statement_hint_and_solution():
    hook = load_hook("exercise_statements")
    exercise = all_exercises()[1]
    page = hook.on_page_markdown(
        f"<!-- exercise: {exercise.id} -->\n\n<!-- solution: {exercise.id} -->\n", None, None, None
    )
    assert exercise.statement in page
    assert f"```python\n{exercise.given}\n```" in page
    assert f'??? tip "Hint"\n\n    {exercise.hint_text}' in page
    assert '??? success "Solution"\n\n    ```python\n' in page
    assert exercise.solution_code.splitlines()[-1] in page


def test_a_marker_with_an_unknown_id_fails_the_build():
    hook = load_hook("exercise_statements")
    with pytest.raises(PluginError, match="'numpy-42' names no exercise"):
        hook.on_page_markdown("<!-- exercise: numpy-42 -->\n", None, None, None)


def test_one_notebook_per_track_is_published(tmp_path):
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

    hook = load_hook("exercise_notebooks")
    config = MkDocsConfig()
    config.load_dict({"site_name": "test", "docs_dir": str(DOCS), "site_dir": str(tmp_path)})
    config.validate()
    config.plugins._current_plugin = None  # set by MkDocs while it runs a plugin's event
    files = hook.on_files(Files([]), config)
    published = {file.src_uri: file for file in files}
    assert set(published) == {f"practice/notebooks/{track}.ipynb" for track in TRACKS}
    numpy = json.loads(published["practice/notebooks/numpy.ipynb"].content_string)
    assert numpy["nbformat"] == 4 and "evens = ..." in "".join(cell["source"] for cell in numpy["cells"])


def test_the_overview_counts_match_the_registry():
    text = (PRACTICE / "index.md").read_text(encoding="utf-8")
    assert f"There are {len(all_exercises())} exercises in {len(TRACKS)} tracks" in text
    for track, page in PAGE_OF_TRACK.items():
        row = re.search(rf"^\| \[[^\]]+\]\({re.escape(page)}\) \| (\d+) \|", text, re.MULTILINE)
        assert row and int(row[1]) == len(by_track(track)), f"{page}: wrong count in the overview table"
        track_page = (PRACTICE / page).read_text(encoding="utf-8")
        assert f"it holds the {len(by_track(track))} exercises" in track_page
