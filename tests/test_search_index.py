"""generator/searchindex.py: syllables, folding, the postings' text form, shards, the written files."""

from __future__ import annotations

import json
import os
import unicodedata
from dataclasses import replace
from pathlib import Path
from typing import cast

import pytest
from conftest import ROOT, TODAY
from hypothesis import given
from hypothesis import strategies as st

from generator import layout
from generator import searchindex as si
from generator.build import Paths, gather
from generator.data import load_data
from generator.indexes import index_plan
from generator.model import Article

CASES = Path(__file__).parent / "search_cases.json"  # also checked against the browser's script
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tô Lâm", [("tô", "to"), ("lâm", "lam")]),
        ("QUỐC PHÒNG", [("quốc", "quoc"), ("phòng", "phong")]),
        ("Đặc biệt", [("đặc", "dac"), ("biệt", "biet")]),
        (unicodedata.normalize("NFD", "thương mại"), [("thương", "thuong"), ("mại", "mai")]),
        ("Ngày 12/7/2024, hai", [("ngày", "ngay"), ("12", "12"), ("7", "7"), ("2024", "2024"), ("hai", "hai")]),
        ("(2016–2024)", [("2016", "2016"), ("2024", "2024")]),
        ("Việt-Lào; “hợp tác”…", [("việt", "viet"), ("lào", "lao"), ("hợp", "hop"), ("tác", "tac")]),
        ("snake_case 10-15%", [("snake", "snake"), ("case", "case"), ("10", "10"), ("15", "15")]),
        ("", []),
        ("¶ — …", []),
    ],
    ids=lambda v: repr(v)[:30],
)
def test_terms_are_syllables_as_written_and_folded(text: str, expected: list[tuple[str, str]]) -> None:
    assert si.terms(text) == expected


@pytest.mark.parametrize(
    ("text", "open"),
    [
        ("quoc ph", True),
        ("quoc ph ", False),  # a space ends the word
        ("2024,", False),
        ("Tô Lâ", True),
        (unicodedata.normalize("NFD", "Tô Lâ"), True),  # a combining mark last: still the word
        ("(Lào)", False),
        ("", False),
        ("ສປປ ລາວ", True),
    ],
)
def test_a_query_ends_in_a_word_when_a_letter_or_digit_is_last(text: str, open: bool) -> None:
    assert si.ends_in_word(text) is open


@pytest.mark.parametrize(
    ("written", "folded"),
    [("đ", "d"), ("Đ", "d"), ("ươ", "uo"), ("thuỷ", "thuy"), ("thủy", "thuy"), ("ễ", "e"), ("ö", "o"), ("ø", "ø")],
)
def test_fold_removes_accents_and_the_bar_of_d(written: str, folded: str) -> None:
    assert si.fold(written) == folded
    assert si.fold(unicodedata.normalize("NFD", written)) == folded


def cases() -> list[dict[str, object]]:
    """Inputs whose syllables, folds and shards the browser's script must compute as Python does."""
    texts = [
        "to lam",
        "Tô Lâm",
        unicodedata.normalize("NFD", "Tô Lâm"),
        "quoc phong",
        "QUỐC PHÒNG",
        "thuong mai",
        "thương mại",
        "dac biet",
        "Đặc Biệt",
        "đoàn kết",
        "2024",
        "12/7/2024,",
        "(2016–2024)",
        "Việt-Lào; “hợp tác”…",
        "Hòa bình, hoà bình, THUỶ LỢI",
        "snake_case 10-15% 5,3 tỷ USD",
        "Sisoulith Thongloun",
        "ສປປ ລາວ",
        "  ",
        "quoc ph",
        "quoc ph ",
        "Tô Lâ",
        unicodedata.normalize("NFD", "Tô Lâ"),
        "2024,",
        "İ",
    ]
    out: list[dict[str, object]] = []
    for text in texts:
        terms = si.terms(text)
        counts = (1, 2, 256, 4096)
        shards = {str(n): [si.shard_of(f, n) for _, f in terms] for n in counts}
        # The text as a page's whole title: in the shard of its first syllable.
        whole = {str(n): si.shard_of(si.WHOLE + " ".join(f for _, f in terms), n) for n in counts}
        out.append(
            {
                "text": text,
                "terms": [list(t) for t in terms],
                "open": si.ends_in_word(text),  # its last word may still be being typed
                "shards": shards,
                "whole": whole,
            }
        )
    return out


def test_shared_cases_file_is_current() -> None:
    """tests/search_cases.json is what Python computes (`make golden` rewrites it)."""
    wanted = json.dumps(cases(), ensure_ascii=False, indent=1) + "\n"
    if UPDATE:
        CASES.write_text(wanted, encoding="utf-8")
    assert CASES.read_text(encoding="utf-8") == wanted, "run `make golden`"


@pytest.mark.parametrize(
    ("ids", "docs", "text"),
    [
        ([], 10, ""),
        ([0], 10, "A"),
        ([0, 1, 2], 100, "AAA"),
        ([31], 100, "f"),  # 31: one character
        ([32], 100, "gB"),  # 32: 0 with "more", then 1
        ([0, 2, 4, 6], 7, "~VB"),  # dense: a bitmap of 6 documents per character
        (list(range(12)), 12, "~__"),
    ],
)
def test_encode_known_values(ids: list[int], docs: int, text: str) -> None:
    assert si.encode(ids, docs) == text
    assert si.decode(text) == ids


@given(st.sets(st.integers(0, 50_000)).map(sorted), st.integers(0, 10_000))
def test_encode_round_trips_and_picks_the_shorter_form(ids: list[int], extra: int) -> None:
    docs = (ids[-1] + 1 if ids else 0) + extra
    text = si.encode(ids, docs)
    assert si.decode(text) == ids
    assert len(text) <= len(si.BITMAP) + -(-docs // 6) + 1
    assert set(text) <= set(si.ALPHABET + si.BITMAP)


@given(st.sets(st.integers(0, 200)).map(sorted), st.integers(0, 30))
def test_a_bitmap_has_bit_j_of_character_k_for_document_6k_plus_j(ids: list[int], extra: int) -> None:
    docs = (ids[-1] + 1 if ids else 0) + extra
    chars = [sum(1 << j for j in range(6) if 6 * k + j in ids) for k in range(-(-docs // 6))]
    assert si._bitmap(ids, docs) == si.BITMAP + "".join(si.ALPHABET[c] for c in chars)


def test_a_syllable_in_every_article_costs_a_bitmap_not_a_list() -> None:
    assert len(si.encode(list(range(5000)), 5000)) == 1 + 834


@pytest.mark.parametrize(("chars", "count"), [(0, 1), (si.SHARD_TARGET, 1), (si.SHARD_TARGET + 1, 2), (10**12, 4096)])
def test_shard_count_is_a_power_of_two_near_the_target(chars: int, count: int) -> None:
    assert si.shard_count(chars) == count


@pytest.mark.parametrize(("term", "crc"), [("to", 0xD787D2C4), ("lâm", 0x6C6F7C30), ("quoc phong", 0x986FE0FF)])
def test_shard_is_crc32_of_the_utf8_term(term: str, crc: int) -> None:
    """A stable hash, the same in every process (Python's hash() is not) and in the browser."""
    assert [si.shard_of(term, n) for n in (1, 256, 4096)] == [0, crc % 256, crc % 4096]


@pytest.mark.parametrize(
    ("source", "url"),
    [("index.md", ""), ("bai-viet/x.md", "bai-viet/x/"), ("nhan-vat/index.md", "nhan-vat/"), ("a/b/c.md", "a/b/c/")],
)
def test_page_url_is_relative_with_directory_urls(source: str, url: str) -> None:
    assert si.page_url(source) == url


@pytest.mark.parametrize(
    ("counts", "beginning", "expected"),
    [
        ({"phong": 5, "pho": 9, "phat": 5, "lao": 7}, "ph", ["pho", "phat", "phong"]),  # most documents, then A–Z
        ({"phong": 5, "pho": 9}, "pho", ["phong"]),  # a word is not its own completion
        ({"phong": 5, "pho": 9}, "phong", []),
        ({"lao": 1, "lam": 1}, "l", ["lam", "lao"]),
        ({"2024": 3, "2025": 4, "202": 1}, "20", ["2025", "2024", "202"]),
        ({f"t{i:02d}": i for i in range(20)}, "t", [f"t{i:02d}" for i in range(19, 19 - si.COMPLETIONS, -1)]),
        ({"tô": 1}, "t", ["tô"]),
    ],
)
def test_a_beginning_stands_for_the_commonest_words_going_on_from_it(
    counts: dict[str, int], beginning: str, expected: list[str]
) -> None:
    assert si.completions(counts).get(beginning, []) == expected
    assert si.completions_of(beginning, counts, sorted(counts)) == expected


@given(
    st.dictionaries(st.text("abđ2", min_size=1, max_size=5), st.integers(1, 4), max_size=30),
    st.text("abđ2", max_size=4),
)
def test_completions_of_one_beginning_are_those_of_all(counts: dict[str, int], beginning: str) -> None:
    """What an edit recomputes for the beginnings it touched is what a rebuild computes."""
    assert si.completions_of(beginning, counts, sorted(counts)) == si.completions(counts).get(beginning, [])


def doc(title: str, *text: str) -> si.Doc:
    return si.Doc(url=f"{si.fold(title)}/", title=title, date="", summary=title, text=text)


DOCS = [
    doc("Tổng Bí thư Tô Lâm", "Hợp tác quốc phòng."),
    doc("Tô làm bánh", "Nông nghiệp. Quốc phòng"),  # "to lam" folded; "phong" after a full stop
    doc("Thương mại", "Tô", "Lâm"),  # the two syllables in separate paragraphs: no phrase
]


def test_postings_hold_folded_words_titles_phrases_and_written_forms() -> None:
    p = si.postings(DOCS)
    assert p.words["to"] == p.words["lam"] == [0, 1, 2]
    assert p.titles["to"] == [0, 1] and p.titles["lam"] == [0, 1] and "phong" not in p.titles
    assert p.pairs["to lam"] == [0, 1]  # not 2: a phrase never spans paragraphs
    assert p.pairs["nghiep quoc"] == [1]  # but it spans sentences of one paragraph
    assert p.exact["lâm"] == [0, 2] and p.exact["làm"] == [1] and p.exact["tô"] == [0, 1, 2]
    assert "bánh" in p.exact and "thương" in p.exact and "lam" not in p.exact  # accented forms only
    assert all(ids == sorted(set(ids)) for kind in (p.words, p.titles, p.pairs, p.exact) for ids in kind.values())


def test_theme_and_person_pages_have_their_whole_title_as_a_word_articles_not() -> None:
    """`=` and the folded title: the query that is a page's whole title ranks that page first."""
    docs = [
        si.Doc("bai-viet/a/", "Tổng Bí thư Tô Lâm thăm Lào", "", "", ("Tô Lâm.",)),
        si.Doc("bai-viet/b/", "Tô Lâm", "", "", ()),  # an article titled just so: no rank of its own
        si.Doc("nhan-vat/to-lam/", "Tô Lâm", "", "Tổng Bí thư", ("Tổng Bí thư",)),
        si.Doc("chu-de/lap-phap/", "Hợp tác – Quốc hội", "", "Lập pháp", ("Lập pháp",)),
    ]
    words = si.postings(docs).words
    assert {t: ids for t, ids in words.items() if t.startswith(si.WHOLE)} == {"=to lam": [2], "=hop tac quoc hoi": [3]}
    assert words["to"] == words["lam"] == [0, 1, 2]


def test_a_dated_article_has_its_year_as_a_word_an_undated_one_and_pages_not() -> None:
    """A reader typing `2024` finds the articles the year's page lists, not only those naming it."""
    docs = [
        si.Doc("bai-viet/a/", "Hợp tác", "02/12/2024", "", ("Hợp tác quốc phòng.",)),
        si.Doc("bai-viet/b/", "Hợp tác", "tháng 03/2024", "", ("Thương mại.",)),
        si.Doc("bai-viet/c/", "Hợp tác", "năm 2023", "", ("Năm 2024 sẽ khác.",)),
        si.Doc("bai-viet/d/", "Hợp tác", "", "", ("Quốc phòng.",)),  # undated
        si.Doc("nhan-vat/x/", "Tô Lâm", "", "Tổng Bí thư", ("Tổng Bí thư",)),
    ]
    p = si.postings(docs)
    assert p.words["2024"] == [0, 1, 2] and p.words["2023"] == [2]
    assert "2024" not in p.titles  # a word only: not of the title, nor of a pair (but `nam 2024` in c's text)
    assert {pair: ids for pair, ids in p.pairs.items() if "2024" in pair.split()} == {"nam 2024": [2], "2024 se": [2]}
    assert "12" not in p.words and "03" not in p.words and "3" not in p.words and "02" not in p.words
    assert set(si.doc_terms(docs[3])[0].split("\n")) == {"hop", "tac", "quoc", "phong"}
    assert "2024" not in si.doc_terms(docs[4])[0].split("\n")


def test_article_terms_are_its_documents_terms_dated_or_not(repo_articles: list[Article]) -> None:
    assert any(a.date for a in repo_articles)
    for a in [*repo_articles, replace(repo_articles[0], date=None)]:  # the seeds are all dated
        ours, its_doc = si.article_terms(a), si.doc_terms(si.article_doc(a))
        assert [set(k.split("\n")) for k in ours] == [set(k.split("\n")) for k in its_doc], a.slug
        assert (str(a.date.year) in si.article_terms(a)[0].split("\n")) if a.date else True


def load(files: dict[str, bytes], path: str) -> object:
    return json.loads(files[f"{si.FOLDER}/{path}"])


def entry(files: dict[str, bytes], kind: str, term: str) -> object:
    meta = load(files, "index.json")
    assert isinstance(meta, dict)
    shard = load(files, f"{kind}/{si.shard_of(term, meta['shards'][kind])}.json")
    assert isinstance(shard, dict)
    return shard.get(term)


def matching(files: dict[str, bytes], query: str) -> list[int]:
    """The doc ids the index gives for every folded syllable of `query` (what the browser intersects)."""
    found = [entry(files, "w", f) for _, f in si.terms(query)]
    if any(e is None for e in found):
        return []
    sets = [set(si.decode(e[0])) for e in found]  # type: ignore[index]
    return sorted(set.intersection(*sets))


@pytest.fixture(scope="module")
def repo_articles() -> list[Article]:
    data = load_data(ROOT / "data")
    articles, _, _ = gather(Paths(seeds=ROOT / "seeds", data=ROOT / "data"), data, TODAY)
    return list(articles)


@pytest.fixture(scope="module")
def repo_docs(repo_articles: list[Article]) -> list[si.Doc]:
    return si.documents(repo_articles, load_data(ROOT / "data"), has_about=True)


def year_of(d: si.Doc) -> set[str]:
    """A dated article's year, the one word of its document not in its text."""
    return {d.date.split()[-1].split("/")[-1]} if d.date and d.url.startswith("bai-viet/") else set()


@pytest.mark.parametrize("query", ["to lam", "quoc phong", "thuong mai", "dac biet", "2024", "viêng chăn", "xyzzy"])
def test_the_written_index_finds_exactly_the_documents_holding_every_syllable(
    repo_docs: list[si.Doc], query: str
) -> None:
    files = si.index_files(repo_docs)
    wanted = {f for _, f in si.terms(query)}
    scanned = [
        i
        for i, d in enumerate(repo_docs)
        if wanted <= {f for block in (d.title, *d.text) for _, f in si.terms(block)} | year_of(d)
    ]
    assert matching(files, query) == scanned
    if query != "xyzzy":
        assert scanned, "no document holds the query: the test would prove nothing"


def test_the_written_index_finds_each_site_page_by_its_whole_title(repo_docs: list[si.Doc]) -> None:
    files = si.index_files(repo_docs)
    pages = [(i, d) for i, d in enumerate(repo_docs) if not d.url.startswith("bai-viet/")]
    assert len(pages) >= 20
    for i, d in pages:
        found = entry(files, "w", si.WHOLE + " ".join(f for _, f in si.terms(d.title)))
        assert isinstance(found, list) and si.decode(found[0]) == [i], d.title


def test_files_are_complete_and_small_shards_only(repo_docs: list[si.Doc]) -> None:
    files = si.index_files(repo_docs)
    meta = load(files, "index.json")
    assert isinstance(meta, dict)
    assert meta["version"] == si.VERSION and meta["docs"] == len(repo_docs)
    for kind in si.KINDS:  # every shard exists (an absent one would be a 404 in the browser)
        assert {f"{si.FOLDER}/{kind}/{k}.json" for k in range(meta["shards"][kind])} <= set(files)
    shown = [
        row
        for k in range(-(-len(repo_docs) // si.DOCS_PER_SHARD))
        for row in cast("list[list[str]]", load(files, f"d/{k}.json"))
    ]
    assert shown == [[d.url, d.title, d.date, d.summary] for d in repo_docs]
    assert all(not path.startswith("/") and "://" not in path for path, _, _, _ in shown)


def test_articles_come_newest_first_then_every_site_page_but_home(
    repo_articles: list[Article], repo_docs: list[si.Doc]
) -> None:
    articles = [d for d in repo_docs if d.url.startswith("bai-viet/")]
    assert repo_docs[: len(articles)] == articles
    plan = index_plan(repo_articles, load_data(ROOT / "data"), has_about=True)
    site_pages = {si.page_url(spec.path) for spec in plan if spec.path != layout.HOME} | {"gioi-thieu/"}
    assert {d.url for d in repo_docs[len(articles) :]} == site_pages
    assert {"nam/", "so-lieu/", "dong-thoi-gian/", "nam/2024/", "chu-de/"} <= site_pages
    dated = [tuple(reversed(d.date.split("/"))) for d in repo_docs if d.url.startswith("bai-viet/") and d.date]
    assert dated == sorted(dated, reverse=True) and len(dated) >= 5


def _retitled(d: si.Doc, title: str) -> si.Doc:
    return si.Doc(d.url, title, d.date, d.summary, d.text)


def _retexted(d: si.Doc, text: tuple[str, ...]) -> si.Doc:
    return si.Doc(d.url, d.title, d.date, d.summary, text)


PATCHES = {
    "text edited": lambda docs: [_retexted(docs[0], (*docs[0].text[1:], "xyzzy Viêng")), *docs[1:]],
    "title edited": lambda docs: [docs[0], _retitled(docs[1], "Quốc phòng Lào Tô Lâm"), *docs[2:]],
    "two swapped": lambda docs: [docs[1], docs[0], *docs[2:]],
    "text emptied": lambda docs: [*docs[:-1], _retexted(_retitled(docs[-1], "x"), ())],
}


@pytest.mark.parametrize("patch", sorted(PATCHES))
def test_an_edit_patches_the_last_index_into_what_a_rebuild_gives(
    repo_docs: list[si.Doc], patch: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = si.Store(None)
    si.index_files(repo_docs, store)
    edited = PATCHES[patch](repo_docs)
    with monkeypatch.context() as m:
        m.setattr(si, "_built", lambda *args: pytest.fail("rebuilt instead of patched"))
        patched = si.index_files(edited, store)
    assert patched == si.index_files(edited)
    assert patched != si.index_files(repo_docs)


def test_a_word_gone_from_every_document_is_no_longer_a_completion(monkeypatch: pytest.MonkeyPatch) -> None:
    docs = [doc("Tô Lâm", "xyzzyab thăm"), doc("Hợp tác", "xyzzyac thăm")]
    store = si.Store(None)
    si.index_files(docs, store)
    edited = [_retexted(docs[0], ("thăm",)), docs[1]]
    with monkeypatch.context() as m:
        m.setattr(si, "_built", lambda *args: pytest.fail("rebuilt instead of patched"))
        patched = si.index_files(edited, store)
    assert patched == si.index_files(edited)
    assert entry(patched, "c", "xyzzya") == ["xyzzyac"]


def test_edits_of_different_documents_in_later_runs_are_each_patched(
    repo_docs: list[si.Doc], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each run keeps every document's terms in the cache, not only those it read: the next
    edit may be to any document, and patching it needs its terms from before."""
    store = si.Store(tmp_path)
    si.index_files(repo_docs, store)
    store.save()
    docs = repo_docs
    for i in (0, 1, 2):
        docs = [*docs[:i], _retexted(docs[i], (*docs[i].text, f"xyzzy {i}")), *docs[i + 1 :]]
        store = si.Store(tmp_path)  # the next run
        with monkeypatch.context() as m:
            m.setattr(si, "_built", lambda *args: pytest.fail("rebuilt instead of patched"))
            patched = si.index_files(docs, store)
        store.save()
        assert patched == si.index_files(docs)


def test_the_table_of_short_codes_is_the_varint_of_each_gap() -> None:
    assert len(si._CODES) == si._SMALL
    assert [si._varint(n) for n in range(si._SMALL)] == si._CODES


def test_documents_made_when_asked_for_are_the_documents() -> None:
    data = load_data(ROOT / "data")
    articles, _, _ = gather(Paths(seeds=ROOT / "seeds", data=ROOT / "data"), data, TODAY)
    expected = si.documents(articles, data, has_about=False)
    ordered = sorted(articles, key=si.Article.newest_first_key)
    lazy = si._Documents(ordered, si.page_documents(data, si.years_of(ordered), has_about=False))
    assert len(lazy) == len(expected) and list(lazy) == expected
    assert lazy[-1] == expected[-1] and lazy[1:4] == expected[1:4]
    assert lazy[len(articles) :] == expected[len(articles) :]
    with pytest.raises(IndexError):
        lazy[len(expected)]
