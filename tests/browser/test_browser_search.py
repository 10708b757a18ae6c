"""The search box in the header, used as a reader uses it: typed queries, results clicked.

Which pages a query must find is read from the built pages themselves (the text Pagefind
indexes: `[data-pagefind-body]` without the parts generator/search.py excludes), never listed
by hand: the tests hold for any seeds that contain the phrases.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from generator.search import EXCLUDE_SELECTORS

from .browserkit import PHONE, serve
from .conftest import Reader, Trouble, open_page

BUDGET_BYTES = 300_000  # the limit for a first query (there at 5,000 articles)


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def search(page: Page, query: str) -> list[str]:
    """Type `query` into the header's search box; every result link, best first ("more" clicked)."""
    box = page.locator("#vl-search-query")
    box.click()
    box.fill("")
    box.press_sequentially(query)
    page.wait_for_function("q => document.getElementById('vl-search-results').dataset.query === q", arg=query)
    more = page.locator(".vl-search__more")
    while more.is_visible():
        shown = page.locator(".md-search-result__item").count()
        more.click()
        expect(page.locator(".md-search-result__item")).not_to_have_count(shown)
    return page.eval_on_selector_all(".md-search-result__link", "links => links.map(a => new URL(a.href).pathname)")


class IndexedText(HTMLParser):
    """The text inside data-pagefind-body, without the elements generator/search.py excludes."""

    VOID = frozenset(
        ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]
    )

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[tuple[bool, bool]] = []  # per open element: (in body, excluded)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.VOID:
            return
        body, excluded = self.stack[-1] if self.stack else (False, False)
        a = dict(attrs)
        classes = {f".{c}" for c in (a.get("class") or "").split()}
        # Pagefind does not index text inside <svg> (the charts' labels)
        hidden = excluded or tag == "svg" or bool(classes & set(EXCLUDE_SELECTORS))
        self.stack.append((body or "data-pagefind-body" in a, hidden))

    def handle_endtag(self, tag: str) -> None:
        if tag not in self.VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self.stack and self.stack[-1] == (True, False):
            self.parts.append(data)


@pytest.fixture(scope="session")
def indexed_text(built_site: Path) -> dict[str, str]:
    """URL path → the text Pagefind indexes on that page, NFC and case-folded (indexed pages only)."""
    assert all(re.fullmatch(r"\.[\w-]+", s) for s in EXCLUDE_SELECTORS), "only class selectors are handled here"
    texts = {}
    for html in sorted(built_site.rglob("*.html")):
        parser = IndexedText()
        parser.feed(html.read_text(encoding="utf-8"))
        if parser.parts:
            path = "/" + html.relative_to(built_site).as_posix().removesuffix("index.html")
            texts[path] = unicodedata.normalize("NFC", " ".join(" ".join(parser.parts).split())).casefold()
    assert sum(p.startswith("/bai-viet/") for p in texts) >= 5
    return texts


@pytest.fixture(scope="module")
def home(browser: Browser, site_url: str) -> Iterator[tuple[Page, Trouble]]:
    """One home page for the many queries: a reader searching again and again."""
    page, trouble = open_page(browser, site_url + "/")
    yield page, trouble
    page.context.close()


@pytest.fixture
def box(home: tuple[Page, Trouble]) -> Iterator[Page]:
    """The shared home page; the test fails if it met trouble meanwhile."""
    page, trouble = home
    yield page
    assert not trouble.problems(), "\n".join(trouble.problems())


def containing(texts: dict[str, str], pattern: str) -> set[str]:
    found = {path for path, text in texts.items() if re.search(pattern, text)}
    assert found, f"no article contains {pattern!r}: the test would prove nothing"
    return found


# Typed query → a phrase (regular expression over indexed text) that each page it must find contains.
ACCENT_FREE = [
    ("to lam", r"\btô lâm\b"),
    ("quoc phong", r"\bquốc phòng\b"),
    ("thuong mai", r"\bthương mại\b"),
    ("dac biet", r"\bđặc biệt\b"),
    ("dac", r"\bđặc\b"),  # Pagefind alone does not fold đ: `dac biet` could pass on `biet` only
    ("doan ket", r"\bđoàn kết\b"),
]
ACCENTED = [
    ("Tô Lâm", r"\btô lâm\b"),
    ("quốc phòng", r"\bquốc phòng\b"),
    ("thương mại", r"\bthương mại\b"),
    ("đặc biệt", r"\bđặc biệt\b"),
]
DECOMPOSED = [(nfd(q), p) for q, p in ACCENTED]
# Punctuation glued to a word must not hide it: `2024` in "26/02/2024," or "12/7/2024,".
PUNCTUATION = [("2024", r"\d/2024[,.;)]|2024[,.;)]")]


@pytest.mark.parametrize(
    ("query", "pattern"),
    ACCENT_FREE + ACCENTED + DECOMPOSED + PUNCTUATION,
    ids=lambda v: v if v.isascii() or unicodedata.is_normalized("NFC", v) else f"NFD {unicodedata.normalize('NFC', v)}",
)
def test_query_finds_every_page_with_the_phrase(
    box: Page, indexed_text: dict[str, str], query: str, pattern: str
) -> None:
    expected = containing(indexed_text, pattern)
    found = set(search(box, query))
    assert expected <= found, f"{query!r} missed {sorted(expected - found)}"


# Queries that also match other words once accents are folded (tổng, làm): so ranking shows.
@pytest.mark.parametrize("query", ["Tô Lâm", nfd("Tô Lâm"), "Lâm"])
def test_accented_query_ranks_accented_matches_first(box: Page, indexed_text: dict[str, str], query: str) -> None:
    """Pages holding every word as typed, accents included, come before pages matched only once folded."""
    words = unicodedata.normalize("NFC", query).casefold().split()
    exact = {p for p, text in indexed_text.items() if all(re.search(rf"\b{re.escape(w)}\b", text) for w in words)}
    assert exact, "no page has the words: the test would prove nothing"
    results = search(box, query)
    assert len(results) > len(exact), "no accent-folded match: the ranking is not tested"
    assert set(results[: len(exact)]) == exact, f"{query!r}: {results}, expected {sorted(exact)} first"


def test_decomposed_and_composed_queries_give_the_same_results(box: Page) -> None:
    assert search(box, nfd("quốc phòng")) == search(box, "quốc phòng")


def test_no_match_says_so(box: Page) -> None:
    assert search(box, "xyzzyqwv") == []
    expect(box.locator(".md-search-result__meta")).to_have_text("Không tìm thấy kết quả nào")


def test_result_link_opens_the_article(reader: Reader, site_url: str, indexed_text: dict[str, str]) -> None:
    page = reader(site_url + "/nam/")
    results = search(page, "thuong mai")
    first_article = next(r for r in results if r in indexed_text)
    page.locator(f'.md-search-result__link[href="{first_article}"]').click()
    page.wait_for_url(site_url + first_article)
    expect(page.locator("article h1")).to_be_visible()


def test_search_works_on_a_phone(reader: Reader, site_url: str, indexed_text: dict[str, str]) -> None:
    """On a phone the box is behind the magnifier button in the header, as in Material."""
    page = reader(site_url + "/", viewport=PHONE)
    box, toggle = page.locator("#vl-search-query"), page.locator("#__search")
    expect(toggle).not_to_be_checked()
    page.locator("label.md-header__button[for='__search']").click()
    expect(toggle).to_be_checked()
    expect(box).to_be_focused()
    box.press_sequentially("quoc phong")
    page.wait_for_function("() => document.getElementById('vl-search-results').dataset.query === 'quoc phong'")
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    page.keyboard.press("Escape")
    expect(toggle).not_to_be_checked()


def test_search_works_under_a_sub_path(reader: Reader, built_site: Path, indexed_text: dict[str, str]) -> None:
    """Served under /viet-lao-digest/ as on GitHub Pages: the bundle and result links follow."""
    with serve(built_site, prefix="/viet-lao-digest") as url:
        page = reader(url + "/nam/2025/")
        results = search(page, "to lam")
        assert results and all(r.startswith("/viet-lao-digest/") for r in results), results
        page.locator(".md-search-result__link").first.click()
        page.wait_for_url(re.compile(r"/viet-lao-digest/.+/$"))
        expect(page.locator("article h1")).to_be_visible()


def test_first_query_downloads_little(reader: Reader, site_url: str) -> None:
    """Nothing is fetched for search until the box is used; then only Pagefind's chunks for the query."""
    page = reader(site_url + "/")
    page.wait_for_load_state("networkidle")
    fetched: list[tuple[str, int]] = []
    page.on("requestfinished", lambda r: fetched.append((r.url, len(r.response().body()))))
    search(page, "quoc phong")
    page.wait_for_load_state("networkidle")
    names = [url.rsplit("/", 1)[-1] for url, _ in fetched]
    assert not any(n.startswith("search_index") for n in names), "Material's lunr index was fetched"
    assert not any(n.startswith("pagefind-ui") or n.startswith("pagefind-component") for n in names), names
    assert any(n.endswith(".pf_index") for n in names)
    total = sum(size for _, size in fetched)
    print(f"first query: {len(fetched)} requests, {total} bytes")
    assert total <= BUDGET_BYTES
