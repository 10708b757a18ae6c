"""The fast front-matter writer gives exactly what `yaml.safe_dump` gives, whatever the values."""

from __future__ import annotations

import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st

from generator import frontmatter

OPTIONS = {"allow_unicode": True, "sort_keys": False, "width": 10_000, "default_flow_style": False}
# Texts that YAML reads as something else, or where a character means syntax.
TRICKY = [
    "2024-02-26",
    "2023-01",
    "2021",
    "yes",
    "No",
    "null",
    "~",
    "1e3",
    "0x1F",
    ".5",
    "-",
    "- a",
    "? x",
    ":x",
    "a: b",
    "a:",
    "a #b",
    "#a",
    "a#b",
    "'q'",
    '"q"',
    "--- x",
    "... x",
    " lead",
    "trail ",
    "<<",
    "=",
    "@a",
    "`a`",
    "%a",
    "!a",
    "&a",
    "*a",
    "|a",
    ">a",
    "[a]",
    "{a}",
    "a, b",
    "Tổng Bí thư: Vun đắp",
    "O'Neil",
    "𐀀 emoji 🇻🇳",
    "\ufeff",
    "\x85",
    "\u2028",
    "tab\there",
    "line\nbreak",
    "\x7f",
    "ok",
    "x" * 1500,
]
text = st.one_of(st.sampled_from(TRICKY), st.text(max_size=40), st.text(alphabet=":#-? '\"ab1.\n", max_size=8))
value = st.one_of(text, st.integers(), st.booleans(), st.none(), st.lists(text, max_size=3))
meta = st.dictionaries(st.one_of(st.sampled_from(["title", "date", "themes", "null", "a b", "x" * 130]), text), value)


@settings(max_examples=1500, deadline=None)
@given(meta)
@example({"title": "Tổng Bí thư: Vun đắp", "date": "2024-02-26", "year": 2024, "themes": [], "people": ["Tô Lâm"]})
def test_dump_is_safe_dump(meta: dict[str, object]) -> None:
    assert frontmatter.dump(meta) == yaml.safe_dump(meta, **OPTIONS)


def test_common_front_matter_takes_the_fast_path() -> None:
    meta = {"title": "Việt - Lào: hợp tác", "date": "2025-12-01", "year": 2025, "themes": ["kinh-te"], "people": []}
    assert frontmatter._fast(meta) == yaml.safe_dump(meta, **OPTIONS)
