"""Articles per year, stacked by main theme: an inline SVG made at build time (no scripts)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from html import escape

from .data import Theme
from .layout import LABELS
from .model import Article

# Okabe–Ito colours: distinguishable with the common colour-vision deficiencies.
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#E69F00", "#CC79A7", "#56B4E9", "#F0E442", "#000000")
OTHER_COLOUR = "#999999"
OTHER_LABEL = "Chưa phân loại"
# The SVG scales with its column: WIDTH px wide at most (its `width`; CSS max-width: 100% shrinks
# it), PHONE_COLUMN px on a 390 px phone. Sizes are in viewBox units, so text is FONT px on a
# desktop and FONT * PHONE_COLUMN / WIDTH px (11.9) on that phone: 11 px or more. (At 720 units
# and font size 11 it was 5.5 px there.) One legend key a row, so the names never need to shrink.
WIDTH, FONT = 480, 16
PHONE_COLUMN = 358  # Material's text column on a 390 px phone
PLOT_HEIGHT, LEFT, RIGHT, TOP = 200, 44, 6, 10
LEGEND_ROW, SWATCH = 22, 13
MAX_BAR = 36
YEAR_LABEL = FONT * 0.6 * 4 + 10  # a four-digit year and the space it needs around it
AXIS_STEPS = (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10000)  # round numbers
LABEL_STEPS = tuple(step for step in AXIS_STEPS if step <= 100)  # years between two labelled ones
AXIS_LINES_MAX = 5  # grid lines above zero


def axis_scale(tallest: int) -> tuple[int, int]:
    """`(step, lines)`: grid lines every `step` articles, the top one at or just above the
    tallest bar (less than a step above it), at most AXIS_LINES_MAX of them. `tallest` >= 1."""
    for step in AXIS_STEPS:
        lines = -(-tallest // step)
        if lines <= AXIS_LINES_MAX:
            return step, lines
    step = -(-tallest // AXIS_LINES_MAX)
    return step, -(-tallest // step)


def label_step(slot: float) -> int:
    """Every how many years a year is written under the bars (`slot` units apart): the smallest
    round step whose labels do not touch. The years divisible by it are labelled."""
    return next((step for step in LABEL_STEPS if step * slot >= YEAR_LABEL), LABEL_STEPS[-1])


def chart(articles: Sequence[Article], themes: Sequence[Theme]) -> str:
    """A `<figure>` with a stacked bar per year (every year in the range, empty ones too)."""
    dated = [a for a in articles if a.date]
    if not dated:
        return ""
    first, last = min(a.date.year for a in dated if a.date), max(a.date.year for a in dated if a.date)
    years = list(range(first, last + 1))
    keys = [t.slug for t in themes] + [""]
    counts = Counter((a.date.year, a.themes[0] if a.themes else "") for a in dated if a.date)
    totals = Counter(a.date.year for a in dated if a.date)
    step, lines = axis_scale(max(totals.values()))
    top = step * lines
    colours = {t.slug: PALETTE[i % len(PALETTE)] for i, t in enumerate(themes)} | {"": OTHER_COLOUR}
    names = {t.slug: t.name for t in themes} | {"": OTHER_LABEL}
    used = [k for k in keys if any(counts[(y, k)] for y in years)]

    plot_width = WIDTH - LEFT - RIGHT
    slot = plot_width / len(years)
    bar = min(MAX_BAR, max(2.0, slot * 0.7))
    every = label_step(slot)
    axis = TOP + PLOT_HEIGHT
    legend_top = axis + FONT + 24
    height = legend_top + LEGEND_ROW * len(used)
    parts = [
        f'<svg viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" role="img"'
        ' aria-labelledby="vl-chart-title vl-chart-desc"'
        f' xmlns="http://www.w3.org/2000/svg" font-size="{FONT}" fill="currentColor">',
        f'<title id="vl-chart-title">{escape(LABELS["chart"])}</title>',
        '<desc id="vl-chart-desc">'
        + escape("; ".join(f"{y}: {totals[y]} bài" for y in years if totals[y]))
        + "</desc>",
    ]
    for tick in range(lines + 1):
        y = axis - PLOT_HEIGHT * tick / lines
        parts.append(
            f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}" stroke="currentColor"'
            ' stroke-opacity=".15"/>'
            f'<text x="{LEFT - 6}" y="{y + FONT * 0.35:.1f}" text-anchor="end">{step * tick}</text>'
        )
    for n, year in enumerate(years):
        x = LEFT + n * slot + (slot - bar) / 2
        base = float(axis)
        for key in keys:
            count = counts[(year, key)]
            if not count:
                continue
            h = PLOT_HEIGHT * count / top
            base -= h
            parts.append(
                f'<rect x="{x:.1f}" y="{base:.1f}" width="{bar:.1f}" height="{h:.1f}" fill="{colours[key]}">'
                f"<title>{year} · {escape(names[key])}: {count}</title></rect>"
            )
        if year % every == 0:
            parts.append(f'<text x="{x + bar / 2:.1f}" y="{axis + FONT + 10}" text-anchor="middle">{year}</text>')
    for n, key in enumerate(used):
        ly = legend_top + n * LEGEND_ROW
        parts.append(
            f'<rect x="{LEFT}" y="{ly}" width="{SWATCH}" height="{SWATCH}" fill="{colours[key]}"/>'
            f'<text x="{LEFT + SWATCH + 7}" y="{ly + SWATCH - 1}">{escape(names[key])}</text>'
        )
    # The caption repeats the SVG's title for the eye: hidden from screen readers, which read the title.
    parts.append(f'</svg><figcaption aria-hidden="true">{escape(LABELS["chart"])}</figcaption>')
    return '<figure class="vl-chart">' + "".join(parts) + "</figure>"
