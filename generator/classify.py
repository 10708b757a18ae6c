"""Themes by keyword evidence and people by registry names, in deterministic order."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import cache
from itertools import islice

from .data import Person, Theme
from .text import match_form


@cache
def _phrase(phrase: str) -> str:
    """A phrase in match form (case and tone placement folded)."""
    return match_form(phrase)


def _is_word(char: str) -> bool:
    """What the regular expression `\\w` matches in a str pattern."""
    return char.isalnum() or char == "_"


def whole_words(text: str, phrase: str) -> Iterator[int]:
    """Start of each non-overlapping whole-word occurrence of `phrase`, left to right.

    The same matches as `re.finditer(rf"(?<!\\w){re.escape(phrase)}(?!\\w)", text)`, found
    with `str.find`, which skips ahead to the phrase instead of trying every position.
    """
    if not phrase:
        return  # registry names and keywords are never empty
    at = text.find(phrase)
    while at >= 0:
        end = at + len(phrase)
        if (at == 0 or not _is_word(text[at - 1])) and (end == len(text) or not _is_word(text[end])):
            yield at
            at = text.find(phrase, end)
        else:
            at = text.find(phrase, at + 1)


def keyword_hits(text: str, keywords: Sequence[str]) -> int:
    """How many times the keywords occur in `text` as whole words (text already in match form)."""
    return sum(1 for k in keywords for _ in whole_words(text, _phrase(k)))


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
    # Folding each line on its own gives the same text (no fold crosses a line break) and
    # reuses the body's form from `assign_themes` when `text` is `title + "\n" + body`.
    form = "\n".join(map(match_form, text.split("\n", 1)))
    first: list[tuple[int, str]] = []
    for person in people:
        positions = [at for s in (person.name, *person.aliases) for at in islice(whole_words(form, _phrase(s)), 1)]
        if positions:
            first.append((min(positions), person.name))
    return tuple(name for _, name in sorted(first))
