"""Article → Markdown page with YAML front matter."""

from __future__ import annotations

from . import frontmatter, layout, mdtext
from .data import Data
from .layout import LABELS
from .model import Article, BlockKind


def front_matter(meta: dict[str, object]) -> str:
    """`---`-fenced YAML written by yaml.safe_dump: whatever the values, it parses back the same."""
    return f"---\n{frontmatter.dump(meta)}---\n"


def article_meta(a: Article) -> dict[str, object]:
    """Front matter. `title` and `description` are HTML-escaped: MkDocs themes print them raw."""
    meta: dict[str, object] = {"title": mdtext.attribute(a.title)}
    if a.date:
        meta["date"] = a.date.iso()
        meta["year"] = a.date.year
    meta["themes"] = list(a.themes)
    meta["people"] = list(a.people)
    for key in ("source", "source_url", "author"):
        value = getattr(a, key)
        if value:
            meta[key] = value
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
    parts = [f"**{a.date.vi() if a.date else LABELS['date_unknown']}**"]
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


def render_article(a: Article, data: Data) -> str:
    here = layout.article(a.slug)
    out = [front_matter(article_meta(a)), f"# {mdtext.inline(a.title)}", _styled(meta_line(a), "vl-meta")]
    if a.themes:
        out.append(_styled(f"{LABELS['themes']}: {theme_links(a.themes, data, here)}", "vl-tags"))
    if a.people:
        names = ", ".join(mdtext.inline(p) for p in a.people)
        out.append(_styled(f"{LABELS['people']}: {names}", "vl-people"))
    lede_pending = a.lede is not None
    for block in a.blocks:
        if block.kind is BlockKind.HEADING:
            out.append(f"## {mdtext.inline(block.text)}")
        elif block.kind is BlockKind.CAPTION:
            out.append(_styled(mdtext.block(block.text), "vl-caption"))
        elif lede_pending and block.text == a.lede:
            lede_pending = False
            out.append(_styled(mdtext.block(block.text), "vl-lede"))
        else:
            out.append(mdtext.block(block.text))
    out.append(_styled(f"{LABELS['seed']}: `{a.seed.replace('`', '')}`", "vl-seed"))
    return "\n\n".join(out) + "\n"
