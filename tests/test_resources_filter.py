"""The resource filter, driven in headless Chromium on the built site."""

from __future__ import annotations

import functools
import shutil
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

pytestmark = [pytest.mark.slow, pytest.mark.browser]

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def site_url(built_site: Path) -> Iterator[str]:
    handler = functools.partial(QuietHandler, directory=str(built_site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.mark.skipif(CHROMIUM is None, reason="needs a Chromium executable on the PATH")
def test_the_filter_narrows_the_resources_and_resets(site_url):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM)
        page = browser.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(f"{site_url}/learn/resources/")
        form = page.locator("form.resources-filter")
        form.wait_for(state="visible")
        status = form.locator(".resources-status")
        total = page.locator("tr[data-resource]").count()
        assert total >= 40
        assert status.inner_text() == f"Showing {total} of {total} resources."

        form.locator("select[name=kind]").select_option("book")
        books = page.locator("tr[data-resource][data-kind=book]").count()
        assert status.inner_text() == f"Showing {books} of {total} resources."
        assert page.locator("tr[data-resource]:visible").count() == books

        form.locator("input[name=text]").fill("no resource is called this")
        assert status.inner_text() == f"Showing 0 of {total} resources."
        assert page.locator(".resources-none:visible").count() == 5  # one note per step

        form.locator("button[type=reset]").click()
        shown = "document.querySelectorAll('tr[data-resource]:not([hidden])').length"
        page.wait_for_function(f"{shown} == {total}")
        assert not errors, errors
        browser.close()
