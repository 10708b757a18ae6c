"""Bytes a browser downloads to answer its first search query, for the search the site has.

- Pagefind (`site/pagefind/`): the UI the home page loads (else the default UI), the loader and
  entry file, the WASM search engine, the meta index, one index chunk and the fragments of the
  results shown first. Which chunk a query
  needs depends on the word, so this counts the largest chunk and the largest fragments: an
  upper bound for any one-word query.
- Material's built-in search (`site/search/search_index.json`): the whole index, the search
  worker and the lunr language files the worker loads for the site's languages; the index is
  fetched when a page loads, before anything is typed.
"""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from pathlib import Path

PAGEFIND_RESULTS_SHOWN = 5  # the Pagefind UI loads fragments for the first results only


@dataclass(frozen=True)
class SearchCost:
    engine: str  # "pagefind", "material" or "none"
    bytes: int  # as stored (Pagefind's files are already compressed)
    gzip_bytes: int  # as a server compressing on the fly would send them
    files: tuple[str, ...]  # what was counted, relative to site/


def _sizes(site: Path, files: list[Path], engine: str) -> SearchCost:
    raw = sum(f.stat().st_size for f in files)
    packed = sum(len(gzip.compress(f.read_bytes(), 6)) for f in files)
    return SearchCost(engine, raw, packed, tuple(sorted(f.relative_to(site).as_posix() for f in files)))


def _largest(files: list[Path], n: int) -> list[Path]:
    return sorted(files, key=lambda f: f.stat().st_size, reverse=True)[:n]


def pagefind(site: Path) -> SearchCost:
    root = site / "pagefind"
    files = [f for f in (root / "pagefind.js", root / "pagefind-entry.json") if f.is_file()]
    ui = [f for f in root.glob("pagefind-*ui*.*") if f.suffix in (".js", ".css")]
    home = (
        (site / "index.html").read_text(encoding="utf-8", errors="replace") if (site / "index.html").is_file() else ""
    )
    used = [f for f in ui if f.name in home]  # the UI the pages load (Pagefind ships three)
    files += used or [f for f in ui if f.name in ("pagefind-ui.js", "pagefind-ui.css")]
    files += _largest(list(root.glob("wasm.*.pagefind")), 1)
    files += _largest(list(root.glob("pagefind.*.pf_meta")), 1)
    files += _largest(list((root / "index").glob("*.pf_index")), 1)
    files += _largest(list((root / "fragment").glob("*.pf_fragment")), PAGEFIND_RESULTS_SHOWN)
    return _sizes(site, files, "pagefind")


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
    if (site / "pagefind").is_dir():
        return pagefind(site)
    if (site / "search" / "search_index.json").is_file():
        return material(site)
    return SearchCost("none", 0, 0, ())
