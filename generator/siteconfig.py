"""The site's public address, from the one setting MkDocs uses too.

`mkdocs.yml` says `site_url: !ENV [SITE_URL, "<placeholder>"]`: the SITE_URL environment
variable wins, else the placeholder written there. Feeds need absolute links, so the
generator reads the same setting instead of keeping a second one.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml

from .yamlfile import YAML_ERRORS, read_yaml_text, yaml_error

FALLBACK = "https://example.github.io/viet-lao-digest/"


class _Loader(yaml.SafeLoader):
    """Reads mkdocs.yml's `!ENV` tags the way MkDocs does; ignores other custom tags.

    PyYAML's own parser, as MkDocs uses: LibYAML's (CSafeLoader, 4 ms faster here) crashes the
    process on deeply nested input instead of raising an error."""


def _env(loader: _Loader, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        names, default = [loader.construct_scalar(node)], None
    else:
        items = loader.construct_sequence(node)
        names, default = items[:-1], items[-1]
    for name in names:
        if os.environ.get(str(name)):
            return os.environ[str(name)]
    return default


_Loader.add_constructor("!ENV", _env)
_Loader.add_multi_constructor("", lambda loader, suffix, node: None)


def site_url(config: Path = Path("mkdocs.yml")) -> str:
    """The site URL with a trailing slash."""
    url = os.environ.get("SITE_URL")
    if not url and config.is_file():
        text = read_yaml_text(config, str(config))
        try:
            data = yaml.load(text, Loader=_Loader)
        except YAML_ERRORS as exc:
            raise yaml_error(str(config), exc) from None
        url = data.get("site_url") if isinstance(data, dict) else None
    url = str(url or FALLBACK)
    return url if url.endswith("/") else url + "/"
