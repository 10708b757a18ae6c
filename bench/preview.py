"""Live preview: seconds from saving a seed to `make serve` serving the edit on two pages.

`make serve` runs in the workspace's copy of the project on a free local port. Once the first
build is served, the benchmark edits a seed's lede (the lede is the summary, so the edit shows
on the article and on its year page), then polls both pages until both contain the edit. The
browser's live-reload script asks the server the same question (has the site been rebuilt?)
and reloads then, so this is the wait a writer sees, give or take the page load.
"""

from __future__ import annotations

import os
import signal
import socket
import statistics
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import yaml

from bench.corpus import edit_seed
from bench.projects import ENV, Workspace
from generator.data import load_data

POLL = 0.05
START_TIMEOUT = 1800.0
EDIT_TIMEOUT = 120.0
SETTLE = 1.5  # after an edit is served, let the builds it started finish before the next


@dataclass(frozen=True)
class Preview:
    seconds: tuple[float, ...]  # one per edit

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.read().decode("utf-8", "replace")
    except (urllib.error.URLError, OSError):
        return ""


def wait_for(condition, timeout: float, what: str) -> float:
    start = time.perf_counter()
    while not condition():
        if time.perf_counter() - start > timeout:
            raise TimeoutError(f"{what}: not seen after {timeout:.0f} s")
        time.sleep(POLL)
    return time.perf_counter() - start


def target_seed(ws: Workspace) -> tuple[Path, str, str]:
    """A dated seed with a lede: its path, its article's URL path and its year page's URL path."""
    for page in ws.article_pages():
        meta = yaml.safe_load(page.read_text(encoding="utf-8").split("---\n", 2)[1])
        if "year" in meta:
            return ws.project / "seeds" / meta["seed"], f"bai-viet/{page.stem}/", f"nam/{meta['year']}/"
    raise LookupError("no dated article")


def measure(ws: Workspace, edits: int = 3) -> Preview:
    """Start `make serve`, edit one seed `edits` times, and stop the server."""
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    seed, article, year = target_seed(ws)
    data = load_data(ws.project / "data")
    log = (ws.root / "serve.log").open("w")
    server = subprocess.Popen(
        ws.make("serve", f"DEV_ADDR=127.0.0.1:{port}"),
        cwd=ws.project,
        env={**os.environ, **ENV, "SITE_URL": base},  # served at / rather than the deployed path
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,  # its own process group: make, mkdocs and any worker stop together
    )
    try:
        wait_for(lambda: server.poll() is not None or bool(fetch(base + article)), START_TIMEOUT, "first build")
        if server.poll() is not None:
            raise RuntimeError(f"make serve exited {server.returncode}; see {log.name}")
        time.sleep(SETTLE)
        seconds = []
        for i in range(edits):
            marker = f"BENCHEDIT{i}X{time.time_ns() % 10**6}"
            edit_seed(seed, marker, data)
            seconds.append(
                wait_for(
                    lambda m=marker: m in fetch(base + article) and m in fetch(base + year),
                    EDIT_TIMEOUT,
                    f"edit {marker} on {article} and {year}",
                )
            )
            time.sleep(SETTLE)
        return Preview(tuple(seconds))
    finally:
        os.killpg(server.pid, signal.SIGINT)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
        log.close()
