"""The glossary data, its page, and the abbreviation tooltips generated from it."""

from __future__ import annotations

import pytest

from site_tools.glossary import (
    ABBREVIATIONS_FILE,
    GlossaryError,
    load_glossary,
    main,
    render_abbreviations,
    render_glossary,
    validate_glossary,
)
from tests.conftest import DOCS


def test_the_glossary_is_valid_and_links_only_to_existing_pages():
    terms = load_glossary()
    assert len(terms) >= 50
    for term in terms:
        if term.page:
            assert (DOCS / term.page.partition("#")[0]).is_file(), term


def test_includes_abbreviations_matches_the_glossary():
    assert ABBREVIATIONS_FILE.read_text(encoding="utf-8") == render_abbreviations(load_glossary()), (
        "includes/abbreviations.md is out of date: run uv run python -m site_tools.glossary"
    )
    assert main(["--check"]) == 0


@pytest.mark.parametrize(
    "abbr", ["AI", "ML", "DL", "CNN", "GPU", "API", "JIT", "LLM", "SGD", "ReLU", "k-NN", "GDPR"]
)
def test_the_site_wide_abbreviations_include(abbr):
    assert f"*[{abbr}]: " in render_abbreviations(load_glossary())


def test_links_are_relative_to_the_glossary_page():
    terms = validate_glossary({"terms": [
        {"term": "Model", "definition": "a learned rule",
         "page": "concepts/what-is-machine-learning.md#the-vocabulary-in-one-place"},
    ]})
    markdown = render_glossary(terms, "learn/glossary.md")
    assert "**Model**\n:   A learned rule. Explained in [What is machine learning?]" in markdown
    assert "(../concepts/what-is-machine-learning.md#the-vocabulary-in-one-place)" in markdown


@pytest.mark.parametrize(
    ("entry", "field", "message"),
    [
        ({"term": "Epoch"}, "definition", "non-empty, one-line string"),
        ({"term": "Epoch", "definition": "one pass."}, "definition", "final full stop"),
        ({"term": "Epoch", "definition": 'a "pass"'}, "definition", "double quotes"),
        ({"term": "Epoch", "definition": "one pass", "page": "learn/no-such-page.md"}, "page", "not a page"),
        ({"term": "Epoch", "definition": "one pass", "abbr": "E P"}, "abbr", "letters, digits or hyphens"),
        ({"term": "Epoch", "definition": "one pass", "see": "x"}, "see", "unknown field"),
        ({"term": "accuracy", "definition": "again"}, "term", "duplicates entry 1"),
    ],
)
def test_a_broken_entry_names_the_entry_and_the_field(entry, field, message):
    data = {"terms": [{"term": "Accuracy", "definition": "the share of correct predictions"}, entry]}
    with pytest.raises(GlossaryError) as error:
        validate_glossary(data)
    text = str(error.value)
    assert "entry 2" in text and f"field {field!r}" in text and message in text, text
