"""The curated resources: the data file is valid, and a broken entry is reported by entry and field."""

from __future__ import annotations

import copy
import re

import pytest
import yaml

from site_tools.resources import (
    DATA_FILE,
    KINDS,
    STEPS,
    ResourceError,
    load_resources,
    render_marker,
    replace_markers,
    validate_resources,
)
from tests.conftest import DOCS

GOOD = {
    "title": "A Good Book",
    "by": "An Author",
    "url": "https://example.org/book/",
    "kind": "book",
    "level": "beginner",
    "cost": "free",
    "topics": ["python"],
    "step": 1,
    "review": "Clear and short.",
}


def data_with(**changes: object) -> dict:
    """Two valid entries, the second changed as given (a value of None removes the field)."""
    second = {**GOOD, "title": "Another Book", "url": "https://example.org/other/", **changes}
    second = {key: value for key, value in second.items() if value is not None}
    return {"resources": [copy.deepcopy(GOOD), second]}


# ---------------------------------------------------------------- the real data file
# One test reports whether the file is valid, with every problem in it; the tests of its
# content skip when it is not, instead of repeating the same message.


def test_the_data_file_is_valid_and_has_at_least_40_entries():
    assert len(load_resources()) >= 40


@pytest.fixture(scope="module")
def resources():
    try:
        return load_resources()
    except ResourceError:
        pytest.skip(
            "data/resources.yaml is invalid: test_the_data_file_is_valid_and_has_at_least_40_entries says why"
        )


def test_every_step_and_kind_has_resources(resources):
    assert {r.step for r in resources} == set(STEPS)
    assert {r.kind for r in resources} == set(KINDS)


@pytest.mark.parametrize(
    "title",
    [
        "Elements of AI",
        "Python for Everybody",
        "Practical Deep Learning for Coders",
        "Deep Learning Specialization",
        "Grokking Deep Learning",
        "Understanding Machine Learning: From Theory to Algorithms",
        "Kaggle Learn - Pandas",
    ],
)
def test_the_classics_are_listed(title, resources):
    assert title in {r.title for r in resources}


def test_every_page_marker_renders_and_none_is_left(resources):
    for page in (DOCS / "learn").glob("*.md"):
        rendered = replace_markers(page.read_text(encoding="utf-8"), resources)
        assert "<!-- resources" not in rendered, f"{page.name}: a resources marker was not replaced"


def test_a_step_table_lists_exactly_that_steps_resources(resources):
    table = render_marker("step 2", resources)
    assert table.count("<tr data-resource") == sum(r.step == 2 for r in resources)
    assert set(re.findall(r'data-step="(\d)"', table)) == {"2"}


def test_titles_and_reviews_are_escaped_in_html():
    resource = validate_resources(data_with(title="Q&A <fast>"))[1]
    assert "Q&amp;A &lt;fast&gt;" in render_marker("step 1", [resource])


def test_an_unknown_marker_is_an_error():
    with pytest.raises(ResourceError, match="unknown marker.*by-topic"):
        render_marker("by-topic", validate_resources(data_with()))


# ---------------------------------------------------------------- a broken entry names entry and field


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"review": None}, "review", "is required"),
        ({"topics": []}, "topics", "is required"),
        ({"url": "http://example.org/x"}, "url", "must start with https://"),
        ({"url": "https://example.org/x?utm_source=a"}, "url", "affiliate parameter 'utm_source'"),
        ({"url": "https://example.org/x?ranMID=42&ranEAID=7"}, "url", "'ranMID'"),
        ({"url": "https://example.org/x?tag=mybook-20"}, "url", "'tag'"),
        ({"url": "https://example.org/x?ref=abc"}, "url", "'ref'"),
        ({"url": "https://example.org/x?affiliate=me"}, "url", "'affiliate'"),
        ({"url": "https://example.org/book"}, "url", "duplicates the URL of entry 1"),
        ({"title": "a good book"}, "title", "duplicates the title of entry 1"),
        ({"kind": "podcast"}, "kind", "'podcast' is not one of course, book"),
        ({"level": "expert"}, "level", "not one of beginner"),
        ({"cost": "cheap"}, "cost", "not one of free"),
        ({"step": 6}, "step", "not a roadmap step"),
        ({"step": "3"}, "step", "not a roadmap step"),
        ({"topics": ["Pandas"]}, "topics", "lowercase"),
        ({"review": "x" * 200}, "review", "at most 160"),
        ({"website": "https://x.org"}, "website", "unknown field"),
    ],
)
def test_a_broken_entry_names_the_entry_and_the_field(changes, field, message):
    with pytest.raises(ResourceError) as error:
        validate_resources(data_with(**changes))
    text = str(error.value)
    assert "entry 2" in text and f"field {field!r}" in text, text
    assert message in text, text
    if "title" not in changes:
        assert "'Another Book'" in text, "the message should name the entry by its title"


def test_every_problem_of_the_file_is_reported_in_one_run():
    data = data_with(url="http://example.org/x", kind="podcast", topics=["Pandas"])
    data["resources"].append({**GOOD, "title": "A Third Book", "url": "https://example.org/3", "step": 9})
    data["resources"].append("just a string")
    with pytest.raises(ResourceError) as error:
        validate_resources(data)
    assert error.value.problems == [
        "data/resources.yaml: entry 2 ('Another Book'), field 'url': 'http://example.org/x' must start with "
        "https:// and name a host",
        "data/resources.yaml: entry 2 ('Another Book'), field 'kind': 'podcast' is not one of course, book, "
        "video, tutorial, docs",
        "data/resources.yaml: entry 2 ('Another Book'), field 'topics': write topics in lowercase, like "
        "'pandas'",
        "data/resources.yaml: entry 3 ('A Third Book'), field 'step': 9 is not a roadmap step (1 to 5)",
        "data/resources.yaml: entry 4: must be a mapping with the fields title, by, url, kind, level, cost, "
        "topics, step, review",
    ]
    assert str(error.value).startswith("5 problems, fix them all:\n- data/resources.yaml: entry 2")


def test_an_entry_without_a_title_is_named_by_its_number():
    with pytest.raises(ResourceError, match=r"entry 2, field 'title': is required"):
        validate_resources(data_with(title=None))


def test_a_file_without_a_resources_list_is_rejected():
    with pytest.raises(ResourceError, match="top-level 'resources:' list"):
        validate_resources({"resource": []})


def test_invalid_yaml_names_the_file(tmp_path):
    broken = tmp_path / "resources.yaml"
    broken.write_text("resources:\n  - title: A: B\n", encoding="utf-8")
    with pytest.raises(ResourceError, match="resources.yaml: is not valid YAML"):
        load_resources(broken)


def test_the_header_of_the_data_file_documents_every_kind_and_cost():
    header = DATA_FILE.read_text(encoding="utf-8").split("resources:\n")[0]
    for word in (*KINDS, "free", "partly-free", "paid"):
        assert word in header
    assert yaml.safe_load(DATA_FILE.read_text(encoding="utf-8"))["resources"]


def test_the_build_hook_stops_on_a_broken_entry_and_names_it(tmp_path, monkeypatch):
    import importlib.util

    from mkdocs.exceptions import PluginError

    hook_file = DATA_FILE.parents[1] / "hooks" / "resources.py"
    spec = importlib.util.spec_from_file_location("resources_hook", hook_file)
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    broken = tmp_path / "resources.yaml"
    broken.write_text(yaml.safe_dump(data_with(url="http://example.org/insecure")), encoding="utf-8")
    monkeypatch.setattr(hook, "load_resources", lambda: load_resources(broken))
    with pytest.raises(
        PluginError, match=r"entry 2 \('Another Book'\), field 'url': .* must start with https://"
    ):
        hook.on_config(None)
