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


@pytest.mark.parametrize("viewport", [LAPTOP, PHONE], ids=["laptop", "phone"])
def test_figures_tables_fit_the_screen_and_stay_tables(reader: Reader, site_url: str, viewport: ViewportSize) -> None:
    """The key-figures tables: on a phone each row is a card as wide as the column, so the clause
    is readable (it was 100 px wide; 338 px now at 390) and the article link on screen (the table
    was 44 px too wide); everywhere they stay tables with their column headers for assistive
    technology."""
    page = reader(site_url + "/so-lieu/", viewport=viewport)
    tables = page.locator("article table")
    assert tables.count() >= 2, "too few figures tables to test"
    for i in range(tables.count()):
        table = tables.nth(i)
        sizes = table.evaluate(
            """t => {
                const column = t.closest("article").getBoundingClientRect();
                const cells = [...t.querySelectorAll("tbody td")].map(td => td.getBoundingClientRect());
                return {
                    left: column.left, right: column.right, width: column.width,
                    cells: cells.map(r => [r.left, r.right]),
                    clause: t.querySelector("tbody td:nth-child(3)").getBoundingClientRect().width,
                };
            }"""
        )
        assert all(sizes["left"] - 0.5 <= a and b <= sizes["right"] + 0.5 for a, b in sizes["cells"]), sizes
        if viewport is PHONE:
            assert sizes["clause"] >= 0.8 * sizes["width"], sizes
        snapshot = table.aria_snapshot()
        assert snapshot.startswith("- table"), snapshot
        assert '- columnheader "Nội dung"' in snapshot, snapshot
        assert "- row " in snapshot and "- cell " in snapshot, snapshot
