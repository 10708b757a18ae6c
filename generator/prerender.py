"""MkDocs converts every page's Markdown on one core: `hand_out` gives part of that to the others.

Python-Markdown took 6.7 s of a 10 s `mkdocs build` at 1,000 articles (`Page.render` timed),
one page after another. In `on_nav`, after MkDocs has listed the pages and before it reads the
first, `hand_out` splits the pages to render into one share per core of about equal `cost`, in
the build's order. This process keeps the first share, which the build renders as usual. A
forked child per other share runs MkDocs' own `Page.read_source` and `Page.render` on its pages
and sends back what `render` sets on each page, with the log records it made. When the build's loop reaches such a
page, the page's `render` (replaced on that page only) takes the child's result and re-emits its
records, a broken link's warning for example, so `--strict` counts them as before.

The output is MkDocs' own: the same code on the same pages, configuration and file list, in a
copy of this process. The work is handed out only where that holds:
- no plugin acts on a page before it is rendered (`pre_page`, `page_read_source` and
  `page_markdown` events would run in this process only);
- this process runs no other thread (forking is not safe then: the rebuilds of `mkdocs serve`);
- there are at least MIN_PAGES pages to render.
A page whose Markdown, as the build read it, is not what the child rendered, and every page of
a child that failed, is rendered here as usual.
"""

from __future__ import annotations

import hashlib
import itertools
import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache as memo
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import TableOfContents

from . import cache

MIN_PAGES = 100  # fewer pages than this are all rendered in this process
LINK_COST = 170  # bytes of plain Markdown that cost as much to render as one link (`cost`)
BEFORE_RENDER = ("pre_page", "page_read_source", "page_markdown")  # plugin events a child would skip
_LOGGERS = ("", "mkdocs")  # where records end up: the root and MkDocs' own (which does not propagate)


@dataclass(frozen=True)
class Rendered:
    """What `Page.render` set on one page, and the log records it made."""

    source: str  # SHA-256 of the Markdown rendered
    content: str
    toc: TableOfContents
    title: str | None
    anchors: set[str] | None
    links: dict[str, dict[str, str]] | None  # by the src_uri of the file linked to
    records: tuple[logging.LogRecord, ...]

    def apply(self, page: Page, files: Files) -> None:
        page.content = self.content
        page.toc = self.toc
        page._title_from_render = self.title
        page.present_anchor_ids = self.anchors
        if self.links is not None:
            page.links_to_anchors = {_file(files, uri): links for uri, links in self.links.items()}
        for record in self.records:
            logging.getLogger(record.name).handle(record)


def _file(files: Files, src_uri: str) -> File:
    found = files.get_file_from_path(src_uri)
    assert found is not None, src_uri
    return found


def digest(markdown: str) -> str:
    return hashlib.sha256(markdown.encode("utf-8", "surrogatepass")).hexdigest()


def shares(costs: Sequence[int], n: int) -> list[range]:
    """`n` contiguous runs of indexes (some perhaps empty) whose costs are about equal."""
    total, bounds, done = sum(costs), [0], 0
    for i, cost in enumerate(costs):
        if len(bounds) < n and done + cost / 2 > total * len(bounds) / n:
            bounds.append(i)
        done += cost
    bounds += [len(costs)] * (n + 1 - len(bounds))
    return [range(a, b) for a, b in itertools.pairwise(bounds)]


def hand_out(config: MkDocsConfig, files: Files) -> int:
    """Start rendering the later shares of the pages in children; the number of pages handed out."""
    n = cache.workers()
    if n < 2 or threading.active_count() > 1 or any(config.plugins.events[event] for event in BEFORE_RENDER):
        return 0
    pages = to_render(config, files)
    if len(pages) < MIN_PAGES:
        return 0
    costs = [cost(page.file) for page in pages]
    handed = 0
    for share in shares(costs, n)[1:]:
        chosen = [pages[i] for i in share]
        if not chosen:
            continue
        results = memo(cache.in_background(cache.Store(None), render_pages, chosen, config, files))
        for page in chosen:
            vars(page)["render"] = _from_child(page, results)
        handed += len(chosen)
    return handed


def to_render(config: MkDocsConfig, files: Files) -> list[Page]:
    """The pages `mkdocs build` will render, in its order: each made as the build makes it."""
    pages = []
    for file in files.documentation_pages(inclusion=InclusionLevel.is_included):
        if file.page is None and file.inclusion.is_not_in_nav():
            Page(None, file, config)  # as the build does (the page sets itself as `file.page`)
        if file.page is not None and file.is_modified():  # `--dirty` renders only modified pages
            pages.append(file.page)
    return pages


def cost(file: File) -> int:
    """About what rendering the page costs, in bytes of plain text: its size, and each link
    (`](`) as LINK_COST bytes more. Fitted to `Page.render` timed at 1,000 articles: 0.42 µs a
    byte and 70 µs a link (an article page: 7 KB, 15 links, 4.1 ms; a year page: 28 KB, 203
    links, 26 ms). By size alone, the later pages (index pages, full of links) were given too
    little weight: the build waited 0.64-0.68 s for their child, against 0.03 s now. Reading
    the pages for this (the build and the children read them again) took 0.02-0.05 s at 1,000."""
    try:
        text = file.content_bytes
    except (OSError, ValueError):
        return 0  # the build reports it
    return len(text) + LINK_COST * text.count(b"](")


def _from_child(page: Page, results: Callable[[], dict[str, Rendered]]) -> Callable[[MkDocsConfig, Files], None]:
    def render(config: MkDocsConfig, files: Files) -> None:
        del vars(page)["render"]  # the class's method again, for any later build
        found = results().get(page.file.src_uri)
        if found is None or page.markdown is None or found.source != digest(page.markdown):
            page.render(config, files)
        else:
            found.apply(page, files)

    return render


def render_pages(pages: Sequence[Page], config: MkDocsConfig, files: Files) -> dict[str, Rendered]:
    """`read_source` and `render` for each page, as the build would (in a child process); a page
    that fails is left out (the build renders it, and reports the failure, itself)."""
    results = {}
    for page in pages:
        with _Records() as records:
            try:
                page.read_source(config)
                assert page.markdown is not None
                Page.render(page, config, files)
            except Exception:  # the build renders this page again, and reports what went wrong
                continue
        links = page.links_to_anchors
        results[page.file.src_uri] = Rendered(
            digest(page.markdown),
            page.content or "",
            page.toc,
            page._title_from_render,
            page.present_anchor_ids,
            None if links is None else {file.src_uri: dict(found) for file, found in links.items()},
            tuple(records),
        )
    return results


class _Records(logging.Handler):
    """The log records made in the block, kept (not printed): each made ready to pickle."""

    def __init__(self) -> None:
        super().__init__(logging.NOTSET)
        self.kept: list[logging.LogRecord] = []
        self._saved: list[tuple[logging.Logger, list[logging.Handler]]] = []

    def emit(self, record: logging.LogRecord) -> None:
        if self.kept and self.kept[-1] is record:
            return  # seen by a second logger (MkDocs' own propagates unless its command line stops it)
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        record.msg, record.args, record.exc_info = record.getMessage(), None, None
        self.kept.append(record)

    def __enter__(self) -> list[logging.LogRecord]:
        for name in _LOGGERS:
            logger = logging.getLogger(name)
            self._saved.append((logger, logger.handlers))
            logger.handlers = [self]
        return self.kept

    def __exit__(self, *exc: Any) -> None:
        for logger, handlers in self._saved:
            logger.handlers = handlers
        self._saved.clear()
