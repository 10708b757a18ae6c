"""MkDocs hooks (see `hooks:` in mkdocs.yml): the digest generator runs inside MkDocs.

- every build (`mkdocs build`, each `mkdocs serve` rebuild) regenerates `content/` first;
- under `mkdocs serve`, a change to `seeds/` or `data/` regenerates `content/`, and MkDocs'
  own watch on `content/` rebuilds the site and reloads the browser;
- after every build, Pagefind indexes the built site for the search box (generator/search.py).
"""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig

from generator import preview, search


def on_pre_build(config: MkDocsConfig) -> None:
    preview.generate(config)


def on_post_build(config: MkDocsConfig) -> None:
    search.index_built_site(config)


def on_serve(server: Any, config: MkDocsConfig, builder: Any) -> Any:
    preview.watch_sources(config)
    return server
