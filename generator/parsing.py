"""Seed text → ParsedSeed: title, date, source, byline, lede and body blocks.

Every rule is a small pure function over a line or a paragraph, unit-tested on its own with
forms taken from real seeds. `parse_seed` applies them in a fixed order:

1. a `date …` header on the first line; its rest is the article's first line; an official
   document's heading and signature read (official.py); the rows of a table copied with its
   tabs made one line (`with_tables`);
2. site boilerplate dropped, related-links blocks cut (patterns from data/boilerplate.yml);
3. lines grouped into paragraphs (blank-line or one-line-per-paragraph seeds, hard wraps joined);
4. datelines and a lone source line at the top removed, title taken from a short first line;
5. source prefix taken off the lede, byline taken off the end;
6. captions and sub-headings classified;
7. the date: header, else the first full date near the top.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from itertools import islice, pairwise

from . import dates, official
from .model import Block, BlockKind, ParsedSeed, PartialDate, table_text
from .text import SENTENCE_END, clean_line, clean_lines, outlet_form

# --- limits, in characters and words -------------------------------------------------------
TITLE_MAX_CHARS = 200
TITLE_MAX_WORDS = 35
HEADING_MAX_CHARS = 120
HEADING_MAX_WORDS = 20
CAPTION_MAX_CHARS = 500
BYLINE_MAX_WORDS = 5  # a name's
BYLINE_MAX_CHARS = 100  # a whole byline's: `Viết Tuân - Thanh Hằng (từ Viêng Chăn)` is 38
DATE_SEARCH_PARAGRAPHS = 3  # the date is looked for in the title and this many paragraphs
OUTLET_MAX_CHARS = 80  # a line that may be an outlet's name alone

# --- sources and credits -------------------------------------------------------------------
# `VOV.VN - `, `TPO - `, `TTXVN - `, `QĐND Online - `: an upper-case outlet tag before a dash.
_SOURCE_TAG = r"[A-ZĐ][A-ZĐ0-9]+(?:\.[A-Za-z]{2,4}|\s+Online)?"
# `(Chinhphu.vn) - `, `(TBTCO) - `, `(VTC News) -`: an outlet name in parentheses.
_SOURCE_PAREN = r"\((?P<paren>[^()\s][^()]{0,38}[^()\s])\)"
_DASH = r"\s*[-–—]"
# `Viêng Chăn (TTXVN) - `, `Hà Nội, 24/11/2025 (TTXVN) - `: where and when the wire was filed.
_FILED = (
    r"(?:(?P<place>[^\W\d_]+(?:\s+[^\W\d_]+){0,3})"
    r"(?:\s*,\s*(?:ngày\s+)?(?P<when>\d{1,2}/\d{1,2}(?:/\d{4})?))?\s+(?=\())"
)
# `TGVN. Tối 23/11, …`: Báo Quốc tế's initials and a full stop (other initials and a full stop,
# `WHO. Tổ chức Y tế Thế giới …`, start a sentence).
_SOURCE_INITIALS = r"(?P<initials>TGVN)\.\s+(?=[^\W\d_])"
SOURCE_PREFIX = re.compile(
    rf"^(?:{_FILED}?(?:{_SOURCE_PAREN}|(?P<tag>{_SOURCE_TAG})){_DASH}(?:\s+|$)|{_SOURCE_INITIALS})"
)
SOURCE_LINE = re.compile(rf"^(?:{_SOURCE_PAREN}|(?P<tag>{_SOURCE_TAG})){_DASH}?$")
# `Theo TTXVN`, `Nguồn: TTXVN` or `(TTXVN/Vietnam+)` as the last line: the outlet the text was
# republished from, a name (`Theo dự kiến, …` is a sentence).
SOURCE_TRAILER = re.compile(
    r"^(?:\(?(?:[Tt]heo\s+|Nguồn\s*:\s*)(?P<name>[^\s().,;:][^().,;:]{0,40}?)\)?|\((?P<paren>[^\s()][^()]{0,38}[^\s()])\))\.?$"
)
SOURCE_TRAILER_WORDS = 5
# `Theo Đức Quang (Báo Hà Tĩnh)`: the author and the outlet an article was taken from.
_ATTRIBUTION = re.compile(r"^[Tt]heo\s+(?P<names>[^()]{3,60}?)\s*\((?P<outlet>[^()]{2,40})\)\.?$")
_OUTLET_NAME = re.compile(r"^(?:[Bb]áo|Tạp chí|Đài|Cổng|Trang)\s|[./+]")  # `Báo Hà Tĩnh`, `Dantri.com.vn`
SIGNATURE_MAX_WORDS = 5  # an office's name (`VĂN PHÒNG CHÍNH PHỦ`); a title has more words
# An outlet's name alone in parentheses: capitals (`TTXVN`, `VOV`) or a site (`TTXVN/Vietnam+`, `Chinhphu.vn`).
_OUTLET = re.compile(r"^(?:[A-ZĐ]{2}|[^\s()]*[./+])")
# Words inside parentheses that make them a photo credit or an attribution, not an outlet.
_NOT_SOURCE = re.compile(r"^(?:ảnh|nguồn|theo|photo|video|clip|tin)\b", re.IGNORECASE)

_CREDIT_WORD = r"(?:[ẢảAa]nh|ẢNH|Photo|PHOTO)"
_CREDIT_KIND = r"(?:\s+(?:minh\s+h[oọ]ạ?a?|tư\s+liệu))?"  # `Ảnh minh họa`, `Ảnh tư liệu`
# A credit's name may hold initials (`T.Lâm`, `H. Long`) and sites (`VOV.VN`, `baochinhphu.vn`),
# never another full stop.
_CREDIT_NAME = r"(?:[^.!?:()]|(?<=\b[A-ZĐ])\.|\.(?=(?:vn|VN|com|net|org)\b)){1,80}"
# A paragraph ending in a photo credit: `… (Ảnh: TTXVN)`, `… (Ảnh: Hải Long).`,
# `… Ảnh: Quang Hải`, `… Ảnh: T.Lâm`, `… Ảnh minh họa: TTXVN`, `(Ảnh minh họa)`, `(Ảnh tư liệu)`,
# and after a space alone, a credit word in capitals: `… Đại sứ Lào ẢNH: TTXVN`, `… lễ Ảnh: VOV`.
CAPTION = re.compile(
    rf"(?:\(\s*{_CREDIT_WORD}{_CREDIT_KIND}\s*(?::[^()]{{1,80}})?\)"
    rf"|(?:(?:^|[.!?…\"”)]\s*|\s[-–—|]\s*){_CREDIT_WORD}|\s(?:Ảnh|ẢNH)){_CREDIT_KIND}\s*:\s*{_CREDIT_NAME})\s*\.?$"
)
# A credit alone (`Ảnh: Hữu Chiến`, `(Ảnh: TTXVN)`): the caption is the paragraph before it.
CREDIT_ALONE = re.compile(
    rf"^(?:\(\s*{_CREDIT_WORD}{_CREDIT_KIND}\s*:[^()]{{1,80}}\)|{_CREDIT_WORD}{_CREDIT_KIND}\s*:\s*{_CREDIT_NAME})\s*\.?$"
)
# A picture's placeholder with its alternative text: `[Ảnh: …]`, `[Hình ảnh: …]`.
_BRACKETED = re.compile(r"^\[\s*(?:Ảnh|Hình ảnh|Hình|Photo)\s*:\s*(?P<caption>[^\]]+?)\s*\]$", re.IGNORECASE)
CAPTION_TEXT_MAX_CHARS = 250  # a caption's text before a credit alone on the next line
CAPTION_SENTENCE_MAX_CHARS = 160  # … when it is a sentence (a paragraph's is longer, or several)
_SENTENCE_BREAK = re.compile(r"[.!?…][\"”’)]*\s")

_BYLINE_WORD = re.compile(r"^[^\W\d_][^\W\d_'’.-]*\.?$")
_INITIALLED = re.compile(r"^(?:[^\W\d_]\.\s?)+[^\W\d_][^\W\d_'’-]*$")  # `T.Lâm`: a name on its own
# What follows a name in a byline: `(từ Viêng Chăn)`, `(TTXVN)`, `(tổng hợp)`, `/VOV-Lào`,
# `/VOV-Viêng Chăn`, ` - Phóng viên VOV tại Lào`, ` - Thường trú VTV tại Lào`, ` thực hiện`.
_BYLINE_NOTE = re.compile(
    r"\s*(?:\([^()]{1,40}\)|/\s*[^\W\d_][\w.+-]{1,20}(?:\s+[^\W\d_][\w-]*){0,2}"
    r"|\s[-–,]\s*(?:Phóng\s+viên|PV|Biên\s+tập\s+viên|Thông\s+tấn\s+xã|Thường\s+trú)\b[^()]{0,40}"
    r"|\s+\(?thực\s+hiện\)?)$",
    re.IGNORECASE,
)
# What precedes the names: `Tin, ảnh: TUẤN HUY`, `Bài và ảnh: Nguyễn Hoàng`, `Tác giả: …`,
# `Người đăng: …`; `Ảnh: …` is a caption.
_BYLINE_ROLE = re.compile(
    r"^(?:(?:Tin|Bài|Video|Clip)(?:\s*(?:,|và|-|\+)\s*(?:tin|bài|ảnh|video|clip))*|Tác\s+giả|Người\s+(?:đăng|viết)|Thực\s+hiện"
    r"|Nội\s+dung|Lược\s+dịch|Biên\s+dịch)"
    r"\s*:\s*",
    re.IGNORECASE,
)
# The photographer after the writer, in a byline with its role: `Bài: Lê Minh - Ảnh: Trọng Hùng`
# (without a role, `Wat Xieng Thong - Ảnh: Hữu Chiến` is a caption).
_BYLINE_PHOTO = re.compile(
    r"\s[-–,]\s*(?:Ảnh|Đồ\s+họa|Đồ\s+hoạ|Giọng\s+đọc|Dựng\s+phim|Quay\s+phim)\s*:\s*[^\W\d_][^:()]{0,40}$",
    re.IGNORECASE,
)
_BYLINE_JOIN = re.compile(r"\s*[-–,]\s*|\s+và\s+")  # `Viết Tuân - Thanh Hằng`, `Thu Hằng, Hà Anh`
# The line under the writer's name in an author box at the end (`Đoàn Minh` / `Phóng viên Ban Kinh
# tế`): what the writer is, not a sentence of the article.
_WRITER_ROLE = re.compile(r"^(?:Phóng viên|Biên tập viên|Cộng tác viên|Nhà báo|Thường trú)\b[^.!?:]{0,60}$")
# An academic author's degrees before the name (`PGS.TS Nguyễn Văn Hòa`, `GS.TSKH …`), and the
# line under the name in such an author box: where they work (`Viện Nghiên cứu Đông Nam Á`).
_DEGREES = re.compile(r"(?:GS|PGS|TSKH|TS|ThS)(?:[.,]\s?(?:GS|PGS|TSKH|TS|ThS))*\.?", re.IGNORECASE)
_AFFILIATION = re.compile(
    r"^(?:Viện|Học\s+viện|Trường|Đại\s+học|Khoa|Bộ\s+môn|Giảng\s+viên|Nghiên\s+cứu\s+viên)\s[^.!?:]{0,80}$"
)
# A scholarly article's notes, below its author: `[1] Văn kiện …`, maybe under a label.
_FOOTNOTE = re.compile(r"^\[\d{1,3}\]\s*\S")
_NOTES_LABEL = re.compile(r"^(?:Chú\s+thích|Tài\s+liệu\s+tham\s+khảo|Ghi\s+chú)\s*:?$", re.IGNORECASE)
# Where a table's or a chart's figures come from, on the line under it: a note, not a heading.
_CREDIT_NOTE = re.compile(r"^(?:Nguồn|Nguồn số liệu|Số liệu|Đồ họa|Đồ hoạ)\s*:", re.IGNORECASE)
# A byline without a name: the outlet's reporter(s), `Phóng viên TTXVN tại Lào`.
_BYLINE_GENERIC = re.compile(
    r"(?:Nhóm\s+)?(?:PV|P\.V\.?|phóng\s+viên(?:(?:\s+[A-ZĐ][\w+/-]*){1,3}(?:\s+tại\s+[^\W\d_][\w ]{0,30})?)?|BTV|CTV)",
    re.IGNORECASE,
)
_SALUTATION = re.compile(r"^(?:Kính\s+thưa|Thưa|Kính\s+gửi)\s", re.IGNORECASE)  # a speech's or a letter's
_MINISTRY = re.compile(r"^Bộ\s", re.IGNORECASE)  # `BỘ NGOẠI GIAO …` signs a note; never its source
_CLOCK = re.compile(r"\d[:h]\d\d")  # a time of day in a dateline: `21:05`, `8h00`
_INTERVIEWER = re.compile(r"^(?:PV|P\.V|Phóng\s+viên|Hỏi|Câu\s+hỏi)\s*[:.-]", re.IGNORECASE)  # an interview's question
_EVENT_TIME = re.compile(r"^Thời\s+gian\b", re.IGNORECASE)  # when an event takes place
# A tag list's label alone on its line; the tags, one on each line, follow (`tag_list_at`).
_TAG_LABEL = re.compile(r"^(?:Từ khóa|Từ khoá|Tags?)\s*:$", re.IGNORECASE)
TAG_MAX_CHARS = 40
TAGS_MAX = 8  # tags without their label under the byline at the end (`tags_at`)
# A reporter's role before each name in a byline (`BTV Thu Hà, PV Hoàng Anh`): not part of it.
_NAME_ROLE = re.compile(r"(?:^|(?<=,\s)|(?<=[-–]\s))(?:BTV|PV|CTV|Nhà\s+báo)\s+(?=[A-ZĐ])")
# A letter's closing, alone on its line above the signature (`Thân ái,` above `Lương Cường`).
LETTER_CLOSINGS = ("Thân ái", "Thân mến", "Trân trọng", "Trân trọng cảm ơn", "Kính thư", "Kính chào")
_LETTER_CLOSING = re.compile(rf"^(?:{'|'.join(LETTER_CLOSINGS)})\s*,?$", re.IGNORECASE)
# A seed pasted twice with different ends (`pasted_again`): the paragraph that marks the second
# copy, and how many paragraphs in a row from it the two copies must share.
REPEAT_ANCHOR_MIN = 80
REPEAT_MIN = 3  # two (a quote said again with its speaker, a summary box) are the article's
SIGNATURE_LINES = 2  # under a letter's closing: the signer's name and their title, in either order
# `Hà Nội, ngày 7/10/2025` as the last line: where and when the text was written.
CLOSING_DATELINE = dates.PLACE_AND_DATE
_ALL_CAPS_MIN_LETTERS = 4
# A hard-wrapped page (`wrap_width`): its longest line, in characters; a line at least this part
# of it is full; and how many full lines going on to the next make a page wrapped.
WRAP_WIDTH = (40, 110)
WRAP_FULL = 0.8
WRAP_LINES_MIN = 3
# An item of a list: `1. …`, `2) …`, `a) …`, `- …`, `• …`.
_LIST_ITEM = re.compile(r"^(?:\d{1,2}[.)]|[a-zđ]\)|[-–•+*])\s")
# A part of a series under its name: `Kỳ 1: Ký ức không phai`, `Bài 2 - …`, `Phần cuối: …`.
# (`match` at a line's start; `search` in a title: `Hành trình kết nối - Kỳ 2: …`)
_SERIES_PART = re.compile(r"\b(?:Kỳ|Bài|Phần)\s+(?P<part>\d{1,2}|[IVX]{1,4}|cuối)\s*[:.–-]", re.IGNORECASE)
ENGLISH_MIN_WORDS = 4  # an original headline in English under a translation's title
SERIES_LINKS_AT = 2  # paragraphs at the top and at the end that may link to another part of the series
# A name above the dateline has at most this many words: five words in capitals under a title in
# capitals are its second line (`BƯỚC VÀO GIAI ĐOẠN MỚI`).
TOP_BYLINE_MAX_WORDS = 4
TOP_LINES_MAX = 4  # short lines above the dateline or the sapo: a kicker, a site's name, the title…
KICKER_MAX_WORDS = 6
# A dateline that says when the article was published or updated: at the end, the article's
# date (`Thời gian: 8h00, 29/11/2025` under an announcement is the event's). The label that names
# publication comes first when a dateline has two dates.
_PUBLISHED = re.compile(
    r"^(?:Cập\s+nhật|Ngày\s+(?:đăng|cập\s+nhật|xuất\s+bản)|Đăng|Xuất\s+bản|Posted|Updated|Published)\b", re.IGNORECASE
)
_PUBLISHED_FIRST = re.compile(r"^(?:Ngày\s+(?:đăng|xuất\s+bản)|Đăng|Xuất\s+bản|Posted|Published)\b", re.IGNORECASE)
# A paper's name above the title (`Báo Quân đội nhân dân`): the site's masthead.
_PAPER = re.compile(
    r"^(?:Báo|Tạp chí|Đài|Cổng thông tin|Cổng TTĐT|Trang tin)(?:\s+điện\s+tử)?\s+(?P<name>\S+(?:\s+\S+){0,4})$",
    re.IGNORECASE,
)
# The time alone on the line below the date: `09:15`.
_TIME_ALONE = re.compile(
    r"^\d{1,2}[:h]\d{2}(?::\d{2})?(?:\s*(?:AM|PM|SA|CH))?(?:\s*\(?GMT\s*\+\s*7\)?)?$", re.IGNORECASE
)
_ACRONYM_PAIR = re.compile(r"^[A-ZĐ][A-ZĐ0-9]+\s*[-–—]\s*[A-ZĐ][A-ZĐ0-9]+\b")  # `EVN - EDL …`
# The first words of an office, an outlet or a place, never of a name (`Bộ Ngoại Giao`, `BỘ NGOẠI
# GIAO`, `Tin Tức`, `Văn phòng Chính phủ`). Words that also start names (`Thành Đông`, `Trung
# Kiên`, `Quân Minh`) count only with the word that makes them an office.
_NOT_A_NAME = re.compile(
    r"^(?:Bộ|Báo|Tin|Đài|Tạp|Sở|Ủy|UBND|Ban|Cổng|Viện|Cục|Hội|Tỉnh|Phòng|Vụ|Văn\s+phòng|Thành\s+(?:phố|ủy)"
    r"|Trung\s+(?:tâm|ương)|Quân\s+(?:đội|khu|chủng)|Thủ\s+(?:đô|tướng)|Tuổi\s+trẻ|Thời\s+(?:báo|sự)"
    r"|Tổng\s+(?:cục|công\s+ty|lãnh\s+sự)|Đại\s+sứ\s+quán)\b",
    re.IGNORECASE,
)


_NEVER = re.compile(r"(?!)")
# Emoji and arrows before a line's words (`👉 Xem thêm: …`, `>> …`); not a list item's marker
# (`- Đăng ký`, `• Xem kết quả` are the article's steps).
_MARKS = r"(?:(?![-–•+*]\s)[^\w\s(\[©]+\s*)?"


@dataclass(frozen=True)
class Boilerplate:
    """Compiled boilerplate patterns, one expression per kind (each line is matched once per kind,
    not once per pattern): lines to drop, lines that start a block to cut, lines dropped only
    above the article (site section names, breadcrumbs), and lines that end the article (comments,
    the site's footer: what follows them is dropped too). With them, the outlets' names of
    data/sources.yml, whose lines are read as the source (a masthead, a last line)."""

    drop: re.Pattern[str] = _NEVER
    cut: re.Pattern[str] = _NEVER
    top: re.Pattern[str] = _NEVER
    end: re.Pattern[str] = _NEVER
    outlets: frozenset[str] = frozenset()  # `outlet_form`s of the outlets' names (data/sources.yml)
    outlet_cases: frozenset[tuple[str, tuple[bool, ...]]] = frozenset()  # with each spelling's capitals

    @classmethod
    def compile(
        cls,
        drop: Sequence[str],
        cut: Sequence[str],
        top: Sequence[str] = (),
        end: Sequence[str] = (),
        outlets: Iterable[str] = (),
    ) -> Boilerplate:
        def whole_line(patterns: Sequence[str]) -> re.Pattern[str]:
            # After what marks a line out (`👉 Xem thêm: …`, `>> Xem thêm: …`, `▶️ VIDEO: …`).
            either = "|".join(rf"(?:{p})\Z" for p in patterns)
            return re.compile(f"{_MARKS}(?:{either})", re.IGNORECASE) if patterns else _NEVER

        spellings = list(outlets)
        names = frozenset(map(outlet_form, spellings))
        cases = frozenset((outlet_form(s), _capitals(s)) for s in spellings)
        return cls(whole_line(drop), whole_line(cut), whole_line(top), whole_line(end), names, cases)

    def outlet(self, line: str) -> bool:
        """A line that is only an outlet's name (`Lao Động`, `Vietnam+`, `Baonghean.vn`): the
        site's masthead above the title, or the source under the article. Written with the
        registry's capitals, in capitals, or as a site's address (`Lao động`, a section of a
        paper, is not `Lao Động`)."""
        if len(line) > OUTLET_MAX_CHARS or (form := outlet_form(line)) not in self.outlets:
            return False
        return "." in line or line.isupper() or (form, _capitals(line)) in self.outlet_cases

    def dropped(self, line: str) -> bool:
        return self.drop.match(line) is not None

    def cuts(self, line: str) -> bool:
        return self.cut.match(line) is not None

    def at_top(self, line: str) -> bool:
        return self.top.match(line) is not None

    def ends(self, line: str) -> bool:
        return self.end.match(line) is not None


def _capitals(text: str) -> tuple[bool, ...]:
    """Which words of `text` start with a capital: `Lao Động` (True, True), `Lao động` (True, False)."""
    return tuple(word[:1].isupper() for word in text.split())


# --- line and paragraph predicates ---------------------------------------------------------


def is_table(text: str) -> bool:
    """A table's rows made one paragraph (`with_tables`): cleaned lines hold no other tab."""
    return "\t" in text


def ends_sentence(text: str) -> bool:
    return _unquoted(text).endswith(tuple(SENTENCE_END))


def _unquoted(text: str) -> str:
    """`text` without the closing quotes and brackets after its last word or stop (`… Lào.”`)."""
    return text.rstrip('"”’)»')


def is_dateline(text: str) -> bool:
    """`Thứ Sáu, 06/12/2024 14:32 (GMT+7)`, `10-07-2024, 18:55` alone on a line; also the time
    alone (`09:15`), which some templates print on the line below the date."""
    return bool(dates.DATELINE.match(text) or _TIME_ALONE.match(text))


def is_caption(text: str) -> bool:
    """A paragraph ending in a photo credit."""
    # A credit ends in `)` or follows a `:`: paragraphs without either are not searched.
    return len(text) <= CAPTION_MAX_CHARS and (")" in text or ":" in text) and bool(CAPTION.search(text))


def _credited(text: str) -> bool:
    """A caption whose credit names someone (`… tốt nghiệp. Ảnh: NTCC`), not a bare `(ảnh)`."""
    m = CAPTION.search(text) if len(text) <= CAPTION_MAX_CHARS and ":" in text else None
    return m is not None and ":" in m.group()


def bracketed_caption(text: str) -> str | None:
    """The caption inside a picture's placeholder, when it ends in a credit: `[Ảnh: Thủ tướng Lào
    tiếp Bộ trưởng. (Ảnh: Phạm Kiên/TTXVN)]` → `Thủ tướng Lào tiếp Bộ trưởng. (Ảnh: Phạm Kiên/TTXVN)`
    (`[Ảnh]`, `[Hình ảnh: Lễ đón]` hold none)."""
    m = _BRACKETED.match(text)
    return m.group("caption") if m and is_caption(m.group("caption")) else None


def source_prefix(text: str) -> tuple[str | None, str]:
    """Split `VOV.VN - Ngày 26/02/2024, …` into (`VOV.VN`, `Ngày 26/02/2024, …`); also
    `Viêng Chăn (TTXVN) - …` and `Hà Nội, 24/11/2025 (TTXVN) - …` (a place in capitals)."""
    m = SOURCE_PREFIX.match(text)
    if not m:
        return None, text
    name = m.group("paren") or m.group("tag") or m.group("initials")
    if _NOT_SOURCE.match(name) or name[0].islower():
        return None, text
    if m.group("place") and not all(word[0].isupper() for word in m.group("place").split()):
        return None, text  # `Sáng nay (theo …) -`: not a place
    return name.strip(), text[m.end() :].strip()


def source_line(text: str) -> str | None:
    """`(VTC News) -` or `VOV.VN -` alone on its line: the outlet name."""
    m = SOURCE_LINE.match(text)
    if not m:
        return None
    name = m.group("paren") or m.group("tag")
    if m.group("tag") and not text.rstrip().endswith(("-", "–", "—")):
        return None  # a bare upper-case word alone is a heading, not a source
    if _NOT_SOURCE.match(name) or name[0].islower():
        return None
    return name.strip()


def is_all_caps(text: str) -> bool:
    """At least four letters, all upper case (stops at the first letter that is not)."""
    letters = 0
    for c in text:
        if c.isalpha():
            if not c.isupper():
                return False
            letters += 1
    return letters >= _ALL_CAPS_MIN_LETTERS


def looks_like_title(text: str) -> bool:
    """A short line that is not a sentence, a dateline, a source-prefixed lede or a caption.

    Titles may end in `?` or `!`, never in a full stop (`… khẳng định: “…Lào.”` is a lede). Two
    upper-case words joined by a dash start a title, not a lede's source prefix, when no full
    stop ends the line (`EVN - EDL ký hợp đồng …`; `TTXVN - Hai bên …` is a prefix)."""
    if len(text) > TITLE_MAX_CHARS or len(text.split()) > TITLE_MAX_WORDS or _ends_full_stop(text) or is_table(text):
        return False
    prefixed = source_prefix(text)[0] is not None and not _ACRONYM_PAIR.match(text)
    return (
        not prefixed
        and not is_dateline(text)
        and source_line(text) is None
        and not is_caption(text)
        and any(c.isalpha() for c in text)
    )


def _ends_full_stop(text: str) -> bool:
    """A full stop last, closing quotes and brackets aside (`… Lào.”`)."""
    return _unquoted(text).endswith(".")


def looks_like_heading(text: str) -> bool:
    """A short line without a closing full stop (or an ALL-CAPS line) between paragraphs."""
    if is_caption(text) or is_dateline(text) or (text[:1] + text[-1:]) in ("()", "[]"):
        return False  # `(Còn nữa)`: a series goes on; `[Nhạc hiệu]`: a transcript's note
    if _CREDIT_NOTE.match(text):
        return False  # `Nguồn: Cục Hải quan` under a table or a chart
    shaped = (is_all_caps(text) and len(text) <= TITLE_MAX_CHARS) or (
        len(text) <= HEADING_MAX_CHARS
        and len(text.split()) <= HEADING_MAX_WORDS
        and not ends_sentence(text)  # nor a quote (`“… quên.”`), a question or an exclamation
        and not text.endswith((",", ";", ":"))
        and any(c.isalpha() for c in text)
    )
    # Nor a speech's `Kính thưa …`, nor a telegram's `Hà Nội, ngày 11 tháng 9 năm 2025` above its signature.
    return shaped and not (_SALUTATION.match(text) or CLOSING_DATELINE.match(text))


def byline(text: str) -> str | None:
    """A last line that is only names: the author(s), as written, without what follows them.

    `Ngọc Ánh`, `BÍCH QUYÊN`, `T.Lâm`, `Viết Tuân - Thanh Hằng`, `Thu Hằng, Hà Anh`,
    `Hữu Chiến (từ Viêng Chăn)` → `Hữu Chiến`, `Anh Tuấn/VOV-Lào` → `Anh Tuấn`; `PV`, `Nhóm PV`.
    """
    if len(text) > BYLINE_MAX_CHARS or is_table(text):
        return None  # a paragraph (every seed's last paragraph is asked), a table
    role = _BYLINE_ROLE.match(text)
    names = _BYLINE_NOTE.sub("", _BYLINE_PHOTO.sub("", text[role.end() :]) if role else text)
    if _BYLINE_GENERIC.fullmatch(names):
        return names
    names = _NAME_ROLE.sub("", names)
    if _NOT_A_NAME.match(names) or names[:5].lower() == "theo ":
        return None  # an office signs (`BỘ NGOẠI GIAO`); `Theo Đức Quang (…)` is an `attribution`
    return names if names and all(map(_is_name, _BYLINE_JOIN.split(names))) else None


def _is_name(text: str) -> bool:
    """Two to five capitalised words (`Ngọc Ánh`, `H. Long`), or an initialled name (`T.Lâm`)."""
    words = text.split()
    if len(words) == 1:
        return bool(_INITIALLED.match(words[0])) and words[0][0].isupper()
    return 2 <= len(words) <= BYLINE_MAX_WORDS and all(_BYLINE_WORD.match(w) and w[0].isupper() for w in words)


def scholar(text: str) -> str | None:
    """A scholar's name after their degrees, as written: `PGS.TS Nguyễn Văn Hòa`, `PGS, TS NGUYỄN
    VĂN THẮNG`, `GS. TSKH Trần Văn Nam`."""
    m = _DEGREES.match(text)
    if m is None or len(text) > BYLINE_MAX_CHARS or not text[m.end() : m.end() + 1].isspace():
        return None
    return text if _is_name(text[m.end() :].strip()) else None


def top_byline(text: str, title: str) -> str | None:
    """`byline` for a line above the dateline or the sapo: names of at most four words, maybe after
    a role (`Tin, ảnh: Phan Anh`, `Người đăng: Hồng Nhung`), with no note such as `(TTXVN)`
    (`Viêng Chăn (TTXVN)` is where the wire was filed), not an office or an outlet, and not a
    name the title holds (`… Lào Thongloun Sisoulith thăm Việt Nam`)."""
    names = byline(text)
    if names is None or names != _BYLINE_ROLE.sub("", text) or text in title:
        return None
    if any(len(name.split()) > TOP_BYLINE_MAX_WORDS for name in _BYLINE_JOIN.split(names)):
        return None
    return names


def attribution(text: str) -> tuple[str, str] | None:
    """`Theo Đức Quang (Báo Hà Tĩnh)` as the last line: the author and the outlet of the article
    this one was taken from."""
    m = _ATTRIBUTION.match(text)
    if not m or byline(m.group("names")) != m.group("names") or not _OUTLET_NAME.match(m.group("outlet")):
        return None
    return m.group("names"), m.group("outlet")


_OUTLET_DASH = re.compile(rf"(?P<name>[^\s\-–—][^\-–—]{{0,{OUTLET_MAX_CHARS}}}?)\s+[-–—]\s+(?=\S)")


def outlet_prefix(text: str, boilerplate: Boilerplate) -> tuple[str | None, str]:
    """Split `Kinhtedothi - Chiều 16/3, …` when the words before the dash are an outlet's name
    (data/sources.yml) that `source_prefix`'s forms miss."""
    head = text[: OUTLET_MAX_CHARS + 3]
    m = _OUTLET_DASH.match(text) if "- " in head or "– " in head or "— " in head else None
    # A sapo's first word is a capital's or a number (`Tuổi trẻ - hai tiếng ấy …` is a sentence).
    if m and (text[m.end()].isupper() or text[m.end()].isdigit()) and boilerplate.outlet(m.group("name")):
        return m.group("name"), text[m.end() :]
    return None, text


_DIGIT = re.compile(r"\d")
_OUTLET_DATE = re.compile(r"(?P<name>[^\d\s][^\d]{0,60}?)\s*[,|–—-]\s*(?=\d|Thứ|Ngày|Chủ)")


def outlet_dateline(text: str, boilerplate: Boilerplate) -> tuple[str, str] | None:
    """`Báo Hà Tĩnh - 05/03/2025 15:30`, `Vientiane Times, 14/08/2025`: an outlet's name before
    a dateline (data/sources.yml), split into the two."""
    # A dateline has a digit near its end (`… 15:30`, `08:30 (Giờ Hà Nội)`, `235 lượt xem`).
    if len(text) > OUTLET_MAX_CHARS + 60 or not _DIGIT.search(text, len(text) - 16):
        return None
    if not (m := _OUTLET_DATE.match(text)):
        return None
    if not (boilerplate.outlet(m.group("name")) and is_dateline(text[m.end() :])):
        return None
    return m.group("name"), text[m.end() :]


def letter_closing_at(paras: Sequence[str]) -> int | None:
    """Where a letter's closing stands (`Thân ái,`, `Trân trọng`, `Kính thư`) when only its
    signature is below it: one or two short lines (the signer's name, their title)."""
    for back in range(1, min(len(paras), SIGNATURE_LINES + 1) + 1):
        if back > 1 and _LETTER_CLOSING.match(paras[-back]):
            return len(paras) - back
        if len(paras[-back]) > BYLINE_MAX_CHARS:
            return None
    return None


def notes_at(paras: Sequence[str]) -> int:
    """Where a scholarly article's notes at the end start (`[1] Văn kiện …`, maybe under
    `Tài liệu tham khảo:`); `len(paras)` without them."""
    at = len(paras)
    while at > 1 and _FOOTNOTE.match(paras[at - 1]):
        at -= 1
    if at < len(paras) and at > 1 and _NOTES_LABEL.match(paras[at - 1]):
        at -= 1
    return at


def _closing(text: str) -> bool:
    """`Hà Nội, ngày 7/10/2025` as the last line, in a year the digest covers (a proclamation's
    `Viêng Chăn, ngày 2 tháng 12 năm 1975` stays in the text)."""
    m = CLOSING_DATELINE.match(text)
    return m is not None and int(m.group("year")) >= dates.HISTORY_BEFORE


def signs(text: str) -> bool:
    """An office's name alone as the last line: who signs a statement (`BỘ NGOẠI GIAO`)."""
    return _NOT_A_NAME.match(text) is not None and len(text.split()) <= SIGNATURE_MAX_WORDS and not ends_sentence(text)


def source_trailer(text: str) -> str | None:
    """`Theo TTXVN`, `Nguồn: TTXVN`, `(TTXVN/Vietnam+)` as the last line: the outlet the article
    was taken from."""
    m = SOURCE_TRAILER.match(text)
    if not m:
        return None
    name = (m.group("name") or m.group("paren")).strip()
    if not (name[0].isupper() or name[0].isdigit()) or len(name.split()) > SOURCE_TRAILER_WORDS:
        return None  # `Theo dự kiến đoàn sẽ về nước ngày 26/11.`: a sentence
    if m.group("paren") and not _OUTLET.match(name):
        return None  # `(Hết)`, `(Kỳ 2)`: not an outlet
    return None if _NOT_SOURCE.match(name) else name


# --- paragraph assembly --------------------------------------------------------------------


def remove_boilerplate(lines: Sequence[str], boilerplate: Boilerplate) -> list[str]:
    """Drop boilerplate lines; drop everything from a line that ends the article (`Bình luận (3)`);
    cut a related-links block: its heading (`Tin liên quan`) and the headlines and teasers under
    it, to the end, or to where the article goes on (`related_end`).

    An end line above the article's first sentence (or caption), or a block's heading above anything but
    menus and datelines, is an item of the site's menu (`Tin mới` above the title): dropped
    alone. A byline after a block that runs to the end is kept.
    """
    # No sentence at all: every such line is above the article (a seed of headlines is not cut).
    start = next(
        (
            i
            for i, line in enumerate(lines)
            if (ends_sentence(line) or is_caption(line)) and not boilerplate.dropped(line)
        ),
        len(lines),
    )
    # A sentence never ends the article (`Giấy phép số 123 được cấp cho dự án …`).
    stop = next(
        (
            i
            for i in range(start, len(lines))
            if (boilerplate.ends(lines[i]) and not ends_sentence(lines[i])) or tag_list_at(lines, i)
        ),
        len(lines),
    )
    kept: list[str] = []
    menu = True  # only menus and datelines kept so far
    at = 0
    while at < stop:
        line = lines[at]
        if not line:
            kept.append(line)
        elif boilerplate.dropped(line) or (at < start and boilerplate.ends(line)) or (menu and boilerplate.cuts(line)):
            if at >= start and (caption := bracketed_caption(line)):
                kept.append(caption)  # a picture's placeholder that holds its caption and credit
                # (above the article's first sentence, the lead picture's: dropped, as before the title)
        elif boilerplate.cuts(line):
            end = related_end(lines[:stop], at + 1, boilerplate)
            if end is None:
                last = next((x for x in reversed(lines[at + 1 : stop]) if x and not boilerplate.dropped(x)), "")
                if byline(last):  # the author's name, after the links
                    kept += ["", last]
                break
            kept.append("")  # what follows is a paragraph of its own
            at = end
            continue
        else:
            kept.append(line)
            menu = menu and (boilerplate.at_top(line) or is_dateline(line))
        at += 1
    return kept


def tag_list_at(lines: Sequence[str], at: int) -> bool:
    """`Từ khóa:` or `Tags:` alone on line `at`, and under it only tags to the end: short lines,
    no sentence (a quiz's `Từ khóa:` above its answer and more text is the article's)."""
    return _TAG_LABEL.match(lines[at]) is not None and all(
        len(line) <= TAG_MAX_CHARS and not ends_sentence(line) and not line.endswith(":")
        for line in lines[at + 1 :]
        if line
    )


def _tag(text: str, boilerplate: Boilerplate) -> bool:
    return (
        len(text) <= TAG_MAX_CHARS
        and not ends_sentence(text)
        and ":" not in text
        and not text.endswith((",", ";"))
        and not is_dateline(text)
        and not boilerplate.outlet(text)
        and source_trailer(text) is None
    )


def tags_at(paras: Sequence[str], boilerplate: Boilerplate) -> int:
    """Where tags without their label start, under the byline at the end (`Đức Minh` above
    `Thương mại Việt - Lào kim ngạch` and `Hải quan`): two or more short lines, no sentence, and
    above them a name under the article's last sentence. `len(paras)` without them (one short line
    under a name says something of the writer: `Hữu Chiến` above `Viêng Chăn`)."""
    shaped = 0
    while shaped < min(TAGS_MAX + 1, len(paras)) and _tag(paras[-1 - shaped], boilerplate):
        shaped += 1
    for at in range(len(paras) - 3, len(paras) - 2 - shaped, -1):  # the name's line, from the lowest
        if at >= 1 and ends_sentence(paras[at - 1]) and byline(paras[at]):
            return at + 1
    return len(paras)


def related_end(lines: Sequence[str], start: int, boilerplate: Boilerplate) -> int | None:
    """Where the article goes on after a related-links block whose items start at `start`, or
    None if the block runs to the end.

    Items are headlines (no closing full stop), teasers (`VOV.VN - Sáng 23/2, …`, or cut off:
    `…`, U+FFFD) and boilerplate; the first other line is the article's next paragraph or a
    picture's caption (sites put a block of related links between paragraphs), or the
    sub-heading above it (`sub_heading_above`).
    """
    for at in range(start, len(lines)):
        line = lines[at]
        if not line or boilerplate.cuts(line) or boilerplate.dropped(line):
            continue
        if (
            is_table(line)
            or line.endswith(":")
            or not (_teaser(line) or looks_like_heading(line) or not ends_sentence(line) or _asks(line))
            or _credited(line)
        ):
            # A sentence, a line that introduces what follows (`Bộ trưởng nhấn mạnh:`), a caption
            # with its credit (`… tốt nghiệp. Ảnh: NTCC`; a headline's `(ảnh)` marks a link to pictures).
            return sub_heading_above(lines, start, at, boilerplate)
    return None


def sub_heading_above(lines: Sequence[str], start: int, at: int, boilerplate: Boilerplate) -> int:
    """Where the article goes on after a related-links block whose items start at `start`, when
    line `at` is its next paragraph: the line above it if that is its sub-heading, else `at`.

    A heading alone between blank lines under the block's headlines written as a run of lines
    (`Tin liên quan` / `` / two headlines / `` / `Tháo gỡ vướng mắc về vốn` / `` / the paragraph)
    is the article's: the site set its items apart otherwise. With blank lines between the
    headlines, or none anywhere, the line may be the last headline, and stays the block's.
    """
    if (above := _paragraph_above(lines, at)) is None:
        return at
    last = _paragraph_above(lines, above)  # the block's last headline, in a run of lines
    if last is None or last < start or not lines[last - 1]:
        return at
    line = lines[above]
    if boilerplate.cuts(line) or boilerplate.dropped(line) or _teaser(line) or not looks_like_heading(line):
        return at
    return above


def _paragraph_above(lines: Sequence[str], at: int) -> int | None:
    """The last line of the paragraph above line `at`, when blank lines stand between them."""
    above = at
    while above > 0 and not lines[above - 1]:
        above -= 1
    return above - 1 if 0 < above < at else None


def _teaser(line: str) -> bool:
    """A related article's teaser: `VOV.VN - Sáng 23/2, …`, or cut off (`…`, U+FFFD)."""
    return source_prefix(line)[0] is not None or line.endswith(("…", "...", "\ufffd"))


def _asks(line: str) -> bool:
    """A headline that asks (`Tranh chấp thừa kế có yếu tố nước ngoài: Giải quyết thế nào?`): short,
    and no interviewer's question (`PV: …?`)."""
    return line.endswith("?") and len(line) <= HEADING_MAX_CHARS and not _INTERVIEWER.match(line)


def table_row(line: str) -> list[str] | None:
    """The cells of a line copied from a table (`Chỉ tiêu\tNăm 2024\tNăm 2025`), each cleaned as a
    line is, when a tab stands between its words (an empty cell at either end is a tab there: a
    tab alone before the words indents a paragraph)."""
    if "\t" not in line.strip():
        return None
    cells = [clean_line(cell) for cell in line.split("\t")]
    return cells if any(cells) else None


def with_tables(raw: Sequence[str], lines: Sequence[str], header: int | None = None) -> list[str]:
    """`lines` (the cleaned `raw` lines) with each run of two or more table rows (`table_row`) made
    one line: the table's text (`model.table_text`). The first row sets the number of cells; a row
    of fewer is one of the table's, its empty cells at the end lost in the copy (a total,
    `Cộng\t9.900` under three columns), and one of more is not. A row alone stays a line, its tabs
    made spaces. `header` is the line that held a `date …` header."""
    rows = [table_row(line) if "\t" in line and at != header else None for at, line in enumerate(raw)]
    kept: list[str] = []
    at = 0
    while at < len(lines):
        run = [cells] if (cells := rows[at]) is not None else []
        while run and at + len(run) < len(lines) and (below := rows[at + len(run)]) and len(below) <= len(run[0]):
            run.append(below)
        if len(run) > 1:
            width = len(run[0])
            kept.append(table_text(row + [""] * (width - len(row)) for row in run))
            at += len(run)
        else:
            kept.append(lines[at])
            at += 1
    return kept


def wrap_width(lines: Sequence[str]) -> int | None:
    """The width of a hard-wrapped page (a print page, a PDF's text), or None for the usual seed.

    Such a page breaks every paragraph into lines of about the same length (its longest line,
    `WRAP_WIDTH` characters or so), most of them in mid-sentence. A seed with one paragraph on
    each line has longer lines, or short ones that end sentences (a brief, a list, a poem).
    """
    width = max(map(len, lines), default=0)
    if not WRAP_WIDTH[0] <= width <= WRAP_WIDTH[1]:
        return None
    pairs = [(line, below) for line, below in pairwise(lines) if below and len(line) >= WRAP_FULL * width]
    going_on = sum(1 for line, below in pairs if _wrapped(line, below, width))
    return width if going_on >= WRAP_LINES_MIN and going_on * 3 >= len(pairs) * 2 else None


def _wrapped(above: str, line: str, width: int | None) -> bool:
    """Whether `line` goes on from `above`, as the next line of a hard-wrapped page: the line above
    is full, and `line` is no list item (a dash before a word in lower case is the text's own,
    `khu kinh tế` / `- thương mại …`)."""
    return (
        width is not None
        and len(above) >= WRAP_FULL * width
        and not ends_sentence(above)
        and (not _LIST_ITEM.match(line) or (line[0] in "-–" and line[2:3].islower()))
        and not is_table(line)
        and not is_table(above)
    )


def paragraphs(lines: Sequence[str]) -> list[str]:
    """Group cleaned lines into paragraphs.

    Seeds put one paragraph on each line, with or without blank lines between (seed 001 has
    none). A line that does not end a sentence followed by one that starts in lower case is a
    hard wrap and is joined (not one that ends in a comma before a capital: the lines of a poem,
    `Việt - Lào hai nước chúng ta,`, a letter's `Thân ái,` above its signature; nor a table). On a
    hard-wrapped page (`wrap_width`), a full line that does not end a sentence goes on in the
    next, whatever it starts with. A paragraph repeating the one before it (scrapers duplicate
    headings and captions) is dropped.
    """
    width = wrap_width(lines)
    groups: list[list[str]] = []  # the lines of each paragraph: joined once, at the end
    lengths: list[int] = []  # each paragraph's length once joined
    joinable = False
    for line in lines:
        if not line:
            joinable = False
            continue
        if (
            joinable
            and groups
            and (
                (
                    line[0].islower()
                    and not ends_sentence(groups[-1][-1])
                    and not _LIST_ITEM.match(line)
                    and not is_table(line)
                    and not is_table(groups[-1][-1])
                )
                or _wrapped(groups[-1][-1], line, width)
            )
        ):
            groups[-1].append(line)
            lengths[-1] += 1 + len(line)
        elif not groups or len(line) != lengths[-1] or line != " ".join(groups[-1]):
            groups.append([line])
            lengths.append(len(line))
        joinable = True
    return [" ".join(group) for group in groups]


# --- the whole seed ------------------------------------------------------------------------


def parse_seed(text: str, boilerplate: Boilerplate, lines: list[str] | None = None) -> ParsedSeed:
    """Parse normalised seed text (NFC, `\\n` line ends). Never raises on any text.

    `lines`: `clean_lines(text)`, when the caller has made them already (they are changed)."""
    warnings: list[str] = []
    lines = clean_lines(text) if lines is None else lines

    header_date: PartialDate | None = None
    header_at: int | None = None  # the line that held it
    first = next((i for i, line in enumerate(lines) if line), None)
    if first is not None:
        header = dates.parse_header(lines[first])
        if header is not None:
            header_date, header_at = header.date, first
            lines[first] = clean_line(header.rest)
            if header.warning:
                warnings.append(header.warning)
    # The lines as copied, tabs kept: for an official document's columns and for tables.
    document: official.Document | None = None
    motto = official.HAS_MOTTO.search(text, 0, official.HEAD_CHARS_MAX) is not None
    if motto or "\t" in text:
        raw = text.split("\n")
        if header_at is not None:
            raw[header_at] = lines[header_at]
        if motto and (document := official.read(raw)) is not None:
            header_date = header_date or document.date
            lines, raw = official.text_only(lines, document), official.text_only(raw, document)
        if "\t" in text:
            lines = with_tables(raw, lines, header_at)

    paras = paragraphs(remove_boilerplate(lines, boilerplate))
    if once := repeated(paras):
        paras = once
        warnings.append("the text is there twice; the second copy was left out")

    # Top of the article: datelines, a lone source line, section names, then maybe a title.
    top_dates: list[str] = []
    # Outlets' names above the article, an official document's issuer: the source when the text names none.
    mastheads: list[str] = [document.issuer] if document is not None and document.issuer else []
    for i, para in enumerate(paras[: TOP_LINES_MAX + 2]):  # `Báo Hà Tĩnh - 05/03/2025 15:30`
        if (split := outlet_dateline(para, boilerplate)) is not None:
            mastheads.append(split[0])
            paras[i] = split[1]
            break
    taken, source = _take_top(paras, top_dates, None, boilerplate, mastheads)
    del paras[:taken]

    title: str | None = None
    author: str | None = None
    kept: list[str] = []  # lines between the title and the dateline that are the article's
    short = short_lines(paras)
    if short == 1 and len(paras) > 3 and is_dateline(paras[1]) and (names := top_byline(paras[0], "")):
        # A name alone above the dateline and the title below it (GD&TĐ: `Thanh Hương` / `Thứ hai
        # 09/06/2025 08:30` / the title / `GD&TĐ - …`): the author, when a title-like line follows.
        found: list[str] = []
        heads: list[str] = []
        taken, named = _take_top(paras[1:], found, source, boilerplate, heads)
        below = paras[1 + taken :]
        if short_lines(below) == 1 and len(below) > 1 and not ends_sentence(below[0]):
            author, source, paras = names, named, below
            top_dates += found
            mastheads += heads
    if 1 < short <= TOP_LINES_MAX and short < len(paras) and is_anchor(paras[short]):
        above = title_above(paras[:short], boilerplate)
        title, author, kept = above.title, above.author, list(above.kept)
        mastheads += [above.masthead] if above.masthead else []
        if above.kicker:
            warnings.append(
                f"the short line above the title, “{above.kicker}”, was left out as a site's or section's name: "
                "if it is the title, pin it with `title:`"
            )
        del paras[:short]
    elif short and (len(paras) > 1 or not ends_sentence(paras[0])):
        if short > 1 and _BYLINE_ROLE.match(paras[0]) and (names := top_byline(paras[0], "")):
            author = names  # `Bài và ảnh: Hồng Thủy` above the title, with no dateline below
            del paras[0]
        title = paras.pop(0)  # alone, a line that is no sentence is a title without its article
    if title is not None:
        taken, source = _take_top(paras, top_dates, source, boilerplate, mastheads)
        del paras[:taken]
        # The author's name alone below the title or its dateline, above the sapo (`Thành Đông`
        # above `(Dân trí) - …`, `Người đăng: Hồng Nhung` above `NTV - …`).
        if (
            author is None
            and not kept
            and not quoted(title)
            and len(paras) > 1
            and len(paras[0]) <= BYLINE_MAX_CHARS
            and is_anchor(paras[1])
            and (names := top_byline(paras[0], title))
        ):
            author = names
            del paras[0]
            taken, source = _take_top(paras, top_dates, source, boilerplate, mastheads)
            del paras[:taken]
        paras[:0] = kept
        # The title again near the top (scrapers repeat it under the sapo): once.
        again = next((i for i, p in enumerate(paras[:DATE_SEARCH_PARAGRAPHS]) if p == title), None)
        if again is not None:
            del paras[again]
    if author is None and document is not None:
        author = document.signer
    if title and (part := _SERIES_PART.search(title)):
        # Links to the series' other parts (`Bài 1: …` above the sapo of `… Kỳ 2: …`, the next
        # part's name under `(Còn nữa)`), at the top and at the end: not the article's text.
        # At the end, one more: the byline under them is still there.
        ends = [*range(min(SERIES_LINKS_AT, len(paras))), *range(max(len(paras) - SERIES_LINKS_AT - 1, 0), len(paras))]
        links = {at for at in ends if other_part(paras[at], part.group("part"))}
        paras = [p for at, p in enumerate(paras) if at not in links]
    # The page's dateline below the sapo or a byline (Znews, VTV), when none was above them: out of
    # the text; a name alone above it is the author (`Minh Khoa` above `Thứ ba, 20/1/2026 21:05
    # (GMT+7)`). It has a time; an event's `Thời gian: …`, a timeline's `Ngày 09/01/2025` and a
    # schedule's line under `Trận thứ nhất:` stay.
    at = (
        next(
            (
                i
                for i, p in enumerate(paras[1 : DATE_SEARCH_PARAGRAPHS + 1], 1)
                if dates.DATELINE.match(p)
                and _CLOCK.search(p)
                and not _EVENT_TIME.match(p)
                and not paras[i - 1].endswith(":")
            ),
            None,
        )
        if not top_dates and header_date is None
        else None
    )
    if at is not None and at < len(paras) - 1:
        top_dates.append(published_first(paras.pop(at)))
        if author is None and title and (names := top_byline(paras[at - 1], title)):
            author = names
            del paras[at - 1]
    # The lead picture's caption between the title and its dateline (`Ảnh: Hữu Chiến, Phạm Kiên`).
    if len(paras) > 1 and is_caption(paras[0]) and is_dateline(paras[1]):
        top_dates.append(published_first(paras.pop(1)))

    # The end: a byline, a `Theo …` source line and/or a closing `Hà Nội, ngày 7/10/2025` (or a
    # dateline alone, `Cập nhật: 24/11/2025`). An office's signature stays in the text, and so
    # does the closing above it (`Hà Nội, ngày 5 tháng 1 năm 2026` above `BỘ NGOẠI GIAO`).
    # A scholarly article's notes are below its author: set aside while the end is read.
    del paras[tags_at(paras, boilerplate) :]
    notes = notes_at(paras)
    footnotes = paras[notes:]
    del paras[notes:]
    closing: str | None = None
    signature: list[str] = []
    for _ in range(3):
        if len(paras) < 2 or is_table(paras[-1]):
            break
        last = paras[-1]
        if (name := source_trailer(last) or _outlet_under(paras, boilerplate)) is not None:
            if source is not None and name != source:
                break  # `Theo VOV` under `(VTC News) -`: the line stays, as the text credits it
            source = name
        elif author is None and (credit := attribution(last)) and source in (None, credit[1]):
            author, source = credit
        elif (
            author is None
            and len(paras) > 2
            and _WRITER_ROLE.match(last)
            and not paras[-3].endswith(":")  # `Một trong số đó là:` introduces a person, not the writer
            and (writer := byline(paras[-2]))
        ):
            author = writer  # an author box: the name, then what the writer is, which stays
            del paras[-2]
            break
        elif author is None and len(paras) > 2 and _AFFILIATION.match(last) and (writer := scholar(paras[-2])):
            author = f"{writer} ({last})"  # a scholar and where they work: `PGS.TS … (Viện …)`
            del paras[-2]
        elif (
            not signature
            and not boilerplate.outlet(last)  # `Tiền Phong` under a list's lead-in: text, never a writer
            and (names := byline(last))
            and (author is None or author in names)
            and letter_closing_at(paras) is None  # a letter's signer (`Thân ái,` above `Lương Cường`) stays
        ):
            # The names at the end hold the one at the top and more (`Hồng Nhung - Quang Huy`).
            if author is None and len(paras) > 2 and (writer := byline(paras[-2])) and writer != names:
                # `Quế Chi` above `Lao Động`, `Hữu Chiến` above `Viêng Chăn`, `Bài, ảnh: Hữu Chiến`
                # above `Video: …`: the writer, then a line about them or another credit, which stays.
                author = writer
                del paras[-2]
                break
            author = names  # (`Ngọc Hà` above `Nội dung: Ngọc Hà - Ảnh: NLĐ`: the name twice, both go)
        elif closing is None and (_closing(last) or (is_dateline(last) and _PUBLISHED.match(last))):
            closing = last
            if signature:  # where and when a statement was signed, above who signs it: both stay
                signature.insert(0, last)
        elif not signature and closing is None and signs(last):
            signature.append(last)
        else:
            break
        paras.pop()
    paras += signature + footnotes

    paras = with_credits_joined(paras)

    # The lede: the first paragraph that is not a caption; its source prefix is metadata (a
    # date in it, `Hà Nội, 24/11/2025 (TTXVN) -`, is still looked at). Below a sapo without one,
    # a wire's prefix starts the next paragraph (`Viêng Chăn (TTXVN) - `, as Vietnam+ prints it,
    # maybe under a picture's caption).
    # The lines kept between the title and the sapo come first (`Hội ngộ sau 50 năm` above `QĐND
    # Online - …`): the sapo's prefix is looked for below them too.
    texts = list(islice((i for i, p in enumerate(paras) if not is_caption(p) and not is_table(p)), 3 + len(kept)))
    if len(texts) > 1 and in_english(paras[texts[0]]):
        del texts[0]  # a translation's original headline under its title: it stays above the lede
    del texts[2 + len(kept) :]
    lede_at = texts[0] if texts else None
    if lede_at is not None:
        for at in texts:
            prefix, rest = source_prefix(paras[at])
            if prefix is None:
                prefix, rest = outlet_prefix(paras[at], boilerplate)
            m = SOURCE_PREFIX.match(paras[at])
            first = at == lede_at or at == texts[min(len(kept), len(texts) - 1)]
            if prefix is not None and rest and (first or (m and m.group("paren") and _OUTLET.match(prefix))):
                source = source or prefix
                top_dates.append(paras[at][: len(paras[at]) - len(rest)])
                paras[at] = rest
                break

    source = source or next(iter(mastheads), None)
    blocks = classify_blocks(paras, lede_at)
    lede = paras[lede_at] if lede_at is not None else None

    date = header_date
    if date is None:
        top = [
            *top_dates,
            *([title] if title else []),
            *paras[:DATE_SEARCH_PARAGRAPHS],
            *([closing] if closing else []),
        ]
        date, date_warnings = dates.find_text_date("\n".join(top))
        warnings.extend(date_warnings)

    return ParsedSeed(
        title=title,
        date=date,
        source=source,
        author=author,
        lede=lede,
        blocks=tuple(blocks),
        warnings=tuple(warnings),
    )


def other_part(text: str, part: str) -> bool:
    """Whether `text` is alone the name of a series' part other than `part` (`Bài 1: Con đường
    nối hai miền biên giới` in part 2)."""
    m = _SERIES_PART.match(text)
    return (
        m is not None
        and m.group("part").lower() != part.lower()
        and len(text) <= TITLE_MAX_CHARS
        and not ends_sentence(text)
    )


def in_english(text: str) -> bool:
    """A line of at least four words in English, no sentence (`Laos eyes East-West Economic
    Corridor to boost trade with Vietnam`): no letter Vietnamese adds to ASCII."""
    return text.isascii() and len(text.split()) >= ENGLISH_MIN_WORDS and not ends_sentence(text)


def is_anchor(text: str) -> bool:
    """A dateline, a source line or a source-prefixed sapo: what comes below the title."""
    return (
        is_dateline(text)
        or source_line(text) is not None
        or (source_prefix(text)[0] is not None and not looks_like_title(text))
    )


def short_lines(paras: Sequence[str]) -> int:
    """How many paragraphs at the top look like a title (`looks_like_title`), counted up to one
    more than TOP_LINES_MAX. When a dateline or a source-prefixed sapo follows them (`is_anchor`:
    an anchor never looks like a title), `title_above` tells their parts apart."""
    return next(
        (at for at, text in enumerate(paras[: TOP_LINES_MAX + 1]) if not looks_like_title(text)),
        min(len(paras), TOP_LINES_MAX + 1),
    )


@dataclass(frozen=True)
class Top:
    """What the short lines above the dateline or the sapo hold (`title_above`)."""

    title: str
    author: str | None = None
    masthead: str | None = None  # an outlet's name: the source when the text names none
    kicker: str | None = None  # a short line dropped above the title, told to the curator
    kept: tuple[str, ...] = ()  # the article's lines (a subtitle: the lede)


def title_above(lines: Sequence[str], boilerplate: Boilerplate) -> Top:
    """The title, the author, the masthead and the lines kept as text among the short lines above
    the dateline or the sapo.

    The first line is the title, and the lines after it stay in the text (a subtitle is the
    lede), except:
    - a byline with its role is the author wherever it stands (`Tin, ảnh: Phan Anh`), and so is a
      name between the title and the dateline (`Nhật Minh`, as Thanh Niên prints it; under a
      quoted title, a name is its speaker and stays);
    - an outlet's name (`Lao Động`, data/sources.yml) is the masthead, wherever it stands;
    - first lines that name a paper (`Báo Lai Châu`) or a section (`Boilerplate.top`), and one
      kicker (`Bộ đội Biên phòng Nghệ An`, `Tin tức - Sự kiện`: a few words, at most half as long
      as the line below it), are dropped, and the line below them is the title;
    - a title goes on in its next line after a colon (`Việt Nam - Lào:`), in capitals under
      capitals, and in a series' part (`Kỳ 1: Ký ức không phai`, joined after a dash).
    """
    outlets = [line for line in lines if boilerplate.outlet(line)]  # a masthead, anywhere
    rest = [line for line in lines if line not in outlets]
    masthead = outlets[0] if outlets and rest else None
    rest = rest or list(lines)
    author = None
    at = next((i for i, line in enumerate(rest) if _BYLINE_ROLE.match(line) and top_byline(line, "")), None)
    if at is not None and len(rest) > 1:
        author = top_byline(rest.pop(at), "")
    if author is None and len(rest) > 1 and not quoted(rest[-2]) and (names := top_byline(rest[-1], rest[-2])):
        author = names
        rest.pop()
    kicker = None
    while len(rest) > 1:
        if _paper(rest[0]) or boilerplate.at_top(rest[0]):
            del rest[0]  # a paper's name, then a section name (`Báo Lai Châu` / `Thế giới`)
        elif kicker is None and _kicker(rest[0], rest[1]):
            kicker = rest.pop(0)
        else:
            break
    title, kept = rest[0], rest[1:]
    if author is None and kept and (writer := scholar(kept[0])):
        # A scholar under the title, maybe above where they work (Tạp chí Cộng sản): the author.
        where = kept[1] if len(kept) > 1 and _AFFILIATION.match(kept[1]) else None
        author, kept = (f"{writer} ({where})", kept[2:]) if where else (writer, kept[1:])
    if kept and (title.endswith(":") or (is_all_caps(title) and is_all_caps(kept[0]))):
        title, kept = f"{title} {kept[0]}", kept[1:]
    elif kept and _SERIES_PART.match(kept[0]):
        title, kept = f"{title} – {kept[0]}", kept[1:]
    return Top(title, author, masthead, kicker, tuple(kept))


def _outlet_under(paras: Sequence[str], boilerplate: Boilerplate) -> str | None:
    """The last paragraph when it is an outlet's name (`Vientiane Times`, `Lao Động` under `Quế
    Chi`) under a sentence or a byline: the source. Under a list's items or its lead-in (`…
    gồm:` / `Báo Nhân Dân` / `Thông tấn xã Việt Nam`), and an office's signature, it is text."""
    last, above = paras[-1], paras[-2]
    if not boilerplate.outlet(last) or _MINISTRY.match(last) or above.endswith(":"):
        return None
    return last if ends_sentence(above) or byline(above) else None


def _paper(line: str) -> bool:
    """A paper's name (`Báo Lai Châu`, `Tạp chí Quốc phòng`, `Cổng TTĐT Sở Công Thương`): the kind of
    outlet, then a name in capitals (`Báo Lào ca ngợi Đại hội`, `Đài tưởng niệm tại …` are titles)."""
    m = _PAPER.match(line)
    return m is not None and all(_capitals(m.group("name")))


def _kicker(line: str, below: str) -> bool:
    """A few words above a title at least twice as long: a kicker, the site's or a section's name."""
    return (
        len(line.split()) <= KICKER_MAX_WORDS
        and 2 * len(line) <= len(below)
        and not line.endswith(":")  # the title's first part (`Việt Nam - Lào:`)
        and not below.endswith((",", ";"))  # the lines of a poem
        and not _SERIES_PART.match(below)
    )


def quoted(text: str) -> bool:
    """A line that opens with a quote mark: a title that is a quote (`“Việt Nam là người bạn thủy
    chung nhất của Lào”`), an epigraph."""
    return text[:1] in "“\"«'‘"


def published_first(dateline: str) -> str:
    """A dateline with its publication date first: `Cập nhật: 03/12/2025 | Xuất bản: 28/11/2025`
    → `Xuất bản: 28/11/2025 | Cập nhật: 03/12/2025` (the first date found is the article's)."""
    parts = dateline.split("|")
    at = next((i for i, part in enumerate(parts) if _PUBLISHED_FIRST.match(part.strip())), 0)
    return "|".join([parts[at], *parts[:at], *parts[at + 1 :]]) if at else dateline


def _take_top(
    paras: Sequence[str], top_dates: list[str], source: str | None, boilerplate: Boilerplate, mastheads: list[str]
) -> tuple[int, str | None]:
    """How many leading paragraphs are datelines (added to `top_dates`), a lone source line, an
    outlet's name (added to `mastheads`), or a site's section name or breadcrumbs
    (`Boilerplate.top`)."""
    taken = 0
    while taken < len(paras):
        text = paras[taken]
        if is_dateline(text):
            top_dates.append(published_first(text))
        elif source is None and (name := source_line(text)):
            source = name
        elif boilerplate.outlet(text):
            mastheads.append(text)  # `Vietnam+`, `Lao Động`: the source, unless the text credits one
        elif not boilerplate.at_top(text):
            break
        taken += 1
    return taken, source


def with_credits_joined(paras: Sequence[str]) -> list[str]:
    """A photo credit alone (`Ảnh: Hữu Chiến`) joined to the short line before it that is no
    sentence and no list item, or, below the lede, one short sentence (a photo essay's
    `Đoàn nghệ thuật … biểu diễn điệu múa lăm vông.` above `Ảnh: Thành Cường`): its caption."""
    joined: list[str] = []
    for p in paras:
        before = joined[-1] if joined else ""
        if (
            before
            and CREDIT_ALONE.match(p)
            and len(before) <= CAPTION_TEXT_MAX_CHARS
            # a sapo, a quote, a paragraph: the credit is a picture's own
            and (not ends_sentence(before) or (len(joined) > 1 and _caption_sentence(before)))
            and not _LIST_ITEM.match(before)
            and not is_caption(before)
            and not is_table(before)
            and source_prefix(before)[0] is None
        ):
            joined[-1] = f"{before.rstrip()} {p}" if p.startswith("(") else f"{before.rstrip(' .')}. {p}"
        else:
            joined.append(p)
    return joined


def _caption_sentence(text: str) -> bool:
    """One sentence of at most CAPTION_SENTENCE_MAX_CHARS, ending in a full stop."""
    return (
        len(text) <= CAPTION_SENTENCE_MAX_CHARS
        and text.endswith(".")
        and not _SENTENCE_BREAK.search(text, 0, len(text) - 1)
    )


def repeated(paras: Sequence[str]) -> list[str] | None:
    """The text once when the paragraphs hold it twice (a seed pasted twice), else None: the
    first half of two equal halves, or what `pasted_again` finds."""
    half, odd = divmod(len(paras), 2)
    if half and not odd and paras[:half] == paras[half:]:
        return list(paras[:half])
    return pasted_again(paras)


def pasted_again(paras: Sequence[str]) -> list[str] | None:
    """The text once when a second copy follows the first but their ends differ: the second was
    pasted without the title, or with its own dateline, or one of them was cut short.

    The copies are found by the first long paragraph (at least REPEAT_ANCHOR_MIN characters),
    found again further on, and the REPEAT_MIN or more paragraphs from each that agree. The
    longer copy is kept, under the first copy's top lines. Short lines between the copies that
    are the second copy's own top (the title again, a dateline) go with it; others stay."""
    a = next((i for i, p in enumerate(paras) if len(p) >= REPEAT_ANCHOR_MIN), None)
    if a is None or (b := next((j for j in range(a + 1, len(paras)) if paras[j] == paras[a]), None)) is None:
        return None
    k = 0  # the lines above the anchor that the second copy repeats too (the title)
    while k < a and b - 1 - k > a and paras[a - 1 - k] == paras[b - 1 - k]:
        k += 1
    first, second = paras[a : b - k], paras[b:]
    shared = min(len(first), len(second))
    if shared < REPEAT_MIN or first[:shared] != second[:shared]:
        return None
    if len(second) > len(first):
        return [*paras[:a], *second]  # the first paste was cut short
    end = b - k
    top = set(paras[:a])
    while end > a + shared and (paras[end - 1] in top or is_dateline(paras[end - 1])):
        end -= 1  # the second copy's own title or dateline
    return list(paras[:end])


def classify_blocks(paras: Sequence[str], lede_at: int | None) -> list[Block]:
    """Tables, captions, sub-headings and paragraphs. The lede and the last paragraph are never headings,
    nor are the items of a list (`1. …` next to `2. …`), nor a letter's closing and its signature."""
    blocks: list[Block] = []
    last = len(paras) - 1
    closing = letter_closing_at(paras)
    headed = last if closing is None else closing  # what may be a heading stands above it
    items = [_LIST_ITEM.match(p) is not None for p in paras]
    for i, p in enumerate(paras):
        listed = items[i] and ((i > 0 and items[i - 1]) or (i < last and items[i + 1]))
        if is_table(p):
            kind = BlockKind.TABLE
        elif is_caption(p):
            kind = BlockKind.CAPTION
        elif (
            i != lede_at
            and 0 < i < headed
            and not listed
            and looks_like_heading(p)
            and not _is_heading(blocks)
            and not _signs_below_date(paras, i)
        ):
            kind = BlockKind.HEADING
        else:
            kind = BlockKind.PARAGRAPH
        blocks.append(Block(kind, p))
    return blocks


def _signs_below_date(paras: Sequence[str], at: int) -> bool:
    """Whether `paras[at]` is a signature under a place and date (a telegram's `Hà Nội, ngày 11
    tháng 9 năm 2025` above `PHẠM MINH CHÍNH` and the signer's office): the name or the line
    under it."""
    return any(
        at >= back and CLOSING_DATELINE.match(paras[at - back]) is not None for back in range(1, SIGNATURE_LINES + 1)
    )


def _is_heading(blocks: Sequence[Block]) -> bool:
    """Whether the previous block is a heading: two short lines in a row are not both headings."""
    return bool(blocks) and blocks[-1].kind is BlockKind.HEADING


def without_title_paragraph(parsed: ParsedSeed, title: str) -> ParsedSeed:
    """`parsed` without its lede when the lede is `title` (a curated title that the seed also
    holds, on a line the parser could not tell from the lede): the next paragraph is the lede."""
    if parsed.lede is None or _words(parsed.lede) != _words(title):
        return parsed
    blocks = [b for b in parsed.blocks if not (b.kind is BlockKind.PARAGRAPH and b.text == parsed.lede)]
    lede = next((b.text for b in blocks if b.kind is BlockKind.PARAGRAPH), None)
    return replace(parsed, blocks=tuple(blocks), lede=lede)


def _words(text: str) -> list[str]:
    return text.casefold().rstrip(".").split()
