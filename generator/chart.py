"""Articles per year, stacked by main theme: an inline SVG made at build time (no scripts)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from html import escape

from .data import Theme
from .model import Article

# Okabe–Ito colours: distinguishable with the common colour-vision deficiencies.
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#E69F00", "#CC79A7", "#56B4E9", "#F0E442", "#000000")
OTHER_COLOUR = "#999999"
OTHER_LABEL = "Chưa phân loại"
WIDTH, PLOT_HEIGHT, LEFT, TOP = 720, 220, 36, 10
LEGEND_ROW = 18


def _nice_max(value: int) -> int:
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000):
        if value <= step * 4:
            return step * 4
    return value


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
    top = _nice_max(max(totals.values()))
    colours = {t.slug: PALETTE[i % len(PALETTE)] for i, t in enumerate(themes)} | {"": OTHER_COLOUR}
    names = {t.slug: t.name for t in themes} | {"": OTHER_LABEL}
    used = [k for k in keys if any(counts[(y, k)] for y in years)]

    plot_width = WIDTH - LEFT - 4
    slot = plot_width / len(years)
    bar = max(2.0, slot * 0.7)
    legend_top = TOP + PLOT_HEIGHT + 24
    height = legend_top + LEGEND_ROW * ((len(used) + 1) // 2) + 6
    parts = [
        f'<svg viewBox="0 0 {WIDTH} {height}" width="100%" role="img" aria-labelledby="vl-chart-title vl-chart-desc"'
        ' xmlns="http://www.w3.org/2000/svg" font-size="11" fill="currentColor">',
        '<title id="vl-chart-title">Số bài viết theo năm, chia theo chủ đề chính</title>',
        '<desc id="vl-chart-desc">'
        + escape("; ".join(f"{y}: {totals[y]} bài" for y in years if totals[y]))
        + "</desc>",
    ]
    for tick in range(5):
        value = top * tick // 4
        y = TOP + PLOT_HEIGHT - PLOT_HEIGHT * tick / 4
        parts.append(
            f'<line x1="{LEFT}" x2="{WIDTH - 4}" y1="{y:.1f}" y2="{y:.1f}" stroke="currentColor" stroke-opacity=".15"/>'
            f'<text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end">{value}</text>'
        )
    label_every = max(1, round(len(years) / 12))
    for n, year in enumerate(years):
        x = LEFT + n * slot + (slot - bar) / 2
        base = float(TOP + PLOT_HEIGHT)
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
        if n % label_every == 0 or year == last:
            parts.append(f'<text x="{x + bar / 2:.1f}" y="{TOP + PLOT_HEIGHT + 14}" text-anchor="middle">{year}</text>')
    for n, key in enumerate(used):
        lx = LEFT + (n % 2) * (plot_width / 2)
        ly = legend_top + (n // 2) * LEGEND_ROW
        parts.append(
            f'<rect x="{lx:.1f}" y="{ly}" width="12" height="12" fill="{colours[key]}"/>'
            f'<text x="{lx + 18:.1f}" y="{ly + 10}">{escape(names[key])}</text>'
        )
    parts.append("</svg>")
    return '<figure class="vl-chart">' + "".join(parts) + "</figure>"
