"""Themes only on keyword evidence; people only by registry names and aliases."""

from __future__ import annotations

import pytest

from generator.classify import assign_themes, find_people
from generator.data import Data


@pytest.mark.parametrize(
    ("title", "body", "themes"),
    [
        ("Hợp tác quốc phòng Việt - Lào", "Hai bên gặp nhau.", ("quoc-phong-an-ninh",)),
        ("Tin ngắn", "Quốc hội hai nước; Quốc hội Lào; đại biểu Quốc hội trẻ.", ("lap-phap",)),
        ("Tin ngắn", "Hợp tác văn hoá, giáo dục và văn hóa nghệ thuật.", ("van-hoa-xa-hoi",)),  # hoá and hóa alike
        ("Tin ngắn", "Thương mại tăng; thương mại song phương.", ()),  # two hits: below min_hits
        ("Tin ngắn", "Hai bên gặp nhau vui vẻ.", ()),
        ("Tin ngắn", "Điện Biên Phủ, đại diện, địa điểm.", ()),  # no whole-word keyword
    ],
)
def test_themes_need_evidence(title: str, body: str, themes: tuple[str, ...], data: Data) -> None:
    assert assign_themes(title, body, data.themes, data.min_hits) == themes


@pytest.mark.parametrize(
    ("body", "themes"),
    [
        ("ASEAN, ASEAN, ASEAN, ASEAN; an ninh, an ninh, quốc phòng", ("da-phuong", "quoc-phong-an-ninh")),
        ("ASEAN, ASEAN, ASEAN; an ninh, an ninh, quốc phòng", ("quoc-phong-an-ninh", "da-phuong")),  # tie
    ],
)
def test_most_evidence_first_ties_in_taxonomy_order(body: str, themes: tuple[str, ...], data: Data) -> None:
    assert assign_themes("Tin", body, data.themes, data.min_hits) == themes


@pytest.mark.parametrize(
    ("text", "people"),
    [
        ("Tổng Bí thư Tô Lâm và Thongloun Sisoulith", ("Tô Lâm", "Thongloun Sisoulith")),
        ("Thongloun Sisoulith gặp Tô Lâm", ("Thongloun Sisoulith", "Tô Lâm")),
        ("Chủ tịch Quốc hội Lào Xaysomphone Phomvihane", ("Saysomphone Phomvihane",)),
        ("Saysomphone Phomvihane và Xaysomphone Phomvihane", ("Saysomphone Phomvihane",)),
        ("Tổng Bí thư, Chủ tịch nước, Thủ tướng Chính phủ hội đàm", ()),  # roles alone are nobody
        ("Ông Lâm phát biểu", ()),
    ],
)
def test_people(text: str, people: tuple[str, ...], data: Data) -> None:
    assert find_people(text, data.people) == people
