"""What the browser tests share: building a site from seeds, serving it on 127.0.0.1, Chromium.

Also used by bench/search_budget.py, so it has no pytest fixtures (those are in conftest.py).
"""

from __future__ import annotations

import contextlib
import functools
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from playwright.sync_api import Page, Request, ViewportSize
from projectcopy import copy_renderer

ROOT = Path(__file__).resolve().parents[2]
# Debian's Chromium; Playwright never downloads a browser of its own here.
DEFAULT_CHROMIUM = "/usr/bin/chromium"
LAUNCH_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
DESKTOP: ViewportSize = {"width": 1280, "height": 800}
PHONE: ViewportSize = {"width": 390, "height": 844}


def chromium_path() -> str:
    return os.environ.get("CHROMIUM", DEFAULT_CHROMIUM)


def build_site(work: Path, seeds: dict[str, str]) -> Path:
    """The project (data, generator, theme overrides, mkdocs.yml) with these seeds, built into `work/site`."""
    (work / "seeds").mkdir(parents=True)
    for name, text in seeds.items():
        (work / "seeds" / name).write_text(text, encoding="utf-8")
    copy_renderer(work)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    gen = subprocess.run(
        [sys.executable, "-m", "generator"], cwd=work, env=env, capture_output=True, text=True, check=False
    )
    if gen.returncode != 0:
        raise RuntimeError(f"generator failed:\n{gen.stdout}\n{gen.stderr}")
    mkdocs = Path(sys.executable).parent / "mkdocs"
    built = subprocess.run(
        [str(mkdocs), "build", "--strict"], cwd=work, env=env, capture_output=True, text=True, check=False
    )
    if built.returncode != 0:
        raise RuntimeError(f"mkdocs build failed:\n{built.stderr}")
    return work / "site"


class _Handler(SimpleHTTPRequestHandler):
    """Static files; with a prefix, the site answers only under it, as on GitHub Pages. With
    `not_found_page`, a missing file is answered with `404.html` and status 404, as GitHub Pages
    answers at any depth."""

    prefix = ""
    not_found_page = False

    def translate_path(self, path: str) -> str:
        if self.prefix:
            if not path.startswith(self.prefix + "/"):
                return str(Path(self.directory) / "\0not-found")
            path = path[len(self.prefix) :]
        return super().translate_path(path)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        if code != 404 or not self.not_found_page:
            super().send_error(code, message, explain)
            return
        body = (Path(self.directory) / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def serve(site: Path, prefix: str = "", *, not_found_page: bool = False) -> Iterator[str]:
    """Serve `site` on 127.0.0.1 at a free port; yields the base URL (no trailing slash)."""
    handler = type("Handler", (_Handler,), {"prefix": prefix.rstrip("/"), "not_found_page": not_found_page})
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix.rstrip('/')}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


class Traffic:
    """Every request a page makes from now on, with the body bytes of those that finished.

    `settle()` waits until none is in flight and none starts for a while: Playwright's
    "networkidle" state resolves at once when the page reached it before, so it cannot tell.
    """

    def __init__(self, page: Page) -> None:
        self.page = page
        self.started: list[str] = []
        self.finished: list[tuple[str, bytes]] = []
        self.failed: list[str] = []
        page.on("request", lambda r: self.started.append(r.url))
        page.on("requestfinished", lambda r: self.finished.append((r.url, self._body(r))))
        page.on("requestfailed", lambda r: self.failed.append(r.url))

    @staticmethod
    def _body(request: Request) -> bytes:
        response = request.response()
        return response.body() if response else b""

    def settle(self, quiet_ms: int = 300, step_ms: int = 50, limit_ms: int = 15_000) -> None:
        quiet = waited = 0
        while quiet < quiet_ms:
            seen = len(self.started)
            self.page.wait_for_timeout(step_ms)
            waited += step_ms
            done = len(self.finished) + len(self.failed) == len(self.started) == seen
            quiet = quiet + step_ms if done else 0
            if waited > limit_ms:
                raise TimeoutError(f"requests still in flight after {limit_ms} ms: {self.started}")
