"""The built site works wherever GitHub Pages serves it: under `/<repo>/` and at a domain's root.

`site/` is served by a tiny HTTP server on 127.0.0.1 under a mount path, as GitHub Pages does
(a missing URL gets `404.html` with status 404). Every page must load, and so must everything
it refers to: pages it links, stylesheets, scripts, images, and the search assets. Links must
be relative, so one build works under any mount; the exception is `404.html`, which GitHub
Pages serves at any depth and whose links MkDocs therefore makes absolute from SITE_URL's path.
"""

from __future__ import annotations

import functools
import posixpath
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest
from sitecheck import Page, is_internal, is_root_absolute, parse, site_files

HOST = "127.0.0.1"
SERVER_SECONDS = 120  # the server stops by itself after this, whatever happens to the test
REQUEST_SECONDS = 10
NOT_FOUND_PAGE = "404.html"
MISSING = "khong-co/trang-nay/"  # a URL with no page behind it, two levels deep
MATERIAL_SEARCH_INDEX = "search/search_index.json"  # fetched by the worker from `base`
VL_SEARCH = "vl-search.js"  # the header search box's script (overrides/assets/javascripts)
SEARCH_INDEX = "tim-kiem/index.json"  # fetched by vl-search.js from the site's base


class MountedSite(SimpleHTTPRequestHandler):
    """`site/` under `mount`; anything else, or a missing file, is a 404 with `404.html`."""

    mount = "/"

    def translate_path(self, path: str) -> str:
        path = urlsplit(path).path
        if not (path + "/").startswith(self.mount):
            return str(Path(self.directory) / "\0outside-the-mount")
        return super().translate_path("/" + path[len(self.mount) :])

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / NOT_FOUND_PAGE
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def serve(built_site: Path) -> Iterator[Any]:
    """Start a server for `site/` under a mount path; returns its base URL. Stopped after the test."""
    servers: list[ThreadingHTTPServer] = []

    def start(mount: str) -> str:
        handler = type("Handler", (MountedSite,), {"mount": mount})
        server = ThreadingHTTPServer((HOST, 0), functools.partial(handler, directory=str(built_site)))
        servers.append(server)
        threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True).start()
        timer = threading.Timer(SERVER_SECONDS, server.shutdown)
        timer.daemon = True
        timer.start()
        return f"http://{HOST}:{server.server_address[1]}{mount}"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


_opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # 127.0.0.1 directly


def fetch(url: str) -> tuple[int, bytes]:
    assert urlsplit(url).hostname == HOST, url
    try:
        with _opener.open(url, timeout=REQUEST_SECONDS) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def site_url_of(site: Path) -> str:
    [canonical] = [r.url for r in parse((site / "index.html").read_text(encoding="utf-8")).refs if r.rel == "canonical"]
    return canonical


def page_url(base: str, rel: str) -> str:
    """The URL GitHub Pages serves a file at (`x/index.html` as `x/`)."""
    if rel == "index.html" or rel.endswith("/index.html"):
        rel = rel[: -len("index.html")]
    return base + rel


def search_assets(page: Page, url: str) -> list[str]:
    """What the page's search needs: Material's worker and index (if its search box is on the
    page: Material names the worker in every page's config), the header search box's index."""
    assets = []
    config = page.config
    if config.get("search") and "search" in page.components:
        assets.append(urljoin(url, str(config["search"])))
        base = str(config.get("base", "."))
        assets.append(urljoin(url, posixpath.join(base, MATERIAL_SEARCH_INDEX)))
    for ref in page.refs:
        name = posixpath.basename(urlsplit(ref.url).path)
        if ref.tag == "script" and name == VL_SEARCH:  # loads tim-kiem/ from the site's base
            assets.append(urljoin(url, posixpath.join(str(config.get("base", ".")), SEARCH_INDEX)))
    return assets


def references(page: Page, url: str) -> list[str]:
    """Every URL of this site the page makes the browser load or link to, without fragments."""
    found = [urljoin(url, r.url) for r in page.refs if is_internal(r.url)]
    found += search_assets(page, url)
    return sorted({urldefrag(u).url for u in found})


def non_relative_links(page: Page, site_url: str) -> list[str]:
    """Links that tie the page to one mount path: root-absolute, or absolute to the site itself."""
    return [
        r.url for r in page.refs if is_root_absolute(r.url) or (r.url.startswith(site_url) and r.rel != "canonical")
    ]


@pytest.mark.e2e
@pytest.mark.parametrize("mount", ["SITE_URL", "/", "/ban-sao-khac/"], ids=["site-url-path", "root", "other-repo"])
def test_pages_assets_and_search_load_under_any_mount(built_site: Path, serve: Any, mount: str) -> None:
    site_url = site_url_of(built_site)
    if mount == "SITE_URL":
        mount = urlsplit(site_url).path
    base = serve(mount)
    pages = [rel for rel in site_files(built_site) if rel.endswith(".html") and rel != NOT_FOUND_PAGE]
    assert "index.html" in pages

    wanted: dict[str, str] = {}  # URL → the page that refers to it
    problems = []
    for rel in pages:
        url = page_url(base, rel)
        status, body = fetch(url)
        assert status == 200, url
        page = parse(body.decode("utf-8"))
        problems += [f"{rel}: not relative: {link}" for link in non_relative_links(page, site_url)]
        for ref in references(page, url):
            wanted.setdefault(ref, rel)
    for url, referrer in wanted.items():
        status, _ = fetch(url)
        if status != 200:
            problems.append(f"{referrer}: {url} → {status}")
    assert problems == []

    loaded = {urlsplit(u).path.rsplit(".", 1)[-1] for u in wanted}
    assert {"css", "js"} <= loaded, "no stylesheet or script was checked"
    assert any(u.endswith(MATERIAL_SEARCH_INDEX) or u.endswith(SEARCH_INDEX) for u in wanted), "no search index"


@pytest.mark.e2e
def test_not_found_page_loads_its_assets_at_any_depth(built_site: Path, serve: Any) -> None:
    """GitHub Pages answers a missing URL with 404.html; its links come from SITE_URL's path."""
    base = serve(urlsplit(site_url_of(built_site)).path)
    url = base + MISSING
    status, body = fetch(url)
    assert (status, body) == (404, (built_site / NOT_FOUND_PAGE).read_bytes())
    refs = references(parse(body.decode("utf-8")), url)
    assert any(r.endswith(".css") for r in refs)
    assert [(r, s) for r in refs if (s := fetch(r)[0]) != 200] == []
