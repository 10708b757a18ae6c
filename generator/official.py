"""Official documents as issued: a province's press release, a ministry's decision or telegram.

Vietnamese administrative documents share one layout (Decree 30/2020/NĐ-CP):

    UBND TỈNH KON TUM              CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
    VĂN PHÒNG                      Độc lập - Tự do - Hạnh phúc
    Số: 45/TCBC-VP                 Kon Tum, ngày 20 tháng 5 năm 2025
                       THÔNG CÁO BÁO CHÍ
    Kết quả Hội nghị tổng kết hợp tác …
    (the text, ending `./.`)
    Nơi nhận:                      KT. CHÁNH VĂN PHÒNG
    - Các cơ quan báo chí;         PHÓ CHÁNH VĂN PHÒNG
    - Lưu: VT.                     (Đã ký)
                                   Nguyễn Văn Long

Copied from a page, the two columns come one after the other, or side by side with a tab
between them. `read` tells the parts apart: the issuer (the capitals above the national motto,
named as Vietnamese names an office, its unit first: `VĂN PHÒNG UBND TỈNH KON TUM`), the place
and date, the title (the document's kind and what it is about), and the signer. The article's
text is what lies between the heading and the recipients or the signature.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from . import dates
from .model import PartialDate
from .text import clean_line

HEAD_CHARS_MAX = 600  # the motto stands within these first characters
HEAD_LINES_MAX = 10  # lines of the heading, from the issuer to the place and date
FOOT_LINES_MAX = 14  # lines of the recipients and the signature
KIND_MAX_WORDS = 8  # `THÔNG CÁO BÁO CHÍ`, `QUYẾT ĐỊNH`, `CÔNG ĐIỆN`

# The national motto and the slogan under it: Vietnam's, or Laos' in Vietnamese.
_REPUBLIC = r"CỘNG\s+H(?:ÒA|OÀ|OA)\s+"  # either placement of the tone mark
_MOTTO = re.compile(
    rf"^{_REPUBLIC}(?:XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM|DÂN\s+CHỦ\s+NHÂN\s+DÂN\s+LÀO)$", re.IGNORECASE
)
HAS_MOTTO = re.compile(rf"{_REPUBLIC}(?:XÃ\s+HỘI|DÂN\s+CHỦ)", re.IGNORECASE)  # a quick look first
_SLOGAN = re.compile(
    r"^(?:Độc\s+lập\s*[-–]\s*Tự\s+do\s*[-–]\s*Hạnh\s+phúc"
    r"|H(?:òa|oà|oa)\s+bình\s*[-–]\s*Độc\s+lập\s*[-–]\s*Dân\s+chủ\s*[-–]\s*Thống\s+nhất\s*[-–]\s*Thịnh\s+vượng)$",
    re.IGNORECASE,
)
_NUMBER = re.compile(r"^Số\s*:\s*\S", re.IGNORECASE)  # `Số: 45/TCBC-VP`
_RULE = re.compile(r"^[-_=*.–—]{3,}$")  # the line under the issuer or the motto
_ABOUT = re.compile(r"^Về\s", re.IGNORECASE)  # `Về việc …`: said after the kind (`Quyết định về việc …`)
_V_V = re.compile(r"^V/v\s*:?\s*", re.IGNORECASE)  # `V/v` for `Về việc`
# The second line of one name (`ỦY BAN NHÂN DÂN` / `TỈNH NGHỆ AN`), not a unit under its parent.
_PLACE = re.compile(r"^(?:TỈNH|THÀNH\s+PHỐ|HUYỆN|QUẬN|THỊ\s+XÃ|XÃ|PHƯỜNG|NƯỚC)\s")
# The recipients' list, and the marks of a signature: who signs for whom (`KT. CHÁNH VĂN PHÒNG`,
# `TM. ỦY BAN NHÂN DÂN`), and that it was signed (`(Đã ký)`, `(Ký, đóng dấu)`).
_RECIPIENTS = re.compile(r"^Nơi\s+nhận\s*:", re.IGNORECASE)
_ON_BEHALF = re.compile(r"^(?:KT|TM|TL|TUQ|Q|PP)\.\s*\S")
_SIGNED = re.compile(r"^\((?:đã\s+)?ký[^)]{0,40}\)$", re.IGNORECASE)
_END_MARK = "./."  # a document's last sentence: `… trân trọng thông báo./.`


@dataclass(frozen=True)
class Document:
    """What the heading and the signature of an official document say, and where its text is:
    lines `text_from` to `text_to` (not included) of those `read` was given."""

    title: str | None
    date: PartialDate | None
    issuer: str | None
    signer: str | None
    text_from: int
    text_to: int


def cells(line: str) -> list[str]:
    """The parts of a line laid out in columns with tabs, each cleaned; the line alone without."""
    return [c for c in (clean_line(part) for part in line.split("\t")) if c]


def _heading_part(cell: str) -> bool:
    return any(p.match(cell) for p in (_MOTTO, _SLOGAN, _NUMBER, dates.PLACE_AND_DATE, _RULE))


def _all_caps(cell: str) -> bool:
    letters = [c for c in cell if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def read(lines: Sequence[str]) -> Document | None:
    """The parts of an official document in `lines` (as copied: tabs kept), or None when its
    first lines hold no national motto."""
    filled = [at for at, line in enumerate(lines) if line.strip()]
    heading: list[str] = []
    motto = False
    rows = 0  # lines of the heading
    for at in filled[:HEAD_LINES_MAX]:
        row = cells(lines[at])
        if any(_heading_part(c) for c in row):
            motto = motto or any(_MOTTO.match(c) for c in row)
        elif motto or not all(_all_caps(c) for c in row):
            break  # below the motto, the heading ends with its parts; above it, only the issuer stands
        heading += row
        rows += 1
    if not motto:
        return None
    issuer = [c for c in heading if _all_caps(c) and not _MOTTO.match(c)]
    if len(issuer) > 1 and _PLACE.match(issuer[-1]):
        issuer = [" ".join(issuer)]
    date = next((d for c in heading if dates.PLACE_AND_DATE.match(c) and (d := dates.find_text_date(c)[0])), None)

    rest = filled[rows:]
    text_from = rest[0] if rest else len(lines)
    title = None
    if rest and _all_caps(kind := clean_line(lines[rest[0]])) and len(kind.split()) <= KIND_MAX_WORDS:
        # The kind (`THÔNG CÁO BÁO CHÍ`), then what the document is about, when a line says it.
        subject = _V_V.sub("Về việc ", clean_line(lines[rest[1]])) if len(rest) > 1 else ""
        about = _ABOUT.match(subject) is not None
        if subject and not subject.endswith((".", ";", ":")) and (about or not _all_caps(subject)):
            title = f"{kind.capitalize()} {subject[0].lower()}{subject[1:]}" if about else subject
            text_from = rest[2] if len(rest) > 2 else len(lines)
        else:
            title = kind.capitalize()
            text_from = rest[1] if len(rest) > 1 else len(lines)

    text_to, signer = _foot(lines, [at for at in filled if at >= text_from])
    return Document(title, date, " ".join(reversed(issuer)) or None, signer, text_from, text_to)


def _foot(lines: Sequence[str], filled: Sequence[int]) -> tuple[int, str | None]:
    """Where the recipients' list or the signature starts (the end of the text), and the signer."""
    window = filled[-FOOT_LINES_MAX:]
    start = next(
        (
            i
            for i, at in enumerate(window)
            if (first := cells(lines[at])) and any(p.match(first[0]) for p in (_RECIPIENTS, _ON_BEHALF, _SIGNED))
        ),
        None,
    )
    if start is None:
        return (filled[-1] + 1 if filled else len(lines)), None
    if _SIGNED.match(cells(lines[window[start]])[0]):
        # `(Đã ký)` with no mark of whom it is signed for: the signer's office above it, in capitals.
        while start > 0 and _all_caps(clean_line(lines[window[start - 1]])):
            start -= 1
    foot = [c for at in window[start:] for c in cells(lines[at])]
    names = [c for c in foot if _is_name(c)]
    return window[start], (names[-1] if names else None)


def _is_name(cell: str) -> bool:
    """A person's name as signed: two to six words, each capitalised, letters only (not in capitals)."""
    words = cell.split()
    return 2 <= len(words) <= 6 and all(w[0].isupper() and w.isalpha() for w in words) and not _all_caps(cell)


def text_only(lines: Sequence[str], document: Document) -> list[str]:
    """`lines` with the heading and the foot made blank, the title on the line above the text, and
    the mark at the end of the text taken off (`thông báo./.` → `thông báo.`)."""
    kept = [""] * len(lines)
    kept[document.text_from : document.text_to] = lines[document.text_from : document.text_to]
    if document.title is not None:
        kept[max(document.text_from - 1, 0)] = document.title
    last = next((at for at in range(document.text_to - 1, document.text_from - 1, -1) if kept[at].strip()), None)
    if last is not None and kept[last].rstrip().endswith(_END_MARK):
        kept[last] = kept[last].rstrip()[: -len(_END_MARK)] + "."
    return kept
