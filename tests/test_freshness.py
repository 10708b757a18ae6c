"""The rerun fast path: nothing changed, nothing done; any change to an input or output, the work."""

from __future__ import annotations

import dataclasses
import os
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import TODAY

from generator import freshness
from generator.build import Paths, build

ROOT = Path(__file__).resolve().parent.parent
build_module = sys.modules["generator.build"]


@pytest.fixture
def cached(project: Paths) -> Paths:
    for path in (ROOT / "seeds").iterdir():
        shutil.copy(path, project.seeds / path.name)
    return dataclasses.replace(project, cache=project.seeds.parent / ".cache")


def no_work(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the run read the seeds although nothing changed")

    monkeypatch.setattr(build_module, "gather", refuse)


def test_nothing_changed_nothing_done(cached: Paths, monkeypatch: pytest.MonkeyPatch) -> None:
    first = build(cached, today=TODAY)
    with monkeypatch.context() as m:
        no_work(m)
        again = build(cached, today=TODAY)
    assert not again.result.changed
    assert (again.article_count, again.rejected, again.warnings) == (5, first.rejected, first.warnings)
    assert again.articles == first.articles  # read from the cache when asked for


def _edit_generated(paths: Paths) -> None:
    page = next((paths.content / "bai-viet").glob("*.md"))
    page.write_text("sửa tay\n", encoding="utf-8")


CHANGES: dict[str, Callable[[Paths], object]] = {
    "seed touched": lambda p: os.utime(next(p.seeds.glob("*.txt"))),
    "seed added": lambda p: (p.seeds / "zz_new.txt").write_text("Tiêu đề mới\n\nNội dung bài mới.\n", "utf-8"),
    "seed removed": lambda p: sorted(p.seeds.glob("*.txt"))[-1].unlink(),
    "sidecar added": lambda p: (p.seeds / "003_5faa7db0ee151eab.yml").write_text("title: Khác\n", "utf-8"),
    "generated page edited by hand": _edit_generated,
    "generated page deleted": lambda p: next((p.content / "nam").glob("*.md")).unlink(),
    "page added by hand": lambda p: (p.content / "ghi-chu.md").write_text("# Ghi chú\n", "utf-8"),
}


@pytest.mark.parametrize("change", sorted(CHANGES))
def test_any_change_does_the_work(cached: Paths, change: str, monkeypatch: pytest.MonkeyPatch) -> None:
    build(cached, today=TODAY)
    CHANGES[change](cached)
    with monkeypatch.context() as m:
        no_work(m)
        with pytest.raises(AssertionError, match="nothing changed"):
            build(cached, today=TODAY)
    report = build(cached, today=TODAY)
    with monkeypatch.context() as m:
        no_work(m)
        assert not build(cached, today=TODAY).result.changed  # and the run after that is fast again
    if "generated" in change:
        assert report.result.written  # the generator's page is back


def test_another_day_or_site_url_does_the_work(cached: Paths, monkeypatch: pytest.MonkeyPatch) -> None:
    build(cached, today=TODAY, site_url="https://a.example/")
    variants: list[dict[str, Any]] = [
        {"today": TODAY.replace(day=24), "site_url": "https://a.example/"},
        {"site_url": "https://b.example/"},
    ]
    for kwargs in variants:
        with monkeypatch.context() as m:
            no_work(m)
            with pytest.raises(AssertionError, match="nothing changed"):
                build(cached, **{"today": TODAY, **kwargs})


def test_a_seed_saved_during_a_run_is_read_by_the_next(cached: Paths, monkeypatch: pytest.MonkeyPatch) -> None:
    build(cached, today=TODAY)
    seed = cached.seeds / "004_cac4546979592c5f.txt"
    real_gather = build_module.gather

    def gather_while_saving(*args: object, **kwargs: object) -> object:
        gathered = real_gather(*args, **kwargs)  # the seeds are read; then the curator saves one
        seed.write_text(seed.read_text(encoding="utf-8").replace("Lào", "LÀO-MỚI", 1), encoding="utf-8")
        return gathered

    os.utime(seed)  # past the fast path, so the run reads the seeds
    with monkeypatch.context() as m:
        m.setattr(build_module, "gather", gather_while_saving)
        build(cached, today=TODAY)
    report = build(cached, today=TODAY)  # must not trust a stamp taken before the save
    assert report.result.written
    assert any("LÀO-MỚI" in (cached.content / path).read_text(encoding="utf-8") for path in report.result.written)


def test_the_same_seeds_named_another_way_do_the_work(cached: Paths, monkeypatch: pytest.MonkeyPatch) -> None:
    """The diagnostics a fast run repeats name files as the last run was given them."""
    (cached.seeds / "zz_empty.txt").write_text("Xem thêm\n", encoding="utf-8")  # rejected: a diagnostic
    build(cached, today=TODAY)
    alias = cached.seeds.parent / "alias"
    alias.symlink_to(cached.seeds, target_is_directory=True)
    with monkeypatch.context() as m:
        no_work(m)
        with pytest.raises(AssertionError, match="nothing changed"):
            build(dataclasses.replace(cached, seeds=alias), today=TODAY)
    report = build(dataclasses.replace(cached, seeds=alias), today=TODAY)
    assert [d.path for d in report.rejected] == [str(alias / "zz_empty.txt")]


def test_one_listing_of_seeds_gives_the_state_and_what_discover_needs(cached: Paths) -> None:
    (cached.seeds / "notes").mkdir()
    (cached.seeds / "linked").symlink_to(cached.seeds / "notes")
    (cached.seeds / "dangling.txt").symlink_to(cached.seeds / "missing.txt")
    (cached.seeds / ".hidden.txt").write_text("x", encoding="utf-8")
    listing = freshness.list_folder(cached.seeds)
    assert freshness.list_folder(cached.seeds).state == listing.state  # nothing changed
    assert listing.folders == {"notes", "linked"}
    assert "dangling.txt" in listing.names and "dangling.txt" not in listing.stats
    assert build_module.discover(cached.seeds, listing) == build_module.discover(cached.seeds)
    files = build_module.discover(cached.seeds, listing)
    assert cached.seeds / "dangling.txt" in files.seeds and ".hidden.txt" not in {p.name for p in files.seeds}
    assert all(files.stats[p.name] == p.stat() for p in files.seeds if p.name != "dangling.txt")
    seed = files.seeds[0]
    os.utime(seed, ns=(seed.stat().st_atime_ns, seed.stat().st_mtime_ns + 1))
    assert freshness.list_folder(cached.seeds).state != listing.state  # one time changed
    missing = freshness.list_folder(cached.seeds / "missing")
    assert (missing.names, missing.state) == ((), freshness.list_folder(cached.seeds / "missing").state)
    assert missing.state != freshness.list_folder(cached.seeds).state
