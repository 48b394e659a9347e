"""Which pages an edit can change: the plan behind ``mkdocs serve``'s incremental rebuilds.

:func:`snapshot` records every file the site is built from (its content hash), each page's
title and what each page includes. :func:`pages_to_rebuild` compares two snapshots:

- a page's own source changed: that page;
- a file that pages include with ``--8<--`` changed (a snippet, its ``.out``, a note in
  ``includes/``, ``CONTRIBUTING.md``), directly or through another include: those pages;
- the glossary, or another data file, changed: every page (the glossary links its terms
  everywhere, and ``includes/abbreviations.md`` is appended to every page);
- the configuration or navigation (``mkdocs.yml``), the hooks, the theme overrides, the
  library (``src/``), a page's title, or the set of pages changed: every page;
- anything else (a stylesheet, a script, an image): no page; MkDocs copies the file.

``None`` stands for "every page", which the hook builds as MkDocs always does, from clean.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

INCLUDE = re.compile(r'^[ \t]*--8<--\s+"(?P<path>[^":]+)(?::[^"]*)?"', re.MULTILINE)
# A page's title: front matter's ``title:``, else its first heading (``# # Title`` in a tutorial).
TITLES = {
    ".md": re.compile(r"^title:\s*(?P<title>.+)$|^# (?P<heading>.+)$", re.MULTILINE),
    ".py": re.compile(r"^# # (?P<heading>.+)$", re.MULTILINE),
}
SOURCES = ("docs", "snippets", "includes", "data", "src", "hooks", "overrides")
WHOLE_SITE = ("mkdocs.yml", "hooks/", "overrides/", "src/")
EVERY_PAGE = ("data/", "includes/abbreviations.md")
PAGE_SUFFIXES = (".md", ".py")
IGNORED_PARTS = {"__pycache__", ".ipynb_checkpoints"}


@dataclass
class Snapshot:
    """The site's sources at one build: content hashes, page titles, and each page's includes."""

    digests: dict[str, str] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)
    includes: dict[str, set[str]] = field(default_factory=dict)

    @property
    def pages(self) -> set[str]:
        return set(self.titles)


def is_page(path: str) -> bool:
    """True for a file MkDocs renders as a page: Markdown in docs/, or a tutorial notebook."""
    return path.startswith("docs/") and (
        path.endswith(".md") or (path.startswith("docs/tutorials/") and path.endswith(".py"))
    )


def snapshot(root: Path) -> Snapshot:
    """Hash every source of the site below ``root`` (cheap: a few hundred small files)."""
    found = Snapshot()
    files = [root / "mkdocs.yml", root / "CONTRIBUTING.md"]
    for folder in SOURCES:
        files += sorted(
            p for p in (root / folder).rglob("*") if p.is_file() and not IGNORED_PARTS & set(p.parts)
        )
    for path in files:
        if not path.is_file():
            continue
        name = path.relative_to(root).as_posix()
        data = path.read_bytes()
        found.digests[name] = hashlib.sha256(data).hexdigest()
        if is_page(name):
            text = data.decode("utf-8", errors="replace")
            title = TITLES[path.suffix].search(text)
            found.titles[name] = (title.groupdict().get("title") or title["heading"]).strip() if title else ""
            found.includes[name] = {m["path"] for m in INCLUDE.finditer(text)}
        elif name.endswith(".md"):  # an included note may include more
            found.includes[name] = {
                m["path"] for m in INCLUDE.finditer(data.decode("utf-8", errors="replace"))
            }
    return found


def _includers(before: Snapshot, after: Snapshot, changed: str) -> set[str]:
    """The pages that include ``changed``, directly or through included Markdown files."""
    includes = {**before.includes, **after.includes}
    pages, frontier, seen = set(), {changed}, set()
    while frontier:
        target = frontier.pop()
        seen.add(target)
        for source, targets in includes.items():
            if target in targets:
                if is_page(source):
                    pages.add(source)
                elif source not in seen:
                    frontier.add(source)
    return pages


def pages_to_rebuild(before: Snapshot, after: Snapshot) -> set[str] | None:
    """The pages (paths such as ``docs/concepts/x.md``) that differ between the two snapshots'
    builds, or ``None`` if every page may."""
    changed = {
        name
        for name in before.digests.keys() | after.digests.keys()
        if before.digests.get(name) != after.digests.get(name)
    }
    if before.pages != after.pages:
        return None
    if any(name.startswith(WHOLE_SITE) or name.startswith(EVERY_PAGE) for name in changed):
        return None
    if any(before.titles[page] != after.titles[page] for page in changed & after.pages):
        return None
    pages = changed & after.pages
    for name in changed - after.pages:
        pages |= _includers(before, after, name)
    return pages


def built_file(page: str, site_dir: Path) -> Path:
    """Where MkDocs writes ``page`` (``docs/a/b.md`` -> ``a/b/index.html``)."""
    return site_dir / page_url(page) / "index.html"


def page_url(page: str) -> str:
    """The URL of ``page`` below the site's root, as MkDocs and the search index write it."""
    relative = Path(page).relative_to("docs").with_suffix("")
    parts = relative.parts[:-1] if relative.name == "index" else relative.parts
    return "".join(f"{part}/" for part in parts)
