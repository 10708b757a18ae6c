"""Themes by keyword evidence and people by registry names, in deterministic order."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import cache

import ahocorasick

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


class Phrases:
    """Many phrases found in one pass over a text (Aho–Corasick): what `whole_words` finds for
    each of them, in a quarter of the time it takes to look for them one by one (41 against
    178 µs for the taxonomy's 74 keywords in a bench article; tests/test_fast_text.py compares
    the two). Phrases are in match form, as is the text."""

    def __init__(self, phrases: Sequence[str]) -> None:
        self.phrases = tuple(dict.fromkeys(p for p in phrases if p))  # empty ones: never found
        self._automaton = ahocorasick.Automaton()
        for i, phrase in enumerate(self.phrases):
            self._automaton.add_word(phrase, (i, len(phrase)))
        if self.phrases:
            self._automaton.make_automaton()

    def _whole(self, text: str) -> Iterator[tuple[int, int]]:
        """(phrase number, start) of each non-overlapping whole-word occurrence of each phrase,
        by end: an occurrence overlapping an earlier one of the same phrase is skipped, as
        `whole_words` skips it."""
        if not self.phrases:
            return
        free = [0] * len(self.phrases)  # where the next occurrence of each phrase may start
        last = len(text) - 1
        for end, (i, length) in self._automaton.iter(text):
            at = end - length + 1
            if (
                at >= free[i]
                and (at == 0 or not _is_word(text[at - 1]))
                and (end == last or not _is_word(text[end + 1]))
            ):
                free[i] = end + 1
                yield i, at

    def counts(self, text: str) -> list[int]:
        """How many times each phrase occurs in `text` as a whole word: `len(list(whole_words(...)))`."""
        found = [0] * len(self.phrases)
        for i, _ in self._whole(text):
            found[i] += 1
        return found

    def firsts(self, text: str) -> dict[int, int]:
        """The start of each phrase's first whole-word occurrence in `text`, by phrase number
        (absent: none)."""
        first: dict[int, int] = {}
        for i, at in self._whole(text):
            first.setdefault(i, at)  # a phrase's occurrences come in order
        return first


@cache
def _matcher(groups: tuple[tuple[str, ...], ...]) -> tuple[Phrases, tuple[tuple[int, ...], ...]]:
    """One matcher for groups of registry phrases (a theme's keywords, a person's names), built
    once per process, and the numbers of each group's phrases in it."""
    forms = tuple(tuple(_phrase(p) for p in group if p) for group in groups)
    matcher = Phrases([p for group in forms for p in group])
    number = {phrase: i for i, phrase in enumerate(matcher.phrases)}
    return matcher, tuple(tuple(number[p] for p in group) for group in forms)


def assign_themes(title: str, body: str, themes: Sequence[Theme], min_hits: int) -> tuple[str, ...]:
    """Themes with a keyword in the title or at least `min_hits` keyword occurrences in all.

    Most evidence first (the first theme is the article's main one); ties in taxonomy order.
    """
    matcher, groups = _matcher(tuple(theme.keywords for theme in themes))
    in_title, in_body = matcher.counts(match_form(title)), matcher.counts(match_form(body))
    scored = []
    for order, (theme, keys) in enumerate(zip(themes, groups, strict=True)):
        title_hits = sum(in_title[i] for i in keys)
        hits = title_hits + sum(in_body[i] for i in keys)
        if title_hits or hits >= min_hits:
            scored.append((-hits, order, theme.slug))
    return tuple(slug for _, _, slug in sorted(scored))


def find_people(text: str, people: Sequence[Person]) -> tuple[str, ...]:
    """Canonical names of registry people mentioned in `text`, in order of first mention."""
    # Folding each line on its own gives the same text (no fold crosses a line break) and
    # reuses the body's form from `assign_themes` when `text` is `title + "\n" + body`.
    form = "\n".join(map(match_form, text.split("\n", 1)))
    matcher, groups = _matcher(tuple((person.name, *person.aliases) for person in people))
    at = matcher.firsts(form)
    first = [
        (min(at[i] for i in found), person.name)
        for person, keys in zip(people, groups, strict=True)
        if (found := [i for i in keys if i in at])
    ]
    return tuple(name for _, name in sorted(first))
