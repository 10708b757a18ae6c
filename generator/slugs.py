"""ASCII slugs for URLs and heading anchors (python-slugify maps đ→d, unlike MkDocs' default)."""

from __future__ import annotations

import re
from typing import Final

from slugify import slugify as _slugify

from .model import PartialDate

SLUG_MAX = 80
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
FALLBACK = "bai-viet"
RESERVED = frozenset({"index"})  # `bai-viet/index.md` would become the section page


def is_slug(text: str) -> bool:
    return bool(_SLUG.match(text))


# python-slugify's default backend "auto" tries to import `unidecode` on every call and falls
# back to text-unidecode (a pinned dependency): naming it skips a failing import per slug
# (about a millisecond each, for every article and every heading MkDocs renders).
BACKEND: Final = "text-unidecode"


def slugify(text: str, max_length: int = 0) -> str:
    """Lower-case ASCII words joined by `-`: `Đặc biệt` → `dac-biet`."""
    return _slugify(text, max_length=max_length, word_boundary=True, save_order=True, backend=BACKEND)


def article_slug(date: PartialDate | None, title: str) -> str:
    """`2025-12-02-viet-lao-…` from date and title; the title alone when undated."""
    words = slugify(title, max_length=SLUG_MAX) or FALLBACK
    return f"{date.iso()}-{words}" if date else words


def toc_slugify(value: str, separator: str) -> str:
    """Heading anchors for MkDocs' toc extension (configured in mkdocs.yml)."""
    return _slugify(value, separator=separator, backend=BACKEND)
