"""The site as a reader meets it: navigation, accessibility (axe-core), screenshots to look at.

Screenshots go to tests/artifacts/screenshots/ (git-ignored), `<page>-<desktop|phone>.png`.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import ViewportSize, expect

from .browserkit import DESKTOP, PHONE
from .conftest import Reader

SERIOUS = {"serious", "critical"}


def serious_ones(violations: list[dict]) -> list[str]:
    """axe-core's serious and critical violations, each with the first elements it names."""
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:4]}"
        for v in violations
        if v["impact"] in SERIOUS
    ]


def first_page(site: Path, folder: str) -> str:
    """The URL path of the first page (sorted) under `folder/`, e.g. /nam/2023/."""
    pages = sorted(p for p in (site / folder).glob("*/index.html"))
    assert pages, f"no page under {folder}/"
    return f"/{folder}/{pages[0].parent.name}/"


@pytest.fixture(scope="module")
def pages(built_site: Path) -> dict[str, str]:
    return {
        "home": "/",
        "year": first_page(built_site, "nam"),
        "theme": first_page(built_site, "chu-de"),
        "article": first_page(built_site, "bai-viet"),
        "person": first_page(built_site, "nhan-vat"),
    }


def test_home_to_year_to_article_to_theme_and_person(reader: Reader, site_url: str) -> None:
    page = reader(site_url + "/")
    page.locator(".md-tabs a", has_text="Theo năm").click()
    expect(page).to_have_url(site_url + "/nam/")
    page.locator(".md-content a", has_text=re.compile(r"^Năm \d{4}$")).first.click()
    expect(page).to_have_url(re.compile(r"/nam/\d{4}/$"))
    year = re.search(r"\d{4}", page.url.rsplit("/nam/", 1)[1])
    assert year

    title = page.locator(".vl-entry strong a").first
    name = title.inner_text()
    title.click()
    expect(page).to_have_url(re.compile(r"/bai-viet/[a-z0-9-]+/$"))
    expect(page.locator("article h1")).to_contain_text(name)
    expect(page.locator(".vl-meta")).to_contain_text(year.group())
    article = page.url

    theme = page.locator(".vl-tags a").first
    name = theme.inner_text()
    theme.click()
    expect(page).to_have_url(re.compile(r"/chu-de/[a-z0-9-]+/$"))
    expect(page.locator("article h1")).to_contain_text(name)
    expect(page.locator(f'.md-content a[href$="{article.rsplit("/bai-viet/", 1)[1]}"]')).to_have_count(1)

    page.go_back()
    expect(page).to_have_url(article)
    person = page.locator(".vl-people a").first
    name = person.inner_text()
    person.click()
    expect(page).to_have_url(re.compile(r"/nhan-vat/[a-z0-9-]+/$"))
    expect(page.locator("article h1")).to_contain_text(name)


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize("name", ["home", "year", "theme", "article", "person"])
def test_page_is_accessible_and_captured(
    reader: Reader, site_url: str, pages: dict[str, str], screenshots: Path, name: str, viewport: ViewportSize
) -> None:
    page = reader(site_url + pages[name], viewport=viewport)
    expect(page.locator("article h1")).to_be_visible()
    width = "desktop" if viewport == DESKTOP else "phone"
    # Phone: the whole page. Desktop: the first screen (a full-page capture resizes the window,
    # and Material then hides its tabs as if scrolled, which no reader sees).
    page.screenshot(path=screenshots / f"{name}-{width}.png", full_page=viewport == PHONE)
    violations = Axe().run(page).response["violations"]
    assert not serious_ones(violations), "\n".join(serious_ones(violations))


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_search_results_are_accessible_and_captured(
    reader: Reader, site_url: str, screenshots: Path, viewport: ViewportSize
) -> None:
    page = reader(site_url + "/nam/", viewport=viewport)
    if viewport == PHONE:
        page.locator("label.md-header__button[for='__search']").click()
    box = page.locator("#vl-search-query")
    box.click()
    box.press_sequentially("hop tac quoc phong")
    page.wait_for_function("() => document.getElementById('vl-search-results').dataset.query")
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    width = "desktop" if viewport == DESKTOP else "phone"
    page.screenshot(path=screenshots / f"search-{width}.png")
    violations = Axe().run(page).response["violations"]
    assert not serious_ones(violations), "\n".join(serious_ones(violations))
