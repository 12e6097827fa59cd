"""Scripts fit for the air, drafts and delivery (issue #31, sections 2 and 4).

Tiny sites driven through the command line, as an editor runs it; the expected wording and
warnings are written by hand from the rules in the editors' guide.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import subprocess
import sys
import zlib
from decimal import Decimal
from pathlib import Path

import docx
import pytest
import yaml

from site_builder.content.model import Metric
from site_builder.radio.onair import brackets, findings
from site_builder.radio.script import metric_sentence
from site_builder.text.i18n import Text

from conftest import REPO

SETTINGS = "radio:\n  station: Đài thử\n  unit: Đơn vị thử\n  jingle_seconds: 5\n"
GLOSSARY = "terms:\n  UBND: Ủy ban nhân dân\n  HĐND: Hội đồng nhân dân\n"
HEAD = """\
title: Chương trình thử
column: Thử
air_date: 2022-09-15
air_time: "19:30"
duration_minutes: {minutes}
editor: Biên tập
readers: [Người đọc]
{extra}segments:
"""
SEGMENTS = """\
  - kind: opening
    text: Xin chào quý vị. Chương trình xin tạm dừng tại đây.
  - kind: text
    text: |
      Xem toàn văn tại trang thông tin điện tử của huyện
      hoặc bấm vào đây: https://tamduong.example.vn/ke-hoach [1] 🎉
  - kind: lead
    text: "**Tin nổi bật** của [tuần](https://example.vn)"
  - kind: news
    ref: tin
  - kind: closing
    text: |
      # Lời kết
      Hẹn gặp lại.
"""
NEWS = """\
title: {vi: Tin thử}
date: 2022-06-01
summary: {vi: Đường dẫn lên cầu Bản Hon đã thông xe.}
body:
  vi: |
    Mời quý vị xem ảnh dưới đây. Câu này viết
    tiếp ở dòng sau.

    Đoạn hai.
category: chien-dich
"""


def site_with(make_site, segments: str, *, minutes: float = 5, extra: str = "approver: A\n",
              files: dict[str, str] | None = None):  # fmt: skip
    site = make_site({
        "content/radio/thu.yml": HEAD.format(minutes=minutes, extra=extra) + segments,
        "content/news/2022/tin.yml": NEWS,
        "content/glossary.yml": GLOSSARY,
        **(files or {}),
    })  # fmt: skip
    settings = (site.root / "content/site.yml").read_text(encoding="utf-8")
    site.write("content/site.yml", settings + SETTINGS)
    return site


def radio_warnings(output: str, length: bool = False) -> list[str]:
    """The warnings of a `check` listing, without their hints; `length`: with the timing's."""
    lines = [line for line in output.splitlines() if ": cảnh báo: " in line]
    lines = [line for line in lines if length or "'duration_minutes'" not in line]
    return [line.split(" (gợi ý:")[0] for line in lines]


def spoken(script: str, number: int) -> list[str]:
    """The read lines of section `number` of a text script (not its written form)."""
    lines = script.split(f"] {number}. ", 1)[1].split("\n\n", 1)[0].splitlines()[1:]
    read = []
    for line in lines:
        if line.startswith("  Bản viết:"):
            break
        if not line.startswith(("  ♪", "  Người đọc:")):
            read.append(line.strip())
    return read


# --- section 2: web wording -------------------------------------------------------------------


def test_web_wording_is_a_warning_with_its_segment_and_place(make_site) -> None:
    site = site_with(make_site, SEGMENTS)
    result = site.cli("check")
    assert result.returncode == 0, result.stdout
    item = " (trong content/news/2022/tin.yml)"
    assert radio_warnings(result.stdout) == [
        "content/radio/thu.yml:13:11: cảnh báo: 'segments[1].text': biểu tượng '🎉' không đọc "
        "được trên sóng",
        "content/radio/thu.yml:13:11: cảnh báo: 'segments[1].text': dấu chú thích '[1]' không "
        "đọc được trên sóng",
        "content/radio/thu.yml:13:11: cảnh báo: 'segments[1].text': địa chỉ web "
        "'https://tamduong.example.vn/ke-hoach' sẽ bị đọc từng chữ trên sóng",
        "content/radio/thu.yml:13:11: cảnh báo: 'segments[1].text': lời chỉ hợp với trang web, "
        "người nghe đài không làm theo được: 'Xem toàn văn tại trang thông tin điện'",
        "content/radio/thu.yml:13:11: cảnh báo: 'segments[1].text': lời chỉ hợp với trang web, "
        "người nghe đài không làm theo được: 'bấm vào'",
        "content/radio/thu.yml:17:11: cảnh báo: 'segments[2].text': định dạng Markdown "
        "'**Tin nổi bật**' trong lời đọc: người nghe không nghe thấy, kịch bản in chữ thường",
        "content/radio/thu.yml:17:11: cảnh báo: 'segments[2].text': định dạng Markdown "
        "'[tuần](https://example.vn)' trong lời đọc: người nghe không nghe thấy, kịch bản in "
        "chữ thường",
        "content/radio/thu.yml:19:10: cảnh báo: 'segments[3].ref': lời chỉ hợp với trang web, "
        f"người nghe đài không làm theo được: 'xem ảnh'{item}",
        "content/radio/thu.yml:21:11: cảnh báo: 'segments[4].text': định dạng Markdown "
        "'# Lời kết' trong lời đọc: người nghe không nghe thấy, kịch bản in chữ thường",
    ]
    # "tạm dừng tại đây" (we stop here) and "đường dẫn lên cầu" (a bridge's approach road)
    # are radio's own words: not one warning for segments[0] nor the news summary
    english = site.cli("--lang", "en", "check").stdout
    assert "warning: 'segments[3].ref': wording that needs a web page" in english
    assert "(in content/news/2022/tin.yml)" in english


def test_own_text_is_read_as_plain_words(make_site, tmp_path) -> None:
    site = site_with(make_site, SEGMENTS)
    assert site.cli("radio", "--out", str(tmp_path / "out")).returncode == 0
    script = (tmp_path / "out" / "thu.txt").read_text(encoding="utf-8")
    assert spoken(script, 3) == ["Tin nổi bật của tuần"]  # no asterisks, no address
    assert spoken(script, 5) == ["Lời kết", "Hẹn gặp lại."]


def test_hand_wrapped_lines_are_one_paragraph_in_all_three_formats(make_site, tmp_path) -> None:
    """Issue #31: a sentence of "gương người tốt việc tốt" broke in the middle."""
    site = site_with(make_site, SEGMENTS)
    assert site.cli("radio", "--out", str(tmp_path / "out")).returncode == 0
    sentence = "Mời quý vị xem ảnh dưới đây. Câu này viết tiếp ở dòng sau."
    script = (tmp_path / "out" / "thu.txt").read_text(encoding="utf-8")
    assert spoken(script, 4)[2:] == [sentence, "Đoạn hai."]
    page = (tmp_path / "out" / "thu.html").read_text(encoding="utf-8")
    assert f'<p class="spoken">{sentence}</p>' in page
    paragraphs = [p.text for p in docx.Document(str(tmp_path / "out" / "thu.docx")).paragraphs]
    assert sentence in paragraphs and "Đoạn hai." in paragraphs


def test_the_wording_rules_have_controls() -> None:
    """Each rule finds its case; radio's own phrases and a km² are left alone."""
    found = {f.found for f in findings(
        "Xem chi tiết ở trang Kế hoạch. Nhấp chuột. Theo đường dẫn sau. Xem ảnh. Như hình dưới "
        "đây. Tải về tại đây. Viết thư tới tam.duong@example.vn hoặc www.example.vn. Số liệu¹."
    )}  # fmt: skip
    assert found == {"Xem chi tiết ở trang Kế hoạch", "Nhấp chuột", "Theo đường dẫn sau",
                     "Xem ảnh", "Như hình dưới đây", "Tải về tại đây", "tam.duong@example.vn",
                     "www.example.vn", "¹"}  # fmt: skip
    innocent = ("Chương trình xin dừng tại đây. Đường dẫn lên cầu đã xong. Diện tích 690 km². "
                "Bà con nhấp ngụm trà. Xem xét hồ sơ tại xã.")  # fmt: skip
    assert findings(innocent) == []


# --- section 2: what is read ------------------------------------------------------------------

FIELD = """\
title: {vi: Kinh tế, en: Economy}
plan_section: "2.1"
summary: {vi: Tóm tắt lĩnh vực., en: Summary.}
narrative:
  vi: |
    Lĩnh vực này có nhiệm vụ riêng<!-- web -->; xem toàn văn ở trang Kế hoạch<!-- /web -->.
    Câu hai viết tiếp
    ở dòng sau.
  en: The field.
"""
PERSON = """\
kind: collective
name: {vi: Tổ thử}
summary: {vi: Tóm tắt tổ.}
story: {vi: "Câu đọc.<!-- web --> Câu chỉ có trên trang."}
"""


def test_web_only_text_stays_on_the_page_and_off_the_air(make_site, tmp_path) -> None:
    segments = "  - {kind: field, ref: kinh-te}\n  - {kind: person, ref: to-thu}\n"
    site = site_with(make_site, segments, minutes=0.25, files={
        "content/fields/kinh-te.yml": FIELD, "content/people/to-thu.yml": PERSON})  # fmt: skip
    result = site.cli("build", "--radio-dir", str(tmp_path / "radio"))
    assert result.returncode == 0, result.stderr
    assert radio_warnings(result.stderr) == [
        "content/radio/thu.yml:11:25: cảnh báo: 'segments[1].ref': <!-- web --> chưa có "
        "<!-- /web --> đóng lại (trong content/people/to-thu.yml): phần sau nó không được đọc"
    ]
    page = site.read("thanh-tuu/kinh-te/index.html")
    assert "Lĩnh vực này có nhiệm vụ riêng; xem toàn văn ở trang Kế hoạch." in page
    assert "<!--" not in page.split("Lĩnh vực này", 1)[1].split("</p>", 1)[0]
    script = (tmp_path / "radio" / "thu.txt").read_text(encoding="utf-8")
    assert spoken(script, 1) == [
        "Kinh tế.",
        "Tóm tắt lĩnh vực.",
        "Lĩnh vực này có nhiệm vụ riêng. Câu hai viết tiếp ở dòng sau.",
    ]
    assert spoken(script, 2) == ["Tổ thử.", "Tóm tắt tổ.", "Câu đọc."]


def test_a_spoken_override_replaces_what_the_segment_reads(make_site, tmp_path) -> None:
    segments = "  - kind: news\n    ref: tin\n    spoken: Lời đọc riêng cho tin này.\n"
    site = site_with(make_site, segments, minutes=0.1)
    assert radio_warnings(site.cli("check").stdout) == []  # the news item's "xem ảnh" is not read
    assert site.cli("radio", "--out", str(tmp_path / "out")).returncode == 0
    script = (tmp_path / "out" / "thu.txt").read_text(encoding="utf-8")
    assert "[0:00] 1. Tin — Tin thử" in script
    assert spoken(script, 1) == ["Lời đọc riêng cho tin này."]


# Written by hand from the bracket rule in the editors' guide.
BRACKETS = [
    ("Hội đồng nhân dân (HĐND) huyện", "Hội đồng nhân dân huyện"),
    ("Ủy ban nhân dân huyện (UBND huyện) họp", "Ủy ban nhân dân huyện họp"),
    ("Hội đồng Thi đua, Khen thưởng (TĐKT)", "Hội đồng Thi đua, Khen thưởng"),
    ("Mỗi xã một sản phẩm (OCOP)", "Mỗi xã một sản phẩm (OCOP)"),  # not its full name: read
    ("nhân dân (UBND)", "nhân dân (UBND)"),
    ("thành lập huyện (21/9/2002)", "thành lập huyện (21/9/2002)"),  # dates inside are read
    ("Bài: Ban biên tập (minh họa (mẫu))", "Bài: Ban biên tập (minh họa, mẫu)"),
    ("(Bài: A (minh họa))", "(Bài: A, minh họa)"),
    ("(a (b) c)", "(a, b, c)"),
]


@pytest.mark.parametrize(("written", "read"), BRACKETS)
def test_the_bracket_rule(written: str, read: str) -> None:
    assert brackets(written, {"UBND": "Ủy ban nhân dân", "OCOP": "Ô-cốp"}) == read


# Written by hand: how a presenter reads a metric, never "năm 2002 là không xã".
METRICS = [
    ("xa", ((2002, 0.0), (2015, 3.0), (2022, 7.0)),
     "Số xã: năm 2002 chưa có xã nào, năm 2015 có 3 xã, đến năm 2022 có 7 xã."),
    ("phan-tram", ((2002, 55.2), (2022, 14.8)), "Số xã: năm 2002 là 55,2%, đến năm 2022 là 14,8%."),
    ("tan", ((2022, 31250.0),), "Số xã: năm 2022 đạt 31.250 tấn."),
    # as content is read: Decimals with the digits written; trailing zeros are not said
    ("tan", ((2002, Decimal("3.125")), (2022, Decimal("31250.0"))),
     "Số xã: năm 2002 đạt 3,125 tấn, đến năm 2022 đạt 31.250 tấn."),
]  # fmt: skip


@pytest.mark.parametrize(("unit", "values", "read"), METRICS)
def test_metric_lines_read_naturally(unit: str, values, read: str) -> None:
    assert metric_sentence(Metric(Text("Số xã"), unit, values)) == read


# --- section 2: approval and length -----------------------------------------------------------


def test_a_programme_without_approver_or_over_its_length_is_warned(make_site) -> None:
    site = site_with(make_site, "  - {kind: closing, text: Hẹn gặp lại.}\n", minutes=0.01, extra="")
    assert radio_warnings(site.cli("check").stdout, length=True) == [
        "content/radio/thu.yml:1:1: cảnh báo: 'approver': chương trình chưa có người duyệt "
        "(approver)",
        "content/radio/thu.yml:5:19: cảnh báo: 'duration_minutes': chương trình dài 1 giây, "
        "quá thời lượng dự kiến 1 giây",
    ]


# --- section 4: drafts ------------------------------------------------------------------------

STAMP = "BẢN NHÁP – CHƯA DUYỆT"
DRAFT = "  - {kind: opening, text: Xin chào.}\n  - {kind: closing, text: Hẹn gặp lại.}\n"


def draft_site(make_site):
    """A draft without approver and over its length (3 s: 6 s read), and an approved one."""
    site = site_with(make_site, DRAFT, minutes=0.05, extra="draft: true\n")
    site.write("content/radio/xong.yml", HEAD.format(minutes=0.11, extra="approver: A\n") + DRAFT)
    return site


def test_a_draft_is_left_out_of_a_full_run_and_of_the_build(make_site, tmp_path) -> None:
    site = draft_site(make_site)
    check = site.cli("check", "--strict")  # no approver, no length: a draft waits
    assert check.returncode == 0, check.stdout
    assert site.cli("radio", "--out", str(tmp_path / "all")).returncode == 0
    assert sorted(p.name for p in (tmp_path / "all").glob("[!.]*")) == [
        "xong.docx", "xong.html", "xong.txt"]  # fmt: skip
    assert site.cli("build").returncode == 0
    assert not list((site.root / "radio").glob("thu.*"))


def test_a_draft_asked_for_by_id_is_stamped_on_every_page(make_site, tmp_path) -> None:
    site = draft_site(make_site)
    result = site.cli("radio", "thu", "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert radio_warnings(result.stderr, length=True) == [  # asked for: its own warnings
        "content/radio/thu.yml:5:19: cảnh báo: 'duration_minutes': chương trình dài 6 giây, "
        "quá thời lượng dự kiến 3 giây"
    ]
    text = (tmp_path / "out" / "thu.txt").read_text(encoding="utf-8")
    assert text.splitlines()[0] == STAMP
    sections = text.split("\n\n")[1:-1]
    assert len(sections) == 2 and all(s.splitlines()[1] == f"  {STAMP}" for s in sections)
    page = (tmp_path / "out" / "thu.html").read_text(encoding="utf-8")
    head = page.split("<thead>", 1)[1].split("</thead>", 1)[0]  # repeated on printed pages
    assert STAMP in head and STAMP in page.split("<table", 1)[0]  # and on screen
    document = docx.Document(str(tmp_path / "out" / "thu.docx"))
    section = document.sections[0]
    for header in (section.header, section.first_page_header):
        assert STAMP in [p.text for p in header.paragraphs]
    assert document.core_properties.content_status == STAMP
    assert not (tmp_path / "out" / "xong.txt").exists()  # only what was asked for


def red_pages(browser, html: Path) -> tuple[int, int]:
    """Print `html` to PDF in Chromium: (pages, pages drawing in the stamp's red #b71c1c)."""
    page = browser.new_page()
    try:
        page.goto(html.as_uri())
        pdf = page.pdf(prefer_css_page_size=True)
    finally:
        page.close()
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    streams = []
    for m in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        with contextlib.suppress(zlib.error):  # fonts and images are not page contents
            streams.append(zlib.decompress(m[1]))
    return pages, sum(b".7176 .1098 .1098 rg" in s for s in streams)


def test_every_printed_page_of_a_drafts_html_carries_the_stamp(browser, make_site, tmp_path):
    words = "".join(f"      Đoạn thứ {n}: " + "lời đọc " * 60 + "\n\n" for n in range(30))
    long = f"  - kind: text\n    text: |\n{words}"
    site = site_with(make_site, long, minutes=20, extra="draft: true\n")
    site.write("content/radio/xong.yml", HEAD.format(minutes=20, extra="approver: A\n") + long)
    assert site.cli("radio", "thu", "xong", "--out", str(tmp_path / "out")).returncode == 0
    pages, stamped = red_pages(browser, tmp_path / "out" / "thu.html")
    assert pages >= 3 and stamped == pages
    assert red_pages(browser, tmp_path / "out" / "xong.html")[1] == 0  # the control: no stamp


# --- section 3: one file mode -----------------------------------------------------------------


@pytest.mark.parametrize("umask", [0o022, 0o027])
def test_all_three_outputs_get_the_mode_of_the_users_umask(make_site, tmp_path, umask) -> None:
    site = site_with(make_site, DRAFT, minutes=0.1)
    subprocess.run([sys.executable, "-m", "site_builder", "radio", "--out", str(tmp_path / "o")],
                   cwd=site.root, check=True, capture_output=True,
                   preexec_fn=lambda: os.umask(umask))  # fmt: skip
    modes = {p.suffix: stat.S_IMODE(p.stat().st_mode) for p in (tmp_path / "o").glob("thu.*")}
    assert modes == dict.fromkeys((".txt", ".html", ".docx"), 0o666 & ~umask)
    assert not list((tmp_path / "o").glob(".*.part"))


# --- the bundled programmes and the region ----------------------------------------------------


def test_the_bundled_programmes_read_no_web_wording(bundled) -> None:
    radio = bundled.site.parent / "radio"
    scripts = sorted(radio.glob("*.txt"))
    assert len(scripts) >= 3
    for script in scripts:
        text = script.read_text(encoding="utf-8")
        assert "trang Kế hoạch" not in text, script.name
        read = [line for line in text.splitlines() if not line.strip().startswith("♪")]  # cues
        assert [f for line in read for f in findings(line)] == [], script.name


REGION_PROGRAMME = """\
title: Chương trình theo vùng
column: Thử
number: Số 1
air_date: 2022-09-15
air_time: "19:30"
repeat_times: ["06:00"]
duration_minutes: 0.65
editor: Biên tập
readers: [Nữ, Nam]
approver: Lãnh đạo
segments:
  - kind: opening
    reader: Nữ
    text: |
      Kính chào quý vị. Hội đồng nhân dân (HĐND) huyện
      họp kỳ thứ 24 từ ngày 21/9/2002.
  - kind: field
    ref: kinh-te
    reader: Nam
  - kind: music
  - kind: person
    ref: to-thu
    credit: "Bài: Ban biên tập (minh họa)"
  - kind: closing
    text: Hẹn gặp lại quý vị với 105 hộ và 1005 người nghe.
"""
REGION_FIELD = """\
title: {vi: Kinh tế, en: Economy}
plan_section: "2.1"
summary: {vi: Nông nghiệp bền vững., en: Summary.}
narrative:
  vi: |
    Lĩnh vực này có nhiệm vụ riêng<!-- web -->; xem toàn văn ở trang Kế hoạch<!-- /web -->.
  en: The field.
metrics:
  - label: {vi: Số xã đạt chuẩn nông thôn mới, en: Communes}
    unit: xa
    values: {2002: 0, 2022: 7}
"""

REGION_PERSON = """\
kind: collective
name: {vi: Tổ thử}
summary: {vi: Tóm tắt tổ.}
story: {vi: "Câu đọc.<!-- web --> Câu chỉ có trên trang.<!-- /web -->"}
"""


@pytest.mark.parametrize("region", ["north", "south"])
def test_a_whole_script_per_region_reads_as_its_golden(make_site, tmp_path, golden, region):
    """The region is the site's setting `radio: southern: true` (lẻ, ngàn, bốn)."""
    site = site_with(make_site, "", files={
        "content/radio/thu.yml": REGION_PROGRAMME, "content/fields/kinh-te.yml": REGION_FIELD,
        "content/people/to-thu.yml": REGION_PERSON})  # fmt: skip
    if region == "south":
        settings = (site.root / "content/site.yml").read_text(encoding="utf-8")
        site.write("content/site.yml", settings + "  southern: true\n")
    result = site.cli("radio", "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert "cảnh báo" not in result.stderr  # the web-only words are not read, nor warned
    script = (tmp_path / "out" / "thu.txt").read_text(encoding="utf-8")
    source = f"# tests/test_radio_scripts.py: REGION_PROGRAMME, {region}\n"
    golden(f"radio-script-{region}.txt", source + script)


# --- section 4: delivery ----------------------------------------------------------------------

WORKFLOW = REPO / ".github" / "workflows" / "site.yml"


def test_every_run_of_the_workflow_hands_over_the_scripts() -> None:
    # BaseLoader makes only strings, so the key "on" stays "on" (YAML 1.1 reads it as true)
    workflow = yaml.load(WORKFLOW.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)  # noqa: S506
    assert {"pull_request", "push"} <= set(workflow["on"])
    jobs = workflow["jobs"]
    radio = [name for name, job in jobs.items()
             if any("site-builder radio" in s.get("run", "") for s in job["steps"])]  # fmt: skip
    assert len(radio) == 1
    job = jobs[radio[0]]
    assert "if" not in job and "needs" not in job  # every run, pull requests included
    assert "environment" not in job and "pages" not in job.get("permissions", {})
    upload = [s for s in job["steps"] if s.get("uses", "").startswith("actions/upload-artifact@")]
    assert len(upload) == 1
    assert upload[0]["with"]["name"] == "kich-ban-phat-thanh"  # as the guides name it
    assert 1 <= int(upload[0]["with"]["retention-days"]) <= 14
    folder = upload[0]["with"]["path"]
    assert folder.strip() and not folder.startswith("site")
    for name, other in jobs.items():  # the published site never carries them
        for step in other["steps"]:
            if step.get("uses", "").startswith("actions/upload-pages-artifact@"):
                assert step["with"]["path"] == "site", name


@pytest.mark.parametrize(
    ("guide", "words"),
    [("huong-dan-bien-tap.md", ("Actions", "kich-ban-phat-thanh", "đăng nhập", "công khai")),
     ("editors-guide.md", ("Actions", "kich-ban-phat-thanh", "signed in", "public"))],
)  # fmt: skip
def test_the_guides_say_where_to_download_the_scripts(guide: str, words: tuple[str, ...]) -> None:
    text = (REPO / "docs" / guide).read_text(encoding="utf-8")
    section = text.split("<!-- radio-delivery -->", 1)[1].split("\n## ", 1)[0]
    assert [w for w in words if w not in section] == []
