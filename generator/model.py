"""Records passed between the generator's stages. All are frozen: stages return new ones."""

from __future__ import annotations

import datetime as _dt
import pickle
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, overload

if TYPE_CHECKING:
    from .figures import Figure

VI_MONTH = "tháng {m:02d}/{y}"


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date at the precision the source gives: a year, a month, or a day. Never invented."""

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if self.day is not None and self.month is None:
            raise ValueError("a day needs a month")
        if not 1 <= self.year <= 9999:
            raise ValueError(f"year {self.year} out of range")
        if self.month is not None and not 1 <= self.month <= 12:
            raise ValueError(f"month {self.month} out of range")
        if self.day is not None:
            _dt.date(self.year, self.month or 1, self.day)  # raises ValueError if impossible

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    def iso(self) -> str:
        """`2025-12-02`, `2023-01` or `2021`."""
        if self.day is not None:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month is not None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    def vi(self) -> str:
        """Vietnamese display: `02/12/2025`, `tháng 01/2023`, `năm 2021`."""
        if self.day is not None:
            return f"{self.day:02d}/{self.month:02d}/{self.year}"
        if self.month is not None:
            return VI_MONTH.format(m=self.month, y=self.year)
        return f"năm {self.year}"

    def first_day(self) -> _dt.date:
        """The first day the date can mean: used for sorting and feeds, never displayed."""
        return _dt.date(self.year, self.month or 1, self.day or 1)

    def sort_key(self) -> tuple[int, int, int]:
        return (self.year, self.month or 0, self.day or 0)


class BlockKind(StrEnum):
    PARAGRAPH = "p"
    HEADING = "h"
    CAPTION = "caption"
    TABLE = "table"  # its text: a row on each line, cells separated by tabs (`Block.rows`)


CELL_SEPARATOR = "\t"
ROW_SEPARATOR = "\n"


def table_text(rows: Iterable[Sequence[str]]) -> str:
    """A table block's text: the cells of each row (without tabs or line breaks) joined by a tab,
    the rows by a line break. Searched, counted and matched as any block's text is."""
    return ROW_SEPARATOR.join(CELL_SEPARATOR.join(cells) for cells in rows)


@dataclass(frozen=True)
class Block:
    kind: BlockKind
    text: str

    def rows(self) -> list[list[str]]:
        """A table's cells, row by row (`table_text` read back)."""
        return [row.split(CELL_SEPARATOR) for row in self.text.split(ROW_SEPARATOR)]


class Blocks(Sequence[Block]):
    """An article's blocks, equal to any sequence of the same blocks.

    Pickled as one bytes object, and decoded only when read: every run loads every article from
    the cache, and an edit reads the text of the few whose pages it makes again (unpickling 5,000
    cached seed results took 0.21–0.29 s with their blocks as objects, 0.08 s as bytes)."""

    __slots__ = ("_blocks", "_encoded")

    def __init__(self, blocks: Iterable[Block] = ()) -> None:
        self._blocks: tuple[Block, ...] | None = tuple(blocks)
        self._encoded: bytes | None = None

    def _items(self) -> tuple[Block, ...]:
        if self._blocks is None:
            assert self._encoded is not None
            self._blocks = tuple(Block(BlockKind(kind), text) for kind, text in pickle.loads(self._encoded))
        return self._blocks

    def encoded(self) -> bytes:
        if self._encoded is None:
            pairs = tuple((b.kind.value, b.text) for b in self._items())
            self._encoded = pickle.dumps(pairs, protocol=pickle.HIGHEST_PROTOCOL)
        return self._encoded

    def __reduce__(self) -> tuple[Callable[[bytes], Blocks], tuple[bytes]]:
        return (_decoded_later, (self.encoded(),))

    def __len__(self) -> int:
        return len(self._items())

    @overload
    def __getitem__(self, index: int) -> Block: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[Block, ...]: ...
    def __getitem__(self, index: int | slice) -> Block | tuple[Block, ...]:
        return self._items()[index]

    def __iter__(self) -> Iterator[Block]:
        return iter(self._items())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Blocks):
            return self.encoded() == other.encoded()
        if isinstance(other, (tuple, list)):
            return self._items() == tuple(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._items())

    def __repr__(self) -> str:
        return f"Blocks({list(self._items())!r})"


def _decoded_later(encoded: bytes) -> Blocks:
    blocks = Blocks()
    blocks._blocks, blocks._encoded = None, encoded
    return blocks


@dataclass(frozen=True)
class Diagnostic:
    """A warning or an error about one file, printed as `path: message`."""

    path: str
    message: str
    level: str = "warning"  # "warning" | "error"

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


@dataclass(frozen=True)
class ParsedSeed:
    """What the text of a seed says, before curation and classification."""

    title: str | None
    date: PartialDate | None
    source: str | None
    author: str | None
    lede: str | None
    blocks: tuple[Block, ...]
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Article:
    """One published article: everything a page, an index or a feed needs."""

    slug: str
    title: str
    date: PartialDate | None
    source: str | None
    source_url: str | None
    author: str | None
    summary: str
    lede: str | None
    blocks: Sequence[Block]  # `Blocks` when made from a seed
    themes: tuple[str, ...]
    people: tuple[str, ...]
    words: int
    reading_time: int
    seed: str
    seed_sha256: str
    title_derived: bool = False
    figures: tuple[Figure, ...] = ()
    # A digest of the article as made from its seed (build.make_article): with the slug, which
    # may change later, it stands for the whole article in cache keys. Empty: not computed.
    made_key: str = field(default="", compare=False, repr=False)

    @property
    def year(self) -> int | None:
        return self.date.year if self.date else None

    def oldest_first_key(self) -> tuple[object, ...]:
        """Sort key for dated articles in time order (partial dates at their first day, day-precise
        first), made of the date's numbers as `newest_first_key` is."""
        d = self.date
        assert d is not None
        return (d.year, d.month or 1, d.day or 1, 0 if d.day else 1 if d.month else 2, self.slug)

    def newest_first_key(self) -> tuple[object, ...]:
        """Sort key: dated articles newest first (partial dates at their first day, day-precise
        first), then undated. Made of the date's numbers, without building a date: every index
        and feed sorts with it."""
        d = self.date
        if d is None:
            return (1, 0, self.title.casefold(), self.slug)
        return (0, -d.year, -(d.month or 1), -(d.day or 1), -2 if d.day else -1 if d.month else 0, self.slug)
