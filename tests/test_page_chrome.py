"""What the theme puts around every page of the built site: labels and tooltips in Vietnamese."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_heading_links_and_tab_bar_are_labelled_in_vietnamese(built_site: Path) -> None:
    """Python-Markdown's "Permanent link" and Material's "Tabs" were left in English."""
    pages = html_pages(built_site)
    headerlinks = 0
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert "Permanent link" not in html, page
        assert 'aria-label="Tabs"' not in html, page
        assert '<html lang="vi"' in html, page
        titles = re.findall(r'<a class="headerlink" href="#[^"]*" title="([^"]*)"', html)
        assert set(titles) <= {"Liên kết đến mục này"}, page
        headerlinks += len(titles)
        if "md-tabs" in html:
            assert '<nav class="md-tabs" aria-label="Thẻ điều hướng"' in html, page
    assert headerlinks > len(pages)  # every page with a sub-heading has them
    assert '<nav class="md-tabs" aria-label="Thẻ điều hướng"' in (built_site / "index.html").read_text(encoding="utf-8")
