"""Faster text helpers give exactly what the regular expressions they replace give."""

from __future__ import annotations

import html
import posixpath
import re
import unicodedata

import ftfy
from ftfy.chardata import UTF8_DETECTOR_RE
from hypothesis import example, given, settings
from hypothesis import strategies as st

from generator import feeds, figures, layout, mdtext, searchindex
from generator.classify import Phrases, whole_words
from generator.indexes import _members
from generator.model import Article, PartialDate
from generator.parsing import is_all_caps
from generator.reading import _clue, ftfy_may_change
from generator.text import _LATIN, clean_lines, count_words, is_latin, match_form

# Words, parts of words, separators, digits, `_`, combining marks and non-Latin letters.
PIECES = ["hợp tác", "hợp", "tác", "ba nước", "ba", "a", "aa", " ", "  ", "\n", "-", "_", "1", "x", "\u0301", "ກ", "Đ"]
texts = st.lists(st.sampled_from(PIECES), max_size=12).map("".join)


@settings(max_examples=2000, deadline=None)
@given(texts, st.sampled_from(["hợp tác", "ba nước", "a", "aa", "a a", "tác"]))
@example("aaa", "aa")
@example("a a a", "a a")
def test_whole_words_is_the_regex(text: str, phrase: str) -> None:
    expected = [m.start() for m in re.finditer(rf"(?<!\w){re.escape(phrase)}(?!\w)", text)]
    assert list(whole_words(text, phrase)) == expected


PHRASES = ["hợp tác", "ba nước", "a", "aa", "a a", "tác", "hợp", "😀", "a😀", ""]


@settings(max_examples=2000, deadline=None)
@given(
    st.lists(st.sampled_from([*PIECES, "😀"]), max_size=14).map("".join),
    st.lists(st.sampled_from(PHRASES), max_size=6),
)
@example("aaa", ["aa", "a"])
@example("a a a", ["a a", "a", "aa"])
@example("😀a😀 a", ["a😀", "a", "😀"])
def test_phrases_find_what_whole_words_finds(text: str, phrases: list[str]) -> None:
    matcher = Phrases(phrases)
    found = {p: list(whole_words(text, p)) for p in matcher.phrases}
    assert matcher.counts(text) == [len(found[p]) for p in matcher.phrases]
    assert matcher.firsts(text) == {i: found[p][0] for i, p in enumerate(matcher.phrases) if found[p]}
    assert set(matcher.phrases) == set(phrases) - {""}


# Both tone placements, capitals, letters with two marks, combining marks on their own, letters
# whose case folding adds a mark (İ), signs that compose to other scripts (Å, Ω), Greek, Hangul.
TONE_PIECES = ["hoà", "hòa", "HOÀ", "thuỷ", "thủy", "khoẻ", "oặ", "uỵ", "o", "u", "a", "e", "y", "ô", "ư", "ǘ"]
TONE_PIECES += ["\u0301", "\u0323", "\u0302", "İ", "\u212b", "\u2126", "ά", "\u1100\u1161", "\ufeff", " ", "–"]


@settings(max_examples=3000, deadline=None)
@given(st.one_of(st.lists(st.sampled_from(TONE_PIECES), max_size=10).map("".join), st.text(max_size=12)))
@example("toàn hoà thuỷ")
@example("o\u0301a\u0301")
def test_match_form_is_its_definition(text: str) -> None:
    decomposed = unicodedata.normalize("NFD", text.casefold())
    tone = "([\u0300\u0301\u0309\u0303\u0323])"
    moved = re.sub(f"(o)([ae]){tone}|(u)(y){tone}", r"\1\4\3\6\2\5", decomposed)  # the tone onto o, u
    assert match_form.__wrapped__(text) == unicodedata.normalize("NFC", moved)


LATIN_CHARS = [chr(c) for low, high in _LATIN for c in range(ord(low), ord(high) + 1)]


def test_the_latin_separators_are_what_ends_a_token_other_than_white_space() -> None:
    separators = {c for c in LATIN_CHARS if searchindex._LATIN_SEPARATOR.fullmatch(c)}
    assert separators == {c for c in LATIN_CHARS if not c.isalnum() and not c.isspace()}
    assert is_latin("".join(LATIN_CHARS)) and not any(map(is_latin, ["\u0301", "ກ", "\u1100"]))


@settings(max_examples=3000, deadline=None)
@given(
    st.lists(st.one_of(st.sampled_from([*PIECES, "İ", "\u2028", "\x1c", "‘", "–"]), st.sampled_from(LATIN_CHARS)))
    .map("".join)
    .map(lambda t: t.upper() if len(t) % 3 == 0 else t)
)
@example("Việt–Lào: hợp_tác 2024")
def test_search_tokens_are_the_regex(text: str) -> None:
    expected = re.findall(r"[^\W_]+", unicodedata.normalize("NFC", text).lower())
    assert searchindex.tokens(text) == expected


@settings(max_examples=1000, deadline=None)
@given(st.one_of(texts, st.text(max_size=30)))
def test_count_words_is_the_regex(text: str) -> None:
    assert count_words(text) == sum(1 for token in text.split() if re.search(r"\w", token))


@settings(max_examples=1000, deadline=None)
@given(st.one_of(texts, st.text(max_size=12)).map(lambda t: t.upper() if len(t) % 2 else t))
def test_is_all_caps_is_the_list_version(text: str) -> None:
    letters = [c for c in text if c.isalpha()]
    assert is_all_caps(text) == (len(letters) >= 4 and all(c.isupper() for c in letters))


@settings(max_examples=2000, deadline=None)
@given(
    *[st.lists(st.sampled_from(["a", "b", "a.md", "b.md", ".", "..", ""]), min_size=1, max_size=4).map("/".join)] * 2
)
@example("bai-viet/x.md", "chu-de/y.md")
@example("a/b.md/index.md", "a/b.md")
@example("index.md", "index.md")
def test_rel_is_relpath(from_page: str, to_page: str) -> None:
    expected = posixpath.relpath(to_page, posixpath.dirname(from_page) or ".") if to_page else None
    if expected is None:  # relpath refuses an empty path
        return
    assert layout.rel(from_page, to_page) == expected


def _mojibake(text: str, encoding: str) -> str:
    return text.encode("utf-8").decode(encoding, errors="replace")


# Vietnamese as written and as mojibake in the encodings ftfy knows, curly quotes, dashes, C1
# controls, Cyrillic and Greek (other encodings' mojibake), ASCII and Latin-1 letters.
VIETNAMESE = ["Hợp tác Việt – Lào", "“Đảng”", "ủy ban", "hoà", "ư", "…"]
MOJIBAKE_PIECES = [
    *VIETNAMESE,
    *(_mojibake(v, e) for v in VIETNAMESE for e in ("cp1252", "latin-1", "cp1251", "mac_roman", "cp437")),
    "Ã©",
    "Ã ",
    "â€™",
    "\x85",
    "\x9d",
    "Ð¡",
    "вЂ",
    "café",
    "a",
    " ",
    "\n",
    "×²",
    "œ1",
]
mojibake_texts = st.lists(st.sampled_from(MOJIBAKE_PIECES), max_size=8).map("".join)


@settings(max_examples=3000, deadline=None)
@given(st.one_of(mojibake_texts, st.text(max_size=12)))
@example("Há»£p tÃ¡c")
@example("Hợp tác Há»£p tÃ¡c")
@example("ủy ban\x85")
def test_ftfy_is_skipped_only_where_it_changes_nothing(text: str) -> None:
    if not ftfy_may_change(text):
        assert ftfy.fix_encoding_and_explain(text) == (text, [])


@settings(max_examples=3000, deadline=None)
@given(st.one_of(mojibake_texts, st.text(max_size=12)))
@example("Há»£p")
@example("lÃ  ")
def test_the_clue_matches_wherever_ftfys_detector_does(text: str) -> None:
    detected = UTF8_DETECTOR_RE.search(text)
    if detected is not None:
        assert _clue().match(text, detected.start()) is not None


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet=st.sampled_from("aĐ -&<>\\`*_{}[]|!#\"'~+.()"), max_size=12))
def test_inline_returns_text_without_specials_as_it_is(text: str) -> None:
    assert mdtext.inline(text) == mdtext._INLINE.sub(r"\\\1", html.escape(text, quote=False))


FIGURE_PIECES = ["5", "12", "2024", "-", "–", "/", ".", ",", " ", "%", " tỷ USD", " văn kiện", "x", "Đ", "_", "٣"]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(FIGURE_PIECES), max_size=10).map("".join))
@example("2024-03-12 %")
@example("1,5 %")
def test_figures_start_at_a_digit_as_the_lookbehind_first_form_does(text: str) -> None:
    """The figure patterns begin with their first digit (fast to search for); written with the
    checks on what precedes it first, they match the same spans."""
    assert figures.FIRST_DIGIT.startswith("\\d")
    for _, pattern in figures.PATTERNS:
        assert pattern.pattern.startswith(figures.FIRST_DIGIT)
        reference = re.compile(
            r"(?<![\w.,])(?<!\d[-–/])\d" + pattern.pattern[len(figures.FIRST_DIGIT) :], pattern.flags
        )
        assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in reference.finditer(text)]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(FIGURE_PIECES), max_size=14).map("".join), st.integers(0, 20))
@example("5 văn kiện 12 văn kiện", 0)
@example("2024-03-12 % 5%", 3)
@example("5 - 12 % 3 - 4 văn kiện", 0)  # a match holding the start of another
def test_figures_found_at_their_starts_are_what_finditer_finds(text: str, pos: int) -> None:
    at = figures.starts(text, pos)
    for _, pattern in figures.PATTERNS:
        assert [m.span() for m in figures.matches(pattern, text, at)] == [m.span() for m in pattern.finditer(text, pos)]


partial_dates = st.one_of(
    st.none(),
    st.builds(PartialDate, st.integers(1990, 2030)),
    st.builds(PartialDate, st.integers(1990, 2030), st.integers(1, 12)),
    st.builds(PartialDate, st.integers(1990, 2030), st.integers(1, 12), st.integers(1, 28)),
)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.tuples(partial_dates, st.sampled_from(["a", "b", "c"]), st.sampled_from(["X", "y"])), max_size=8))
@example([(PartialDate(2020, 1, 1), "c", "X"), (PartialDate(2020, 1), "b", "X"), (PartialDate(2020), "a", "X")])
@example([(PartialDate(2020), "c", "X"), (PartialDate(2020, 1), "b", "X"), (PartialDate(2020, 1, 1), "a", "X")])
def test_newest_first_key_orders_as_the_first_day_and_precision_do(items: list) -> None:
    """The key built from the date's numbers orders like the definition: first day, newest
    first; at the same first day the more precise date first; then slug; undated last. The
    oldest-first key likewise, oldest first."""
    articles = [
        Article(slug, title, date, None, None, None, "", None, (), (), (), 0, 1, f"{slug}.txt", "")
        for date, slug, title in items
    ]

    def by_definition(a: Article) -> tuple[object, ...]:
        if a.date is None:
            return (1, 0, a.title.casefold(), a.slug)
        return (0, -a.date.first_day().toordinal(), -len(a.date.iso()), a.slug)

    assert sorted(articles, key=Article.newest_first_key) == sorted(articles, key=by_definition)

    def oldest_by_definition(a: Article) -> tuple[object, ...]:
        assert a.date is not None
        return (a.date.first_day(), -len(a.date.iso()), a.slug)

    dated = [a for a in articles if a.date]
    assert sorted(dated, key=Article.oldest_first_key) == sorted(dated, key=oldest_by_definition)


LINE_PIECES = [
    "Hợp tác",
    " ",
    "  ",
    "\t",
    "\n",
    "\r",
    "\x0b",
    "\x0c",
    "\x1c",
    "\x1f",
    "\x85",
    "\xa0",
    "\u2028",
    "\u3000",
]
LINE_PIECES += ["\u200b", "\ufeff", "\u00ad", "\u202e", "\x00", "\x7f", "a", "_"]


@settings(max_examples=2000, deadline=None)
@given(st.one_of(st.lists(st.sampled_from(LINE_PIECES), max_size=12).map("".join), st.text(max_size=20)))
def test_clean_lines_is_the_regular_expressions_line_by_line(text: str) -> None:
    def by_regex(line: str) -> str:
        line = re.sub("[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]", "", line)
        line = re.sub("[\x00-\x08\x0b-\x1f\x7f-\x9f]", " ", line)
        return re.sub(r"\s+", " ", line).strip()

    assert clean_lines(text) == [by_regex(line) for line in text.split("\n")]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.lists(st.sampled_from(["a", "b", "c", "d"]), max_size=4), max_size=8))
def test_members_in_one_pass_are_the_filter_per_name(themes_of: list[list[str]]) -> None:
    """indexes._members gives each theme's (person's) articles in order, each once, as filtering
    the articles once per name does; names not asked for ("d") are ignored."""
    articles = [
        Article(f"s{i}", "t", None, None, None, None, "", None, (), tuple(themes), (), 0, 1, f"s{i}.txt", "")
        for i, themes in enumerate(themes_of)
    ]
    names = ["a", "b", "c"]
    expected = {name: [a for a in articles if name in a.themes] for name in names}
    assert _members(articles, names, lambda a: a.themes) == expected


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.tuples(partial_dates, st.lists(st.sampled_from(["a", "b"]), max_size=2)), min_size=40, max_size=160),
    st.sampled_from(["a", "b", None]),
)
def test_a_feeds_newest_are_the_first_of_the_sorted_articles(items: list, theme: str | None) -> None:
    """feeds.latest_of_sorted on the articles newest first (filtered to a theme or not) gives
    what feeds.latest gives on them in any order: the render keys each feed by it."""
    articles = [
        Article(f"s{i:02d}", "t", date, None, None, None, "", None, (), tuple(themes), (), 0, 1, f"s{i}.txt", "")
        for i, (date, themes) in enumerate(items)
    ]
    ordered = sorted(articles, key=Article.newest_first_key)
    mine = [a for a in reversed(articles) if theme is None or theme in a.themes]
    assert feeds.latest_of_sorted(a for a in ordered if theme is None or theme in a.themes) == feeds.latest(mine)
