"""Ids and names that must work everywhere: unique feed ids, names Windows can hold, short
enough paths, and image names however the disk spells them (#28)."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest
from PIL import Image

from site_builder.text.slugs import RESERVED, slugify

NEWS = """\
title: {{vi: "{title}", en: "{title}"}}
date: 2022-06-01
summary: {{vi: s, en: s}}
body: {{vi: b, en: b}}
category: chien-dich
{extra}"""
GUID = "urn:uuid:0b6f6a52-7d1c-4c3e-9a55-2f6d1c1e9b10"


def problems(site, *args: str) -> list[dict]:
    result = site.cli("check", "--format", "json", *args)
    return json.loads(result.stdout)["problems"]


def test_two_news_items_with_one_guid_are_refused_by_check_and_build(make_site) -> None:
    site = make_site({
        "content/news/2021/a.yml": NEWS.format(title="A", extra=f"guid: {GUID}\n"),
        "content/news/2022/b.yml": NEWS.format(title="B", extra=f"guid: {GUID}\n"),
        "content/news/2022/c.yml": NEWS.format(title="C", extra="guid: urn:uuid:1\n"),
    })  # fmt: skip
    check = site.cli("check")
    assert check.returncode == 1
    lines = check.stdout.splitlines()
    assert lines[0].startswith(f"content/news/2022/b.yml:6:7: lỗi: 'guid': mã tin trong nguồn cấp "
                               f"'{GUID}' đã được dùng bởi content/news/2021/a.yml;")  # fmt: skip
    assert lines[1:] == ["1 lỗi, 0 cảnh báo trong 1 tệp."]
    build = site.cli("build")
    assert build.returncode == 1 and "content/news/2021/a.yml" in build.stdout + build.stderr
    assert not (site.root / "site" / "tin-tuc" / "rss.xml").exists()


def test_a_guid_that_is_another_items_own_feed_id_is_refused(make_site) -> None:
    site = make_site({
        "content/news/2022/a.yml": NEWS.format(title="A", extra=""),  # tag:example.test,…/a
        "content/news/2022/b.yml": NEWS.format(
            title="B", extra="guid: tag:example.test,2022:tin-tuc/a\n"),
    })  # fmt: skip
    found = problems(site)
    assert [(p["path"], p["code"]) for p in found] == [
        ("content/news/2022/b.yml", "duplicate-guid")
    ]


FOLDERS = ["fields", "milestones", "people", "commendations", "news/2022", "albums", "radio"]


@pytest.mark.parametrize("name", ["con", "prn", "aux", "nul", "com0", "com1", "com9", "lpt1"])
def test_names_windows_keeps_are_refused_for_every_kind(make_site, name: str) -> None:
    site = make_site({f"content/{folder}/{name}.yml": "x: 1\n" for folder in FOLDERS})
    found = problems(site)
    assert [(p["path"], p["code"]) for p in found] == [
        (f"content/{folder}/{name}.yml", "reserved-name") for folder in sorted(FOLDERS)
    ]
    assert f"ví dụ '{name}-2'" in found[0]["hint"]


def test_every_name_windows_keeps_is_known() -> None:
    expected = {"con", "prn", "aux", "nul"} | {f"{p}{n}" for p in ("com", "lpt") for n in range(10)}
    assert expected == RESERVED


def test_reserved_names_as_a_year_folder_an_alias_or_an_image_are_refused(
    make_site, tmp_path: Path
) -> None:
    Image.new("RGB", (40, 30), (10, 120, 40)).save(tmp_path / "a.jpg")
    photo = (tmp_path / "a.jpg").read_bytes()
    site = make_site({
        "content/news/aux/tin.yml": NEWS.format(title="T", extra=""),
        "content/news/2022/tin-moi.yml": NEWS.format(
            title="M", extra='aliases: [con, "/tin-tuc/lpt2/"]\n'),
        "content/images/nul.jpg": photo,
        "content/images/com3/anh.jpg": photo,
        "content/albums/anh.yml": """\
        title: {vi: Album, en: Album}
        photos:
          - {src: nul.jpg, alt: {vi: Một, en: One}}
          - {src: com3/anh.jpg, alt: {vi: Hai, en: Two}}
          - {src: a.jpg, alt: {vi: Ba, en: Three}}
        """,
        "content/images/a.jpg": photo,
    })  # fmt: skip
    found = [(p["path"], p["line"], p["code"], p["message"]) for p in problems(site, "--lang=en")]
    assert [f[:3] for f in found] == [
        ("content/albums/anh.yml", 3, "reserved-name"),
        ("content/albums/anh.yml", 4, "reserved-name"),
        ("content/news/2022/tin-moi.yml", 6, "reserved-name"),
        ("content/news/2022/tin-moi.yml", 6, "reserved-name"),
        ("content/news/aux/tin.yml", 0, "reserved-name"),
    ]
    for (*_, message), name in zip(found, ["nul.jpg", "com3", "con", "lpt2", "aux"], strict=True):
        assert f"'{name}' is a name Windows keeps" in message


@pytest.mark.parametrize(("kind", "title"), [("news", "Con"), ("person", "AUX"),
                                             ("album", "com1"), ("radio", "Nul")])  # fmt: skip
def test_new_never_makes_a_name_windows_keeps(make_site, kind: str, title: str) -> None:
    site = make_site()
    result = site.cli("new", kind, title)
    assert result.returncode == 0, result.stderr
    path = Path(result.stdout.strip())
    assert path.name == f"{slugify(title)}-2.yml"
    assert "reserved-name" not in [p["code"] for p in problems(site)]


def test_new_with_a_very_long_title_makes_a_short_id_of_whole_words(make_site) -> None:
    site = make_site()
    title = ("Hội nghị tổng kết công tác thi đua khen thưởng và biểu dương điển hình tiên tiến "
             "huyện Tam Đường giai đoạn 2002–2022 ") * 5  # fmt: skip
    assert len(title) > 400
    result = site.cli("new", "news", title)
    assert result.returncode == 0, result.stderr
    stem = Path(result.stdout.strip()).stem
    assert 40 < len(stem) <= 60 and not stem.endswith("-")
    assert slugify(title).startswith(stem + "-")  # cut between two words
    again = Path(site.cli("new", "news", title).stdout.strip()).stem
    assert again == stem + "-2"
    assert {"long-id", "bad-id"}.isdisjoint(p["code"] for p in problems(site))


def test_new_with_one_very_long_word_cuts_it(make_site) -> None:
    site = make_site()
    result = site.cli("new", "milestone", "Đ" * 400)
    assert result.returncode == 0, result.stderr
    assert Path(result.stdout.strip()).name == "d" * 60 + ".yml"


def test_check_refuses_an_id_too_long_for_windows(make_site) -> None:
    long, limit = "tin-" + "a" * 77, "tin-" + "a" * 76
    assert (len(long), len(limit)) == (81, 80)
    site = make_site({
        f"content/news/2022/{long}.yml": NEWS.format(title="L", extra=""),
        f"content/news/2022/{limit}.yml": NEWS.format(title="M", extra=""),
    })  # fmt: skip
    found = problems(site, "--lang", "en")
    assert [(p["path"], p["code"]) for p in found] == [(f"content/news/2022/{long}.yml", "long-id")]
    assert "81 characters long, over the limit of 80" in found[0]["message"]
    assert re.search(r"e\.g\. 'tin'", found[0]["hint"])  # the one word that fits in 60


def test_an_image_named_in_nfd_on_disk_is_found_by_its_nfc_name(make_site, tmp_path) -> None:
    nfc = "ảnh-đẹp/lễ-hội.jpg"
    nfd = unicodedata.normalize("NFD", nfc)
    assert nfd != nfc
    Image.new("RGB", (400, 300), (10, 120, 40)).save(tmp_path / "x.jpg")
    site = make_site({
        f"content/images/{nfd}": (tmp_path / "x.jpg").read_bytes(),
        "content/albums/le-hoi.yml": f"""\
        title: {{vi: Lễ hội, en: Festival}}
        photos:
          - {{src: "{nfc}", alt: {{vi: Lễ hội, en: Festival}}}}
        """,
    })  # fmt: skip
    assert not (site.root / "content" / "images" / nfc).exists()  # the disk tells them apart
    check = site.cli("check", "--strict")
    assert check.returncode == 0, check.stdout
    build = site.cli("build", "--strict")
    assert build.returncode == 0, build.stdout + build.stderr
    assert list((site.root / "site" / "anh").glob("anh-dep-le-hoi-*"))
    assert "anh/anh-dep-le-hoi-" in (site.root / "site/thu-vien-anh/le-hoi/index.html").read_text(
        encoding="utf-8"
    )
