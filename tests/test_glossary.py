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

# One test reports whether the glossary is valid, with every problem in it; the tests of its
# content skip when it is not, instead of repeating the same message.


def test_the_glossary_is_valid_and_links_only_to_existing_pages():
    terms = load_glossary()
    assert len(terms) >= 50
    for term in terms:
        if term.page:
            assert (DOCS / term.page.partition("#")[0]).is_file(), term


@pytest.fixture(scope="module")
def terms():
    try:
        return load_glossary()
    except GlossaryError:
        pytest.skip(
            "data/glossary.yaml is invalid: see test_the_glossary_is_valid_and_links_only_to_existing_pages"
        )


def test_includes_abbreviations_matches_the_glossary(terms):
    assert ABBREVIATIONS_FILE.read_text(encoding="utf-8") == render_abbreviations(terms), (
        "includes/abbreviations.md is out of date: run uv run python -m site_tools.glossary"
    )
    assert main(["--check"]) == 0


@pytest.mark.parametrize(
    "abbr", ["AI", "ML", "DL", "CNN", "GPU", "API", "JIT", "LLM", "SGD", "ReLU", "k-NN", "GDPR"]
)
def test_the_site_wide_abbreviations_include(abbr, terms):
    assert f"*[{abbr}]: " in render_abbreviations(terms)


def test_links_are_relative_to_the_glossary_page():
    terms = validate_glossary(
        {
            "terms": [
                {
                    "term": "Model",
                    "definition": "a learned rule",
                    "page": "concepts/what-is-machine-learning.md#the-vocabulary-in-one-place",
                },
            ]
        }
    )
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


def test_every_problem_of_the_glossary_is_reported_in_one_run():
    data = {
        "terms": [
            {"term": "Accuracy", "definition": "the share of correct predictions."},
            {"term": "Epoch", "definition": 'one "pass"', "abbr": "E P", "see": "x"},
            {"term": "accuracy", "definition": "again"},
        ]
    }
    with pytest.raises(GlossaryError) as error:
        validate_glossary(data)
    assert error.value.problems == [
        "data/glossary.yaml: entry 1 ('Accuracy'), field 'definition': drop the final full stop (the page "
        "adds it)",
        "data/glossary.yaml: entry 2 ('Epoch'), field 'see': unknown field; use term, definition, abbr, page",
        "data/glossary.yaml: entry 2 ('Epoch'), field 'definition': must not contain double quotes (they "
        "break the tooltip)",
        "data/glossary.yaml: entry 2 ('Epoch'), field 'abbr': 'E P' must be letters, digits or hyphens",
    ]
    assert str(error.value).startswith("4 problems, fix them all:\n- data/glossary.yaml: entry 1")
