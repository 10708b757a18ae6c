"""Bytes a browser downloads to answer its first search query, for the search the site has.

- The digest's own index (`site/tim-kiem/`, generator/searchindex.py): the search script, then
  what overrides/assets/javascripts/vl-search.js fetches for a query: `index.json`, the shard
  of each folded word (`w/`), of each adjacent pair (`p/`), of each accented word (`x/`), of
  the last word's completions while it is being typed (`c/`, and their `w/` and `p/`), and the document
  shards (`d/`) of the first page of results in the script's ranking. Computed
  here from the files for each query in QUERIES (the largest is reported); the browser tests
  (tests/browser/) check that the script ranks as `ranking` does and fetches only index files.
- Material's built-in search (`site/search/search_index.json`, the blog project): the whole
  index, the search worker and the lunr language files; fetched when a page loads.
"""

from __future__ import annotations

import collections
import gzip
import itertools
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator import searchindex

QUERIES = ("to lam", "Tô Lâm", "quoc phong", "thuong mai", "dac biet", "2024", "hop tac viet nam", "quoc ph")
PAGE_SIZE = 10  # results shown per page (vl-search.js: PAGE_SIZE)


@dataclass(frozen=True)
class SearchCost:
    engine: str  # "digest", "material" or "none"
    bytes: int  # as stored
    gzip_bytes: int  # as a server compressing on the fly would send them
    files: tuple[str, ...]  # what was counted, relative to site/


def _sizes(site: Path, files: list[Path], engine: str) -> SearchCost:
    raw = sum(f.stat().st_size for f in files)
    packed = sum(len(gzip.compress(f.read_bytes(), 6)) for f in files)
    return SearchCost(engine, raw, packed, tuple(sorted(f.relative_to(site).as_posix() for f in files)))


def _json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Ranking:
    """What the script does for a query: the files it fetches to rank, and the order."""

    files: tuple[Path, ...]  # index.json and the term shards, as fetched
    ids: tuple[int, ...]  # the documents found, best first (empty when a word is in none)
    docs_per_shard: int


def ranking(site: Path, query: str) -> Ranking:
    """The ranking of overrides/assets/javascripts/vl-search.js (its `search`), done on the files:
    tests/browser/test_browser_search.py checks that both give the same results."""
    root = site / searchindex.FOLDER
    info = _json(root / "index.json")
    shards, n = info["shards"], info["docs"]
    query_terms = searchindex.terms(query)
    folded = sorted({f for _, f in query_terms})
    typed = sorted({w for w, f in query_terms if w != f})
    pairs = sorted({f"{a[1]} {b[1]}" for a, b in itertools.pairwise(query_terms)})
    files = [root / "index.json"]

    def entry(kind: str, term: str) -> Any:
        path = root / kind / f"{searchindex.shard_of(term, shards[kind])}.json"
        files.append(path)
        return _json(path).get(term)

    # The last word, while being typed (vl-search.js: `begun`), also stands for its completions.
    last = query_terms[-1][1] if query_terms else ""
    begun = searchindex.ends_in_word(query) and last not in {f for _, f in query_terms[:-1]}
    completions = (entry("c", last) or []) if begun else []
    found = {t: entry("w", t) for t in folded}
    either = [e for e in [found[last], *(entry("w", t) for t in completions)] if e] if begun else []
    before = f"{query_terms[-2][1]} " if len(query_terms) > 1 else None  # the last pair's first word
    extra_pairs = [entry("p", before + t) for t in completions] if before is not None else []
    words = [e for t, e in found.items() if not (begun and t == last)]
    phrases = [entry("p", t) for t in pairs]
    exact = [entry("x", t) for t in typed]
    whole = entry("w", searchindex.WHOLE + " ".join(f for _, f in query_terms))
    per = info["docs_per_shard"]
    if any(e is None for e in words) or (begun and not either):
        return Ranking(tuple(files), (), per)
    counters: list[collections.Counter[int]] = [collections.Counter() for _ in range(6)]
    hits, title, phrase, accents, whole_title, as_typed = counters
    for value in words:
        hits.update(searchindex.decode(value[0]))
        if len(value) > 1:
            title.update(searchindex.decode(value[1]))
    if begun:  # the last word once per document, however many of its completions it holds
        hits.update({d for value in either for d in searchindex.decode(value[0])})
        title.update({d for value in either if len(value) > 1 for d in searchindex.decode(value[1])})
        last_typed = query_terms[-1][0]  # with its accents, if it has any
        if last_typed != last:
            typed_postings = exact[typed.index(last_typed)]
        else:
            typed_postings = found[last][0] if found[last] else None
        if typed_postings:
            as_typed.update(searchindex.decode(typed_postings))
        # The last pair with a completion counts as the pair as typed does, once per document.
        side = {d for value in extra_pairs if value for d in searchindex.decode(value)}
        typed_pair = phrases[pairs.index(before + last)] if before is not None else None
        phrase.update(side - set(searchindex.decode(typed_pair) if typed_pair else []))
    for value in phrases:
        if value:
            phrase.update(searchindex.decode(value))
    for value in exact:
        if value:
            accents.update(searchindex.decode(value))
    if whole:
        whole_title.update(searchindex.decode(whole[0]))
    ids = sorted(
        (d for d in range(n) if hits[d] == len(words) + begun),
        key=lambda d: (-as_typed[d], -accents[d], -whole_title[d], -phrase[d], -title[d], d),
    )
    return Ranking(tuple(files), tuple(ids), per)


def result_urls(site: Path, query: str) -> list[str]:
    """Every result's URL relative to the site root (`bai-viet/<slug>/`), best first."""
    r = ranking(site, query)
    root = site / searchindex.FOLDER / "d"
    return [_json(root / f"{d // r.docs_per_shard}.json")[d % r.docs_per_shard][0] for d in r.ids]


def digest_files(site: Path, query: str) -> list[Path]:
    """The files vl-search.js fetches to show the first page of results for `query`."""
    r = ranking(site, query)
    shards = [site / searchindex.FOLDER / "d" / f"{d // r.docs_per_shard}.json" for d in r.ids[:PAGE_SIZE]]
    return sorted({*r.files, *shards})


def digest(site: Path) -> SearchCost:
    """The largest first-query download over QUERIES, with the search script."""
    script = site / "assets" / "javascripts" / "vl-search.js"
    costs = [_sizes(site, [script, *digest_files(site, q)], "digest") for q in QUERIES]
    return max(costs, key=lambda c: c.bytes)


def material(site: Path) -> SearchCost:
    index = site / "search" / "search_index.json"
    langs = json.loads(index.read_text(encoding="utf-8")).get("config", {}).get("lang", ["en"])
    js = site / "assets" / "javascripts"
    files = [index, *js.glob("workers/search.*.min.js")]
    lunr = js / "lunr" / "min"
    if any(lang != "en" for lang in langs):
        files.append(lunr / "lunr.stemmer.support.min.js")
    if len(langs) > 1:
        files.append(lunr / "lunr.multi.min.js")
    files += [lunr / f"lunr.{lang}.min.js" for lang in langs if lang != "en"]
    return _sizes(site, [f for f in files if f.is_file()], "material")


def first_query_cost(site: Path) -> SearchCost:
    if (site / searchindex.FOLDER / "index.json").is_file():
        return digest(site)
    if (site / "search" / "search_index.json").is_file():
        return material(site)
    return SearchCost("none", 0, 0, ())
