"""The resource filter on the resources page, driven in headless Chromium on the built site."""

from __future__ import annotations


def test_the_filter_narrows_the_resources_and_resets(visit, site_url):
    opened = visit(f"{site_url}learn/resources/")
    page = opened.page
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
    opened.assert_clean()
