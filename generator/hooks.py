"""MkDocs hooks (see `hooks:` in mkdocs.yml): the digest generator runs inside MkDocs.

- every build (`mkdocs build`, each `mkdocs serve` rebuild) regenerates `content/` first;
- under `mkdocs serve`, a change to `seeds/` or `data/` regenerates `content/`, and MkDocs'
  own watch on `content/` rebuilds the site and reloads the browser;
- an empty site URL is a warning (fatal under `--strict`);
- after every build, Pagefind indexes the built site for the search box (generator/search.py),
  and `site/CNAME` is written when the site URL names a custom domain.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig

from generator import preview, publish, search

log = logging.getLogger("mkdocs.plugins.digest")


def on_config(config: MkDocsConfig) -> None:
    problem = publish.site_url_problem(config.site_url)
    if problem:
        log.warning(problem)  # fatal under --strict (make site, make deploy)


def on_pre_build(config: MkDocsConfig) -> None:
    preview.generate(config)


def on_serve(server: Any, config: MkDocsConfig, builder: Any) -> Any:
    preview.watch_sources(config)
    return server


def on_post_build(config: MkDocsConfig) -> None:
    search.index_built_site(config)
    domain = publish.write_cname(Path(config.site_dir), config.site_url)
    if domain:
        log.info(f"{publish.CNAME}: {domain}")
