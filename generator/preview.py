"""Running the generator from MkDocs: before every build, and when sources change under serve.

`generator/hooks.py` (listed under `hooks:` in mkdocs.yml) delegates here. This is a normal
module, imported once, so its lock and observer outlive MkDocs' reloading of the hook file on
every rebuild.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers.polling import PollingObserver

from .build import Paths, Report, build
from .errors import ConfigError, ConfigErrors

log = logging.getLogger("mkdocs.plugins.digest")
_lock = threading.Lock()
_observers: list[PollingObserver] = []  # at most one: started by the first `mkdocs serve` build
POLL_SECONDS = 0.5


def paths_for(config: MkDocsConfig) -> Paths:
    root = Path(config.config_file_path or ".").resolve().parent
    return Paths(seeds=root / "seeds", content=Path(config.docs_dir), data=root / "data", cache=root / ".cache")


def _report(report: Report) -> None:
    for d in (*report.rejected, *report.warnings):
        log.info(f"{d.level}: {d}")
    if report.result.changed:
        r = report.result
        log.info(
            f"generator: {len(report.articles)} articles; {len(r.written)} pages written, {len(r.removed)} removed"
        )


def generate(config: MkDocsConfig) -> Report:
    """Run the generator; a configuration error aborts the MkDocs build with its message."""
    with _lock:
        try:
            report = build(paths_for(config))
        except (ConfigError, ConfigErrors) as exc:
            raise Abort(f"generator: {exc}") from None
    _report(report)
    return report


class _SourceChanged(FileSystemEventHandler):
    """Regenerate `content/` when a seed or data file changes; MkDocs sees content change."""

    def __init__(self, config: MkDocsConfig) -> None:
        self.config = config

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.is_directory:
            return
        try:
            generate(self.config)
        except Abort as exc:
            log.error(str(exc))


def watch_sources(config: MkDocsConfig) -> None:
    """Start (once per process) an observer on seeds/ and data/."""
    if _observers:
        return
    paths = paths_for(config)
    observer = PollingObserver(timeout=POLL_SECONDS)
    handler = _SourceChanged(config)
    for folder in (paths.seeds, paths.data):
        if folder.is_dir():
            observer.schedule(handler, str(folder), recursive=True)
    observer.daemon = True
    observer.start()
    _observers.append(observer)
