"""MkDocs hook: checks that MkDocs itself does not make, so that ``--strict`` fails on them.

- Every image on every page has alt text. ``![](figure.png)`` renders as ``alt=""``, which
  screen readers (and axe) take for a decorative image; a figure in a lesson is never that.
- Links in the tutorials' Markdown cells point at pages and anchors that exist. MkDocs checks
  the links of Markdown pages, but mkdocs-jupyter renders notebooks without it.
"""

from __future__ import annotations

import functools
import posixpath
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from site_tools.hints import shown

# Tutorial page URL -> (its source file, the links its Markdown cells hold).
_tutorial_links: dict[str, tuple[Path, list[str]]] = {}


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.images: list[dict] = []
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list) -> None:
        attributes = dict(attrs)
        if tag == "img":
            self.images.append(attributes)
        if tag == "a" and attributes.get("href"):
            self.links.append(attributes["href"])
        for key in ("id", "name"):
            if attributes.get(key):
                self.ids.add(attributes[key])


@functools.lru_cache(maxsize=256)  # mkdocs serve rebuilds every page on each edit; most are unchanged
def _tags(html: str) -> _Tags:
    tags = _Tags()
    tags.feed(html)
    return tags


def _line_of(source: Path, needle: str) -> str:
    for number, line in enumerate(source.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return f"{shown(source)}, line {number}"
    return shown(source)


@event_priority(-50)  # after the hooks that write figures and alt text into the page
def on_page_content(content: str, page, config: MkDocsConfig, files) -> str:
    source = Path(config.docs_dir) / page.file.src_uri
    tags = _tags(content)
    missing = [image.get("src", "") for image in tags.images if not (image.get("alt") or "").strip()]
    if missing:
        raise PluginError(
            "\n".join(
                f"{_line_of(source, Path(src).name)}: the image '{src}' has no alt text. Say what it shows: "
                f"![A scatter plot of ... ]({src}). A screen reader reads an empty alt as 'decorative'."
                for src in missing
            )
        )
    if page.file.src_uri.startswith("tutorials/") and page.file.src_uri.endswith(".py"):
        internal = [link for link in tags.links if not urlsplit(link).scheme and not link.startswith("//")]
        _tutorial_links[page.url] = (source, internal)
    return content


def on_post_build(config: MkDocsConfig) -> None:
    site = Path(config.site_dir)
    problems = []
    for page_url, (source, links) in _tutorial_links.items():
        for link in links:
            if (why := _broken(site, page_url, link)) is not None:
                problems.append(
                    f"{_line_of(source, link.split('#')[0] or link)}: the link '{link}' {why}. Link a "
                    "page by its URL relative to this tutorial's page, e.g. "
                    "../../concepts/ml-workflow/#cross-validation."
                )
    _tutorial_links.clear()
    if problems:
        raise PluginError("Broken links in tutorials:\n" + "\n".join(problems))


def _broken(site: Path, page_url: str, link: str) -> str | None:
    """Why ``link`` on the page at ``page_url`` leads nowhere in the built ``site``, or None."""
    parts = urlsplit(link)
    target_url = posixpath.normpath(posixpath.join(posixpath.dirname(page_url + "x"), unquote(parts.path)))
    target = site / (page_url if not parts.path else target_url)
    if target.is_dir() or (parts.path or page_url).endswith("/"):
        target = target / "index.html"
    if not target.is_file():
        return "points at no page or file of the site"
    if parts.fragment and target.suffix == ".html":
        if parts.fragment not in _tags(target.read_text(encoding="utf-8")).ids:
            return f"points at an anchor #{parts.fragment} that the page does not have"
    return None
