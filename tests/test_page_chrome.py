"""What the theme puts around every page of the built site: labels and tooltips in Vietnamese."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_heading_links_and_tab_bar_are_labelled_in_vietnamese(built_site: Path) -> None:
    """Python-Markdown's "Permanent link" and Material's "Tabs" were left in English, Material's
    Vietnamese back-to-top button said "back to the table of contents", and its skip link only
    "skip"."""
    pages = html_pages(built_site)
    headerlinks = skipped = 0
    for page in pages:
        html = page.read_text(encoding="utf-8")
        tops = re.findall(
            r'<button type="button" class="md-top md-icon"[^>]*>.*?</svg>\s*(.*?)\s*</button>', html, re.S
        )
        assert tops == ["Lên đầu trang"], page
        skips = re.findall(r'<a href="[^"]*" class="md-skip">\s*(.*?)\s*</a>', html, re.S)
        assert skips in ([], ["Chuyển đến nội dung"]), page
        skipped += len(skips)
        assert "Permanent link" not in html, page
        assert 'aria-label="Tabs"' not in html, page
        assert '<html lang="vi"' in html, page
        titles = re.findall(r'<a class="headerlink" href="#[^"]*" title="([^"]*)"', html)
        assert set(titles) <= {"Liên kết đến mục này"}, page
        headerlinks += len(titles)
        if "md-tabs" in html:
            assert '<nav class="md-tabs" aria-label="Thẻ điều hướng"' in html, page
    assert headerlinks > len(pages)  # every page with a sub-heading has them
    assert skipped > len(pages) // 2  # pages with a heading have a skip link
    assert '<nav class="md-tabs" aria-label="Thẻ điều hướng"' in (built_site / "index.html").read_text(encoding="utf-8")


def title_of(page: Path) -> str:
    titles = re.findall(r"<title>(.*?)</title>", page.read_text(encoding="utf-8"), flags=re.S)
    return titles[0].strip()  # the page's own: the chart's SVG titles come after it


def test_home_page_title_names_the_site_once(built_site: Path) -> None:
    title = title_of(built_site / "index.html")
    assert title == "Tin Việt – Lào: tuyển tập tin tức về quan hệ Việt Nam – Lào"
    assert title.count("Tin Việt – Lào") == 1


def test_404_page_title_says_the_page_was_not_found(built_site: Path) -> None:
    assert title_of(built_site / "404.html") == "404 – Không tìm thấy trang - Tin Việt – Lào"


def test_other_pages_keep_material_title_with_the_site_name(built_site: Path) -> None:
    assert title_of(built_site / "nam" / "2024" / "index.html") == "Năm 2024 - Tin Việt – Lào"
    assert title_of(built_site / "gioi-thieu" / "index.html") == "Giới thiệu - Tin Việt – Lào"
    for page in html_pages(built_site):
        if page.name == "index.html" and page.parent != built_site:
            assert title_of(page).endswith(" - Tin Việt – Lào"), page


ACTIVE_TAB = re.compile(r'md-tabs__item md-tabs__item--active">\s*<a href="([^"]*)"')


def test_pages_outside_the_nav_mark_the_tab_of_their_section(built_site: Path) -> None:
    """An article marks "Theo năm" (it was listed under its year), a year's page too, a theme's
    page "Chủ đề", a person's "Nhân vật"; the pages in the nav mark their own tab, as before."""
    article = next((built_site / "bai-viet").iterdir())
    expected = {
        article / "index.html": "nam/",
        built_site / "nam" / "2024" / "index.html": "nam/",
        next((built_site / "chu-de").glob("*/index.html")): "chu-de/",
        next((built_site / "nhan-vat").glob("*/index.html")): "nhan-vat/",
        built_site / "chu-de" / "index.html": "chu-de/",
        built_site / "gioi-thieu" / "index.html": "gioi-thieu/",
    }
    for page, tab in expected.items():
        links = ACTIVE_TAB.findall(page.read_text(encoding="utf-8"))
        assert len(links) == 1, (page, links)
        target = (page.parent / links[0]).resolve()
        assert target == (built_site / tab).resolve(), (page, links)
