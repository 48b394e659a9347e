"""The built site, served on 127.0.0.1 and driven in Debian's headless Chromium by Playwright.

Chromium comes from the system (``apt-get install chromium``), never from ``playwright install``,
which downloads a browser build. Where ``/usr/bin/chromium`` is missing the browser tests skip,
except in CI (``CI=true``), where they fail so that a run without a browser cannot pass.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import pytest

from tests.conftest import ROOT, page_path

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
CHROME_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
IN_CI = os.environ.get("CI", "").lower() == "true"
LOCAL_HOSTS = {"127.0.0.1", "localhost"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)


def require(condition: bool, reason: str) -> None:
    """Skip the test when a tool is missing locally; fail it in CI, where it must be installed."""
    if condition:
        return
    if IN_CI:
        pytest.fail(f"{reason} (CI=true: installing it is .ci/run's job)", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    require(CHROMIUM.exists(), f"{CHROMIUM} not found: install it with `apt-get install chromium`")
    return {**browser_type_launch_args, "executable_path": str(CHROMIUM), "args": CHROME_ARGS}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """The session's build, served by ``python -m http.server`` on a free local port."""
    require(CHROMIUM.exists(), f"{CHROMIUM} not found: install it with `apt-get install chromium`")
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "http.server", "--bind", "127.0.0.1", str(port), "-d", str(built_site)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(url, timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail(f"the site server on {url} did not start", pytrace=False)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)


def site_paths(built_site: Path) -> list[str]:
    """Every page of the site, as a path below the root ('' for the home page), from the sitemap."""
    site_root = urlparse(_site_url_line()).path
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locations = [loc.text for loc in ET.parse(built_site / "sitemap.xml").findall(".//s:loc", namespace)]
    return [urlparse(location).path.removeprefix(site_root) for location in locations]


def _site_url_line() -> str:
    for line in (ROOT / "mkdocs.yml").read_text(encoding="utf-8").splitlines():
        if line.startswith("site_url:"):
            return line.split(":", 1)[1].strip()
    raise AssertionError("mkdocs.yml has no site_url")


@dataclass
class Visit:
    """What happened while a page was open: console errors and requests that left the site."""

    page: object
    console_errors: list[str] = field(default_factory=list)
    off_site_requests: list[str] = field(default_factory=list)

    def assert_clean(self) -> None:
        assert not self.off_site_requests, "requests outside the site:\n" + "\n".join(self.off_site_requests)
        assert not self.console_errors, "console errors:\n" + "\n".join(self.console_errors)


@pytest.fixture
def visit(browser) -> Iterator[Callable[..., Visit]]:
    """Open a fresh browser context and page that records console errors and aborts (and
    records) every request to a host other than 127.0.0.1."""
    contexts = []

    def open_page(url: str, **context_args) -> Visit:
        context = browser.new_context(**context_args)
        contexts.append(context)
        page = context.new_page()
        record = Visit(page)

        def guard(route) -> None:
            if urlparse(route.request.url).hostname in LOCAL_HOSTS or route.request.url.startswith("data:"):
                route.continue_()
            else:
                record.off_site_requests.append(route.request.url)
                route.abort()

        context.route("**/*", guard)
        page.on(
            "console",
            lambda message: (
                message.type == "error"
                and record.console_errors.append(f"{message.text} ({message.location.get('url', '')})")
            ),
        )
        page.on("pageerror", lambda error: record.console_errors.append(f"uncaught: {error}"))
        page.goto(url, wait_until="load")
        return record

    yield open_page
    for context in contexts:
        context.close()


SOURCES = sorted([*(ROOT / "docs").rglob("*.md"), *(ROOT / "docs" / "tutorials").glob("*.py")])
PAGES = [page_path(source) for source in SOURCES]
