"""Official documents as issued: the heading, the title, the signature (generator/official.py)."""

from __future__ import annotations

import pytest

from generator import official
from generator.data import Data
from generator.model import BlockKind, PartialDate
from generator.parsing import parse_seed

P1 = (
    "Ngày 19/5/2025, tại thành phố Kon Tum, Ủy ban nhân dân tỉnh Kon Tum và Chính quyền tỉnh Attapeu tổ chức "
    "Hội nghị tổng kết hợp tác giai đoạn 2021 - 2025."
)
P2 = "Hai bên thống nhất 6 nội dung hợp tác trọng tâm giai đoạn 2026 - 2030:"
ITEM = "1. Phối hợp quản lý, bảo vệ biên giới, phòng chống tội phạm xuyên biên giới."

# A fifth curator's c5-18: the two columns one after the other.
PRESS_RELEASE = f"""UBND TỈNH KON TUM
VĂN PHÒNG
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 45/TCBC-VP\tKon Tum, ngày 20 tháng 5 năm 2025

THÔNG CÁO BÁO CHÍ
Kết quả Hội nghị tổng kết hợp tác giữa tỉnh Kon Tum và tỉnh Attapeu (Lào) giai đoạn 2021 - 2025

{P1}

{P2}
{ITEM}

Văn phòng UBND tỉnh Kon Tum trân trọng thông báo./.

Nơi nhận:
- Các cơ quan báo chí;
- Lưu: VT, NgV.
KT. CHÁNH VĂN PHÒNG
PHÓ CHÁNH VĂN PHÒNG
(Đã ký)
Nguyễn Văn Long"""

# The columns side by side, with tabs.
NOTICE = f"""BỘ NGOẠI GIAO\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
\tĐộc lập - Tự do - Hạnh phúc
Số: 12/TB-BNG\tHà Nội, ngày 3 tháng 2 năm 2026

THÔNG BÁO
Về việc tổ chức kỷ niệm Ngày ký Hiệp ước Hữu nghị và Hợp tác Việt Nam - Lào

{P1}
Bộ Ngoại giao trân trọng thông báo./.

Nơi nhận:\tTL. BỘ TRƯỞNG
- Như trên;\tVỤ TRƯỞNG VỤ ĐÔNG NAM Á
- Lưu: VT.\t(Đã ký)
\tTrần Văn Minh"""

# One name on two lines, rules under the heading's parts, `V/v`, a signature without recipients.
DECISION = f"""ỦY BAN NHÂN DÂN
TỈNH NGHỆ AN
-------
CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số: 1520/QĐ-UBND
Nghệ An, ngày 15/6/2025

QUYẾT ĐỊNH
V/v tặng Bằng khen cho các tập thể, cá nhân tỉnh Xiêng Khoảng (Lào)

Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;
{P1}
Điều 2. Quyết định có hiệu lực kể từ ngày ký./.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Nguyễn Đức Trung"""


@pytest.mark.parametrize(
    ("text", "title", "date", "issuer", "signer", "kept"),
    [
        (
            PRESS_RELEASE,
            "Kết quả Hội nghị tổng kết hợp tác giữa tỉnh Kon Tum và tỉnh Attapeu (Lào) giai đoạn 2021 - 2025",
            PartialDate(2025, 5, 20),
            "VĂN PHÒNG UBND TỈNH KON TUM",  # the unit, then whose it is
            "Nguyễn Văn Long",
            [P1, P2, ITEM, "Văn phòng UBND tỉnh Kon Tum trân trọng thông báo."],
        ),
        (
            NOTICE,
            "Thông báo về việc tổ chức kỷ niệm Ngày ký Hiệp ước Hữu nghị và Hợp tác Việt Nam - Lào",
            PartialDate(2026, 2, 3),
            "BỘ NGOẠI GIAO",
            "Trần Văn Minh",
            [P1, "Bộ Ngoại giao trân trọng thông báo."],
        ),
        (
            DECISION,
            "Quyết định về việc tặng Bằng khen cho các tập thể, cá nhân tỉnh Xiêng Khoảng (Lào)",
            PartialDate(2025, 6, 15),
            "ỦY BAN NHÂN DÂN TỈNH NGHỆ AN",
            "Nguyễn Đức Trung",
            [
                "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
                P1,
                "Điều 2. Quyết định có hiệu lực kể từ ngày ký.",
            ],
        ),
        (  # a kind without a line saying what about: the kind is the title
            f"BỘ NGOẠI GIAO\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\nCÔNG ĐIỆN\n{P1}",
            "Công điện",
            PartialDate(2025, 5, 19),  # no date in the heading: the text's first, as in any seed
            "BỘ NGOẠI GIAO",
            None,
            [P1],
        ),
    ],
)
def test_an_official_documents_parts(
    text: str, title: str, date: PartialDate | None, issuer: str, signer: str | None, kept: list[str], data: Data
) -> None:
    parsed = parse_seed(text, data.boilerplate)
    assert (parsed.title, parsed.date, parsed.source, parsed.author) == (title, date, issuer, signer)
    assert [b.text for b in parsed.blocks] == kept
    assert [b.kind for b in parsed.blocks].count(BlockKind.HEADING) == 0


def test_a_curators_date_header_above_an_official_document(data: Data) -> None:
    parsed = parse_seed(f"date: 2025-05-21\n{PRESS_RELEASE}", data.boilerplate)
    assert (parsed.date, parsed.source, parsed.author) == (
        PartialDate(2025, 5, 21),
        "VĂN PHÒNG UBND TỈNH KON TUM",
        "Nguyễn Văn Long",
    )
    assert parsed.title is not None and parsed.title.startswith("Kết quả Hội nghị")


@pytest.mark.parametrize(
    "text",
    [
        # An article quoting the motto, below its own title; a news page about a document.
        f"Lào kỷ niệm Quốc khánh\n{P1}\nCỘNG HÒA DÂN CHỦ NHÂN DÂN LÀO\n"
        "Hòa bình - Độc lập - Dân chủ - Thống nhất - Thịnh vượng",
        f"Báo Kon Tum\nUBND tỉnh ra thông cáo\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n{P1}",
        P1,
    ],
)
def test_no_official_document_without_its_heading_on_top(text: str) -> None:
    assert official.read(text.split("\n")) is None


def test_the_lao_motto_heads_a_document_too() -> None:
    text = (
        "ĐẠI SỨ QUÁN\tCỘNG HÒA DÂN CHỦ NHÂN DÂN LÀO\n"
        "NƯỚC CHDCND LÀO\tHòa bình - Độc lập - Dân chủ - Thống nhất - Thịnh vượng\n"
        f"\tHà Nội, ngày 2 tháng 12 năm 2025\nTHÔNG CÁO BÁO CHÍ\n{P1}"
    )
    document = official.read(text.split("\n"))
    assert document is not None
    assert (document.title, document.date, document.issuer) == (
        "Thông cáo báo chí",
        PartialDate(2025, 12, 2),
        "ĐẠI SỨ QUÁN NƯỚC CHDCND LÀO",
    )
