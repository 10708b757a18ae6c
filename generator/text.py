"""Small pure helpers on Vietnamese text: cleaning lines, sentences, words, matching."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable, Sequence
from functools import lru_cache

# Invisible characters that scraped text carries: zero-width spaces and joiners, word joiner,
# stray BOMs, soft hyphen, and bidi controls (which can make a title display as something
# other than what it says).
_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
# Control characters other than tab and newline never belong in article text.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")

SENTENCE_END = ".!?…"
_SENTENCE_GAP = re.compile(r"[.!?…][\"”’)]*(\s+)[\"“‘(]?(\w)")
_WORD = re.compile(r"\w", re.UNICODE)

WORDS_PER_MINUTE = 200


def _visible(text: str) -> str:
    """Invisible characters removed, control characters (never `\\n`) made spaces."""
    return _CONTROL.sub(" ", _INVISIBLE.sub("", text))


def clean_line(line: str) -> str:
    """One line with invisible and control characters removed and spaces collapsed
    (`str.split()` splits at what `\\s` matches)."""
    return " ".join(_visible(line).split())


def clean_lines(text: str) -> list[str]:
    """`clean_line` of every line of `text`, with one pass of the substitutions over the whole
    text (tests/test_fast_text.py compares with the regular expressions line by line)."""
    return [" ".join(line.split()) for line in _visible(text).split("\n")]


def fingerprint(lines: Sequence[str]) -> str:
    """Of a text's `clean_lines`: the same for texts that differ only in spacing, line breaks,
    invisible or control characters (and, as `read_seed` reads them, in BOM, encoding or
    normalisation). The parser's own lines: splitting the seed's text anew took 45–74 µs a seed."""
    return hashlib.sha256(" ".join(filter(None, lines)).encode("utf-8")).hexdigest()


def sentences(text: str) -> list[str]:
    """Split text into sentences at `.`, `!`, `?`, `…` followed by a capital letter."""
    parts: list[str] = []
    start = 0
    for m in _SENTENCE_GAP.finditer(text):
        if m.group(2).isupper() or m.group(2).isdigit():
            parts.append(text[start : m.start(1)])
            start = m.end(1)
    parts.append(text[start:])
    return [p for p in parts if p]


def cut(text: str, limit: int) -> str:
    """At most `limit` characters: whole sentences if they fit, else whole words and `…`."""
    text = text.strip()
    if len(text) <= limit:
        return text
    kept = ""
    for sentence in sentences(text):
        candidate = f"{kept} {sentence}".strip()
        if len(candidate) > limit:
            break
        kept = candidate
    if kept:
        return kept
    head = text[: limit - 1]
    if " " in head:
        head = head[: head.rindex(" ")]
    return head.rstrip(" ,;:–-") + "…"


def count_words(text: str) -> int:
    """Words as Vietnamese writes them: space-separated syllables containing a letter or digit."""
    tokens = text.split()
    # Most tokens start with a letter: only the others need the regular expression.
    return len(tokens) - sum(1 for t in tokens if not t[0].isalnum() and not _WORD.search(t))


def reading_minutes(words: int) -> int:
    return max(1, -(-words // WORDS_PER_MINUTE))


# Old and new tone placement in `oa`, `oe`, `uy` (hoá/hóa, thuỷ/thủy) are both in use; for
# matching, map the tone mark onto the first vowel.
_TONE_PLACEMENT = {
    f"{first}{second}{mark}": f"{first}{mark}{second}"
    for first, seconds in (("o", "ae"), ("u", "y"))
    for second in seconds
    for mark in ("\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
}
_TONE_RE = re.compile("|".join(sorted(_TONE_PLACEMENT, key=len, reverse=True)))


# The same move on composed text: `o`/`u` followed by a character whose decomposition starts
# with its second vowel and a tone mark (`oà` → `òa`, `oặ` → `ọă`). Found among the characters
# Latin text is made of (below) and exact there: none of them is a combining mark or composes
# with a neighbour, so composing is done character by character.
_LATIN = ("\x00", "\u02ff"), ("\u1e00", "\u1eff"), ("\u2000", "\u206f"), ("\u20a0", "\u20bf")
_NOT_LATIN = re.compile("[^" + "".join(f"{low}-{high}" for low, high in _LATIN) + "]")
_TONE_MOVED = {
    first + char: unicodedata.normalize("NFC", first + parts[1]) + unicodedata.normalize("NFC", parts[0] + parts[2:])
    for low, high in _LATIN
    for char in map(chr, range(ord(low), ord(high) + 1))
    for parts in [unicodedata.normalize("NFD", char)]
    for first in "ou"
    if len(parts) > 1 and f"{first}{parts[:2]}" in _TONE_PLACEMENT
}
_TONE_MOVED_RE = re.compile("|".join(sorted(_TONE_MOVED)))


def is_latin(text: str) -> bool:
    """Whether `text` is made of the characters of Latin text only (as articles are): fast paths
    that are exact there (below, and `searchindex.tokens`) check this first."""
    return _NOT_LATIN.search(text) is None


def latin_class(chosen: Callable[[str], bool]) -> str:
    """A regular expression class of the Latin characters (`is_latin`) for which `chosen` holds."""
    codes = [c for low, high in _LATIN for c in range(ord(low), ord(high) + 1) if chosen(chr(c))]
    starts = [c for i, c in enumerate(codes) if i == 0 or codes[i - 1] != c - 1]
    ends = [c for i, c in enumerate(codes) if i == len(codes) - 1 or codes[i + 1] != c + 1]
    return "[" + "".join(f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in zip(starts, ends, strict=True)) + "]"


@lru_cache(maxsize=16)  # an article's body is matched against themes, then people
def match_form(text: str) -> str:
    """A form of `text` for keyword matching: lower case, NFC, one tone placement.

    The definition is `NFC(tone moved(NFD(casefold(text))))`; Latin text (as articles are) takes
    the composed way, which gives the same in a third of the time (tests/test_fast_text.py)."""
    folded = unicodedata.normalize("NFC", text.casefold())
    if is_latin(folded):
        return _TONE_MOVED_RE.sub(lambda m: _TONE_MOVED[m.group(0)], folded)
    decomposed = unicodedata.normalize("NFD", folded)
    return unicodedata.normalize("NFC", _TONE_RE.sub(lambda m: _TONE_PLACEMENT[m.group(0)], decomposed))


def outlet_form(text: str) -> str:
    """`match_form` of an outlet's name with `&` read as `và` (`Thế giới & Việt Nam` is `Thế giới
    và Việt Nam`) and spaces collapsed."""
    form = match_form(text)
    return " ".join(form.replace("&", " và ").split()) if "&" in form else form


def fold(text: str) -> str:
    """Accents removed and đ→d: for search keys and comparisons, never for display."""
    decomposed = unicodedata.normalize("NFD", text.casefold().replace("đ", "d"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))
