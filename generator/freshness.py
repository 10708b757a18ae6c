"""The rerun fast path: when no input and no output changed since the last run, skip the work.

A stamp hashes what a run's result depends on, read from file metadata only: every entry of
`seeds/` and every file under `content/` (name, size, modification and change times, inode),
the day, the site URL and the two folders' paths as given. The generator's code and `data/`
need no place in it: the stamp is kept in the cache's scope folder, which is named after them
(cache.Store.open).

The seeds' part is taken before a run reads the seeds, so a seed saved while a run is under way
makes the next run do the work; the content part is taken after the run has written. A stamp
is recorded only after a run that wrote `content/` completely; any difference, or no record,
means a full run, which reuses the cache as before.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import os
import pickle
import stat
from dataclasses import dataclass
from pathlib import Path

from .cache import write_atomic
from .model import Diagnostic

RECORD = "last-run.pickle"


@dataclass(frozen=True)
class Listing:
    """A folder's entries as read once: a hash of their names and metadata (as `folder_state`
    hashes them), and what that read found (so the folder is not read again for it)."""

    state: str
    names: tuple[str, ...]  # sorted
    folders: frozenset[str]  # the names that are folders (or links to folders)
    stats: dict[str, os.stat_result]  # by name, those that could be read


def list_folder(folder: Path) -> Listing:
    """Read a folder's entries once (not those of its subfolders)."""
    h = hashlib.sha256()
    folders, stats = set(), {}
    entries = _entries(folder, "", h)
    for entry in entries:
        st = _add(h, entry.name, entry)
        if st is not None:
            stats[entry.name] = st
            if stat.S_ISDIR(st.st_mode):
                folders.add(entry.name)
    return Listing(h.hexdigest(), tuple(e.name for e in entries), frozenset(folders), stats)


def folder_state(folder: Path) -> str:
    """A hash of the names and metadata of every file below a folder."""
    h = hashlib.sha256()
    stack = [(folder, "")]
    while stack:
        here, prefix = stack.pop()
        for entry in _entries(here, prefix, h):
            if _is_folder(entry):
                stack.append((Path(entry.path), f"{prefix}{entry.name}/"))
            else:
                _add(h, prefix + entry.name, entry)
    return h.hexdigest()


def _entries(folder: Path, prefix: str, h: hashlib._Hash) -> list[os.DirEntry[str]]:
    """The folder's entries by name; an unreadable folder goes into the hash as such."""
    try:
        with os.scandir(folder) as listing:
            return sorted(listing, key=lambda e: e.name)
    except OSError as exc:
        h.update(f"{prefix}\0unreadable {exc.errno}\n".encode("utf-8", "surrogateescape"))
        return []


def _is_folder(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir(follow_symlinks=False)
    except OSError:
        return False  # hashed as an unreadable entry


def _add(h: hashlib._Hash, name: str, entry: os.DirEntry[str]) -> os.stat_result | None:
    """Hash one entry's name and metadata (mode, size, modification and change times, inode)."""
    try:
        st = entry.stat()
        meta = f"{st.st_mode} {st.st_size} {st.st_mtime_ns} {st.st_ctime_ns} {st.st_ino}"
    except OSError as exc:
        st, meta = None, f"unreadable {exc.errno}"
    h.update(f"{name}\0{meta}\n".encode("utf-8", "surrogateescape"))
    return st


def stamp(seeds: Path, seeds_state: str, content: Path, today: _dt.date, site_url: str) -> str:
    """The stamp of a run; the folders as given too, since the diagnostics it repeats name files by them."""
    parts = [str(seeds), seeds_state, str(content), folder_state(content), today.isoformat(), site_url]
    return hashlib.sha256("\0".join(parts).encode("utf-8", "surrogateescape")).hexdigest()


@dataclass(frozen=True)
class LastRun:
    """What a run reported, with the stamp of the state it left."""

    stamp: str
    article_count: int
    rejected: tuple[Diagnostic, ...]
    warnings: tuple[Diagnostic, ...]
    seeds_state: str = ""  # the `Listing.state` of `seeds/` in the stamp

    def fresh(self, seeds: Path, seeds_state: str, content: Path, today: _dt.date, site_url: str) -> bool:
        """Whether nothing changed since this run (`content/` is looked at only if `seeds/` is unchanged)."""
        return seeds_state == self.seeds_state and self.stamp == stamp(seeds, seeds_state, content, today, site_url)


def load(folder: Path | None) -> LastRun | None:
    if folder is None:
        return None
    try:
        with (folder / RECORD).open("rb") as f:
            record = pickle.load(f)
    except Exception:  # none yet, truncated or from other code: do the work
        return None
    return record if isinstance(record, LastRun) else None


def save(folder: Path | None, record: LastRun) -> None:
    if folder is None:
        return
    try:
        folder.mkdir(parents=True, exist_ok=True)
        write_atomic(folder / RECORD, pickle.dumps(record, protocol=pickle.HIGHEST_PROTOCOL))
    except OSError:
        return  # the next run only does the work again
