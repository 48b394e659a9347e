"""Every learner page has an independent review on record, and every item has an outcome.

The log is ``docs/review-log.md``: one ``## <page>`` section per page (its path below
``docs/``), saying which commit was reviewed, then the reviewer's numbered items, each ending
in ``**Changed:**`` (what the author changed) or ``**Kept:**`` (why the text stayed), or the
line ``No items.``. The method is in CONTRIBUTING.md, "Review a page".
"""

from __future__ import annotations

import re

import pytest
import yaml

from tests.conftest import DOCS, ROOT

LOG = DOCS / "review-log.md"
NOT_LEARNER_PAGES = {"contributing.md", "review-log.md"}
SECTION = re.compile(r"^## (?P<page>\S+)\s*$", re.MULTILINE)
ITEM = re.compile(r"^\d+\. ", re.MULTILINE)
OUTCOME = re.compile(r"\*\*(?:Changed|Kept)\b[^*]*:\*\*")  # also **Changed (check):**
REVIEWED_AT = re.compile(r"Reviewed at `[0-9a-f]{7,}`")


def nav_pages() -> list[str]:
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("", lambda loader, suffix, node: None)  # !relative and friends
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)

    def walk(entries):
        for entry in entries:
            if isinstance(entry, str):
                yield entry
            elif isinstance(entry, dict):
                for value in entry.values():
                    yield from walk(value) if isinstance(value, list) else [value]

    return [page for page in walk(config["nav"]) if page not in NOT_LEARNER_PAGES]


def sections() -> dict[str, str]:
    text = LOG.read_text(encoding="utf-8")
    found = list(SECTION.finditer(text))
    ends = [match.start() for match in found[1:]] + [len(text)]
    return {match["page"]: text[match.end() : end] for match, end in zip(found, ends, strict=False)}


def test_every_learner_page_has_a_review_on_record():
    missing = [page for page in nav_pages() if page not in sections()]
    assert not missing, (
        "these pages have no review in docs/review-log.md: " + ", ".join(missing) + "\n"
        "Have someone who did not write the page review it (CONTRIBUTING.md, 'Review a page'), "
        "then add a '## <page>' section with the items and what changed."
    )


@pytest.mark.parametrize("page", sorted(sections()))
def test_each_review_names_its_commit_and_every_item_has_an_outcome(page):
    body = sections()[page]
    assert (DOCS / page).exists(), f"docs/review-log.md reviews {page}, which is not a page"
    assert REVIEWED_AT.search(body), f"docs/review-log.md, {page}: say which commit was reviewed"
    starts = [match.start() for match in ITEM.finditer(body)]
    ends = starts[1:] + [len(body)] if starts else []
    items = [body[start:end] for start, end in zip(starts, ends, strict=True)]
    assert items or "No items." in body, f"docs/review-log.md, {page}: list the items, or say 'No items.'"
    without = [item.splitlines()[0][:80] for item in items if not OUTCOME.search(item)]
    assert not without, f"docs/review-log.md, {page}: items without **Changed:** or **Kept:**: {without}"
