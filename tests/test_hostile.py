"""Hostile content (issue #28, items 3, 5 and 6): what `check` passes, `build` builds.

Links out of `content/`, image paths and files that only the build used to trip over, YAML
that recursed, and control characters that made feeds invalid and crashed the Word writer.
"""

from __future__ import annotations

import io
import json
import re
import struct
import zlib
from pathlib import Path

import feedparser
from PIL import Image, PngImagePlugin

from conftest import MINIMAL_PLAN, MINIMAL_SITE

NEWS = """\
title: {{vi: "{title}", en: "{title}"}}
date: 2022-06-01
summary: {{vi: s, en: s}}
body:
  vi: "{body}"
category: chien-dich
"""
ALBUM = """\
title: {{vi: A, en: A}}
photos:
{photos}"""
PHOTO = '  - {{src: "{src}", alt: {{vi: Ảnh, en: Photo}}}}\n'  # src at column 11
PERSON = 'kind: collective\nname: {{vi: "{name}"}}\nsummary: {{vi: S}}\n'  # name.vi at 2:12
RADIO = """\
title: Bản tin
column: Thời sự
air_date: 2022-09-16
air_time: "19:30"
duration_minutes: 0.1
editor: Biên tập viên
readers: [Phát thanh viên]
segments:
  - kind: text
    text: "{text}"
"""


def jpeg(size: tuple[int, int] = (120, 80)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (10, 120, 40)).save(out, "JPEG")
    return out.getvalue()


def png_with_big_text(after_pixels: bool) -> bytes:
    """A PNG whose compressed text chunk inflates past Pillow's limit (a zip bomb in text)."""
    out = io.BytesIO()
    Image.new("RGB", (10, 10)).save(out, "PNG")
    data = out.getvalue()
    body = b"k\0\0" + zlib.compress(b"x" * (PngImagePlugin.MAX_TEXT_CHUNK + 10))
    chunk = (struct.pack(">I", len(body)) + b"zTXt" + body
             + struct.pack(">I", zlib.crc32(b"zTXt" + body)))  # fmt: skip
    at = data.rfind(b"IEND" if after_pixels else b"IDAT") - 4  # before the chunk's length
    return data[:at] + chunk + data[at:]


def problems(site, *args: str) -> tuple[int, list[dict]]:
    result = site.cli("check", "--format", "json", *args)
    assert "Traceback" not in result.stderr, result.stderr
    return result.returncode, json.loads(result.stdout)["problems"]


def where(found: list[dict], severity: str = "error") -> list[tuple[str, int, int, str]]:
    return [(p["path"], p["line"], p["col"], p["code"]) for p in found if p["severity"] == severity]


def assert_build_refuses(site) -> str:
    """`build` stops on content errors (exit 1), never as an internal error (exit 3)."""
    result = site.cli("build")
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr and "lỗi nội bộ" not in result.stderr.lower()
    assert not site.exists("index.html")
    return result.stderr


# --- item 5: what `build` met, `check` meets first, each in its place --------------------------


def test_every_hostile_file_is_a_content_error_in_its_place(make_site) -> None:
    deep = "x: " + "[" * 2000 + "]" * 2000 + "\n"  # past libyaml's 1000 levels
    reference = "![Ảnh][r]\\n\\n[r]: thieu.jpg"  # a reference-style image, its file missing
    site = make_site({
        "content/news/2022/tham-chieu.yml": NEWS.format(title="T", body=reference),
        "content/news/2022/rong.yml": NEWS.format(title="T", body="![Ảnh]()"),
        "content/albums/cut.yml": ALBUM.format(photos=PHOTO.format(src="cut.jpg")),
        "content/images/cut.jpg": jpeg((1200, 900))[:3000],
        "content/albums/text.yml": ALBUM.format(photos=PHOTO.format(src="text.png")),
        "content/images/text.png": png_with_big_text(after_pixels=False),
        "content/albums/text-late.yml": ALBUM.format(photos=PHOTO.format(src="late.png")),
        "content/images/late.png": png_with_big_text(after_pixels=True),
        "content/albums/byte-0.yml": ALBUM.format(photos=PHOTO.format(src="x\\0.jpg")),
        "content/people/surrogate.yml": PERSON.format(name="A\\ud800"),
        "content/people/alias.yml": "kind: collective\nname: &a {vi: [*a]}\nsummary: {vi: S}\n",
        "content/people/deep.yml": deep,
        "content/people/sai.yml": PERSON.format(name="N") + "titel: x\n",
    })  # fmt: skip
    code, found = problems(site)
    assert code == 1
    errors = where(found)
    recursive = [e for e in errors if e[0] == "content/people/alias.yml"]
    assert len(recursive) == 1 and recursive[0][1:3] >= (1, 1)  # its code is the loader's
    assert [e for e in errors if e not in recursive] == [
        ("content/albums/byte-0.yml", 3, 11, "control-characters"),
        ("content/albums/cut.yml", 3, 11, "bad-image"),
        ("content/albums/text-late.yml", 3, 11, "bad-image"),
        ("content/albums/text.yml", 3, 11, "bad-image"),
        ("content/news/2022/rong.yml", 5, 7, "empty-image-path"),
        ("content/news/2022/tham-chieu.yml", 5, 7, "missing-file"),
        ("content/people/deep.yml", 1, 1003, "too-deep"),
        ("content/people/sai.yml", 4, 1, "unknown-field-list"),  # not hidden by the others
        ("content/people/surrogate.yml", 2, 12, "control-characters"),
    ]
    text = site.cli("check").stdout
    assert (
        "content/albums/cut.yml:3:11: lỗi: 'photos[0].src': tệp 'cut.jpg' không phải ảnh đọc được "
        "(image file is truncated"
    ) in text
    assert (
        "content/albums/text.yml:3:11: lỗi: 'photos[0].src': tệp 'text.png' không phải ảnh đọc "
        "được (Decompressed data too large for PngImagePlugin.MAX_TEXT_CHUNK) (gợi ý: mở ảnh "
        "bằng trình xem ảnh và lưu lại dạng JPEG hoặc PNG)"
    ) in text
    assert (
        "content/news/2022/rong.yml:5:7: lỗi: 'body.vi': có ảnh không có đường dẫn: trong ngoặc "
        "tròn của ![mô tả]() không có gì (gợi ý: viết đường dẫn tính từ content/images/ trong "
        "ngoặc tròn, ví dụ ![Đồi chè](tin-tuc/anh-1.jpg))"
    ) in text
    assert "content/people/surrogate.yml:2:12: lỗi: văn bản có ký tự điều khiển" in text
    assert "(U+D800)" in text
    assert_build_refuses(site)


def test_paths_written_differently_name_the_same_picture(make_site) -> None:
    long_name = "anh-" + "rat-dai-" * 28 + "1.jpg"  # 233 characters: its outputs must fit too
    photos = "".join(PHOTO.format(src=src) for src in
                     ["./x.jpg", "d//y.jpg", "d\\\\y.jpg", long_name])  # fmt: skip
    body = "Ảnh tham chiếu: ![Đồi chè][r] và ![Suối](x\\\\_z.jpg)\\n\\n[r]: ./d/y.jpg"
    site = make_site({
        "content/albums/a.yml": ALBUM.format(photos=photos),
        "content/news/2022/tin.yml": NEWS.format(title="Tin", body=body),
        "content/images/x.jpg": jpeg(),
        "content/images/d/y.jpg": jpeg(),
        "content/images/x_z.jpg": jpeg(),
        f"content/images/{long_name}": jpeg(),
    })  # fmt: skip
    result = site.cli("check")
    assert result.returncode == 0 and result.stdout.startswith("0 lỗi, 0 cảnh báo"), result.stdout
    built = site.cli("build")
    assert built.returncode == 0, built.stderr
    assert site.read("thu-vien-anh/a/index.html").count("<picture") == 4
    article = site.read("tin-tuc/tin/index.html")
    assert article.count("<picture") == 2 and 'alt="Đồi chè"' in article
    assert max(len(p.name.encode()) for p in (site.site / "anh").iterdir()) < 120


# --- item 3: links out of content/, and messages that echo only an excerpt -------------------


def test_links_out_of_the_content_are_refused_and_never_read(make_site, tmp_path: Path) -> None:
    secret = tmp_path / "secret"
    (secret / "2021").mkdir(parents=True)
    (secret / "passwd").write_text("root:x:0:0:SECRET-1:/root:/bin/bash\n" * 50, "utf-8")
    (secret / "2021" / "ro-ri.yml").write_text(NEWS.format(title="SECRET-2", body="b"), "utf-8")
    site = make_site({
        "content/news/2022/tin.yml": NEWS.format(title="Tin", body="b"),
        "content/extra/2023/trong.yml": NEWS.format(title="Trong", body="b"),
    })  # fmt: skip
    (site.root / "content/people").mkdir()
    (site.root / "content/people/passwd.yml").symlink_to(secret / "passwd")
    (site.root / "content/news/2021").symlink_to(secret / "2021")
    (site.root / "content/news/2022/ro-ri-2.yml").symlink_to(secret / "2021" / "ro-ri.yml")
    (site.root / "content/news/2023").symlink_to(site.root / "content/extra/2023")  # inside: fine
    result = site.cli("check")
    assert result.returncode == 1
    assert "SECRET" not in result.stdout + result.stderr
    hint = ("lỗi: đây là liên kết (symlink) trỏ ra ngoài thư mục content/; không đọc gì qua nó "
            "(gợi ý: chép tệp hoặc thư mục vào content/ thay vì liên kết tới nó)")  # fmt: skip
    assert result.stdout.splitlines() == [
        f"content/news/2021: {hint}",
        f"content/news/2022/ro-ri-2.yml: {hint}",
        f"content/people/passwd.yml: {hint}",
        "3 lỗi, 0 cảnh báo trong 3 tệp.",
    ]
    assert "SECRET" not in assert_build_refuses(site)
    for link in ("content/people/passwd.yml", "content/news/2021", "content/news/2022/ro-ri-2.yml"):
        (site.root / link).unlink()
    assert site.cli("build").returncode == 0
    assert site.exists("tin-tuc/trong/index.html")  # a link inside content/ is read


def test_a_message_echoes_only_a_short_excerpt_of_what_it_found(make_site) -> None:
    page = "dòng văn bản dài " * 200 + "CUỐI-TỆP"
    raw = 'kind: collective\nname: {vi: N}\nsummary: "a\\x0bb"\nx\x0b: 1\n'  # a raw \v in a key
    site = make_site({
        "content/people/a.yml": f"kind: |\n  {page}\nname: {{vi: A}}\nsummary: {{vi: S}}\n",
        "content/news/2022/b.yml": NEWS.format(title="T", body=f"![a]({'x' * 300}.jpg)"),
        "content/people/c.yml": raw,
    })  # fmt: skip
    result = site.cli("check")
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert "CUỐI-TỆP" not in result.stdout and "x" * 100 not in result.stdout
    assert all(len(line) < 400 for line in lines), max(lines, key=len)
    assert lines[0].startswith("content/news/2022/b.yml:5:7: lỗi: 'body.vi': không có tệp 'xxx")
    assert "xxx…' (gợi ý: " in lines[0]
    assert lines[1].startswith("content/people/a.yml:1:7: lỗi: 'kind': giá trị 'dòng văn bản dài ")
    assert "…' không hợp lệ" in lines[1]
    assert lines[2] == (
        "content/people/c.yml:4:2: lỗi: văn bản có ký tự điều khiển hoặc ký tự không hợp lệ "
        "(U+000B); trang, bản tin RSS và tệp Word không chứa được chúng (gợi ý: xóa các ký tự "
        "đó (thường do dán từ Word hoặc PDF); trong dấu ngoặc kép, đừng viết \\0, \\v hay \\x..)"
    )


# --- item 6: control and invisible characters ----------------------------------------------------


def test_control_characters_are_refused_where_they_are(make_site) -> None:
    title = 'title: {vi: "Lễ\\x0bkỷ\\0niệm", en: "Anniversary\\x85day"}\n'
    site = make_site({
        "content/news/2022/a.yml": title + NEWS.format(title="x", body="b").split("\n", 1)[1],
        "content/news/2022/b.yml": NEWS.format(title="Tin\\u202eđảo", body="b\\u2066c"),
        "content/radio/r.yml": RADIO.format(text="Xin chào\\x0b các bạn\\x1b"),
    })  # fmt: skip
    code, found = problems(site)
    assert code == 1
    assert where(found) == [
        ("content/news/2022/a.yml", 1, 13, "control-characters"),
        ("content/news/2022/a.yml", 1, 35, "control-characters"),
        ("content/radio/r.yml", 10, 11, "control-characters"),
    ]
    named = [p["message"].split("(")[1].split(")")[0] for p in found if p["severity"] == "error"]
    assert named == ["U+0000, U+000B", "U+0085", "U+000B, U+001B"]
    # the invisible direction mark in a title is removed with a warning, as before
    assert where(found, "warning") == [
        ("content/news/2022/b.yml", 1, 13, "invisible-characters"),
        ("content/news/2022/b.yml", 1, 33, "invisible-characters"),
    ]
    assert_build_refuses(site)  # the radio script's Word file is never attempted


def test_a_raw_control_character_is_named_at_its_line_and_column(make_site) -> None:
    site = make_site({"content/people/a.yml": b"kind: collective\nname: {vi: AB\x0cC}\n"})
    assert where(problems(site)[1]) == [("content/people/a.yml", 2, 14, "control-characters")]


def test_invisible_characters_leave_every_name_and_the_feeds_stay_valid(make_site) -> None:
    hidden = "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
    site = make_site(minimal=False)
    site.write("content/site.yml", MINIMAL_SITE.replace("Trang thử", f"Trang{hidden[9]} thử"))
    site.write("content/plan.yml", MINIMAL_PLAN.replace("Người Ký", f"Người{hidden[4]} Ký"))
    site.write("content/news/2022/a.yml", NEWS.format(title=f"Lễ {hidden} hội", body="b"))
    site.write("content/news/2022/b.yml", NEWS.format(title="Tin", body="b").replace(
        "category:", f"tags: [nông{hidden[0]} nghiệp]\ncategory:"))  # fmt: skip
    code, found = problems(site)
    assert code == 0
    assert where(found, "warning") == [
        ("content/news/2022/a.yml", 1, 13, "invisible-characters"),
        ("content/news/2022/a.yml", 1, 42, "invisible-characters"),
        ("content/news/2022/b.yml", 6, 8, "invisible-characters"),
        ("content/plan.yml", 14, 9, "invisible-characters"),
        ("content/site.yml", 2, 17, "invisible-characters"),
    ]
    assert site.cli("build").returncode == 0
    for path in site.site.rglob("*"):
        if path.suffix in (".html", ".xml", ".json", ".txt"):
            text = path.read_text("utf-8")
            assert not any(c in text for c in hidden), path
    for prefix, entries in (("", 2), ("en/", 0)):  # the bodies have no English
        for name in ("rss.xml", "atom.xml"):
            feed = site.read(f"{prefix}tin-tuc/{name}")
            parsed = feedparser.parse(feed)
            assert parsed.bozo == 0, parsed.get("bozo_exception")
            assert len(parsed.entries) == entries
            assert parsed.feed.title.startswith("Test site" if prefix else "Trang thử")
            broken = re.sub("(</(atom:)?title>)", "\x0b\\1", feed, count=1)  # what #28 made
            assert broken != feed and feedparser.parse(broken).bozo == 1
