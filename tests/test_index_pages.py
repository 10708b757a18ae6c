"""Index and article pages as a reader meets them: the theme × year table, links between years."""

from __future__ import annotations

import dataclasses
import itertools
import re
from pathlib import Path

import pytest
from conftest import TODAY

from generator import layout
from generator.build import Paths, build
from generator.chart import AXIS_LINES_MAX, PHONE_COLUMN, axis_scale, chart
from generator.data import Data
from generator.indexes import index_plan, themes_index, year_page
from generator.model import Article, PartialDate
from generator.pages import render_article


def article(slug: str, date: PartialDate | None, themes: tuple[str, ...] = ()) -> Article:
    return Article(
        slug=slug, title=slug, date=date, source=None, source_url=None, author=None, summary="s", lede=None,
        blocks=(), themes=themes, people=(), words=1, reading_time=1, seed=f"{slug}.txt", seed_sha256="0",
    )  # fmt: skip


def table_rows(markdown: str) -> list[list[str]]:
    """The cells of the page's Markdown table, row by row (the separator row left out)."""
    rows = [line.strip("|").split(" | ") for line in markdown.splitlines() if line.startswith("| ")]
    return [[cell.strip() for cell in row] for row in rows]


NBSP = "\u00a0"


def test_theme_year_table_has_a_row_per_year_newest_first_and_a_column_per_theme(data: Data) -> None:
    """27 years of coverage must not make the table 27 columns wide (3,034 px in a 720 px column)."""
    arts = [article(f"a{y}", PartialDate(y, 5, 1), ("lap-phap", "da-phuong")) for y in range(2000, 2027)]
    arts += [article("b2024", PartialDate(2024), ("lap-phap",)), article("undated", None, ("da-phuong",))]
    header, *rows = table_rows(themes_index(arts, data))

    assert len(header) == 1 + len(data.themes)  # the year, then one column per theme, whatever the years
    assert header[0] == "Năm"
    # A theme's name, its dashes kept with the word before them (` – ` → no-break space, `– `).
    assert header[1:] == [f"[{t.name.replace(' – ', NBSP + '– ')}]({t.slug}.md)" for t in data.themes]
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


def meta_line(page: str) -> str:
    return next(line for line in page.splitlines() if line.startswith(("[**", "**")))


def test_article_date_links_to_its_year_page(data: Data) -> None:
    for date, shown in [
        (PartialDate(2024, 3, 12), "12/03/2024"),
        (PartialDate(2023, 1), "tháng 01/2023"),
        (PartialDate(2021), "năm 2021"),
    ]:
        line = meta_line(render_article(article("x", date), data))
        assert line.startswith(f'[**{shown}**](../nam/{date.year}.md "Các bài viết năm {date.year}") · '), line


def test_undated_article_date_links_nowhere(data: Data) -> None:
    line = meta_line(render_article(article("x", None), data))
    assert line.startswith("**Không rõ ngày** · ") and "](" not in line


def steps(page: str) -> str | None:
    """The line of links to the neighbouring years, if the page has one."""
    lines = page.splitlines()
    at = [i for i, line in enumerate(lines) if line == "{ .vl-prevnext }"]
    return lines[at[0] - 1] if at else None


def test_year_page_links_to_the_nearest_years_with_articles(data: Data) -> None:
    arts = [article(f"a{y}", PartialDate(y, 1, 1)) for y in (2019, 2021, 2022)] + [article("u", None)]
    plan = {spec.path: spec for spec in index_plan(arts, data, has_about=False)}
    pages = {year: plan[layout.year_page(year)].make() for year in (2019, 2021, 2022)}
    assert steps(pages[2021]) == "← [Năm 2019](2019.md) · [Năm 2022](2022.md) →"  # 2020 has none: skipped
    assert steps(pages[2019]) == "[Năm 2021](2021.md) →"
    assert steps(pages[2022]) == "← [Năm 2021](2021.md)"
    # What the year page's cache key is made from includes its neighbours.
    assert plan[layout.year_page(2021)].extra == (2019, 2022)
    assert steps(year_page(2020, [article("b", PartialDate(2020, 5))], data)) is None  # the only year


def test_a_new_year_updates_its_neighbours_pages(project: Paths, tmp_path: Path) -> None:
    """Year pages are remade only when their key changes: a year's first article must change the
    pages of the years around it, with the cache on."""
    cached = dataclasses.replace(project, cache=tmp_path / "cache")
    seed = "Tiêu đề năm {y}\n\nNgày 05/06/{y}, hai bên nhất trí về thương mại.\n"

    def year(y: int) -> str | None:
        return steps((project.content / "nam" / f"{y}.md").read_text(encoding="utf-8"))

    for name, y in (("a.txt", 2021), ("b.txt", 2023)):
        (project.seeds / name).write_text(seed.format(y=y), encoding="utf-8")
    build(cached, today=TODAY)
    assert year(2021) == "[Năm 2023](2023.md) →"
    (project.seeds / "c.txt").write_text(seed.format(y=2022), encoding="utf-8")
    build(cached, today=TODAY)
    assert (year(2021), year(2022), year(2023)) == (
        "[Năm 2022](2022.md) →",
        "← [Năm 2021](2021.md) · [Năm 2023](2023.md) →",
        "← [Năm 2022](2022.md)",
    )


def test_chart_text_stays_legible_in_a_phone_column(data: Data) -> None:
    """The SVG shrinks with the column: at 358 px its text must still be 11 px or more (it was
    5.5 px: 11 units in a 720-unit viewBox), and no bigger than body text on a desktop."""
    arts = [
        article(f"a{y}-{n}", PartialDate(y, 1 + n), (data.themes[(y + n) % len(data.themes)].slug,))
        for y in range(2000, 2027)
        for n in range(y % 5 + 1)
    ]
    svg = chart(arts, data.themes)
    viewbox = re.search(r'<svg viewBox="0 0 ([\d.]+) ([\d.]+)" width="([\d.]+)"', svg)
    assert viewbox
    width, _, shown = map(float, viewbox.groups())
    assert shown == width  # at most its viewBox's width on a desktop: 1 unit a pixel there
    sizes = [float(f) for f in re.findall(r'font-size="([\d.]+)"', svg)]
    assert sizes and min(sizes) * PHONE_COLUMN / width >= 11 and max(sizes) <= 16

    # The year labels are round years spaced so that they do not touch at that size.
    years = [
        (float(x), int(y)) for x, y in re.findall(r'<text x="([\d.]+)" y="[\d.]+" text-anchor="middle">(\d{4})<', svg)
    ]
    assert [y for _, y in years] == [2000, 2005, 2010, 2015, 2020, 2025]
    gaps = [b[0] - a[0] for a, b in itertools.pairwise(years)]
    assert min(gaps) >= 4 * 0.6 * max(sizes) + 8
    # Every legend key has a row of its own: the longest theme name never shares one.
    legend = re.findall(r'<rect x="([\d.]+)" y="([\d.]+)" width="13" height="13"', svg)
    assert len(legend) == len(data.themes) and len({y for _, y in legend}) == len(legend)


@pytest.mark.parametrize(
    ("tallest", "scale"),
    [(1, (1, 1)), (2, (1, 2)), (5, (1, 5)), (6, (2, 3)), (11, (5, 3)), (41, (10, 5)), (300, (100, 3))],
)
def test_chart_axis_ends_at_the_tallest_bar_rounded_up_to_a_step(tallest: int, scale: tuple[int, int]) -> None:
    assert axis_scale(tallest) == scale


def test_chart_axis_is_never_a_step_or_more_above_the_tallest_bar() -> None:
    """The axis went to twice the tallest bar (2 articles: up to 4; 41: up to 80)."""
    for tallest in range(1, 30_000):
        step, lines = axis_scale(tallest)
        assert 1 <= lines <= AXIS_LINES_MAX and step * (lines - 1) < tallest <= step * lines, tallest


def test_chart_has_a_visible_caption_and_its_grid_reaches_the_tallest_bar(data: Data) -> None:
    arts = [article(f"a{n}", PartialDate(2024, 1), ("lap-phap",)) for n in range(6)]
    arts.append(article("b", PartialDate(2023, 1), ("lap-phap",)))
    svg = chart(arts, data.themes)
    caption = '<figcaption aria-hidden="true">Số bài viết theo năm, chia theo chủ đề chính</figcaption></figure>'
    assert caption in svg  # seen, not read twice: the SVG's title says the same
    assert re.findall(r'text-anchor="end">(\d+)<', svg) == ["0", "2", "4", "6"]
    bar = re.search(r'<rect x="[\d.]+" y="([\d.]+)" width="[\d.]+" height="([\d.]+)" fill="[^"]+"><title>2024', svg)
    assert bar and float(bar.group(1)) == 10.0 and float(bar.group(2)) == 200.0  # 6 of 6: the whole plot


def test_chart_labels_every_year_of_a_short_range(data: Data) -> None:
    arts = [article(f"a{y}", PartialDate(y, 1), ("lap-phap",)) for y in range(2023, 2027)]
    svg = chart(arts, data.themes)
    assert re.findall(r'text-anchor="middle">(\d{4})<', svg) == ["2023", "2024", "2025", "2026"]


def test_home_page_keeps_each_year_with_its_count(data: Data) -> None:
    """`2014 (16) ·` was split over two lines on a phone: the spaces inside an entry do not break."""
    arts = [article(f"a{y}", PartialDate(y, 1, 1)) for y in (2014, 2015)] + [article("u", None)]
    plan = {spec.path: spec for spec in index_plan(arts, data, has_about=False)}
    home = plan[layout.HOME].make()
    line = next(line for line in home.splitlines() if line.startswith("[2015]"))
    assert line.startswith("[2015](nam/2015.md)\u00a0(1)\u00a0· [2014]"), line
    before_counts = re.findall(r"(\s)\(\d+\)", line)
    before_dots = re.findall(r"(\s)·", line)
    assert len(before_counts) == 3 and len(before_dots) == 2, line
    assert set(before_counts + before_dots) == {"\u00a0"}, line
