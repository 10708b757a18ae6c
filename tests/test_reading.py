"""Decoding seeds: the encodings and line endings curators' files come in."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from generator.errors import SeedError
from generator.reading import read_seed

TEXT = "Tổng Bí thư Tô Lâm\nHai bên nhất trí."
NFD = unicodedata.normalize("NFD", TEXT)


@pytest.mark.parametrize(
    "raw",
    [
        TEXT.encode("utf-8"),
        b"\xef\xbb\xbf" + TEXT.encode("utf-8"),
        b"\xff\xfe" + TEXT.encode("utf-16-le"),
        b"\xfe\xff" + TEXT.encode("utf-16-be"),
        TEXT.replace("\n", "\r\n").encode("utf-8"),
        TEXT.replace("\n", "\r").encode("utf-8"),
        NFD.encode("utf-8"),
        TEXT.replace("\n", "\u2028").encode("utf-8"),
        TEXT.replace("\n", "\x0b").encode("utf-8"),
        TEXT.replace("\n", "\x0c").encode("utf-8"),
    ],
    ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "crlf", "cr", "nfd", "line-separator", "vt", "ff"],
)
def test_decodes_to_nfc_with_lf(raw: bytes, tmp_path: Path) -> None:
    path = tmp_path / "seed.txt"
    path.write_bytes(raw)
    seed = read_seed(path, "seeds/seed.txt")
    assert seed.text == TEXT
    assert unicodedata.is_normalized("NFC", seed.text)


def test_a_paragraph_separator_ends_a_paragraph(tmp_path: Path) -> None:
    path = tmp_path / "seed.txt"
    path.write_bytes("Tiêu đề\u2029Hai bên nhất trí.\u2028Hai bên ký kết.".encode())
    assert read_seed(path, "seeds/seed.txt").text == "Tiêu đề\n\nHai bên nhất trí.\nHai bên ký kết."


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b"", "empty file"),
        (b"  \n\t\r\n", "empty file (only whitespace)"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not text (contains NUL bytes)"),
        ("Tổng Bí thư".encode()[:-1] + b"\xe1", "not valid UTF-8 at byte"),
        ("Tô Lâm".encode("cp1258"), "not valid UTF-8 at byte"),
    ],
    ids=["empty", "whitespace", "png", "truncated-utf8", "cp1258"],
)
def test_rejects_with_a_reason(raw: bytes, reason: str, tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(raw)
    with pytest.raises(SeedError) as info:
        read_seed(path, "seeds/bad.txt")
    assert str(info.value).startswith(f"seeds/bad.txt: {reason}")


def test_sha256_is_of_the_raw_bytes(tmp_path: Path) -> None:
    path = tmp_path / "seed.txt"
    path.write_bytes(b"abc")
    assert read_seed(path, "x").sha256 == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
