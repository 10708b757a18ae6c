"""Seed text into Markdown so that it renders exactly as written, never as markup.

Seeds are plain text. `<script>`, `*x*`, `[a](javascript:…)`, `# ` at a line start, `{{ }}`
must all reach the reader as the characters they are. HTML specials become entities;
Markdown punctuation gets a backslash; list, heading and fence markers at the start are escaped.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from .text import clean_line

# Characters Python-Markdown (with the tables and attr_list extensions) gives a meaning inline.
_MARKDOWN = r"\\`*_{}\[\]|!#"
_INLINE = re.compile(f"([{_MARKDOWN}])")
# At the start of a block: list markers, numbered lists (`1.` / `1)`), `+`, `-`.
_BLOCK_START = re.compile(r"^([-+]|\d+(?=[.)]))")


# What `inline` changes: HTML's specials (`html.escape`) and Markdown's. Most titles and
# summaries hold none of them, and are returned as they are.
_ESCAPED = re.compile(f"[&<>{_MARKDOWN}]")


def inline(text: str) -> str:
    """Escape text for use inside a Markdown paragraph, heading, list item or link text."""
    if _ESCAPED.search(text) is None:
        return text
    return _INLINE.sub(r"\\\1", html.escape(text, quote=False))


def block(text: str) -> str:
    """Escape text that starts a Markdown block (a paragraph or a list item's first line)."""
    escaped = inline(" ".join(text.split()))
    if escaped.startswith("~"):  # `~~~` opens a fenced code block (fenced_code); `\~` is no escape
        return f"&#126;{escaped[1:]}"
    m = _BLOCK_START.match(escaped)
    if m and m.group(1)[0].isdigit():
        n = m.end()
        return f"{escaped[:n]}\\{escaped[n:]}"
    if m:
        return f"\\{escaped}"
    return escaped


def table(rows: Sequence[Sequence[str]]) -> str:
    """A pipe table (the `tables` extension), the first row its header: every cell escaped as
    `inline` text (a `|` in a cell is `\\|`, as the extension reads it)."""
    head, *body = rows
    lines = [_table_row(head), "|" + " --- |" * len(head), *map(_table_row, body)]
    return "\n".join(lines)


def _table_row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(inline(cell) for cell in cells) + " |"


def code(text: str) -> str:
    """A one-line code span showing `text` literally (a file name): fenced with more backticks
    than it contains, line breaks and invisible characters removed."""
    text = clean_line(text)
    runs = [len(m) for m in re.findall(r"`+", text)]
    fence = "`" * (max(runs, default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def attribute(text: str) -> str:
    """Escape text that MkDocs themes print raw into HTML (`<title>`, `<meta content>`)."""
    return html.escape(text, quote=True)


def link(text: str, target: str) -> str:
    """A Markdown link with escaped text; `target` is generated, never seed text."""
    return f"[{inline(text)}]({target})"


def url(text: str) -> str:
    """A curated http(s) URL inside `<…>`, so spaces and parentheses cannot end it early."""
    return "<" + text.replace("<", "%3C").replace(">", "%3E") + ">"
