"""Seed text into Markdown so that it renders exactly as written, never as markup.

Seeds are plain text. `<script>`, `*x*`, `[a](javascript:…)`, `# ` at a line start, `{{ }}`
must all reach the reader as the characters they are. HTML specials become entities;
Markdown punctuation gets a backslash; list and heading markers at the start are escaped.
"""

from __future__ import annotations

import html
import re

# Characters Python-Markdown (with the tables and attr_list extensions) gives a meaning inline.
_INLINE = re.compile(r"([\\`*_{}\[\]|!#])")
# At the start of a block: list markers, numbered lists (`1.` / `1)`), `+`, `-`.
_BLOCK_START = re.compile(r"^([-+]|\d+(?=[.)]))")


def inline(text: str) -> str:
    """Escape text for use inside a Markdown paragraph, heading, list item or link text."""
    return _INLINE.sub(r"\\\1", html.escape(text, quote=False))


def block(text: str) -> str:
    """Escape text that starts a Markdown block (a paragraph or a list item's first line)."""
    escaped = inline(" ".join(text.split()))
    m = _BLOCK_START.match(escaped)
    if m and m.group(1)[0].isdigit():
        n = m.end()
        return f"{escaped[:n]}\\{escaped[n:]}"
    if m:
        return f"\\{escaped}"
    return escaped


def attribute(text: str) -> str:
    """Escape text that MkDocs themes print raw into HTML (`<title>`, `<meta content>`)."""
    return html.escape(text, quote=True)


def link(text: str, target: str) -> str:
    """A Markdown link with escaped text; `target` is generated, never seed text."""
    return f"[{inline(text)}]({target})"


def url(text: str) -> str:
    """A curated http(s) URL inside `<…>`, so spaces and parentheses cannot end it early."""
    return "<" + text.replace("<", "%3C").replace(">", "%3E") + ">"
