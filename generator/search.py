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
log = logging.getLogger("mkdocs.plugins.digest")
_COUNT = re.compile(r"Indexed (\d+) (page|word)s?\b")


class SearchIndexError(Exception):
    """Pagefind failed, or found no `data-pagefind-body` and would index whole pages."""


@dataclass(frozen=True)
class SearchIndex:
    bundle: Path
    pages: int
    words: int


def command(site_dir: Path) -> list[str]:
    args = [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--output-subdir", BUNDLE]
    for selector in EXCLUDE_SELECTORS:
        args += ["--exclude-selectors", selector]
    return args


def index_site(site_dir: Path) -> SearchIndex:
    """Write `<site_dir>/pagefind/` from the HTML in `site_dir`."""
    result = subprocess.run(command(site_dir), capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SearchIndexError(f"pagefind failed ({result.returncode}): {result.stderr.strip() or result.stdout}")
    if _NO_BODY in result.stdout:
        raise SearchIndexError(f"pagefind: no page in {site_dir} has data-pagefind-body (is theme.custom_dir set?)")
    counts = {kind: int(n) for n, kind in _COUNT.findall(result.stdout)}
    return SearchIndex(bundle=site_dir / BUNDLE, pages=counts.get("page", 0), words=counts.get("word", 0))


def index_built_site(config: MkDocsConfig) -> SearchIndex:
    """After every MkDocs build (`build`, `serve`): index `site_dir`; a failure aborts the build."""
    try:
        index = index_site(Path(config.site_dir))
    except SearchIndexError as exc:
        raise Abort(str(exc)) from None
    log.info(f"search: {index.pages} pages, {index.words} words indexed in {BUNDLE}/")
    return index
