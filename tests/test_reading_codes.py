"""The spoken form of codes (issue #31, section 1): documents read with their issuer,
telephone numbers digit by digit in groups, roads, postcodes, web and e-mail addresses.

Written by hand from how a VOV or provincial announcer reads; never regenerated from the
output. A document's kind (QĐ, NQ) is not read: the text names it before the number.
"""

from __future__ import annotations

import pytest

from site_builder.radio.normalise import Reader

NORTH = Reader({"UBND": "Ủy ban nhân dân", "HĐND": "Hội đồng nhân dân"})
SOUTH = Reader({"UBND": "Ủy ban nhân dân", "HĐND": "Hội đồng nhân dân"}, south=True)

DOCUMENTS = [
    ("Quyết định số 345/QĐ-UBND", "Quyết định số ba trăm bốn mươi lăm của Ủy ban nhân dân"),
    ("Nghị định 176/2004/NĐ-CP",
     "Nghị định một trăm bảy mươi sáu năm hai nghìn không trăm linh bốn của Chính phủ"),
    ("Thông tư số 12/2023/TT-BTC",
     "Thông tư số mười hai năm hai nghìn không trăm hai mươi ba của Bộ Tài chính"),
    ("Nghị quyết số 1670/NQ-UBTVQH15",
     "Nghị quyết số một nghìn sáu trăm bảy mươi của Ủy ban Thường vụ Quốc hội khóa mười lăm"),
    ("Luật số 15/2012/QH13",
     "Luật số mười lăm năm hai nghìn không trăm mười hai của Quốc hội khóa mười ba"),
    ("Quyết định số 17/2020/QĐ-TTg",
     "Quyết định số mười bảy năm hai nghìn không trăm hai mươi của Thủ tướng Chính phủ"),
    ("Thông tư liên tịch số 05/2015/TTLT-BTC-BNV",
     "Thông tư liên tịch số năm năm hai nghìn không trăm mười lăm của Bộ Tài chính và "
     "Bộ Nội vụ"),
    ("Kế hoạch số 45/KH-SVHTTDL",
     "Kế hoạch số bốn mươi lăm của Sở Văn hóa, Thể thao và Du lịch"),
    ("Quyết định số 567/QĐ-SNV", "Quyết định số năm trăm sáu mươi bảy của Sở Nội vụ"),
    ("Công văn số 1234/UBND-VP",
     "Công văn số một nghìn hai trăm ba mươi tư của Ủy ban nhân dân"),
    # the Party: the number first
    ("Nghị quyết số 23-NQ/TW", "Nghị quyết số hai mươi ba của Trung ương"),
    ("Chỉ thị số 15-CT/TU", "Chỉ thị số mười lăm của Tỉnh ủy"),
    ("Kết luận số 124-KL/HU", "Kết luận số một trăm hai mươi tư của Huyện ủy"),
    ("Hướng dẫn số 08-HD/BTGTU", "Hướng dẫn số tám của Ban Tuyên giáo Tỉnh ủy"),
    ("các KL/HU", "các kết luận của Huyện ủy"),
    # the issuer named by the sentence is not read twice
    ("Nghị quyết số 53/NQ-HĐND ngày 17/12/2021 của Hội đồng nhân dân huyện",
     "Nghị quyết số năm mươi ba ngày mười bảy tháng mười hai năm hai nghìn không trăm hai "
     "mươi mốt của Hội đồng nhân dân huyện"),
    ("Kế hoạch số 1279/KH-UBND ngày 17/9/2021",
     "Kế hoạch số một nghìn hai trăm bảy mươi chín của Ủy ban nhân dân ngày mười bảy tháng "
     "chín năm hai nghìn không trăm hai mươi mốt"),
]  # fmt: skip
DOCUMENTS_SOUTH = [
    ("Kết luận số 124-KL/HU", "Kết luận số một trăm hai mươi bốn của Huyện ủy"),
    ("Công văn số 1234/UBND-VP",
     "Công văn số một ngàn hai trăm ba mươi bốn của Ủy ban nhân dân"),
    ("Nghị định 105/2004/NĐ-CP",
     "Nghị định một trăm lẻ năm năm hai ngàn không trăm lẻ bốn của Chính phủ"),
]  # fmt: skip

PHONES_ROADS_POSTCODES = [
    ("0912 345 678", "không chín một hai, ba bốn năm, sáu bảy tám"),
    ("0912345678", "không chín một hai, ba bốn năm, sáu bảy tám"),
    ("0912.345.678", "không chín một hai, ba bốn năm, sáu bảy tám"),
    ("(0213) 3876 543", "không hai một ba, ba tám bảy sáu, năm bốn ba"),
    ("0213.3876.543", "không hai một ba, ba tám bảy sáu, năm bốn ba"),
    ("02133876543", "không hai một ba, ba tám bảy sáu, năm bốn ba"),
    ("+84 912 345 678", "cộng tám bốn, chín một hai, ba bốn năm, sáu bảy tám"),
    ("+84912345678", "cộng tám bốn, chín một hai, ba bốn năm, sáu bảy tám"),
    ("đường dây nóng 1022", "đường dây nóng một không hai hai"),
    ("gọi 113", "gọi một một ba"),
    ("gọi 0912 345 678 từ 8h", "gọi không chín một hai, ba bốn năm, sáu bảy tám từ tám giờ"),
    ("Quốc lộ 4D", "Quốc lộ bốn D"),
    ("QL32", "Quốc lộ ba mươi hai"),
    ("QL.4D", "Quốc lộ bốn D"),
    ("QL 279", "Quốc lộ hai trăm bảy mươi chín"),
    ("ĐT.128", "Đường tỉnh một trăm hai mươi tám"),
    ("sạt lở tại Km 15+200 Quốc lộ 4D",
     "sạt lở tại ki-lô-mét mười lăm cộng hai trăm Quốc lộ bốn D"),
    ("số nhà 12A", "số nhà mười hai A"),
    ("mã bưu chính 30000", "mã bưu chính ba không không không không"),
    ("mã số 03390", "mã số không ba ba chín không"),
]  # fmt: skip
PHONES_ROADS_POSTCODES_SOUTH = [
    ("tại Km 24 QL4D", "tại ki-lô-mét hai mươi bốn Quốc lộ bốn D"),
    ("0912 345 678", "không chín một hai, ba bốn năm, sáu bảy tám"),
]

# An address is read out for a listener (north "a còng", south "a móc") and flagged.
ADDRESSES = [
    ("xem tại tamduong.laichau.gov.vn.", "xem tại tamduong chấm laichau chấm gov chấm vn."),
    ("https://laichau.gov.vn", "laichau chấm gov chấm vn"),
    ("www.vov.vn", "vov chấm vn"),
    ("http://example.com/tin-tuc", "example chấm com gạch chéo tin gạch ngang tuc"),
    ("covid19.gov.vn", "covid một chín chấm gov chấm vn"),
    ("vanhoa@laichau.gov.vn", "vanhoa a còng laichau chấm gov chấm vn"),
    ("gửi về ubnd_tamduong@gmail.com nhé",
     "gửi về ubnd gạch dưới tamduong a còng gmail chấm com nhé"),
    ("(laichau.gov.vn)", "(laichau chấm gov chấm vn)"),
    ("Cổng thông tin điện tử: https://tamduong.laichau.gov.vn/,",
     "Cổng thông tin điện tử: tamduong chấm laichau chấm gov chấm vn,"),
    ("tinhuy.laichau.org.vn", "tinhuy chấm laichau chấm org chấm vn"),
]  # fmt: skip
ADDRESSES_SOUTH = [
    ("vanhoa@laichau.gov.vn", "vanhoa a móc laichau chấm gov chấm vn"),
]


def test_each_class_has_at_least_ten_cases() -> None:
    for table in (DOCUMENTS, PHONES_ROADS_POSTCODES, ADDRESSES):
        assert len(table) >= 10


@pytest.mark.parametrize(("written", "spoken"), DOCUMENTS + PHONES_ROADS_POSTCODES + ADDRESSES)
def test_northern(written: str, spoken: str) -> None:
    assert NORTH.read(written).spoken == spoken


@pytest.mark.parametrize(
    ("written", "spoken"), DOCUMENTS_SOUTH + PHONES_ROADS_POSTCODES_SOUTH + ADDRESSES_SOUTH
)
def test_southern(written: str, spoken: str) -> None:
    assert SOUTH.read(written).spoken == spoken


@pytest.mark.parametrize(("written", "_"), ADDRESSES)
def test_every_address_is_flagged(written: str, _: str) -> None:
    flags = NORTH.read(written).flags
    assert [f.code for f in flags] == ["radio-url"]
    assert flags[0].found in written and written.index(flags[0].found) + 1 == flags[0].col


def test_an_unknown_issuer_is_left_as_written_and_reported_where_it_is() -> None:
    reading = NORTH.read("Theo Quyết định số 12/QĐ-BQLDA, huyện")
    assert reading.spoken == "Theo Quyết định số mười hai của BQLDA, huyện"
    assert reading.unknown == ["BQLDA"]
    assert [(f.code, f.found, f.line, f.col) for f in reading.flags] == [
        ("unknown-abbreviation", "BQLDA", 1, 26)
    ]


def test_the_glossary_extends_the_issuers() -> None:
    reader = Reader({"BQLDA": "Ban Quản lý dự án"})
    reading = reader.read("Quyết định số 12/QĐ-BQLDA")
    assert reading.spoken == "Quyết định số mười hai của Ban Quản lý dự án"
    assert reading.unknown == []


def test_an_issuer_is_read_from_the_table_before_the_glossary() -> None:
    """In a code "BTC" is the Ministry of Finance; in a news item, the organising board."""
    reader = Reader({"BTC": "Ban Tổ chức"})
    assert reader.read("Thông tư 12/TT-BTC").spoken == "Thông tư mười hai của Bộ Tài chính"
    assert reader.read("BTC giải chạy").spoken == "Ban Tổ chức giải chạy"


@pytest.mark.parametrize("written", ["12-NQ/TW", "345/QĐ-UBND", "23-NQ/TW.", "05/CT-UBND,"])
def test_no_code_is_half_read(written: str) -> None:
    spoken = NORTH.read(written).spoken
    assert not any(c.isdigit() for c in spoken) and "/" not in spoken and "-" not in spoken
