"""generator/search.py: the real Pagefind binary on tiny sites."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.search import BUNDLE, SearchIndexError, index_site

PAGE = """<!doctype html><html lang="vi"><head><title>t</title></head><body>
<nav>Thực đơn Trang chủ</nav>
<div data-pagefind-body>
<h1>Quan hệ đặc biệt <a class="headerlink" href="#x">¶</a></h1>
<p class="vl-tags">Chủ đề: Quốc phòng</p>
<p>Hợp tác toàn diện</p>
<ul><li class="vl-entry">Bài khác được liệt kê</li></ul>
<p class="vl-seed">Tệp gốc: 004.txt</p>
</div>
<footer>Chân trang</footer>
</body></html>
"""


def write(site: Path, pages: dict[str, str]) -> Path:
    for name, html in pages.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(html, encoding="utf-8")
    return site


def test_indexes_only_the_marked_body_without_the_excluded_parts(tmp_path: Path) -> None:
    site = write(tmp_path, {"index.html": PAGE, "a/index.html": PAGE.replace("toàn diện", "chiến lược")})
    index = index_site(site)
    assert index.pages == 2
    # quan hệ đặc biệt hợp tác toàn diện chiến lược: no menu, footer, tags, entry or seed line
    assert index.words == 10
    assert (site / BUNDLE / "pagefind.js").is_file()
    assert list((site / BUNDLE / "index").glob("*.pf_index"))


def test_dashes_inside_words_do_not_join_them(tmp_path: Path) -> None:
    page = PAGE.replace("Hợp tác toàn diện", "Bộ trưởng (2016–2024), 2019—2025")
    site = write(tmp_path, {"index.html": page})
    # quan hệ đặc biệt bộ trưởng, and for each range the joined form and both years (8 if the
    # dashes joined the years: "2016–2024" would be one word that `2024` cannot find)
    assert index_site(site).words == 12
    assert "(2016–2024)" in (site / "index.html").read_text(encoding="utf-8")  # the page keeps its dash


def test_a_site_without_data_pagefind_body_is_refused(tmp_path: Path) -> None:
    site = write(tmp_path, {"index.html": PAGE.replace(" data-pagefind-body", "")})
    with pytest.raises(SearchIndexError, match="data-pagefind-body"):
        index_site(site)


def test_pagefind_failing_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(SearchIndexError, match="pagefind failed"):
        index_site(tmp_path / "no-such-site")
