"""Warnings for parses a curator should check: a second title-like line under the title. Each
case is parsed from seed text, as the generator reads it."""

from __future__ import annotations

import pytest
from conftest import Generate

from generator.build import Paths
from generator.data import Data
from generator.doubts import title_doubt
from generator.parsing import parse_seed

LEDE = "Ngày 24/11, hai bên đã ký kết nhiều văn kiện hợp tác quan trọng trong lĩnh vực năng lượng."


@pytest.mark.parametrize(
    ("top", "doubt"),
    [
        # A kicker taken for the title (the tester's m-04), a subtitle, an English title with its
        # translation below (qa18), a question as a subtitle.
        ("Kỷ niệm 50 năm Quốc khánh Lào\n\nThủ tướng tiếp Đại sứ Lào", "“Thủ tướng tiếp Đại sứ Lào”"),
        ("Việt Nam - Lào ký 12 văn kiện\n\nHai Thủ tướng chứng kiến lễ ký", "“Hai Thủ tướng chứng kiến lễ ký”"),
        ("Laos, Vietnam sign MoU on power trade\n\nLào và Việt Nam ký bản ghi nhớ", "“Lào và Việt Nam ký bản ghi nhớ”"),
        ("Đường sắt Viêng Chăn - Vũng Áng\n\nKhi nào khởi công?", "“Khi nào khởi công?”"),
        # A sentence is a lede; a line that goes on below (a clause, a lead-in) is no title.
        ("Việt Nam - Lào ký 12 văn kiện", None),
        ("Việt Nam - Lào ký 12 văn kiện\n\nChiều 25/11, tại kỳ họp thứ 10,", None),
        ("Việt Nam - Lào ký 12 văn kiện\n\nTheo đó, người nước ngoài phải:", None),
        # Under a quoted title the line below is its speaker.
        ("“Việt Nam là người bạn thủy chung nhất của Lào”\n\nSaleumxay Kommasith", None),
        # No title in the text: the derived title has its own warning.
        ("", None),
    ],
)
def test_title_doubt(top: str, doubt: str | None, data: Data) -> None:
    parsed = parse_seed(f"{top}\n\n{LEDE}\n" if top else f"{LEDE}\n", data.boilerplate)
    warning = title_doubt(parsed)
    if doubt is None:
        assert warning is None
    else:
        assert warning is not None and f"the line under the title, {doubt}, reads like a title too" in warning


def test_doubts_are_warnings_until_curated(generate: Generate, project: Paths) -> None:
    """The article is published as parsed, with the warning; a curated title ends it."""
    seed = f"Kỷ niệm 50 năm Quốc khánh Lào\n\nThủ tướng tiếp Đại sứ Lào\n\nSapo.\n\n24/11/2025 09:15\n\n{LEDE}\n"
    report = generate({"a.txt": seed})
    assert [a.title for a in report.articles] == ["Kỷ niệm 50 năm Quốc khánh Lào"]
    messages = [w.message for w in report.warnings]
    assert any("reads like a title too" in m for m in messages), messages

    (project.seeds / "a.yml").write_text("title: Thủ tướng tiếp Đại sứ Lào\ndate: 2025-11-24\n", encoding="utf-8")
    report = generate()
    assert [a.title for a in report.articles] == ["Thủ tướng tiếp Đại sứ Lào"]
    assert not [w for w in report.warnings if "title" in w.message], report.warnings
