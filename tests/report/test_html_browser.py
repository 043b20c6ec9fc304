"""The review page in a real browser: headless Chromium (Debian's ``chromium``) driven by Playwright.

The findings are marked in the text, the wrong cells in the grids, a failing sum lights its
cells, the filters hide and show findings, the page asks for nothing outside itself and its
script logs no error. Playwright drives the system's Chromium (``executable_path``), so nothing
is downloaded. Where Playwright or Chromium is missing, or Chromium cannot start, the tests
skip and say which; .ci/run installs Chromium.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import BASE, FIXTURES
from gialint.cli import main

FILES = (FIXTURES / "real" / "pingtan-2020.html", BASE / "defects-2021.txt")


def chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        pytest.skip("no Chromium on PATH (Debian: apt-get install chromium; .ci/run installs it)")
    return found


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    try:
        from playwright.sync_api import Error, sync_playwright
    except ImportError as error:
        pytest.skip(f"Playwright is not installed ({error}): pip install '.[test]'")
    executable = chromium()
    with sync_playwright() as playwright:
        try:
            started = playwright.chromium.launch(executable_path=executable)
        except Error as error:
            pytest.skip(f"{executable} could not be started by Playwright: {str(error).splitlines()[0]}")
        yield started
        started.close()


@pytest.fixture(scope="module")
def review(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("review") / "review.html"
    main(["check", *map(str, FILES), "--format", "html", "-o", str(out), "--no-cache"])
    return out


@pytest.fixture
def page(browser: Any, review: Path) -> Iterator[Any]:
    """The page opened; after the test, no console error and no request beyond the file."""
    context = browser.new_context()
    problems: list[str] = []
    outside: list[str] = []

    def only_the_file(route: Any) -> None:
        if route.request.url.startswith("file:"):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", only_the_file)
    opened = context.new_page()
    opened.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    opened.on("pageerror", lambda error: problems.append(str(error)))
    opened.goto(review.as_uri())
    yield opened
    context.close()
    assert problems == [] and outside == []


def test_every_finding_in_the_text_is_marked_where_it_is(page: Any) -> None:
    rows = page.locator("#r1 tr.finding")
    assert rows.count() == 4
    for anchor in rows.evaluate_all("rows => rows.map(r => r.id)"):
        mark = page.locator(f'#r1 mark[data-findings~="{anchor}"]').first
        assert mark.is_visible()
    total = page.locator('#r1 mark[data-findings~="r1-f3"]')  # GIA302: the (七)总计 of 自然人
    assert total.inner_text() == "20" and "GIA302" in (total.get_attribute("title") or "")
    colour = total.evaluate("m => getComputedStyle(m).backgroundColor")
    assert colour not in ("rgba(0, 0, 0, 0)", "transparent")


def test_clicking_a_mark_shows_its_message(page: Any) -> None:
    page.locator('#r1 mark[data-findings~="r1-f3"]').click()
    popup = page.locator("#popup")
    assert popup.is_visible() and "20" in popup.inner_text() and "26" in popup.inner_text()
    assert "lit" in (page.locator("#r1-f3").get_attribute("class") or "")
    page.keyboard.press("Escape")
    assert not popup.is_visible()


def test_wrong_cells_show_the_expected_value_and_light_their_sum(page: Any) -> None:
    failing = page.locator("#r1 table.grid td.fail")
    assert failing.count() == 3  # the two totals of GIA302 and the amount with a unit (GIA402)
    total = page.locator("#r1-t3-results_total-natural")
    assert "应为 26" in total.inner_text() and "20" in total.inner_text()
    addends = (total.get_attribute("data-addends") or "").split()
    assert len(addends) >= 6
    assert page.locator("#r1 td.linked").count() == 0
    total.click()
    assert page.locator("#r1 td.linked").count() == len(addends)
    assert "GIA302" in page.locator("#popup").inner_text()
    page.keyboard.press("Escape")
    assert page.locator("#r1 td.linked").count() == 0
    page.locator("#r1-f3 a.to-cell").click()  # from the list of findings to the cell
    assert page.locator("#r1 td.linked").count() == len(addends)
    assert total.evaluate("c => { const b = c.getBoundingClientRect(); return b.top >= 0 && b.bottom <= innerHeight; }")


def test_filters_hide_and_show_findings(page: Any) -> None:
    findings = page.locator("tr.finding")
    everything = findings.count()
    errors = page.locator('tr.finding[data-severity="error"]').count()
    assert 0 < errors < everything
    page.locator('#filters input[data-severity="error"]').uncheck()
    assert page.locator("tr.finding:visible").count() == everything - errors
    assert page.locator('tr.finding[data-severity="error"]:visible').count() == 0
    assert "off" in (page.locator('#r1 mark[data-findings~="r1-f3"]').get_attribute("class") or "")
    page.locator('#filters input[data-severity="error"]').check()
    assert page.locator("tr.finding:visible").count() == everything
    page.locator("#rule-filter").select_option("GIA402")
    shown = page.locator("tr.finding:visible")
    assert shown.count() >= 2  # one in each report
    assert set(shown.evaluate_all("rows => rows.map(r => r.dataset.rule)")) == {"GIA402"}
    assert "off" in (page.locator("#r1-t3-results_total-natural").get_attribute("class") or "")


def test_the_index_links_to_each_report(page: Any) -> None:
    page.locator('#index a[href="#r2"]').click()
    assert page.evaluate("location.hash") == "#r2"
    assert page.locator("#index svg.chart rect").count() >= 5
