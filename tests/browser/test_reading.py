"""What a reader does on the built site: search, copy code, switch to dark mode, read on a
phone, look at a tutorial's outputs and figures, and browse the API reference."""

from __future__ import annotations

import ast
import importlib
import json
import re
from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

from site_tools import reader
from tests.conftest import DOCS, ROOT, TUTORIALS, page_path

# Topics a reader looks for; a topic is tested once a page whose title names it exists.
# The first two exist since the foundation, so a broken search can never pass unnoticed.
MANDATORY_TOPICS = ["digits", "machine learning"]
TOPICS = [*MANDATORY_TOPICS, "random forest", "pandas", "LSTM", "numpy", "neural network"]
MOBILE = {"viewport": {"width": 375, "height": 812}, "is_mobile": True, "has_touch": True}
CLIPBOARD = {"permissions": ["clipboard-read", "clipboard-write"]}


def pages_titled(built_site, topic: str) -> set[str]:
    """Pages (paths below the site root) whose title, or a section title, names ``topic``."""
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    words = re.compile(re.escape(topic), re.IGNORECASE)
    return {doc["location"].split("#")[0] for doc in index["docs"] if words.search(doc["title"])}


@pytest.mark.parametrize("topic", TOPICS)
def test_search_finds_a_topic_and_opens_its_page(visit, site_url, built_site, topic):
    expected = pages_titled(built_site, topic)
    if not expected:
        assert topic not in MANDATORY_TOPICS, f"no page title names {topic!r}: the search index is broken"
        pytest.skip(f"no page about {topic!r} on the site yet (no title in search_index.json names it)")
    opened = visit(site_url)
    page = opened.page
    page.get_by_role("textbox", name="Search").click()
    page.get_by_role("textbox", name="Search").press_sequentially(topic, delay=20)
    results = page.locator(".md-search-result__item > a.md-search-result__link")
    expect(results.first).to_be_visible()
    for _ in range(20):  # results refresh as the worker answers each keystroke: wait for the last
        hrefs = results.evaluate_all("links => links.map(a => a.href)")
        targets = [urlparse(href).path.lstrip("/") for href in hrefs]
        found = [index for index, path in enumerate(targets) if path in expected]
        if found:
            break
        page.wait_for_timeout(250)
    assert found, f"searching {topic!r} lists {targets}, none of the pages about it: {sorted(expected)}"
    results.nth(found[0]).click()
    page.wait_for_url(site_url + targets[found[0]] + "**")
    expect(page.locator("article h1")).to_be_visible()
    opened.assert_clean()


def test_copy_button_copies_exactly_the_code_shown(visit, site_url):
    opened = visit(site_url + "concepts/what-is-machine-learning/", **CLIPBOARD)
    page = opened.page
    snippet_title = page.locator(".filename", has_text=re.compile(r"^snippets/"))
    block = page.locator(".highlight").filter(has=snippet_title).filter(visible=True).first
    title = block.locator(".filename").inner_text().strip()
    shown = block.locator("code").inner_text()
    block.hover()
    block.get_by_role("button", name="Copy to clipboard").click()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.rstrip("\n") == shown.rstrip("\n"), "the clipboard differs from the code on the page"
    source = (ROOT / title).read_text(encoding="utf-8")
    assert copied.rstrip("\n") == source.rstrip("\n"), f"the clipboard differs from {title}"
    opened.assert_clean()


def test_copy_button_of_a_session_copies_the_code_without_prompts_or_output(visit, site_url):
    opened = visit(site_url + "concepts/what-is-machine-learning/", **CLIPBOARD)
    page = opened.page
    block = page.locator(".highlight").filter(has_text=">>> data = load_breast_cancer(as_frame=True)").first
    shown = block.locator("code").inner_text()
    block.hover()
    block.get_by_role("button", name="Copy to clipboard").click()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.rstrip("\n") == reader.doctest_code(shown), "the copy differs from the session's code"
    assert ">>>" not in copied and "(569, 31)" not in copied, "prompts or printed output were copied"
    opened.assert_clean()


def test_dark_mode_toggle_switches_the_colour_scheme_and_remembers_it(visit, site_url):
    opened = visit(site_url)
    page = opened.page
    body = page.locator("body")
    expect(body).to_have_attribute("data-md-color-scheme", "default")
    page.get_by_title("Switch to dark mode").click()
    expect(body).to_have_attribute("data-md-color-scheme", "slate")
    page.goto(site_url + "reference/")
    expect(body).to_have_attribute("data-md-color-scheme", "slate")
    page.get_by_title("Switch to light mode").click()
    expect(body).to_have_attribute("data-md-color-scheme", "default")
    opened.assert_clean()


def test_navigation_works_at_phone_width(visit, site_url):
    target = "concepts/what-is-machine-learning/"
    opened = visit(site_url, **MOBILE)
    page = opened.page
    drawer_button = page.locator("label.md-header__button[for='__drawer']")
    expect(drawer_button).to_be_visible()
    drawer_button.click()
    drawer = page.locator("nav.md-nav--primary")
    expect(drawer).to_be_in_viewport()
    # On a phone each section is a panel of the drawer, and the drawer opens on the current
    # page's section: go back to the list of sections, open the one that holds the link.
    drawer.locator("li.md-nav__item--active > nav.md-nav > label.md-nav__title").first.click()
    link_selector = f"a.md-nav__link[href$='{target}']"
    section = drawer.locator("li.md-nav__item--nested", has=page.locator(link_selector)).first
    section.locator("label.md-nav__link").first.click()
    link = drawer.locator(link_selector).first
    expect(link).to_be_in_viewport()
    link.click()
    page.wait_for_url(site_url + target)
    expect(page.locator("article h1")).to_have_text(re.compile("machine learning", re.IGNORECASE))
    assert page.evaluate("document.documentElement.scrollWidth") <= 375, (
        "the page scrolls sideways on a phone"
    )
    opened.assert_clean()


def test_a_tutorial_reads_well_on_a_phone(visit, site_url):
    opened = visit(site_url + page_path(TUTORIALS[0]), **MOBILE)
    page = opened.page
    expect(page.locator(".jp-Cell").first).to_be_visible()
    assert page.locator(".jp-InputPrompt:visible, .jp-OutputPrompt:visible").count() == 0, (
        "the In [n]: prompt column is shown on a phone; it takes a fifth of the screen"
    )
    too_wide = page.evaluate(
        """() => [...document.querySelectorAll('.jp-Cell')]
               .filter(cell => cell.getBoundingClientRect().right > window.innerWidth + 1).length"""
    )
    assert too_wide == 0, f"{too_wide} cells are wider than the 375 px screen"
    article = page.locator("article").bounding_box()
    code = page.locator(".jp-InputArea-editor").first.bounding_box()
    assert code["width"] >= 0.85 * article["width"], "code cells do not use the width of the screen"
    opened.assert_clean()


@pytest.mark.parametrize("tutorial", TUTORIALS, ids=lambda path: path.name)
def test_tutorial_page_shows_its_outputs_and_figures(visit, site_url, tutorial):
    opened = visit(site_url + page_path(tutorial))
    page = opened.page
    figures = page.locator(".jp-OutputArea-output img")
    drawn = tutorial.read_text(encoding="utf-8").count("plt.show()")
    assert figures.count() >= drawn, (
        f"{tutorial.name} calls plt.show() {drawn} times; the page shows {figures.count()}"
    )
    for index in range(figures.count()):
        figure = figures.nth(index)
        figure.scroll_into_view_if_needed()  # figures load lazily, as the reader scrolls to them
        assert figure.evaluate("img => img.decode().then(() => img.naturalWidth > 0, () => false)"), (
            f"figure {index + 1} did not load"
        )
        assert "No description" not in (figure.get_attribute("alt") or ""), (
            f"figure {index + 1} has no alt text"
        )
    expect(page.locator(".jp-OutputArea-output").first).to_be_visible()
    assert "Traceback" not in page.locator("article").inner_text()
    opened.assert_clean()


def _api_pages() -> list[tuple[str, str]]:
    pages = []
    for source in sorted((DOCS / "reference").glob("*.md")):
        for module in re.findall(r"^::: ([\w.]+)", source.read_text(encoding="utf-8"), re.MULTILINE):
            pages.append((page_path(source), module))
    return pages


def _documented_names(identifier: str) -> list[str]:
    """The headings mkdocstrings renders for ``::: identifier``: a module's public functions,
    or the one object named."""
    try:
        module = importlib.import_module(identifier)
    except ModuleNotFoundError:
        return [identifier]  # an object inside a module, such as tutorials_lib.exercises.get
    return [
        f"{identifier}.{node.name}"
        for node in ast.parse(Path(module.__file__).read_text(encoding="utf-8")).body
        if isinstance(node, ast.FunctionDef) and not node.name.startswith("_")
    ]


@pytest.mark.parametrize(("path", "module"), _api_pages(), ids=lambda value: value or "-")
def test_api_reference_renders_every_public_function(visit, site_url, path, module):
    opened = visit(site_url + path)
    page = opened.page
    names = _documented_names(module)
    assert names, f"{module} has no public function to document"
    for name in names:
        heading = page.locator(f"[id='{name}']")
        expect(heading).to_have_count(1)
        expect(heading).to_contain_text(name.rsplit(".", 1)[-1])
    functions = names
    signatures = page.locator(".doc-signature")
    assert signatures.count() >= len(functions), "function signatures are missing from the API reference"
    assert any("(" in text for text in signatures.all_inner_texts()), "no signature shows its parameters"
    opened.assert_clean()
