"""Writing `content/` all at once: the previous complete output or the new one, never a mix.

The generator owns the files listed in `content/.generated.json`; every other file there is
hand-written and is never changed. A run works like this:

1. compare the wanted files with what is on disk; if nothing differs, write nothing at all.
   Files the caller names `current` are not compared: the caller knows they hold what it wants
   (`Written` records, for each file a run wrote, the key of its bytes and the file's metadata);
2. bring the sibling staging tree `.content.staging/` up to date: every unchanged file
   (generated or hand-written) is a hard link to the current one, so it keeps its inode and
   mtime (MkDocs' dirty rebuild and `mkdocs serve` see only what really changed); changed files
   are new files; the manifest is written last. The tree is kept from the run before (it holds
   the output before that run): an entry that already is the same file as in `content/` (same
   inode on the same device) stays, every other entry is linked again or removed, so a run
   links only what changed since the run before instead of every file;
3. swap the staging tree and `content/` in one atomic step (Linux `renameat2` with
   RENAME_EXCHANGE; elsewhere two renames, recovered on the next run). The old `content/` is
   now the staging tree, kept for the next run.

A kill at any point leaves `content/` as it was before the run, or as the run meant it; a
staging tree left half made is brought up to date like any other. Ctrl-C before step 3 leaves
`content/` as it was; Ctrl-C during step 3 is held until the swap is done, then raised.
`commits` counts the swaps done in this process, so the CLI can tell the user which of the two
`content/` is.

Test hook: with `GENERATOR_TEST_SIGNAL=KILL@12` (or `INT@commit`) in the environment, the
writer sends itself SIGKILL (SIGINT) at its 12th checkpoint (the one named `commit`), so
tests/test_crash_safety.py can stop a run at exact steps. Without the variable it does nothing.
"""

from __future__ import annotations

import ctypes
import errno
import hashlib
import itertools
import json
import os
import shutil
import signal
import sys
import threading
import time
import unicodedata
from collections import Counter
from collections.abc import Collection, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from .cache import file_sha256, settled
from .errors import ConfigError

try:
    import fcntl
except ImportError:  # Windows: no advisory locks; one writer at a time is then the user's care
    fcntl = None  # type: ignore[assignment]

MANIFEST = ".generated.json"
STAGING_SUFFIX = ".staging"
OLD_SUFFIX = ".old"
LOCK_SUFFIX = ".lock"
_RENAME_EXCHANGE = 2
TEST_SIGNAL = "GENERATOR_TEST_SIGNAL"
_checkpoints = itertools.count(1)
commits: Counter[Path] = Counter()  # swaps done in this process, by `content/` path


def _checkpoint(name: str) -> None:
    """Test hook (see the module docstring): signal this process at the chosen checkpoint."""
    spec = os.environ.get(TEST_SIGNAL)
    if not spec:
        return
    sig, _, at = spec.partition("@")
    if at in (name, str(next(_checkpoints))):
        os.kill(os.getpid(), signal.Signals[f"SIG{sig}"])


@contextmanager
def _holding_ctrl_c() -> Iterator[list[int]]:
    """Hold SIGINT until the block ends (main thread only); yields the signals that came."""
    received: list[int] = []
    if threading.current_thread() is not threading.main_thread():
        yield received
        return
    previous = signal.signal(signal.SIGINT, lambda signum, _frame: received.append(signum))
    try:
        yield received
    finally:
        signal.signal(signal.SIGINT, previous)


@dataclass(frozen=True)
class WriteResult:
    written: tuple[str, ...]  # new or changed files, relative to content/
    removed: tuple[str, ...]  # generated files no longer wanted

    @property
    def changed(self) -> bool:
        return bool(self.written or self.removed)


Entry = tuple[str, int, int, int, str]  # key, size, modification time (ns), inode, SHA-256 or ""


@dataclass(frozen=True)
class Written:
    """What runs wrote into `content/`: by path, the key its bytes were made from (equal keys,
    equal bytes) and the file's size, modification time and inode once written.

    A file whose key and metadata are still the same holds those bytes: a run need neither make
    them nor read the file to know it is current (what make trusts). As git does with racily
    clean files: a file modified less than `cache.HASH_SETTLE_NS` before it was recorded could have been
    rewritten within the same timestamp tick, keeping its metadata, so its entry also holds the
    SHA-256 of its bytes, checked against the file until a check finds it settled.
    """

    content: Path
    files: dict[str, Entry] = field(default_factory=dict)
    settled: set[str] = field(default_factory=set, compare=False)  # racy entries found settled

    def current(self, rel: str, key: str) -> bool:
        known = self.files.get(rel)
        if known is None or known[0] != key:
            return False
        path = os.path.join(self.content, rel)
        try:
            st = os.stat(path)
        except OSError:
            return False
        if (st.st_size, st.st_mtime_ns, st.st_ino) != known[1:4]:
            return False
        if not known[4]:
            return True
        checked = time.time_ns()
        same = file_sha256(path) == known[4]
        if same and settled(st.st_mtime_ns, checked):
            self.settled.add(rel)  # checked after its tick had passed: metadata suffice from now on
        return same

    def after(self, keys: Mapping[str, str], current: Collection[str], made: Mapping[str, bytes]) -> Written:
        """The record once `content/` holds the files `keys` names (with the key of each): those
        in `current` were current before the write; `made` has the bytes of the others."""
        files: dict[str, Entry] = {}
        now = time.time_ns()
        for rel, key in keys.items():
            known = self.files.get(rel)
            if rel in current and known is not None and known[0] == key:
                files[rel] = (*known[:4], "") if rel in self.settled else known
                continue
            try:
                st = os.stat(os.path.join(self.content, rel))
            except OSError:
                continue
            if settled(st.st_mtime_ns, now):
                sha = ""
            elif rel in made:
                sha = hashlib.sha256(made[rel]).hexdigest()
            else:
                continue
            files[rel] = (key, st.st_size, st.st_mtime_ns, st.st_ino, sha)
        return Written(self.content, files)


def read_manifest(content: Path) -> set[str]:
    try:
        data = json.loads((content / MANIFEST).read_text(encoding="utf-8"))
        return {str(p) for p in data["files"]}
    except (OSError, ValueError, KeyError, TypeError):
        return set()


def _manifest_bytes(paths: set[str]) -> bytes:
    return (json.dumps({"files": sorted(paths)}, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def _current(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except (FileNotFoundError, NotADirectoryError, IsADirectoryError):
        return None


class _Listed(dict[str, frozenset[str]]):
    """The names in each folder under `root`, listed once: a file that is not there is not
    opened (a cold run at 10,000 seeds tried to open 12,600 pages that did not exist, in 0.2 s)."""

    def __init__(self, root: Path) -> None:
        super().__init__()
        self.root = root

    def may_hold(self, rel: str) -> bool:
        """Whether `rel` (a `/`-separated path under `root`) may name a file: its folder lists a name
        equal to it, once both are NFC and case-folded (as a file system that ignores case or
        normalisation would open it)."""
        folder, _, name = rel.rpartition("/")
        return _loose(name) in self[folder]

    def __missing__(self, folder: str) -> frozenset[str]:
        try:
            names = frozenset(map(_loose, os.listdir(os.path.join(self.root, folder))))
        except OSError:  # not there, or not a folder: it holds no file
            names = frozenset()
        self[folder] = names
        return names


def _loose(name: str) -> str:
    return unicodedata.normalize("NFC", name).casefold()


def plan(content: Path, wanted: Mapping[str, bytes], current: Collection[str] = ()) -> tuple[list[str], list[str]]:
    """Which wanted files differ from disk, and which old generated files are no longer wanted
    (neither in `wanted` nor `current`, the generated files already as wanted).

    ConfigError if a wanted path is taken by a hand-written file with other content.
    """
    owned = read_manifest(content)
    every = set(wanted).union(current)
    changed = []
    present = _Listed(content)
    for rel, data in sorted(wanted.items()):
        existing = _current(content / rel) if present.may_hold(rel) else None
        if existing == data:
            continue
        if existing is not None and rel not in owned:
            raise ConfigError(
                str(content / rel), "a hand-written file is where the generator writes a page; move or delete it"
            )
        changed.append(rel)
    removed = sorted(p for p in owned if p not in every and (content / p).exists())
    if owned != every and not changed and not removed:
        changed.append(MANIFEST)  # only the manifest is out of date
    return changed, removed


def recover(content: Path) -> None:
    """Finish or undo a run that was killed: leave exactly one complete `content/`.

    The staging tree stays, whatever state it was left in: the next write brings it up to date."""
    staging, old = _staging(content), content.with_name(f".{content.name}{OLD_SUFFIX}")
    if not content.exists() and old.exists():
        old.rename(content)  # killed between the two renames of the fallback swap
    if old.exists() or old.is_symlink():
        _remove(old)
    if staging.is_symlink() or (staging.exists() and not staging.is_dir()):
        _remove(staging)


def _staging(content: Path) -> Path:
    return content.with_name(f".{content.name}{STAGING_SUFFIX}")


def _remove(path: str | Path) -> None:
    """Delete a file, a symlink or a whole folder."""
    if os.path.isdir(path) and not os.path.islink(path):
        shutil.rmtree(path)
    else:
        os.unlink(path)


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap two directories (Linux). False where the system cannot."""
    if not sys.platform.startswith("linux"):
        return False
    libc = ctypes.CDLL(None, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    at_fdcwd = -100
    result = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), _RENAME_EXCHANGE)
    if result == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False
    raise OSError(err, os.strerror(err), str(a))


def _empty(folder: Path) -> bool:
    """Whether `folder` holds nothing, without listing all of it."""
    with os.scandir(folder) as listing:
        return next(listing, None) is None


def _mirror_tree(src: Path, dst: Path, skip: set[str]) -> None:
    """Make `dst` hold a hard link to every file under `src` (a symlink: a copy of it), except
    the relative paths in `skip`, and nothing else.

    An entry of `dst` with the inode of the file in `src`, on the same device, is that file: a
    link keeps an inode in use, so its number is never given to another file meanwhile. It stays
    as it is; every other entry is removed, then linked. Works on plain strings and `os.scandir`
    entries (whose inode numbers come with the listing): this runs over every file of `content/`
    on every run that changes anything.
    """
    pending = [""]
    while pending:
        rel_dir = pending.pop()
        src_dir, dst_dir = os.path.join(src, rel_dir), os.path.join(dst, rel_dir)
        if os.path.islink(dst_dir) or (os.path.lexists(dst_dir) and not os.path.isdir(dst_dir)):
            os.unlink(dst_dir)  # in a tree left by a stopped run, or by hand
        os.makedirs(dst_dir, exist_ok=True)
        same_device = os.stat(src_dir).st_dev == os.stat(dst_dir).st_dev
        with os.scandir(dst_dir) as listing:
            there = {entry.name: entry for entry in listing}
        with os.scandir(src_dir) as listing:
            entries = sorted(listing, key=lambda e: e.name)
        for entry in entries:
            rel = f"{rel_dir}/{entry.name}" if rel_dir else entry.name
            old = there.pop(entry.name, None)
            if entry.is_dir(follow_symlinks=False):
                if old is not None and not old.is_dir(follow_symlinks=False):
                    os.unlink(old.path)
                pending.append(rel)
                continue
            if old is not None:
                if rel not in skip and same_device and _same_file(entry, old):
                    continue
                _remove(old.path)
            if rel in skip:
                continue
            _checkpoint("link")
            target = os.path.join(dst, rel)
            if entry.is_symlink():
                os.symlink(os.readlink(entry.path), target)
            else:
                try:
                    os.link(entry.path, target)
                except OSError:
                    shutil.copy2(entry.path, target)
        for old in there.values():  # no longer in `src`
            _remove(old.path)


def _same_file(entry: os.DirEntry[str], old: os.DirEntry[str]) -> bool:
    """Whether `old` is a hard link to the regular file `entry` (symlinks are copied anew)."""
    return (
        not entry.is_symlink()
        and not old.is_symlink()
        and not old.is_dir(follow_symlinks=False)
        and old.inode() == entry.inode()
    )


def _write(path: str, data: bytes, folders: set[str]) -> None:
    """A new file: never written through a link to a file of `content/` (mode "x"). `folders`:
    those already made, to which its folder is added (12,600 pages go to a few folders)."""
    _checkpoint("write")
    folder = os.path.dirname(path)
    if folder not in folders:
        os.makedirs(folder, exist_ok=True)
        folders.add(folder)
    with open(path, "xb") as f:
        f.write(data)


@contextmanager
def _exclusive(content: Path) -> Iterator[None]:
    """One writer at a time per `content/` (e.g. `mkdocs serve` and the CLI): a lock file beside it."""
    lock = content.with_name(f".{content.name}{LOCK_SUFFIX}")
    lock.parent.mkdir(parents=True, exist_ok=True)
    with open(lock, "a+b") as handle:
        if fcntl is not None:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            if fcntl is not None:
                fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def write_content(content: Path, wanted: Mapping[str, bytes], current: Collection[str] = ()) -> WriteResult:
    """Make `content/` hold exactly the wanted generated files plus the hand-written ones.

    `current` names more generated files, which `content/` already holds as wanted."""
    with _exclusive(content):
        return _write_content(content, wanted, frozenset(current))


def _write_content(content: Path, wanted: Mapping[str, bytes], current: frozenset[str]) -> WriteResult:
    recover(content)
    content.mkdir(parents=True, exist_ok=True)
    changed, removed = plan(content, wanted, current)
    if not changed and not removed:
        return WriteResult((), ())

    staging, old = _staging(content), content.with_name(f".{content.name}{OLD_SUFFIX}")
    _stage(content, staging, wanted, changed, removed, current=current)  # Ctrl-C: content/ is untouched

    with _holding_ctrl_c() as interrupted:
        _checkpoint("commit")
        if _exchange(staging, content):
            commits[content] += 1
            _checkpoint("swapped")
        else:
            content.rename(old)
            staging.rename(content)
            commits[content] += 1
            old.rename(staging)
        _checkpoint("committed")
    if interrupted:
        raise KeyboardInterrupt
    return WriteResult(tuple(r for r in changed if r != MANIFEST), tuple(removed))


def _stage(
    content: Path,
    staging: Path,
    wanted: Mapping[str, bytes],
    changed: list[str],
    removed: list[str],
    *,
    current: frozenset[str],
) -> None:
    """Bring the staging tree up to date: unchanged files linked, changed ones written, the manifest last."""
    _mirror_tree(content, staging, skip={*changed, *removed, MANIFEST})
    folders: set[str] = set()
    for rel in changed:
        if rel != MANIFEST:
            _write(os.path.join(staging, rel), wanted[rel], folders)
    # Drop the folders the removal emptied, deepest first, each looked at once (not once per
    # file removed from it: 7,000 pages removed from a folder of 10,000 listed it 7,000 times).
    for emptied in sorted({(staging / rel).parent for rel in removed}, key=lambda f: (-len(f.parts), f)):
        folder = emptied
        while folder != staging and folder.exists() and _empty(folder):
            folder.rmdir()
            folder = folder.parent
    _write(os.path.join(staging, MANIFEST), _manifest_bytes(set(wanted) | current), folders)
