"""The curated data the generator reads: taxonomy, people and sources registries, boilerplate.

All four live in `data/` as YAML that curators edit. They are loaded and validated once;
any mistake is a ConfigError naming the file, the line and the key.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from .errors import ConfigError
from .parsing import Boilerplate
from .slugs import is_slug
from .text import match_form, outlet_form
from .yamlfile import YamlDoc, check_fields, check_str_list, load_yaml

TAXONOMY_FILE = "taxonomy.yml"
PEOPLE_FILE = "people.yml"
BOILERPLATE_FILE = "boilerplate.yml"
SOURCES_FILE = "sources.yml"
DATA_FILES = (TAXONOMY_FILE, PEOPLE_FILE, BOILERPLATE_FILE, SOURCES_FILE)


@dataclass(frozen=True)
class Theme:
    slug: str
    name: str
    description: str
    keywords: tuple[str, ...]


@dataclass(frozen=True)
class Person:
    slug: str
    name: str
    country: str
    offices: tuple[str, ...]
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class Data:
    themes: tuple[Theme, ...]
    min_hits: int
    people: tuple[Person, ...]
    boilerplate: Boilerplate
    sources: dict[str, str]  # `outlet_form` of an outlet's name or alias → the name to show

    def theme(self, slug: str) -> Theme:
        return next(t for t in self.themes if t.slug == slug)

    def person(self, name: str) -> Person:
        return next(p for p in self.people if p.name == name)

    def source_name(self, source: str) -> str:
        """The registry's name for `source` (`QĐND Online` → `Báo Quân đội nhân dân`), else `source`."""
        return self.sources.get(outlet_form(source), source)

    @property
    def theme_slugs(self) -> tuple[str, ...]:
        return tuple(t.slug for t in self.themes)


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text.strip())


def _unique(doc: YamlDoc, values: Sequence[tuple[str, tuple[object, ...]]], what: str) -> None:
    seen: dict[str, tuple[object, ...]] = {}
    for value, where in values:
        if value in seen:
            raise doc.error(f"duplicate {what} {value!r}", *where)
        seen[value] = where


def load_taxonomy(doc: YamlDoc) -> tuple[tuple[Theme, ...], int]:
    root = check_fields(doc, doc.data, {"settings": dict, "themes": list}, (), required=("themes",))
    settings = check_fields(doc, root.get("settings", {}), {"min_hits": int}, ("settings",))
    min_hits = settings.get("min_hits", 2)
    if min_hits < 1:
        raise doc.error("'min_hits' must be at least 1", "settings", "min_hits")
    themes: list[Theme] = []
    fields = {"slug": str, "name": str, "description": str, "keywords": list}
    for i, item in enumerate(root["themes"]):
        entry = check_fields(doc, item, fields, ("themes", i), required=("slug", "name", "keywords"))
        if not is_slug(entry["slug"]):
            raise doc.error(f"slug {entry['slug']!r} must be lower-case ASCII words joined by '-'", "themes", i, "slug")
        keywords = check_str_list(doc, entry["keywords"], ("themes", i, "keywords"))
        themes.append(
            Theme(entry["slug"], _nfc(entry["name"]), _nfc(entry.get("description", "")), tuple(map(_nfc, keywords)))
        )
    if not themes:
        raise doc.error("the taxonomy has no themes", "themes")
    _unique(doc, [(t.slug, ("themes", i, "slug")) for i, t in enumerate(themes)], "theme slug")
    return tuple(themes), min_hits


def load_people(doc: YamlDoc) -> tuple[Person, ...]:
    root = check_fields(doc, doc.data, {"people": list}, (), required=("people",))
    fields = {"name": str, "slug": str, "country": str, "offices": list, "aliases": list}
    people: list[Person] = []
    for i, item in enumerate(root["people"]):
        entry = check_fields(doc, item, fields, ("people", i), required=("name", "slug", "country"))
        if not is_slug(entry["slug"]):
            raise doc.error(f"slug {entry['slug']!r} must be lower-case ASCII words joined by '-'", "people", i, "slug")
        offices = check_str_list(doc, entry.get("offices", []), ("people", i, "offices"))
        aliases = check_str_list(doc, entry.get("aliases", []), ("people", i, "aliases"))
        people.append(
            Person(
                entry["slug"],
                _nfc(entry["name"]),
                _nfc(entry["country"]),
                tuple(map(_nfc, offices)),
                tuple(map(_nfc, aliases)),
            )
        )
    _unique(doc, [(p.slug, ("people", i, "slug")) for i, p in enumerate(people)], "person slug")
    spellings = [
        (match_form(spelling), ("people", i)) for i, p in enumerate(people) for spelling in (p.name, *p.aliases)
    ]
    _unique(doc, spellings, "name or alias")
    return tuple(people)


def load_sources(doc: YamlDoc) -> tuple[dict[str, str], list[str]]:
    """The registry (the match form of every name and alias → the name to show), and every
    spelling as written (for the parser, which reads an outlet's line in its case)."""
    root = check_fields(doc, doc.data or {}, {"sources": list}, ())
    names: dict[str, str] = {}
    spellings: list[tuple[str, tuple[object, ...]]] = []
    written: list[str] = []
    for i, item in enumerate(root.get("sources", [])):
        entry = check_fields(doc, item, {"name": str, "aliases": list}, ("sources", i), required=("name",))
        name = _nfc(entry["name"])
        if not name:
            raise doc.error("'name' must not be empty", "sources", i, "name")
        for spelling in (name, *map(_nfc, check_str_list(doc, entry.get("aliases", []), ("sources", i, "aliases")))):
            form = outlet_form(spelling)
            spellings.append((form, ("sources", i)))
            names[form] = name
            written.append(spelling)
    _unique(doc, spellings, "source name or alias")
    return names, written


def load_boilerplate(doc: YamlDoc, outlets: Iterable[str] = ()) -> Boilerplate:
    kinds = ("drop", "cut", "end", "top")
    root = check_fields(doc, doc.data or {}, dict.fromkeys(kinds, list), ())
    patterns: dict[str, list[str]] = {}
    for key in kinds:
        patterns[key] = check_str_list(doc, root.get(key, []), (key,))
        for i, pattern in enumerate(patterns[key]):
            try:
                re.compile(pattern)
            except re.error as exc:
                raise doc.error(f"pattern {pattern!r} is not a valid regular expression: {exc}", key, i) from None
    return Boilerplate.compile(patterns["drop"], patterns["cut"], patterns["top"], patterns["end"], outlets)


def load_data(data_dir: Path) -> Data:
    """Load and validate the four data files; ConfigError on the first problem in each."""

    def doc(name: str) -> YamlDoc:
        path = data_dir / name
        if not path.is_file():
            raise ConfigError(str(path), "missing data file")
        return load_yaml(path)

    themes, min_hits = load_taxonomy(doc(TAXONOMY_FILE))
    people = load_people(doc(PEOPLE_FILE))
    sources, spellings = load_sources(doc(SOURCES_FILE))
    boilerplate = load_boilerplate(doc(BOILERPLATE_FILE), outlets=spellings)  # outlets' lines are parsed as sources
    return Data(themes, min_hits, people, boilerplate, sources)
