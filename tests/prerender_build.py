"""Test helper, run as a script: `mkdocs build --strict` of a project with pages handed out or not.

`python prerender_build.py PROJECT SITE_DIR MIN_PAGES [CASE]` builds in a process of its own
(the test process may run threads, and no pages are handed out where threads run), with
`prerender.MIN_PAGES` set and the change named by CASE made (CASES). It prints the number of
pages handed out on stdout and MkDocs' log on stderr; exit status 1 if the build aborted.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.structure.pages import Page

from generator import prerender

PARENT = os.getpid()
CHILD_TEXT = "CHỈ TRONG TIẾN TRÌNH CON"


def in_child() -> bool:
    return os.getpid() != PARENT


def child_dies() -> None:
    render_pages = prerender.render_pages

    def dies(*args: Any) -> Any:
        if in_child():
            os._exit(3)
        return render_pages(*args)

    prerender.render_pages = dies  # type: ignore[assignment]


def child_renders_none() -> None:
    render_pages = prerender.render_pages
    prerender.render_pages = lambda *args: {} if in_child() else render_pages(*args)  # as if every page failed


def child_reads_other() -> None:
    read_source = Page.read_source

    def other(page: Page, config: MkDocsConfig) -> None:
        read_source(page, config)
        if in_child():
            page.markdown = f"{page.markdown}\n\n{CHILD_TEXT}\n"

    Page.read_source = other  # type: ignore[method-assign,assignment]


def plugin_edits_markdown() -> None:
    hand_out = prerender.hand_out

    def with_plugin(config: MkDocsConfig, files: Any) -> int:
        config.plugins.events["page_markdown"].append(lambda markdown, **kwargs: markdown)
        return hand_out(config, files)

    prerender.hand_out = with_plugin


def thread_runs() -> None:
    threading.Thread(target=threading.Event().wait, daemon=True).start()


CASES: dict[str, Callable[[], None]] = {
    "plain": lambda: None,
    "child-dies": child_dies,
    "child-renders-none": child_renders_none,
    "child-reads-other": child_reads_other,
    "plugin-edits-markdown": plugin_edits_markdown,
    "thread-runs": thread_runs,
    "library-logging": lambda: None,  # MkDocs' logger left to propagate, as where MkDocs is a library
}


def main(project: Path, site_dir: Path, min_pages: int, case: str = "plain") -> int:
    handler = logging.StreamHandler(sys.stderr)
    handler.setLevel(logging.WARNING)
    if case == "library-logging":
        logging.getLogger().addHandler(handler)
    else:
        logging.getLogger("mkdocs").addHandler(handler)
        logging.getLogger("mkdocs").propagate = False  # as MkDocs' command line sets it
    prerender.MIN_PAGES = min_pages
    CASES[case]()
    handed: list[int] = []
    hand_out = prerender.hand_out

    def counted(config: MkDocsConfig, files: Any) -> int:
        handed.append(hand_out(config, files))
        return handed[-1]

    prerender.hand_out = counted
    os.chdir(project)
    try:
        build(load_config(str(project / "mkdocs.yml"), site_dir=str(site_dir), strict=True))
    except Abort as exc:
        print(exc, file=sys.stderr)
        return 1
    finally:
        print(sum(handed))
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3]), *sys.argv[4:]))
