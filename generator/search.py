"""Full-text search: a Pagefind index of the built site, read by the search box in the header.

Pagefind (PyPI `pagefind[extended]`, run as `python -m pagefind`) reads the HTML MkDocs wrote,
indexes only what is inside `data-pagefind-body` (overrides/main.html puts it around each
page's content, so menus and footers are left out), folds Vietnamese accents, and writes its
bundle to `pagefind/` beside the pages. The index is split into chunks: a browser downloads
only the chunks and page fragments a query needs (overrides/assets/javascripts/vl-search.js).
"""

from __future__ import annotations

import logging
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort

BUNDLE = "pagefind"
# Left out of the index: the article lists of index pages (each article is indexed on its own
# page; listing it again on every year and theme page would make those pages match every
# query), heading permalinks (`¶`), an article's theme and people lines (derived from its
# text, they would only repeat it and make poor excerpts) and its seed file line.
EXCLUDE_SELECTORS = (".vl-entry", ".headerlink", ".vl-tags", ".vl-people", ".vl-seed")
_NO_BODY = "Did not find a data-pagefind-body element"
# Pagefind splits words at spaces, hyphens and slashes, not at en or em dashes: "(2016–2024)"
# would be one word that `2024` cannot find. It reads a copy of the pages in which a dash
# between two letters or digits is a hyphen; the published pages keep their dashes.
_DASH_IN_WORD = re.compile(r"(?<=\w)[–—](?=\w)")
log = logging.getLogger("mkdocs.plugins.digest")
_COUNT = re.compile(r"Indexed (\d+) (page|word)s?\b")


class SearchIndexError(Exception):
    """Pagefind failed, or found no `data-pagefind-body` and would index whole pages."""


@dataclass(frozen=True)
class SearchIndex:
    bundle: Path
    pages: int
    words: int


def command(source: Path, bundle: Path) -> list[str]:
    args = [sys.executable, "-m", "pagefind", "--site", str(source), "--output-path", str(bundle)]
    for selector in EXCLUDE_SELECTORS:
        args += ["--exclude-selectors", selector]
    return args


def copy_for_indexing(site_dir: Path, dest: Path) -> None:
    """The site's HTML pages (only they are indexed), with dashes inside words made hyphens."""
    for page in site_dir.rglob("*.html"):
        rel = page.relative_to(site_dir)
        if rel.parts[0] == BUNDLE:
            continue
        (dest / rel).parent.mkdir(parents=True, exist_ok=True)
        (dest / rel).write_text(_DASH_IN_WORD.sub("-", page.read_text(encoding="utf-8")), encoding="utf-8")


def index_site(site_dir: Path) -> SearchIndex:
    """Write `<site_dir>/pagefind/` from the HTML in `site_dir`."""
    bundle = (site_dir / BUNDLE).resolve()
    with tempfile.TemporaryDirectory(prefix="pagefind-source-") as tmp:
        copy_for_indexing(site_dir, Path(tmp))
        result = subprocess.run(command(Path(tmp), bundle), capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SearchIndexError(f"pagefind failed ({result.returncode}): {result.stderr.strip() or result.stdout}")
    if _NO_BODY in result.stdout:
        raise SearchIndexError(f"pagefind: no page in {site_dir} has data-pagefind-body (is theme.custom_dir set?)")
    counts = {kind: int(n) for n, kind in _COUNT.findall(result.stdout)}
    return SearchIndex(bundle=bundle, pages=counts.get("page", 0), words=counts.get("word", 0))


def index_built_site(config: MkDocsConfig) -> SearchIndex:
    """After every MkDocs build (`build`, `serve`): index `site_dir`; a failure aborts the build."""
    try:
        index = index_site(Path(config.site_dir))
    except SearchIndexError as exc:
        raise Abort(str(exc)) from None
    log.info(f"search: {index.pages} pages, {index.words} words indexed in {BUNDLE}/")
    return index
