"""Related coverage: for each article, up to five others sharing people, themes and time.

Score, highest first (ties: nearer in time, then slug, so the result is deterministic):
- 3 per shared person, 1 per shared theme;
- closeness in time: 4 within 3 days (the same event, often from another outlet),
  2 within a month, 1 within a year;
- title overlap (share of title words in common, accents folded) × 4.
Only candidates are scored: for each person, the NEIGHBOURS nearest articles in time on each
side that mention them, and the NEIGHBOURS nearest articles overall; the cost stays linear.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from .model import Article
from .text import fold

MAX_RELATED = 5
WINDOW_DAYS = 366
NEIGHBOURS = 20  # candidates per person (and by date): nearest this many on each side in time
PERSON_WEIGHT = 3
THEME_WEIGHT = 1
TITLE_WEIGHT = 4
_STOP = frozenset(
    ["va", "voi", "cua", "cho", "tai", "trong", "la", "cac", "nhung", "mot", "hai", "ve", "de", "den", "tu"]
)


@dataclass(frozen=True)
class _Features:
    people: int  # one bit per person (`_Bits`): shared people are a bitwise and
    themes: int
    words: frozenset[str]
    day: int | None  # ordinal of the first day the date can mean


class _Bits(dict[str, int]):
    """A bit for each name, given in the order names are met."""

    def __missing__(self, name: str) -> int:
        self[name] = bit = 1 << len(self)
        return bit

    def mask(self, names: Sequence[str]) -> int:
        return sum({self[n] for n in names})


def _features(a: Article, people: _Bits, themes: _Bits) -> _Features:
    words = frozenset(w for w in fold(a.title).replace("-", " ").split() if w.isalnum() and w not in _STOP)
    return _Features(
        people.mask(a.people), themes.mask(a.themes), words, a.date.first_day().toordinal() if a.date else None
    )


def _closeness(days: int | None) -> int:
    if days is None:
        return 0
    return 4 if days <= 3 else 2 if days <= 31 else 1 if days <= WINDOW_DAYS else 0


def score(x: _Features, y: _Features) -> float:
    shared = PERSON_WEIGHT * (x.people & y.people).bit_count() + THEME_WEIGHT * (x.themes & y.themes).bit_count()
    days = abs(x.day - y.day) if x.day is not None and y.day is not None else None
    common = len(x.words & y.words)
    union = len(x.words) + len(y.words) - common
    overlap = common / union if union else 0.0
    return shared + _closeness(days) + TITLE_WEIGHT * overlap


def _nearest(timeline: list[tuple[int, int]], day: int, k: int) -> list[int]:
    """Indexes of the k entries before and the k after `day` on a sorted (day, index) timeline."""
    at = bisect.bisect_left(timeline, (day, -1))
    return [i for _, i in timeline[max(0, at - k) : at + k + 1]]


def related(articles: Sequence[Article]) -> dict[str, tuple[str, ...]]:
    """Slug → up to MAX_RELATED related slugs, best first."""
    people_bits, theme_bits = _Bits(), _Bits()
    feats = [_features(a, people_bits, theme_bits) for a in articles]
    everyone: list[tuple[int, int]] = []
    by_person: dict[str, list[tuple[int, int]]] = defaultdict(list)
    undated_by_person: dict[str, list[int]] = defaultdict(list)
    for i, f in enumerate(feats):
        if f.day is not None:
            everyone.append((f.day, i))
        for person in articles[i].people:
            if f.day is None:
                undated_by_person[person].append(i)
            else:
                by_person[person].append((f.day, i))
    everyone.sort()
    for timeline in by_person.values():
        timeline.sort()
    result: dict[str, tuple[str, ...]] = {}
    for i, f in enumerate(feats):
        candidates: set[int] = set()
        for person in articles[i].people:
            candidates.update(undated_by_person[person][:NEIGHBOURS])
            if f.day is not None:
                candidates.update(_nearest(by_person[person], f.day, NEIGHBOURS))
            else:
                candidates.update(j for _, j in by_person[person][-NEIGHBOURS:])
        if f.day is not None:
            candidates.update(_nearest(everyone, f.day, NEIGHBOURS))
        candidates.discard(i)
        ranked = []
        for j in candidates:
            s = score(f, feats[j])
            if s > 0:
                other = feats[j].day
                distance = abs(f.day - other) if f.day is not None and other is not None else 10**9
                ranked.append((-s, distance, articles[j].slug))
        ranked.sort()
        result[articles[i].slug] = tuple(slug for _, _, slug in ranked[:MAX_RELATED])
    return result
