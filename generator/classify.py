"""Themes by keyword evidence and people by registry names, in deterministic order."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from .data import Person, Theme
from .text import match_form


@cache
def _phrase(phrase: str) -> re.Pattern[str]:
    """Whole-word match of a phrase in match form (case and tone placement folded)."""
    return re.compile(rf"(?<!\w){re.escape(match_form(phrase))}(?!\w)")


def keyword_hits(text: str, keywords: Sequence[str]) -> int:
    """How many times the keywords occur in `text` as whole words (text already in match form)."""
    return sum(len(_phrase(k).findall(text)) for k in keywords)


def assign_themes(title: str, body: str, themes: Sequence[Theme], min_hits: int) -> tuple[str, ...]:
    """Themes with a keyword in the title or at least `min_hits` keyword occurrences in all.

    Most evidence first (the first theme is the article's main one); ties in taxonomy order.
    """
    title_form, body_form = match_form(title), match_form(body)
    scored = []
    for order, theme in enumerate(themes):
        in_title = keyword_hits(title_form, theme.keywords)
        hits = in_title + keyword_hits(body_form, theme.keywords)
        if in_title or hits >= min_hits:
            scored.append((-hits, order, theme.slug))
    return tuple(slug for _, _, slug in sorted(scored))


def find_people(text: str, people: Sequence[Person]) -> tuple[str, ...]:
    """Canonical names of registry people mentioned in `text`, in order of first mention."""
    form = match_form(text)
    first: list[tuple[int, str]] = []
    for person in people:
        positions = [m.start() for s in (person.name, *person.aliases) for m in [_phrase(s).search(form)] if m]
        if positions:
            first.append((min(positions), person.name))
    return tuple(name for _, name in sorted(first))
