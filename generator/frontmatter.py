"""YAML front matter, byte for byte as `yaml.safe_dump` writes it, about 50 times faster.

PyYAML's pure-Python emitter costs about a millisecond per page, more than parsing the seed.
Front matter is a flat mapping of short texts, numbers and lists of texts, and for those the
emitter's choice is simple: a plain scalar when nothing in it could be read as YAML syntax or
as another type, else single quotes. `dump` writes those cases itself and hands anything else
(line breaks, control characters, long texts, other types) to `yaml.safe_dump`, so the output
is always what `safe_dump` gives; `tests/test_frontmatter.py` checks that on random values.
(libyaml's emitter is fast too, but writes some characters differently, e.g. escapes emoji.)
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache

import yaml

_DUMP_OPTIONS = {"allow_unicode": True, "sort_keys": False, "width": 10_000, "default_flow_style": False}
_MAX_FAST = 1_000  # far below the line width, so the emitter never folds
_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
# Printable characters with no meaning to YAML inside a block-context scalar, per PyYAML's
# Emitter.analyze_scalar (line breaks, NEL, BOM and non-printables are not among them).
_PRINTABLE = re.compile("[\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010fffe]*")
_STR_TAG = "tag:yaml.org,2002:str"
_RESOLVER = yaml.resolver.Resolver()


def _plain_ok(text: str) -> bool:
    """Whether the emitter writes `text` as a plain scalar in block context."""
    if text[0] in "#,[]{}&*!|>'\"%@`" or text[0] == " " or text[-1] == " ":
        return False
    if text[0] in "?:-" and (len(text) == 1 or text[1] == " "):
        return False
    if text.startswith(("---", "...")) or ": " in text or text.endswith(":") or " #" in text:
        return False
    return _RESOLVER.resolve(yaml.ScalarNode, text, (True, False)) == _STR_TAG


def _scalar(value: object) -> str | None:
    """The scalar as the emitter writes it, or None when it is not one of the simple cases."""
    if isinstance(value, bool) or not isinstance(value, int | str):
        return None
    if isinstance(value, int):
        return str(value)
    return _text(value)


@lru_cache(maxsize=4096)  # keys, themes, people and sources recur on every page
def _text(value: str) -> str | None:
    """`_scalar` of a text."""
    if not value or len(value) > _MAX_FAST or not _PRINTABLE.fullmatch(value):
        return None
    if _plain_ok(value):
        return value
    return "'" + value.replace("'", "''") + "'"


def _fast(meta: Mapping[str, object]) -> str | None:
    lines = []
    for key, value in meta.items():
        if not isinstance(key, str) or len(key) > 100 or not _KEY.fullmatch(key) or _scalar(key) != key:
            return None
        if isinstance(value, list):
            if not value:
                lines.append(f"{key}: []")
                continue
            items = [_scalar(v) for v in value]
            if any(i is None for i in items):
                return None
            lines.append(f"{key}:")
            lines.extend(f"- {i}" for i in items)
            continue
        scalar = _scalar(value)
        if scalar is None:
            return None
        lines.append(f"{key}: {scalar}")
    return "".join(f"{line}\n" for line in lines) if lines else None


def dump(meta: Mapping[str, object]) -> str:
    """`yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=10_000, default_flow_style=False)`."""
    fast = _fast(meta)
    return fast if fast is not None else yaml.safe_dump(dict(meta), **_DUMP_OPTIONS)
