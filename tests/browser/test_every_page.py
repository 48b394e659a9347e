"""Every page of the built site, in a real browser: it loads cleanly, offline, and accessibly."""

from __future__ import annotations

import pytest

from tests.browser.conftest import AXE, PAGES, require, site_paths

# WCAG 2.1 levels A and AA; "serious" and "critical" are the impacts a reader cannot work around.
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING = {"serious", "critical"}


def test_the_tests_cover_every_page_in_the_sitemap(built_site):
    assert sorted(site_paths(built_site)) == sorted(PAGES), (
        "the pages under test (one per file in docs/) differ from the built site's sitemap"
    )


@pytest.mark.parametrize("path", PAGES, ids=lambda path: path or "home")
def test_page_loads_with_no_console_error_and_no_request_off_the_site(visit, site_url, path):
    opened = visit(site_url + path)
    opened.page.wait_for_load_state("networkidle")
    assert opened.page.locator("article h1").count() == 1, f"/{path} has no single <h1> title"
    opened.assert_clean()


def _axe_violations(page) -> list[dict]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_21_AA)
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


@pytest.mark.parametrize("scheme", ["default", "slate"])
@pytest.mark.parametrize("path", PAGES, ids=lambda path: path or "home")
def test_page_has_no_serious_wcag_21_aa_violation(visit, site_url, path, scheme):
    require(AXE.exists(), f"{AXE.relative_to(AXE.parents[2])} not found: run `npm ci` at the repository root")
    opened = visit(site_url + path)
    if scheme == "slate":
        opened.page.get_by_title("Switch to dark mode").click()
    violations = _axe_violations(opened.page)
    assert not violations, f"/{path} ({scheme} colours) breaks WCAG 2.1 AA:\n{_describe(violations)}"
