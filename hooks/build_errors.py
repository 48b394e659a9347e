"""MkDocs hook: when a rebuild under ``mkdocs serve`` fails, the pages in the browser say why.

Left alone, MkDocs 1.6 keeps the browser waiting with no answer after a failed rebuild, until
the error is fixed; only the terminal says what went wrong. This hook wraps the server's
builder: when a rebuild fails, it prints the error as MkDocs does and lets the browser reload.
A full rebuild starts by emptying the site folder, and an incremental one
(``hooks/incremental.py``) removes the pages it rebuilds, so those are gone by then: the server
answers a missing page with ``404.html``, which this hook replaces with a page that shows the
error and reloads itself every few seconds; a page that was written before the failure gets
the error as a banner at its top. The next successful build removes every banner.
``mkdocs build`` is not affected, and neither is the first build of ``mkdocs serve``, which
still stops the command with the error.
"""

from __future__ import annotations

import html
import logging
import re
import traceback
from collections.abc import Callable
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer

log = logging.getLogger("mkdocs.hooks.build_errors")

START, END = "<!-- build-error -->", "<!-- /build-error -->"
BANNER = re.compile(re.escape(START) + ".*?" + re.escape(END), re.DOTALL)
BODY = re.compile(r"<body[^>]*>")
STYLE = (
    "position:sticky;top:0;z-index:1000;margin:0;padding:1rem 1.5rem;background:#fff4f4;"
    "color:#5c0000;border-bottom:4px solid #b00020;font:0.9rem/1.5 system-ui,sans-serif"
)


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: Callable) -> LiveReloadServer:
    server.builder = showing_errors(server.builder, Path(server.root))
    return server


def showing_errors(build: Callable[[], None], site_dir: Path) -> Callable[[], None]:
    """``build``, changed so that a failure shows on the served pages instead of stalling them."""

    showing = False

    def build_or_show_the_error() -> None:
        nonlocal showing
        try:
            build()
        except Exception as error:  # whatever broke the build, the reader must see it
            traceback.print_exc()
            log.error("The rebuild failed: the pages in the browser show the error until it is fixed.")
            mark_pages(site_dir, error_banner(error))
            (site_dir / "404.html").write_text(error_page(error), encoding="utf-8")
            showing = True
        else:
            if showing:  # a page the new build did not rewrite may still carry the banner
                mark_pages(site_dir, "")
                showing = False

    return build_or_show_the_error


def error_banner(error: Exception) -> str:
    """The HTML of the banner: what failed, the error message, and the traceback on demand."""
    message = html.escape(f"{type(error).__name__}: {error}")
    details = html.escape("".join(traceback.format_exception(error)))
    return (
        f'{START}<div role="alert" style="{STYLE}"><strong>The site could not be rebuilt</strong>, so '
        "this page shows the last good build. Fix the error below and save: the page reloads by itself. "
        "The terminal running <code>mkdocs serve</code> shows the same error."
        f'<pre style="white-space:pre-wrap;margin:0.5rem 0">{message}</pre>'
        f'<details><summary>Traceback</summary><pre style="white-space:pre-wrap">{details}</pre></details>'
        f"</div>{END}"
    )


def error_page(error: Exception) -> str:
    """A whole page with the banner, which reloads itself until the site builds again."""
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        '<meta http-equiv="refresh" content="3"><title>Build error</title></head>'
        f"<body>{error_banner(error)}</body></html>"
    )


def mark_pages(site_dir: Path, banner: str) -> None:
    """Put ``banner`` at the top of every page in ``site_dir``, replacing any earlier one ("" removes it)."""
    for page in site_dir.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        cleaned = BANNER.sub("", text)
        marked = BODY.sub(lambda body: body.group() + banner, cleaned, count=1) if banner else cleaned
        if marked != text:
            page.write_text(marked, encoding="utf-8")
