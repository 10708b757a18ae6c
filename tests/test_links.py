"""Link integrity of the published site, served under a sub-path as GitHub Pages serves a project
site (`https://<owner>.github.io/<repo>/`).

`site/` is served by a threaded HTTP server on 127.0.0.1 under `/viet-lao-digest/` (anything
else is 404, so a root-absolute link fails as it would on Pages), and a crawler (crawler.py)
follows every page from the home page: every internal link, anchor, stylesheet (and the URLs in
it), script and image must resolve. External links are never fetched (no network here).

LinkChecker was tried first: it treats same-host URLs outside the start path as external (so a
root-absolute link passes) and its anchor check depends on its cache and thread order (a broken
anchor was reported in one run and not the next). The crawler is tested first, on a small site
with one broken thing of each kind.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from html.parser import HTMLParser
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from io import BytesIO
from pathlib import Path
from typing import BinaryIO

import pytest
from crawler import Crawl, crawl
from sitecorpus import make_project, mkdocs_build

PREFIX = "/viet-lao-digest/"


class _SubPathHandler(SimpleHTTPRequestHandler):
    """Serves `directory` under PREFIX only, 404 elsewhere; quiet."""

    def send_head(self) -> BytesIO | BinaryIO | None:
        if not self.path.startswith(PREFIX):
            self.send_error(404, "outside the site")
            return None
        return super().send_head()

    def translate_path(self, path: str) -> str:
        return super().translate_path("/" + path.removeprefix(PREFIX))

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve(root: Path) -> Iterator[str]:
    """`root` on http://127.0.0.1:<free port>/viet-lao-digest/ for the duration of the block."""
    handler = functools.partial(_SubPathHandler, directory=str(root))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{PREFIX}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def check(root: Path, *more: str) -> tuple[Crawl, str]:
    """Crawl the site in `root` from its home page (and the pages in `more`, relative to it)."""
    with serve(root) as url:
        return crawl(url, *(url + page for page in more)), url


BROKEN_SITE = {
    "index.html": """<!doctype html><html><head><title>t</title>
<link rel="stylesheet" href="assets/ok.css"><link rel="stylesheet" href="assets/missing.css">
<script src="assets/missing.js"></script></head><body>
<h2 id="here">Here</h2>
<a href="page/">ok</a> <a href="page/#there">ok anchor</a> <a href="#here">ok local</a>
<a href="page/#nowhere">broken anchor</a> <a href="gone/">broken page</a>
<a href="/viet-lao-digest-elsewhere/">root-absolute</a> <img src="img/ok.png" alt="">
<a href="javascript:alert(1)">script</a>
<a href="https://example.invalid/x">external, not fetched</a>
</body></html>""",
    "page/index.html": '<!doctype html><html><head><title>p</title></head><body><p id="there">x</p></body></html>',
    "assets/ok.css": "body { background: url('missing.png'); } h1 { background: url(../img/ok.png); }",
    "img/ok.png": "not really a PNG",
}


def test_the_crawler_finds_each_kind_of_broken_link(tmp_path: Path) -> None:
    root = tmp_path / "site"
    for name, text in BROKEN_SITE.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    result, url = check(root)
    host = url.removesuffix(PREFIX)
    assert result.broken() == sorted(
        [
            f"{host}/viet-lao-digest-elsewhere/ in {url}: HTTP 404",  # root-absolute: not under the sub-path
            f"{url}assets/missing.css in {url}: HTTP 404",
            f"{url}assets/missing.js in {url}: HTTP 404",
            f"{url}assets/missing.png in {url}assets/ok.css: HTTP 404",  # a url() in a stylesheet
            f"{url}gone/ in {url}: HTTP 404",
            f"{url}page/#nowhere in {url}: no element with id 'nowhere'",
            f"javascript:alert(1) in {url}: javascript: URL",
        ]
    )
    assert result.external == {"https://example.invalid/x"}  # counted, never fetched
    assert result.anchors == 3  # page/#there, #here, page/#nowhere


@pytest.fixture(scope="module")
def corpus_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = make_project(tmp_path_factory.mktemp("links"))
    return mkdocs_build(work, {"SITE_URL": f"https://example.github.io{PREFIX}"})


@pytest.mark.e2e
def test_published_site_has_no_broken_link_under_a_sub_path(corpus_site: Path) -> None:
    result, _ = check(corpus_site, "404.html")  # the 404 page is linked from nowhere: start there too
    assert result.broken() == []
    pages = set(result.ids)
    html_files = list(corpus_site.rglob("*.html"))
    print(
        f"links: {len(result.refs)} references from {len(result.status)} URLs fetched "
        f"({len(pages)} pages, {len(html_files)} HTML files), {result.anchors} anchors checked, "
        f"{len(result.external)} external not fetched, 0 broken"
    )
    assert len(pages) >= len(html_files)  # every page reached from the home page
    assert result.anchors > 0


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: dict[str, str] = {}
        self._open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self._open:
            del self._open[self._open.index(tag) :]

    def handle_data(self, data: str) -> None:
        for tag in self._open:
            self.text[tag] = self.text.get(tag, "") + data


@pytest.mark.e2e
def test_built_pages_carry_no_markup_from_seeds(corpus_site: Path) -> None:
    """The hostile seed through the real theme: its title in <title>, <h1> and the nav as text."""
    [page] = (corpus_site / "bai-viet").glob("*-script-alert-1-script-*/index.html")
    parser = _Tags()
    parser.feed(page.read_text(encoding="utf-8"))
    title = "<script>alert(1)</script> Quan hệ **đặc biệt** & {{ x }}"
    assert title in parser.text["title"] and title in parser.text["h1"]
    assert "[bấm](javascript:alert(1)) <img src=x onerror=alert(2)> &amp;." in parser.text["article"]
    assert [t for t, a in parser.tags if t == "img"] == []
    assert [(t, n) for t, a in parser.tags for n in a if n.startswith("on")] == []
    assert [a["href"] for _, a in parser.tags if (a.get("href") or "").strip().lower().startswith("javascript:")] == []
    assert "alert" not in "".join(parser.text.get("script", ""))
    authors = [a.get("content") for t, a in parser.tags if t == "meta" and a.get("name") == "author"]
    assert authors == ['Ngọc Ánh"><script>alert(3)</script>']  # the curated author, as text
