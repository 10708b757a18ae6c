"""Curation sidecars: `seeds/<stem>.yml` overrides fields of a seed without touching it."""

from __future__ import annotations

import datetime as _dt
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from . import dates
from .data import Data
from .slugs import is_slug
from .text import match_form
from .yamlfile import YamlDoc, check_fields, check_str_list, load_yaml

FIELDS: dict[str, type | tuple[type, ...]] = {
    "title": str,
    "date": (str, int, _dt.date),
    "source": str,
    "source_url": str,
    "author": str,
    "themes": list,
    "people": list,
    "summary": str,
    "slug": str,
}


@dataclass(frozen=True)
class Curation:
    """What a curator pinned for one seed; None means "as parsed"."""

    title: str | None = None
    date: dates.PartialDate | None = None
    source: str | None = None
    source_url: str | None = None
    author: str | None = None
    themes: tuple[str, ...] | None = None
    people: tuple[str, ...] | None = None
    summary: str | None = None
    slug: str | None = None


def _text(doc: YamlDoc, entry: dict[str, object], key: str) -> str | None:
    value = entry.get(key)
    if value is None:
        return None
    text = unicodedata.normalize("NFC", str(value)).strip()
    if not text:
        raise doc.error(f"{key!r} must not be empty", key)
    return text


def date_problem(value: object, exc: dates.DateError) -> str:
    """What is wrong with a sidecar's date, naming the value as written, as other sidecar errors do.

    An unreadable date's error names it already (`not a date: 'tomorrow'`); an impossible one's
    comes from the calendar, which knows only the numbers (`day is out of range for month`)."""
    reason = str(exc)
    if reason.startswith("not a date"):
        return reason
    return f"impossible date {value!r} ({reason})"  # as yamlfile words an impossible `!!timestamp`


def registry_spellings(data: Data) -> dict[str, str]:
    """Each registry name and alias, in the form the registry matches them in (case and tone
    placement folded, NFC), to the person's canonical name: a curator may write a name as the
    article spells it (`Xỏn-xay Xi-phăn-đon`), and the article then lists the registry's name."""
    return {match_form(spelling): p.name for p in data.people for spelling in (p.name, *p.aliases)}


def validate(doc: YamlDoc, data: Data) -> Curation:
    """Check a parsed sidecar against the schema, the taxonomy and the registry."""
    entry = check_fields(doc, doc.data if doc.data is not None else {}, FIELDS, ())
    date = None
    if "date" in entry:
        try:
            date = dates.parse_curated(entry["date"])
        except dates.DateError as exc:
            raise doc.error(f"'date': {date_problem(entry['date'], exc)}", "date") from None
    themes = people = None
    if "themes" in entry:
        themes = tuple(check_str_list(doc, entry["themes"], ("themes",)))
        for i, theme in enumerate(themes):
            if theme not in data.theme_slugs:
                known = ", ".join(data.theme_slugs)
                raise doc.error(f"theme {theme!r} is not in the taxonomy (known: {known})", "themes", i)
    if "people" in entry:
        spellings = registry_spellings(data)
        names: list[str] = []
        for i, written in enumerate(check_str_list(doc, entry["people"], ("people",))):
            name = unicodedata.normalize("NFC", written)
            canonical = spellings.get(match_form(name))
            if canonical is None:
                raise doc.error(f"person {name!r} is not in the people registry", "people", i)
            names.append(canonical)
        people = tuple(dict.fromkeys(names))  # a name and its alias are one person, listed once
    slug = _text(doc, entry, "slug")
    if slug is not None and not is_slug(slug):
        raise doc.error(f"'slug' {slug!r} must be lower-case ASCII words joined by '-' (no '/' or '.')", "slug")
    url = _text(doc, entry, "source_url")
    if url is not None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc or any(c.isspace() for c in url):
            raise doc.error(f"'source_url' {url!r} must be an http(s) address", "source_url")
    return Curation(
        title=_text(doc, entry, "title"),
        date=date,
        source=_text(doc, entry, "source"),
        source_url=url,
        author=_text(doc, entry, "author"),
        themes=themes,
        people=people,
        summary=_text(doc, entry, "summary"),
        slug=slug,
    )


def load_curation(path: Path, display: str, data: Data) -> Curation:
    return validate(load_yaml(path, display), data)
