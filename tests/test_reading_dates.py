"""The spoken form of dates, months, times and slashes between numbers (issue #31, section 1).

Written by hand from how a VOV or provincial announcer reads; never regenerated from the
output. "mồng" for days 1–10; "tháng tư", solar "tháng một", and "tháng giêng"/"tháng chạp"
only in a lunar date (marked "âm lịch").
"""

from __future__ import annotations

import pytest

from site_builder.radio.normalise import Reader

NORTH = Reader({"UBND": "Ủy ban nhân dân"})
SOUTH = Reader({"UBND": "Ủy ban nhân dân"}, south=True)

DATES = [
    ("ngày 2/9/1945", "ngày mồng hai tháng chín năm một nghìn chín trăm bốn mươi lăm"),
    ("ngày 2 tháng 9", "ngày mồng hai tháng chín"),
    ("ngày 2 tháng 9 năm 1945",
     "ngày mồng hai tháng chín năm một nghìn chín trăm bốn mươi lăm"),
    ("Ngày 10 tháng 10 năm 2004",
     "Ngày mồng mười tháng mười năm hai nghìn không trăm linh bốn"),
    ("mồng 2/9", "mồng hai tháng chín"),
    ("ngày 11/4", "ngày mười một tháng tư"),
    ("ngày 24/4/2024", "ngày hai mươi tư tháng tư năm hai nghìn không trăm hai mươi tư"),
    ("21/9/2002", "ngày hai mươi mốt tháng chín năm hai nghìn không trăm linh hai"),
    ("hết ngày 30/8/2022",
     "hết ngày ba mươi tháng tám năm hai nghìn không trăm hai mươi hai"),
    ("tháng 4", "tháng tư"),
    ("tháng 4 năm 2022", "tháng tư năm hai nghìn không trăm hai mươi hai"),
    ("Tháng 1/2022", "Tháng một năm hai nghìn không trăm hai mươi hai"),
    ("tháng 11/2021", "tháng mười một năm hai nghìn không trăm hai mươi mốt"),
    ("số liệu 11/2021", "số liệu tháng mười một năm hai nghìn không trăm hai mươi mốt"),
    ("quý II/2023", "quý hai năm hai nghìn không trăm hai mươi ba"),
    ("trong quý 3/2023", "trong quý ba năm hai nghìn không trăm hai mươi ba"),
    ("6 tháng đầu năm 2023", "sáu tháng đầu năm hai nghìn không trăm hai mươi ba"),
    ("sau 3 tháng 4 ngày", "sau ba tháng bốn ngày"),  # a length of time, not April
    # lunar dates
    ("tháng 1 âm lịch", "tháng giêng âm lịch"),
    ("ngày 15/1 âm lịch", "ngày mười lăm tháng giêng âm lịch"),
    ("ngày 23 tháng 12 âm lịch", "ngày hai mươi ba tháng chạp âm lịch"),
    ("mồng 10/3 âm lịch", "mồng mười tháng ba âm lịch"),
    ("ngày 22/1/2023 (tức mồng 1 Tết Quý Mão)",
     "ngày hai mươi hai tháng một năm hai nghìn không trăm hai mươi ba "
     "(tức mồng một Tết Quý Mão)"),
    # ranges of days
    ("ngày 20-22/11", "ngày hai mươi đến hai mươi hai tháng mười một"),
    ("từ ngày 1-3/9/2022",
     "từ ngày mồng một đến mồng ba tháng chín năm hai nghìn không trăm hai mươi hai"),
    ("từ ngày 30/11-2/12/2022",
     "từ ngày ba mươi tháng mười một đến ngày mồng hai tháng mười hai "
     "năm hai nghìn không trăm hai mươi hai"),
    ("(21/9/2002-21/9/2022)",
     "(ngày hai mươi mốt tháng chín năm hai nghìn không trăm linh hai đến "
     "ngày hai mươi mốt tháng chín năm hai nghìn không trăm hai mươi hai)"),
]  # fmt: skip
DATES_SOUTH = [
    ("ngày 24/4/2024", "ngày hai mươi bốn tháng tư năm hai ngàn không trăm hai mươi bốn"),
    ("ngày 4/4/2004", "ngày mồng bốn tháng tư năm hai ngàn không trăm lẻ bốn"),
    ("tháng 1/2022", "tháng một năm hai ngàn không trăm hai mươi hai"),
    ("ngày 24-25/12", "ngày hai mươi bốn đến hai mươi lăm tháng mười hai"),
]

TIMES = [
    ("lúc 8h", "lúc tám giờ"),
    ("8h15", "tám giờ mười lăm phút"),
    ("8h00", "tám giờ"),
    ("8 giờ 15", "tám giờ mười lăm phút"),
    ("8 giờ 15 phút", "tám giờ mười lăm phút"),
    ("8 giờ 05 phút", "tám giờ năm phút"),
    ("20:00", "hai mươi giờ"),
    ("19:30", "mười chín giờ ba mươi phút"),
    ("từ 7h30 đến 11h", "từ bảy giờ ba mươi phút đến mười một giờ"),
    ("7h30-11h", "bảy giờ ba mươi phút đến mười một giờ"),
    ("14h30 ngày 21/9", "mười bốn giờ ba mươi phút ngày hai mươi mốt tháng chín"),
    ("trực 24h", "trực hai mươi tư giờ"),
    ("vào 0h", "vào không giờ"),
]
TIMES_SOUTH = [
    ("trực 24h", "trực hai mươi bốn giờ"),
    ("14h24", "mười bốn giờ hai mươi bốn phút"),
]

# A slash between two numbers, read by its meaning: a count out of a whole ("trên"), a
# fraction ("phần"), a date, a span of years.
SLASHES = [
    ("9/14 xã", "chín trên mười bốn xã"),
    ("12/13 xã, thị trấn", "mười hai trên mười ba xã, thị trấn"),
    ("đạt 19/19 tiêu chí", "đạt mười chín trên mười chín tiêu chí"),
    ("9/14", "chín trên mười bốn"),
    ("1/3", "một phần ba"),
    ("1/3 số hộ", "một phần ba số hộ"),
    ("2/3 diện tích", "hai phần ba diện tích"),
    ("3/4", "ba phần tư"),
    ("chào mừng Quốc khánh 2/9", "chào mừng Quốc khánh ngày mồng hai tháng chín"),
    ("Ngày Quốc tế Lao động 1/5",
     "Ngày Quốc tế Lao động ngày mồng một tháng năm"),
    ("Ngày Quốc tế Thiếu nhi (1/6)", "Ngày Quốc tế Thiếu nhi (ngày mồng một tháng sáu)"),
    ("từ 1/6 đến 15/6", "từ ngày mồng một tháng sáu đến ngày mười lăm tháng sáu"),
    ("21/9", "ngày hai mươi mốt tháng chín"),
    ("03/12", "ngày mồng ba tháng mười hai"),
    ("năm học 2022/2023",
     "năm học hai nghìn không trăm hai mươi hai – hai nghìn không trăm hai mươi ba"),
]  # fmt: skip
SLASHES_SOUTH = [
    ("24/24 xã", "hai mươi bốn trên hai mươi bốn xã"),
    ("1/4 diện tích", "một phần tư diện tích"),
]


def test_each_class_has_at_least_ten_cases() -> None:
    for table in (DATES, TIMES, SLASHES):
        assert len(table) >= 10


@pytest.mark.parametrize(("written", "spoken"), DATES + TIMES + SLASHES)
def test_northern(written: str, spoken: str) -> None:
    assert NORTH.read(written).spoken == spoken


@pytest.mark.parametrize(("written", "spoken"), DATES_SOUTH + TIMES_SOUTH + SLASHES_SOUTH)
def test_southern(written: str, spoken: str) -> None:
    assert SOUTH.read(written).spoken == spoken


def test_month_four_is_never_bon() -> None:
    for written in ("tháng 4", "ngày 1/4", "ngày 1 tháng 4", "tháng 4/2022", "ngày 2-3/4"):
        for reader in (NORTH, SOUTH):
            spoken = reader.read(written).spoken
            assert "tháng tư" in spoken and "tháng bốn" not in spoken, spoken
