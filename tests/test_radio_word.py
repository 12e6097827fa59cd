"""The .docx script as a Vietnamese office prints it (issue #31, section 3).

The file's XML is read as Word reads it: the page, the fonts, the language, the header and
signature blocks, the document properties, and the bytes of two runs.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

import docx
import pytest

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
EPOCH = "1663722001"  # 2022-09-21T01:00:01Z, the build date of these tests
PROGRAMME = """\
title: Tam Đường – 20 năm
column: Thành tựu 20 năm
number: Số 1
air_date: 2022-09-15
air_time: "19:30"
repeat_times: ["06:00"]
duration_minutes: 0.2
editor: Nguyễn Biên Tập
readers: [Phát thanh viên nữ]
approver: Lãnh đạo Trung tâm
segments:
  - kind: opening
    text: Thưa quý vị và các bạn, đây là chương trình thử.
  - kind: closing
    text: Chương trình đến đây là kết thúc.
"""
SETTINGS = "radio:\n  station: Trung tâm thử\n  unit: Ủy ban thử\n"


@pytest.fixture
def script(make_site, tmp_path, monkeypatch) -> Path:
    """The .docx of a small programme, written by `site-builder radio`."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    site = make_site({"content/radio/thu.yml": PROGRAMME})
    settings = (site.root / "content/site.yml").read_text(encoding="utf-8")
    site.write("content/site.yml", settings + SETTINGS)
    result = site.cli("radio", "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    return tmp_path / "out" / "thu.docx"


def part(path: Path, name: str) -> ET.Element:
    with zipfile.ZipFile(path) as package:
        return ET.fromstring(package.read(name))


def test_the_page_is_a4_with_an_office_documents_margins(script: Path) -> None:
    section = part(script, "word/document.xml").find(f"{W}body/{W}sectPr")
    assert section is not None
    size, margins = section.find(f"{W}pgSz"), section.find(f"{W}pgMar")
    assert size is not None and margins is not None
    assert (size.get(f"{W}w"), size.get(f"{W}h")) == ("11906", "16838")  # 210 × 297 mm
    mm = {side: int(margins.get(f"{W}{side}") or 0) / 56.7 for side in
          ("top", "bottom", "left", "right")}  # twips to millimetres  # fmt: skip
    assert 20 <= round(mm["top"]) <= 25 and 20 <= round(mm["bottom"]) <= 25
    assert 30 <= round(mm["left"]) <= 35 and 15 <= round(mm["right"]) <= 20


def test_the_text_is_vietnamese_in_times_new_roman(script: Path) -> None:
    styles = part(script, "word/styles.xml")
    defaults = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
    assert defaults is not None
    fonts, lang = defaults.find(f"{W}rFonts"), defaults.find(f"{W}lang")
    assert fonts is not None and lang is not None
    assert {fonts.get(f"{W}{a}") for a in ("ascii", "hAnsi", "cs", "eastAsia")} == {
        "Times New Roman"
    }
    assert lang.get(f"{W}val") == "vi-VN"
    # no style falls back to the template's theme fonts (Calibri, Cambria) or another language
    assert not [f.attrib for f in styles.iter(f"{W}rFonts") if any("heme" in a for a in f.attrib)]
    assert {la.get(f"{W}val") for la in styles.iter(f"{W}lang")} == {"vi-VN"}
    document = docx.Document(str(script))
    read = "Thưa quý vị và các bạn, đây là chương trình thử."
    spoken = [p for p in document.paragraphs if p.text == read]
    assert len(spoken) == 1
    style = spoken[0].style
    assert style is not None and style.font.size is not None
    assert style.font.size.pt == 14  # what is read: 14 pt
    normal = document.styles["Normal"].font.size
    assert normal is not None and normal.pt == 13
    assert all(not run.font.name or run.font.name == "Times New Roman"
               for p in document.paragraphs for run in p.runs)  # fmt: skip


def test_pages_are_numbered_at_the_top_from_the_second(script: Path) -> None:
    document = docx.Document(str(script))
    section = document.sections[0]
    assert section.different_first_page_header_footer
    header = section.header._element
    fields = [f.get(f"{W}instr", "").strip() for f in header.iter(f"{W}fldSimple")]
    assert fields == ["PAGE"]
    assert not list(section.first_page_header._element.iter(f"{W}fldSimple"))


def test_the_header_block_and_the_signatures(script: Path) -> None:
    document = docx.Document(str(script))
    rows = {r.cells[0].text: r.cells[1].text for r in document.tables[0].rows}
    assert rows == {
        "Đài": "Trung tâm thử",
        "Đơn vị": "Ủy ban thử",
        "Chương trình": "Tam Đường – 20 năm",
        "Chuyên mục": "Thành tựu 20 năm",
        "Số / chủ đề": "Số 1",
        "Ngày phát": "15/9/2022",
        "Giờ phát": "19:30, 06:00",
        "Thời lượng dự kiến": "0:12",
        "Thời lượng ước tính": rows["Thời lượng ước tính"],
        "Biên tập": "Nguyễn Biên Tập",
        "Phát thanh viên": "Phát thanh viên nữ",
        "Duyệt": "Lãnh đạo Trung tâm",
    }
    assert rows["Thời lượng ước tính"].endswith("(230 âm tiết/phút)")
    top = [p.text for p in document.paragraphs[:4]]
    assert top == ["ỦY BAN THỬ", "TRUNG TÂM THỬ", "KỊCH BẢN PHÁT THANH", "Tam Đường – 20 năm"]
    cells = document.tables[-1].rows[0].cells
    signatures = [[p.text for p in cell.paragraphs if p.text] for cell in cells]
    assert signatures == [["BIÊN TẬP", "(Ký, ghi rõ họ tên)", "Nguyễn Biên Tập"],
                          ["DUYỆT", "(Ký, ghi rõ họ tên)", "Lãnh đạo Trung tâm"]]  # fmt: skip


def test_the_properties_are_the_programmes_and_the_builds(script: Path) -> None:
    with zipfile.ZipFile(script) as package:
        names = package.namelist()
        everything = b"".join(package.read(n) for n in names)
        core = package.read("docProps/core.xml").decode("utf-8")
        app = package.read("docProps/app.xml").decode("utf-8")
    fields = {e.tag.split("}")[1]: e.text for e in ET.fromstring(core.encode())}
    assert fields["title"] == "Tam Đường – 20 năm"
    assert fields["creator"] == "Nguyễn Biên Tập"
    assert fields["description"] == "Trung tâm thử"
    assert fields["language"] == "vi-VN"
    assert fields["created"] == fields["modified"] == "2022-09-21T01:00:01Z"
    assert "<Company>Trung tâm thử</Company>" in app
    assert b"python-docx" not in everything and b"2013-" not in everything
    assert b"Macintosh" not in app.encode() and "docProps/thumbnail.jpeg" not in names


def test_two_runs_give_the_same_bytes(make_site, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    site = make_site({"content/radio/thu.yml": PROGRAMME})
    settings = (site.root / "content/site.yml").read_text(encoding="utf-8")
    site.write("content/site.yml", settings + SETTINGS)
    for out in ("a", "b"):
        assert site.cli("radio", "--out", str(tmp_path / out)).returncode == 0
    assert (tmp_path / "a" / "thu.docx").read_bytes() == (tmp_path / "b" / "thu.docx").read_bytes()
