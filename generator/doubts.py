"""Parses a curator should look at: the article is published as parsed, with a warning that
says what to check and how to pin the right value.

Pure functions of a ParsedSeed, each returning its warning or None.
"""

from __future__ import annotations

from . import text
from .model import BlockKind, ParsedSeed
from .parsing import looks_like_title, quoted

QUOTE_MAX = 60  # characters of the doubtful line quoted in the warning
# A line under the title that ends like this goes on below it: a clause, a list's lead-in, a
# poem's line (`Chiều 25/11, tại kỳ họp …,` `… phải:`), not a second title.
_GOES_ON = (",", ";", ":")
TITLE_WORDS_MAX = 16  # a longer line under the title is a sapo (`Vì sao mỗi năm … du học?`)


def title_doubt(parsed: ParsedSeed) -> str | None:
    """The line under a title the text gave reads like a title too: a kicker was taken for the
    title, or a subtitle follows it. Under a quoted title the line below is the speaker's name,
    as the parser reads it."""
    if not parsed.title:
        return None  # a derived title has its own warning
    first = parsed.lede or next((b.text for b in parsed.blocks if b.kind is not BlockKind.CAPTION), None)
    if first is None or first.endswith(_GOES_ON) or quoted(parsed.title):
        return None
    if quoted(first) or len(first.split()) > TITLE_WORDS_MAX:
        return None  # a quote opens the article; a long question is a sapo
    if not looks_like_title(first):
        return None
    return f"the line under the title, {_shown(first)}, reads like a title too: check the title (pin it with `title:`)"


def _shown(line: str) -> str:
    return f"“{text.cut(line, QUOTE_MAX)}”"
