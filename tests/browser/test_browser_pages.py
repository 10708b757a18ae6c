"""Page layout measured in the browser: what fits the column, what stays legible on a phone."""

from __future__ import annotations

import pytest
from playwright.sync_api import ViewportSize

from .browserkit import PHONE
from .conftest import Reader

# 1366 px: the common laptop width the tester used (Material's content column is 688 px there).
LAPTOP: ViewportSize = {"width": 1366, "height": 800}


def test_theme_year_table_fits_the_column(reader: Reader, site_url: str) -> None:
    """Eight columns (the year and seven themes) fit the text column without a horizontal scroll."""
    page = reader(site_url + "/chu-de/", viewport=LAPTOP)
    table = page.locator("article table")
    sizes = table.evaluate(
        """t => ({
            table: t.getBoundingClientRect().width,
            column: t.closest("article").getBoundingClientRect().width,
            columns: t.querySelectorAll("thead th").length,
        })"""
    )
    assert sizes["columns"] == 8
    assert sizes["table"] <= sizes["column"] + 0.5, sizes


@pytest.mark.parametrize("viewport", [LAPTOP, PHONE], ids=["laptop", "phone"])
def test_chart_text_is_legible(reader: Reader, site_url: str, viewport: ViewportSize) -> None:
    """The home chart's text as rendered: 11 px or more on a 390 px phone (it was 5.5 px), not
    above body text on a laptop, and no two labels overlapping."""
    page = reader(site_url + "/", viewport=viewport)
    found = page.locator(".vl-chart svg").evaluate(
        """svg => {
            const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
            const texts = [...svg.querySelectorAll("text")];
            const boxes = texts.map(t => t.getBoundingClientRect());
            const overlapping = [];
            boxes.forEach((a, i) => boxes.slice(i + 1).forEach((b, j) => {
                if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom)
                    overlapping.push([texts[i].textContent, texts[i + 1 + j].textContent]);
            }));
            return {
                sizes: texts.map(t => parseFloat(getComputedStyle(t).fontSize) * scale),
                overlapping,
            };
        }"""
    )
    assert found["sizes"], "no text in the chart"
    assert min(found["sizes"]) >= 11, found["sizes"]
    assert max(found["sizes"]) <= 16.5, found["sizes"]
    assert found["overlapping"] == []
