"""The writer's kept staging tree (generator/output.py): whatever state the tree beside `content/`
is in, a write leaves `content/` exactly as wanted, never changes a file of the output before it,
and links only the files that changed since the run before."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import snapshot

from generator import output
from generator.output import MANIFEST, STAGING_SUFFIX, write_content

FILES = 60


def files(version: int, changed: range = range(0)) -> dict[str, bytes]:
    """Generated pages, in a folder and at the top; those in `changed` carry `version`."""
    made = {}
    for i in range(FILES):
        at = version if i in changed else 0
        made[f"bai-viet/p{i:02d}.md" if i % 3 else f"trang-{i:02d}.md"] = f"trang {i} bản {at}\n".encode()
    return made


def _stale(staging: Path, content: Path) -> None:
    """Other bytes at the same paths, and entries content/ does not have."""
    shutil.copytree(content, staging)
    for path in sorted(staging.rglob("*.md"))[::2]:
        path.unlink()
        path.write_bytes(b"stale\n")
    (staging / "thua").mkdir()
    (staging / "thua" / "x.md").write_bytes(b"x")
    (staging / "thua.md").write_bytes(b"y")


def _folder_for_file(staging: Path, content: Path) -> None:
    shutil.copytree(content, staging, copy_function=os.link)
    (staging / "trang-00.md").unlink()
    (staging / "trang-00.md").mkdir()
    (staging / "trang-00.md" / "a.md").write_bytes(b"a")


def _file_for_folder(staging: Path, content: Path) -> None:
    shutil.copytree(content, staging, copy_function=os.link)
    shutil.rmtree(staging / "bai-viet")
    (staging / "bai-viet").write_bytes(b"not a folder")


def _a_file(staging: Path, content: Path) -> None:
    staging.write_bytes(b"not a folder")


def _link_to_content(staging: Path, content: Path) -> None:
    staging.symlink_to(content, target_is_directory=True)


def _half_linked(staging: Path, content: Path) -> None:
    """As a run stopped while linking leaves it: some of content/'s files, linked."""
    for path in sorted(content.rglob("*.md"))[: FILES // 2]:
        target = staging / path.relative_to(content)
        target.parent.mkdir(parents=True, exist_ok=True)
        os.link(path, target)


STATES: dict[str, Callable[[Path, Path], None]] = {
    "stale bytes and extra entries": _stale,
    "a folder where a file is": _folder_for_file,
    "a file where a folder is": _file_for_folder,
    "a file": _a_file,
    "a symlink to content/": _link_to_content,
    "half linked": _half_linked,
}


@pytest.mark.parametrize("state", STATES)
def test_a_staging_tree_in_any_state_gives_the_wanted_output(tmp_path: Path, state: str) -> None:
    content, before = tmp_path / "content", tmp_path / "before"
    write_content(content, files(1))
    shutil.rmtree(content.with_name(f".content{STAGING_SUFFIX}"))
    (content / "gioi-thieu.md").write_bytes(b"hand-written\n")
    shutil.copytree(content, before, copy_function=os.link)  # the same inodes as content/'s files
    old = snapshot(before)
    STATES[state](content.with_name(f".content{STAGING_SUFFIX}"), content)
    wanted = files(2, changed=range(0, FILES, 4))
    write_content(content, wanted)
    got = snapshot(content)
    assert got == {**wanted, "gioi-thieu.md": b"hand-written\n", MANIFEST: got[MANIFEST]}
    assert snapshot(before) == old  # no file of the output before was written through a link
    assert snapshot(content.with_name(f".content{STAGING_SUFFIX}")) == old  # the next run's starting point


def test_a_write_links_only_what_changed_since_the_run_before(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    content = tmp_path / "content"
    write_content(content, files(1))
    write_content(content, files(2, changed=range(0, 10)))  # the staging tree now holds version 1
    links: list[str] = []
    real_link = os.link

    def counting_link(src: str, dst: str) -> None:
        links.append(os.path.relpath(dst, content.with_name(f".content{STAGING_SUFFIX}")))
        real_link(src, dst)

    monkeypatch.setattr(output.os, "link", counting_link)
    third = files(3, changed=range(0, 10)) | {"moi.md": b"new\n"}
    write_content(content, third)
    # The tree held the first output: its pages 10 and on are content/'s files, and pages 0-9
    # change again, so they are written: nothing is linked.
    assert links == []
    write_content(content, third | {"trang-57.md": b"x\n"})
    # The tree held the second output: its pages 0-9 are not content/'s files (the third run
    # wrote them anew), and it lacks moi.md: those are linked again; trang-57.md is written.
    assert sorted(links) == sorted([*list(files(1))[:10], "moi.md"])


@pytest.mark.parametrize("kept", [0, 1], ids=["folder emptied", "one page kept"])
def test_removing_many_pages_looks_at_their_folder_a_few_times(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kept: int
) -> None:
    content = tmp_path / "content"
    pages = {f"bai-viet/{year}/p{i:03d}.md": b"x\n" for year in (2023, 2024) for i in range(150)}
    write_content(content, pages | {"trang.md": b"t\n"})
    listed: dict[str, int] = {}

    def counting(real: Callable[..., object]) -> Callable[..., object]:
        def listing(path: str | os.PathLike[str] = ".") -> object:
            folder = os.path.relpath(path, tmp_path)
            listed[folder] = listed.get(folder, 0) + 1
            return real(path)

        return listing

    monkeypatch.setattr(os, "listdir", counting(os.listdir))
    monkeypatch.setattr(os, "scandir", counting(os.scandir))
    wanted = dict(list(pages.items())[:kept]) | {"trang.md": b"t\n"}
    write_content(content, wanted)
    monkeypatch.undo()
    assert {path for path in snapshot(content) if path != MANIFEST} == set(wanted)
    folders = {str(f.relative_to(content)) for f in content.rglob("*") if f.is_dir()}
    assert folders == ({"bai-viet", "bai-viet/2023"} if kept else set())  # emptied folders gone
    assert max(listed.values()) <= 3, listed  # 150 pages removed per folder: not 150 listings


def test_a_write_opens_only_the_files_that_are_there_and_makes_each_folder_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    content = tmp_path / "content"
    write_content(content, {"nam/2024.md": b"old\n"})
    opened: list[str] = []
    made: list[str] = []
    real_current, real_makedirs = output._current, os.makedirs

    def reading(path: Path) -> bytes | None:
        opened.append(path.relative_to(content).as_posix())
        return real_current(path)

    def making(path: str, *args: object, **kwargs: object) -> None:
        made.append(os.path.relpath(path, tmp_path))
        real_makedirs(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(output, "_current", reading)
    monkeypatch.setattr(output.os, "makedirs", making)
    pages = {f"bai-viet/p{i}.md": b"x\n" for i in range(50)} | {"nam/2024.md": b"new\n", "nam/2025.md": b"y\n"}
    write_content(content, pages)
    assert opened == ["nam/2024.md"]  # to compare; the 51 new pages are not opened
    staged = f".content{STAGING_SUFFIX}"
    assert made.count(f"{staged}/bai-viet") == 1  # once for its 50 pages
    assert made.count(f"{staged}/nam") == 2  # as the staging tree mirrors content/, then for its pages
    assert snapshot(content) == pages | {MANIFEST: snapshot(content)[MANIFEST]}


@pytest.mark.parametrize(
    ("on_disk", "asked", "may"),
    [
        ("index.md", "index.md", True),
        ("Index.md", "index.md", True),  # a file system that ignores case opens it
        ("gioi-thie\u0302\u0301u.md", "gioi-thi\u1ebfu.md", True),  # NFD on disk, NFC asked for (macOS)
        ("index.md", "khac.md", False),
        ("index.md", "thieu/index.md", False),  # no such folder
        ("index.md", "index.md/con.md", False),  # a file, not a folder
    ],
)
def test_a_folder_listed_once_tells_which_names_may_be_files(
    tmp_path: Path, on_disk: str, asked: str, may: bool
) -> None:
    (tmp_path / on_disk).write_bytes(b"x\n")
    assert output._Listed(tmp_path).may_hold(asked) is may
