"""Index and article pages as a reader meets them: the theme × year table, links between years."""

from __future__ import annotations

from generator import layout
from generator.data import Data
from generator.indexes import themes_index
from generator.model import Article, PartialDate


def article(slug: str, date: PartialDate | None, themes: tuple[str, ...] = ()) -> Article:
    return Article(
        slug=slug, title=slug, date=date, source=None, source_url=None, author=None, summary="s", lede=None,
        blocks=(), themes=themes, people=(), words=1, reading_time=1, seed=f"{slug}.txt", seed_sha256="0",
    )  # fmt: skip


def table_rows(markdown: str) -> list[list[str]]:
    """The cells of the page's Markdown table, row by row (the separator row left out)."""
    rows = [line.strip("|").split(" | ") for line in markdown.splitlines() if line.startswith("| ")]
    return [[cell.strip() for cell in row] for row in rows]


def test_theme_year_table_has_a_row_per_year_newest_first_and_a_column_per_theme(data: Data) -> None:
    """27 years of coverage must not make the table 27 columns wide (3,034 px in a 720 px column)."""
    arts = [article(f"a{y}", PartialDate(y, 5, 1), ("lap-phap", "da-phuong")) for y in range(2000, 2027)]
    arts += [article("b2024", PartialDate(2024), ("lap-phap",)), article("undated", None, ("da-phuong",))]
    header, *rows = table_rows(themes_index(arts, data))

    assert len(header) == 1 + len(data.themes)  # the year, then one column per theme, whatever the years
    assert header[0] == "Năm"
    assert header[1:] == [f"[{t.name}]({t.slug}.md)" for t in data.themes]
    assert [r[0] for r in rows[:3]] == ["[2026](../nam/2026.md)", "[2025](../nam/2025.md)", "[2024](../nam/2024.md)"]
    assert [r[0] for r in rows[-2:]] == ["[Chưa rõ thời gian](../nam/index.md#chua-ro-thoi-gian)", "**Tổng**"]
    assert len(rows) == 27 + 2
    assert all(len(r) == len(header) for r in rows)

    column = {t.slug: 1 + i for i, t in enumerate(data.themes)}
    by_year = {r[0]: r for r in rows}
    assert by_year["[2024](../nam/2024.md)"][column["lap-phap"]] == "2"
    assert by_year["[2024](../nam/2024.md)"][column["da-phuong"]] == "1"
    assert rows[-2][column["da-phuong"]] == "1" and rows[-2][column["lap-phap"]] == "0"
    assert rows[-1][column["lap-phap"]] == "**28**" and rows[-1][column["da-phuong"]] == "**28**"
    assert rows[-1][column["quoc-phong-an-ninh"]] == "**0**"


def test_theme_year_table_without_undated_articles_has_no_undated_row(data: Data) -> None:
    _header, *rows = table_rows(themes_index([article("a", PartialDate(2023, 1), ("lap-phap",))], data))
    assert [r[0] for r in rows] == [f"[2023]({layout.rel(layout.THEMES_INDEX, layout.year_page(2023))})", "**Tổng**"]
