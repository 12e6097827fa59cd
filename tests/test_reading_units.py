"""The spoken form of quantities (issue #31, section 1): "per" slashes, ranges and signs,
money and units, Roman numerals that count.

Tables written by hand from how a VOV or provincial announcer reads the text; never
regenerated from the output. Northern reading unless the table says southern.
"""

from __future__ import annotations

import pytest

from site_builder.radio.normalise import Reader

GLOSSARY = {"UBND": "Ủy ban nhân dân", "HĐND": "Hội đồng nhân dân"}
NORTH = Reader(GLOSSARY)
SOUTH = Reader(GLOSSARY, south=True)

# A slash between a unit (or a counted word) and a unit of time, area or head is "per",
# said "một": the way "đồng/người/năm" is heard on air.
PER = [
    ("1,5 triệu đồng/người/năm", "một phẩy năm triệu đồng một người một năm"),
    ("thu nhập 42 triệu đồng/người/năm", "thu nhập bốn mươi hai triệu đồng một người một năm"),
    ("năng suất lúa đạt 55 tạ/ha", "năng suất lúa đạt năm mươi lăm tạ một héc-ta"),
    ("sản lượng chè 8 tấn/ha", "sản lượng chè tám tấn một héc-ta"),
    ("tốc độ tối đa 40 km/h", "tốc độ tối đa bốn mươi ki-lô-mét một giờ"),
    ("giá 25.000 đồng/kg", "giá hai mươi lăm nghìn đồng một ki-lô-gam"),
    ("hỗ trợ 500.000đ/người", "hỗ trợ năm trăm nghìn đồng một người"),
    ("lãi suất 0,6%/tháng", "lãi suất không phẩy sáu phần trăm một tháng"),
    ("mật độ 45 người/km²", "mật độ bốn mươi lăm người một ki-lô-mét vuông"),
    ("lưu lượng 12 m³/s", "lưu lượng mười hai mét khối một giây"),
    ("họp 2 lần/tuần", "họp hai lần một tuần"),
    ("150 lượt/ngày", "một trăm năm mươi lượt một ngày"),
    # a slash between words that are not units is left as written
    ("nam/nữ", "nam/nữ"),
]
PER_SOUTH = [
    ("giá 25.000 đồng/kg", "giá hai mươi lăm ngàn đồng một ki-lô-gam"),
    ("hỗ trợ 500.000đ/người", "hỗ trợ năm trăm ngàn đồng một người"),
    ("mật độ 124 người/km²", "mật độ một trăm hai mươi bốn người một ki-lô-mét vuông"),
]

# A range is "đến", its unit said once; a score, a school year, a term of office take a
# pause (written "–"). A sign before a number: "âm", "cộng trừ", "cộng".
RANGES = [
    ("5-7 ha", "năm đến bảy héc-ta"),
    ("10%-15%", "mười đến mười lăm phần trăm"),
    ("từ 3-5%", "từ ba đến năm phần trăm"),
    ("tăng 1,5 - 2 lần", "tăng một phẩy năm đến hai lần"),
    ("nhiệt độ 18-25°C", "nhiệt độ mười tám đến hai mươi lăm độ C"),
    ("1.000-1.500 người", "một nghìn đến một nghìn năm trăm người"),
    ("24-25 ha", "hai mươi tư đến hai mươi lăm héc-ta"),
    ("giai đoạn 2021 - 2025",
     "giai đoạn hai nghìn không trăm hai mươi mốt đến hai nghìn không trăm hai mươi lăm"),
    ("nhiệm kỳ 2020-2025",
     "nhiệm kỳ hai nghìn không trăm hai mươi – hai nghìn không trăm hai mươi lăm"),
    ("năm học 2022-2023",
     "năm học hai nghìn không trăm hai mươi hai – hai nghìn không trăm hai mươi ba"),
    ("đội bóng xã Bản Bo thắng 3-1", "đội bóng xã Bản Bo thắng ba – một"),
    ("-3°C", "âm ba độ C"),
    ("nhiệt độ thấp nhất -2 độ C", "nhiệt độ thấp nhất âm hai độ C"),
    ("từ -3 đến 5°C", "từ âm ba đến năm độ C"),
    ("sai số ±0,5 độ", "sai số cộng trừ không phẩy năm độ"),
    ("±2%", "cộng trừ hai phần trăm"),
    ("kinh tế - xã hội", "kinh tế - xã hội"),  # words, not a range
]  # fmt: skip
RANGES_SOUTH = [
    ("24-25 ha", "hai mươi bốn đến hai mươi lăm héc-ta"),
    ("1.000-1.500 người", "một ngàn đến một ngàn năm trăm người"),
    ("-4°C", "âm bốn độ C"),
]

MONEY_AND_UNITS = [
    ("500.000đ", "năm trăm nghìn đồng"),
    ("500.000 đ", "năm trăm nghìn đồng"),
    ("1.200.000 đồng", "một triệu hai trăm nghìn đồng"),
    ("2.500.000 VNĐ", "hai triệu năm trăm nghìn đồng"),
    ("1,2 tỷ", "một phẩy hai tỷ"),
    ("1,2 tỷ đồng", "một phẩy hai tỷ đồng"),
    ("1.500.000.000 đồng", "một tỷ năm trăm triệu đồng"),
    ("15 tỷ 500 triệu đồng", "mười lăm tỷ năm trăm triệu đồng"),
    ("3,5 tr.đ", "ba phẩy năm triệu đồng"),
    ("120 m²", "một trăm hai mươi mét vuông"),
    ("1.500 m³", "một nghìn năm trăm mét khối"),
    ("684,72 km²", "sáu trăm tám mươi tư phẩy bảy mươi hai ki-lô-mét vuông"),
    ("250 ha", "hai trăm năm mươi héc-ta"),
    ("3 tạ thóc", "ba tạ thóc"),
    ("1.005 tấn", "một nghìn không trăm linh năm tấn"),
    ("nhiệt độ 25°C", "nhiệt độ hai mươi lăm độ C"),
    ("30 kWh", "ba mươi ki-lô-oát giờ"),
    ("đường dây 35 kV", "đường dây ba mươi lăm ki-lô-vôn"),
    ("thủy điện 1.200 MW", "thủy điện một nghìn hai trăm mê-ga-oát"),
    ("lượng mưa 120 mm", "lượng mưa một trăm hai mươi mi-li-mét"),
    ("10 000 người", "mười nghìn người"),
    ("12 500 hộ", "mười hai nghìn năm trăm hộ"),
]
MONEY_AND_UNITS_SOUTH = [
    ("500.000đ", "năm trăm ngàn đồng"),
    ("1.200.000 đồng", "một triệu hai trăm ngàn đồng"),
    ("684,72 km²", "sáu trăm tám mươi bốn phẩy bảy mươi hai ki-lô-mét vuông"),
    ("1.005 tấn", "một ngàn không trăm lẻ năm tấn"),
    ("1.500 m³", "một ngàn năm trăm mét khối"),
]

# A Roman numeral is read where it counts (after these words, in any capitals), as the
# cardinal; after "thứ" as the ordinal (nhất, tư). Anything else that only looks Roman is
# left as written.
ROMAN = [
    ("Đại hội XIV", "Đại hội mười bốn"),
    ("Đại hội đại biểu toàn quốc lần thứ XIII của Đảng",
     "Đại hội đại biểu toàn quốc lần thứ mười ba của Đảng"),
    ("nhiệm kỳ khóa XVI", "nhiệm kỳ khóa mười sáu"),
    ("Quốc hội Khóa XV", "Quốc hội Khóa mười lăm"),
    ("Quốc hội khoá XIV", "Quốc hội khoá mười bốn"),
    ("KHÓA XV", "KHÓA mười lăm"),
    ("thế kỷ XX", "thế kỷ hai mươi"),
    ("thế kỷ XXI", "thế kỷ hai mươi mốt"),
    ("trong quý IV", "trong quý bốn"),
    ("Chương III", "Chương ba"),
    ("Điều V", "Điều năm"),
    ("Mục II", "Mục hai"),
    ("Phụ lục IV", "Phụ lục bốn"),
    ("lần thứ IV", "lần thứ tư"),
    ("Hội nghị lần thứ I", "Hội nghị lần thứ nhất"),
    ("II. NỘI DUNG THI ĐUA", "Hai. NỘI DUNG THI ĐUA"),
    ("Phụ lục C", "Phụ lục C"),
    ("C. Mác", "C. Mác"),
    ("bổ sung Vitamin C", "bổ sung Vitamin C"),
]  # fmt: skip
ROMAN_SOUTH = [
    ("Đại hội lần thứ XXIV", "Đại hội lần thứ hai mươi bốn"),
    ("khóa XXIV", "khóa hai mươi bốn"),
    ("lần thứ IV", "lần thứ tư"),  # the ordinal "tư" is said in the south too
]


def test_each_class_has_at_least_ten_cases() -> None:
    for table in (PER, RANGES, MONEY_AND_UNITS, ROMAN):
        assert len(table) >= 10


@pytest.mark.parametrize(("written", "spoken"), PER + RANGES + MONEY_AND_UNITS + ROMAN)
def test_northern(written: str, spoken: str) -> None:
    assert NORTH.read(written).spoken == spoken


@pytest.mark.parametrize(
    ("written", "spoken"), PER_SOUTH + RANGES_SOUTH + MONEY_AND_UNITS_SOUTH + ROMAN_SOUTH
)
def test_southern(written: str, spoken: str) -> None:
    assert SOUTH.read(written).spoken == spoken


@pytest.mark.parametrize("written", ["đĩa CD", "MIX", "lớp IX", "XX"])
def test_what_only_looks_roman_is_left_and_reported(written: str) -> None:
    reading = NORTH.read(written)
    assert reading.spoken == written
    assert reading.unknown == [written.split()[-1]]


@pytest.mark.parametrize("written", ["35 m³", "500.000đ", "5 000.000đ", "12-NQ/TW", "2 500.000đ"])
def test_nothing_garbled(written: str) -> None:
    spoken = NORTH.read(written).spoken
    assert not any(mark in spoken for mark in ("³", ".000", "/", "-nghị", "mét³")), spoken
