"""End to end: the repository's seeds through the generator and `mkdocs build --strict`."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

ARTICLES = {
    "2025-12-02-cuoc-gap-cap-cao-giua-dang-cong-san-viet-nam-va-dang-nhan-dan-cach-mang-lao",
    "2025-12-01-viet-lao-phan-dau-nang-kim-ngach-len-5-ty-usd",
    "2026-01-26-lanh-dao-viet-nam-hoi-kien-tong-bi-thu-chu-tich-nuoc-lao-thongloun-sisoulith",
    "2023-01-nhat-quan-chinh-sach-duy-tri-hop-tac",
    "2024-02-26-tong-bi-thu-vun-dap-va-tang-cuong-quan-he-doan-ket-dac-biet-viet-nam-lao",
}


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(str(a["id"]))
        for key in ("href", "src"):
            if a.get(key):
                self.hrefs.append(str(a[key]))


def parse(page: Path) -> Links:
    links = Links()
    links.feed(page.read_text(encoding="utf-8"))
    return links


def url_of(site: Path, page: Path) -> str:
    return "/" + page.relative_to(site).as_posix()


def test_every_article_and_index_page_exists(built_site: Path) -> None:
    assert {p.parent.name for p in (built_site / "bai-viet").glob("*/index.html")} == ARTICLES
    for page in ("index.html", "nam/index.html", "chu-de/index.html", "nhan-vat/index.html", "gioi-thieu/index.html"):
        assert (built_site / page).is_file(), page
    for year in (2023, 2024, 2025, 2026):
        assert (built_site / "nam" / str(year) / "index.html").is_file()
    themes = {p.parent.name for p in (built_site / "chu-de").glob("*/index.html")}
    assert len(themes) == 7  # every theme page exists, even an empty one


def test_year_pages_link_to_their_articles_and_articles_to_themes_and_people(built_site: Path) -> None:
    year = parse(built_site / "nam" / "2025" / "index.html")
    assert {h for h in year.hrefs if "bai-viet/" in h} == {
        "../../bai-viet/2025-12-02-cuoc-gap-cap-cao-giua-dang-cong-san-viet-nam-va-dang-nhan-dan-cach-mang-lao/",
        "../../bai-viet/2025-12-01-viet-lao-phan-dau-nang-kim-ngach-len-5-ty-usd/",
    }
    article = parse(built_site / "bai-viet" / "2025-12-01-viet-lao-phan-dau-nang-kim-ngach-len-5-ty-usd" / "index.html")
    assert "../../chu-de/kinh-te-thuong-mai/" in article.hrefs
    assert "../../nhan-vat/to-lam/" in article.hrefs
    assert "https://vnexpress.net/viet-lao-phan-dau-nang-kim-ngach-len-5-ty-usd-4988378.html" in article.hrefs


def test_every_internal_link_and_anchor_resolves(built_site: Path) -> None:
    pages = {url_of(built_site, p): parse(p) for p in built_site.rglob("*.html")}
    broken = []
    for url, links in pages.items():
        if url == "/404.html":
            continue  # MkDocs writes absolute links from site_url in 404.html: it is served at any depth
        for href in links.hrefs:
            target = urlsplit(urljoin(url, href))
            if target.scheme in ("http", "https", "mailto") or href.startswith("//"):
                continue
            path = unquote(target.path)
            file = built_site / path.lstrip("/")
            if path.endswith("/"):
                file = file / "index.html"
            if not file.exists():
                broken.append(f"{url} → {href}")
            elif target.fragment and file.suffix == ".html":
                key = url_of(built_site, file)
                if target.fragment not in pages[key].ids:
                    broken.append(f"{url} → {href} (no anchor)")
    assert broken == []
    assert len(pages) >= 30


@pytest.mark.parametrize(
    ("slug", "anchor"),
    [
        ("2023-01-nhat-quan-chinh-sach-duy-tri-hop-tac", "phat-huy-truyen-thong-tang-cuong-doan-ket"),
        (
            "2026-01-26-lanh-dao-viet-nam-hoi-kien-tong-bi-thu-chu-tich-nuoc-lao-thongloun-sisoulith",
            "tang-cuong-hop-tac-giua-hai-co-quan-lap-phap",
        ),
    ],
)
def test_heading_anchors_are_ascii(built_site: Path, slug: str, anchor: str) -> None:
    assert anchor in parse(built_site / "bai-viet" / slug / "index.html").ids


def test_article_page_shows_metadata_and_captions(built_site: Path) -> None:
    html = (
        built_site
        / "bai-viet"
        / "2024-02-26-tong-bi-thu-vun-dap-va-tang-cuong-quan-he-doan-ket-dac-biet-viet-nam-lao"
        / "index.html"
    ).read_text(encoding="utf-8")
    assert (
        "<title>Tổng Bí thư: Vun đắp và tăng cường quan hệ đoàn kết đặc biệt Việt Nam - Lào - Tin Việt – Lào</title>"
        in html
    )
    assert '<html lang="vi"' in html
    year_link = '<a href="../../nam/2024/" title="Các bài viết năm 2024">'  # the date links to its year
    assert f"{year_link}<strong>26/02/2024</strong></a> · Nguồn: VOV" in html
    assert "Mời quý độc giả" not in html and "Tin liên quan" not in html
    caption = (
        built_site
        / "bai-viet"
        / "2025-12-02-cuoc-gap-cap-cao-giua-dang-cong-san-viet-nam-va-dang-nhan-dan-cach-mang-lao"
        / "index.html"
    ).read_text(encoding="utf-8")
    assert len(re.findall(r'<p class="vl-caption">[^<]*\(Ảnh: TTXVN\)</p>', caption)) == 2
    month = (built_site / "bai-viet" / "2023-01-nhat-quan-chinh-sach-duy-tri-hop-tac" / "index.html").read_text(
        encoding="utf-8"
    )
    assert "<strong>tháng 01/2023</strong>" in month


def test_no_requests_to_other_hosts_in_markup(built_site: Path) -> None:
    for page in built_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html, page
        for tag in re.findall(r"<(?:script|img|link|iframe)\b[^>]*>", html):
            if 'rel="canonical"' in tag or 'rel="alternate"' in tag:
                continue  # a link for crawlers, not a request the page makes
            assert not re.search(r'(?:src|href)="(?:https?:)?//', tag), f"{page}: external resource in {tag}"
