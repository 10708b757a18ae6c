"""Article → Markdown page with YAML front matter."""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from . import frontmatter, layout, mdtext
from .data import Data
from .figures import Figure
from .layout import LABELS
from .model import Article, BlockKind


@dataclass(frozen=True)
class Neighbours:
    """What an article page shows of other articles, settled once all articles are known."""

    related: Mapping[str, tuple[Article, ...]] = field(default_factory=dict)
    previous: Mapping[str, Article] = field(default_factory=dict)  # older, same year
    next: Mapping[str, Article] = field(default_factory=dict)  # newer, same year

    def of(self, slug: str) -> Neighbours:
        """Only what the page of `slug` shows (a small value to cache and send to a worker)."""
        return Neighbours(
            {slug: self.related[slug]} if slug in self.related else {},
            {slug: self.previous[slug]} if slug in self.previous else {},
            {slug: self.next[slug]} if slug in self.next else {},
        )

    def groups(self) -> tuple[tuple[Article, ...], ...]:
        """The linked articles: related, previous, next (the page changes when any of them does)."""
        related = tuple(a for group in self.related.values() for a in group)
        return related, tuple(self.previous.values()), tuple(self.next.values())


def front_matter(meta: dict[str, object]) -> str:
    """`---`-fenced YAML written by yaml.safe_dump: whatever the values, it parses back the same."""
    return f"---\n{frontmatter.dump(meta)}---\n"


def article_meta(a: Article) -> dict[str, object]:
    """Front matter. `title`, `description` and `author` are HTML-escaped: MkDocs themes print
    them raw (Material: `<title>`, the header, `<meta name="description">`, `<meta name="author">`)."""
    meta: dict[str, object] = {"title": mdtext.attribute(a.title)}
    if a.date:
        meta["date"] = a.date.iso()
        meta["year"] = a.date.year
    meta["themes"] = list(a.themes)
    meta["people"] = list(a.people)
    for key in ("source", "source_url"):
        value = getattr(a, key)
        if value:
            meta[key] = value
    if a.author:
        meta["author"] = mdtext.attribute(a.author)
    meta["description"] = mdtext.attribute(a.summary)
    meta["words"] = a.words
    meta["reading_time"] = a.reading_time
    meta["seed"] = a.seed
    meta["seed_sha256"] = a.seed_sha256
    return meta


def _styled(text: str, css_class: str) -> str:
    """A paragraph with a class (attr_list): `text` is already Markdown."""
    return f"{text}\n{{ .{css_class} }}"


def meta_line(a: Article) -> str:
    """Date (linked to its year's page), source, author, reading time."""
    if a.date:
        year = layout.rel(layout.article(a.slug), layout.year_page(a.date.year))
        title = LABELS["year_link_title"].format(y=a.date.year)
        parts = [f'[**{a.date.vi()}**]({year} "{title}")']  # the link outermost: underlined as in running text
    else:
        parts = [f"**{LABELS['date_unknown']}**"]
    if a.source and a.source_url:
        parts.append(f"{LABELS['source']}: [{mdtext.inline(a.source)}]({mdtext.url(a.source_url)})")
    elif a.source:
        parts.append(f"{LABELS['source']}: {mdtext.inline(a.source)}")
    elif a.source_url:
        parts.append(f"{LABELS['source']}: [{mdtext.inline(a.source_url)}]({mdtext.url(a.source_url)})")
    if a.author:
        parts.append(f"{LABELS['author']}: {mdtext.inline(a.author)}")
    parts.append(LABELS["reading"].format(n=a.reading_time))
    return " · ".join(parts)


def theme_links(themes: tuple[str, ...], data: Data, from_page: str) -> str:
    return ", ".join(
        mdtext.link(data.theme(slug).name, layout.rel(from_page, layout.theme_page(slug))) for slug in themes
    )


def person_links(names: tuple[str, ...], data: Data, from_page: str) -> str:
    return ", ".join(
        mdtext.link(name, layout.rel(from_page, layout.person_page(data.person(name).slug))) for name in names
    )


def article_link(a: Article, from_page: str) -> str:
    return mdtext.link(a.title, layout.rel(from_page, layout.article(a.slug)))


def figures_box(figures: Sequence[Figure]) -> str:
    """A "Số liệu chính" admonition: each figure in bold with the clause it comes from. Figures
    next to each other from one clause share its line (`2,2 tỷ USD`, `22%`: `… ước đạt 2,2 tỷ
    USD, tăng 22% …`), so the clause is not printed twice."""
    lines = [f'!!! info "{LABELS["figures_title"]}"', ""]
    for context, group in itertools.groupby(figures, key=lambda f: f.context):
        values = ", ".join(f"**{mdtext.inline(f.value)}**" for f in group)
        lines.append(f"    - {values}: {mdtext.inline(context)}")
    return "\n".join(lines)


def render_article(a: Article, data: Data, around: Neighbours | None = None) -> str:
    around = around or Neighbours()
    here = layout.article(a.slug)
    out = [front_matter(article_meta(a)), f"# {mdtext.inline(a.title)}", _styled(meta_line(a), "vl-meta")]
    if a.themes:
        out.append(_styled(f"{LABELS['themes']}: {theme_links(a.themes, data, here)}", "vl-tags"))
    if a.people:
        out.append(_styled(f"{LABELS['people']}: {person_links(a.people, data, here)}", "vl-people"))
    lede_pending = a.lede is not None
    for block in a.blocks:
        if block.kind is BlockKind.HEADING:
            out.append(f"## {mdtext.inline(block.text)}")
        elif block.kind is BlockKind.CAPTION:
            out.append(_styled(mdtext.block(block.text), "vl-caption"))
        elif block.kind is BlockKind.TABLE:
            out.append(mdtext.table(block.rows()))
        elif lede_pending and block.text == a.lede:
            lede_pending = False
            out.append(_styled(mdtext.block(block.text), "vl-lede"))
            if a.figures:
                out.append(figures_box(a.figures))
        else:
            out.append(mdtext.block(block.text))
    if a.source_url:
        out.append(_styled(f"[{LABELS['read_original']}]({mdtext.url(a.source_url)})", "vl-original"))
    related = around.related.get(a.slug, ())
    if related:
        out.append(f"## {LABELS['related']}")
        out.append(
            "\n".join(
                f"- {article_link(r, here)} ({r.date.vi() if r.date else LABELS['date_unknown']})" for r in related
            )
        )
    steps = []
    if a.slug in around.previous:
        steps.append(f"← {LABELS['previous']}: {article_link(around.previous[a.slug], here)}")
    if a.slug in around.next:
        steps.append(f"{LABELS['next']}: {article_link(around.next[a.slug], here)} →")
    if steps:
        out.append(_styled("  \n".join(steps), "vl-prevnext"))
    out.append(_styled(f"{LABELS['seed']}: {mdtext.code(a.seed)}", "vl-seed"))
    return "\n\n".join(out) + "\n"
