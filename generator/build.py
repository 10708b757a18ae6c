"""The pipeline: read every seed, parse, curate, classify, then render and write once.

Phase 1 gathers: every seed becomes an Article or a rejection; nothing is written.
Phase 2 settles what depends on all articles (unique slugs, indexes).
Phase 3 writes `content/` in one atomic step (see output.py).
"""

from __future__ import annotations

import datetime as _dt
import gc
import hashlib
import itertools
import os
import time
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path

from . import cache, classify, doubts, feeds, figures, freshness, layout, searchindex, text
from .cache import Store
from .curation import Curation, load_curation
from .data import DATA_FILES, Data, load_data
from .errors import ConfigError, ConfigErrors, SeedError
from .indexes import VIEWS, index_plan, oldest_first
from .model import Article, BlockKind, Blocks, Diagnostic, ParsedSeed
from .output import WriteResult, Written, write_content
from .pages import Neighbours, render_article
from .parsing import parse_seed, without_title_paragraph
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
    cache: Path | None = None  # e.g. `.cache`: reruns reuse what did not change (see cache.py)


@dataclass(frozen=True)
class Report:
    rejected: tuple[Diagnostic, ...]
    warnings: tuple[Diagnostic, ...]
    result: WriteResult
    article_count: int
    _articles: Callable[[], tuple[Article, ...]] = field(repr=False, compare=False)

    @cached_property
    def articles(self) -> tuple[Article, ...]:
        """The published articles, newest first (after a run that found nothing changed, read
        again from the cache when asked for)."""
        return self._articles()

    @property
    def exit_code(self) -> int:
        return 1 if self.rejected else 0


NOT_A_SEED = f"ignored: not a seed (seeds are {SEED_SUFFIX} files)"
A_FOLDER = "ignored: a folder (seeds are read only from the seeds folder itself)"
INVISIBLE_ONLY = "empty file (only whitespace and invisible characters)"


@dataclass(frozen=True)
class SeedFiles:
    seeds: tuple[Path, ...]
    curations: dict[str, Path]  # by NFC stem: the first sidecar for it, in sorted order
    ignored: tuple[tuple[Path, str], ...]  # with the reason (NOT_A_SEED, A_FOLDER)
    stats: Mapping[str, os.stat_result] = field(default_factory=dict)  # by file name, as listed
    more_curations: tuple[Path, ...] = ()  # further sidecars for a stem in `curations` (`x.yml` and `x.yaml`)


def discover(seeds_dir: Path, listing: freshness.Listing | None = None) -> SeedFiles:
    """Seeds (`*.txt`) and sidecars (`*.yml`, `*.yaml`) in sorted order; other entries are ignored,
    with a reason, except dot-files and dot-folders (`.git`, editors' files), which are skipped silently.

    `listing`: the folder as already read (`freshness.list_folder`)."""
    if not seeds_dir.is_dir():
        raise ConfigError(str(seeds_dir), "seeds folder not found")
    listing = listing or freshness.list_folder(seeds_dir)
    seeds, ignored = [], []
    curations: dict[str, Path] = {}
    more_curations: list[Path] = []
    for name in sorted(listing.names, key=lambda name: (unicodedata.normalize("NFC", name), name)):
        if name.startswith("."):
            continue
        path = seeds_dir / name
        suffix = path.suffix.lower()
        if name in listing.folders:
            ignored.append((path, A_FOLDER))
        elif suffix == SEED_SUFFIX:
            seeds.append(path)
        elif suffix in (CURATION_SUFFIX, ".yaml"):
            # Kept apart, not overwritten: which of two sidecars applies is the curator's choice.
            stem = unicodedata.normalize("NFC", path.stem)
            if stem in curations:
                more_curations.append(path)
            else:
                curations[stem] = path
        else:
            ignored.append((path, NOT_A_SEED))
    return SeedFiles(tuple(seeds), curations, tuple(ignored), listing.stats, tuple(more_curations))


def load_curations(files: SeedFiles, data: Data, store: Store | None = None) -> dict[str, Curation]:
    """Every sidecar, validated; all problems raised together as ConfigErrors."""
    stems = {unicodedata.normalize("NFC", p.stem) for p in files.seeds}
    sidecars = sorted(files.curations.items())
    known = [(stem, path) for stem, path in sidecars if stem in stems]
    store = store or Store(None)
    hashes = cache.file_hashes(store, [path for _, path in known], files.stats, group="curations")
    items = [(sha, (path,)) for sha, (_, path) in zip(hashes, known, strict=True)]  # cache: by the file's bytes
    results = cache.cached_map(  # errors name the file's path: never reused
        store, "curation", items, try_curation, shared=(data,), valid=lambda r: isinstance(r, Curation)
    )
    loaded = dict(zip(known, results, strict=True))
    curations: dict[str, Curation] = {}
    errors: list[ConfigError] = []
    more = [(unicodedata.normalize("NFC", path.stem), path) for path in files.more_curations]
    for stem, path in sorted(sidecars + more):
        if stem not in stems:
            errors.append(ConfigError(str(path), f"curation file without a seed (no {stem}{SEED_SUFFIX})"))
        elif path != files.curations[stem]:
            reason = f"a second curation file for {stem}{SEED_SUFFIX} ({files.curations[stem]} is the other); keep one"
            errors.append(ConfigError(str(path), reason))
        elif isinstance(result := loaded[(stem, path)], ConfigError):
            errors.append(result)
        else:
            curations[stem] = result
    if errors:
        raise ConfigErrors(errors)
    return curations


def try_curation(path: Path, data: Data) -> Curation | ConfigError:
    try:
        return load_curation(path, str(path), data)
    except ConfigError as exc:
        return exc


def body_text(parsed: ParsedSeed) -> str:
    return "\n".join(b.text for b in parsed.blocks if b.kind is not BlockKind.CAPTION)


def make_article(
    seed: SeedText, parsed: ParsedSeed, cur: Curation, *, data: Data, display: str, today: _dt.date
) -> tuple[Article, list[Diagnostic]]:
    """Combine what the text says, what the curator pinned and what the registry knows."""
    notes = [Diagnostic(display, w) for w in parsed.warnings]
    if not cur.title and (doubt := doubts.title_doubt(parsed)):
        notes.append(Diagnostic(display, doubt))
    if cur.title:
        parsed = without_title_paragraph(parsed, cur.title)
    body = body_text(parsed)
    lede = parsed.lede or ""
    title, derived = cur.title or parsed.title, False
    if not title:
        title, derived = text.cut(text.sentences(lede)[0] if lede else seed.name, TITLE_FROM_LEDE_MAX), True
        notes.append(Diagnostic(display, "no title; one was derived from the lede (add `title:` in a curation file)"))
    date = cur.date or parsed.date
    if date and date.first_day() > today:
        notes.append(Diagnostic(display, f"date {date.iso()} is in the future"))
    if date is None:
        notes.append(
            Diagnostic(
                display, f"no date found; listed under {layout.LABELS['undated']!r} (add `date:` in a curation file)"
            )
        )
    themes = cur.themes if cur.themes is not None else classify.assign_themes(title, body, data.themes, data.min_hits)
    people = cur.people if cur.people is not None else classify.find_people(f"{title}\n{body}", data.people)
    words = text.count_words(body)
    article = Article(
        slug=cur.slug or article_slug(date, title),
        title=title,
        date=date,
        source=data.source_name(source) if (source := cur.source or parsed.source) else None,
        source_url=cur.source_url,
        author=cur.author or parsed.author,
        summary=cur.summary or text.cut(lede, SUMMARY_MAX) or title,
        lede=parsed.lede,
        blocks=Blocks(parsed.blocks),
        themes=themes,
        people=people,
        words=words,
        reading_time=text.reading_minutes(words),
        seed=seed.name,
        seed_sha256=seed.sha256,
        title_derived=derived,
        figures=figures.extract(parsed.blocks),
    )
    return replace(article, made_key=cache.digest(article)), notes


def article_key(a: Article) -> str:
    """A digest of everything in the article: the key it was made with and its final slug."""
    return cache.digest_keys([a.made_key, a.slug]) if a.made_key else cache.digest(a)


def unique_slugs(articles: list[Article], pinned: set[str]) -> tuple[list[Article], list[ConfigError]]:
    """Make slugs unique, the same on every run whatever else is in `seeds/`.

    Pinned (curated) slugs win. Among articles sharing a generated slug, the one whose seed
    name sorts first keeps it; the others get a suffix from their own seed name. The order of
    the result is unspecified (`gather` sorts it).
    """
    slugs = {a.slug for a in articles}
    if len(slugs) == len(articles) and RESERVED.isdisjoint(slugs):
        return list(articles), []  # nothing shared, nothing reserved: every article keeps its slug
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


@dataclass(frozen=True)
class SeedResult:
    """What one seed becomes on its own; duplicates are found across seeds, in `gather`.

    Free of the seed's path (`display`), so that runs from other folders share cached results.
    """

    error: str | None = None  # unreadable: the reason
    name: str = ""  # the file name, NFC (two files whose names differ only in normalisation clash)
    fingerprint: str = ""  # `text.fingerprint`: the same for texts that differ only in spacing
    article: Article | None = None  # None without error: no article text
    notes: tuple[tuple[str, str], ...] = ()  # (message, level) about this seed
    future: bool = False  # dated after the day of the run: the one thing that depends on the day
    terms: tuple[str, ...] | None = None  # the article's search terms, computed with it; stored apart
    sha256: str = ""  # of the seed's bytes as read (empty: rejected as it was read)

    def without_terms(self) -> SeedResult:
        return replace(self, terms=None)

    def valid_on(self, today: _dt.date) -> bool:
        """Whether the result holds on `today` (make_article uses the day only to warn of future dates)."""
        date = self.article.date if self.article else None
        return (date is not None and date.first_day() > today) == self.future


def process_seed(path: Path, cur: Curation, data: Data, today: _dt.date) -> SeedResult:
    """Read, parse and classify one seed. Pure: the same file, curation, data and day give the same result."""
    display = str(path)
    try:
        seed = read_seed(path, display)
    except SeedError as exc:
        return SeedResult(error=exc.reason)
    lines = text.clean_lines(seed.text)
    if not any(lines):  # zero-width spaces, soft hyphens, a BOM: nothing a reader would see
        return SeedResult(error=INVISIBLE_ONLY, sha256=seed.sha256)
    fingerprint = text.fingerprint(lines)
    reading_notes = tuple((w, "warning") for w in seed.warnings)
    parsed = parse_seed(seed.text, data.boilerplate, lines)
    if not parsed.blocks:  # a title alone is not an article either
        return SeedResult(name=seed.name, fingerprint=fingerprint, notes=reading_notes, sha256=seed.sha256)
    article, notes = make_article(seed, parsed, cur, data=data, display=display, today=today)
    future = article.date is not None and article.date.first_day() > today
    notes_out = reading_notes + tuple((n.message, n.level) for n in notes)
    terms = searchindex.article_terms(article)
    return SeedResult(None, seed.name, fingerprint, article, notes_out, future, terms, seed.sha256)


def process_seeds(
    files: SeedFiles, curations: dict[str, Curation], data: Data, today: _dt.date, store: Store
) -> list[SeedResult]:
    """`process_seed` for every seed, cached by name, bytes and curation, in parallel when it pays.

    The search terms of the articles made in this run go to the store under their own keys
    (`searchindex.terms_key`), where the search index looks for them.

    A result is stored under the hash of the bytes its worker read (`SeedResult.sha256`), not
    the hash they were looked up by: a seed saved again meanwhile cannot store its new result as
    the old text's. A store that holds no seed result (a first run, or new code) has none to look
    up: the seeds are then not read here to be hashed first (0.4 s of a cold run at 10,000 seeds,
    before the workers start), and their hashes are recorded from the workers' (`file_hashes`).
    """
    none = Curation()
    cur_keys = {id(cur): cache.digest(cur) for cur in [none, *curations.values()]}
    curs = [curations.get(unicodedata.normalize("NFC", path.stem), none) for path in files.seeds]

    def key(raw: str | None, cur: Curation, path: Path) -> str | None:
        # raw is None if the file is unreadable now: computed (and rejected) every run. The
        # name comes last: the hex digests before it hold no line break, so the key is unambiguous.
        return raw and cache.digest_keys([raw, cur_keys[id(cur)], path.name])

    seen = time.time_ns()  # before any seed is read
    cold = not store.holds("seed")
    raws = [None] * len(files.seeds) if cold else cache.file_hashes(store, files.seeds, files.stats, group="seeds")
    results = cache.cached_map(
        store,
        "seed",
        [(key(raw, cur, path), (path, cur)) for path, cur, raw in zip(files.seeds, curs, raws, strict=True)],
        process_seed,
        shared=(data, today),
        valid=lambda r: r.valid_on(today),
        stored=SeedResult.without_terms,
        key_of=lambda i, r: key(r.sha256 or raws[i], curs[i], files.seeds[i]),  # rejected: as looked up
    )
    if cold:
        read = [r.sha256 or None for r in results]
        cache.file_hashes(store, files.seeds, files.stats, group="seeds", read=read, seen_ns=seen)
    for i, r in enumerate(results):
        if r.terms is not None:  # made in this run, with its article
            assert r.article is not None
            store.put(searchindex.terms_key(r.article.made_key), r.terms)
            results[i] = r.without_terms()
    return results


def gather(
    paths: Paths, data: Data, today: _dt.date, store: Store | None = None, listing: freshness.Listing | None = None
) -> tuple[list[Article], list[Diagnostic], list[Diagnostic]]:
    """Phase 1 and 2: every seed into an Article or a rejection; unique slugs.

    `listing`: `seeds/` as already read (`freshness.list_folder`)."""
    files = discover(paths.seeds, listing)
    curations = load_curations(files, data, store)
    rejected: list[Diagnostic] = []
    warnings = [Diagnostic(str(path), reason) for path, reason in files.ignored]
    articles: list[Article] = []
    seen: dict[str, str] = {}
    names: dict[str, str] = {}
    results = process_seeds(files, curations, data, today, store or Store(None))
    for path, r in zip(files.seeds, results, strict=True):
        display = str(path)
        if r.error is not None:
            rejected.append(Diagnostic(display, r.error, "error"))
            continue
        if r.name in names:
            rejected.append(Diagnostic(display, f"same name as {names[r.name]} once normalised (NFC)", "error"))
            continue
        names[r.name] = display
        if r.fingerprint in seen:
            rejected.append(Diagnostic(display, f"duplicate of {seen[r.fingerprint]} (same text)", "error"))
            continue
        seen[r.fingerprint] = display
        warnings.extend(Diagnostic(display, message, level) for message, level in r.notes)
        if r.article is None:
            rejected.append(
                Diagnostic(display, "no article text (only a title, boilerplate or a date header)", "error")
            )
            continue
        articles.append(r.article)
    slugged = {stem for stem, cur in curations.items() if cur.slug}
    pinned = {a.seed for a in articles if Path(a.seed).stem in slugged} if slugged else set()
    articles, errors = unique_slugs(articles, pinned)
    if errors:
        raise ConfigErrors(errors)
    return sorted(articles, key=Article.newest_first_key), rejected, warnings


@dataclass(frozen=True)
class Links:
    """Which articles each article page links to, by slug: related articles, and the previous and
    next article in the same year (by date). `of` gives what a page shows of them."""

    related: Mapping[str, tuple[str, ...]]
    previous: Mapping[str, str]
    next: Mapping[str, str]
    articles: Mapping[str, Article]
    _stubs: dict[str, Article] = field(default_factory=dict, compare=False, repr=False)  # made once each

    def groups(self, slug: str) -> tuple[tuple[str, ...], ...]:
        """The slugs the page of `slug` links to: related, previous, next."""
        previous, following = self.previous.get(slug), self.next.get(slug)
        return self.related.get(slug, ()), (previous,) if previous else (), (following,) if following else ()

    def of(self, slug: str) -> Neighbours:
        """What the page of `slug` shows of the articles it links to (`indexes.VIEWS["compact"]`):
        a page sent to a worker carries these, not the linked articles' whole text."""
        related, previous, following = (tuple(self._stub(s) for s in group) for group in self.groups(slug))
        return Neighbours(
            {slug: related} if slug in self.related else {},
            {slug: previous[0]} if previous else {},
            {slug: following[0]} if following else {},
        )

    def _stub(self, slug: str) -> Article:
        """The article as a page linking to it shows it (an article is linked from about 7 pages)."""
        stub = self._stubs.get(slug)
        if stub is None:
            a = self.articles[slug]
            stub = self._stubs[slug] = replace(a, summary="", lede=None, blocks=(), figures=(), made_key="")
        return stub


def related_key(articles: list[Article], views: Mapping[str, Mapping[str, str]]) -> str:
    """What `related` depends on: it reads only slugs, titles, dates, themes and people, of which
    the views "compact" and "counts" (`view_keys`) are made, so an edit elsewhere in an article
    reuses the stored result."""
    return cache.digest_keys([views[a.slug]["compact"] for a in articles], [views[a.slug]["counts"] for a in articles])


def neighbours(articles: list[Article], found: Mapping[str, tuple[str, ...]] | None = None) -> Links:
    """Related articles (`found`, when `render` took them from the cache or a background child)
    and the previous/next article in the same year (by date)."""
    found = related(articles) if found is None else found
    previous, following = {}, {}
    for older, newer in itertools.pairwise(oldest_first(articles)):
        if older.year == newer.year:
            previous[newer.slug], following[older.slug] = older.slug, newer.slug
    return Links(found, previous, following, {a.slug: a for a in articles})


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


@dataclass(frozen=True)
class Rendered:
    """Every generated file: by path in `content/`, its key (equal keys, equal bytes), and its
    bytes unless `content/` already holds the file as written from that key (`output.Written`)."""

    files: dict[str, bytes]
    current: frozenset[str]
    keys: dict[str, str]


def render(
    articles: list[Article],
    data: Data,
    has_about: bool,
    site_url: str,
    *,
    store: Store | None = None,
    written: Written | None = None,
) -> Rendered:
    """Phase 3a: every generated file, from the articles newest first (as `gather` returns them).

    A page that `written` shows to be in `content/` already, made from the same key, is neither
    made nor read: an article page's key covers the article and its neighbours, an index page's
    what it shows of its articles. With a store, the other parts are reused when what they
    depend on is unchanged: the feeds by their latest articles, the search index's terms by
    each article, related articles by every article's title, date, themes and people (cache.py).
    """
    store = store or Store(None)
    written = written or Written(Path())
    keys = {a.slug: article_key(a) for a in articles}
    items = [(keys[a.slug], (a,)) for a in articles]
    views = dict(zip(keys, cache.cached_map(store, "views", items, view_keys, parallel=False), strict=True))
    # Work over every article done anew goes to forked children, on the other core, while this
    # process makes the index pages: building the search index, and finding related articles
    # (the article pages wait for those).
    many = len(articles) >= cache.PARALLEL_MIN
    search = cache.in_background(
        store,
        searchindex.search_files,
        articles,
        data,
        has_about,
        store,
        keys,
        worth_it=many and searchindex.rebuilds(store, articles, data, has_about=has_about),
    )
    related_entry = related_key(articles, views)
    found = cache.in_background(
        store,
        cache.cached_call,
        store,
        "related",
        related_entry,
        related,
        articles,
        worth_it=many and store.get(cache.entry_key("related", related_entry)) is cache.MISSING,
    )
    pages = Pages(written)
    index_pages(pages, articles, views, data, has_about)
    article_pages(pages, articles, neighbours(articles, found=found()), keys, views, data=data)
    files = dict(pages.made)
    in_feeds = [feeds.latest_of_sorted(articles)]  # `articles` are newest first (`gather`)
    in_feeds += [feeds.latest_of_sorted(a for a in articles if t.slug in a.themes) for t in data.themes]
    feeds_key = cache.digest(site_url, [[keys[a.slug] for a in chosen] for chosen in in_feeds])
    made = dict(cache.cached_call(store, "feeds", feeds_key, feed_files, articles, data, site_url))  # a copy:
    made.update(search())  # the stored feeds stay feeds only
    for path, content in made.items():
        if not pages.holds(path, f"sha256:{hashlib.sha256(content).hexdigest()}"):
            files[path] = content
    return Rendered(dict(sorted(files.items())), frozenset(pages.current), pages.keys)


class Pages:
    """Pages made anew, except those `content/` already holds (`output.Written`).

    Pages are not kept in the store: one that `content/` lacks is made again, which costs less
    than storing every page made (at 5,000 articles, 49 MB of the cache's 124 MB). A page is
    made as UTF-8 bytes, where it is made: a worker sends bytes back as they are, where a text
    is encoded to be sent and decoded again on arrival (at 10,000 articles, unpickling the
    article pages took 0.15 s as text, 0.016 s as bytes).
    """

    def __init__(self, written: Written) -> None:
        self.written = written
        self.made: dict[str, bytes] = {}
        self.current: set[str] = set()
        self.keys: dict[str, str] = {}

    def make(
        self,
        kind: str,
        paths: Sequence[str],
        keys: Sequence[str],
        args: Callable[[int], tuple[object, ...]],
        *,
        fn: Callable[..., bytes],
        shared: tuple[object, ...] = (),
    ) -> None:
        """`fn(*args(i), *shared)` for the page at `paths[i]`, made from `keys[i]`, unless
        `content/` holds it: arguments are made only for the pages to make."""
        todo = [
            i for i, (path, key) in enumerate(zip(paths, keys, strict=True)) if not self.holds(path, f"{kind}:{key}")
        ]
        made = cache.compute(fn, [args(i) for i in todo], shared)
        self.made.update(zip([paths[i] for i in todo], made, strict=True))

    def holds(self, path: str, key: str) -> bool:
        """Record the key of the file at `path`; whether `content/` holds it as written from that key."""
        self.keys[path] = key
        if self.written.current(path, key):
            self.current.add(path)
            return True
        return False


def article_pages(
    pages: Pages,
    articles: list[Article],
    links: Links,
    keys: Mapping[str, str],
    views: Mapping[str, Mapping[str, str]],
    *,
    data: Data,
) -> None:
    """`render_article` for every article, reused while the article and what its page shows of
    the articles it links to (titles and dates) are unchanged."""
    page_keys = [
        cache.digest_keys([keys[a.slug]], *([views[s]["compact"] for s in group] for group in links.groups(a.slug)))
        for a in articles
    ]
    paths = [layout.article(a.slug) for a in articles]

    def made_with(i: int) -> tuple[object, ...]:
        return articles[i], links.of(articles[i].slug)

    pages.make("article", paths, page_keys, made_with, fn=render_article_with, shared=(data,))


def view_keys(a: Article) -> dict[str, str]:
    """A digest of each view of the article (indexes.VIEWS): what index pages show of it."""
    return {view: cache.digest(part(a)) for view, part in VIEWS.items()}


def index_pages(
    pages: Pages, articles: list[Article], views: Mapping[str, Mapping[str, str]], data: Data, has_about: bool
) -> None:
    """Every index page, each reused while what it shows of its articles is unchanged."""

    known: dict[tuple[str, int], str] = {}

    def key_of(view: str, chosen: Sequence[Article]) -> str:
        """A digest of this view of these articles (pages often read the same list: once each)."""
        at = (view, id(chosen))
        if at not in known:
            known[at] = cache.digest_keys([views[a.slug][view] for a in chosen])
        return known[at]

    plan = index_plan(articles, data, has_about)
    page_keys = [
        cache.digest(spec.path, spec.extra, [(v, key_of(v, chosen)) for v, chosen in spec.reads]) for spec in plan
    ]
    pages.make("index-page", [spec.path for spec in plan], page_keys, lambda i: (plan[i].make,), fn=_call)


def _call(make: Callable[[], str]) -> bytes:
    return make().encode("utf-8")


def render_article_with(a: Article, around: Neighbours, data: Data) -> bytes:
    return render_article(a, data, around).encode("utf-8")


def build(
    paths: Paths = Paths(), today: _dt.date | None = None, site_url: str | None = None, *, keep_cache: bool = False
) -> Report:
    """Generate `content/` from `seeds/` and `data/`. Raises ConfigError(s) before writing.

    `site_url` (for the feeds' absolute links) defaults to the setting in mkdocs.yml beside
    the seeds folder, overridden by the SITE_URL environment variable. `keep_cache` keeps the
    cache loaded in this process for the next run (`mkdocs serve`).
    """
    with cyclic_gc_paused():
        return _build(paths, today, site_url, keep_cache=keep_cache)


@contextmanager
def cyclic_gc_paused() -> Iterator[None]:
    """No cyclic garbage collection in the block (nor in the worker processes it forks).

    A run makes millions of objects that live until it ends (articles, pages, search terms), and
    every full collection walks all of them again: at 10,000 seeds a cold run took 48.1 s with
    the collector and 42.6 s without it (medians of 3), with the same peak memory, 677 MB
    (nothing here makes cycles in bulk; reference counting frees the rest as usual).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def written_key(content: Path) -> str:
    """The store key of the `output.Written` record of this `content/` folder."""
    return f"written:{cache.digest(str(content.resolve()))}"


def _build(paths: Paths, today: _dt.date | None, site_url: str | None, *, keep_cache: bool) -> Report:
    for folder in (paths.content, paths.cache):
        if folder is not None and folder.exists() and not folder.is_dir():
            raise ConfigError(str(folder), "a file, not a folder")
    store = Store.open(paths.cache, [paths.data / name for name in DATA_FILES], keep=keep_cache)
    # The store's scope is named after the data files' bytes: one entry holds what they load to
    # (parsing and checking the YAML took 14 ms of every run, unpickling the result takes 1 ms).
    data = cache.cached_call(store, "data", "loaded", load_data, paths.data)
    day = today or _dt.date.today()
    url = site_url or configured_site_url(paths.seeds.resolve().parent / "mkdocs.yml")
    listing = freshness.list_folder(paths.seeds)  # before reading any seed
    seeds_state = listing.state
    last = freshness.load(store.folder)
    if last is not None and last.fresh(paths.seeds, seeds_state, paths.content, day, url):
        return Report(  # nothing changed since the last run: nothing to do
            last.rejected,
            last.warnings,
            WriteResult((), ()),
            last.article_count,
            lambda: tuple(gather(paths, data, day, store)[0]),
        )
    articles, rejected, warnings = gather(paths, data, day, store, listing)
    has_about = (paths.content / layout.ABOUT).is_file()
    record = written_key(paths.content)
    written = store.get(record)
    # The record is found by the folder's absolute path, and checked here as this run names the
    # folder: a run elsewhere (relative `content` of the CLI, absolute path of the MkDocs hook)
    # would otherwise look for the pages in another folder and make every page again.
    written = replace(written, content=paths.content) if isinstance(written, Written) else Written(paths.content)
    rendered = render(articles, data, has_about, url, store=store, written=written)
    result = write_content(paths.content, rendered.files, rendered.current)
    store.put(record, written.after(rendered.keys, rendered.current, rendered.files))
    store.save()
    done = freshness.stamp(paths.seeds, seeds_state, paths.content, day, url)
    freshness.save(store.folder, freshness.LastRun(done, len(articles), tuple(rejected), tuple(warnings), seeds_state))
    return Report(tuple(rejected), tuple(warnings), result, len(articles), lambda: tuple(articles))
