"""Markdown rendered in other processes (generator/prerender.py): MkDocs' own output, byte for byte.

The real site (shipped and hostile seeds, sitecorpus.py) is built with the pages handed out
(MIN_PAGES lowered to 1) and without, each build in a process of its own (prerender_build.py),
and the two `site/` folders compared. Each test checks how many pages were handed out, so none
passes by building twice the same way.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import snapshot
from mkdocs.structure.files import File
from prerender_build import CHILD_TEXT
from sitecorpus import make_project, run

from generator import prerender

HERE = Path(__file__).resolve().parent
EPOCH = "1767225600"  # the sitemap's build date, the same for every build here
SERIAL = 10**9  # MIN_PAGES: nothing handed out
# content/ is generated before: the hook does not run the generator; the sitemap's date is fixed
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "VL_CONTENT_READY": "1", "SOURCE_DATE_EPOCH": EPOCH}


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


@pytest.mark.parametrize(
    ("text", "links"),
    [
        ("Hai bên nhất trí.", 0),
        ("[Kinh tế](../chu-de/kinh-te.md), [Quốc phòng](../chu-de/quoc-phong.md)", 2),
        ("- [Năm 2024](../nam/2024.md)\n", 1),
        ("](", 1),
    ],
)
def test_a_pages_cost_is_its_size_and_its_links(text: str, links: int, tmp_path: Path) -> None:
    (tmp_path / "x.md").write_text(text, encoding="utf-8")
    page = File("x.md", src_dir=str(tmp_path), dest_dir=str(tmp_path / "site"), use_directory_urls=True)
    assert prerender.cost(page) == len(text.encode()) + links * prerender.LINK_COST
    assert prerender.cost(File("gone.md", str(tmp_path), str(tmp_path / "site"), True)) == 0  # the build reports it


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = make_project(tmp_path_factory.mktemp("prerender"))
    generated = run([sys.executable, "-m", "generator"], cwd=work)
    assert generated.returncode == 0, generated.stderr
    return work


def site_build(project: Path, name: str, min_pages: int, case: str = "plain") -> tuple[Path, int, str]:
    """`mkdocs build --strict` into `site-<name>` (prerender_build.py): the site folder, the
    number of pages handed out, and the log (empty unless the build aborted)."""
    out = project / f"site-{name}"
    result = subprocess.run(
        [sys.executable, str(HERE / "prerender_build.py"), str(project), str(out), str(min_pages), case],
        env={**ENV, "PYTHONPATH": str(HERE.parent)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode in (0, 1), result.stderr
    return out, int(result.stdout.split()[-1]), result.stderr if result.returncode else ""


@pytest.fixture(scope="module")
def serial(project: Path) -> dict[str, bytes]:
    site, handed, log = site_build(project, "serial", SERIAL)
    assert (handed, log) == (0, "")
    return snapshot(site)


def test_site_is_byte_identical_with_pages_rendered_elsewhere(project: Path, serial: dict[str, bytes]) -> None:
    site, handed, log = site_build(project, "parallel", 1)
    assert log == ""
    assert handed > 0
    parallel = snapshot(site)
    assert sorted(parallel) == sorted(serial)
    assert [name for name in serial if serial[name] != parallel[name]] == []
    print(f"{len(serial)} files identical; {handed} pages rendered in other processes")


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


@pytest.mark.parametrize("case", ["plain", "library-logging"])
def test_warnings_from_other_processes_count_under_strict(project: Path, broken_links: int, case: str) -> None:
    _, none, serial_log = site_build(project, "broken-serial", SERIAL, case)
    _, handed, parallel_log = site_build(project, "broken-parallel", 1, case)
    assert (none, handed > 0) == (0, True)
    assert serial_log.count("contains a link 'khong-co-trang-nay.md'") == broken_links
    assert f"Aborted with {broken_links} warnings in strict mode!" in serial_log
    assert parallel_log == serial_log  # the same warnings, in the same order


@pytest.mark.parametrize(
    "case",
    [
        "child-dies",  # its pages are rendered by the build, as usual
        "child-renders-none",  # as if every page had failed there
        "child-reads-other",  # what a child rendered is used only for the Markdown the build read
    ],
)
def test_the_build_renders_what_no_child_rendered_right(project: Path, serial: dict[str, bytes], case: str) -> None:
    site, handed, log = site_build(project, case, 1, case)
    assert (handed > 0, log) == (True, "")
    parallel = snapshot(site)
    assert not any(CHILD_TEXT.encode() in text for text in parallel.values())
    assert parallel == serial


@pytest.mark.parametrize("case", ["plugin-edits-markdown", "thread-runs"])
def test_nothing_is_handed_out_where_output_could_differ(project: Path, serial: dict[str, bytes], case: str) -> None:
    site, handed, log = site_build(project, case, 1, case)
    assert (handed, log) == (0, "")
    assert snapshot(site) == serial
