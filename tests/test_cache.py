"""The cache and the worker pool only skip or share work: output is the same byte for byte."""

from __future__ import annotations

import dataclasses
import hashlib
import multiprocessing
import operator
import os
import pickle
import shutil
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import TODAY, copy_hand_written, snapshot

from bench.corpus import edit_seed, write_corpus
from generator import cache, searchindex
from generator.build import Paths, Report, build
from generator.data import DATA_FILES, Data
from generator.errors import ConfigErrors
from generator.model import Block, BlockKind, Blocks

ROOT = Path(__file__).resolve().parent.parent
build_module = sys.modules["generator.build"]  # `generator.build` is also the name of the function
output_module = sys.modules["generator.output"]


def outcome(report: Report) -> tuple[object, ...]:
    return report.articles, report.rejected, report.warnings


@pytest.fixture
def corpus(project: Paths) -> Paths:
    """The shipped seeds plus 40 synthetic ones (every date and title form), a duplicate and an empty seed."""
    for path in (ROOT / "seeds").iterdir():
        shutil.copy(path, project.seeds / path.name)
    write_corpus(project.seeds.parent / "synthetic", 40, seed=7)
    for path in (project.seeds.parent / "synthetic").iterdir():
        shutil.move(path, project.seeds / path.name)
    (project.seeds / "zz_duplicate.txt").write_bytes((project.seeds / "001_b7c5c39b900eb3de.txt").read_bytes())
    (project.seeds / "zz_boilerplate.txt").write_text("date 2024-01-01\nXem thêm\n", encoding="utf-8")
    return dataclasses.replace(project, cache=project.seeds.parent / ".cache")


def reference(paths: Paths, tmp: Path, today=TODAY) -> tuple[dict[str, bytes], tuple[object, ...]]:
    """Build the same inputs without any cache, into a fresh content folder."""
    content = tmp / f"reference-{len(list(tmp.glob('reference-*')))}"
    copy_hand_written(ROOT / "content", content)
    report = build(dataclasses.replace(paths, content=content, cache=None), today=today)
    return snapshot(content), outcome(report)


def test_cold_warm_and_edited_runs_match_an_uncached_build(
    corpus: Paths, tmp_path: Path, data: Data, monkeypatch: pytest.MonkeyPatch
) -> None:
    cold = build(corpus, today=TODAY)
    assert (snapshot(corpus.content), outcome(cold)) == reference(corpus, tmp_path)
    assert cold.rejected and cold.warnings  # the duplicate and the empty seed; derived titles

    def recomputed(*args: object, **kwargs: object) -> None:
        raise AssertionError("a warm run recomputed a cached result")

    with monkeypatch.context() as m:
        for name in ("load_data", "parse_seed", "render_article", "related", "feed_files"):
            m.setattr(build_module, name, recomputed)
        m.setattr(build_module, "_call", recomputed)  # makes an index page
        m.setattr(searchindex, "_built", recomputed)
        m.setattr(searchindex, "_patched", recomputed)
        m.setattr(searchindex, "doc_terms", recomputed)
        warm = build(corpus, today=TODAY)  # nothing changed: the fast path (test_freshness.py)
        assert not warm.result.changed
        assert outcome(warm) == outcome(cold)
        for seed in corpus.seeds.iterdir():
            os.utime(seed)  # touched, not changed: past the fast path, everything from the cache
        warm = build(corpus, today=TODAY)
    assert not warm.result.changed
    assert outcome(warm) == outcome(cold)

    edited = sorted(corpus.seeds.glob("00001*.txt"))[0]
    edit_seed(edited, "SỬA-ĐỔI", data)
    (corpus.seeds / "000_018ad84ebb2561bb.yml").write_text("title: Một tiêu đề khác\n", encoding="utf-8")
    again = build(corpus, today=TODAY)
    assert again.result.written
    assert (snapshot(corpus.content), outcome(again)) == reference(corpus, tmp_path)


def test_worker_pool_gives_the_same_output(corpus: Paths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache, "PARALLEL_MIN", 1)
    monkeypatch.setattr(cache, "workers", lambda: 2)
    report = build(dataclasses.replace(corpus, cache=None), today=TODAY)
    assert (snapshot(corpus.content), outcome(report)) == reference(corpus, tmp_path)


@pytest.mark.parametrize("method", ["fork", "spawn"])  # spawn: under `mkdocs serve`, where threads run
def test_workers_compute_every_item_once_in_order(method: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache, "PARALLEL_MIN", 1)
    monkeypatch.setattr(cache, "workers", lambda: 2)
    monkeypatch.setattr(cache, "_context", lambda: multiprocessing.get_context(method))
    argss = [(f"bài {i}",) for i in range(3 * cache.CHUNK + 5)]  # the last chunk is a short one
    assert cache.compute(operator.add, argss, (" ·",)) == [f"bài {i} ·" for i in range(len(argss))]


def test_work_done_in_the_background_is_stored_for_the_next_run(
    corpus: Paths, tmp_path: Path, data: Data, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache, "PARALLEL_MIN", 1)  # the corpus is small: everything goes to processes
    monkeypatch.setattr(cache, "workers", lambda: 2)
    _fork_despite_idle_threads(monkeypatch)
    started = []
    real = cache.in_background

    def recorded(store: cache.Store, fn: Callable[..., Any], *args: object, worth_it: bool = True) -> object:
        if worth_it:
            started.append(fn)
        return real(store, fn, *args, worth_it=worth_it)

    monkeypatch.setattr(cache, "in_background", recorded)
    build(corpus, today=TODAY)
    assert started == [searchindex.search_files, cache.cached_call]  # the search index, related articles
    EDITS["lede"](corpus.seeds, data)
    with monkeypatch.context() as m:
        m.setattr(searchindex, "_built", None)  # the edit patches the index the child built
        m.setattr(build_module, "related", None)  # and reuses the related articles it found
        report = build(corpus, today=TODAY)
    assert len(started) == 2  # patching is quick: done in this process
    assert (snapshot(corpus.content), outcome(report)) == reference(corpus, tmp_path)


def _fork_despite_idle_threads(monkeypatch: pytest.MonkeyPatch) -> None:
    """Earlier tests leave idle threads in this process (servers, browsers), with which
    `in_background` would not fork: the work these tests give it takes no lock they could hold."""
    monkeypatch.setattr(cache.threading, "active_count", lambda: 1)


def _store_work(store: cache.Store, parent: int, fail_in_child: bool) -> tuple[int, object]:
    if fail_in_child and os.getpid() != parent:
        raise RuntimeError("the child fails")
    store.put("new:1", "hai")
    return os.getpid(), store.get("old:1")


@pytest.mark.parametrize("case", ["child", "child fails", "threads run"])
def test_background_work_gives_its_result_and_its_use_of_the_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: str
) -> None:
    folder = tmp_path / ("c" * cache.SCOPE_CHARS)
    store = cache.Store(folder)
    store.put("old:1", "một")
    store.save()
    store = cache.Store(folder)  # "old:1" is in a shard this process never reads
    me = os.getpid()
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    if case == "threads run":
        thread.start()  # forking is no longer safe
    else:
        _fork_despite_idle_threads(monkeypatch)
    try:
        result = cache.in_background(store, _store_work, store, me, case == "child fails")()
    finally:
        stop.set()
    pid, value = result
    assert value == "một"
    assert (pid != me) == (case == "child")
    store.save()
    assert [cache.Store(folder).get(k) for k in ("old:1", "new:1")] == ["một", "hai"]  # the read one kept


def test_corrupt_or_stale_cache_is_ignored(corpus: Paths, tmp_path: Path) -> None:
    build(corpus, today=TODAY)
    assert corpus.cache is not None
    shards = list(corpus.cache.rglob("shard-*.pickle"))
    assert shards
    for i, shard in enumerate(shards):
        shard.write_bytes(b"not a pickle" if i % 2 else shard.read_bytes()[: len(shard.read_bytes()) // 2])
    report = build(corpus, today=TODAY)
    assert (snapshot(corpus.content), outcome(report)) == reference(corpus, tmp_path)

    taxonomy = corpus.data / "taxonomy.yml"  # new data: nothing computed with the old may be reused
    taxonomy.write_text(taxonomy.read_text(encoding="utf-8").replace("min_hits: 3", "min_hits: 1"), encoding="utf-8")
    report = build(corpus, today=TODAY)
    assert report.result.written
    assert (snapshot(corpus.content), outcome(report)) == reference(corpus, tmp_path)
    assert len([p for p in (corpus.cache / "generator").iterdir()]) == 1  # the old scope is gone


@pytest.mark.parametrize("change", ["library upgraded", "library added", "another Python"])
def test_other_libraries_or_python_start_a_new_scope(
    change: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest
) -> None:
    """Output depends on ftfy, PyYAML, python-slugify… too: results of other versions are not reused."""
    request.addfinalizer(cache.code_fingerprint.cache_clear)  # no fingerprint of this fake setup outlives the test
    site = tmp_path / "venv" / "site-packages"
    (site / "ftfy-6.3.1.dist-info").mkdir(parents=True)
    (site / "ftfy").mkdir()  # a package folder: not a distribution's record
    monkeypatch.setattr(sys, "path", [*sys.path, str(site)])

    def scope() -> Path:
        cache.code_fingerprint.cache_clear()
        folder = cache.Store.open(tmp_path / "cache", []).folder
        assert folder is not None
        return folder

    before = scope()
    assert scope() == before  # the same environment, the same scope
    (site / "ftfy").rename(site / "ftfy-old")  # a package folder changed: not a version change
    assert scope() == before
    if change == "library upgraded":
        (site / "ftfy-6.3.1.dist-info").rename(site / "ftfy-6.4.0.dist-info")
    elif change == "library added":
        (site / "regex-2026.1.1.dist-info").mkdir()
    else:
        monkeypatch.setattr(sys, "version", sys.version + " (another build)")
    assert scope() != before


def test_a_result_that_depends_on_the_day_is_recomputed(corpus: Paths, tmp_path: Path) -> None:
    (corpus.seeds / "zz_future.txt").write_text(
        "date 2026-12-01 Bài viết ngày mai\n\nNội dung bài.\n", encoding="utf-8"
    )
    before = build(corpus, today=TODAY)
    assert any("in the future" in d.message for d in before.warnings)
    later = TODAY.replace(year=TODAY.year + 1)
    after = build(corpus, today=later)
    assert not any("in the future" in d.message for d in after.warnings)
    assert (snapshot(corpus.content), outcome(after)) == reference(corpus, tmp_path, today=later)


def test_curation_errors_are_reported_every_run(corpus: Paths) -> None:
    (corpus.seeds / "000_018ad84ebb2561bb.yml").write_text("titel: sai khóa\n", encoding="utf-8")
    (corpus.seeds / "0_orphan.yml").write_text("title: Không có tệp gốc\n", encoding="utf-8")
    messages = []
    for _ in range(2):
        with pytest.raises(ConfigErrors) as caught:
            build(corpus, today=TODAY)
        messages.append([str(e) for e in caught.value.errors])
    assert messages[0] == messages[1]
    assert len(messages[0]) == 2
    assert "titel" in messages[0][0] and "0_orphan.yml" in messages[0][1]  # in file-name order


EDITS = {
    "lede": lambda seeds, data: edit_seed(seeds / "003_5faa7db0ee151eab.txt", "SỬA-ĐỔI", data),
    "title": lambda seeds, _: _curate(seeds, "title: Một tiêu đề khác"),
    "date": lambda seeds, _: _curate(seeds, "date: 2003-02-01"),
    "themes": lambda seeds, _: _curate(seeds, "themes: [lap-phap]"),
    "people": lambda seeds, _: _curate(seeds, "people: [Tô Lâm]"),
    "source": lambda seeds, _: _curate(seeds, "source: Báo Mới"),
    "removed": lambda seeds, _: (seeds / "003_5faa7db0ee151eab.txt").unlink(),
    "added": lambda seeds, _: (seeds / "zz_new.txt").write_text(
        "Hà Nội, 05/06/2011\n\nMột bài mới về hợp tác giáo dục\n\nHai bên trao học bổng cho lưu học sinh.\n",
        encoding="utf-8",
    ),
}


def _curate(seeds: Path, line: str) -> None:
    (seeds / "003_5faa7db0ee151eab.yml").write_text(line + "\n", encoding="utf-8")


@pytest.mark.parametrize("edit", sorted(EDITS))
def test_every_kind_of_change_gives_what_an_uncached_build_gives(
    corpus: Paths, tmp_path: Path, data: Data, edit: str
) -> None:
    """Each page is reused while what it shows is unchanged: a change to any part of an article
    must still reach every page showing that part (index pages, neighbours, feeds, search)."""
    build(corpus, today=TODAY)
    EDITS[edit](corpus.seeds, data)
    report = build(corpus, today=TODAY)
    assert report.result.written or report.result.removed
    assert (snapshot(corpus.content), outcome(report)) == reference(corpus, tmp_path)


def _count_hashing(monkeypatch: pytest.MonkeyPatch, module: object) -> list[Path]:
    """The files `module` hashes with `cache.file_sha256` from now on (the list fills as it does)."""
    read: list[Path] = []
    real = cache.file_sha256

    def counting(path: Path) -> str | None:
        read.append(path)
        return real(path)

    monkeypatch.setattr(module, "file_sha256", counting)
    return read


def _count_rendering(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The slugs of the article pages the build makes from now on (the list fills as it does)."""
    made: list[str] = []
    real = build_module.render_article

    def rendering(a: object, *args: object) -> str:
        made.append(a.slug)  # type: ignore[attr-defined]
        return real(a, *args)

    monkeypatch.setattr(build_module, "render_article", rendering)
    return made


def _hashes_read(
    store: cache.Store, paths: list[Path], monkeypatch: pytest.MonkeyPatch, group: str = "files"
) -> list[Path]:
    """The files `file_hashes` reads (rather than taking the stored hash)."""
    expected = [cache.file_sha256(p) for p in paths]
    with monkeypatch.context() as m:
        read = _count_hashing(m, cache)
        assert cache.file_hashes(store, paths, group=group) == expected
    return read


def test_file_sha256_hashes_regular_files_whole_or_in_chunks_and_nothing_else(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    small, large = tmp_path / "small.txt", tmp_path / "large.txt"
    small.write_bytes(b"m\xe1\xbb\x99t")
    large.write_bytes(bytes(range(256)) * 40)
    monkeypatch.setattr(cache, "WHOLE_READ_MAX", 1000)  # the large file is hashed in chunks
    assert cache.file_sha256(small) == hashlib.sha256(small.read_bytes()).hexdigest()
    assert cache.file_sha256(str(large)) == hashlib.sha256(large.read_bytes()).hexdigest()
    os.mkfifo(tmp_path / "pipe.txt")  # opening it to read would block without O_NONBLOCK
    assert cache.file_sha256(tmp_path / "pipe.txt") is None
    assert cache.file_sha256(tmp_path) is None  # a folder
    assert cache.file_sha256(tmp_path / "missing.txt") is None


def test_file_hashes_are_reused_only_while_the_file_is_unchanged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text("một", encoding="utf-8")
    os.utime(old, ns=(10**18, 10**18))  # settled: changed long before it is read
    new.write_text("hai", encoding="utf-8")  # changed just now: may change again in the same tick
    store = cache.Store(None)
    assert _hashes_read(store, [old, new], monkeypatch) == [old, new]
    assert _hashes_read(store, [old, new], monkeypatch) == [new]
    old.write_text("mot", encoding="utf-8")  # same size; times put back: the change time still moves
    os.utime(old, ns=(10**18, 10**18))
    assert _hashes_read(store, [old], monkeypatch) == [old]
    assert cache.file_hashes(store, [tmp_path / "missing.txt", tmp_path]) == [None, None]


def test_file_hashes_keep_a_record_per_folder_and_group_of_the_files_last_asked_for(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seeds = [tmp_path / "a.txt", tmp_path / "b.txt"]
    sidecar = tmp_path / "a.yml"
    for path in (*seeds, sidecar):
        path.write_text(path.name, encoding="utf-8")
        os.utime(path, ns=(10**18, 10**18))
    store = cache.Store(None)
    assert _hashes_read(store, seeds, monkeypatch, "seeds") == seeds
    assert _hashes_read(store, [sidecar], monkeypatch, "sidecars") == [sidecar]
    for _ in range(2):  # a record is kept as long as its files stay the same
        assert _hashes_read(store, seeds, monkeypatch, "seeds") == []  # one group leaves the other's record
        assert _hashes_read(store, [sidecar], monkeypatch, "sidecars") == []
    seeds[1].unlink()
    assert cache.file_hashes(store, seeds, group="seeds") == [cache.file_sha256(seeds[0]), None]
    record = store.get(cache.entry_key("file-sha256", f"seeds:{cache.digest(str(tmp_path))}"))
    assert sorted(record) == ["a.txt"]  # a file gone is gone from the record: it does not grow


def test_hashes_read_by_the_caller_are_recorded_without_reading_the_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old, new, gone = (tmp_path / name for name in ("old.txt", "new.txt", "gone.txt"))
    for path in (old, new, gone):
        path.write_text(path.name, encoding="utf-8")
    os.utime(old, ns=(10**18, 10**18))  # settled before it was read
    written = time.time_ns() - 1_000_000_001  # a second ago: settled now, not when it was read
    os.utime(new, ns=(written, written))
    given = ["sha-of-old", "sha-of-new", None]  # as a worker read them; `gone` could not be read
    store = cache.Store(None)
    with monkeypatch.context() as m:
        read = _count_hashing(m, cache)
        seen = written + cache.FINE_SETTLE_NS // 2  # read soon after it was written
        assert cache.file_hashes(store, [old, new, gone], group="seeds", read=given, seen_ns=seen) == given
        assert read == []
    record = store.get(cache.entry_key("file-sha256", f"seeds:{cache.digest(str(tmp_path))}"))
    assert {name: sha for name, (_, sha) in record.items()} == {"old.txt": "sha-of-old"}
    assert cache.file_hashes(store, [old], group="seeds") == ["sha-of-old"]  # trusted while unchanged


def test_a_store_tells_whether_it_may_hold_a_kind_of_result(tmp_path: Path) -> None:
    folder = tmp_path / ("c" * cache.SCOPE_CHARS)
    store = cache.Store(folder)
    assert not store.holds("seed")
    assert store.get("seed:a") is cache.MISSING and not store.holds("seed")  # a shard read, empty
    store.put("seed:a", 1)
    assert store.holds("seed") and not store.holds("views")
    store.save()
    assert cache.Store(folder).holds("seed")  # on disk, not yet read
    assert not cache.Store(folder).holds("views")
    assert not cache.Store(None).holds("seed")


def _seed_record(paths: Paths) -> tuple[cache.Store, list[Path]]:
    store = cache.Store.open(paths.cache, [paths.data / name for name in DATA_FILES])
    return store, sorted(paths.seeds.glob("*.txt"))


def test_a_cold_run_hashes_each_seed_where_it_is_read_and_records_the_hashes(
    corpus: Paths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for seed in corpus.seeds.iterdir():
        os.utime(seed, ns=(10**18, 10**18))  # settled: their hashes may be recorded
    with monkeypatch.context() as m:
        read = _count_hashing(m, cache)
        cold = build(corpus, today=TODAY)
        assert not [path for path in read if path.suffix == ".txt"]  # no seed read to be hashed first
    assert (snapshot(corpus.content), outcome(cold)) == reference(corpus, tmp_path)
    store, seeds = _seed_record(corpus)
    assert _hashes_read(store, seeds, monkeypatch, "seeds") == []  # every hash recorded, and right

    def recomputed(*args: object) -> None:
        raise AssertionError("a result stored by the cold run was not found")

    monkeypatch.setattr(build_module, "parse_seed", recomputed)
    for seed in seeds:
        os.utime(seed)  # touched, not changed: every result is found by the bytes' hash
    build(corpus, today=TODAY)


def test_a_seed_saved_again_while_it_is_read_stores_its_result_as_the_text_read(
    corpus: Paths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build(corpus, today=TODAY)  # the store holds seed results: seeds are hashed before the workers read them
    seed = corpus.seeds / "003_5faa7db0ee151eab.txt"
    first = seed.read_text(encoding="utf-8")
    edited = first.replace("Lào", "Lào (bản sửa)", 1)
    assert edited != first
    seed.write_text(edited, encoding="utf-8")
    real = build_module.read_seed

    def saved_again(path: Path, display: str) -> object:
        if path == seed:
            seed.write_text(first, encoding="utf-8")  # after its hash was taken, before it is read
        return real(path, display)

    with monkeypatch.context() as m:
        m.setattr(build_module, "read_seed", saved_again)
        build(corpus, today=TODAY)
    seed.write_text(edited, encoding="utf-8")  # the text hashed above, whose result was never made
    report = build(corpus, today=TODAY)
    assert (snapshot(corpus.content), outcome(report)) == reference(corpus, tmp_path)


def test_saving_removes_older_scopes_and_nothing_else(tmp_path: Path) -> None:
    older, other = tmp_path / ("0" * cache.SCOPE_CHARS), tmp_path / "notes"
    older.mkdir()
    other.mkdir()
    store = cache.Store(tmp_path / ("a" * cache.SCOPE_CHARS))
    store.put("k", 1)
    store.save()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a" * cache.SCOPE_CHARS, "notes"]


def test_a_store_reads_only_the_shards_a_run_asks_for_and_keeps_what_it_names(tmp_path: Path) -> None:
    folder = tmp_path / ("b" * cache.SCOPE_CHARS)
    store = cache.Store(folder)
    for i in range(200):
        store.put(f"page:{i}", f"trang {i}")
    store.put("views:x", 1)
    store.save()
    assert len(list(folder.glob("shard-page-*.pickle"))) == cache.SHARDS

    loaded: list[str] = []
    real = cache.Store._load

    def counting(self: cache.Store, name: str) -> dict[str, object]:
        loaded.append(name)
        return real(self, name)

    later = cache.Store(folder)
    later._load = lambda name: counting(later, name)  # type: ignore[method-assign]
    later.keep(f"page:{i}" for i in range(100))  # named, not read: no shard is read for them
    assert loaded == []
    assert later.get("views:x") == 1
    assert loaded == [cache.shard_name("views:x")]
    later.save()

    again = cache.Store(folder)
    assert [again.get(f"page:{i}") for i in range(100)] == [f"trang {i}" for i in range(100)]
    assert again.get("views:x") == 1
    # the pages neither read nor kept are gone with the shards that held only them
    names = {cache.shard_name(f"page:{i}") for i in range(100)}
    assert {p.stem for p in folder.glob("shard-page-*.pickle")} == names
    dropped = [i for i in range(100, 200) if cache.shard_name(f"page:{i}") not in names]
    assert dropped and all(again.get(f"page:{i}") is cache.MISSING for i in dropped)


def test_an_edit_neither_makes_nor_reads_the_pages_it_leaves(
    corpus: Paths, tmp_path: Path, data: Data, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`output.Written`: a generated file whose key and metadata match the record is trusted."""
    build(corpus, today=TODAY)
    for path in corpus.content.rglob("*"):  # written long ago: settled, so recorded on the next run
        os.utime(path, ns=(10**18, 10**18))
    os.utime(next(corpus.seeds.glob("*.txt")))  # touched: past the fast path, every file compared once
    assert not build(corpus, today=TODAY).result.changed

    read: list[str] = []
    real_current = output_module._current

    def reading(path: Path) -> bytes | None:
        read.append(path.relative_to(corpus.content).as_posix())
        return real_current(path)

    monkeypatch.setattr(output_module, "_current", reading)
    made = _count_rendering(monkeypatch)
    edit_seed(corpus.seeds / "003_5faa7db0ee151eab.txt", "SỬA-ĐỔI", data)
    report = build(corpus, today=TODAY)
    pages = sum(1 for _ in corpus.content.rglob("*.md"))
    assert report.result.written and len(made) == 1  # the edited article's page only
    assert 0 < len(read) < pages / 4  # its page, its year page, search files: not every page
    monkeypatch.undo()
    assert (snapshot(corpus.content), outcome(report)) == reference(corpus, tmp_path)

    victim = corpus.content / "bai-viet" / f"{report.articles[-1].slug}.md"
    victim.write_bytes(victim.read_bytes().upper())  # changed by hand: the record no longer holds
    os.utime(next(corpus.seeds.glob("*.txt")))
    made = _count_rendering(monkeypatch)
    assert build(corpus, today=TODAY).result.written == (victim.relative_to(corpus.content).as_posix(),)
    assert made == [report.articles[-1].slug]  # made again: pages are not kept in the cache
    monkeypatch.undo()
    assert snapshot(corpus.content) == reference(corpus, tmp_path)[0]


def test_the_record_of_written_pages_holds_from_another_working_directory(
    corpus: Paths, tmp_path: Path, data: Data, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The CLI names `content/` relative to where it runs (`make site`), the MkDocs hook by its
    absolute path (`mkdocs serve -f project/mkdocs.yml` may run anywhere): both find the pages."""
    root = corpus.seeds.parent
    monkeypatch.chdir(root)
    relative = Paths(seeds=Path("seeds"), content=Path("content"), data=Path("data"), cache=Path(".cache"))
    build(relative, today=TODAY)
    for path in corpus.content.rglob("*"):  # written long ago: trusted on their metadata
        os.utime(path, ns=(10**18, 10**18))
    os.utime(next(corpus.seeds.glob("*.txt")))  # past the fast path: the record is made anew
    assert not build(relative, today=TODAY).result.changed

    made = _count_rendering(monkeypatch)
    elsewhere = tmp_path / "elsewhere"
    (elsewhere / "content").mkdir(parents=True)  # a `content/` that is not the project's
    monkeypatch.chdir(elsewhere)
    edit_seed(corpus.seeds / "003_5faa7db0ee151eab.txt", "SỬA-ĐỔI", data)
    report = build(corpus, today=TODAY)
    assert len(made) == 1  # the edited article's page only
    edit_seed(corpus.seeds / "003_5faa7db0ee151eab.txt", "LẦN-HAI", data)
    made.clear()
    assert build(corpus, today=TODAY).result.written and len(made) == 1  # and the record it leaves holds too
    monkeypatch.undo()
    assert not any((elsewhere / "content").iterdir())
    assert outcome(report)[1:] == reference(corpus, tmp_path)[1][1:]
    assert snapshot(corpus.content) == reference(corpus, tmp_path)[0]


def test_blocks_pickle_as_bytes_and_are_decoded_when_read() -> None:
    blocks = Blocks([Block(BlockKind.PARAGRAPH, "Hợp tác toàn diện"), Block(BlockKind.CAPTION, "Ảnh: TTXVN")])
    loaded = pickle.loads(pickle.dumps(blocks, protocol=pickle.HIGHEST_PROTOCOL))
    assert loaded._blocks is None  # loading the cache decodes no text
    assert loaded == blocks == tuple(blocks) and hash(loaded) == hash(tuple(blocks))
    expected = [(BlockKind.PARAGRAPH, "Hợp tác toàn diện"), (BlockKind.CAPTION, "Ảnh: TTXVN")]
    assert [(b.kind, b.text) for b in loaded] == expected
    assert loaded[1:] == (blocks[1],) and len(loaded) == 2 and Blocks() == ()
    assert cache.digest(loaded) == cache.digest(blocks)  # the same key, loaded or made
    texts = searchindex.BlockTexts(loaded)
    assert texts == ("Hợp tác toàn diện", "Ảnh: TTXVN") and list(texts) == list(texts[:])
    assert pickle.loads(pickle.dumps(texts)) == ("Hợp tác toàn diện", "Ảnh: TTXVN")


def _wide_settle_window(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every file written in the test counts as just written, however long the build takes."""
    monkeypatch.setattr(cache, "HASH_SETTLE_NS", 600 * 10**9)
    monkeypatch.setattr(cache, "FINE_SETTLE_NS", 600 * 10**9)


@pytest.mark.parametrize(
    ("mtime_ns", "seen_after_ns", "settled"),
    [
        (1_700_000_000_123_456_789, 50_000_000, False),  # a fine time stamp: a 100 ms margin
        (1_700_000_000_123_456_789, 150_000_000, True),
        (1_700_000_000_000_000_000, 150_000_000, False),  # whole seconds (FAT, ext3): a 2 s margin
        (1_700_000_000_000_000_000, 1_900_000_000, False),
        (1_700_000_000_000_000_000, 2_100_000_000, True),
    ],
)
def test_a_file_is_settled_once_its_time_stamps_tick_has_surely_passed(
    mtime_ns: int, seen_after_ns: int, settled: bool
) -> None:
    assert cache.settled(mtime_ns, mtime_ns + seen_after_ns) is settled


def test_an_edit_right_after_a_full_build_checks_pages_by_their_bytes_hash(
    corpus: Paths, tmp_path: Path, data: Data, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Pages written within a timestamp tick's margin (`cache.settled`) before a run's record
    carry the SHA-256 of their bytes: the next run checks them by reading them, without making
    them, and still finds a rewrite that kept a page's size, modification time and inode."""
    _wide_settle_window(monkeypatch)
    build(corpus, today=TODAY)  # every page just written: none settled
    victim = sorted((corpus.content / "bai-viet").glob("*.md"))[-1]
    before = victim.stat()
    victim.write_bytes(victim.read_bytes().swapcase())  # the same size, in place: the same inode
    os.utime(victim, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert victim.stat().st_mtime_ns == before.st_mtime_ns and victim.stat().st_ino == before.st_ino

    made = _count_rendering(monkeypatch)
    edit_seed(corpus.seeds / "003_5faa7db0ee151eab.txt", "SỬA-ĐỔI", data)
    report = build(corpus, today=TODAY)
    monkeypatch.undo()
    assert len(made) == 2 and victim.stem in made  # the edited article's page and the victim's
    assert victim.relative_to(corpus.content).as_posix() in report.result.written
    assert (snapshot(corpus.content), outcome(report)) == reference(corpus, tmp_path)


def test_a_page_checked_by_its_hash_once_settled_is_then_trusted_on_its_metadata(
    corpus: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    _wide_settle_window(monkeypatch)
    build(corpus, today=TODAY)  # every page recorded with the hash of its bytes
    opened = _count_hashing(monkeypatch, output_module)
    monkeypatch.setattr(cache, "HASH_SETTLE_NS", 0)  # from now on every page counts as settled
    monkeypatch.setattr(cache, "FINE_SETTLE_NS", 0)
    seed = next(corpus.seeds.glob("*.txt"))
    os.utime(seed)  # past the fast path
    assert not build(corpus, today=TODAY).result.changed
    assert len(opened) > 50  # each page read once to check its hash
    opened.clear()
    os.utime(seed, ns=(seed.stat().st_atime_ns, seed.stat().st_mtime_ns + 1))
    assert not build(corpus, today=TODAY).result.changed
    assert opened == []  # the record now trusts their metadata


def test_stored_results_are_not_changed_by_the_run_that_reads_them(corpus: Paths) -> None:
    """The feeds' stored files stay feeds only (a run once added the search index's files to
    the dictionary it had read from the store, and saved that)."""
    build(corpus, today=TODAY)
    os.utime(next(corpus.seeds.glob("*.txt")))
    build(corpus, today=TODAY)  # reads the stored feeds
    assert corpus.cache is not None
    stored = [pickle.loads(p.read_bytes()) for p in corpus.cache.rglob("shard-feeds-*.pickle")]
    paths = {path for shard in stored for files in shard.values() for path in files}
    assert paths and all(path.endswith(("rss.xml", "feed.json")) for path in paths)
