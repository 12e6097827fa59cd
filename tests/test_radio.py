"""Radio scripts: the spoken form (a hand-written table), timing, outputs, validation."""

from __future__ import annotations

import subprocess
import sys
import unicodedata

import docx
import pytest

from site_builder.radio.normalise import Reader
from site_builder.radio.timing import seconds, syllables

from conftest import tree_hash

GLOSSARY = {
    "UBND": "Ủy ban nhân dân",
    "HĐND": "Hội đồng nhân dân",
    "MTTQ": "Mặt trận Tổ quốc",
    "TĐKT": "thi đua, khen thưởng",
    "OCOP": "Ô-cốp",
    "Covid-19": "Cô-vít mười chín",
}

# Written by hand from the northern reading rules; never regenerated from the output.
CASES = [
    # cardinals and their edge cases
    ("0", "không"),
    ("5", "năm"),
    ("10", "mười"),
    ("11", "mười một"),
    ("14", "mười bốn"),
    ("15", "mười lăm"),
    ("20", "hai mươi"),
    ("21", "hai mươi mốt"),
    ("24", "hai mươi tư"),
    ("25", "hai mươi lăm"),
    ("55", "năm mươi lăm"),
    ("100", "một trăm"),
    ("101", "một trăm linh một"),
    ("105", "một trăm linh năm"),
    ("110", "một trăm mười"),
    ("115", "một trăm mười lăm"),
    ("121", "một trăm hai mươi mốt"),
    ("1000", "một nghìn"),
    ("1005", "một nghìn không trăm linh năm"),
    ("1010", "một nghìn không trăm mười"),
    ("2002", "hai nghìn không trăm linh hai"),
    ("2021", "hai nghìn không trăm hai mươi mốt"),
    ("2025", "hai nghìn không trăm hai mươi lăm"),
    ("10 000", "mười nghìn"),
    ("10.000", "mười nghìn"),
    ("1 000 005", "một triệu không trăm linh năm"),
    ("1.234.567", "một triệu hai trăm ba mươi tư nghìn năm trăm sáu mươi bảy"),
    ("1.000.000.000", "một tỷ"),
    ("-5", "âm năm"),
    ("nhiệt độ -3", "nhiệt độ âm ba"),
    # decimals, percentages, units
    ("95,5", "chín mươi lăm phẩy năm"),
    ("3,05", "ba phẩy không năm"),
    ("1.234,5", "một nghìn hai trăm ba mươi tư phẩy năm"),
    ("95,5%", "chín mươi lăm phẩy năm phần trăm"),
    ("đạt 100 %", "đạt một trăm phần trăm"),
    ("690 km²", "sáu trăm chín mươi ki-lô-mét vuông"),
    ("12 km", "mười hai ki-lô-mét"),
    ("250 ha chè", "hai trăm năm mươi héc-ta chè"),
    ("31 tấn", "ba mươi mốt tấn"),
    ("3,5 triệu đồng", "ba phẩy năm triệu đồng"),
    # dates
    ("21/9/2002", "ngày hai mươi mốt tháng chín năm hai nghìn không trăm linh hai"),
    ("ngày 21/9/2002", "ngày hai mươi mốt tháng chín năm hai nghìn không trăm linh hai"),
    ("Ngày 1/4/2022", "Ngày mồng một tháng tư năm hai nghìn không trăm hai mươi hai"),
    ("ngày 03/12/2021", "ngày mồng ba tháng mười hai năm hai nghìn không trăm hai mươi mốt"),
    ("ngày 10/10/2004", "ngày mồng mười tháng mười năm hai nghìn không trăm linh bốn"),
    ("ngày 11/11/2011", "ngày mười một tháng mười một năm hai nghìn không trăm mười một"),
    ("ngày 30/8", "ngày ba mươi tháng tám"),
    ("tháng 1/2022", "tháng một năm hai nghìn không trăm hai mươi hai"),
    ("(21/9/2002-21/9/2022)",
     "(ngày hai mươi mốt tháng chín năm hai nghìn không trăm linh hai đến "
     "ngày hai mươi mốt tháng chín năm hai nghìn không trăm hai mươi hai)"),
    # ranges
    ("2021 - 2025", "hai nghìn không trăm hai mươi mốt đến hai nghìn không trăm hai mươi lăm"),
    ("giai đoạn 2021-2030",
     "giai đoạn hai nghìn không trăm hai mươi mốt đến hai nghìn không trăm ba mươi"),
    ("2021–2025", "hai nghìn không trăm hai mươi mốt đến hai nghìn không trăm hai mươi lăm"),
    ("từ 5-7 người", "từ năm đến bảy người"),
    # ordinals and Roman numerals
    ("lần thứ XX", "lần thứ hai mươi"),
    ("Đại hội lần thứ IV", "Đại hội lần thứ tư"),
    ("khóa XV", "khóa mười lăm"),
    ("lần thứ 1", "lần thứ nhất"),
    ("lần thứ 3", "lần thứ ba"),
    # abbreviations from the glossary
    ("UBND huyện", "Ủy ban nhân dân huyện"),
    ("HĐND và MTTQ", "Hội đồng nhân dân và Mặt trận Tổ quốc"),
    ("Hội đồng TĐKT", "Hội đồng thi đua, khen thưởng"),
    ("sản phẩm OCOP", "sản phẩm Ô-cốp"),
    ("phòng, chống Covid-19", "phòng, chống Cô-vít mười chín"),
    # document codes stay readable
    # (read with their issuers since #31: the tables are in tests/test_reading_codes.py)
    ("Kế hoạch số 1279/KH-UBND",
     "Kế hoạch số một nghìn hai trăm bảy mươi chín của Ủy ban nhân dân"),
    ("Nghị quyết số 53/NQ-HĐND", "Nghị quyết số năm mươi ba của Hội đồng nhân dân"),
    ("Nghị định 176/2004/NĐ-CP",
     "Nghị định một trăm bảy mươi sáu năm hai nghìn không trăm linh bốn của Chính phủ"),
    ("Chỉ thị số 05/CT-UBND", "Chỉ thị số năm của Ủy ban nhân dân"),
    # numbers inside words and codes, times, phone numbers, section numbers
    ("F0", "F0"),
    ("mạng 5G", "mạng 5G"),
    ("Covid-20", "Covid hai mươi"),
    ("lúc 19:30", "lúc mười chín giờ ba mươi phút"),
    ("lúc 7:00", "lúc bảy giờ"),
    ("số 0912345678", "số không chín một hai, ba bốn năm, sáu bảy tám"),  # in groups (#31)
    ("mục 2.1", "mục hai chấm một"),
    ("Lưu: VT, NV.", ""),
    ("Tam Đường & Lai Châu", "Tam Đường và Lai Châu"),
]  # fmt: skip

SOUTH = [
    ("105", "một trăm lẻ năm"),
    ("2002", "hai ngàn không trăm lẻ hai"),
    ("24", "hai mươi bốn"),
    ("1005", "một ngàn không trăm lẻ năm"),
]


def test_the_table_has_at_least_60_cases() -> None:
    assert len(CASES) >= 60


@pytest.mark.parametrize(("written", "spoken"), CASES)
def test_spoken_form(written: str, spoken: str) -> None:
    assert Reader(GLOSSARY).read(written).spoken == spoken


@pytest.mark.parametrize(("written", "spoken"), SOUTH)
def test_southern_forms(written: str, spoken: str) -> None:
    assert Reader(GLOSSARY, south=True).read(written).spoken == spoken


def test_unknown_abbreviations_are_kept_and_listed_not_guessed() -> None:
    reading = Reader(GLOSSARY).read("HTX và UBND cùng PCCC")
    assert reading.spoken == "HTX và Ủy ban nhân dân cùng PCCC"
    assert reading.unknown == ["HTX", "PCCC"]


def test_all_caps_headings_are_not_abbreviations() -> None:
    assert Reader(GLOSSARY).read("KẾ HOẠCH THI ĐUA").unknown == []


def test_timing_counts_spoken_syllables() -> None:
    spoken = Reader(GLOSSARY).read("Năm 2022 có 21 xã.").spoken
    assert spoken == "Năm hai nghìn không trăm hai mươi hai có hai mươi mốt xã."
    assert syllables(spoken) == 13  # 5 written tokens, 13 spoken syllables
    assert seconds(spoken, 230) == pytest.approx(13 * 60 / 230)
    assert syllables("Ô-cốp") == 2


# --- programmes, outputs and validation ---------------------------------------------------

PROGRAMME = """\
title: Chương trình thử
column: Thử
air_date: 2022-09-15
air_time: "19:30"
duration_minutes: {minutes}
editor: Biên tập
readers: [Người đọc]
segments:
  - kind: opening
    text: Xin chào quý vị ngày 21/9/2022.
  - kind: news
    ref: {ref}
  - kind: music
  - kind: insert
    seconds: 30
    cue_in: Tiếng
    cue_out: hết.
  - kind: closing
    text: Xin chào và hẹn gặp lại. HTX.
"""
NEWS = """\
title: {vi: Tin UBND}
date: 2022-06-01
summary: {vi: Tóm tắt có 100 người.}
body: {vi: "Nội dung **đậm** năm 2022."}
category: chien-dich
"""


def radio_site(make_site, minutes: float = 1.5, ref: str = "tin"):
    site = make_site({
        "content/news/2022/tin.yml": NEWS,
        "content/radio/thu.yml": PROGRAMME.format(minutes=minutes, ref=ref),
        "content/glossary.yml": "terms:\n  UBND: Ủy ban nhân dân\n",
    })  # fmt: skip
    site.write("content/site.yml", (site.root / "content/site.yml").read_text() + (
        "radio:\n  station: Đài thử\n  unit: Đơn vị thử\n  jingle_seconds: 20\n  music_seconds: 5\n"
    ))  # fmt: skip
    return site


def test_missing_reference_fails_validation_with_file_and_line(make_site) -> None:
    site = radio_site(make_site, ref="khong-co")
    result = site.cli("radio")
    assert result.returncode == 1
    assert (
        "content/radio/thu.yml:12:10: lỗi: 'segments[1].ref': không có tin nào có mã 'khong-co'"
        in result.stderr
    )


def test_outputs_text_html_and_word(make_site, tmp_path) -> None:
    site = radio_site(make_site)
    result = site.cli("radio", "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    # the warning for the unknown abbreviation names the segment's line
    assert (
        "content/radio/thu.yml:19:11: cảnh báo: 'segments[4]': chữ viết tắt 'HTX'" in result.stderr
    )
    raw = (tmp_path / "out" / "thu.txt").read_bytes()
    text = raw.decode("utf-8")  # strict UTF-8
    assert unicodedata.is_normalized("NFC", text)
    assert "Đài: Đài thử" in text and "Giờ phát: 19:30" in text
    assert (
        "Xin chào quý vị ngày hai mươi mốt tháng chín năm hai nghìn không trăm hai mươi hai."
        in text
    )
    assert "Tin Ủy ban nhân dân." in text and "Tóm tắt có một trăm người." in text
    assert "    Tóm tắt có 100 người." in text  # the written form stays beside the spoken one
    assert "♪ Vào: Tiếng · Ra: hết." in text
    html = (tmp_path / "out" / "thu.html").read_text(encoding="utf-8")
    assert '<html lang="vi">' in html and "<h2>2. Tin — Tin UBND</h2>" in html
    document = docx.Document(str(tmp_path / "out" / "thu.docx"))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings == [
        "1. Nhạc hiệu + lời xướng",
        "2. Tin — Tin UBND",
        "3. Nhạc cắt",
        "4. Băng ghi âm",
        "5. Lời kết",
    ]
    body = "\n".join(p.text for p in document.paragraphs)
    assert "Nội dung đậm năm hai nghìn không trăm hai mươi hai." in body
    assert document.tables[0].rows[0].cells[1].text == "Đài thử"


def test_timing_and_length_warnings(make_site) -> None:
    site = radio_site(make_site, minutes=5)
    under = [line for line in site.cli("check").stdout.splitlines() if "duration_minutes" in line]
    assert len(under) == 1 and "ngắn hơn 80% thời lượng dự kiến 300 giây" in under[0]
    assert under[0].startswith("content/radio/thu.yml:5:19: cảnh báo:")
    site.write("content/radio/thu.yml", PROGRAMME.format(minutes=0.5, ref="tin"))
    over = [line for line in site.cli("check").stdout.splitlines() if "duration_minutes" in line]
    assert len(over) == 1 and "quá thời lượng dự kiến 30 giây" in over[0]


def test_script_timing_adds_jingles_music_and_inserts(make_site) -> None:
    from site_builder.checks import load_content
    from site_builder.radio.script import make_script

    site = radio_site(make_site)
    content, _ = load_content(site.root)
    script = make_script(content.programmes["thu"], content)
    opening, news, music, insert, _ = script.lines
    assert opening.seconds == pytest.approx(20 + syllables(opening.spoken) * 60 / 230)
    assert (music.seconds, insert.seconds) == (5, 30)
    assert news.start == pytest.approx(opening.seconds)
    assert script.total == pytest.approx(sum(line.seconds for line in script.lines))


def test_radio_person_without_consent_is_refused(make_site) -> None:
    site = make_site({
        "content/people/a.yml": "kind: individual\nname: {vi: A}\nsummary: {vi: B}\n"
                                "consent: false\n",
        "content/radio/thu.yml": PROGRAMME.format(minutes=1, ref="tin").replace(
            "  - kind: news\n    ref: tin", "  - kind: person\n    ref: a"),
    })  # fmt: skip
    result = site.cli("check")
    assert result.returncode == 1
    assert (
        "content/radio/thu.yml:12:10: lỗi: 'segments[1].ref': 'A' chưa đồng ý công bố"
        in result.stdout
    )


def test_build_writes_scripts_outside_the_site(make_site) -> None:
    site = radio_site(make_site)
    result = site.cli("build")
    assert result.returncode == 0, result.stderr
    assert (site.root / "radio" / "thu.docx").exists()
    assert not list(site.site.rglob("thu.*"))
    assert "Biên tập" not in "".join(
        p.read_text(errors="replace") for p in site.site.rglob("*.html")
    )


def test_a_radio_folder_that_cannot_be_written_keeps_the_site_and_says_where(make_site) -> None:
    site = radio_site(make_site)
    assert site.cli("build").returncode == 0
    before = tree_hash(site.site)
    (site.root / "blocker").write_text("a file where a folder was meant", encoding="utf-8")
    site.write("content/news/2022/tin.yml", NEWS.replace("Tin", "Tin mới", 1))
    for args in (("build", "--radio-dir", "blocker/radio"), ("radio", "--out", "blocker/radio")):
        result = site.cli("--lang", "en", *args)
        assert result.returncode == 3, result.stderr
        refused = "blocker: error: could not read or write here: Not a directory (hint:"
        assert any(line.startswith(refused) for line in result.stderr.splitlines()), result.stderr
        assert "Traceback" not in result.stderr and "Internal error" not in result.stderr
    assert tree_hash(site.site) == before  # refused before anything is written
    assert not [p for p in site.root.iterdir() if p.name.startswith(".site")]


def test_radio_unknown_id_is_a_usage_error(make_site) -> None:
    assert radio_site(make_site).cli("radio", "khong-co").returncode == 2


def test_say_reads_arguments_and_standard_input(make_site) -> None:
    site = radio_site(make_site)
    assert site.cli("say", "UBND có 21 xã").stdout == "Ủy ban nhân dân có hai mươi mốt xã\n"
    piped = subprocess.run(
        [sys.executable, "-m", "site_builder", "say", "--south"],
        input="năm 2002",
        cwd=site.root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert piped.stdout == "năm hai ngàn không trăm lẻ hai\n"


def test_bundled_programmes_are_flagged_illustrative(bundled) -> None:
    from site_builder.checks import load_content
    from site_builder.radio.script import make_script

    content, problems = load_content(bundled.root)
    assert problems == [] and len(content.programmes) >= 3
    for programme in content.programmes.values():
        script = make_script(programme, content)
        assert script.illustrative
        assert 0.8 * script.target <= script.total <= script.target
