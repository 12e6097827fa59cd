"""The public radio programmes page, /phat-thanh/ and /en/phat-thanh/ (issue #34)."""

from __future__ import annotations

import re

from site_builder.content.urls import SECTIONS

from conftest import RADIO_SETTINGS

# Staff and the script's internal notes: none of these may reach the public site.
STAFF = ["Biên Tập Viên Ẩn", "Người Đọc Ẩn", "Người Duyệt Ẩn", "Tác Giả Ẩn"]
NOTES = ["Lời dẫn nội bộ", "Câu vào nội bộ", "Câu ra nội bộ", "Xin chào quý vị"]


def programme(title: str, air_date: str, extra: str = "", summary: str = "") -> str:
    return f"""\
title: {title}
column: Chuyên mục thử
number: Số 7
air_date: {air_date}
air_time: "19:30"
repeat_times: ["06:15"]
duration_minutes: 0.5
editor: {STAFF[0]}
readers: [{STAFF[1]}]
approver: {STAFF[2]}
{summary}{extra}segments:
  - kind: opening
    text: Xin chào quý vị.
  - kind: lead
    text: Lời dẫn nội bộ.
    credit: "Bài: {STAFF[3]}"
  - kind: insert
    seconds: 5
    cue_in: Câu vào nội bộ
    cue_out: Câu ra nội bộ
  - kind: closing
    text: Hẹn gặp lại.
"""


BOTH = "summary: {vi: Tóm tắt đã phát sóng., en: What the aired programme was about.}\n"
VI_ONLY = "summary: {vi: Chỉ có tóm tắt tiếng Việt.}\n"


PROGRAMMES = {  # the session's build date is 2022-12-02 (SOURCE_DATE_EPOCH in conftest)
    "da-phat": ("Chương trình đã phát", "2022-09-15", "", BOTH),
    "chi-tieng-viet": ("Chỉ tiếng Việt", "2022-10-01", "", VI_ONLY),
    "hom-nay": ("Phát đúng ngày dựng", "2022-12-02", "", ""),
    "ban-nhap": ("Chương trình nháp", "2022-09-01", "draft: true\n", BOTH),
    "sap-phat": ("Chương trình sắp phát", "2023-01-10", "", BOTH),
}


def _site(make_site):
    files = {f"content/radio/{k}.yml": programme(*v) for k, v in PROGRAMMES.items()}
    site = make_site(files)
    settings = (site.root / "content/site.yml").read_text(encoding="utf-8")
    site.write("content/site.yml", settings + RADIO_SETTINGS)
    assert site.build().code == 0
    return site


def test_the_programmes_page_lists_what_went_on_air_and_nothing_else(make_site) -> None:
    site = _site(make_site)
    vi = site.read("phat-thanh/index.html")
    body = vi[vi.index("<h1") :]
    assert "Chương trình phát thanh</h1>" in body
    titles = re.findall(r"<h2[^>]*>([^<]+)</h2>", body)
    assert titles == [
        "Phát đúng ngày dựng",
        "Chỉ tiếng Việt",
        "Chương trình đã phát",
    ]  # latest first
    assert "Chương trình nháp" not in vi and "Chương trình sắp phát" not in vi
    assert "Chuyên mục thử" in body and "Số 7" in body
    assert "19:30, 15/9/2022" in body and "06:15" in body
    assert 'datetime="2022-09-15T19:30+07:00"' in body
    assert "Tóm tắt đã phát sóng." in body and "Chỉ có tóm tắt tiếng Việt." in body


def test_the_english_page_lists_the_programmes_with_an_english_summary(make_site) -> None:
    site = _site(make_site)
    en = site.read("en/phat-thanh/index.html")
    body = en[en.index("<h1") :]
    assert "Radio programmes</h1>" in body
    titles = re.findall(r"<h2[^>]*>([^<]+)</h2>", body)
    assert titles == ["Chương trình đã phát"]  # the others have no English, or did not air
    assert re.search(r'<h2 [^>]*lang="vi">Chương trình đã phát</h2>', body)  # read in Vietnamese
    assert "What the aired programme was about." in body and "15 September 2022" in body


def test_no_staff_name_or_script_note_reaches_the_site(make_site) -> None:
    site = _site(make_site)
    pages = [p for p in site.site.rglob("*") if p.suffix in (".html", ".xml", ".json", ".txt")]
    assert len(pages) > 20
    for page in pages:
        text = page.read_text(encoding="utf-8", errors="replace")
        leaked = [w for w in STAFF + NOTES if w in text]
        assert not leaked, (page, leaked)
    # control: the scripts, written beside the site, do name the staff
    scripts = "".join(p.read_text(errors="replace") for p in (site.root / "radio").rglob("*.html"))
    assert all(name in scripts for name in STAFF[:3])


def test_the_programmes_page_is_in_the_navigation_of_both_languages(bundled) -> None:
    assert SECTIONS["programmes"] == "phat-thanh/"
    vi = bundled.read("index.html")
    en = bundled.read("en/index.html")
    assert re.search(
        r'href="phat-thanh/"[^>]*>\s*<span class="md-ellipsis">\s*Chương trình phát thanh', vi
    )
    assert re.search(
        r'href="phat-thanh/"[^>]*>\s*<span class="md-ellipsis">\s*Radio programmes', en
    )


def test_the_bundled_programmes_are_listed_with_summaries_and_marked_illustrative(bundled) -> None:
    for path, summary in (("phat-thanh/index.html", "Điểm lại thành tựu 20 năm"),
                          ("en/phat-thanh/index.html", "A look back at the district")):  # fmt: skip
        html = bundled.read(path)
        body = html[html.index("<h1") :]
        assert "Gương người tốt, việc tốt</h2>" in body and summary in body
        assert body.count('class="sb-badge"') >= 3  # each programme is illustrative
        for staff in ("Biên tập viên (minh họa)", "Phát thanh viên", "Lãnh đạo Trung tâm"):
            assert staff not in html
