"""MkDocs hook: under ``mkdocs serve``, a rebuild renders only the pages an edit can change.

MkDocs rebuilds the whole site on every save (about 10 s here). After the first build, this
hook compares the site's sources with the last good build (``site_tools.serve_plan``: a page,
what includes a snippet, the glossary, the nav and titles) and removes the built files of the
pages that may differ; MkDocs then builds "dirty", which renders exactly the pages whose built
file is missing or older than their source, and leaves the others as they were. A change that
can touch every page (``mkdocs.yml``, a title, the glossary, the library, a hook) gets a clean
full build, as without this hook.

The first start does not wait for runs: a tutorial or figure that has not run yet runs in the
background (``site_tools.background``), and the pages are served at once; each run that lands
touches a file this hook watches, so the page is built again and the browser reloads.

The search index stays whole: a dirty build writes the rebuilt pages' entries only, and the
hook adds back those of the other pages.
``mkdocs build`` (and so the tests and CI) is not affected.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from pathlib import Path

import mkdocs.commands.build as build_command
import mkdocs.commands.serve as serve_command
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer

from site_tools import background
from site_tools.serve_plan import Snapshot, built_file, page_url, pages_to_rebuild, snapshot

log = logging.getLogger("mkdocs.hooks.incremental")
_full_build = build_command.build
SEARCH_INDEX = "search/search_index.json"
_last: dict[str, Snapshot] = {}  # the sources of the last good build, by site folder
_search_entries: dict[str, list[dict]] = {}  # the whole search index of that build
_trigger: list[Path] = []  # the file that background runs touch when they land


class _QuietDirtyWarning(logging.Filter):
    """MkDocs warns that a dirty build may leave stale navigation; the plan rules that out."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "A 'dirty' build is being performed" not in record.getMessage()


def on_startup(command: str, dirty: bool) -> None:
    if command != "serve":
        return
    _trigger.append(background.enable())  # serve at once: runs not cached go to the background
    if not dirty:  # --dirty keeps MkDocs' own (one page, no dependencies)
        serve_command.build = incremental_build  # what mkdocs serve's builder calls
        logging.getLogger("mkdocs.commands.build").addFilter(_QuietDirtyWarning())


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: Callable) -> LiveReloadServer:
    for trigger in _trigger:
        server.watch(str(trigger))  # a run that lands in the background rebuilds its page
    return server


def on_shutdown() -> None:
    serve_command.build = _full_build


def incremental_build(config: MkDocsConfig, *, serve_url: str | None = None, dirty: bool = False) -> None:
    """Build the site into ``config.site_dir``, rendering only what changed since the last build."""
    root = Path(config.config_file_path).parent
    site_dir = Path(config.site_dir)
    before, now = _last.get(str(site_dir)), snapshot(root)
    plan = pages_to_rebuild(before, now) if before is not None and site_dir.is_dir() else None
    with background.holding():  # runs not cached yet start after the build, not during it
        if plan is None:
            _full_build(config, serve_url=serve_url, dirty=False)
            _search_entries[str(site_dir)] = _read_index(site_dir)["docs"]
        else:
            for page in plan:
                built_file(page, site_dir).unlink(missing_ok=True)
            pages = ", ".join(sorted(plan)) or "none"
            log.info(f"Rebuilding the {len(plan)} page(s) the change can affect: {pages}")
            _full_build(config, serve_url=serve_url, dirty=True)
            _search_entries[str(site_dir)] = _merge_index(site_dir, _search_entries[str(site_dir)], plan)
    _last[str(site_dir)] = now  # only after a good build: a failed one is redone next time


def _read_index(site_dir: Path) -> dict:
    return json.loads((site_dir / SEARCH_INDEX).read_text(encoding="utf-8"))


def _merge_index(site_dir: Path, previous: list[dict], rebuilt: set[str]) -> list[dict]:
    """The search index of a dirty build holds the rebuilt pages only: add back the others."""
    index = _read_index(site_dir)
    urls = {page_url(page) for page in rebuilt}
    kept = [entry for entry in previous if entry["location"].split("#")[0] not in urls]
    index["docs"] = kept + index["docs"]
    (site_dir / SEARCH_INDEX).write_text(json.dumps(index, separators=(",", ":")), encoding="utf-8")
    return index["docs"]
