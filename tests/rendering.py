"""Test helper: generated Markdown → HTML as MkDocs renders it, and what a reader sees of it.

The Markdown extensions are read from the repository's mkdocs.yml through MkDocs' own config
loader, so a change there is tested here too.
"""

from __future__ import annotations

from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import markdown
from mkdocs.config import load_config
from mkdocs.utils.meta import get_data

ROOT = Path(__file__).resolve().parent.parent

# What the generator's pages may contain: every tag and attribute it writes on purpose.
ALLOWED_TAGS = frozenset({"h1", "h2", "p", "a", "strong", "code", "ul", "li", "br", "table", "thead", "tbody", "tr"})
ALLOWED_TAGS |= {"th", "td", "div"}  # div: the "Số liệu chính" admonition box the generator writes
ALLOWED_ATTRS = frozenset({"href", "class", "id", "title", "style"})


@cache
def _extensions() -> tuple[list[object], dict[str, dict[str, object]]]:
    config = load_config(str(ROOT / "mkdocs.yml"))
    return list(config.markdown_extensions), dict(config.mdx_configs)


def to_html(page: str) -> tuple[dict[str, object], str]:
    """A generated page → (front matter as MkDocs reads it, body HTML)."""
    body, meta = get_data(page)
    return meta, markdown_html(body)


def markdown_html(text: str) -> str:
    """Markdown (no front matter) → HTML, with the extensions of mkdocs.yml."""
    extensions, configs = _extensions()
    return markdown.Markdown(extensions=extensions, extension_configs=configs).convert(text)


class Elements(HTMLParser):
    """Tags with their attributes, and the text of each top-level block, as a browser reads them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.blocks: list[str] = []
        self._depth = 0
        self._skip = 0  # inside a heading's permalink

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "a" and dict(attrs).get("class") == "headerlink":
            self._skip += 1
        if self._depth == 0:
            self.blocks.append("")
        if tag != "br":
            self._depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._skip:
            self._skip -= 1
        self._depth -= 1

    def handle_data(self, data: str) -> None:
        if self._depth and not self._skip:
            self.blocks[-1] += data
        elif data.strip():
            self.blocks.append(data)  # text outside any element: not from the generator


def elements(html: str) -> Elements:
    parser = Elements()
    parser.feed(html)
    parser.close()
    return parser


def unexpected_markup(html: str) -> list[str]:
    """Tags or attributes the generator never writes, and links that do not stay on the site."""
    found = []
    for tag, attrs in elements(html).tags:
        if tag not in ALLOWED_TAGS:
            found.append(f"<{tag}>")
        for name, value in attrs.items():
            if name not in ALLOWED_ATTRS or name.startswith("on"):
                found.append(f"<{tag} {name}>")
            if name == "href" and value and ":" in value.split("/")[0] and not value.startswith(("http:", "https:")):
                found.append(f"<{tag} href={value!r}>")
    return found
