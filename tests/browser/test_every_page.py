"""Every page of the built site, in a real browser: it loads cleanly, offline, and accessibly."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest

from tests.browser.conftest import AXE, CHROMIUM, PAGES, require, site_paths
from tests.conftest import pass_key, passed_before, record_pass

# WCAG 2.1 levels A and AA; "serious" and "critical" are the impacts a reader cannot work around.
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING = {"serious", "critical"}
# Colours come from the theme's palette and the page kind's styles, the same for every page of a
# kind: contrast, axe's slowest rule, is checked in light and dark colours on the home page and
# the first page of each section (tutorials, API reference, practice, ...); every other WCAG rule
# on every page. Checking contrast on all pages cost about 100 s per colour scheme of the CI.
CONTRAST_PAGES = {""} | {
    next(path for path in PAGES if path.startswith(section))
    for section in {path.split("/")[0] + "/" for path in PAGES if "/" in path}
}


def test_the_tests_cover_every_page_in_the_sitemap(built_site):
    assert sorted(site_paths(built_site)) == sorted(PAGES), (
        "the pages under test (one per file in docs/) differ from the built site's sitemap"
    )


def _axe_violations(page, run_only: dict, contrast: bool = True) -> list[dict]:
    options = {"runOnly": run_only, "rules": {} if contrast else {"color-contrast": {"enabled": False}}}
    result = page.evaluate("options => axe.run(document, options)", options)
    return [violation for violation in result["violations"] if violation["impact"] in BLOCKING]


def _describe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(
            f"- [{violation['impact']}] {violation['id']}: {violation['help']} ({violation['helpUrl']})"
        )
        for node in violation["nodes"][:5]:
            where = ", ".join(map(str, node["target"]))
            lines.append(f"    {where}: {node['failureSummary'].splitlines()[-1].strip()}")
    return "\n".join(lines)


@functools.cache
def _shared_files_digest(site: Path) -> bytes:
    """What every page loads besides its own HTML: the stylesheets and scripts of the build."""
    files = sorted(p for p in site.rglob("*") if p.suffix in {".css", ".js"} and p.is_file())
    return pass_key(*(p.relative_to(site).as_posix().encode() + p.read_bytes() for p in files)).encode()


def _page_key(site: Path, path: str) -> str:
    """Everything this test reads for one page: its HTML, the shared files, the checker, the
    browser and this test's own code. An unchanged page that passed need not be checked again."""
    html = (site / path / "index.html").read_bytes()
    browser = (
        f"{CHROMIUM}:{CHROMIUM.stat().st_size}:{CHROMIUM.stat().st_mtime_ns}" if CHROMIUM.exists() else ""
    )
    return pass_key(
        html,
        _shared_files_digest(site),
        AXE.read_bytes() if AXE.exists() else b"",
        browser.encode(),
        Path(__file__).read_bytes(),
        path.encode(),
    )


@pytest.mark.parametrize("path", PAGES, ids=lambda path: path or "home")
def test_page_loads_offline_cleanly_and_meets_wcag_21_aa(visit, site_url, built_site, path):
    """One visit per page keeps the suite fast as the site grows: load, then axe-core in light
    colours (every WCAG 2.1 A/AA rule; contrast only on :data:`CONTRAST_PAGES`), then, on those
    pages, in dark colours (contrast, the rule that changes). A page unchanged since it passed
    is not visited again."""
    key = _page_key(built_site, path)
    if passed_before(key):
        return
    opened = visit(site_url + path)
    page = opened.page
    page.wait_for_load_state("networkidle")
    assert page.locator("article h1").count() == 1, f"/{path} has no single <h1> title"
    opened.assert_clean()
    require(AXE.exists(), f"{AXE.relative_to(AXE.parents[2])} not found: run `npm ci` at the repository root")
    page.add_script_tag(path=str(AXE))
    problems = _axe_violations(page, {"type": "tag", "values": WCAG_21_AA}, contrast=path in CONTRAST_PAGES)
    dark = []
    if path in CONTRAST_PAGES:
        page.get_by_title("Switch to dark mode").click()
        page.wait_for_function("document.body.dataset.mdColorScheme === 'slate'")
        page.wait_for_timeout(300)  # let the colour transitions finish
        dark = _axe_violations(page, {"type": "rule", "values": ["color-contrast"]})
    report = ""
    if problems:
        report += f"/{path} (light colours) breaks WCAG 2.1 AA:\n{_describe(problems)}\n"
    if dark:
        report += f"/{path} (dark colours) breaks WCAG 2.1 AA:\n{_describe(dark)}\n"
    assert not report, report
    opened.assert_clean()
    record_pass(key)
