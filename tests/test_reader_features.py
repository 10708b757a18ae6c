"""Key figures, related coverage, the chart, feeds and the site URL setting."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import feedparser
import pytest
from conftest import ROOT, TODAY, Generate
from rendering import to_html

from generator import siteconfig
from generator.build import Paths, build, make_article, neighbours
from generator.chart import chart
from generator.curation import Curation
from generator.data import Data
from generator.figures import FigureKind, extract
from generator.model import Article, Block, BlockKind, PartialDate
from generator.pages import figures_box, render_article
from generator.parsing import parse_seed
from generator.reading import SeedText
from generator.related import related
from generator.searchindex import article_terms
from generator.text import count_words


def para(text: str) -> Block:
    return Block(BlockKind.PARAGRAPH, text)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("đạt mục tiêu 5 tỷ USD và hướng tới mốc 10 tỷ USD", [("amount", "5 tỷ USD"), ("amount", "10 tỷ USD")]),
        ("kim ngạch đạt 764,5 triệu USD trong 6 tháng", [("amount", "764,5 triệu USD")]),
        ("tăng trưởng thương mại ổn định từ 10-15% mỗi năm", [("percent", "10-15%")]),
        ("lễ trao 12 văn kiện hợp tác quan trọng", [("documents", "12 văn kiện")]),
        ("ký 3 bản ghi nhớ và 2 hiệp định", [("documents", "3 bản ghi nhớ"), ("documents", "2 hiệp định")]),
        ("giai đoạn 2021-2030, 50 năm Quốc khánh", []),
        ("5 tỷ USD; sau đó lại 5 tỷ USD", [("amount", "5 tỷ USD")]),  # first mention only
        ("date 2024-03-12 %", []),  # no figure cut out of a date
        ("ngày 12/3 5 văn kiện, ngày 12/35 văn kiện", [("documents", "5 văn kiện")]),
        # An article or clause number, or a year, before a word for documents counts none of them.
        ("Hai bên rà soát việc thực hiện Điều 3 Hiệp định về Quy chế quản lý biên giới.", []),
        ("Năm 1977 hiệp định hữu nghị được ký kết.", []),
        ("theo khoản 2 thỏa thuận, ĐIỀU 4 văn bản, Chương 5 hiệp định, mục 1 văn kiện", []),
        ("phần 2 văn bản, điểm 3 bản ghi nhớ, năm 2024 văn kiện, Điều  7 hiệp định", []),
        ("Hai bên ký 12 văn kiện hợp tác", [("documents", "12 văn kiện")]),
        ("trao 5 bản ghi nhớ", [("documents", "5 bản ghi nhớ")]),
        ("3 hiệp định", [("documents", "3 hiệp định")]),
        ("nhiều điều: 3 hiệp định", [("documents", "3 hiệp định")]),  # `điều` (things) then a colon: a count
        ("1899 văn bản, 2100 thỏa thuận", [("documents", "1899 văn bản"), ("documents", "2100 thỏa thuận")]),
        ("Điều 3 và 4 hiệp định", [("documents", "4 hiệp định")]),
    ],
)
def test_figures(text: str, found: list[tuple[str, str]]) -> None:
    assert [(f.kind.value, f.value) for f in extract([para(text)])] == found


@pytest.mark.parametrize(
    ("text", "context"),
    [
        (
            "Hai bên họp. Hai bên nhất trí nâng kim ngạch lên 5 tỷ USD; đồng thời mở rộng đầu tư.",
            "Hai bên nhất trí nâng kim ngạch lên 5 tỷ USD",
        ),
        # A list item's marker is not part of the context.
        ("Kết quả:\n- Kim ngạch thương mại đạt 2,5 tỷ USD", "Kim ngạch thương mại đạt 2,5 tỷ USD"),
        ("– Kim ngạch đạt 5 tỷ USD", "Kim ngạch đạt 5 tỷ USD"),
        ("  •  Kim ngạch đạt 5 tỷ USD", "Kim ngạch đạt 5 tỷ USD"),
        ("* Kim ngạch đạt 5 tỷ USD", "Kim ngạch đạt 5 tỷ USD"),
        ("Họp.\n+ Kim ngạch đạt 5 tỷ USD", "Kim ngạch đạt 5 tỷ USD"),
        ("- 5 tỷ USD", "5 tỷ USD"),
        ("-5 tỷ USD là mức giảm", "-5 tỷ USD là mức giảm"),  # a sign, not a marker: no space after it
        # A note's marker after a word is not part of it; a number in parentheses is.
        (
            "Vốn đầu tư đạt 5,5 tỷ USD với 251 dự án còn hiệu lực(2).",
            "Vốn đầu tư đạt 5,5 tỷ USD với 251 dự án còn hiệu lực",
        ),
        ("Kim ngạch đạt 2,2 tỷ USD[3], như năm trước", "Kim ngạch đạt 2,2 tỷ USD, như năm trước"),
        ("Kim ngạch đạt 2,2 tỷ USD (3) năm", "Kim ngạch đạt 2,2 tỷ USD (3) năm"),
    ],
)
def test_figure_context_is_its_clause(text: str, context: str) -> None:
    (figure,) = extract([para(text)])
    assert figure.context == context
    assert figure.kind is FigureKind.AMOUNT


@pytest.mark.parametrize(
    ("texts", "items"),
    [
        # Two figures of one clause: one line, the clause once (it was printed twice).
        (
            ["Kim ngạch năm 2025 ước đạt 2,2 tỷ USD, tăng 22% so với năm 2024."],
            ["**2,2 tỷ USD**, **22%**: Kim ngạch năm 2025 ước đạt 2,2 tỷ USD, tăng 22% so với năm 2024"],
        ),
        # Clauses apart, and the same clause in two paragraphs apart from each other, stay apart.
        (
            ["Hai bên ký 12 văn kiện; kim ngạch đạt 5 tỷ USD."],
            ["**12 văn kiện**: Hai bên ký 12 văn kiện", "**5 tỷ USD**: kim ngạch đạt 5 tỷ USD"],
        ),
    ],
)
def test_figures_box_prints_a_clause_once(texts: list[str], items: list[str]) -> None:
    box = figures_box(extract([para(t) for t in texts]))
    assert [line.removeprefix("    - ") for line in box.splitlines()[2:]] == items


WRONG = 'Trên Báo số ra ngày 16/6/2025, bài "Kim ngạch tăng mạnh" có nội dung: "kim ngạch đạt 560 triệu USD".'


@pytest.mark.parametrize(
    ("texts", "found"),
    [
        # A correction (c5-10): the figure it withdraws, printed wrongly, is not one of its figures.
        (
            [WRONG, 'Nay xin đính chính lại là: "kim ngạch đạt 465 triệu USD, tăng 12% so với cùng kỳ".'],
            ["465 triệu USD", "12%"],
        ),
        (["Bài viết đã ghi là 560 triệu USD, nay sửa lại là 465 triệu USD."], ["465 triệu USD"]),
        (["Bài đã in nhầm là 15%. Xin đọc lại là 12%."], ["12%"]),
        ([WRONG, "Nay xin đính chính như sau: kim ngạch đạt 465 triệu USD."], ["465 triệu USD"]),
        # Without the corrected text, nothing is withdrawn.
        (["Bài viết đã ghi là 560 triệu USD; kim ngạch đạt 465 triệu USD."], ["560 triệu USD", "465 triệu USD"]),
    ],
)
def test_a_corrections_withdrawn_figure_is_no_key_figure(texts: list[str], found: list[str]) -> None:
    assert [f.value for f in extract([para(t) for t in texts])] == found


def test_figures_ignore_captions() -> None:
    assert extract([Block(BlockKind.CAPTION, "Ký 12 văn kiện (Ảnh: TTXVN)")]) == ()


def article(
    slug: str, date: PartialDate | None, people: tuple[str, ...] = (), themes: tuple[str, ...] = (), title: str = ""
) -> Article:
    return Article(
        slug=slug, title=title or slug, date=date, source=None, source_url=None, author=None, summary="s", lede=None,
        blocks=(), themes=themes, people=people, words=1, reading_time=1, seed=f"{slug}.txt", seed_sha256="0",
    )  # fmt: skip


def test_same_event_from_two_outlets_ranks_first() -> None:
    arts = [
        article(
            "vnexpress", PartialDate(2025, 12, 1), ("Tô Lâm",), ("kinh-te-thuong-mai",), "Việt - Lào nâng kim ngạch"
        ),
        article("ttxvn", PartialDate(2025, 12, 2), ("Tô Lâm",), ("kinh-te-thuong-mai",), "Kim ngạch Việt - Lào"),
        article("older", PartialDate(2023, 1), ("Tô Lâm",), ("kinh-te-thuong-mai",), "Hợp tác kinh tế"),
        article("unrelated", PartialDate(2010, 5, 5), (), ("lap-phap",), "Quốc hội"),
    ]
    rel = related(arts)
    assert rel["vnexpress"][0] == "ttxvn" and rel["ttxvn"][0] == "vnexpress"
    assert "unrelated" not in rel["vnexpress"]
    assert rel == related(list(reversed(arts)))  # order of input does not matter


def test_at_most_five_related() -> None:
    arts = [article(f"a{i}", PartialDate(2025, 1, i + 1), ("Tô Lâm",)) for i in range(9)]
    assert all(len(r) == 5 for r in related(arts).values())


def test_previous_and_next_stay_within_the_year() -> None:
    a, b, c = (
        article("a", PartialDate(2024, 12, 30)),
        article("b", PartialDate(2025, 1)),
        article("c", PartialDate(2025, 1, 5)),
    )
    links = neighbours([c, a, b])
    assert links.next == {"b": "c"}
    assert links.previous == {"c": "b"}
    shown = links.of("b").next["b"]  # what the page of b shows of c
    assert (shown.slug, shown.title, shown.date, shown.blocks) == (c.slug, c.title, c.date, ())
    assert links.of("b").previous == {} and links.of("c").previous["c"].slug == "b"


def test_chart_counts_each_article_once_by_main_theme(data: Data) -> None:
    arts = [
        article("a", PartialDate(2023, 1), themes=("lap-phap", "da-phuong")),
        article("b", PartialDate(2025, 1, 1), themes=("da-phuong",)),
        article("c", None, themes=("da-phuong",)),
    ]
    svg = chart(arts, data.themes)
    assert svg.count("<rect") == 2 + 2  # two bars, two legend keys (2024 is an empty year)
    assert "2023 · Hợp tác Quốc hội: 1" in svg and "2025 · Đa phương – Khu vực: 1" in svg
    assert ">2024<" in svg
    assert chart([replace(arts[2])], data.themes) == ""


@pytest.fixture
def feed_site(generate: Generate, project: Paths) -> Path:
    generate(
        {
            "day.txt": "Tiêu đề ngày\n\nNgày 26/02/2024, hai bên nhất trí về quốc phòng, an ninh, biên giới.",
            "month.txt": "date 2023-01 Tiêu đề tháng\n\nHai bên nhất trí về quốc phòng, an ninh, biên giới.",
            "none.txt": "Tiêu đề <không> ngày & giờ\n\nHai bên nhất trí về thương mại.",
        }
    )
    return project.content


def test_rss_parses_cleanly_with_honest_dates(feed_site: Path) -> None:
    parsed = feedparser.parse((feed_site / "rss.xml").read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    titles = [e.title for e in parsed.entries]
    assert titles == ["Tiêu đề ngày", "Tiêu đề tháng", "Tiêu đề <không> ngày & giờ"]
    day, month, undated = parsed.entries
    assert day.published_parsed[:3] == (2024, 2, 26)
    assert "published" not in month and month.updated == "2023-01"  # dc:date, month precision only
    assert "published" not in undated and "updated" not in undated
    assert day.link == "https://example.github.io/viet-lao-digest/bai-viet/2024-02-26-tieu-de-ngay/"


def test_theme_feeds_hold_only_their_theme(feed_site: Path) -> None:
    parsed = feedparser.parse((feed_site / "chu-de" / "quoc-phong-an-ninh" / "rss.xml").read_bytes())
    assert not parsed.bozo
    assert [e.title for e in parsed.entries] == ["Tiêu đề ngày", "Tiêu đề tháng"]
    empty = feedparser.parse((feed_site / "chu-de" / "lap-phap" / "rss.xml").read_bytes())
    assert not empty.bozo and empty.entries == []


def test_json_feed(feed_site: Path) -> None:
    doc = json.loads((feed_site / "feed.json").read_text(encoding="utf-8"))
    assert doc["version"] == "https://jsonfeed.org/version/1.1"
    items = {i["title"]: i for i in doc["items"]}
    assert items["Tiêu đề ngày"]["date_published"] == "2024-02-26T12:00:00+00:00"
    assert "date_published" not in items["Tiêu đề tháng"]
    assert len(items) == 3
    assert all(i["id"] == i["url"] and i["url"].startswith(doc["home_page_url"]) for i in doc["items"])
    # JSON Feed 1.1: "content_html and content_text are each optional strings, but one or both must be present".
    assert all(i["content_text"] == i["summary"] and i["content_text"] for i in doc["items"])


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, "https://example.github.io/viet-lao-digest/"),
        ({"SITE_URL": "https://tin.example.vn"}, "https://tin.example.vn/"),
    ],
)
def test_site_url_comes_from_mkdocs_yml_or_env(
    env: dict[str, str], expected: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SITE_URL", raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    assert siteconfig.site_url(ROOT / "mkdocs.yml") == expected


def test_feed_links_follow_site_url(generate: Generate, project: Paths) -> None:
    (project.seeds / "a.txt").write_text("Tiêu đề\n\nNgày 26/02/2024, hai bên.", encoding="utf-8")
    build(project, today=TODAY, site_url="https://user.github.io/repo/")
    parsed = feedparser.parse((project.content / "rss.xml").read_bytes())
    assert parsed.entries[0].link == "https://user.github.io/repo/bai-viet/2024-02-26-tieu-de/"
    assert parsed.feed.link == "https://user.github.io/repo/"


TABLE_SEED = (
    "Thương mại Việt Nam - Lào tăng trưởng\n24/11/2025 09:15\n"
    "Kim ngạch hai chiều tăng mạnh trong năm 2025.\n"
    "Chỉ tiêu\tNăm 2024\tNăm 2025\nKim ngạch thương mại (tỷ USD)\t1,8\t2,2\nVốn đầu tư (tỷ USD)\t5,7\t5,9\n"
    "Hai bên đặt mục tiêu 5 tỷ USD vào năm 2030.\n"
)


def test_a_table_is_shown_searched_and_counted_and_is_never_the_summary(data: Data) -> None:
    parsed = parse_seed(TABLE_SEED, data.boilerplate)
    seed = SeedText("bang.txt", TABLE_SEED, "0" * 64)
    a, _ = make_article(seed, parsed, Curation(), data=data, display="bang.txt", today=TODAY)
    assert [b.kind for b in a.blocks] == [BlockKind.PARAGRAPH, BlockKind.TABLE, BlockKind.PARAGRAPH]
    assert (a.lede, a.summary) == ("Kim ngạch hai chiều tăng mạnh trong năm 2025.",) * 2
    _, body = to_html(render_article(a, data))
    assert "<th>Chỉ tiêu</th>" in body and "<td>Vốn đầu tư (tỷ USD)</td>" in body and "<td>5,9</td>" in body
    assert body.count("vl-lede") == 1 and body.index("vl-lede") < body.index("<table>")
    words = set(article_terms(a)[0].split("\n"))  # folded syllables of the title and the blocks
    assert {"chi", "tieu", "von", "dau", "tu"} <= words  # cells are searched as the text they are
    assert a.words == count_words(" ".join(b.text for b in a.blocks)) > count_words(TABLE_SEED.split("\n")[2])
    assert [f.value for f in a.figures] == ["5 tỷ USD"]  # figures come from paragraphs, not from cells
