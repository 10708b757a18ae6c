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
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}


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
    """Static files; with a prefix, the site answers only under it, as on GitHub Pages."""

    prefix = ""

    def translate_path(self, path: str) -> str:
        if self.prefix:
            if not path.startswith(self.prefix + "/"):
                return str(Path(self.directory) / "\0not-found")
            path = path[len(self.prefix) :]
        return super().translate_path(path)

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def serve(site: Path, prefix: str = "") -> Iterator[str]:
    """Serve `site` on 127.0.0.1 at a free port; yields the base URL (no trailing slash)."""
    handler = type("Handler", (_Handler,), {"prefix": prefix.rstrip("/")})
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix.rstrip('/')}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
