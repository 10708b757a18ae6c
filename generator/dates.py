"""Dates as the sources write them, parsed at the precision they give.

Day-first forms (`26/02/2024`, `ngày 7 tháng 7 năm 2022`, datelines) are matched here with
explicit patterns rather than a fuzzy parser: fuzzy parsers fill in missing parts (a day for
`2023-01`, a year for `26/1`), and a digest must never publish a day it invented.
python-dateutil's strict ISO parser is used for full ISO timestamps in curation files.
"""

from __future__ import annotations

import datetime as _dt
import heapq
import re
from dataclasses import dataclass

from .model import PartialDate

# `date 2025-12-02`, `date 2023-01`, `date 2021` at the start of a seed; the rest of the line
# is the article's first line.
_HEADER = re.compile(r"^\s*date\s*:?\s+(\d\S*)[ \t]*(.*)$", re.IGNORECASE)
_ISO_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")

# Full dates inside text, day first. Each pattern yields (day, month, year) groups by name.
_TEXT_DATES: tuple[re.Pattern[str], ...] = (
    re.compile(
        r"(?<!\d)(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s*(?:,\s*)?năm\s+(?P<y>\d{4})(?!\d)",
        re.IGNORECASE,
    ),
    re.compile(r"(?<![\d/.-])(?P<d>\d{1,2})([/.-])(?P<m>\d{1,2})\2(?P<y>\d{4})(?![\d/])"),
    re.compile(r"(?<![\d/.-])(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?![\d-])"),
)

# A line that is only a dateline: `Thứ Sáu, 06/12/2024 14:32 (GMT+7)`, `10-07-2024, 18:55`.
_WEEKDAY = r"(?:Thứ\s+(?:Hai|Ba|Tư|Năm|Sáu|Bảy|[2-7])|Chủ\s+[Nn]hật|CN|T[2-7])"
DATELINE = re.compile(
    rf"^(?:{_WEEKDAY}\s*,?\s*)?(?:ngày\s+)?\d{{1,2}}[/.-]\d{{1,2}}[/.-]\d{{4}}"
    r"(?:\s*[,|-]?\s*\d{1,2}[:h]\d{2}(?::\d{2})?)?"
    r"(?:\s*\(?\s*(?:GMT|UTC)\s*[+-]\s*\d{1,2}(?::?\d{2})?\s*\)?)?\s*$",
    re.IGNORECASE,
)


class DateError(ValueError):
    """A date that is written as one but cannot exist, or cannot be read."""


def make_date(year: int, month: int | None = None, day: int | None = None) -> PartialDate:
    """A PartialDate, or DateError naming what is impossible."""
    try:
        return PartialDate(year, month, day)
    except ValueError as exc:
        raise DateError(str(exc)) from None


def parse_iso_partial(text: str) -> PartialDate:
    """`2025-12-02`, `2023-01` or `2021` at that precision; DateError otherwise."""
    m = _ISO_PARTIAL.match(text.strip())
    if not m:
        raise DateError(f"not a date: {text!r}")
    y, mo, d = (int(g) if g else None for g in m.groups())
    assert y is not None
    return make_date(y, mo, d)


@dataclass(frozen=True)
class Header:
    """A `date …` header: the date (None when impossible), the rest of its line, a warning."""

    date: PartialDate | None
    rest: str
    warning: str | None = None


def parse_header(line: str) -> Header | None:
    """Read a `date YYYY[-MM[-DD]]` header line; None when the line is not a header."""
    m = _HEADER.match(line)
    if not m:
        return None
    token, rest = m.group(1), m.group(2).strip()
    try:
        return Header(parse_iso_partial(token), rest)
    except DateError as exc:
        return Header(None, rest, f"date header {token!r} ignored: {exc}")


def find_text_date(text: str) -> tuple[PartialDate | None, list[str]]:
    """The first full, possible date in `text`, and warnings for impossible ones passed over.

    Dates without a year (`Ngày 26/1`) never match.
    """
    # In order of position, and lazily: a long text is read only up to its first possible date.
    streams = [((m.start(), i, m) for m in pattern.finditer(text)) for i, pattern in enumerate(_TEXT_DATES)]
    warnings: list[str] = []
    for _, _, m in heapq.merge(*streams, key=lambda item: item[:2]):
        try:
            return make_date(int(m["y"]), int(m["m"]), int(m["d"])), warnings
        except DateError:
            warnings.append(f"impossible date {m.group(0)!r} in text ignored")
    return None, warnings


def parse_curated(value: object) -> PartialDate:
    """A date from a curation file: YAML date, year number, ISO string or `DD/MM/YYYY`."""
    if isinstance(value, _dt.datetime):
        return make_date(value.year, value.month, value.day)
    if isinstance(value, _dt.date):
        return make_date(value.year, value.month, value.day)
    if isinstance(value, bool):
        raise DateError(f"not a date: {value!r}")
    if isinstance(value, int):
        return make_date(value)
    if not isinstance(value, str):
        raise DateError(f"not a date: {value!r}")
    text = value.strip()
    if _ISO_PARTIAL.match(text):
        return parse_iso_partial(text)
    if re.match(r"^\d{4}-\d{2}-\d{2}[T ]", text):
        from dateutil.parser import isoparse  # noqa: PLC0415 (30 ms to import; only curations' timestamps need it)

        try:
            stamp = isoparse(text)
        except ValueError as exc:
            raise DateError(f"not a date: {value!r} ({exc})") from None
        return make_date(stamp.year, stamp.month, stamp.day)
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", text)
    if m:
        return make_date(int(m[3]), int(m[2]), int(m[1]))
    raise DateError(f"not a date: {value!r}")
