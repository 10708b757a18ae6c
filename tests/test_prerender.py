"""Markdown rendered in other processes (generator/prerender.py): MkDocs' own output, byte for byte.

The real site (shipped and hostile seeds, sitecorpus.py) is built in this process with the pages
handed out (MIN_PAGES lowered to 1) and without, and the two `site/` folders compared. Each test
checks that pages were handed out, so none passes by building twice in one process.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from sitecorpus import make_project, run

from generator import prerender

EPOCH = "1767225600"  # the sitemap's build date, the same for every build here


@pytest.mark.parametrize(
    ("costs", "n", "expected"),
    [
        ([1] * 10, 2, [(0, 5), (5, 10)]),
        ([1] * 10, 3, [(0, 3), (3, 7), (7, 10)]),
        ([100, 1, 1], 2, [(0, 1), (1, 3)]),  # one large page is a share of its own
        ([1, 1, 100], 2, [(0, 2), (2, 3)]),
        ([5], 2, [(0, 1), (1, 1)]),  # fewer pages than shares: the later ones are empty
        ([], 2, [(0, 0), (0, 0)]),
        ([1] * 4, 1, [(0, 4)]),
    ],
)
def test_shares_are_contiguous_and_about_equal(costs: list[int], n: int, expected: list[tuple[int, int]]) -> None:
    assert [(r.start, r.stop) for r in prerender.shares(costs, n)] == expected


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = make_project(tmp_path_factory.mktemp("prerender"))
    generated = run([sys.executable, "-m", "generator"], cwd=work)
    assert generated.returncode == 0, generated.stderr
    return work


SiteBuild = Callable[..., tuple[Path, int]]


@pytest.fixture
def site_build(project: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[SiteBuild]:
    """`site_build(name, min_pages, before=None)`: `mkdocs build --strict` of `project` into
    `site-<name>`, in this process (`before(config)` called as pages are handed out); the site
    folder and the number of pages handed out."""
    monkeypatch.setenv("VL_CONTENT_READY", "1")  # content/ is generated: the hook does not run the generator
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    monkeypatch.chdir(project)
    handed: list[int] = []
    hand_out = prerender.hand_out
    before: list[Callable[[MkDocsConfig], None]] = []

    def counted(config: MkDocsConfig, files: Files) -> int:
        for call in before:
            call(config)
        handed.append(hand_out(config, files))
        return handed[-1]

    monkeypatch.setattr(prerender, "hand_out", counted)

    def site(name: str, min_pages: int, call: Callable[[MkDocsConfig], None] | None = None) -> tuple[Path, int]:
        monkeypatch.setattr(prerender, "MIN_PAGES", min_pages)
        handed.clear()
        before[:] = [call] if call else []
        out = project / f"site-{name}"
        build(load_config(str(project / "mkdocs.yml"), site_dir=str(out), strict=True))
        return out, sum(handed)

    yield site


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_site_is_byte_identical_with_pages_rendered_elsewhere(site_build: SiteBuild) -> None:
    assert threading.active_count() == 1, "another thread runs: pages would not be handed out"
    serial, none = site_build("serial", 10**9)
    parallel, handed = site_build("parallel", 1)
    assert none == 0
    assert handed > 0
    a, b = snapshot(serial), snapshot(parallel)
    assert sorted(a) == sorted(b)
    assert [name for name in a if a[name] != b[name]] == []
    print(f"{len(a)} files identical; {handed} pages rendered in other processes")


BROKEN = "\n\n[hỏng](khong-co-trang-nay.md)\n"


@pytest.fixture
def broken_links(project: Path) -> Iterator[int]:
    """A link to a missing page appended to every article page (the first share and the others)."""
    pages = sorted((project / "content" / "bai-viet").glob("*.md"))
    kept = {page: page.read_bytes() for page in pages}
    for page in pages:
        page.write_bytes(kept[page] + BROKEN.encode())
    yield len(pages)
    for page, text in kept.items():
        page.write_bytes(text)


def test_warnings_from_other_processes_count_under_strict(
    site_build: SiteBuild, broken_links: int, caplog: pytest.LogCaptureFixture
) -> None:
    messages = []
    for name, min_pages in (("serial", 10**9), ("parallel", 1)):
        caplog.clear()
        with caplog.at_level(logging.WARNING), pytest.raises(Abort, match=f"Aborted with {broken_links} warnings"):
            site_build(f"broken-{name}", min_pages)
        messages.append([r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING])
    serial, parallel = messages
    assert len([m for m in serial if "khong-co-trang-nay.md" in m]) == broken_links
    assert parallel == serial  # the same warnings, in the same order


def test_a_child_that_dies_leaves_its_pages_to_the_build(
    site_build: SiteBuild, monkeypatch: pytest.MonkeyPatch
) -> None:
    parent, render_pages = os.getpid(), prerender.render_pages

    def dies_in_child(*args: object) -> object:
        if os.getpid() != parent:
            os._exit(3)
        return render_pages(*args)  # type: ignore[arg-type]

    serial, _ = site_build("serial", 10**9)
    monkeypatch.setattr(prerender, "render_pages", dies_in_child)
    parallel, handed = site_build("child-died", 1)
    assert handed > 0
    assert snapshot(parallel) == snapshot(serial)


def test_pages_a_child_could_not_render_are_rendered_by_the_build(
    site_build: SiteBuild, monkeypatch: pytest.MonkeyPatch
) -> None:
    parent = os.getpid()
    render_pages = prerender.render_pages

    def none_in_child(*args: object) -> object:  # as if every page had failed there
        return {} if os.getpid() != parent else render_pages(*args)  # type: ignore[arg-type]

    serial, _ = site_build("serial", 10**9)
    monkeypatch.setattr(prerender, "render_pages", none_in_child)
    parallel, handed = site_build("none-rendered", 1)
    assert handed > 0
    assert snapshot(parallel) == snapshot(serial)


def test_a_page_whose_markdown_changed_is_rendered_again(
    site_build: SiteBuild, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What a child rendered is used only for the Markdown the build itself read."""
    parent, read_source = os.getpid(), Page.read_source

    def read_other_in_child(page: Page, config: object) -> None:
        read_source(page, config)  # type: ignore[arg-type]
        if os.getpid() != parent:
            page.markdown = f"{page.markdown}\n\nCHỈ TRONG TIẾN TRÌNH CON\n"

    serial, _ = site_build("serial", 10**9)
    monkeypatch.setattr(Page, "read_source", read_other_in_child)
    parallel, handed = site_build("changed", 1)
    assert handed > 0
    pages = snapshot(parallel)
    assert not any(b"TI\xe1\xba\xbeN TR\xc3\x8cNH CON" in text for text in pages.values())
    assert pages == snapshot(serial)


def test_nothing_is_handed_out_where_output_could_differ(site_build: SiteBuild) -> None:
    def edits_markdown(config: MkDocsConfig) -> None:  # a plugin the children would not run
        config.plugins.events["page_markdown"].append(lambda markdown, **kwargs: markdown)

    _, handed = site_build("plugin", 1, edits_markdown)
    assert handed == 0
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        _, handed = site_build("thread", 1)  # another thread runs: forking is not safe
    finally:
        stop.set()
        other.join()
    assert handed == 0
    _, handed = site_build("control", 1)
    assert handed > 0
