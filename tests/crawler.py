"""Test helper: a small link checker for a site served on this machine.

From a start URL it fetches every URL on the same host that a page or stylesheet refers to
(`a`/`link` href, `script`/`img`/`source`/`iframe` src, CSS `url()` and `@import`), records the
`id`s of each HTML page, and reports every reference that does not resolve: an HTTP error, a
missing anchor, or a `javascript:` URL. Other hosts are never contacted: they are counted as
external. Bounded in pages and time. Tested on a site broken on purpose (tests/test_links.py).
"""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import unquote, urldefrag, urljoin, urlsplit

MAX_PAGES = 5000
TIMEOUT = 10
_REFS = {("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"), ("source", "src"), ("iframe", "src")}
_CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)|@import\s+['"]([^'"]+)['"]""")


@dataclass(frozen=True)
class Ref:
    source: str  # the page or stylesheet that refers
    target: str  # absolute URL, fragment included


@dataclass
class Crawl:
    status: dict[str, int] = field(default_factory=dict)  # URL (no fragment) → HTTP status
    ids: dict[str, set[str]] = field(default_factory=dict)  # HTML page → ids in it
    refs: list[Ref] = field(default_factory=list)
    external: set[str] = field(default_factory=set)

    def broken(self) -> list[str]:
        problems = []
        for ref in self.refs:
            url, fragment = urldefrag(ref.target)
            if urlsplit(ref.target).scheme == "javascript":
                problems.append(f"{ref.target} in {ref.source}: javascript: URL")
            elif url in self.external or url not in self.status:
                continue
            elif self.status[url] != 200:
                problems.append(f"{ref.target} in {ref.source}: HTTP {self.status[url]}")
            elif fragment and url in self.ids and unquote(fragment) not in self.ids[url]:
                problems.append(f"{ref.target} in {ref.source}: no element with id {unquote(fragment)!r}")
        return sorted(set(problems))

    @property
    def anchors(self) -> int:
        return sum(1 for r in self.refs if urldefrag(r.target)[1] and urldefrag(r.target)[0] in self.ids)


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.refs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name == "id" or (tag == "a" and name == "name"):
                self.ids.add(value)
            if (tag, name) in _REFS and value.strip():
                self.refs.append(value.strip())


def crawl(start: str, *more: str) -> Crawl:
    """Every URL reachable from the start URLs on their host; never another host."""
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # no proxy, even if set
    host = urlsplit(start).netloc
    result = Crawl()
    queue = [start, *more]
    while queue and len(result.status) < MAX_PAGES:
        url = queue.pop(0)
        if url in result.status:
            continue
        try:
            with opener.open(url, timeout=TIMEOUT) as response:
                result.status[url] = response.status
                kind = response.headers.get_content_type()
                body = response.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as exc:
            result.status[url] = exc.code
            continue
        found: list[str] = []
        if kind == "text/html":
            page = _Page()
            page.feed(body)
            result.ids[url] = page.ids
            found = page.refs
        elif kind == "text/css":
            found = [a or b for a, b in _CSS_URL.findall(body) if not (a or b).startswith("data:")]
        for ref in found:
            target = urljoin(url, ref)
            result.refs.append(Ref(url, target))
            bare = urldefrag(target)[0]
            parts = urlsplit(bare)
            if parts.scheme not in ("http", "https"):
                continue
            if parts.netloc != host:
                result.external.add(bare)
            elif bare not in result.status:
                queue.append(bare)
    return result
