"""Seed text reaches the page as the characters it is, never as markup."""

from __future__ import annotations

import html
import re

import markdown
import pytest

from generator import mdtext
from generator.slugs import toc_slugify

# The extensions mkdocs.yml enables.
EXTENSIONS = ["toc", "attr_list", "tables", "admonition"]

TRICKY = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "# not a heading",
    "*x* and _x_ and **y**",
    "[a](javascript:alert(1))",
    "![img](x.png)",
    "{{ config.site_name }} {% include 'x' %}",
    "> not a quote",
    "1. not a list",
    "12) not a list either",
    "- not a bullet",
    "+ nor this",
    "---",
    "&amp; &lt; &#60; &copy;",
    "a | b | c",
    "!!! note",
    "`code` and \\backslash\\",
    "text {: .class }",
    "<http://example.com>",
    'Tổng Bí thư Tô Lâm: "Hữu nghị vĩ đại" – 5 tỷ USD (10-15%).',
]


@pytest.mark.parametrize("text", TRICKY)
def test_block_renders_literally(text: str) -> None:
    out = markdown.markdown(mdtext.block(text), extensions=EXTENSIONS)
    assert out.startswith("<p>") and out.endswith("</p>")
    assert html.unescape(re.sub(r"<[^>]+>", "", out)) == text


@pytest.mark.parametrize("text", TRICKY)
def test_heading_renders_literally(text: str) -> None:
    out = markdown.markdown(f"## {mdtext.inline(text)}", extensions=EXTENSIONS)
    assert out.startswith("<h2")
    assert html.unescape(re.sub(r"<[^>]+>", "", out)) == text


@pytest.mark.parametrize("text", TRICKY)
def test_link_text_renders_literally(text: str) -> None:
    out = markdown.markdown(mdtext.link(text, "page.md"), extensions=EXTENSIONS)
    assert out.count("<a ") == 1 and 'href="page.md"' in out
    assert html.unescape(re.sub(r"<[^>]+>", "", out)) == text


@pytest.mark.parametrize(
    ("text", "escaped"),
    [("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"), ('a"b', "a&quot;b"), ("Tô Lâm", "Tô Lâm")],
)
def test_attribute_escaping_for_raw_template_output(text: str, escaped: str) -> None:
    assert mdtext.attribute(text) == escaped


@pytest.mark.parametrize(
    ("heading", "anchor"),
    [("Quan hệ đặc biệt", "quan-he-dac-biet"), ("Đường cao tốc Hà Nội - Vientiane", "duong-cao-toc-ha-noi-vientiane")],
)
def test_heading_anchors_are_ascii_with_d_for_dstroke(heading: str, anchor: str) -> None:
    assert toc_slugify(heading, "-") == anchor


@pytest.mark.parametrize("text", TRICKY)
def test_table_cells_render_literally(text: str) -> None:
    out = markdown.markdown(mdtext.table([[text, "Năm 2025"], ["Kim ngạch", text], ["", "2,2"]]), extensions=EXTENSIONS)
    assert out.startswith("<table>") and out.endswith("</table>")
    cells = [html.unescape(re.sub(r"<[^>]+>", "", cell)) for cell in re.findall(r"<t[hd]>(.*?)</t[hd]>", out, re.S)]
    assert cells == [text, "Năm 2025", "Kim ngạch", text, "", "2,2"]
    assert "<script" not in out and "<img" not in out and "<a " not in out
