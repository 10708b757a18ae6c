"""Dates at the precision the source gives: headers, text forms, curated values."""

from __future__ import annotations

import datetime as dt

import pytest

from generator import dates
from generator.model import PartialDate

D = PartialDate


@pytest.mark.parametrize(
    ("line", "date", "rest"),
    [
        (" date 2025-12-02 Đây là cơ chế hợp tác", D(2025, 12, 2), "Đây là cơ chế hợp tác"),
        ("date 2023-01 Nhất quán chính sách, duy trì hợp tác", D(2023, 1), "Nhất quán chính sách, duy trì hợp tác"),
        ("date 2021", D(2021), ""),
        ("   date 2026-01-26 Ngày 26/1, tại cuộc hội kiến", D(2026, 1, 26), "Ngày 26/1, tại cuộc hội kiến"),
        ("Date: 2024-7-5 Tiêu đề", D(2024, 7, 5), "Tiêu đề"),
    ],
)
def test_header_keeps_the_precision_given(line: str, date: PartialDate, rest: str) -> None:
    header = dates.parse_header(line)
    assert header is not None
    assert (header.date, header.rest, header.warning) == (date, rest, None)


@pytest.mark.parametrize("line", ["date 2024-13-45 Tiêu đề", "date 0000", "date 2024-02-30", "date 2024-05-06xyz"])
def test_impossible_header_date_is_a_warning_not_a_date(line: str) -> None:
    header = dates.parse_header(line)
    assert header is not None
    assert header.date is None
    assert header.warning and "ignored" in header.warning


@pytest.mark.parametrize("line", ["Đây là bài viết", "dated text", "date night in Vientiane", ""])
def test_lines_that_are_not_headers(line: str) -> None:
    assert dates.parse_header(line) is None


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("VOV.VN - Ngày 26/02/2024, tại Thủ đô Hà Nội", D(2024, 2, 26)),
        ("26/02/2024", D(2024, 2, 26)),
        ("Chiều 5/3/2022, tại Viêng Chăn", D(2022, 3, 5)),
        ("Hôm nay, ngày 7 tháng 7 năm 2022, hai bên", D(2022, 7, 7)),
        ("Thứ Sáu, 06/12/2024 14:32 (GMT+7)", D(2024, 12, 6)),
        ("10-07-2024, 18:55", D(2024, 7, 10)),
        ("Cập nhật 2024-07-12 10:30", D(2024, 7, 12)),
        ("Ngày 26/1, hai bên ký 12 văn kiện; ngày 28/01/2025 tiếp tục", D(2025, 1, 28)),
        ("31/02/2024 rồi 01/03/2024", D(2024, 3, 1)),
    ],
)
def test_first_full_date_in_text(text: str, date: PartialDate) -> None:
    assert dates.find_text_date(text)[0] == date


@pytest.mark.parametrize(
    "text",
    [
        "Ngày 26/1, tại cuộc hội kiến",
        "Chiều 9/10, Thủ tướng",
        "giai đoạn 2021-2030",
        "tăng trưởng 10-15% mỗi năm",
        "năm 2025",
        "Hiệp định 2021-2025",
        "",
    ],
)
def test_dates_without_a_full_day_month_year_never_make_a_date(text: str) -> None:
    assert dates.find_text_date(text)[0] is None


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Kỷ niệm 48 năm ngày ký Hiệp ước (18/7/1977 - 18/7/2025), Đại sứ quán", D(2025, 7, 18)),
        ("Kỷ niệm 30 năm (5/9/1995 – 5/9/2025), hai bên", D(2025, 9, 5)),
        ("Ngày 5/9, hai bên kỷ niệm ngày thiết lập quan hệ ngoại giao 5/9/1962.", None),
        ("Quốc khánh Lào (2/12/1975 - 2/12/2025)", D(2025, 12, 2)),
        ("Hiệp ước ký ngày 18/7/1977; ngày 20/7/2025, hai bên gặp mặt", D(2025, 7, 20)),
        ("Hội chợ diễn ra từ 20/11/2025 đến 25/11/2025 tại Viêng Chăn", D(2025, 11, 20)),
        ("ngày 3/2/2024 - một ngày trọng đại", D(2024, 2, 3)),
    ],
)
def test_history_and_anniversaries_are_not_the_day_of_writing(text: str, date: PartialDate | None) -> None:
    assert dates.find_text_date(text)[0] == date


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("Thứ Sáu, 06/12/2024 14:32 (GMT+7)", D(2024, 12, 6)),
        ("10-07-2024, 18:55", D(2024, 7, 10)),
        ("Thứ Hai, 24/11/2025, 08:30 (GMT+7)", D(2025, 11, 24)),
        ("Cập nhật lúc 08:30 ngày 24/11/2025", D(2025, 11, 24)),
        ("Cập nhật: 24/11/2025 08:30", D(2025, 11, 24)),
        ("Ngày đăng: 24/11/2025", D(2025, 11, 24)),
        ("Thứ Hai, 08:30, 24/11/2025", D(2025, 11, 24)),
        ("08:30 | 24/11/2025", D(2025, 11, 24)),
        ("24-11-2025 - 08:30 AM", D(2025, 11, 24)),
        ("24/11/2025 08:30 AM", D(2025, 11, 24)),
        ("Ngày 24 tháng 11 năm 2025", D(2025, 11, 24)),
        ("2025-11-24T08:30:00+07:00", D(2025, 11, 24)),
        ("2025-11-24 08:30", D(2025, 11, 24)),
        ("Thứ Hai, 24/11/2025 08:30:15 +07:00", D(2025, 11, 24)),
        ("24.11.2025 08:30", D(2025, 11, 24)),
        ("Nov 24, 2025 | 09:15", D(2025, 11, 24)),
        ("Monday, November 24, 2025 09:15", D(2025, 11, 24)),
        ("24 November 2025", D(2025, 11, 24)),
        ("Sept. 3, 2025", D(2025, 9, 3)),
        ("24 Tháng 11, 2025", D(2025, 11, 24)),
        ("Thứ Hai, 24/11/2025 09:15 | Lượt xem: 1.234", D(2025, 11, 24)),
        ("Thứ Hai, 24/11/2025 09:15 (Giờ Hà Nội)", D(2025, 11, 24)),
        ("24/11/2025 08:15 | 235 lượt xem", D(2025, 11, 24)),
        ("Xuất bản: 24/11/2025 08:15 | Cập nhật: 25/11/2025 10:02", D(2025, 11, 24)),  # the first
        # The time before the weekday (a fourth curator's Lao Động and Biên phòng pages).
        ("Cập nhật 10:15, Thứ sáu, 09/01/2026", D(2026, 1, 9)),
        ("14:20 | Thứ Tư, 10/12/2025", D(2025, 12, 10)),
    ],
)
def test_datelines_outlets_print(line: str, date: PartialDate) -> None:
    assert dates.DATELINE.match(line)
    assert dates.find_text_date(line)[0] == date


@pytest.mark.parametrize(
    "line",
    [
        "Ngày 24/11/2025, Thủ tướng tiếp Đại sứ Lào.",
        "Hai bên 24/11/2025",
        "2021-2030",
        "2025",
        "08:30",
        "Thứ Hai",
        "May 10 năm 2024",
        "Nov 24, 2025 hai bên ký kết",
        "Xuất bản: 24/11/2025 | hai bên ký kết",
    ],
)
def test_sentences_with_a_date_are_not_datelines(line: str) -> None:
    assert not dates.DATELINE.match(line)


def test_impossible_text_date_warns() -> None:
    date, warnings = dates.find_text_date("Ngày 45/13/2024 hai bên")
    assert date is None
    assert warnings == ["impossible date '45/13/2024' in text ignored"]


@pytest.mark.parametrize(
    ("value", "date"),
    [
        (dt.date(2025, 12, 1), D(2025, 12, 1)),
        ("2023-01", D(2023, 1)),
        ("2021", D(2021)),
        (2021, D(2021)),
        ("2024-07-12T10:30:00+07:00", D(2024, 7, 12)),
        ("2024-07-12T23:30:00-05:00", D(2024, 7, 12)),
        ("12/07/2024", D(2024, 7, 12)),
    ],
)
def test_curated_dates(value: object, date: PartialDate) -> None:
    assert dates.parse_curated(value) == date


@pytest.mark.parametrize("value", ["yesterday", "2024-13", "32/01/2024", True, 3.5, [], "2024-02-30"])
def test_curated_values_that_are_not_dates(value: object) -> None:
    with pytest.raises(dates.DateError):
        dates.parse_curated(value)


@pytest.mark.parametrize(
    ("date", "iso", "vi"),
    [
        (D(2025, 12, 2), "2025-12-02", "02/12/2025"),
        (D(2023, 1), "2023-01", "tháng 01/2023"),
        (D(2021), "2021", "năm 2021"),
    ],
)
def test_display_never_invents_a_day(date: PartialDate, iso: str, vi: str) -> None:
    assert (date.iso(), date.vi()) == (iso, vi)


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Tinov 24, 2025 và ngày 3/4/2025", D(2025, 4, 3)),  # a month's name only at a word's start
        ("mã số 112/1/2024 và ngày 3/4/2025", D(2025, 4, 3)),  # nor a day inside a longer number
        ("số 2024-2025-11-24, ngày 5/6/2025", D(2025, 6, 5)),
        ("ngày 5 tháng 6, 2025", D(2025, 6, 5)),
    ],
)
def test_a_date_starts_where_a_word_or_number_starts(text: str, date: PartialDate) -> None:
    assert dates.find_text_date(text)[0] == date
