"""The pipeline: read every seed, parse, curate, classify, then render and write once.

Phase 1 gathers: every seed becomes an Article or a rejection; nothing is written.
Phase 2 settles what depends on all articles (unique slugs, indexes).
Phase 3 writes `content/` in one atomic step (see output.py).
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import itertools
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, replace
from pathlib import Path

from . import classify, feeds, figures, layout, searchindex, text
from .curation import Curation, load_curation
from .data import Data, load_data
from .errors import ConfigError, ConfigErrors, SeedError
from .indexes import index_pages, oldest_first
from .model import Article, BlockKind, Diagnostic, ParsedSeed
from .output import WriteResult, write_content
from .pages import Neighbours, render_article
from .parsing import parse_seed
from .reading import CURATION_SUFFIX, SEED_SUFFIX, SeedText, read_seed
from .related import related
from .siteconfig import site_url as configured_site_url
from .slugs import RESERVED, article_slug

SUMMARY_MAX = 200
TITLE_FROM_LEDE_MAX = 100


@dataclass(frozen=True)
class Paths:
    seeds: Path = Path("seeds")
    content: Path = Path("content")
    data: Path = Path("data")


@dataclass(frozen=True)
class Report:
    articles: tuple[Article, ...]
    rejected: tuple[Diagnostic, ...]
    warnings: tuple[Diagnostic, ...]
    result: WriteResult

    @property
    def exit_code(self) -> int:
        return 1 if self.rejected else 0


@dataclass(frozen=True)
class SeedFiles:
    seeds: tuple[Path, ...]
    curations: dict[str, Path]
    ignored: tuple[Path, ...]


def discover(seeds_dir: Path) -> SeedFiles:
    """Seeds (`*.txt`) and sidecars (`*.yml`) in sorted order; dot-files are skipped silently."""
    if not seeds_dir.is_dir():
        raise ConfigError(str(seeds_dir), "seeds folder not found")
    seeds, ignored = [], []
    curations: dict[str, Path] = {}
    for path in sorted(seeds_dir.iterdir(), key=lambda p: (unicodedata.normalize("NFC", p.name), p.name)):
        if path.name.startswith(".") or path.is_dir():
            continue
        suffix = path.suffix.lower()
        if suffix == SEED_SUFFIX:
            seeds.append(path)
        elif suffix in (CURATION_SUFFIX, ".yaml"):
            curations[unicodedata.normalize("NFC", path.stem)] = path
        else:
            ignored.append(path)
    return SeedFiles(tuple(seeds), curations, tuple(ignored))


def load_curations(files: SeedFiles, data: Data) -> dict[str, Curation]:
    """Every sidecar, validated; all problems raised together as ConfigErrors."""
    stems = {unicodedata.normalize("NFC", p.stem) for p in files.seeds}
    curations: dict[str, Curation] = {}
    errors: list[ConfigError] = []
    for stem, path in sorted(files.curations.items()):
        if stem not in stems:
            errors.append(ConfigError(str(path), f"curation file without a seed (no {stem}{SEED_SUFFIX})"))
            continue
        try:
            curations[stem] = load_curation(path, str(path), data)
        except ConfigError as exc:
            errors.append(exc)
    if errors:
        raise ConfigErrors(errors)
    return curations


def body_text(parsed: ParsedSeed) -> str:
    return "\n".join(b.text for b in parsed.blocks if b.kind is not BlockKind.CAPTION)


def make_article(
    seed: SeedText, parsed: ParsedSeed, cur: Curation, *, data: Data, display: str, today: _dt.date
) -> tuple[Article, list[Diagnostic]]:
    """Combine what the text says, what the curator pinned and what the registry knows."""
    notes = [Diagnostic(display, w) for w in parsed.warnings]
    body = body_text(parsed)
    lede = parsed.lede or ""
    title, derived = cur.title or parsed.title, False
    if not title:
        title, derived = text.cut(text.sentences(lede)[0] if lede else seed.name, TITLE_FROM_LEDE_MAX), True
        notes.append(Diagnostic(display, "no title; one was derived from the lede (add `title:` in a curation file)"))
    date = cur.date or parsed.date
    if date and date.first_day() > today:
        notes.append(Diagnostic(display, f"date {date.iso()} is in the future"))
    themes = cur.themes if cur.themes is not None else classify.assign_themes(title, body, data.themes, data.min_hits)
    people = cur.people if cur.people is not None else classify.find_people(f"{title}\n{body}", data.people)
    words = text.count_words(body)
    article = Article(
        slug=cur.slug or article_slug(date, title),
        title=title,
        date=date,
        source=cur.source or parsed.source,
        source_url=cur.source_url,
        author=cur.author or parsed.author,
        summary=cur.summary or text.cut(lede, SUMMARY_MAX) or title,
        lede=parsed.lede,
        blocks=parsed.blocks,
        themes=themes,
        people=people,
        words=words,
        reading_time=text.reading_minutes(words),
        seed=seed.name,
        seed_sha256=seed.sha256,
        title_derived=derived,
        figures=figures.extract(parsed.blocks),
    )
    return article, notes


def unique_slugs(articles: list[Article], pinned: set[str]) -> tuple[list[Article], list[ConfigError]]:
    """Make slugs unique, the same on every run whatever else is in `seeds/`.

    Pinned (curated) slugs win. Among articles sharing a generated slug, the one whose seed
    name sorts first keeps it; the others get a suffix from their own seed name.
    """
    by_slug: dict[str, list[Article]] = defaultdict(list)
    for a in articles:
        by_slug[a.slug].append(a)
    errors = []
    for slug, group in sorted(by_slug.items()):
        pinned_here = [a.seed for a in group if a.seed in pinned]
        if len(pinned_here) > 1:
            errors.append(ConfigError(pinned_here[1], f"curated slug {slug!r} is also pinned by {pinned_here[0]}"))
    result = []
    for slug, group in sorted(by_slug.items()):
        group.sort(key=lambda a: (a.seed not in pinned, a.seed))
        for i, a in enumerate(group):
            if i == 0 and slug not in RESERVED:
                result.append(a)
            else:
                suffix = hashlib.sha256(a.seed.encode("utf-8")).hexdigest()[:6]
                result.append(replace(a, slug=f"{slug}-{suffix}"))
    return result, errors


def gather(paths: Paths, data: Data, today: _dt.date) -> tuple[list[Article], list[Diagnostic], list[Diagnostic]]:
    """Phase 1 and 2: every seed into an Article or a rejection; unique slugs."""
    files = discover(paths.seeds)
    curations = load_curations(files, data)
    rejected: list[Diagnostic] = []
    warnings = [Diagnostic(str(p), f"ignored: not a seed (seeds are {SEED_SUFFIX} files)") for p in files.ignored]
    articles: list[Article] = []
    seen: dict[str, str] = {}
    names: dict[str, str] = {}
    for path in files.seeds:
        display = str(path)
        try:
            seed = read_seed(path, display)
        except SeedError as exc:
            rejected.append(Diagnostic(exc.path, exc.reason, "error"))
            continue
        if seed.name in names:
            rejected.append(Diagnostic(display, f"same name as {names[seed.name]} once normalised (NFC)", "error"))
            continue
        names[seed.name] = display
        fingerprint = seed.fingerprint()
        if fingerprint in seen:
            rejected.append(Diagnostic(display, f"duplicate of {seen[fingerprint]} (same text)", "error"))
            continue
        warnings.extend(Diagnostic(display, w) for w in seed.warnings)
        seen[fingerprint] = display
        parsed = parse_seed(seed.text, data.boilerplate)
        if not parsed.blocks and not parsed.title:
            rejected.append(Diagnostic(display, "no article text (only boilerplate or a date header)", "error"))
            continue
        stem = unicodedata.normalize("NFC", path.stem)
        article, notes = make_article(
            seed, parsed, curations.get(stem, Curation()), data=data, display=display, today=today
        )
        articles.append(article)
        warnings.extend(notes)
    pinned = {a.seed for a in articles if curations.get(Path(a.seed).stem, Curation()).slug}
    articles, errors = unique_slugs(articles, pinned)
    if errors:
        raise ConfigErrors(errors)
    return sorted(articles, key=Article.newest_first_key), rejected, warnings


def neighbours(articles: list[Article]) -> Neighbours:
    """Related articles and the previous/next article in the same year (by date)."""
    by_slug = {a.slug: a for a in articles}
    rel = {slug: tuple(by_slug[r] for r in others) for slug, others in related(articles).items()}
    previous, following = {}, {}
    chronological = oldest_first(articles)
    for older, newer in itertools.pairwise(chronological):
        if older.year == newer.year:
            previous[newer.slug], following[older.slug] = older, newer
    return Neighbours(rel, previous, following)


def feed_files(articles: list[Article], data: Data, site_url: str) -> dict[str, bytes]:
    """RSS and JSON Feed for the digest and for each theme."""
    files = {}
    scopes = [("", "Tuyển tập tin tức về quan hệ Việt Nam – Lào", site_url, articles)]
    scopes += [
        (
            f"{layout.THEMES}/{t.slug}/",
            t.description or t.name,
            f"{site_url}{layout.THEMES}/{t.slug}/",
            [a for a in articles if t.slug in a.themes],
        )
        for t in data.themes
    ]
    for prefix, description, home, chosen in scopes:
        title = layout.LABELS["site"] + (f" – {data.theme(prefix.split('/')[1]).name}" if prefix else "")
        feed = feeds.Feed(
            title, description, home, f"{site_url}{prefix}{layout.RSS}", f"{site_url}{prefix}{layout.JSON_FEED}"
        )
        files[f"{prefix}{layout.RSS}"] = feeds.rss(feed, chosen, data, site_url)
        files[f"{prefix}{layout.JSON_FEED}"] = feeds.json_feed(feed, chosen, data, site_url)
    return files


def render(articles: list[Article], data: Data, has_about: bool, site_url: str) -> dict[str, bytes]:
    """Phase 3a: every generated file, by path in `content/`, as bytes."""
    around = neighbours(articles)
    pages = {layout.article(a.slug): render_article(a, data, around) for a in articles}
    pages.update(index_pages(articles, data, has_about))
    files = {path: page.encode("utf-8") for path, page in pages.items()}
    files.update(feed_files(articles, data, site_url))
    files.update(searchindex.search_files(articles, data))
    return dict(sorted(files.items()))


def build(paths: Paths = Paths(), today: _dt.date | None = None, site_url: str | None = None) -> Report:
    """Generate `content/` from `seeds/` and `data/`. Raises ConfigError(s) before writing.

    `site_url` (for the feeds' absolute links) defaults to the setting in mkdocs.yml beside
    the seeds folder, overridden by the SITE_URL environment variable.
    """
    data = load_data(paths.data)
    articles, rejected, warnings = gather(paths, data, today or _dt.date.today())
    has_about = (paths.content / layout.ABOUT).is_file()
    url = site_url or configured_site_url(paths.seeds.resolve().parent / "mkdocs.yml")
    result = write_content(paths.content, render(articles, data, has_about, url))
    return Report(tuple(articles), tuple(rejected), tuple(warnings), result)
