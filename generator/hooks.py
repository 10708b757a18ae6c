"""MkDocs hooks (see `hooks:` in mkdocs.yml): the digest generator runs inside MkDocs.

- every build (`mkdocs build`, each `mkdocs serve` rebuild) regenerates `content/` first;
- under `mkdocs serve`, MkDocs also watches `seeds/` and `data/`: a change there starts a
  rebuild, whose first step regenerates `content/`.
"""

from __future__ import annotations

import os
from typing import Any

from mkdocs.config.defaults import MkDocsConfig

from generator import preview

CONTENT_READY = "VL_CONTENT_READY"  # set to 1: content/ is fresh, do not regenerate it


def on_pre_build(config: MkDocsConfig) -> None:
    if os.environ.get(CONTENT_READY) == "1":
        return  # `make site` ran the generator just before `mkdocs build`
    preview.generate(config)


def on_serve(server: Any, config: MkDocsConfig, builder: Any) -> Any:
    preview.watch_sources(config, server)
    return server
