"""Hypothesis properties of the parser and the page writer, on any text a scraper can produce.

- parsing never raises, whatever the text;
- the front matter MkDocs reads back (and `yaml.safe_load` reads back) is exactly what the
  generator meant to write;
- the page rendered with the Markdown extensions of mkdocs.yml carries no tag or attribute from
  the seed, no `<` or `&` of the seed unescaped, and shows every paragraph as written;
- a YAML file PyYAML's own loader accepts reads the same through libyaml's (`yamlfile`).
"""

from __future__ import annotations

import datetime as dt
import re

import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from mkdocs.utils.meta import YAML_RE
from rendering import elements, markdown_html, to_html, unexpected_markup

from generator import mdtext, yamlfile
from generator.build import make_article
from generator.curation import Curation
from generator.data import Data
from generator.errors import ConfigError
from generator.model import Article, BlockKind
from generator.pages import article_meta, render_article
from generator.parsing import paragraphs, parse_seed
from generator.reading import SeedText, decode, normalise, repair
from generator.text import clean_line

# Pieces of real and hostile seeds, glued together by Hypothesis with arbitrary text.
TOKENS = [
    "date 2024-03-12 ", "date 2024-13-45 ", "date 0000", "VOV.VN - ", "(TTXVN) - ", "Theo TTXVN", "(Ảnh: TTXVN)",
    "Thứ Sáu, 06/12/2024 14:32 (GMT+7)", "Ngày 26/02/2024, ", "Tin liên quan", "Nguyễn Văn An",
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "[a](javascript:alert(1))", "<http://x>",
    "&amp;", "&lt;", "&#60;", "&", "<", ">", "{{ x }}", "{% if %}", "{: .x }", "{#id}", "---", "...", "~~~", "```",
    "# ", "## ", "- ", "+ ", "* ", "1. ", "2) ", "> ", "| a | b |", "|---|", "!!! note", "    ", "\t", "\\", "`",
    "*", "_", "[", "]", "(", ")", "!", "#", "=", ":", "key: value", "title: x", "\u200b", "\u202e", "\u2066",
    "\ufeff", "\u00ad", "\u2028", "\u0085", "\x0c", "\r\n", "\r", "\n", "\n\n", "Việt Nam", "hợp tác", "Lào",
    "đặc biệt", "ÔNG TÔ LÂM", ".", "…", "\"", "'", "“", "”",
]  # fmt: skip
ALPHABET = st.characters(codec="utf-8", exclude_categories=["Cs"])
SEED_TEXT = st.lists(st.one_of(st.sampled_from(TOKENS), st.text(ALPHABET, max_size=12)), max_size=40).map("".join)
TODAY = dt.date(2026, 11, 23)
_ALLOWED_TAG = re.compile(r"<(?=/?(?:h1|h2|p|a|strong|code|ul|li|br|div|table|thead|tbody|tr|th|td)[\s>/])")
_ENTITY = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#[xX][0-9A-Fa-f]+);")

PROPERTY = settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _page(text: str, data: Data) -> tuple[Article, str]:
    text = normalise(text)
    parsed = parse_seed(text, data.boilerplate)
    seed = SeedText("seed.txt", text, "0" * 64)
    article, _ = make_article(seed, parsed, Curation(), data=data, display="seed.txt", today=TODAY)
    return article, render_article(article, data)


@PROPERTY
@given(SEED_TEXT)
@example("Tiêu đề\nHai bên ký kết.\nChỉ tiêu\tNăm 2024\tNăm 2025\nCộng\t9.900")
def test_parsing_never_raises(data: Data, text: str) -> None:
    parsed = parse_seed(normalise(text), data.boilerplate)
    # A table's text ends in a tab when its last row's cells at the end were lost in the copy
    # (`Cộng\t9.900` under three columns): its cells, not its text, are trimmed.
    cells = [cell for b in parsed.blocks if b.kind is BlockKind.TABLE for row in b.rows() for cell in row]
    texts = [b.text for b in parsed.blocks if b.kind is not BlockKind.TABLE]
    assert all(b.text for b in parsed.blocks) and all(text.strip() == text for text in [*texts, *cells])


@PROPERTY
@given(raw=st.binary(max_size=200) | SEED_TEXT.map(lambda t: t.encode("utf-16-le")))
def test_reading_any_bytes_rejects_with_a_reason_or_returns_text(raw: bytes) -> None:
    try:
        text, warnings = repair(decode(raw))
    except ValueError as exc:
        assert str(exc)
    else:
        assert isinstance(text, str) and all(isinstance(w, str) for w in warnings)


@PROPERTY
@given(SEED_TEXT)
@example("---\ntitle: x\n---\n\n<b>x</b>\n\n…")
@example("a\u2028b: c\n\n'quoted' \"double\" # not a comment\n\nx")
def test_front_matter_round_trips(data: Data, text: str) -> None:
    article, page = _page(text, data)
    meta, _ = to_html(page)
    assert meta == article_meta(article)  # as MkDocs reads it
    fenced = YAML_RE.match(page)  # how MkDocs finds the front matter
    assert fenced is not None and yaml.safe_load(fenced.group(1)) == article_meta(article)


@PROPERTY
@given(SEED_TEXT)
@example("~~~\n\nx\n\n~~~")
@example("&amp; &#60; & <b> < x")
@example("date 2024-03-12 date 2024-03-12 %")  # found by CI: a figure cut out of a date, inside an admonition
@example("Tiêu đề\n<b>a</b>\t| x |\t\n*y*\t&amp;\t`\n\t---\t\\")  # a table copied with its tabs
def test_rendered_page_shows_the_seed_as_written(data: Data, text: str) -> None:
    article, page = _page(text, data)
    _, html = to_html(page)
    assert unexpected_markup(html) == []
    stray_lt = [
        html[m.start() : m.start() + 20] for m in re.finditer("<", html) if not _ALLOWED_TAG.match(html, m.start())
    ]
    assert stray_lt == []  # every `<` starts a tag the generator writes: the seed's are `&lt;`
    stray_amp = [html[m.start() : m.start() + 12] for m in re.finditer("&", html) if not _ENTITY.match(html, m.start())]
    assert stray_amp == []  # every `&` starts an entity: the seed's are `&amp;`
    shown = elements(html).blocks
    assert shown[0] == article.title
    for block in article.blocks:
        expected = " ".join(block.text.split())
        if block.kind is BlockKind.TABLE:  # its cells in order, on lines of their own in the HTML
            assert any(expected in " ".join(s.split()) for s in shown), expected
            continue
        assert any(expected in s for s in shown), expected
        if block.kind is BlockKind.HEADING:
            assert expected in shown


@PROPERTY
@given(st.text(ALPHABET, max_size=30))
def test_block_escaping_shows_any_line_as_written(text: str) -> None:
    text = clean_line(text)  # what every block of a seed has been through
    html = markdown_html(f"{mdtext.block(text)}\n")
    assert unexpected_markup(html) == []
    assert " ".join(elements(html).blocks).strip() == " ".join(text.split())


def _paragraphs_reference(lines: list[str]) -> list[str]:
    """The quadratic implementation that `paragraphs` replaced: the same result is required."""
    result: list[str] = []
    joinable = False
    for line in lines:
        if not line:
            joinable = False
            continue
        if joinable and result and line[0].islower() and not result[-1].rstrip('"”’)»').endswith(tuple(".!?…")):
            result[-1] = f"{result[-1]} {line}"
        elif not result or line != result[-1]:
            result.append(line)
        joinable = True
    return result


@PROPERTY
@given(st.lists(st.sampled_from(["", "a b", "a", "b", "A.", "c d.", "x”", "”", "a b", "Ab", "á", "e?"]), max_size=30))
def test_paragraphs_joins_as_before_in_linear_time(lines: list[str]) -> None:
    assert paragraphs(lines) == _paragraphs_reference(lines)


# Pieces of curation files, and of the characters libyaml reads otherwise than PyYAML.
YAML_PIECES = [
    "title: ", "date: ", "people:\n", "  - ", "- ", "a", "Đổi", " ", "\n", ":", "'", '"', "[", "]", "{", "}", ",",
    "#", "!!timestamp ", "2024-02-30", "2024-02-03", "yes", "~", "|", ">", "&a ", "*a", "? ", "---\n", "...\n",
    "\\", "1.5", ".inf", "<<: ", "\t", "\x85", "\u2028", "\u2029", "\ufeff",
]  # fmt: skip


def _reference(text: str) -> yamlfile.YamlDoc | ConfigError:
    """`yamlfile.parse_yaml` with PyYAML's own loader alone."""
    try:
        node, data = yamlfile._load(yamlfile._Loader, text)
        lines: dict[yamlfile.KeyPath, int] = {}
        if node is not None:
            yamlfile._record_lines(node, (), lines, "x.yml")
    except yamlfile.YAML_ERRORS as exc:
        return yamlfile.yaml_error("x.yml", exc, text)
    except ConfigError as exc:  # a key given twice
        return exc
    return yamlfile.YamlDoc("x.yml", data, lines)


def _shown(read: yamlfile.YamlDoc | ConfigError) -> object:
    return str(read) if isinstance(read, ConfigError) else (repr(read.data), read.lines)


@PROPERTY
@given(st.lists(st.sampled_from(YAML_PIECES), max_size=16).map("".join))
@example("\ufeff\ufeff")  # libyaml reads None, PyYAML a BOM
@example("title: [x\nsource: y\n")  # both reject it: the message is PyYAML's
@example("a: 1\na: 2\n")
def test_yaml_reads_as_pyyaml_does(text: str) -> None:
    expected = _reference(text)
    try:
        got: yamlfile.YamlDoc | ConfigError = yamlfile.parse_yaml(text, "x.yml")
    except ConfigError as exc:
        got = exc
    if isinstance(expected, ConfigError) and not isinstance(got, ConfigError):
        return  # libyaml accepts a few texts PyYAML rejects (`yamlfile._FastLoader`)
    assert _shown(got) == _shown(expected)
