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
from collections.abc import Iterator
from dataclasses import dataclass

from .model import PartialDate

# `date 2025-12-02`, `date 2023-01`, `date 2021` at the start of a seed; the rest of the line
# is the article's first line.
_HEADER = re.compile(r"^\s*date\s*:?\s+(\d\S*)[ \t]*(.*)$", re.IGNORECASE)
_ISO_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")

# English month names, as outlets' English-language templates print them (`Nov 24, 2025`).
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_MONTH_ENDS = ("uary", "ruary", "ch", "il", "", "e", "y", "ust", "t(?:ember)?", "ober", "ember", "ember")
_MONTH_NAME = (
    "(?:" + "|".join(f"{m}(?:{end})?" if end else m for m, end in zip(_MONTHS, _MONTH_ENDS, strict=True)) + ")"
)
# The same at the start of a word (`Nov`, not the end of `Tinov`), checked after its three letters.
_MONTH_WORD = (
    "(?:"
    + "|".join(
        f"{m}(?<![^\\W\\d_]{m})" + (f"(?:{end})?" if end else "") for m, end in zip(_MONTHS, _MONTH_ENDS, strict=True)
    )
    + ")"
)

# Full dates inside text. Each pattern yields (day, month, year) groups by name; the month is a
# number or an English month name. What may not come before a date is checked after its first
# digit or letters (`\d(?<!\d\d)`, not `(?<!\d)\d`): a pattern that starts with a digit or a
# letter is searched for by skipping to those, three to five times faster on an article.
# English month names count only on a dateline (`_ENGLISH_DATES`): in Vietnamese text `May 10` is
# a company (Tổng công ty May 10), and `May 10, 2024` no date.
_ENGLISH_DATES: tuple[re.Pattern[str], ...] = (
    re.compile(rf"(?P<m>{_MONTH_WORD})\.?\s+(?P<d>\d{{1,2}}),?\s+(?P<y>\d{{4}})(?!\d)"),  # `Nov 24, 2025`
    re.compile(rf"(?P<d>\d(?<!\d\d)\d?)\s+(?P<m>{_MONTH_NAME})\.?,?\s+(?P<y>\d{{4}})(?!\d)"),  # `24 November 2025`
)
_TEXT_DATES: tuple[re.Pattern[str], ...] = (
    re.compile(  # `7 tháng 7 năm 2022`, `24 Tháng 11, 2025`
        r"(?P<d>\d(?<!\d\d)\d?)\s+tháng\s+(?P<m>\d{1,2})(?:\s*,\s*|\s+)(?:năm\s+)?(?P<y>\d{4})(?!\d)",
        re.IGNORECASE,
    ),
    *_ENGLISH_DATES,
    re.compile(r"(?P<d>\d(?<![\d/.-]\d)\d?)([/.-])(?P<m>\d{1,2})\2(?P<y>\d{4})(?![\d/])"),  # `24/11/2025`
    re.compile(r"(?P<y>\d(?<![\d/.-]\d)\d{3})-(?P<m>\d{2})-(?P<d>\d{2})(?![\d-])"),  # `2025-11-24`
)

# A line that is only a dateline, in the forms outlets print above or below the title:
# `Thứ Sáu, 06/12/2024 14:32 (GMT+7)`, `10-07-2024, 18:55`, `Cập nhật lúc 08:30 ngày 24/11/2025`,
# `Thứ Hai, 08:30, 24/11/2025`, `08:30 | 24/11/2025`, `24-11-2025 - 08:30 AM`, `Ngày đăng: 24/11/2025`,
# `Ngày 24 tháng 11 năm 2025`, `2025-11-24T08:30:00+07:00`, `… 08:30:15 +07:00`, `24 Tháng 11, 2025`,
# `Nov 24, 2025 | 09:15`, `Monday, November 24, 2025 09:15`, `… (Giờ Hà Nội)`, `… | Lượt xem: 1.234`,
# `Xuất bản: 24/11/2025 08:15 | Cập nhật: 24/11/2025 10:02` (the first date is the article's),
# `Cập nhật 10:15, Thứ sáu, 09/01/2026`, `14:20 | Thứ Tư, 10/12/2025`, `… 16:05 [GMT+7]`,
# `Đăng ngày 12 tháng 11 năm 2025 lúc 06:00`, `14:20 03/06/2025 (Cập nhật: 16:05 03/06/2025)`.
_WEEKDAY = (
    r"(?:Thứ\s+(?:Hai|Ba|Tư|Năm|Sáu|Bảy|[2-7])|Chủ\s+[Nn]hật|CN|T[2-7]"
    r"|(?:Mon|Tue(?:s)?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?)"
)
_LABELS = ("Cập nhật", "Ngày cập nhật", "Đăng", "Ngày đăng", "Xuất bản", "Thời gian", "Posted", "Updated")
_LABEL = r"(?:(?:" + "|".join(label.replace(" ", r"\s+") for label in _LABELS) + r")(?:\s+(?:lúc|ngày|vào))?\s*:?\s*)"
_TIME = r"\d{1,2}[:h]\d{2}(?::\d{2})?(?:\s*(?:AM|PM|SA|CH))?"
_DAY_FIRST = (
    r"(?:ngày\s+)?(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{4}|\d{1,2}\s+tháng\s+\d{1,2}(?:\s*,\s*|\s+)(?:năm\s+)?\d{4})"
    rf"|{_MONTH_NAME}\.?\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH_NAME}\.?,?\s+\d{{4}}"
)
_ISO_STAMP = r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?(?:Z|[+-]\d{2}:?\d{2})?"
_SEP = r"\s*(?:[,|–—-]\s*)?"
_ZONE = r"(?:\s*[(\[]?\s*(?:GMT|UTC)?\s*[+-]\s*\d{1,2}(?::?\d{2})?\s*[)\]]?|\s*\(\s*giờ\s+Hà\s+Nội\s*\))?"
_VIEWS = r"(?:\s*\|\s*(?:Lượt\s+xem\s*:?\s*[\d.,]+|[\d.,]+\s+lượt\s+xem))?"  # `… | Lượt xem: 1.234`, `… | 235 lượt xem`
_DATE_TIME = rf"(?:{_TIME}{_SEP})?(?:{_DAY_FIRST}|{_ISO_STAMP})(?:{_SEP}(?:lúc\s+)?{_TIME})?"
# `Xuất bản: 24/11/2025 08:15 | Cập nhật: 24/11/2025 10:02`, `14:20 03/06/2025 (Cập nhật: 16:05 03/06/2025)`
_UPDATED = rf"(?:\s*\|\s*{_LABEL}{_DATE_TIME}|\s*\(\s*{_LABEL}{_DATE_TIME}\s*\))?"
_BEFORE_DATE = rf"(?:{_TIME}{_SEP}{_WEEKDAY}{_SEP}|{_WEEKDAY}{_SEP})"  # `Thứ Hai, `; `10:15, Thứ Hai, ` (Lao Động)
# Where and when a text was written: `Hà Nội, ngày 7/10/2025`, `Kon Tum, ngày 20 tháng 5 năm 2025`
# (a letter's or a telegram's last line, an official document's heading).
PLACE_AND_DATE = re.compile(
    r"^[^\W\d_][^,\d]{0,40},\s*(?:ngày\s+)?(?:\d{1,2}[/.-]\d{1,2}[/.-]|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+)(?P<year>\d{4})\.?$",
    re.IGNORECASE,
)
DATELINE = re.compile(rf"^{_LABEL}?{_BEFORE_DATE}?{_DATE_TIME}{_ZONE}{_UPDATED}{_VIEWS}\s*$", re.IGNORECASE)
# Between the two dates of a range: `(5/9/1995 - 5/9/2025)`, `từ 1/1/2024 đến 31/12/2024`.
_RANGE_TO = re.compile(r"\s*(?:[-–—]|đến|tới)\s*(?:ngày\s+)?", re.IGNORECASE)
# A full date in a year before this is history the article recalls (a treaty signed in 1977,
# relations set up in 1962), not the day it was published: online outlets publish from the
# late 1990s. A curator pins the date of an older text in its curation file.
HISTORY_BEFORE = 1995


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
    """The first full, possible date in `text` that can be the article's, and warnings for
    impossible ones passed over.

    Dates without a year (`Ngày 26/1`) never match. Passed over too: dates before HISTORY_BEFORE,
    and the first date of an anniversary (`(5/9/1995 - 5/9/2025)`: the same day, years apart),
    whose second date is the one near the day of writing.
    """
    # In order of position, and lazily: a long text is read only up to its first possible date.
    streams = [_matches(i, pattern, text) for i, pattern in enumerate(_TEXT_DATES)]
    warnings: list[str] = []
    for _, i, m in heapq.merge(*streams, key=lambda item: item[:2]):
        if _TEXT_DATES[i] in _ENGLISH_DATES and not _on_a_dateline(text, m):
            continue
        try:
            date = make_date(int(m["y"]), _month(m["m"]), int(m["d"]))
        except DateError:
            warnings.append(f"impossible date {m.group(0)!r} in text ignored")
            continue
        if date.year >= HISTORY_BEFORE and not _starts_anniversary(text, m):
            return date, warnings
    return None, warnings


def _matches(i: int, pattern: re.Pattern[str], text: str) -> Iterator[tuple[int, int, re.Match[str]]]:
    """(position, pattern number, match) of each match: the number bound now, not when the
    stream is read (a generator expression in the loop would see the loop's last number)."""
    return ((m.start(), i, m) for m in pattern.finditer(text))


def _on_a_dateline(text: str, m: re.Match[str]) -> bool:
    """Whether the line holding `m` is a dateline (`Nov 24, 2025 | 09:15`)."""
    start = text.rfind("\n", 0, m.start()) + 1
    end = text.find("\n", m.end())
    return DATELINE.match(text[start : end if end >= 0 else len(text)]) is not None


def _month(text: str) -> int:
    """A month's number from its number or its English name (`11`, `Nov`, `November`)."""
    return int(text) if text.isdigit() else _MONTHS.index(text[:3]) + 1


def _starts_anniversary(text: str, m: re.Match[str]) -> bool:
    """Whether the date `m` is followed, after a dash or `đến`, by the same day in a later year."""
    to = _RANGE_TO.match(text, m.end())
    if to is None:
        return False
    following = (pattern.match(text, to.end()) for pattern in _TEXT_DATES)
    return any(
        int(n["d"]) == int(m["d"]) and _month(n["m"]) == _month(m["m"]) and int(n["y"]) > int(m["y"])
        for n in following
        if n is not None
    )


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
