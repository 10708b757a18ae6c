"""Page layout measured in the browser: what fits the column, what stays legible on a phone."""

from __future__ import annotations

from playwright.sync_api import ViewportSize

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
