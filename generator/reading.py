"""Seed files → normalised text: decoding, BOMs, line endings, NFC. Rejects what is not text.

Accepted: UTF-8 (with or without a BOM), UTF-16/32 with a BOM, and UTF-16 without a BOM
(recognised by the NUL high bytes of its ASCII characters). Vietnamese mojibake (UTF-8 that
was read as Windows-1252 or Latin-1 and saved again) is repaired with ftfy, with a warning;
mojibake that lost bytes on the way cannot be repaired and is rejected.
"""

from __future__ import annotations

import codecs
import hashlib
import re
import stat
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import SeedError

if TYPE_CHECKING:
    from ftfy import ExplanationStep

SEED_SUFFIX = ".txt"
CURATION_SUFFIX = ".yml"
MAX_SEED_BYTES = 5 * 1024 * 1024
# News paragraphs are a few thousand characters; a far longer line is text that lost its line breaks.
MAX_LINE_CHARS = 100_000
REPLACEMENT = "\ufffd"  # what a lossy decoder puts where it could not read a byte
# UTF-16 without a BOM: at least this share of the characters must be ASCII (a NUL high byte).
_UTF16_MIN_ASCII = 0.2
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f]")  # never in text (tab, line and page breaks may be)
_NAME_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")  # never in a file name shown on a page

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


@dataclass(frozen=True)
class SeedText:
    name: str  # file name, NFC
    text: str  # NFC, `\n` line ends, no BOM
    sha256: str  # of the raw bytes
    warnings: tuple[str, ...] = ()  # repairs made while reading


def _utf16_without_bom(raw: bytes) -> str | None:
    """UTF-16 saved without a BOM: ASCII characters (spaces, digits, line ends) have a NUL
    high byte, and Vietnamese letters (U+00xx, U+01xx, U+1Exx) never a NUL low byte."""
    if len(raw) % 2:
        return None
    for encoding, high, low in (("utf-16-le", raw[1::2], raw[0::2]), ("utf-16-be", raw[0::2], raw[1::2])):
        if low.count(0) == 0 and high.count(0) >= _UTF16_MIN_ASCII * len(high):
            try:
                text = raw.decode(encoding)
            except UnicodeDecodeError:
                return None
            return None if _CONTROL.search(text) else text
    return None


def decode(raw: bytes) -> str:
    """Decode seed bytes: UTF-8 (BOM optional) or UTF-16/32 with a BOM. ValueError with a reason."""
    if not raw:
        raise ValueError("empty file")
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            body = raw[len(bom) :]
            try:
                text = body.decode(encoding)
            except UnicodeDecodeError as exc:
                raise ValueError(f"not valid {encoding.upper()} at byte {exc.start + len(bom)}") from None
            break
    else:
        if b"\x00" in raw:
            utf16 = _utf16_without_bom(raw)
            if utf16 is None:
                raise ValueError("not text (contains NUL bytes)")
            return utf16
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            if exc.end == len(raw) and exc.reason == "unexpected end of data":
                raise ValueError(f"not valid UTF-8: truncated inside a character at byte {exc.start}") from None
            raise ValueError(f"not valid UTF-8 at byte {exc.start} (save the file as UTF-8)") from None
    if "\x00" in text:
        raise ValueError("not text (contains NUL characters)")
    return text


def repair(text: str) -> tuple[str, list[str]]:
    """Undo mojibake (UTF-8 read as Windows-1252/Latin-1); warnings say what was done.

    Only ftfy's encoding repair runs: HTML entities, quotes and ligatures stay as written.
    ValueError when the mojibake lost bytes (U+FFFD left in the repaired text).
    """
    fixed: str = text
    steps: list[ExplanationStep] | None = None
    if ftfy_may_change(text):
        import ftfy  # noqa: PLC0415 (its heuristics compile at import: only runs that need it pay)

        fixed, steps = ftfy.fix_encoding_and_explain(text)
    warnings = []
    if steps:
        lost = fixed.count(REPLACEMENT)
        if lost:
            raise ValueError(f"mojibake (UTF-8 read as Windows-1252) that lost {lost} characters; re-save the original")
        warnings.append("mojibake repaired (UTF-8 text that had been read as Windows-1252 or Latin-1)")
        text = fixed
    damaged = text.count(REPLACEMENT)
    if damaged:
        warnings.append(f"{damaged} unreadable characters (U+FFFD) in the text, published as they are")
    return text, warnings


def ftfy_may_change(text: str) -> bool:
    """False when `ftfy.fix_encoding_and_explain` returns `text` unchanged, found without ftfy's
    mojibake heuristic (`is_bad`: 1.6 ms on an 8 KB article here, against 0.3 ms for this).

    ftfy 6.3 changes text only by re-encoding it in a single-byte encoding that can encode all
    of it (Vietnamese letters such as `ư`, `ạ`, `ế` are in none), by decoding UTF-8 sequences
    that `UTF8_DETECTOR_RE` finds, or by replacing C1 control characters. Text offering none of
    the three is returned as it is, whatever the heuristic says (tests/test_fast_text.py
    compares with ftfy itself).
    """
    # Imported here: importing ftfy compiles its heuristics (about 70 ms), which runs that take
    # every seed from the cache (an edit, a rerun) do not need.
    from ftfy.chardata import C1_CONTROL_RE, CHARMAP_ENCODINGS, UTF8_DETECTOR_RE, possible_encoding  # noqa: PLC0415

    if any(possible_encoding(text, encoding) for encoding in CHARMAP_ENCODINGS):
        return True
    clue = _clue().search(text)
    if clue is None:  # nearly every text: no C1 control, nothing UTF8_DETECTOR_RE could match
        return False
    return C1_CONTROL_RE.search(text, clue.start()) is not None or UTF8_DETECTOR_RE.search(text) is not None


@cache
def _clue() -> re.Pattern[str]:
    """Where a C1 control character is or a UTF-8 sequence read as one of ftfy's encodings starts:
    wherever `UTF8_DETECTOR_RE` matches, this does (it is that expression without its
    look-behind). One scan stops only at a C1 control or a letter that may begin a sequence, and
    looks behind it for which: 25 µs per bench article (3,400 characters), where a scan for C1
    controls and one for the three forms of sequence took 12–16 and 54–61 µs."""
    from ftfy.chardata import UTF8_CLUES  # noqa: PLC0415

    first2, first3, first4, more = (
        UTF8_CLUES[name] for name in ("utf8_first_of_2", "utf8_first_of_3", "utf8_first_of_4", "utf8_continuation")
    )
    c1 = "\x80-\x9f"
    return re.compile(
        f"[{c1}{first2}{first3}{first4}]"
        f"(?:(?<=[{c1}])|(?<=[{first2}])[{more}]|(?<=[{first3}])[{more}]{{2}}|(?<=[{first4}])[{more}]{{3}})"
    )


# Line breaks other than LF, CRLF and CR that pasted text holds: vertical tab and form feed (word
# processors), NEL, and Unicode's line and paragraph separators (web pages, PDF exports).
_OTHER_BREAKS = {"\x0b": "\n", "\x0c": "\n", "\x85": "\n", "\u2028": "\n", "\u2029": "\n\n"}


def normalise(text: str) -> str:
    """NFC, `\\n` line endings (from LF, CRLF, CR and the other line breaks in `_OTHER_BREAKS`;
    a paragraph separator ends a paragraph)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    for char, replacement in _OTHER_BREAKS.items():
        if char in text:  # rare: a scan per character costs less than a translation of every text
            text = text.replace(char, replacement)
    return unicodedata.normalize("NFC", text)


def read_seed(path: Path, display: str) -> SeedText:
    """Read one seed; SeedError naming `display` and the reason when it cannot be published."""
    name = seed_name(path, display)
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):  # a FIFO or device would block or never end
            raise SeedError(display, "not a regular file")
        with path.open("rb") as f:
            # Never more than the limit and one byte, whatever the file has grown to. The size
            # first: asked for 5 MB, `read` makes a buffer that large for an 8 KB file (37–45
            # against 12–19 µs a seed).
            want = min(info.st_size, MAX_SEED_BYTES) + 1
            raw = f.read(want)
            if len(raw) == want <= MAX_SEED_BYTES:  # it grew since `stat`
                raw += f.read(MAX_SEED_BYTES + 1 - want)
        if len(raw) > MAX_SEED_BYTES:
            size = max(info.st_size, len(raw))
            raise SeedError(display, f"too large ({size:,} bytes; the limit is {MAX_SEED_BYTES:,})")
    except OSError as exc:
        raise SeedError(display, f"cannot read: {exc.strerror or exc}") from None
    try:
        text, warnings = repair(decode(raw))
    except ValueError as exc:
        raise SeedError(display, str(exc)) from None
    text = normalise(text)
    if not text.strip():
        raise SeedError(display, "empty file (only whitespace)")
    longest = max(enumerate(text.split("\n"), 1), key=lambda item: len(item[1]))
    if len(longest[1]) > MAX_LINE_CHARS:
        number, line = longest
        raise SeedError(display, f"line {number} too long ({len(line):,} characters; the limit is {MAX_LINE_CHARS:,})")
    return SeedText(name, text, hashlib.sha256(raw).hexdigest(), tuple(warnings))


def seed_name(path: Path, display: str) -> str:
    """The file name, NFC; SeedError when it cannot be shown on a page as it is."""
    try:
        path.name.encode("utf-8")
    except UnicodeEncodeError:
        raise SeedError(display, "file name is not valid UTF-8; rename the file") from None
    if _NAME_CONTROL.search(path.name):
        raise SeedError(display, "file name contains a control character; rename the file")
    return unicodedata.normalize("NFC", path.name)
