"""Seed files → normalised text: decoding, BOMs, line endings, NFC. Rejects what is not text."""

from __future__ import annotations

import codecs
import hashlib
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from .errors import SeedError

SEED_SUFFIX = ".txt"
CURATION_SUFFIX = ".yml"
MAX_SEED_BYTES = 5 * 1024 * 1024

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
            raise ValueError("not text (contains NUL bytes)")
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ValueError(f"not valid UTF-8 at byte {exc.start}") from None
    if "\x00" in text:
        raise ValueError("not text (contains NUL characters)")
    return text


def normalise(text: str) -> str:
    """NFC, `\\n` line endings (from LF, CRLF or CR)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def read_seed(path: Path, display: str) -> SeedText:
    """Read one seed; SeedError naming `display` and the reason when it cannot be published."""
    try:
        size = path.stat().st_size
        if size > MAX_SEED_BYTES:
            raise SeedError(display, f"too large ({size:,} bytes; the limit is {MAX_SEED_BYTES:,})")
        raw = path.read_bytes()
    except OSError as exc:
        raise SeedError(display, f"cannot read: {exc.strerror or exc}") from None
    try:
        text = normalise(decode(raw))
    except ValueError as exc:
        raise SeedError(display, str(exc)) from None
    if not text.strip():
        raise SeedError(display, "empty file (only whitespace)")
    name = unicodedata.normalize("NFC", path.name)
    return SeedText(name, text, hashlib.sha256(raw).hexdigest())
