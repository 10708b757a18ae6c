"""Site search: a static index written by the generator into `content/tim-kiem/`.

The header's search box (overrides/assets/javascripts/vl-search.js) reads it; MkDocs and
Zensical copy it as static files. A browser downloads only `index.json` and the few shards a
query needs, so a first query costs little at any number of articles (README, "Search").

Documents: every article (newest first, so a lower id is a newer article and ties rank newest
first), then the site's own pages: the index pages, each year's, the about page, every theme's
and every person's. Terms, per document, without positions:

- `w`: folded syllables (accents removed, đ→d, lower case): `to`, `lam`, and a dated article's
  year (`2024`, as if its text said it: the year's page lists it); with each, the
  documents whose title holds it (the title signal); and `=` with the folded syllables of a
  theme or person page's whole title, `=to lam` (in the shard of `to`): the page whose whole
  title is the query ranks first;
- `p`: adjacent folded syllables of one paragraph: `to lam` (ranks the real phrase first);
- `x`: syllables written with accents or đ, lower case, NFC: `tô`, `lâm` (fetched only for the
  accented words of a query; a word typed without accents matches any accents);
- `c`: each beginning of a folded syllable (`ph`, `pho`) → the COMPLETIONS syllables of `w` that
  go on from it in the most documents: a query's last word, still being typed, stands for them
  too (`quoc ph` finds "quốc phòng" before `phong` is typed out).

Each kind is split into shards by a stable hash (CRC-32 of the UTF-8 term): a query fetches the
shard of each of its terms. The number of shards grows with the index (a power of two, about
`SHARD_TARGET` characters each), so a small site has few files. Doc ids of a term are sorted
and written as a string: delta varints in the base64url alphabet (5 bits per character, the
6th marks "more"), or, when shorter, `~` and a bitmap of all documents, 6 per character.
"""

from __future__ import annotations

import bisect
import collections
import functools
import heapq
import itertools
import json
import operator
import re
import unicodedata
import zlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import cast, overload

from . import cache, layout
from .cache import Store
from .data import Data
from .indexes import HEADS, person_description, year_head
from .model import Article, Block
from .text import is_latin, latin_class

FOLDER = "tim-kiem"
META = f"{FOLDER}/index.json"
VERSION = 2  # 2: completions (`c`)
KINDS = ("w", "p", "x", "c")
COMPLETIONS = 8  # syllables a beginning stands for: each costs a query a `w` and a `p` shard at most
DOCS_PER_SHARD = 10  # a result page shows 10: the newest 10 results cost one document shard
SHARD_TARGET = 6_000  # characters of postings per shard, on average
MAX_SHARDS = 4_096
ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
BITMAP = "~"
WHOLE = "="  # before a theme or person page's whole folded title, in `w` (no syllable holds it)
_MORE = 32  # continuation bit of a varint character
_TOKEN = re.compile(r"[^\W_]+")  # runs of letters and digits: JavaScript's [\p{L}\p{N}]+
# In Latin text, the characters that end a token other than white space: made spaces, then
# `str.split`, give the same tokens as `_TOKEN` in less than half the time.
_LATIN_SEPARATOR = re.compile(latin_class(lambda c: not c.isalnum() and not c.isspace()))


def tokens(written: str) -> list[str]:
    """Syllables as written: NFC, lower case, split at anything that is not a letter or digit."""
    written = unicodedata.normalize("NFC", written).lower()
    if is_latin(written):
        return _LATIN_SEPARATOR.sub(" ", written).split()
    return _TOKEN.findall(written)


@functools.lru_cache(maxsize=1 << 16)
def fold(token: str) -> str:
    """A syllable without accents: combining marks removed, đ→d (`Đặc` → `dac`)."""
    decomposed = unicodedata.normalize("NFD", token.lower())
    return "".join(c for c in decomposed if not unicodedata.category(c).startswith("M")).replace("đ", "d")


def terms(text: str) -> list[tuple[str, str]]:
    """(as written, folded) for each syllable of `text`: what the JavaScript computes for a query."""
    return [(t, fold(t)) for t in tokens(text)]


def ends_in_word(text: str) -> bool:
    """Whether a query ends inside a word (no space or sign after its last syllable): the search
    box takes its last word to be still being typed, the beginning of others (`c`)."""
    return _TOKEN.match(unicodedata.normalize("NFC", text).lower()[-1:]) is not None  # a syllable's character last


def shard_of(term: str, shards: int) -> int:
    """CRC-32 of the term's UTF-8 bytes, modulo `shards`. A whole title (`=to lam`) goes with its
    first syllable (`to`), whose shard a query naming it fetches anyway."""
    if term.startswith(WHOLE):
        term = term[len(WHOLE) :].split(" ", 1)[0]
    return zlib.crc32(term.encode("utf-8")) % shards


def shard_count(total_chars: int) -> int:
    """The smallest power of two that keeps shards near SHARD_TARGET characters (at most MAX_SHARDS)."""
    count = 1
    while count < MAX_SHARDS and total_chars > count * SHARD_TARGET:
        count *= 2
    return count


def completions(counts: Mapping[str, int]) -> dict[str, list[str]]:
    """Each proper beginning of the words in `counts` (folded syllables → in how many documents)
    → the COMPLETIONS words that go on from it, in the most documents first, ties in code point order."""
    best: collections.defaultdict[str, list[str]] = collections.defaultdict(list)
    for word in sorted(counts, key=lambda w: (-counts[w], w)):  # each list fills in order: no sort per beginning
        for end in range(1, len(word)):
            group = best[word[:end]]
            if len(group) < COMPLETIONS:
                group.append(word)
    return dict(best)


def completions_of(beginning: str, counts: Mapping[str, int], vocabulary: Sequence[str]) -> list[str]:
    """`completions(counts)[beginning]` (empty when no word goes on from it), from the sorted
    `vocabulary` of `counts`: the words starting with it are a run there."""
    if not beginning:
        return []  # no word's beginning: a query word has a letter or digit at least
    start = bisect.bisect_right(vocabulary, beginning)  # past the word itself: not its own completion
    run = itertools.takewhile(operator.methodcaller("startswith", beginning), itertools.islice(vocabulary, start, None))
    return heapq.nsmallest(COMPLETIONS, run, key=lambda w: (-counts[w], w))


def _completable(terms: Iterable[str]) -> Iterator[str]:
    """The syllables among `w` terms (not a page's whole title)."""
    return (t for t in terms if not t.startswith(WHOLE))


# A delta below 32 is one character, below 1,024 two, below 32,768 three.
_SMALL = 1 << 15


def _varint(n: int) -> str:
    out = []
    while True:
        low, n = n & (_MORE - 1), n >> 5
        if not n:
            out.append(ALPHABET[low])
            return "".join(out)
        out.append(ALPHABET[low | _MORE])


# `_varint(n)` for every n below _SMALL, made by position (low 5 bits first) without a call per code.
_LOWS = ALPHABET[_MORE:]  # a low 5-bit group followed by more
_HIGHS = ALPHABET[1:_MORE]  # the last group of a code longer than one character
_CODES = [
    *ALPHABET[:_MORE],
    *(low + high for high in _HIGHS for low in _LOWS),
    *(low + rest for rest in [mid + high for high in _HIGHS for mid in _LOWS] for low in _LOWS),
]


_BY_GAP = ["", *_CODES]  # by the gap to the previous id (which starts at -1): the code of gap - 1
_BIT = [bytes.maketrans(b"\x01", bytes([1 << j])) for j in range(6)]  # a flag byte 1 → bit j of its character
_TO_ALPHABET = bytes.maketrans(bytes(range(1 << 6)), ALPHABET.encode("ascii"))


def _bitmap(ids: Sequence[int], docs: int) -> str:
    """Bit j of character k for document 6k + j, made by C loops (this runs for every common word):
    a flag byte per document, each of the 6 strided slices weighted by its bit and or-ed as one
    big number whose bytes are the characters' values."""
    groups = -(-docs // 6)
    flags = bytearray(groups * 6)
    collections.deque(map(flags.__setitem__, ids, itertools.repeat(1)), maxlen=0)
    value = 0
    for j, weight in enumerate(_BIT):
        value |= int.from_bytes(flags[j::6].translate(weight), "big")
    return BITMAP + value.to_bytes(groups, "big").translate(_TO_ALPHABET).decode("ascii")


def encode(ids: Sequence[int], docs: int) -> str:
    """Sorted, distinct doc ids as text: delta varints, or a bitmap when that is shorter."""
    limit = -(-docs // 6) + 1  # a bitmap's length
    if len(ids) > limit:  # at least one character per id: the bitmap is shorter
        return _bitmap(ids, docs)
    gaps = list(map(operator.sub, ids, [-1, *ids[:-1]]))
    if gaps and max(gaps) > _SMALL:
        varints = "".join(_varint(g - 1) for g in gaps)
    else:
        varints = "".join(map(_BY_GAP.__getitem__, gaps))
    return varints if len(varints) <= limit else _bitmap(ids, docs)


def decode(text: str) -> list[int]:
    """The doc ids `encode` wrote (the Python twin of the browser's decoder, for tests)."""
    if text.startswith(BITMAP):
        return [6 * k + j for k, c in enumerate(text[1:]) for j in range(6) if ALPHABET.index(c) >> j & 1]
    ids, value, shift, last = [], 0, 0, -1
    for c in text:
        v = ALPHABET.index(c)
        value |= (v & (_MORE - 1)) << shift
        shift += 5
        if not v & _MORE:
            last += value + 1
            ids.append(last)
            value, shift = 0, 0
    return ids


@dataclass(frozen=True)
class Doc:
    """One search result: where it is, what the result list shows, and the text it is found by."""

    url: str  # relative to the site root, directory URLs: `bai-viet/<slug>/`
    title: str
    date: str  # as the site shows it (`02/12/2025`), empty for pages without a date
    summary: str
    text: Sequence[str]  # paragraphs: a phrase never spans two


def page_url(source: str) -> str:
    """The URL of `content/<source>` relative to the site root (use_directory_urls: true)."""
    stem = source.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def article_doc(a: Article) -> Doc:
    """What the article says: its title, paragraphs, headings and captions, and its year if dated
    (not the rest of its date, its source, themes or links to other articles)."""
    return Doc(
        url=page_url(layout.article(a.slug)),
        title=a.title,
        date=a.date.vi() if a.date else "",
        summary=a.summary,
        text=BlockTexts(a.blocks),
    )


class BlockTexts(Sequence[str]):
    """The texts of an article's blocks, read only if the document's terms are made (they are
    stored when the article is made): equal to, and pickled as, the tuple of the texts."""

    __slots__ = ("_blocks",)

    def __init__(self, blocks: Sequence[Block]) -> None:
        self._blocks = blocks

    def _texts(self) -> tuple[str, ...]:
        return tuple(b.text for b in self._blocks)

    def __len__(self) -> int:
        return len(self._blocks)

    @overload
    def __getitem__(self, index: int) -> str: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[str, ...]: ...
    def __getitem__(self, index: int | slice) -> str | tuple[str, ...]:
        return self._texts()[index]

    def __iter__(self) -> Iterator[str]:
        return (b.text for b in self._blocks)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (BlockTexts, tuple, list)):
            return self._texts() == tuple(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._texts())

    def __reduce__(self) -> tuple[type[tuple[str, ...]], tuple[tuple[str, ...]]]:
        return (tuple, (self._texts(),))


def documents(articles: Sequence[Article], data: Data, *, has_about: bool) -> list[Doc]:
    """Articles newest first, then the site's own pages (`page_documents`)."""
    ordered = sorted(articles, key=Article.newest_first_key)
    return [*map(article_doc, ordered), *page_documents(data, years_of(ordered), has_about=has_about)]


def years_of(articles: Iterable[Article]) -> list[int]:
    """The years with a page (`indexes.by_year`), newest first."""
    return sorted({a.date.year for a in articles if a.date}, reverse=True)


def page_documents(data: Data, years: Iterable[int], *, has_about: bool) -> list[Doc]:
    """The site's own pages, found by their title and description, as in their `<meta
    name="description">` (their article lists are left out: each article is its own document):
    the index pages (`indexes.HEADS`), each year's page, the hand-written about page when there
    is one, then every theme page and every person page."""
    docs = [Doc(page_url(path), title, "", about, (about,)) for path, (title, about) in HEADS.items()]
    for year in years:
        title, about = year_head(year)
        docs.append(Doc(page_url(layout.year_page(year)), title, "", about, (about,)))
    if has_about:
        name = layout.LABELS["about"]  # the nav's name for the hand-written page
        docs.append(Doc(page_url(layout.ABOUT), name, "", name, (name,)))
    for t in data.themes:
        description = t.description or t.name
        docs.append(Doc(page_url(layout.theme_page(t.slug)), t.name, "", description, (description,)))
    for p in data.people:
        description = person_description(p)
        docs.append(Doc(page_url(layout.person_page(p.slug)), p.name, "", description, (description,)))
    return docs


class _Documents(Sequence[Doc]):
    """`documents`, each article's made when first asked for: an edit patches the index with the
    documents it changed and the shards of documents they are in, not every document."""

    def __init__(self, ordered: Sequence[Article], pages: Sequence[Doc]) -> None:
        self._articles, self._pages = ordered, pages
        self._made: dict[int, Doc] = {}

    def __len__(self) -> int:
        return len(self._articles) + len(self._pages)

    @overload
    def __getitem__(self, index: int) -> Doc: ...
    @overload
    def __getitem__(self, index: slice) -> list[Doc]: ...
    def __getitem__(self, index: int | slice) -> Doc | list[Doc]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        i = index + len(self) if index < 0 else index
        if not 0 <= i < len(self):
            raise IndexError(index)
        if i >= len(self._articles):
            return self._pages[i - len(self._articles)]
        if i not in self._made:
            self._made[i] = article_doc(self._articles[i])
        return self._made[i]


@dataclass(frozen=True)
class Postings:
    """Doc ids by term, each list sorted: the index before it is encoded."""

    words: dict[str, list[int]]
    titles: dict[str, list[int]]
    pairs: dict[str, list[int]]
    exact: dict[str, list[int]]


class _Folds(dict[str, str]):
    """fold() of each syllable met, computed once: the vocabulary is small, the text is not."""

    def __missing__(self, token: str) -> str:
        self[token] = folded = fold(token)
        return folded


def doc_terms(doc: Doc) -> tuple[str, ...]:
    """The distinct terms of one document: words, title words, pairs, exact (accented) syllables,
    each kind as one newline-joined string (terms hold no spaces other than a pair's one and a
    whole title's): kept for every document between runs, thousands of small strings per
    document would cost far more memory than four. A theme or person page's words include
    its whole title (`WHOLE`); an article's do not, but a dated article's include its year
    (`article_terms`)."""
    if not doc.url.startswith(f"{layout.ARTICLES}/"):
        return text_terms(doc.title, doc.text, whole_title=True)
    year = _YEAR.search(doc.date)
    return text_terms(doc.title, doc.text, year=year.group() if year else "")


_YEAR = re.compile(r"\d+$")  # the year at the end of a date as shown: `02/12/2025`, `tháng 12/2025`, `năm 2025`


def article_terms(a: Article) -> tuple[str, ...]:
    """`doc_terms` of the article's document (`article_doc`), from the article: the generator
    computes them in the worker that makes the article, where its text already is. A dated
    article is also found by its year (`2024`), as the year's page lists it; no month or day."""
    return text_terms(a.title, [b.text for b in a.blocks], year=str(a.date.year) if a.date else "")


def terms_key(made_key: str) -> str:
    """The store key of an article's terms: they depend on its title and text only, which the
    key it was made with covers (`Article.made_key`; its final slug does not matter)."""
    return cache.entry_key(TERMS, made_key)


def text_terms(title: str, text: Sequence[str], whole_title: bool = False, year: str = "") -> tuple[str, ...]:
    folds = _FOLDS
    words: set[str] = set()
    pairs: set[str] = set()
    exact: set[str] = set()
    for block in (title, *text):
        written = tokens(block)
        folded = list(map(folds.__getitem__, written))
        exact.update(written)
        words.update(folded)
        pairs.update(map(" ".join, itertools.pairwise(folded)))
    exact -= words  # syllables written without accents are their own folded form: `w` has them
    if year:
        words.add(year)  # a word of the document, not of its title or of a pair
    title_folded = list(map(folds.__getitem__, tokens(title)))
    if whole_title and title_folded:
        words.add(WHOLE + " ".join(title_folded))
    title_words = set(title_folded)
    return tuple("\n".join(kind) for kind in (words, title_words, pairs, exact))


_FOLDS = _Folds()


def _keys(docs: Sequence[Doc], keys: Sequence[str] | None) -> Sequence[str]:
    """Each document's cache key: given (a digest of what the document is made from), or its own."""
    return keys if keys is not None else [cache.digest(doc) for doc in docs]


def postings(docs: Sequence[Doc], store: Store | None = None, keys: Sequence[str] | None = None) -> Postings:
    """Doc ids by term. Each document's terms come from `store` (under `keys`, see `_keys`) when
    its text is unchanged;
    ids are appended in document order, so every list comes out sorted.

    This runs on every generator run, once per (document, distinct term): the loops over
    terms are map() calls, which run in C.
    """
    items = [(key, (doc,)) for key, doc in zip(_keys(docs, keys), docs, strict=True)]
    per_doc = cache.cached_map(store or Store(None), TERMS, items, doc_terms)
    kinds: list[collections.defaultdict[str, list[int]]] = [collections.defaultdict(list) for _ in range(4)]
    for i, found_by_kind in enumerate(per_doc):
        append = operator.methodcaller("append", i)
        for target, found in zip(kinds, found_by_kind, strict=True):
            if found:
                collections.deque(map(append, map(target.__getitem__, found.split("\n"))), maxlen=0)
    return Postings(*(dict(kind) for kind in kinds))


def _shards(entries: dict[str, object], sizes: int) -> list[dict[str, object]]:
    count = shard_count(sizes)
    shards: list[dict[str, object]] = [{} for _ in range(count)]
    for term, value in entries.items():
        shards[shard_of(term, count)][term] = value
    return shards


def _chars(value: object) -> int:
    """Characters of an entry's value in JSON: a string, or a list of strings."""
    return len(value) if isinstance(value, str) else sum(len(v) + 3 for v in cast("list[str]", value))


def _json(value: object) -> bytes:
    return (json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n").encode("utf-8")


@dataclass(frozen=True)
class IndexState:
    """The index last written: the documents it was made of (their keys) and its files."""

    keys: tuple[str, ...]
    term_keys: tuple[str, ...]  # where each document's terms are in the store
    sizes: dict[str, int]  # characters of postings per kind, from which the shard counts follow
    files: dict[str, bytes]
    counts: dict[str, int]  # documents per syllable of `w`: the order of completions


TERMS = "search-terms"  # cache kind: each document's terms, by document key
STATE = "search-state:last"  # cache key: the index last written
PATCH_MAX = 64  # changed documents up to which the last index is patched rather than rebuilt


def index_files(
    docs: Sequence[Doc],
    store: Store | None = None,
    keys: Sequence[str] | None = None,
    term_keys: Sequence[str] | None = None,
) -> dict[str, bytes]:
    """Every file of the index, by path in `content/`.

    `keys`, one per document, stand for the documents in the cache (see `_keys`); `term_keys`
    (default: `keys`) for what their terms are made from. With the same documents as the last
    run, its files are reused; with a few documents changed in place (an edit: same number,
    same order), its files are patched: only the terms those documents gain or lose are
    decoded and encoded again, in the shards that hold them.
    """
    store = store or Store(None)
    keys = tuple(_keys(docs, keys))
    term_keys = keys if term_keys is None else tuple(term_keys)
    last = store.get(STATE)
    if isinstance(last, IndexState) and last.keys == keys:
        state = last
    else:
        patched = _patched(last, docs, keys, term_keys, store) if isinstance(last, IndexState) else None
        state = patched or _built(docs, keys, term_keys, store)
        store.put(STATE, state)
    # Every document's terms are kept for the next run: patching an edit needs its terms from before.
    store.keep(cache.entry_key(TERMS, key) for key in term_keys)
    return state.files


def _built(docs: Sequence[Doc], keys: Sequence[str], term_keys: Sequence[str], store: Store) -> IndexState:
    n = len(docs)
    index = postings(docs, store, term_keys)
    kinds: dict[str, dict[str, object]] = {"w": {}, "p": {}, "x": {}}
    for term, ids in index.words.items():
        title = index.titles.get(term)
        kinds["w"][term] = [encode(ids, n), encode(title, n)] if title else [encode(ids, n)]
    kinds["p"] = {term: encode(ids, n) for term, ids in index.pairs.items()}
    kinds["x"] = {term: encode(ids, n) for term, ids in index.exact.items()}
    counts = {term: len(index.words[term]) for term in _completable(index.words)}
    kinds["c"] = cast("dict[str, object]", completions(counts))
    files: dict[str, bytes] = {}
    shard_counts, sizes = {}, {}
    for kind, entries in kinds.items():
        sizes[kind] = sum(_entry_chars(term, value) for term, value in entries.items())
        shards = _shards(entries, sizes[kind])
        shard_counts[kind] = len(shards)
        files.update({_shard_path(kind, k): _json(shard) for k, shard in enumerate(shards)})
    for k in range(-(-n // DOCS_PER_SHARD)):
        files[_shard_path("d", k)] = _doc_json(docs, k)
    meta = {"version": VERSION, "docs": n, "docs_per_shard": DOCS_PER_SHARD, "shards": shard_counts}
    files[META] = _json(meta)
    return IndexState(tuple(keys), tuple(term_keys), sizes, files, counts)


def _entry_chars(term: str, value: object) -> int:
    return len(term) + _chars(value) + 6


def _shard_path(kind: str, k: int) -> str:
    return f"{FOLDER}/{kind}/{k}.json"


def _doc_json(docs: Sequence[Doc], k: int) -> bytes:
    chunk = docs[k * DOCS_PER_SHARD : (k + 1) * DOCS_PER_SHARD]
    return _json([[d.url, d.title, d.date, d.summary] for d in chunk])


def _term_sets(per_kind: tuple[str, ...]) -> list[set[str]]:
    return [set(found.split("\n")) if found else set() for found in per_kind]


def _patched(
    last: IndexState, docs: Sequence[Doc], keys: Sequence[str], term_keys: Sequence[str], store: Store
) -> IndexState | None:
    """`last` with the documents whose keys changed in place updated, or None to rebuild."""
    n = len(docs)
    if len(last.keys) != n:
        return None  # documents added or removed: every id after them moves
    changed = [i for i, (before, now) in enumerate(zip(last.keys, keys, strict=True)) if before != now]
    if len(changed) > PATCH_MAX:
        return None
    old = [store.get(cache.entry_key(TERMS, last.term_keys[i])) for i in changed]
    if any(terms is cache.MISSING for terms in old):
        return None
    new = cache.cached_map(store, TERMS, [(term_keys[i], (docs[i],)) for i in changed], doc_terms)
    old_sets, new_sets = [_term_sets(t) for t in old], [_term_sets(t) for t in new]
    touched: dict[str, set[str]] = {"w": set(), "p": set(), "x": set(), "c": set()}
    counts = dict(last.counts)
    for was, now in zip(old_sets, new_sets, strict=True):
        touched["w"] |= (was[0] ^ now[0]) | (was[1] ^ now[1])
        touched["p"] |= was[2] ^ now[2]
        touched["x"] |= was[3] ^ now[3]
        for word in _completable(now[0] - was[0]):
            counts[word] = counts.get(word, 0) + 1
        for word in _completable(was[0] - now[0]):
            counts[word] -= 1
    # Completions change only where a word's number of documents did: at its beginnings.
    recounted = [word for word in _completable(touched["w"]) if counts.get(word) != last.counts.get(word)]
    touched["c"] = {word[:end] for word in recounted for end in range(1, len(word))}
    for word in recounted:
        if not counts[word]:
            del counts[word]  # in no document now
    vocabulary = sorted(counts) if touched["c"] else []
    files, sizes = dict(last.files), dict(last.sizes)
    shard_counts = json.loads(files[META])["shards"]

    def ids_of(encoded: str | None, term: str, kind: int) -> list[int]:
        ids = set(decode(encoded)) if encoded else set()
        for i, terms in zip(changed, new_sets, strict=True):
            if term in terms[kind]:
                ids.add(i)
            else:
                ids.discard(i)
        return sorted(ids)

    def updated(kind: str, term: str, before: object) -> object:
        if kind == "c":
            return completions_of(term, counts, vocabulary) or None
        if kind == "w":
            words = ids_of(before[0] if before else None, term, 0)  # type: ignore[index]
            titles = ids_of(before[1] if before and len(before) > 1 else None, term, 1)  # type: ignore[arg-type, index]
            return ([encode(words, n), encode(titles, n)] if titles else [encode(words, n)]) if words else None
        ids = ids_of(before, term, {"p": 2, "x": 3}[kind])  # type: ignore[arg-type]
        return encode(ids, n) if ids else None

    for kind, terms in touched.items():
        by_shard: dict[int, list[str]] = collections.defaultdict(list)
        for term in terms:
            by_shard[shard_of(term, shard_counts[kind])].append(term)
        for k, here in by_shard.items():
            path = _shard_path(kind, k)
            shard = json.loads(files[path])
            for term in here:
                before = shard.pop(term, None)
                if before is not None:
                    sizes[kind] -= _entry_chars(term, before)
                after = updated(kind, term, before)
                if after is not None:
                    shard[term] = after
                    sizes[kind] += _entry_chars(term, after)
            files[path] = _json(shard)
        if shard_count(sizes[kind]) != shard_counts[kind]:
            return None  # the index outgrew its shards: rebuild it with more
    for k in sorted({i // DOCS_PER_SHARD for i in changed}):
        files[_shard_path("d", k)] = _doc_json(docs, k)
    return IndexState(tuple(keys), tuple(term_keys), sizes, files, counts)


def rebuilds(store: Store, articles: Sequence[Article], data: Data, *, has_about: bool) -> bool:
    """Whether `search_files` builds the index anew (none from the last run, or documents added or
    removed since) rather than reusing or patching it: work worth a process of its own."""
    last = store.get(STATE)
    pages = page_documents(data, years_of(articles), has_about=has_about)
    return not isinstance(last, IndexState) or len(last.keys) != len(articles) + len(pages)


def search_files(
    articles: Sequence[Article],
    data: Data,
    has_about: bool,
    store: Store | None = None,
    keys: Mapping[str, str] | None = None,
) -> dict[str, bytes]:
    """The search index for these articles and the site's own pages (`documents`).

    `keys` (article slug → a digest of the article) spare hashing every document's text."""
    if keys is None:
        return index_files(documents(articles, data, has_about=has_about), store)
    ordered = sorted(articles, key=Article.newest_first_key)  # as in documents()
    pages = page_documents(data, years_of(ordered), has_about=has_about)
    others = [cache.digest(doc) for doc in pages]
    doc_keys = [keys[a.slug] for a in ordered] + others
    term_keys = [a.made_key or keys[a.slug] for a in ordered] + others
    return index_files(_Documents(ordered, pages), store, doc_keys, term_keys)
