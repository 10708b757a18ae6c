"""Seed text that looks like HTML, Markdown or templates, opened in a real browser.

A site is built from injection seeds; every article and every page listing one is opened in
Chromium. No dialog may open (the `reader` fixture fails on one), no handler from seed text
may run or even exist in the DOM, the text must show literally, and `<title>` and
`<meta name="description">` must carry it escaped. The search box is tried on it too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from .browserkit import build_site, serve
from .conftest import Reader

MARK = "window.__seedRan=1"
SEEDS = {
    "x1.txt": (
        "date 2024-07-12 <script>alert(1)</script> Hợp tác quốc phòng Việt – Lào\n\n"
        f"Ngày 12/7/2024, <img src=x onerror=alert(1)><img src=x onerror={MARK}> hai bên ký thỏa thuận "
        "hợp tác quốc phòng và thương mại giữa hai nước.\n\n"
        "Liên kết [bấm vào đây](javascript:alert(1)) và mẫu {{ 7*7 }} cùng {% raw %} nằm trong văn bản gốc.\n\n"
        "javascript:alert(document.domain)\n"
    ),
    "x2.txt": (
        'date 2023-03-01 "><svg onload=alert(1)> Quan hệ đoàn kết đặc biệt\n\n'
        "Hai nước tiếp tục tăng cường quan hệ đoàn kết đặc biệt <iframe src=javascript:alert(1)></iframe> "
        f"và <a href=\"javascript:alert(1)\">hợp tác</a> toàn diện, ' onmouseover={MARK} x='.\n\n"
        "<style>body{display:none}</style> Đoạn này vẫn phải hiện ra, cùng &lt;b&gt; và &amp;.\n"
    ),
}
LITERALS = {
    "x1.txt": ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "[bấm vào đây](javascript:alert(1))"],
    "x2.txt": [
        '"><svg onload=alert(1)>',
        "<iframe src=javascript:alert(1)></iframe>",
        "<style>body{display:none}</style>",
    ],
}
HANDLERS = "[onerror], [onload], [onmouseover], [onclick], a[href^='javascript:' i], iframe, object, embed"


@pytest.fixture(scope="module")
def xss_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(tmp_path_factory.mktemp("xss-site"), SEEDS)


@pytest.fixture(scope="module")
def xss_url(xss_site: Path) -> Iterator[str]:
    with serve(xss_site) as url:
        yield url


def articles(site: Path) -> dict[str, str]:
    """URL path of each injected article → its seed name (read from the page's seed line)."""
    found = {}
    for html in sorted((site / "bai-viet").glob("*/index.html")):
        seed = re.search(r"<code>(x\d\.txt)</code>", html.read_text(encoding="utf-8"))
        assert seed, html
        found[f"/bai-viet/{html.parent.name}/"] = seed.group(1)
    assert set(found.values()) == set(SEEDS)
    return found


def listing_pages(site: Path, found: dict[str, str]) -> dict[str, list[str]]:
    """Every other page that links to injected articles (home, years, themes) → those seeds."""
    pages = {}
    for html in sorted(site.rglob("index.html")):
        text = html.read_text(encoding="utf-8")
        rel = html.parent.relative_to(site).as_posix()
        path = "/" if rel == "." else f"/{rel}/"
        listed = [seed for article, seed in found.items() if article.removeprefix("/") in text]
        if listed and not path.startswith("/bai-viet/"):
            pages[path] = listed
    assert "/" in pages and any(p.startswith("/nam/") for p in pages) and any(p.startswith("/chu-de/") for p in pages)
    return pages


def assert_inert(page: Page) -> None:
    """No seed script ran, no handler or javascript: link from seed text is in the DOM."""
    assert page.evaluate("() => window.__seedRan") is None
    content = page.locator(".md-content")
    expect(content.locator(HANDLERS)).to_have_count(0)
    expect(content.locator("script, style, svg:not(.md-icon svg, .vl-chart svg)")).to_have_count(0)


def test_article_pages_show_the_text_and_run_nothing(reader: Reader, xss_site: Path, xss_url: str) -> None:
    for path, seed in articles(xss_site).items():
        page = reader(xss_url + path)
        assert_inert(page)
        body = page.locator(".md-content")
        for literal in LITERALS[seed]:
            expect(body).to_contain_text(literal)
        expect(body).to_contain_text("{{ 7*7 }}" if seed == "x1.txt" else "&lt;b&gt; và &amp;.")
        title = LITERALS[seed][0]
        assert title in page.title(), page.title()
        expect(page.locator("article h1")).to_contain_text(title)
        description = page.locator('meta[name="description"]').get_attribute("content") or ""
        assert LITERALS[seed][1] in description, description
        raw = page.request.get(xss_url + path).text()
        head = raw[: raw.index("</head>")]
        for literal in LITERALS[seed][:2]:
            assert literal not in head, f"{literal!r} unescaped in <head>"


def test_pages_listing_them_show_the_text_and_run_nothing(reader: Reader, xss_site: Path, xss_url: str) -> None:
    for path, seeds in listing_pages(xss_site, articles(xss_site)).items():
        page = reader(xss_url + path)
        assert_inert(page)
        for seed in seeds:
            expect(page.locator(".md-content")).to_contain_text(LITERALS[seed][0])


def test_search_results_show_the_text_and_run_nothing(reader: Reader, xss_url: str) -> None:
    page = reader(xss_url + "/")
    box = page.locator("#vl-search-query")
    results = page.locator(".md-search-result__list")
    for query, literal in (("onerror", "<img src=x onerror=alert(1)>"), ("svg onload", '"><svg onload=alert(1)>')):
        box.fill("")
        box.press_sequentially(query)
        page.wait_for_function("q => document.getElementById('vl-search-results').dataset.query === q", arg=query)
        expect(results).to_contain_text(literal)
        expect(results.locator(f"{HANDLERS}, script, img, svg")).to_have_count(0)
        assert page.evaluate("() => window.__seedRan") is None
