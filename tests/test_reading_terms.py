"""Abbreviations read from the project's glossary (content/glossary.yml), what is left unread
and reported with its position, a whole paragraph, and `site-builder say` (issue #31, §1).

Written by hand from how a VOV or provincial announcer reads; never regenerated from the
output.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from site_builder.content.validate import load_reading
from site_builder.radio.normalise import Reader
from site_builder.radio.script import reader_for

REPO = Path(__file__).resolve().parent.parent
NORTH = reader_for(load_reading(REPO))  # the glossary editors extend, as `say` reads it
SOUTH = Reader(NORTH.glossary, south=True)

ABBREVIATIONS = [
    ("thẻ BHYT", "thẻ bảo hiểm y tế"),
    ("đóng BHXH", "đóng bảo hiểm xã hội"),
    ("các HTX", "các hợp tác xã"),
    ("Hội CCB xã", "Hội cựu chiến binh xã"),
    ("giữ vững ANTT", "giữ vững an ninh trật tự"),
    ("phát triển KT-XH", "phát triển kinh tế – xã hội"),
    ("sự nghiệp CNH-HĐH", "sự nghiệp công nghiệp hóa, hiện đại hóa"),
    ("trường THCS và THPT", "trường trung học cơ sở và trung học phổ thông"),
    ("trường MN Bình Lư", "trường mầm non Bình Lư"),
    ("TTVH huyện", "Trung tâm Văn hóa huyện"),
    ("thuộc TT. Tam Đường", "thuộc thị trấn Tam Đường"),
    ("TT. Tam Đường có 12 bản", "Thị trấn Tam Đường có mười hai bản"),
    ("TT. Huyện ủy", "Thường trực Huyện ủy"),
    ("TT.HĐND huyện", "Thường trực Hội đồng nhân dân huyện"),
    ("về TP. Lai Châu", "về thành phố Lai Châu"),
    ("về TP.Lai Châu", "về thành phố Lai Châu"),
    ("lúa, ngô, v.v.", "lúa, ngô, vân vân."),
    ("đại dịch COVID-19", "đại dịch Cô-vít mười chín"),
    ("đại dịch Covid-19", "đại dịch Cô-vít mười chín"),
    ("đại dịch covid-19", "đại dịch Cô-vít mười chín"),
    ("các htx và Ubnd xã", "các hợp tác xã và Ủy ban nhân dân xã"),  # any capitals: safe
    ("Đ/c Sùng Lữ Páo", "Đồng chí Sùng Lữ Páo"),
    ("sản phẩm OCOP", "sản phẩm Ô-cốp"),
    ("công tác PCCC", "công tác phòng cháy, chữa cháy"),
    ("Văn phòng HĐND-UBND huyện", "Văn phòng Hội đồng nhân dân – Ủy ban nhân dân huyện"),
    ("Chương trình MTQG", "Chương trình mục tiêu quốc gia"),
]  # fmt: skip


def test_at_least_ten_abbreviations() -> None:
    assert len(ABBREVIATIONS) >= 10


@pytest.mark.parametrize(("written", "spoken"), ABBREVIATIONS)
def test_abbreviations(written: str, spoken: str) -> None:
    reading = NORTH.read(written)
    assert (reading.spoken, reading.unknown) == (spoken, [])


def test_a_term_that_spells_a_word_matches_only_as_written() -> None:
    reader = Reader({"CA": "Công an"})
    assert reader.read("ca sĩ của CA huyện").spoken == "ca sĩ của Công an huyện"


def test_unknown_abbreviations_are_left_and_reported_with_their_place() -> None:
    reading = NORTH.read("Nộp tại KBNN và UBND\nphối hợp với BQLDA, KBNN")
    assert reading.spoken == "Nộp tại KBNN và Ủy ban nhân dân\nphối hợp với BQLDA, KBNN"
    assert reading.unknown == ["KBNN", "BQLDA"]  # each once, in order
    found = [(f.code, f.found, f.line, f.col) for f in reading.flags]
    assert found == [
        ("unknown-abbreviation", "KBNN", 1, 9),
        ("unknown-abbreviation", "BQLDA", 2, 14),
    ]


def test_a_heading_in_capitals_is_not_an_abbreviation() -> None:
    assert NORTH.read("IV. CÔNG TÁC KHEN THƯỞNG").unknown == []
    assert NORTH.read("Quốc hội KHÓA XV").unknown == []


# A paragraph of the kind the station reads, with every class in it.
PARAGRAPH = (
    "Thực hiện Kế hoạch số 1279/KH-UBND ngày 17/9/2021 của UBND huyện, đến hết quý III/2022 "
    "toàn huyện có 9/14 xã đạt chuẩn nông thôn mới; thu nhập bình quân đạt 32,5 triệu "
    "đồng/người/năm, tăng 10%-12% so với năm 2021. Diện tích chè đạt 2.450 ha, năng suất "
    "8-9 tấn/ha; tỷ lệ người dân tham gia BHYT đạt 98,5%.\n"
    "Hội nghị tổng kết theo Nghị quyết số 05-NQ/HU được tổ chức lúc 8h30 ngày 2/9 tại TT. "
    "Tam Đường, chào mừng Đại hội Đảng bộ huyện lần thứ XXI, nhiệm kỳ 2025-2030. Nhiệt độ "
    "tại Tả Lèng có thể xuống -2°C; mọi thông tin xin liên hệ (0213) 3876 543."
)
PARAGRAPH_NORTH = (
    "Thực hiện Kế hoạch số một nghìn hai trăm bảy mươi chín ngày mười bảy tháng chín năm hai "
    "nghìn không trăm hai mươi mốt của Ủy ban nhân dân huyện, đến hết quý ba năm hai nghìn "
    "không trăm hai mươi hai toàn huyện có chín trên mười bốn xã đạt chuẩn nông thôn mới; thu "
    "nhập bình quân đạt ba mươi hai phẩy năm triệu đồng một người một năm, tăng mười đến mười "
    "hai phần trăm so với năm hai nghìn không trăm hai mươi mốt. Diện tích chè đạt hai nghìn "
    "bốn trăm năm mươi héc-ta, năng suất tám đến chín tấn một héc-ta; tỷ lệ người dân tham gia "
    "bảo hiểm y tế đạt chín mươi tám phẩy năm phần trăm.\n"
    "Hội nghị tổng kết theo Nghị quyết số năm của Huyện ủy được tổ chức lúc tám giờ ba mươi "
    "phút ngày mồng hai tháng chín tại thị trấn Tam Đường, chào mừng Đại hội Đảng bộ huyện lần "
    "thứ hai mươi mốt, nhiệm kỳ hai nghìn không trăm hai mươi lăm – hai nghìn không trăm ba "
    "mươi. Nhiệt độ tại Tả Lèng có thể xuống âm hai độ C; mọi thông tin xin liên hệ không hai "
    "một ba, ba tám bảy sáu, năm bốn ba."
)
PARAGRAPH_SOUTH = (
    "Thực hiện Kế hoạch số một ngàn hai trăm bảy mươi chín ngày mười bảy tháng chín năm hai "
    "ngàn không trăm hai mươi mốt của Ủy ban nhân dân huyện, đến hết quý ba năm hai ngàn "
    "không trăm hai mươi hai toàn huyện có chín trên mười bốn xã đạt chuẩn nông thôn mới; thu "
    "nhập bình quân đạt ba mươi hai phẩy năm triệu đồng một người một năm, tăng mười đến mười "
    "hai phần trăm so với năm hai ngàn không trăm hai mươi mốt. Diện tích chè đạt hai ngàn "
    "bốn trăm năm mươi héc-ta, năng suất tám đến chín tấn một héc-ta; tỷ lệ người dân tham gia "
    "bảo hiểm y tế đạt chín mươi tám phẩy năm phần trăm.\n"
    "Hội nghị tổng kết theo Nghị quyết số năm của Huyện ủy được tổ chức lúc tám giờ ba mươi "
    "phút ngày mồng hai tháng chín tại thị trấn Tam Đường, chào mừng Đại hội Đảng bộ huyện lần "
    "thứ hai mươi mốt, nhiệm kỳ hai ngàn không trăm hai mươi lăm – hai ngàn không trăm ba "
    "mươi. Nhiệt độ tại Tả Lèng có thể xuống âm hai độ C; mọi thông tin xin liên hệ không hai "
    "một ba, ba tám bảy sáu, năm bốn ba."
)


def test_a_paragraph_of_administrative_text() -> None:
    reading = NORTH.read(PARAGRAPH)
    assert reading.spoken == PARAGRAPH_NORTH
    assert reading.flags == []


def test_a_paragraph_of_administrative_text_in_the_south() -> None:
    assert SOUTH.read(PARAGRAPH).spoken == PARAGRAPH_SOUTH


def test_say_warns_of_unknown_abbreviations_and_addresses_with_their_place() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "site_builder", "say",
         "Ban quản lý BQLDA huyện và HTX\nxem tại tamduong.laichau.gov.vn"],
        cwd=REPO, capture_output=True, text=True, check=False, timeout=120,
        env={**os.environ, "SITE_BUILDER_LANG": "vi"},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        "Ban quản lý BQLDA huyện và hợp tác xã\nxem tại tamduong chấm laichau chấm gov chấm vn\n"
    )
    warnings = result.stderr.splitlines()
    assert len(warnings) == 2, result.stderr
    assert warnings[0].startswith("(say):1:13: cảnh báo: chữ viết tắt 'BQLDA'")
    assert warnings[1].startswith("(say):2:9: cảnh báo: địa chỉ web 'tamduong.laichau.gov.vn'")
