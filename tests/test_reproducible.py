"""Reproducible output: radio scripts and the site depend on the build date, never the clock.

Issue #28, item 9: the .docx radio scripts differed between two builds of the same commit
(zip entries stamped with the wall clock in the machine's time zone).
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from conftest import tree_hash

EPOCH = "1663722001"  # 2022-09-21 01:00:01 UTC, 08:00:01 in Vietnam; an odd second
IN_VIETNAM = (2022, 9, 21, 8, 0, 0)  # zip keeps local time to 2 seconds
# POSIX time-zone strings: no time-zone database needed, hours apart from UTC and each other
ZONES = ("UTC0", "EST+5", "JST-9")

NEWS = """\
title: {vi: Tin thử, en: Test news}
date: 2022-06-01
summary: {vi: Tóm tắt có 100 người., en: Summary}
body: {vi: "Nội dung **đậm** năm 2022.", en: Body}
category: chien-dich
"""
PROGRAMME = """\
title: Chương trình thử
column: Thử
air_date: 2022-09-15
air_time: "19:30"
duration_minutes: 1
editor: Biên tập
readers: [Người đọc]
segments:
  - {kind: opening, text: Xin chào quý vị ngày 21/9/2022.}
  - {kind: news, ref: tin}
  - {kind: music}
  - {kind: closing, text: Hẹn gặp lại.}
"""


def radio_site(make_site):
    site = make_site({
        "content/news/2022/tin.yml": NEWS,
        "content/radio/thu.yml": PROGRAMME,
    })  # fmt: skip
    with (site.root / "content/site.yml").open("a", encoding="utf-8") as settings:
        settings.write("radio: {station: Đài thử, unit: Đơn vị thử}\n")
    return site


def files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def test_radio_scripts_are_dated_by_the_build_not_the_clock(make_site, monkeypatch) -> None:
    site = radio_site(make_site)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    outputs = []
    for n, zone in enumerate(ZONES):
        monkeypatch.setenv("TZ", zone)
        result = site.cli("radio", "--out", f"out-{n}")
        assert result.returncode == 0, result.stderr
        outputs.append(files(site.root / f"out-{n}"))
    assert {"thu.docx", "thu.html", "thu.txt"} <= set(outputs[0])
    assert outputs[1] == outputs[0] and outputs[2] == outputs[0]  # byte for byte

    with zipfile.ZipFile(site.root / "out-0" / "thu.docx") as docx:
        infos = docx.infolist()
        core = docx.read("docProps/core.xml").decode("utf-8")
    assert [i.date_time for i in infos] == [IN_VIETNAM] * len(infos)
    assert infos[0].filename == "[Content_Types].xml"
    assert [i.filename for i in infos[1:]] == sorted(i.filename for i in infos[1:])
    assert {(i.compress_type, i.external_attr >> 16, i.create_system) for i in infos} == {
        (zipfile.ZIP_DEFLATED, 0o100644, 3)
    }
    dates = dict(re.findall(r"<dcterms:(created|modified)[^>]*>([^<]*)<", core))
    assert dates == {"created": "2022-09-21T01:00:01Z", "modified": "2022-09-21T01:00:01Z"}
    assert "<cp:lastModifiedBy>site-builder</cp:lastModifiedBy>" in core
    assert "<cp:revision>1</cp:revision>" in core
    assert "<dc:title>Chương trình thử</dc:title>" in core


def test_a_build_in_another_time_zone_is_identical(make_site, monkeypatch) -> None:
    """The site and the radio folder: the same commit gives the same bytes anywhere."""
    site = radio_site(make_site)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    hashes = []
    for n, zone in enumerate(ZONES[:2]):
        monkeypatch.setenv("TZ", zone)
        result = site.cli("build", "--site-dir", f"site-{n}", "--radio-dir", f"radio-{n}")
        assert result.returncode == 0, result.stderr
        hashes.append((tree_hash(site.root / f"site-{n}"), tree_hash(site.root / f"radio-{n}")))
    assert (site.root / "radio-0" / "thu.docx").is_file()
    assert hashes[1][0] == hashes[0][0]  # the site
    assert hashes[1][1] == hashes[0][1]  # the radio scripts
