"""The strict build, and what the built pages hold: outputs, figures, math, tooltips, no
third-party requests."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from site_tools.notebooks import execute_tutorial, run_record
from tests.conftest import DOCS, TUTORIALS, page_path

pytestmark = pytest.mark.slow


class ResourceCollector(HTMLParser):
    """Collect the URLs a page loads by itself (not the links a reader may click)."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        attributes = dict(attrs)
        if tag in {"script", "img", "iframe", "audio", "video", "source", "embed"} and attributes.get("src"):
            self.urls.append(attributes["src"])
        if tag == "link" and attributes.get("rel") != "canonical" and attributes.get("href"):
            self.urls.append(attributes["href"])


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_every_page_is_built(built_site):
    for page in DOCS.rglob("*.md"):
        target = built_site / page_path(page) / "index.html"
        assert target.exists(), f"{page} was not built into {target}"


def test_pages_request_nothing_outside_the_site(built_site):
    offenders = []
    for page in html_pages(built_site):
        text = page.read_text(encoding="utf-8")
        collector = ResourceCollector()
        collector.feed(text)
        offenders += [
            f"{page.relative_to(built_site)}: {url}"
            for url in collector.urls
            if re.match(r"^(https?:)?//", url) or url == ""
        ]
        offenders += [
            f"{page.relative_to(built_site)}: CSS {url}"
            for url in re.findall(r"url\(['\"]?((?:https?:)?//[^)'\"]+)", text)
        ]
    assert not offenders, "pages load resources from other sites:\n" + "\n".join(offenders)


@pytest.mark.parametrize("tutorial", TUTORIALS, ids=lambda p: p.name)
def test_tutorial_page_shows_its_outputs_and_figures(built_site, tutorial):
    folder = built_site / "tutorials" / tutorial.stem
    page = (folder / "index.html").read_text(encoding="utf-8")
    figures_drawn = tutorial.read_text(encoding="utf-8").count("plt.show()")
    figures = re.findall(r'<img [^>]*src="(figure-\d+\.png)"', page)
    assert len(figures) >= figures_drawn, f"{tutorial.name}: figures missing from the page"
    assert all((folder / name).is_file() for name in figures), f"{tutorial.name}: a figure file is missing"
    assert "data:image/png" not in page, f"{tutorial.name}: a figure is still inlined as base64"
    assert "jp-OutputArea-output" in page, f"{tutorial.name}: no outputs on the page"
    assert "Traceback" not in page and 'class="ansi-red-fg"' not in page


@pytest.mark.parametrize("tutorial", TUTORIALS, ids=lambda p: p.name)
def test_tutorial_page_shows_the_measured_run_time_of_its_run(built_site, tutorial):
    page = (built_site / "tutorials" / tutorial.stem / "index.html").read_text(encoding="utf-8")
    shown = re.search(
        r"ran from top to bottom in (\d+) s on the (\d+)-core .* using (\d+) s of processor", page
    )
    assert shown, f"{tutorial.name}: the page does not say how long its run took"
    recorded = run_record(execute_tutorial(tutorial))
    assert [int(number) for number in shown.groups()] == [
        round(recorded["seconds"]),
        recorded["cores"],
        round(recorded["cpu_seconds"]),
    ]
    assert "under a minute" not in tutorial.read_text(encoding="utf-8"), "a typed run time in the prose"


@pytest.mark.parametrize("tutorial", TUTORIALS, ids=lambda p: p.name)
def test_tutorial_downloads_as_a_notebook(built_site, tutorial):
    notebook = json.loads((built_site / "tutorials" / f"{tutorial.stem}.ipynb").read_text(encoding="utf-8"))
    code_cells = [cell for cell in notebook["cells"] if cell["cell_type"] == "code"]
    code = ["".join(cell["source"]) for cell in code_cells]
    assert notebook["nbformat"] == 4 and len(code) > 1, f"{tutorial.name}: the notebook download is empty"
    assert "find_spec" in code[0] and "pip" in code[0], f"{tutorial.name}: the first cell does not install"
    assert code[1].splitlines()[0] in tutorial.read_text(encoding="utf-8")
    assert any(cell["outputs"] for cell in code_cells), f"{tutorial.name}: the download has no outputs"
    page = (built_site / "tutorials" / tutorial.stem / "index.html").read_text(encoding="utf-8")
    assert f'href="../{tutorial.stem}.ipynb"' in page, "the page has no download button"


def test_math_is_rendered_as_mathml(built_site):
    pages = [p.read_text(encoding="utf-8") for p in html_pages(built_site)]
    assert any("<math" in text for text in pages), "no page renders math: has the math hook been removed?"
    assert not any('class="arithmatex"' in text for text in pages), "some math was left unrendered"


def test_abbreviations_become_tooltips_on_every_page(built_site):
    page = (built_site / "concepts" / "what-is-machine-learning" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<abbr title="Machine learning[^"]*">ML</abbr>', page)
