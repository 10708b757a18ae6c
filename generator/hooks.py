"""MkDocs hooks (see `hooks:` in mkdocs.yml): the digest generator runs inside MkDocs.

- every build (`mkdocs build`, each `mkdocs serve` rebuild) regenerates `content/` first;
- under `mkdocs serve`, MkDocs also watches `seeds/` and `data/`: a change there starts a
  rebuild, whose first step regenerates `content/` (only changed files are rewritten, so
  `mkdocs serve --dirty` rebuilds just those pages);
- `make site` runs the generator itself and sets VL_CONTENT_READY=1 so the build does not
  regenerate a second time;
- an empty site URL is a warning (fatal under `--strict`);
- the theme's compiled templates are kept across rebuilds (preview.TemplateCache);
- once MkDocs has listed the pages, part of their Markdown is rendered on the other cores
  (prerender.py): the same HTML, sooner;
- a page outside the nav (an article, a year's, a theme's or a person's page) marks the tab of
  its section (`layout.SECTIONS`), as a page in the nav marks its own;
- after every build, `site/CNAME` is written when the site URL names a custom domain.

The search index is not made here: the generator writes it into `content/tim-kiem/`
(generator/searchindex.py), so it is there for any renderer.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig

from generator import layout, prerender, preview, publish

log = logging.getLogger("mkdocs.plugins.digest")
CONTENT_READY = "VL_CONTENT_READY"  # set to 1: content/ is fresh, do not regenerate it


def on_config(config: MkDocsConfig) -> None:
    problem = publish.site_url_problem(config.site_url)
    if problem:
        log.warning(problem)  # fatal under --strict (make site, make deploy)


def on_pre_build(config: MkDocsConfig) -> None:
    if os.environ.get(CONTENT_READY) == "1":
        return  # `make site` ran the generator just before `mkdocs build`
    preview.generate(config)


def on_nav(nav: Any, config: MkDocsConfig, files: Any) -> Any:
    handed = prerender.hand_out(config, files)
    if handed:
        log.debug(f"{handed} pages rendered in other processes")
    return nav


def on_env(env: Any, config: MkDocsConfig, files: Any) -> Any:
    env.bytecode_cache = preview.templates  # compiled once per process, not once per rebuild
    return env


def on_serve(server: Any, config: MkDocsConfig, builder: Any) -> Any:
    preview.watch_sources(config, server)
    return server


_marked: list[Any] = []  # the nav page marked active for the page being rendered


def on_page_context(context: Any, page: Any, config: MkDocsConfig, nav: Any) -> Any:
    index = layout.section_index(page.file.src_uri)  # None for a page at the top (in the nav)
    if index is not None and index != page.file.src_uri:  # a section's own page marks itself
        section = next((p for p in nav.items if getattr(p, "file", None) and p.file.src_uri == index), None)
        if section is not None and not section.active:
            section.active = True
            _marked.append(section)
    return context


def on_post_page(output: str, page: Any, config: MkDocsConfig) -> str:
    while _marked:
        _marked.pop().active = False
    return output


def on_post_build(config: MkDocsConfig) -> None:
    domain = publish.write_cname(Path(config.site_dir), config.site_url)
    if domain:
        log.info(f"{publish.CNAME}: {domain}")
