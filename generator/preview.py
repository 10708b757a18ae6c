"""Running the generator from MkDocs: before every build, and when sources change under serve.

`generator/hooks.py` (listed under `hooks:` in mkdocs.yml) delegates here. This is a normal
module, imported once, so its lock outlives MkDocs' reloading of the hook file on
every rebuild.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.structure.files import File

from .build import Paths, Report, build
from .errors import ConfigError, ConfigErrors, one_line

log = logging.getLogger("mkdocs.plugins.digest")
_lock = threading.Lock()


class TemplateCache(BytecodeCache):
    """Compiled theme templates kept in memory across the rebuilds of one `mkdocs serve`.

    MkDocs makes a new Jinja environment for every build, which compiles Material's templates
    again: four dirty builds of one changed page at 1,000 articles in one process took 0.72 s
    (the first, compiling), then 0.29-0.31 s each with this cache. Jinja checks each template's source
    checksum before reusing its code, so an edited template is compiled afresh.
    """

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


templates = TemplateCache()


def paths_for(config: MkDocsConfig) -> Paths:
    """The project's folders, relative to the working directory when inside it: messages name
    `seeds/x.txt`, as the command line's do."""
    root = Path(config.config_file_path or ".").resolve().parent
    with contextlib.suppress(ValueError):
        root = root.relative_to(Path.cwd())
    return Paths(seeds=root / "seeds", content=Path(config.docs_dir), data=root / "data", cache=root / ".cache")


def _report(report: Report) -> None:
    # The command line's words (`rejected:`, `warning:`), at INFO: `mkdocs build --strict` fails on
    # a warning, and a seed's problems must not stop the build of every other page.
    for d in report.rejected:
        log.info(f"rejected: {one_line(d)}")
    for d in report.warnings:
        log.info(f"warning: {one_line(d)}")
    if report.result.changed:
        r = report.result
        log.info(
            f"generator: {report.article_count} articles; {len(r.written)} pages written, {len(r.removed)} removed"
        )


def generate(config: MkDocsConfig) -> Report:
    """Run the generator; a configuration error aborts the MkDocs build with its message.

    What MkDocs built from the pages the run removed is deleted from the site directory
    (`remove_built`): a dirty build (`make serve`) would otherwise serve them on."""
    with _lock:
        try:
            report = build(paths_for(config), keep_cache=True)
        except (ConfigError, ConfigErrors) as exc:
            raise Abort(f"generator: {exc}") from None
    _report(report)
    gone = remove_built(config, report.result.removed)
    if gone:
        log.debug(f"generator: removed from {config.site_dir}: {', '.join(gone)}")
    return report


def remove_built(config: MkDocsConfig, removed: Iterable[str]) -> list[str]:
    """Delete from `config.site_dir` the output MkDocs made of `removed` (paths relative to
    `content/`); the paths deleted, relative to the site directory.

    A clean build empties the site directory anyway; a dirty one (`mkdocs serve --dirty`) never
    deletes the page of a Markdown file that is gone, so a removed or renamed seed's article would
    still be served at its old URL. The output is where MkDocs' `File` puts it: `x/y.md` at
    `x/y/index.html` (`x/y.html` without `use_directory_urls`), `x/index.md` at `x/index.html`,
    any other file at its own path. A page's own directory (`x/y/`) goes too once empty; nothing
    outside the site directory is touched.
    """
    removed = list(removed)
    if not removed:
        return []
    site = Path(config.site_dir).resolve()
    gone: list[str] = []
    for src in removed:
        built = File(src, None, str(site), config.use_directory_urls)
        target = Path(built.abs_dest_path)
        folder = target.parent.resolve()
        if not folder.is_relative_to(site) or not (target.is_file() or target.is_symlink()):
            continue
        target.unlink()
        gone.append(built.dest_uri)
        if built.is_documentation_page() and target.name == "index.html" and folder != site:
            with contextlib.suppress(OSError):  # not empty: other files are in it
                folder.rmdir()  # the page's own directory (`x/y/` of `x/y/index.html`)
    return gone


def watch_sources(config: MkDocsConfig, server: Any) -> None:
    """Have `mkdocs serve` rebuild when seeds/ or data/ change: each rebuild starts with
    `on_pre_build`, which regenerates `content/` before MkDocs reads it, so the one rebuild
    sees the new pages (with `--dirty`, only the pages the generator rewrote; what was built of
    the pages it removed is deleted, `remove_built`)."""
    paths = paths_for(config)
    for folder in (paths.seeds, paths.data):
        if folder.is_dir():
            server.watch(str(folder))
