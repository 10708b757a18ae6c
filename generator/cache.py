"""What makes reruns fast and cold runs use every core: a persistent cache and a worker pool.

`cached_map(store, kind, items, fn, shared)` returns `[fn(*args, *shared) for key, args in items]`:
results whose key is in the store are taken from it, the others computed (in worker processes
when there are enough of them to pay for starting the pool) and stored. Keys describe
everything a result depends on besides `shared`, the generator's code and `data/`.

The store lives in `.cache/generator/<scope>/`, where the scope is a hash of the generator's
source files, the Python version and installed libraries, and the data files: changing any of
them starts an empty cache. Each kind of result (the part of a key before `:`) has its own
pickle shards, chosen by key, read only when a run asks for one of their entries and written
atomically (temporary file, then rename) only when their entries changed. A run keeps only the
entries it used or named with `keep`, so the cache does not grow. A missing, unreadable or
corrupt shard counts as empty: the cache can skip work, never change output
(`tests/test_cache.py` builds with and without it and compares the bytes).
"""

from __future__ import annotations

import hashlib
import io
import os
import pickle
import re
import shutil
import stat
import sys
import tempfile
import threading
import time
import zlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import multiprocessing.context

SHARDS = 64  # per kind of result
PARALLEL_MIN = 400  # fewer results than this are computed in this process
CHUNK = 32  # items per task sent to a worker
_PICKLE = pickle.HIGHEST_PROTOCOL
SITE_FOLDERS = ("site-packages", "dist-packages")  # where installed distributions are (`environment`)
DISTRIBUTION_SUFFIXES = (".dist-info", ".egg-info")
SCOPE_CHARS = 24  # a scope folder's name: this many hex digits of the scope hash
MISSING = object()


def digest(*parts: object) -> str:
    """A hex key for values that pickle (texts, numbers, frozen dataclasses of them).

    The pickler's memo is off, so the key depends on the values only, not on which of them
    happen to be the same object (a name shared by two fresh articles, but not by two
    articles loaded from different cache shards).
    """
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=_PICKLE)
    pickler.fast = True  # no memo: equal values pickle alike (nothing here is recursive)
    pickler.dump(parts)
    return hashlib.sha256(buffer.getbuffer()).hexdigest()


def digest_keys(*groups: Iterable[str]) -> str:
    """A hex key for groups of keys (`digest` of the lists gives another, equally good key):
    joining the strings is cheaper than pickling thousands of them."""
    h = hashlib.sha256()
    for group in groups:
        h.update("\n".join(group).encode("utf-8", "surrogateescape"))
        h.update(b"\0")
    return h.hexdigest()


def file_sha256(path: Path | str) -> str | None:
    """Hash of a regular file's bytes, or None when it cannot be read or is not a regular file.

    Opened without blocking and checked before reading: a FIFO would block (the reader rejects
    those). A small file is read whole, which is cheaper than `hashlib.file_digest` (its 256 KB
    buffer costs more than reading a page of text: 18 against 27 µs per content page here).
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError:
        return None
    try:
        info: os.stat_result | None = os.fstat(fd)
    except OSError:
        info = None
    if info is None or not stat.S_ISREG(info.st_mode):
        os.close(fd)
        return None
    with open(fd, "rb") as f:
        try:
            if info.st_size <= WHOLE_READ_MAX:
                return hashlib.sha256(f.read()).hexdigest()
            return hashlib.file_digest(f, "sha256").hexdigest()
        except OSError:
            return None


WHOLE_READ_MAX = 1 << 20  # bytes: larger files are hashed in chunks


# A file changed this recently may change again within one timestamp tick, keeping its times.
HASH_SETTLE_NS = 2_000_000_000  # where times are whole seconds: FAT's tick is 2 s, ext3's and HFS+'s 1 s
FINE_SETTLE_NS = 100_000_000  # where they hold a fraction of one: ticks of 10 ms or less (ext4, XFS,
# APFS, NTFS, exFAT). Edits saved within 2 s of a run's end (as `make serve` sees them, and the
# bench's back-to-back runs) would otherwise read and hash every page that run wrote, twice:
# 0.16 s of a 1.0 s edit at 5,000 articles.


def settled(mtime_ns: int, seen_ns: int) -> bool:
    """Whether a file last modified at `mtime_ns`, looked at at `seen_ns`, can no longer change
    unseen: a later change gets a later modification time (git's rule for racily clean files).
    A time in whole seconds may come from a file system with a coarse tick: it waits longer."""
    window = HASH_SETTLE_NS if mtime_ns % 1_000_000_000 == 0 else FINE_SETTLE_NS
    return mtime_ns < seen_ns - window


def file_hashes(
    store: Store,
    paths: Sequence[Path],
    stats: Mapping[str, os.stat_result] | None = None,
    *,
    group: str = "files",
    read: Sequence[str | None] | None = None,
    seen_ns: int = 0,
) -> list[str | None]:
    """`file_sha256` of each path, reused from the store while the file's size, times and inode
    are unchanged (what make and git trust). `stats`: the metadata of paths in one folder, by
    file name, if just read (`freshness.Listing.stats`).

    The hashes of a folder's files are one stored record per `group` (a caller's name for the
    files it asks about), holding exactly the files of the last call: one lookup for a folder of
    thousands of seeds rather than a key made and looked up per file.

    As git does with racily clean files, a hash is stored only for a file last modified at least
    HASH_SETTLE_NS before it was read: a file rewritten within one timestamp tick would keep its
    times, so such a file is read again on the next run.

    `read`: the hashes of the files' bytes as the caller read them (None: unread), no earlier than
    `seen_ns` (`time.time_ns()`) nor than `stats`: recorded as they are, no file is read here.
    """
    hashes: list[str | None] = []
    stats = stats or {}
    records: dict[str, tuple[dict[str, FileRecord], dict[str, FileRecord]]] = {}  # by folder: (stored, new)
    for i, path in enumerate(paths):
        folder, name = os.path.split(path)
        if folder not in records:
            known = store.get(entry_key("file-sha256", f"{group}:{digest(folder)}"))
            records[folder] = (known if isinstance(known, dict) else {}, {})
        stored, new = records[folder]
        try:
            st = stats.get(name) or os.stat(path)
        except OSError:
            hashes.append(None)
            continue
        if not stat.S_ISREG(st.st_mode):
            hashes.append(None)  # a FIFO would block: the reader rejects it
            continue
        meta = (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_dev)
        record = stored.get(name)
        if read is None and record is not None and record[0] == meta:
            new[name] = record
            hashes.append(record[1])
            continue
        seen, found = (time.time_ns(), file_sha256(path)) if read is None else (seen_ns, read[i])
        if found is not None and settled(st.st_mtime_ns, seen):
            new[name] = (meta, found)
        hashes.append(found)
    for folder, (stored, new) in records.items():
        if new != stored:
            store.put(entry_key("file-sha256", f"{group}:{digest(folder)}"), new)
    return hashes


FileRecord = tuple[tuple[int, int, int, int, int], str]  # (size, times, inode, device), SHA-256


@cache
def code_fingerprint() -> str:
    """Hash of the generator's own source and of what it runs on (`environment`): results of
    other code are never reused."""
    h = hashlib.sha256()
    for path in sorted(Path(__file__).parent.glob("*.py")):
        h.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    h.update(environment().encode())
    return h.hexdigest()


def environment() -> str:
    """The Python version and the installed distributions, by name and version.

    Output depends on libraries as well as on this code (ftfy's repairs, PyYAML's parsing,
    python-slugify's slugs, Unicode tables), so installing other versions, as a changed
    requirements.txt does, starts a new cache. Read from the names of the `.dist-info` folders
    (`ftfy-6.3.1.dist-info`) in the site-packages folders on `sys.path`: one directory listing,
    where asking `importlib.metadata` would cost more than a rerun with nothing changed saves.
    """
    names: set[str] = set()
    for folder in {entry for entry in sys.path if os.path.basename(entry) in SITE_FOLDERS}:
        try:
            names.update(name for name in os.listdir(folder) if name.endswith(DISTRIBUTION_SUFFIXES))
        except OSError:
            continue
    return "\n".join([sys.version, *sorted(names)])


def files_fingerprint(paths: Sequence[Path]) -> str:
    h = hashlib.sha256()
    for path in paths:
        try:
            content = path.read_bytes()
        except OSError:
            content = b"\0missing"
        h.update(path.name.encode() + b"\0" + content + b"\0")
    return h.hexdigest()


class Store:
    """Results by key, persisted in pickle shards under `folder` (None: kept in memory only)."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self._shards: dict[str, dict[str, Any]] = {}  # loaded shards, by name
        self._dirty: set[str] = set()
        self._used: set[str] = set()
        self._kept: set[str] = set()  # named with `keep`: perhaps in shards never read
        self._puts: dict[str, Any] | None = None  # recorded in a background child (`in_background`)
        self.hits = self.misses = 0

    @classmethod
    def open(cls, root: Path | None, data_files: Sequence[Path], *, keep: bool = False) -> Store:
        """The store for this code and these data files under `root` (e.g. `.cache`), or a memory one.

        With `keep`, the store stays loaded in this process for the next run with the same
        scope (`mkdocs serve` rebuilds): its shards are read from disk once. Entries are keyed
        by content, so entries another process writes meanwhile are never needed for a right result.
        """
        if root is None:
            return cls(None)
        scope = hashlib.sha256(f"{code_fingerprint()}:{files_fingerprint(data_files)}".encode()).hexdigest()
        folder = root.resolve() / "generator" / scope[:SCOPE_CHARS]
        if not keep:
            return cls(folder)
        store = _kept.get(folder)
        if store is None:
            _kept.clear()  # one scope at a time: an older one is never used again
            store = _kept[folder] = cls(folder)
        store.begin()
        return store

    def begin(self) -> None:
        """Start a run: only the entries it uses are kept when it saves."""
        self._used, self._kept = set(), set()
        self.hits = self.misses = 0

    def _path(self, name: str) -> Path:
        assert self.folder is not None
        return self.folder / f"{name}.pickle"

    def _shard(self, key: str) -> tuple[str, dict[str, Any]]:
        name = shard_name(key)
        if name not in self._shards:
            self._shards[name] = self._load(name)
        return name, self._shards[name]

    def _load(self, name: str) -> dict[str, Any]:
        if self.folder is None:
            return {}
        try:
            with self._path(name).open("rb") as f:
                entries = pickle.load(f)
        except Exception:  # missing, truncated, corrupt or from other code: an empty shard
            return {}
        return entries if isinstance(entries, dict) else {}

    def get(self, key: str) -> Any:
        """The stored result, or `MISSING`."""
        _, shard = self._shard(key)
        value = shard.get(key, MISSING)
        if value is not MISSING:
            self._used.add(key)
        return value

    def holds(self, kind: str) -> bool:
        """Whether an entry of `kind` may be stored: a shard of it is loaded or on disk."""
        names = _shard_names(kind)
        if any(self._shards.get(name) for name in names):
            return True
        return self.folder is not None and any(self._path(name).exists() for name in names)

    def keep(self, keys: Iterable[str]) -> None:
        """Keep these entries (those stored) through `save`, although this run did not read them:
        their shards are not read for it."""
        keys = set(keys)
        self._used.update(keys)
        self._kept.update(keys)

    def put(self, key: str, value: Any) -> None:
        name, shard = self._shard(key)
        shard[key] = value
        self._used.add(key)
        self._dirty.add(name)
        if self._puts is not None:
            self._puts[key] = value

    def replay(self, puts: Mapping[str, Any], used: Iterable[str]) -> None:
        """What another process did with a copy of this store: the entries it put, and those it
        used (perhaps from shards this process never reads: kept)."""
        for key, value in puts.items():
            self.put(key, value)
        self.keep(key for key in used if key not in puts)

    def save(self) -> None:
        """Write the shards that changed; drop entries this run did not use or keep, and older scopes.

        A shard this run did not read stays as it is while it may hold an entry the run kept,
        and is removed otherwise (nothing in it was used).
        """
        if self.folder is None:
            return
        for name, shard in self._shards.items():
            unused = [k for k in shard if k not in self._used]
            for k in unused:
                del shard[k]
            if unused:
                self._dirty.add(name)
        kept = {shard_name(k) for k in self._kept}  # what `get` and `put` used is in shards read
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            for path in self.folder.glob(f"{SHARD_PREFIX}*.pickle"):
                if path.stem not in self._shards and path.stem not in kept:
                    path.unlink(missing_ok=True)
            for name in sorted(self._dirty):
                write_atomic(self._path(name), pickle.dumps(self._shards[name], protocol=_PICKLE))
            for other in self.folder.parent.iterdir():  # older scopes, named as `open` names them
                if other != self.folder and other.is_dir() and _is_scope(other.name):
                    shutil.rmtree(other, ignore_errors=True)
        except OSError:
            return  # a cache that cannot be written only makes the next run slower
        self._dirty.clear()


SHARD_PREFIX = "shard-"
_KIND = re.compile(r"[a-z0-9-]{1,40}")


def shard_name(key: str) -> str:
    """The shard holding `key`: one of SHARDS for its kind (the part before `:`)."""
    return _shard_names(key.partition(":")[0])[zlib.crc32(key.encode()) % SHARDS]


@cache
def _shard_names(kind: str) -> tuple[str, ...]:
    """The names of a kind's shards (a kind that is not a plain name shares the shards of `other`)."""
    kind = kind if _KIND.fullmatch(kind) else "other"
    return tuple(f"{SHARD_PREFIX}{kind}-{i:02d}" for i in range(SHARDS))


_kept: dict[Path, Store] = {}


def _is_scope(name: str) -> bool:
    return len(name) == SCOPE_CHARS and all(c in "0123456789abcdef" for c in name)


def entry_key(kind: str, key: str) -> str:
    """The store key of the result `cached_map` stores for `key` of this kind."""
    return f"{kind}:{key}"


def write_atomic(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


# --- computing what the store does not have -------------------------------------------------

_worker_fn: Callable[..., Any] | None = None
_worker_shared: tuple[Any, ...] = ()
_worker_argss: Sequence[tuple[Any, ...]] = ()


def _init_worker(fn: Callable[..., Any], shared: tuple[Any, ...], argss: Sequence[tuple[Any, ...]]) -> None:
    global _worker_fn, _worker_shared, _worker_argss  # one function and work list per worker process
    _worker_fn, _worker_shared, _worker_argss = fn, shared, argss


def _run_chunk(bounds: tuple[int, int]) -> list[Any]:
    assert _worker_fn is not None
    return [_worker_fn(*args, *_worker_shared) for args in _worker_argss[bounds[0] : bounds[1]]]


def workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _context() -> multiprocessing.context.BaseContext:
    """fork is cheapest, but not safe once threads run (under `mkdocs serve`): then spawn."""
    import multiprocessing  # noqa: PLC0415 (see compute)

    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def compute(
    fn: Callable[..., Any], argss: Sequence[tuple[Any, ...]], shared: tuple[Any, ...], parallel: bool = True
) -> list[Any]:
    """`[fn(*args, *shared) for args in argss]`, in worker processes when there are enough
    (and `parallel`: false for work cheaper than sending its arguments to a worker)."""
    n = workers()
    if not parallel or len(argss) < PARALLEL_MIN or n < 2 or _background_child:
        return [fn(*args, *shared) for args in argss]
    # Imported here (about 14 ms): an edit or a rerun computes too little to start workers.
    from concurrent.futures import ProcessPoolExecutor  # noqa: PLC0415

    # Every worker is given the whole work list when it starts, then only which part to do. A
    # forked worker inherits the list, so no argument is pickled: an article is 10 KB or more, and
    # sending each to a worker cost about what making its page there saved. (Spawned workers,
    # under `mkdocs serve`, are sent the list once each.)
    chunks = [(i, min(i + CHUNK, len(argss))) for i in range(0, len(argss), CHUNK)]
    initargs = (fn, shared, argss)
    with ProcessPoolExecutor(n, mp_context=_context(), initializer=_init_worker, initargs=initargs) as pool:
        return [result for chunk in pool.map(_run_chunk, chunks) for result in chunk]


_background_child = False  # whether this process is the child of `in_background`


def in_background(store: Store, fn: Callable[..., Any], *args: Any, worth_it: bool = True) -> Callable[[], Any]:
    """Start `fn(*args)`, which may read and write `store`, in a forked child process, while this
    one goes on; the function returned waits for the result and replays the child's use of the
    store here. Where that is not `worth_it` (too little work to pay for a process), not safe
    (threads run) or useless (one core), or if the child fails, `fn` runs in this process when
    the result is asked for."""
    import multiprocessing  # noqa: PLC0415 (see compute)

    forks = "fork" in multiprocessing.get_all_start_methods()
    if not worth_it or not forks or workers() < 2 or threading.active_count() > 1:
        return lambda: fn(*args)
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_background, args=(send, store, fn, args), daemon=True)
    child.start()
    send.close()

    def result() -> Any:
        try:
            value, puts, used = receive.recv()
        except (EOFError, OSError):  # the child failed or was stopped: the work is done here
            return fn(*args)
        finally:
            receive.close()
            child.join()
        store.replay(puts, used)
        return value

    return result


def _background(send: Any, store: Store, fn: Callable[..., Any], args: tuple[Any, ...]) -> None:
    """The child of `in_background`: it sends the result and its use of the store, then ends at
    once (no exit handlers: what this process inherited belongs to its parent)."""
    global _background_child  # noqa: PLW0603 (this process's own state, set once)
    _background_child = True  # its work is done here: one process beside its parent is enough
    try:
        store._puts, before = {}, set(store._used)
        value = fn(*args)
        send.send((value, store._puts, store._used - before))
    finally:
        os._exit(0)


def cached_map(
    store: Store,
    kind: str,
    items: Sequence[tuple[str | None, tuple[Any, ...]]],
    fn: Callable[..., Any],
    *,
    shared: tuple[Any, ...] = (),
    valid: Callable[[Any], bool] | None = None,
    parallel: bool = True,
    stored: Callable[[Any], Any] | None = None,
    key_of: Callable[[int, Any], str | None] | None = None,
) -> list[Any]:
    """`[fn(*args, *shared) for key, args in items]`, reusing stored results (that are `valid`).

    An item whose key is None is always computed. `stored` gives what of a computed result is
    kept in the store (default: all of it); computed results are returned whole. `key_of(i,
    result)` gives the key a result computed for item `i` is stored under (default: the item's;
    None: not stored): a key made from what the computation itself read.
    """
    results: list[Any] = []
    missing: list[int] = []
    for i, (key, _) in enumerate(items):
        value = MISSING if key is None else store.get(entry_key(kind, key))
        if value is MISSING or (valid is not None and not valid(value)):
            missing.append(i)
            value = None
        results.append(value)
    computed = compute(fn, [items[i][1] for i in missing], shared, parallel)
    for i, value in zip(missing, computed, strict=True):
        key = items[i][0] if key_of is None else key_of(i, value)
        if key is not None:
            store.put(entry_key(kind, key), value if stored is None else stored(value))
        results[i] = value
    store.hits += len(items) - len(missing)
    store.misses += len(missing)
    return results


def cached_call(store: Store, kind: str, key: str, fn: Callable[..., Any], *args: Any) -> Any:
    """`fn(*args)`, reused from the store under `key`."""
    return cached_map(store, kind, [(key, args)], fn)[0]
