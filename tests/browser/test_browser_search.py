"""The search box in the header, used as a reader uses it: typed queries, results clicked.

Which pages a query must find is read from the built pages themselves, never listed by hand:
an article is found by what it says (its `<article>` without the date line, theme and people
lines, figures box, related articles and seed line), a theme or person page by its title and
`<meta name="description">`. Whatever a query finds must hold every word of it somewhere in
the page. The tests hold for any seeds that contain the phrases.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, ViewportSize, expect

from bench import search as bench_search
from bench.corpus import generate
from generator.searchindex import FOLDER, WHOLE, encode, shard_of, terms

from .browserkit import DESKTOP, PHONE, ROOT, Traffic, build_site, serve
from .conftest import Reader, Trouble, open_page

BUDGET_BYTES = 300_000  # the limit for a first query (there at 5,000 articles)
CASES = Path(__file__).resolve().parents[1] / "search_cases.json"
# Parts of an article page that are not what the article says.
NOT_INDEXED = {"headerlink", "vl-meta", "vl-tags", "vl-people", "vl-seed", "vl-prevnext", "vl-original", "admonition"}
RELATED = "bai-lien-quan"  # the heading of the related articles: nothing after it is the article's


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


class PageText(HTMLParser):
    """A page's h1 and description, its article's text as indexed, and all its content's text."""

    VOID = frozenset(
        ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]
    )

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[tuple[bool, bool, bool]] = []  # per open element: (in the article, left out, in h1)
        self.article: list[str] = []
        self.content: list[str] = []
        self.h1: list[str] = []
        self.description = ""
        self.ended = False  # the related articles' heading was met: the rest is not the article's

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "meta" and a.get("name") == "description":
            self.description = a.get("content") or ""
        if tag in self.VOID:
            return
        inside, left_out, h1 = self.stack[-1] if self.stack else (False, False, False)
        classes = set((a.get("class") or "").split())
        self.ended = self.ended or a.get("id") == RELATED
        inside = inside or "md-content__inner" in classes
        left_out = left_out or tag == "svg" or bool(classes & NOT_INDEXED)
        self.stack.append((inside, left_out, h1 or (inside and tag == "h1")))

    def handle_endtag(self, tag: str) -> None:
        if tag not in self.VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if not self.stack or not self.stack[-1][0]:
            return
        _, left_out, h1 = self.stack[-1]
        self.content.append(data)
        if not left_out and h1:
            self.h1.append(data)
        if not left_out and not self.ended:
            self.article.append(data)


def normal(parts: list[str]) -> str:
    return unicodedata.normalize("NFC", " ".join(" ".join(parts).split())).casefold()


@pytest.fixture(scope="session")
def pages(built_site: Path) -> dict[str, PageText]:
    found = {}
    for html in sorted(built_site.rglob("*.html")):
        path = "/" + html.relative_to(built_site).as_posix().removesuffix("index.html")
        parser = PageText()
        parser.feed(html.read_text(encoding="utf-8"))
        found[path] = parser
    return found


@pytest.fixture(scope="session")
def indexed_text(pages: dict[str, PageText]) -> dict[str, str]:
    """URL path → what search finds the page by, NFC and case-folded: articles, theme and person pages."""
    texts = {}
    for path, page in pages.items():
        if re.fullmatch(r"/bai-viet/[^/]+/", path):
            texts[path] = normal(page.article)
        elif re.fullmatch(r"/(chu-de|nhan-vat)/[^/]+/", path):
            texts[path] = normal([*page.h1, page.description])
    assert sum(p.startswith("/bai-viet/") for p in texts) >= 5
    assert sum(p.startswith("/nhan-vat/") for p in texts) >= 5
    return texts


@pytest.fixture(scope="session")
def page_text(pages: dict[str, PageText]) -> dict[str, str]:
    """URL path → all the text of the page's content, NFC and case-folded."""
    return {path: normal([*page.content, page.description]) for path, page in pages.items()}


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
    box: Page, indexed_text: dict[str, str], page_text: dict[str, str], query: str, pattern: str
) -> None:
    expected = containing(indexed_text, pattern)
    found = set(search(box, query))
    assert expected <= found, f"{query!r} missed {sorted(expected - found)}"
    *words, (_, last) = terms(query)  # the last, still being typed, may be a syllable's beginning
    has = {p: {f for _, f in terms(page_text[p])} for p in found}
    missing = [p for p in found if not ({f for _, f in words} <= has[p] and any(f.startswith(last) for f in has[p]))]
    assert missing == [], "found without the words"


def folded(text: str) -> str:
    return " " + " ".join(f for _, f in terms(text)) + " "


@pytest.mark.parametrize("query", ["to lam", "quoc hoi", "hoi kien", "giao thong"])
def test_phrase_ranks_before_scattered_words(box: Page, indexed_text: dict[str, str], query: str) -> None:
    """Pages where the words stand side by side (accents aside) come before pages merely holding both."""
    phrase = {p for p, text in indexed_text.items() if f" {query} " in folded(text)}
    assert phrase, "no page has the phrase: the test would prove nothing"
    results = search(box, query)
    assert len(results) > len(phrase), "no page with the words apart: the ranking is not tested"
    assert set(results[: len(phrase)]) == phrase, f"{query!r}: {results}, expected {sorted(phrase)} first"


def test_results_show_title_date_and_summary_with_the_words_marked(box: Page) -> None:
    search(box, "quoc phong")
    items = box.locator(".md-search-result__item")
    assert all(t.strip() for t in items.locator("h1").all_inner_texts())
    dates = items.locator(".vl-search__date").all_inner_texts()
    assert dates and all(re.fullmatch(r"\d\d/\d\d/\d{4}|tháng \d\d/\d{4}|năm \d{4}", d) for d in dates), dates
    marks = box.locator(".md-search-result__item mark").all_inner_texts()
    assert marks and {f for m in marks for _, f in terms(m)} <= {"quoc", "phong"}, marks


def test_browser_cuts_and_folds_words_as_the_generator_does(box: Page) -> None:
    """tests/search_cases.json holds Python's answers (test_search_index.py keeps it current)."""
    cases = json.loads(CASES.read_text(encoding="utf-8"))
    got = box.evaluate(
        """([cases, whole]) => cases.map(c => {
            const { terms, endsInWord, shardOf } = window.vlSearch;
            const folded = terms(c.text).map(([, f]) => f);
            const byCount = (shard) => Object.fromEntries(Object.keys(c.shards).map(n => [n, shard(Number(n))]));
            return {
                text: c.text,
                terms: terms(c.text),
                open: endsInWord(c.text),
                shards: byCount(n => folded.map(f => shardOf(f, n))),
                whole: byCount(n => shardOf(whole + folded.join(" "), n)),
            };
        })""",
        [cases, WHOLE],
    )
    assert got == cases


@pytest.mark.parametrize("ids", [[], [0], [0, 1, 2], [31, 32, 1023, 1024, 40_000, 2_000_000], list(range(0, 600, 2))])
def test_browser_decodes_postings_as_written(box: Page, ids: list[int]) -> None:
    for docs in (max(ids, default=0) + 1, 10 * max(ids, default=1)):
        text = encode(ids, docs)
        assert box.evaluate("t => window.vlSearch.decode(t)", text) == ids, text


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


# Articles naming people and a theme in their titles: newer than nothing else, so without a
# rank for a page's whole title they tie with the person or theme page and come before it.
TITLED_SEEDS = {
    "t1.txt": (
        "date 2025-03-01 Tổng Bí thư Tô Lâm tiếp Thủ tướng Phạm Minh Chính bàn hợp tác Quốc hội\n\n"
        "Ngày 1/3/2025, Tổng Bí thư Tô Lâm và Thủ tướng Phạm Minh Chính bàn về hợp tác Quốc hội "
        "Việt Nam – Lào và quan hệ đoàn kết đặc biệt giữa hai nước.\n"
    ),
    "t2.txt": (
        "date 2024-05-02 Nguyễn Phú Trọng: Tô Lâm kế tục quan hệ đặc biệt\n\n"
        "Tổng Bí thư Nguyễn Phú Trọng nhiều lần nhấn mạnh quan hệ đặc biệt Việt Nam – Lào; "
        "đồng chí Tô Lâm tiếp tục vun đắp quan hệ ấy.\n"
    ),
    "t3.txt": (
        "date 2024-06-03 Giới thiệu số liệu chính năm 2024 và dòng thời gian hợp tác\n\n"
        "Ngày 3/6/2024, hai bên giới thiệu số liệu chính về thương mại năm 2024 và dòng thời gian "
        "của các dự án hợp tác Việt Nam – Lào.\n"
    ),
}
# Query → the site page whose whole title it is: first, before those articles.
PAGE_FIRST = [
    ("Tô Lâm", "/nhan-vat/to-lam/"),
    ("to lam", "/nhan-vat/to-lam/"),
    ("Phạm Minh Chính", "/nhan-vat/pham-minh-chinh/"),
    ("nguyen phu trong", "/nhan-vat/nguyen-phu-trong/"),
    ("Hợp tác Quốc hội", "/chu-de/lap-phap/"),
    ("so lieu chinh", "/so-lieu/"),
    ("Năm 2024", "/nam/2024/"),
    ("dòng thời gian", "/dong-thoi-gian/"),
    ("gioi thieu", "/gioi-thieu/"),
]


@pytest.fixture(scope="module")
def titled_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with serve(build_site(tmp_path_factory.mktemp("titled-site"), TITLED_SEEDS)) as url:
        yield url


@pytest.mark.parametrize(("query", "first"), PAGE_FIRST)
def test_page_whose_whole_title_is_the_query_ranks_first(
    reader: Reader, titled_url: str, query: str, first: str
) -> None:
    page = reader(titled_url + "/")
    results = search(page, query)
    titles = page.locator(".md-search-result__item h1").all_inner_texts()
    words = {f for _, f in terms(query)}
    tied = [
        r
        for r, t in zip(results, titles, strict=True)
        if r.startswith("/bai-viet/") and words <= set(folded(t).split())
    ]
    assert tied, "no article has the words in its title: the ranking is not tested"
    assert results[0] == first, f"{query!r}: {results}"


@pytest.fixture(scope="module")
def corpus_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """40 of the bench's synthetic articles (bench/corpus.py), built and served: more results
    than a page shows for all of the bench's queries but `2024` (7), in several document shards."""
    seeds: dict[str, str] = {}
    for s in generate(40):
        seeds[s.name] = s.text
        if s.sidecar is not None:
            seeds[Path(s.name).with_suffix(".yml").name] = s.sidecar
    site = build_site(tmp_path_factory.mktemp("corpus-site"), seeds)
    with serve(site) as url:
        yield site, url


@pytest.mark.parametrize("query", [*bench_search.QUERIES, "hop tac v", "Tô L", "Tô Lâ"])
def test_bench_ranks_results_as_the_script_does(reader: Reader, corpus_site: tuple[Path, str], query: str) -> None:
    """bench/search.py copies the script's ranking to count what a first query downloads at
    5,000 articles: the copy must give the script's results in the script's order."""
    site, url = corpus_site
    page = reader(url + "/")
    shown = search(page, query)
    assert len(shown) > 1, f"{query!r}: fewer than two results: the order is not tested"
    assert shown == ["/" + u for u in bench_search.result_urls(site, query)]


def completions_in(site: Path, beginning: str) -> list[str]:
    """The syllables the built index says a beginning stands for (its `c` shards)."""
    root = site / FOLDER
    shards = json.loads((root / "index.json").read_text(encoding="utf-8"))["shards"]
    shard = json.loads((root / "c" / f"{shard_of(beginning, shards['c'])}.json").read_text(encoding="utf-8"))
    return list(shard.get(beginning, []))


@pytest.mark.parametrize("query", ["quoc ph", "ca", "thu", "Tô la", "hop tac vie"])
def test_a_last_word_being_typed_finds_what_it_begins_the_word_as_typed_first(
    box: Page, built_site: Path, indexed_text: dict[str, str], query: str
) -> None:
    """`quoc ph` finds "quốc phòng" before `phong` is typed out: the last word of a query with no
    space after it also stands for the commonest syllables that go on from it; pages with the
    word as typed come first."""
    *words, (_, last) = terms(query)
    more = completions_in(built_site, last)
    assert more, f"{last!r} begins no syllable: the test would prove nothing"
    syllables = {p: set(folded(t).split()) for p, t in indexed_text.items()}
    holding = {p for p, have in syllables.items() if {f for _, f in words} <= have}
    as_typed = {p for p in holding if last in syllables[p]}
    begun = {p for p in holding - as_typed if syllables[p] & set(more)}
    assert begun, "no page holds a completion only: the test would prove nothing"
    results = [p for p in search(box, query) if p in indexed_text]
    assert set(results) == as_typed | begun
    assert set(results[: len(as_typed)]) == as_typed, f"{query!r}: {results}"
    marks = box.locator(".md-search-result__item mark").all_inner_texts()
    assert marks and {f for m in marks for _, f in terms(m)} <= {f for _, f in words} | {last, *more}, marks


def test_a_last_word_typed_with_accents_is_as_typed_with_those_accents(box: Page, indexed_text: dict[str, str]) -> None:
    """`Tô Lâ`, on the way to "Tô Lâm": the word as typed is `lâ`, accents included, so pages
    holding `la` only with other accents (`là`, `lá`) do not come first for it; pages with "tô"
    and a completion of `lâ` side by side ("tô lâm") do. Before, `là` counted as `lâ` typed."""
    other_accents = re.compile(r"\bl[aàáảãạ]\b")
    results = [p for p in search(box, "Tô Lâ") if p in indexed_text]
    phrase = {p for p in results if re.search(r"\btô lâm\b", indexed_text[p])}
    assert any(not other_accents.search(indexed_text[p]) for p in phrase), "the test would prove nothing"
    assert any(p not in phrase and other_accents.search(indexed_text[p]) for p in results), "nothing to rank after"
    assert set(results[: len(phrase)]) == phrase, results


@pytest.mark.parametrize("query", ["quoc ph", "hop tac v"])
def test_a_word_being_typed_ranks_as_a_phrase_with_the_word_before_it(
    box: Page, built_site: Path, indexed_text: dict[str, str], query: str
) -> None:
    """`quoc ph`: pages where "quốc" stands right before one of the completions of `ph` come first."""
    *words, (_, last) = terms(query)
    more = completions_in(built_site, last)
    pairs = [f" {words[-1][1]} {word} " for word in (last, *more)]
    phrase = {p for p, text in indexed_text.items() if any(pair in folded(text) for pair in pairs)}
    assert phrase, "no page has the phrase: the test would prove nothing"
    results = [p for p in search(box, query) if p in indexed_text]
    assert len(results) > len(phrase), "no page with the words apart: the ranking is not tested"
    assert set(results[: len(phrase)]) == phrase, f"{query!r}: {results}, expected {sorted(phrase)} first"


def test_a_space_or_a_sign_after_the_last_word_ends_it(box: Page) -> None:
    assert search(box, "quoc ph")
    assert search(box, "quoc ph ") == []  # `ph` is no syllable
    whole = search(box, "quoc pho ")  # `pho` is one (phó), and begins others (phòng)
    assert whole and set(whole) < set(search(box, "quoc pho")), "no completion adds a page: nothing is tested"
    assert search(box, "quoc pho.") == whole


def test_decomposed_and_composed_queries_give_the_same_results(box: Page) -> None:
    assert search(box, nfd("quốc phòng")) == search(box, "quốc phòng")


def test_no_match_says_so(box: Page) -> None:
    assert search(box, "xyzzyqwv") == []
    expect(box.locator(".md-search-result__meta")).to_have_text("Không tìm thấy kết quả nào")


def test_result_link_opens_the_article(reader: Reader, site_url: str, indexed_text: dict[str, str]) -> None:
    page = reader(site_url + "/nam/")
    results = search(page, "thuong mai")
    first_article = next(r for r in results if r.startswith("/bai-viet/"))
    page.locator(".md-search-result__link").nth(results.index(first_article)).click()
    page.wait_for_url(site_url + first_article)
    expect(page.locator("article h1")).to_be_visible()


def test_enter_right_after_typing_opens_the_first_result(reader: Reader, site_url: str) -> None:
    """Enter before the results are in (the script waits for a pause in typing) still opens the
    first result of that query, once it is known: one Enter, not a second one."""
    first = search(reader(site_url + "/"), "thuong mai")[0]
    page = reader(site_url + "/nam/")
    box = page.locator("#vl-search-query")
    box.click()
    box.press_sequentially("thuong mai")
    box.press("Enter")
    page.wait_for_url(site_url + first)


def test_arrow_keys_move_through_the_results_as_in_material(reader: Reader, site_url: str) -> None:
    page = reader(site_url + "/")
    results = search(page, "thuong mai")
    assert len(results) >= 2, "fewer than two results: moving between them is not tested"
    box, links = page.locator("#vl-search-query"), page.locator(".md-search-result__link")
    box.press("ArrowDown")
    expect(links.nth(0)).to_be_focused()
    page.keyboard.press("ArrowDown")
    expect(links.nth(1)).to_be_focused()
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    expect(box).to_be_focused()
    page.keyboard.press("ArrowUp")  # around, to the last result
    expect(links.last).to_be_focused()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    expect(links.nth(1)).to_be_focused()
    page.keyboard.press("Enter")
    page.wait_for_url(site_url + results[1])


IN_RESULTS = "() => !!document.activeElement.closest('.md-search__output')"


def test_escape_from_a_result_leaves_no_focus_on_hidden_results(reader: Reader, site_url: str) -> None:
    """Escape closes the dialog wherever the focus is in it; the results it hides are out of
    reach: neither the focus nor a Tab lands on links the reader cannot see."""
    page = reader(site_url + "/")
    assert len(search(page, "thuong mai")) >= 2
    page.locator("#vl-search-query").press("ArrowDown")
    page.keyboard.press("ArrowDown")
    expect(page.locator(".md-search-result__link").nth(1)).to_be_focused()
    page.keyboard.press("Escape")
    expect(page.locator("#__search")).not_to_be_checked()
    assert not page.evaluate(IN_RESULTS)
    for _ in range(3):
        page.keyboard.press("Tab")
        assert not page.evaluate(IN_RESULTS), "Tab went into the hidden results"
    expect(page.locator(".md-search__options button[type=reset]")).to_have_attribute("tabindex", "-1")


def test_a_result_reached_by_keyboard_has_a_focus_ring(reader: Reader, site_url: str) -> None:
    page = reader(site_url + "/")
    search(page, "thuong mai")
    page.locator("#vl-search-query").press("ArrowDown")
    link = page.locator(".md-search-result__link").first
    expect(link).to_be_focused()
    ring = link.evaluate("a => [getComputedStyle(a).outlineStyle, parseFloat(getComputedStyle(a).outlineWidth)]")
    assert ring[0] != "none" and ring[1] >= 1, ring


def test_the_last_more_results_leaves_the_focus_in_the_dialog(reader: Reader, corpus_site: tuple[Path, str]) -> None:
    """The last "Xem thêm kết quả" hides the button: the focus it had goes to the first result
    it added, not to the page under the open dialog."""
    _, url = corpus_site
    page = reader(url + "/")
    box = page.locator("#vl-search-query")
    box.click()
    box.press_sequentially("viet")
    page.wait_for_function("() => document.getElementById('vl-search-results').dataset.query === 'viet'")
    more, items = page.locator(".vl-search__more"), page.locator(".md-search-result__item")
    assert more.is_visible(), "one page of results: the last 'more' is not tested"
    more.focus()
    while more.is_visible():
        shown = items.count()
        page.keyboard.press("Enter")
        expect(items).not_to_have_count(shown)
    expect(page.locator("#__search")).to_be_checked()
    expect(items.nth(shown).locator("a")).to_be_focused()


def test_tab_out_of_the_dialog_closes_search(reader: Reader, site_url: str) -> None:
    """Tab keeps the search open while it moves through the box and the results; once the focus
    leaves the dialog for the page (the tabs), the search is closed and nothing covers the focus."""
    page = reader(site_url + "/nam/2024/")
    box, toggle = page.locator("#vl-search-query"), page.locator("#__search")
    box.click()
    box.press_sequentially("thuong mai")
    page.wait_for_function("() => document.getElementById('vl-search-results').dataset.query === 'thuong mai'")
    assert page.locator(".md-search-result__item").count() >= 2, "fewer than two results: Tab through them untested"
    page.keyboard.press("Tab")
    page.keyboard.press("Shift+Tab")  # within the dialog: it stays open
    expect(box).to_be_focused()
    page.locator(".md-search-result__meta").click()  # a click inside the results: still open
    expect(toggle).to_be_checked()
    in_dialog = "() => !!document.activeElement.closest('[data-vl-search]')"
    for _ in range(30):
        expect(toggle).to_be_checked()
        page.keyboard.press("Tab")
        if not page.evaluate(in_dialog):
            break
    else:
        pytest.fail("Tab never left the search dialog")
    expect(toggle).not_to_be_checked()
    focused = page.evaluate_handle("() => document.activeElement")
    assert focused.evaluate("e => e !== document.body"), "the focus was lost, not moved on"
    # Not covered once the overlay has faded out (Material's transition): nothing else on top.
    page.wait_for_function(
        """e => {
            const r = e.getBoundingClientRect();
            const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
            return r.width > 0 && r.height > 0 && e.contains(hit);
        }""",
        arg=focused,
    )


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
    # Material locks the page's scrolling under the open dialog on a phone, and unlocks it when
    # told the dialog closed: Escape must tell it (a change event), or the page stays frozen.
    body = page.locator("body")
    expect(body).to_have_attribute("data-md-scrolllock", "")
    page.keyboard.press("Escape")
    expect(toggle).not_to_be_checked()
    expect(body).not_to_have_attribute("data-md-scrolllock", "")


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_more_results_button_is_styled_as_materials_more_line(
    reader: Reader, site_url: str, viewport: ViewportSize
) -> None:
    """Readable, a target to tap, its text indented as the results' titles, in the theme's link
    colour, with a focus ring when reached by keyboard."""
    page = reader(site_url + "/", viewport=viewport)
    box = page.locator("#vl-search-query")
    if viewport is PHONE:
        page.locator("label.md-header__button[for='__search']").click()
    box.click()
    box.press_sequentially("viet")
    page.wait_for_function("() => document.getElementById('vl-search-results').dataset.query === 'viet'")
    more = page.locator(".vl-search__more")
    assert more.is_visible(), "10 results or fewer: no button to test"
    look = page.evaluate(
        """() => {
            const more = document.querySelector(".vl-search__more");
            const text = document.createRange();
            text.selectNodeContents(more);
            const probe = document.createElement("span");
            probe.style.color = "var(--md-typeset-a-color)";
            more.after(probe);
            const link = getComputedStyle(probe).color;
            probe.remove();
            const style = getComputedStyle(more);
            return {
                size: parseFloat(style.fontSize),
                height: more.getBoundingClientRect().height,
                left: text.getBoundingClientRect().left,
                titleLeft: document.querySelector(".md-search-result__item h1").getBoundingClientRect().left,
                color: style.color,
                link,
            };
        }"""
    )
    assert look["size"] >= 12 and look["height"] >= 24, look
    assert abs(look["left"] - look["titleLeft"]) < 1, look
    assert look["color"] == look["link"], look
    page.locator(".md-search-result__link").last.focus()
    page.keyboard.press("Tab")
    expect(more).to_be_focused()
    ring = more.evaluate("b => [getComputedStyle(b).outlineStyle, parseFloat(getComputedStyle(b).outlineWidth)]")
    assert ring[0] != "none" and ring[1] >= 2, ring


def test_search_works_under_a_sub_path(reader: Reader, built_site: Path, indexed_text: dict[str, str]) -> None:
    """Served under /viet-lao-digest/ as on GitHub Pages: the bundle and result links follow."""
    with serve(built_site, prefix="/viet-lao-digest") as url:
        page = reader(url + "/nam/2025/")
        results = search(page, "to lam")
        assert results and all(r.startswith("/viet-lao-digest/") for r in results), results
        page.locator(".md-search-result__link").first.click()
        page.wait_for_url(re.compile(r"/viet-lao-digest/.+/$"))
        expect(page.locator("article h1")).to_be_visible()


def test_first_query_downloads_little(reader: Reader, site_url: str, built_site: Path) -> None:
    """Nothing is fetched for search until the box is used; then only the index files the query needs."""
    page = reader(site_url + "/")
    page.wait_for_load_state("networkidle")
    traffic = Traffic(page)
    traffic.settle()
    assert traffic.started == [], "search fetched something before the box was used"
    search(page, "quoc phong")
    traffic.settle()
    assert traffic.failed == []
    fetched = [(url, len(body)) for url, body in traffic.finished]
    paths = [urlsplit(url).path for url, _ in fetched]
    assert all(p.startswith(f"/{FOLDER}/") for p in paths), paths
    assert f"/{FOLDER}/index.json" in paths
    total = sum(size for _, size in fetched)
    index = sum(f.stat().st_size for f in (built_site / FOLDER).rglob("*.json"))
    print(f"first query: {len(fetched)} requests, {total} bytes of {index} in {FOLDER}/")
    assert total <= BUDGET_BYTES
    assert total < index / 2, "most of the index was fetched: sharding does not work"


# SITE_URL → the path GitHub Pages serves the site under (README, "The site URL").
SITE_URLS = {"https://example.github.io/viet-lao-digest/": "/viet-lao-digest", "https://tin.example.org/": ""}
MISSING = "/bai-viet/khong-co/trang-nay/"  # no page here: 404.html is served, two levels deep


@pytest.fixture(scope="module", params=sorted(SITE_URLS))
def not_found_page(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, str]]:
    """(the served site's URL, its path) for the repository's seeds built with a SITE_URL."""
    seeds = {p.name: p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").iterdir()) if p.is_file()}
    with pytest.MonkeyPatch.context() as env:
        env.setenv("SITE_URL", request.param)
        site = build_site(tmp_path_factory.mktemp("site-404"), seeds)
    prefix = SITE_URLS[request.param]
    with serve(site, prefix, not_found_page=True) as url:
        yield url, prefix


def test_search_works_on_the_404_page(browser: Browser, not_found_page: tuple[str, str]) -> None:
    """404.html has an absolute base (`/viet-lao-digest/`, or `/` at a domain's root): the index
    and result links must still be the site's, without a doubled slash."""
    site, prefix = not_found_page
    url = site + MISSING
    page, trouble = open_page(browser, url)
    try:
        expect(page.locator("article h1")).to_contain_text("404")
        traffic = Traffic(page)
        results = search(page, "to lam")
        assert results and all(r.startswith(prefix + "/") and "//" not in r for r in results), results
        fetched = [urlsplit(u).path for u in traffic.started]
        assert fetched and all(p.startswith(f"{prefix}/{FOLDER}/") and "//" not in p for p in fetched), fetched
        page.locator(".md-search-result__link").first.click()
        page.wait_for_url(site.removesuffix(prefix) + results[0])
        expect(page.locator("article h1")).not_to_contain_text("404")
    finally:
        page.context.close()
    own_status = (
        f"console error: Failed to load resource: the server responded with a status of 404 (Not Found) ({url})"
    )
    problems = [p for p in trouble.problems() if p != own_status]  # the missing page itself
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize(
    ("query", "text", "marked"),
    [
        ("năm", "Việt Nam năm 2024", ["năm"]),  # typed with accents: marked only with them
        ("nam", "Việt Nam năm 2024", ["Nam", "năm"]),  # without: any accents
        ("Năm nam", "Việt Nam năm 2024", ["Nam", "năm"]),
        ("tô lâm", "Tô Lâm, tổ làm", ["Tô", "Lâm"]),
        (nfd("tô lâm"), "Tô Lâm, tổ làm", ["Tô", "Lâm"]),  # typed decomposed; pages are NFC
        ("dac", "Đặc biệt", ["Đặc"]),
    ],
)
def test_a_word_typed_with_accents_is_marked_only_with_them(
    box: Page, query: str, text: str, marked: list[str]
) -> None:
    got = box.evaluate(
        "([query, text]) => vlSearch.marksIn(text, vlSearch.marked(vlSearch.terms(query))).map(m => m[0])",
        [query, text],
    )
    assert got == marked
