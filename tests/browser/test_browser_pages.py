"""Page layout measured in the browser: what fits the column, what stays legible on a phone."""

from __future__ import annotations

import base64

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


def test_theme_year_table_on_a_phone(reader: Reader, site_url: str) -> None:
    """On a 390 px phone the table scrolls in its frame: seven of its eight columns show whole
    (five did with Material's padding), no line of a theme's name starts with its dash, and the
    year column stays on screen when the frame is scrolled to its end."""
    page = reader(site_url + "/chu-de/", viewport=PHONE)
    found = page.locator("article table").evaluate(
        """t => {
            const inView = c => { const r = c.getBoundingClientRect(); return r.left >= 0 && r.right <= innerWidth; };
            const lines = a => {  // the header link's text as the browser broke it into lines
                const text = a.firstChild, range = document.createRange(), out = [];
                let top = null;
                for (let i = 0; i < text.length; i++) {
                    range.setStart(text, i);
                    range.setEnd(text, i + 1);
                    const y = range.getBoundingClientRect().top;
                    if (top === null || y > top + 2) out.push("");
                    if (top === null || y > top + 2) top = y;
                    out[out.length - 1] += text.data[i];
                }
                return out;
            };
            const frame = t.closest(".md-typeset__scrollwrap");
            const year = t.querySelector("tbody td");
            const whole = [...t.querySelectorAll("thead th")].filter(inView).length;
            frame.scrollLeft = frame.scrollWidth;
            return {
                whole,
                lines: [...t.querySelectorAll("thead th a")].map(lines),
                scrolled: frame.scrollLeft,
                year: year.getBoundingClientRect().left - frame.getBoundingClientRect().left,
            };
        }"""
    )
    assert found["whole"] >= 7, found
    assert len(found["lines"]) == 7 and all(len(name) > 1 for name in found["lines"][:5]), found  # names do wrap
    assert [line for name in found["lines"] for line in name if line.startswith("–")] == [], found
    assert found["scrolled"] > 0, found  # the table is wider than the phone: the check below means something
    assert found["year"] >= -0.5, found  # still in the frame, not scrolled off to its left


# The mean brightness (0–255) of the frame's two rightmost columns of pixels, read from a
# screenshot by the browser itself (no image library in the test dependencies).
_EDGE = """async png => {
    const img = new Image();
    img.src = "data:image/png;base64," + png;
    await img.decode();
    const canvas = document.createElement("canvas");
    canvas.width = img.width;
    canvas.height = img.height;
    const g = canvas.getContext("2d");
    g.drawImage(img, 0, 0);
    const d = g.getImageData(img.width - 2, 0, 2, img.height).data;
    let sum = 0;
    for (let i = 0; i < d.length; i += 4) sum += d[i] + d[i + 1] + d[i + 2];
    return sum / (d.length / 4) / 3;
}"""


def test_theme_year_table_on_a_phone_shows_that_it_scrolls(reader: Reader, site_url: str) -> None:
    """A shadow at the frame's right edge while columns lie beyond it, none once scrolled to the end."""
    page = reader(site_url + "/chu-de/", viewport=PHONE)
    frame = page.locator(".md-typeset__scrollwrap").filter(has=page.locator("table")).first
    assert frame.evaluate("f => f.scrollWidth > f.clientWidth"), "the table fits: nothing to hint at"
    before = page.evaluate(_EDGE, base64.b64encode(frame.screenshot()).decode("ascii"))
    frame.evaluate("f => { f.scrollLeft = f.scrollWidth; }")
    after = page.evaluate(_EDGE, base64.b64encode(frame.screenshot()).decode("ascii"))
    assert after > 250, (before, after)  # the page's white: no shadow at the end
    assert before < after - 20, (before, after)


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


FOCUSED = """() => {
    const e = document.activeElement, r = e.getBoundingClientRect();
    return {tag: e.tagName, text: (e.textContent || "").trim().slice(0, 40), left: r.left, right: r.right,
            inDrawer: !!e.closest(".md-sidebar--primary")};
}"""


def test_the_closed_drawer_takes_no_focus_on_a_phone(reader: Reader, site_url: str) -> None:
    """On a phone the navigation is a drawer off the screen: while it is closed, Tab never lands
    on its links (eight presses went to links nobody could see); opened, its links take the focus."""
    page = reader(site_url + "/", viewport=PHONE)
    stops = []
    for _ in range(15):
        page.keyboard.press("Tab")
        stops.append(page.evaluate(FOCUSED))
    assert [s for s in stops if s["inDrawer"] or s["right"] <= 0 or s["left"] >= PHONE["width"]] == [], stops
    page.locator("label.md-header__button[for=__drawer]").click()
    page.wait_for_timeout(400)
    opened = []
    for _ in range(15):
        page.keyboard.press("Tab")
        opened.append(page.evaluate(FOCUSED))
    drawer = [s for s in opened if s["inDrawer"]]
    assert drawer, opened
    assert all(s["left"] >= 0 and s["right"] <= PHONE["width"] for s in drawer), drawer
