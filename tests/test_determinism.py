"""Determinism: the same seeds give the same bytes, whatever the machine's incidental state.

Two copies of the project (repository seeds plus hostile ones, see sitecorpus.py) differ in
everything that must not matter: the order the seed files were created in, the hash seed, the
working directory (relative paths from the project, absolute paths from `/`), time zone and
locale. Their `content/` must be byte-identical, and so must their built `site/`, except the
files MkDocs stamps with the build date.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from conftest import snapshot
from sitecorpus import make_project, mkdocs_build, run

# Files MkDocs 1.6 stamps with the build date (UTC day, or SOURCE_DATE_EPOCH when set):
STAMPED = {
    "sitemap.xml": "every <lastmod> is the build date",
    "sitemap.xml.gz": "the same sitemap, and the gzip header's mtime is the build date",
}
DAY = 86_400
EPOCH = 1_767_225_600  # 2026-01-01 UTC


def differing(a: dict[str, bytes], b: dict[str, bytes]) -> set[str]:
    return {name for name in a.keys() | b.keys() if a.get(name) != b.get(name)}


@pytest.fixture(scope="module")
def two_projects(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    one = make_project(tmp_path_factory.mktemp("one"))
    two = make_project(tmp_path_factory.mktemp("two-elsewhere"), reverse=True)
    gen = [sys.executable, "-m", "generator"]
    first = run(gen, cwd=one, env={"PYTHONHASHSEED": "1", "TZ": "UTC", "LC_ALL": "C.UTF-8"})
    absolute = ["--seeds", str(two / "seeds"), "--content", str(two / "content"), "--data", str(two / "data")]
    second = run([*gen, *absolute], cwd=Path("/"), env={"PYTHONHASHSEED": "2", "TZ": "Asia/Ho_Chi_Minh", "LC_ALL": "C"})
    assert first.returncode == second.returncode == 0, (first.stderr, second.stderr)
    assert first.stdout == second.stdout
    return one, two


def test_content_is_byte_identical(two_projects: tuple[Path, Path]) -> None:
    one, two = two_projects
    a, b = snapshot(one / "content"), snapshot(two / "content")
    assert sorted(a) == sorted(b)
    assert differing(a, b) == set()
    assert len([name for name in a if name.startswith("bai-viet/")]) == 12  # 5 shipped + 7 extra seeds
    print(f"content: {len(a)} files identical")


def test_site_is_identical_apart_from_date_stamped_files(two_projects: tuple[Path, Path]) -> None:
    one, two = two_projects
    a = snapshot(mkdocs_build(one, {"SOURCE_DATE_EPOCH": str(EPOCH), "PYTHONHASHSEED": "1"}))
    b = snapshot(mkdocs_build(two, {"SOURCE_DATE_EPOCH": str(EPOCH), "PYTHONHASHSEED": "2"}))
    assert differing(a, b) == set()  # the same build date: every byte the same
    later = snapshot(mkdocs_build(two, {"SOURCE_DATE_EPOCH": str(EPOCH + 3 * DAY)}))
    assert differing(a, later) == set(STAMPED)  # another day: only the stamped files differ
    print(f"site: {len(a)} files, identical apart from {sorted(STAMPED)}")
