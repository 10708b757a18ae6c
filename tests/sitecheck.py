"""Reading a built site: which pages `content/` asks for, and what each HTML page refers to."""

from __future__ import annotations

import json
import posixpath
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from generator.output import read_manifest

# Attributes that make the browser load or navigate to another URL.
URL_ATTRIBUTES = {"a": "href", "link": "href", "script": "src", "img": "src", "source": "src", "iframe": "src"}
MATERIAL_CONFIG_ID = "__config"  # Material's (and Zensical's) JSON configuration in every page
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


def html_path(source: str) -> str:
    """The file a renderer writes for `content/<source>` (directory URLs; other files are copied)."""
    path = PurePosixPath(source)
    if path.suffix != ".md":
        return source
    if path.name == "index.md":
        return (path.parent / "index.html").as_posix()
    return (path.with_suffix("") / "index.html").as_posix()


def generated_sources(content: Path) -> list[str]:
    """What the generator wrote into `content/`, from its manifest."""
    return sorted(read_manifest(content))


def hand_written_pages(content: Path) -> list[str]:
    owned = read_manifest(content)
    pages = (p.relative_to(content).as_posix() for p in content.rglob("*.md"))
    return sorted(p for p in pages if p not in owned)


def site_files(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())


@dataclass(frozen=True)
class Ref:
    tag: str
    url: str
    rel: str = ""


@dataclass
class Page:
    refs: list[Ref] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)
    heading_ids: set[str] = field(default_factory=set)
    config: dict[str, object] = field(default_factory=dict)
    components: set[str] = field(default_factory=set)  # Material's data-md-component values


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self._in_config = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if "id" in values:
            self.page.ids.add(values["id"])
            if tag in HEADINGS:
                self.page.heading_ids.add(values["id"])
        if values.get("data-md-component"):
            self.page.components.add(values["data-md-component"])
        if "name" in values and tag == "a":
            self.page.ids.add(values["name"])
        attr = URL_ATTRIBUTES.get(tag)
        if attr and values.get(attr):
            self.page.refs.append(Ref(tag, values[attr], values.get("rel", "")))
        self._in_config = tag == "script" and values.get("id") == MATERIAL_CONFIG_ID

    def handle_data(self, data: str) -> None:
        if self._in_config and data.strip():
            self.page.config = json.loads(data)

    def handle_endtag(self, tag: str) -> None:
        self._in_config = False


def parse(html: str) -> Page:
    parser = _Parser()
    parser.feed(html)
    parser.close()
    return parser.page


def is_internal(url: str) -> bool:
    """A reference to this site: no scheme and no host (`mailto:`, `https://…` are external)."""
    parts = urlsplit(url)
    return not parts.scheme and not parts.netloc


def is_root_absolute(url: str) -> bool:
    return is_internal(url) and url.startswith("/")


def resolve(page: str, url: str, files: set[str], root: str = "/") -> str | None:
    """The file of the site a link on `page` leads to (a folder means its index.html), or None.

    `root` is the path the site is published under, for root-absolute links.
    """
    path = unquote(urlsplit(url).path)
    if not path:
        return page
    folder = posixpath.dirname(page)
    if path.startswith("/"):
        if not (path + "/").startswith(root):
            return None
        path, folder = path[len(root) :], ""
    target = posixpath.normpath(posixpath.join(folder, path))
    for candidate in (target, posixpath.normpath(posixpath.join(target, "index.html"))):
        if candidate in files:
            return candidate
    return None
