"""Golden files: whole outputs a reader checks by eye, kept in tests/goldens/.

Each golden was written once with `--update-goldens` and then read line by line: the radio
script as a reader would say it, the `check` listing as an editor would act on it, a news
page's body as a visitor reads it. A test that fails here shows a change in what people
read: read the difference, fix the code or, when the change is meant, write the golden
again and read it again. Never rewrite one only to make a test pass.
"""

from __future__ import annotations

import re

from PIL import Image
from test_radio import radio_site

# --- a radio script ------------------------------------------------------------------------


def test_a_radio_script_reads_as_the_golden(make_site, tmp_path, golden) -> None:
    site = radio_site(make_site)
    result = site.cli("radio", "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    golden("radio/thu.txt", (tmp_path / "out" / "thu.txt").read_text(encoding="utf-8"))


# --- the `check` listing of a broken project -------------------------------------------------

FIELD = """\
title: {vi: Kinh tế, en: Economy}
plan_section: "2.1"
summary: {vi: Tóm tắt, en: Summary}
metrics:
  - label: {vi: Hộ làm chè, en: Tea-growing households}
    unit: ho
    values: {2002: 120, 2022: 1.500}
"""
BROKEN = {
    "content/fields/kinh-te.yml": FIELD,  # a number with a thousands separator, as in Word
    "content/people/tran-thi-bich.yml": """\
        kind: individual
        name: {vi: Trần Thị Bích}
        summary: {vi: Tóm tắt}
        nmae: x
        consent: true
        photo:
          src: chan-dung/ttb.jpg
          alt: {vi: Ảnh chân dung}
        """,  # a misspelt field, a photo named with the wrong extension
    "content/people/vang-a-su.yml": """\
        kind: individual
        name: {vi: Vàng A Sử}
        summary: {vi: Tóm tắt, en: Summary}
        """,  # no consent: a warning, and left out of the site
    "content/news/2022/tin-moi.yml": """\
        title: {vi: Tin mới}
        date: 2022-13-01
        summary: {vi: Tóm tắt}
        body: {vi: Nội dung}
        category: kinh-te
        fields: [kinh-te, van-hoa]
        people: [tran-thi-bichh]
        """,  # no such month, no such field, a misspelt person
    "content/news/2022/Tin Sai.yml": "title: {vi: Tin}\n",  # a name that is no id
    "content/news/2022/hong.yml": "title: [Tin hỏng\ndate: 2022-05-01\n",  # unclosed
    "content/albums/anh.yml": """\
        title: {vi: Ảnh, en: Photos}
        photos:
          - src: khong-co.jpg
            alt: {vi: Ảnh}
        """,  # a photo that is not there
}


def test_the_check_listing_of_a_broken_project_reads_as_the_golden(
    make_site, tmp_path, golden
) -> None:
    Image.new("RGB", (40, 30), (200, 30, 30)).save(tmp_path / "ttb.jpeg", "JPEG")
    site = make_site(BROKEN)
    site.write("content/images/chan-dung/ttb.jpeg", (tmp_path / "ttb.jpeg").read_bytes())
    for lang in ("vi", "en"):
        result = site.cli("--lang", lang, "check")
        assert result.returncode == 1, result.stderr
        assert result.stderr == ""
        golden(f"check/broken.{lang}.txt", result.stdout)


# --- a rendered page body per language ---------------------------------------------------------

NEWS = """\
title:
  vi: "Xã Bản Giang khánh thành đường bê tông nông thôn"
  en: "Ban Giang commune opens a concrete rural road"
date: 2022-09-05
summary:
  vi: "Con đường dài 3,5 km nối hai bản, do nhân dân góp 1.200 ngày công."
  en: "The 3.5 km road links two villages; residents gave 1,200 days of work."
body:
  vi: |
    Sáng ngày 05/9/2022, UBND xã Bản Giang tổ chức lễ khánh thành **đường bê tông** nối
    bản Nà Cơ với bản Đông Pao.

    ## Kết quả

    - Chiều dài: 3,5 km, rộng 3 m;
    - Tổng kinh phí: 2,4 tỷ đồng, trong đó nhân dân đóng góp 15%.

    Xem thêm [kế hoạch của huyện](/ke-hoach/).
  en: |
    On 5 September 2022 the People's Committee of Ban Giang commune opened the **concrete
    road** linking Na Co and Dong Pao villages.

    ## Results

    - Length: 3.5 km, width 3 m;
    - Total cost: 2.4 billion dong, 15% of it given by residents.

    See also [the district's plan](/ke-hoach/).
category: kinh-te
tags: [giao thông, nông thôn mới]
author: Ban biên tập
"""


GLOSSARY = """\
tags:
  giao thông: transport
  nông thôn mới: new rural development
"""


def article(html: str) -> str:
    """The page's own content, as the theme places it: its <article>, blank lines left out."""
    found = re.search(r"<article[^>]*>(.*?)</article>", html, re.S)
    assert found is not None
    return "".join(line.strip() + "\n" for line in found.group(1).splitlines() if line.strip())


def test_a_news_page_body_reads_as_the_golden_in_each_language(make_site, golden) -> None:
    site = make_site({"content/news/2022/duong-ban-giang.yml": NEWS,
                      "content/glossary.yml": GLOSSARY,
                      "content/fields/kinh-te.yml": FIELD.replace("1.500", "1500")})  # fmt: skip
    assert site.build().code == 0
    golden("pages/news-item.vi.html", article(site.read("tin-tuc/duong-ban-giang/index.html")))
    golden("pages/news-item.en.html", article(site.read("en/tin-tuc/duong-ban-giang/index.html")))
