"""Every page has a meta description for search engines and link previews (Lighthouse SEO)."""

from __future__ import annotations

import pytest
import yaml

from site_tools.tutorial_pages import first_paragraph
from tests.conftest import DOCS, ROOT, TUTORIALS

PAGES = sorted(DOCS.rglob("*.md"))
SHORTEST = 40


def front_matter(text: str) -> dict:
    if not text.startswith("---\n"):
        return {}
    block, _, _ = text[4:].partition("\n---\n")
    return yaml.safe_load(block) or {}


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_page_has_a_description_in_its_front_matter(page):
    description = front_matter(page.read_text(encoding="utf-8")).get("description", "")
    assert isinstance(description, str) and len(description.strip()) >= SHORTEST, (
        f"{page.relative_to(ROOT)} has no description. Start the page with front matter:\n"
        "---\ndescription: One sentence that says what the reader learns on this page.\n---"
    )


@pytest.mark.parametrize("tutorial", TUTORIALS, ids=lambda p: p.name)
def test_tutorial_description_is_its_first_paragraph(tutorial):
    description = first_paragraph(tutorial)
    assert len(description) >= SHORTEST, (
        f"{tutorial.relative_to(ROOT)}: the first paragraph after the title becomes the page's "
        f"description and is too short ({description!r}); open with a sentence that says what the "
        "reader builds."
    )
