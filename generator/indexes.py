"""Index pages: home, years, themes. Each is a pure function of the sorted articles."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import partial

from . import layout, mdtext
from .chart import chart
from .data import Data, Person
from .figures import KIND_LABELS, FigureKind
from .layout import LABELS
from .model import Article
from .pages import article_link, front_matter, theme_links

NBSP = "\u00a0"


def newest_first(articles: Iterable[Article]) -> list[Article]:
    return sorted(articles, key=Article.newest_first_key)


def entry(a: Article, data: Data, from_page: str) -> str:
    """One list entry: linked title, then date · source · themes, then the summary.

    The entry is marked `.vl-entry` (attr_list on the list item): the search index leaves
    entries out, since each article is indexed on its own page.
    """
    title = mdtext.link(a.title, layout.rel(from_page, layout.article(a.slug)))
    details = [a.date.vi() if a.date else LABELS["date_unknown"]]
    if a.source:
        details.append(mdtext.inline(a.source))
    if a.themes:
        details.append(theme_links(a.themes, data, from_page))
    lines = [f"- **{title}**", "  " + " · ".join(details), "  " + mdtext.inline(a.summary)]
    return "  \n".join(lines) + "\n  { .vl-entry }"


def compact_entry(a: Article, from_page: str) -> str:
    """A linked title and its date, for pages listing a large share of all articles."""
    title = mdtext.link(a.title, layout.rel(from_page, layout.article(a.slug)))
    return f"- {title} · {a.date.vi() if a.date else LABELS['date_unknown']}"


def compact_entries(articles: Sequence[Article], from_page: str) -> str:
    return "\n".join(compact_entry(a, from_page) for a in articles) if articles else LABELS["no_articles"]


def entries(articles: Sequence[Article], data: Data, from_page: str) -> str:
    if not articles:
        return LABELS["no_articles"]
    return "\n".join(entry(a, data, from_page) for a in articles)


def page(title: str, description: str, *sections: str, meta: dict[str, object] | None = None) -> str:
    meta = {"title": mdtext.attribute(title), "description": mdtext.attribute(description), **(meta or {})}
    return front_matter(meta) + "\n" + "\n\n".join([f"# {mdtext.inline(title)}", *sections]) + "\n"


# Each site page's title and description (its `<title>` and `<meta name="description">`), which
# search also finds the page by (`searchindex.page_documents`); a year's page: `year_head`.
HEADS: dict[str, tuple[str, str]] = {
    layout.YEARS_INDEX: (LABELS["years_title"], LABELS["years_title"]),
    layout.THEMES_INDEX: (LABELS["themes_title"], LABELS["themes_title"]),
    layout.PEOPLE_INDEX: (LABELS["people_title"], LABELS["people_intro"]),
    layout.TIMELINE: (LABELS["timeline_title"], LABELS["timeline_intro"]),
    layout.FIGURES: (LABELS["figures_title"], LABELS["figures_intro"]),
}


def year_head(year: int) -> tuple[str, str]:
    return LABELS["year"].format(y=year), f"{LABELS['years_title']}: {year}"


def by_year(articles: Sequence[Article]) -> tuple[dict[int, list[Article]], list[Article]]:
    years: dict[int, list[Article]] = defaultdict(list)
    undated: list[Article] = []
    for a in newest_first(articles):
        if a.date:
            years[a.date.year].append(a)
        else:
            undated.append(a)
    return dict(sorted(years.items(), reverse=True)), undated


def home(articles: Sequence[Article], data: Data, has_about: bool) -> str:
    here = layout.HOME
    years, undated = by_year(articles)
    counts = Counter(t for a in articles for t in a.themes)
    # A year and its count, and the dot after them, are never split over two lines (a phone).
    year_links = [f"[{y}]({layout.rel(here, layout.year_page(y))}){NBSP}({len(items)})" for y, items in years.items()]
    if undated:
        to_undated = f"{layout.rel(here, layout.YEARS_INDEX)}#{layout.UNDATED_ANCHOR}"
        year_links.append(f"[{LABELS['undated']}]({to_undated}){NBSP}({len(undated)})")
    theme_list = "\n".join(
        f"- {mdtext.link(t.name, layout.rel(here, layout.theme_page(t.slug)))} ({counts[t.slug]})" for t in data.themes
    )
    intro = LABELS["home_intro"]
    if has_about:
        intro += f" [{LABELS['about']}]({layout.rel(here, layout.ABOUT)})."
    more = (
        f"[{LABELS['timeline_title']}]({layout.rel(here, layout.TIMELINE)}) · "
        f"[{LABELS['figures_title']}]({layout.rel(here, layout.FIGURES)}) · "
        + LABELS["feeds"].format(rss=layout.RSS, json=layout.JSON_FEED)
    )
    return page(
        LABELS["home_title"],
        LABELS["home_intro"],
        intro,
        more,
        f"## {LABELS['latest']}",
        entries(newest_first(articles)[: layout.LATEST_ON_HOME], data, here),
        f"## {LABELS['by_year']}",
        f"{NBSP}· ".join(year_links) or LABELS["no_articles"],
        chart(articles, data.themes),
        f"## {LABELS['by_theme']}",
        theme_list,
    )


def years_index(articles: Sequence[Article], data: Data) -> str:
    here = layout.YEARS_INDEX
    years, undated = by_year(articles)
    rows = [
        f"- [{LABELS['year'].format(y=y)}]({layout.rel(here, layout.year_page(y))}): "
        + LABELS["articles"].format(n=len(items))
        for y, items in years.items()
    ]
    sections = ["\n".join(rows) or LABELS["no_articles"], chart(articles, data.themes)]
    sections.append(f"[{LABELS['timeline_title']}]({layout.rel(here, layout.TIMELINE)})")
    if undated:
        sections += [f"## {LABELS['undated']}", entries(undated, data, here)]
    return page(*HEADS[here], *sections)


def year_steps(year: int, older: int | None, newer: int | None) -> str:
    """`← Năm 2023 · Năm 2025 →`: links to the nearest years before and after that have articles."""
    here = layout.year_page(year)
    steps = []
    if older is not None:
        steps.append(f"← [{LABELS['year'].format(y=older)}]({layout.rel(here, layout.year_page(older))})")
    if newer is not None:
        steps.append(f"[{LABELS['year'].format(y=newer)}]({layout.rel(here, layout.year_page(newer))}) →")
    return " · ".join(steps) + "\n{ .vl-prevnext }" if steps else ""


def year_page(
    year: int, articles: Sequence[Article], data: Data, older: int | None = None, newer: int | None = None
) -> str:
    """One year, grouped by month newest first; month- or year-only dates placed honestly. Under
    the count, links to the nearest older and newer years with articles (`older`, `newer`)."""
    here = layout.year_page(year)
    months: dict[int, list[Article]] = defaultdict(list)
    no_month: list[Article] = []
    for a in newest_first(articles):
        assert a.date is not None
        if a.date.month:
            months[a.date.month].append(a)
        else:
            no_month.append(a)
    sections = [LABELS["articles"].format(n=len(articles))]
    steps = year_steps(year, older, newer)
    if steps:
        sections.append(steps)
    for month, items in sorted(months.items(), reverse=True):
        sections += [f"## {LABELS['month'].format(m=month)}", entries(items, data, here)]
    if no_month:
        sections += [f"## {LABELS['no_month']}", entries(no_month, data, here)]
    return page(*year_head(year), *sections)


def themes_index(articles: Sequence[Article], data: Data) -> str:
    here = layout.THEMES_INDEX
    years, undated = by_year(articles)
    items = []
    for t in data.themes:
        n = sum(1 for a in articles if t.slug in a.themes)
        link = mdtext.link(t.name, layout.rel(here, layout.theme_page(t.slug)))
        items.append(f"- **{link}** ({n}): {mdtext.inline(t.description)}")
    return page(
        *HEADS[here],
        "\n".join(items),
        f"## {LABELS['table_caption']}",
        theme_year_table(years, undated, data),
    )


def theme_year_table(years: dict[int, list[Article]], undated: Sequence[Article], data: Data) -> str:
    """Articles per theme and year: a row per year, newest first as everywhere on the site, and a
    column per theme; then the undated articles' row and the themes' totals.

    Years are rows because they are many (one per year of coverage) and themes few: with a column
    per year the table grew wider than the page with every year added.
    """
    here = layout.THEMES_INDEX
    header = [
        LABELS["year_column"],
        # A no-break space before each dash: a narrow column breaks a name between words, and a
        # line must not start with the dash (`Kinh tế` / `–` / `Thương mại` on a phone).
        *(
            mdtext.link(t.name.replace(" – ", "\u00a0– "), layout.rel(here, layout.theme_page(t.slug)))
            for t in data.themes
        ),
    ]
    rows = ["| " + " | ".join(header) + " |", "|---|" + "--:|" * len(data.themes)]

    def row(label: str, chosen: Sequence[Article], bold: bool = False) -> str:
        counts = [str(sum(1 for a in chosen if t.slug in a.themes)) for t in data.themes]
        cells = [label, *(f"**{c}**" for c in counts)] if bold else [label, *counts]
        return "| " + " | ".join(cells) + " |"

    for year, items in years.items():
        rows.append(row(f"[{year}]({layout.rel(here, layout.year_page(year))})", items))
    if undated:
        undated_link = f"{layout.rel(here, layout.YEARS_INDEX)}#{layout.UNDATED_ANCHOR}"
        rows.append(row(f"[{LABELS['undated']}]({undated_link})", undated))
    everything = [a for items in years.values() for a in items] + list(undated)
    rows.append(row(f"**{LABELS['total']}**", everything, bold=True))
    return "\n".join(rows)


def theme_page(slug: str, articles: Sequence[Article], data: Data) -> str:
    theme = data.theme(slug)
    here = layout.theme_page(slug)
    mine = [a for a in articles if slug in a.themes]
    years, undated = by_year(mine)
    feeds = LABELS["theme_feed"].format(
        rss=layout.rel(here, layout.theme_feed(slug, layout.RSS)),
        json=layout.rel(here, layout.theme_feed(slug, layout.JSON_FEED)),
    )
    sections = [mdtext.block(theme.description), LABELS["articles"].format(n=len(mine)), feeds]
    if not mine:
        sections.append(LABELS["no_articles"])
    # Titles and dates only (person pages too): a theme holds up to all the articles, and a
    # summary here would put every theme page of an article among the pages to rebuild when its
    # lede is edited.
    for year, items in years.items():
        sections += [f"## {year}", compact_entries(items, here)]
    if undated:
        sections += [f"## {LABELS['undated']}", compact_entries(undated, here)]
    return page(
        theme.name, theme.description or theme.name, *sections, meta={"rss": layout.theme_feed(slug, layout.RSS)}
    )


def people_index(articles: Sequence[Article], data: Data) -> str:
    here = layout.PEOPLE_INDEX
    counts = Counter(name for a in articles for name in a.people)
    sections = [LABELS["people_intro"]]
    for country in sorted({p.country for p in data.people}, key=lambda c: (c != "Việt Nam", c)):
        rows = [
            f"- **{mdtext.link(p.name, layout.rel(here, layout.person_page(p.slug)))}** "
            f"({LABELS['articles'].format(n=counts[p.name])})"
            + (f": {mdtext.inline(p.offices[0])}" if p.offices else "")
            for p in data.people
            if p.country == country
        ]
        sections += [f"## {mdtext.inline(country)}", "\n".join(rows)]
    return page(*HEADS[here], *sections)


def person_description(person: Person) -> str:
    """A person page's description: also what search shows and finds the page by."""
    return f"{person.name} ({person.country}): " + (person.offices[0] if person.offices else LABELS["people"])


def person_page(slug: str, articles: Sequence[Article], data: Data) -> str:
    person = next(p for p in data.people if p.slug == slug)
    here = layout.person_page(slug)
    mine = newest_first(a for a in articles if person.name in a.people)
    facts = [f"**{LABELS['country']}:** {mdtext.inline(person.country)}"]
    if person.offices:
        facts.append(f"**{LABELS['offices']}:**\n\n" + "\n".join(f"- {mdtext.inline(o)}" for o in person.offices))
    return page(
        person.name,
        person_description(person),
        *facts,
        f"## {LABELS['mentions']} ({len(mine)})",
        compact_entries(mine, here),
    )


def oldest_first(articles: Iterable[Article]) -> list[Article]:
    return sorted((a for a in articles if a.date), key=Article.oldest_first_key)


def timeline(articles: Sequence[Article]) -> str:
    here = layout.TIMELINE
    sections = [LABELS["timeline_intro"]]
    current = None
    lines: list[str] = []
    for a in oldest_first(articles):
        assert a.date is not None
        if a.date.year != current:
            if lines:
                sections.append("\n".join(lines))
            current, lines = a.date.year, []
            sections.append(f"## {current}")
        lines.append(f"- **{a.date.vi()}**: {article_link(a, here)}")
    if lines:
        sections.append("\n".join(lines))
    if len(sections) == 1:
        sections.append(LABELS["no_articles"])
    return page(*HEADS[here], *sections)


def figures_page(articles: Sequence[Article]) -> str:
    """Every key figure, by kind, in time order: the trade target moving from 5 to 10 tỷ USD."""
    here = layout.FIGURES
    sections = [LABELS["figures_intro"]]
    for kind in FigureKind:
        rows = [
            f"| {a.date.vi()} | **{mdtext.inline(f.value)}** | {mdtext.inline(f.context)} | {article_link(a, here)} |"
            for a in oldest_first(articles)
            for f in a.figures
            if f.kind is kind and a.date
        ]
        if rows:
            header = f"| {LABELS['date']} | {LABELS['figure']} | {LABELS['context']} | {LABELS['article']} |"
            sections += [f"## {KIND_LABELS[kind]}", "\n".join([header, "|---|---|---|---|", *rows])]
    if len(sections) == 1:
        sections.append(LABELS["no_articles"])
    return page(*HEADS[here], *sections)


# What a page shows of each article it lists: a page is rebuilt only when one of these changes
# for one of its articles (or the list itself changes), so editing a lede rebuilds the article's
# year page and not the theme and person pages, which show titles and dates.
VIEWS: dict[str, Callable[[Article], object]] = {
    "entry": lambda a: (a.slug, a.title, a.date, a.source, a.themes, a.summary),
    "compact": lambda a: (a.slug, a.title, a.date),
    "counts": lambda a: (a.date, a.themes, a.people),
    "figures": lambda a: (a.slug, a.title, a.date, a.figures),
}


@dataclass(frozen=True)
class PageSpec:
    """One index page: how to make it, and what it reads (a view of each of some articles)."""

    path: str
    make: Callable[[], str]
    reads: tuple[tuple[str, Sequence[Article]], ...]
    extra: tuple[object, ...] = ()  # anything else it depends on besides the data and the code


def index_plan(articles: Sequence[Article], data: Data, has_about: bool) -> list[PageSpec]:
    """Every index page, by path in `content/`, as a recipe (see `index_pages`)."""
    latest = newest_first(articles)[: layout.LATEST_ON_HOME]
    years, undated = by_year(articles)
    specs = [
        PageSpec(
            layout.HOME,
            partial(home, articles, data, has_about),
            (("entry", latest), ("counts", articles)),
            (has_about,),
        ),
        PageSpec(layout.YEARS_INDEX, partial(years_index, articles, data), (("counts", articles), ("entry", undated))),
        PageSpec(layout.THEMES_INDEX, partial(themes_index, articles, data), (("counts", articles),)),
    ]
    newest_first_years = list(years)
    for n, (year, items) in enumerate(years.items()):
        newer = newest_first_years[n - 1] if n > 0 else None
        older = newest_first_years[n + 1] if n + 1 < len(newest_first_years) else None
        specs.append(
            PageSpec(
                layout.year_page(year),
                partial(year_page, year, items, data, older, newer),
                (("entry", items),),
                (older, newer),  # a year gaining or losing its first article changes its neighbours' links
            )
        )
    by_theme = _members(articles, [t.slug for t in data.themes], lambda a: a.themes)
    for t in data.themes:
        mine = by_theme[t.slug]
        specs.append(PageSpec(layout.theme_page(t.slug), partial(theme_page, t.slug, mine, data), (("compact", mine),)))
    specs.append(PageSpec(layout.TIMELINE, partial(timeline, articles), (("compact", articles),)))
    specs.append(PageSpec(layout.FIGURES, partial(figures_page, articles), (("figures", articles),)))
    specs.append(PageSpec(layout.PEOPLE_INDEX, partial(people_index, articles, data), (("counts", articles),)))
    by_person = _members(articles, [p.name for p in data.people], lambda a: a.people)
    for p in data.people:
        mine = by_person[p.name]
        specs.append(
            PageSpec(layout.person_page(p.slug), partial(person_page, p.slug, mine, data), (("compact", mine),))
        )
    return specs


def _members(
    articles: Sequence[Article], names: Sequence[str], of: Callable[[Article], Sequence[str]]
) -> dict[str, list[Article]]:
    """For each name, the articles (in their order) whose `of` holds it: one pass over the articles."""
    members: dict[str, list[Article]] = {name: [] for name in names}
    for a in articles:
        for name in of(a):
            chosen = members.get(name)
            if chosen is not None and (not chosen or chosen[-1] is not a):  # a name listed twice: once
                chosen.append(a)
    return members


def index_pages(articles: Sequence[Article], data: Data, has_about: bool) -> dict[str, str]:
    """Every index page, by path in `content/`."""
    return {spec.path: spec.make() for spec in index_plan(articles, data, has_about)}
