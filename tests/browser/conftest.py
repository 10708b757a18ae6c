"""Browser fixtures: the built site served on 127.0.0.1, Debian's Chromium driven by Playwright.

Every page a test opens goes through `reader`, which fails the test on a console error, an
uncaught exception, a dialog (alert/confirm/prompt) or a request to any host but 127.0.0.1
(such requests are also blocked, so a test never waits on the closed network).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import (
    Browser,
    BrowserContext,
    ConsoleMessage,
    Dialog,
    Page,
    Route,
    ViewportSize,
    sync_playwright,
)

from .browserkit import DESKTOP, LAUNCH_ARGS, chromium_path, serve

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
SCREENSHOTS = ARTIFACTS / "screenshots"
TIMEOUT_MS = 15_000


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    path = chromium_path()
    if not os.access(path, os.X_OK):
        pytest.fail(f"Chromium not found at {path}: run `make test` (installs it) or `apt-get install chromium`")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=path, args=LAUNCH_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """The repository's seeds, built once (`built_site`), served at the root of 127.0.0.1:<port>."""
    with serve(built_site) as url:
        yield url


@dataclass
class Trouble:
    """What a reader should never meet: collected while the page lives, checked at the end."""

    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    foreign_requests: list[str] = field(default_factory=list)

    def problems(self) -> list[str]:
        return [
            *(f"console error: {m}" for m in self.console_errors),
            *(f"uncaught exception: {m}" for m in self.page_errors),
            *(f"dialog opened: {m}" for m in self.dialogs),
            *(f"request to another host: {u}" for u in self.foreign_requests),
        ]


def watch(context: BrowserContext, trouble: Trouble) -> None:
    def route(r: Route) -> None:
        host = urlsplit(r.request.url).hostname
        if r.request.url.startswith(("data:", "blob:")) or host == "127.0.0.1":
            r.continue_()
        else:
            trouble.foreign_requests.append(r.request.url)
            r.abort()

    def on_dialog(d: Dialog) -> None:
        trouble.dialogs.append(f"{d.type}: {d.message}")
        d.dismiss()

    def on_console(m: ConsoleMessage) -> None:
        if m.type == "error":
            trouble.console_errors.append(f"{m.text} ({m.location.get('url', '')})")

    context.route("**/*", route)
    context.on("dialog", on_dialog)
    context.on("console", on_console)
    context.on("weberror", lambda e: trouble.page_errors.append(str(e.error)))


Reader = Callable[..., Page]


def open_page(browser: Browser, url: str, viewport: ViewportSize = DESKTOP) -> tuple[Page, Trouble]:
    """A fresh page (own context, cold cache) at `url`, watched for trouble."""
    context = browser.new_context(viewport=viewport, locale="vi-VN")
    context.set_default_timeout(TIMEOUT_MS)
    trouble = Trouble()
    watch(context, trouble)
    page = context.new_page()
    page.goto(url)
    return page, trouble


@pytest.fixture
def reader(browser: Browser) -> Iterator[Reader]:
    """`reader(url, viewport=DESKTOP)`: opens a fresh page; the test fails if any met trouble."""
    opened: list[tuple[Page, Trouble]] = []

    def open_(url: str, viewport: ViewportSize = DESKTOP) -> Page:
        opened.append(open_page(browser, url, viewport))
        return opened[-1][0]

    yield open_
    problems = [p for _, trouble in opened for p in trouble.problems()]
    for page, _ in opened:
        page.context.close()
    assert not problems, "\n".join(problems)


@pytest.fixture(scope="session")
def screenshots() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS
