"""Both languages all the way (#33): English pages carry no Vietnamese but proper names and
text marked `lang="vi"` on purpose; Vietnamese pages carry no English interface strings."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from languages import (
    english_in_vietnamese,
    material_strings,
    vietnamese,
    vietnamese_in_english,
    words,
)

from site_builder.content.model import Content
from site_builder.content.validate import load_content
from site_builder.text.i18n import STRINGS, Text

REPO = Path(__file__).resolve().parent.parent


def _kept(text: Text) -> set[str]:
    """The words of a name that its English keeps: the proper name (all of it where the
    name has no English, as a person's name has none)."""
    mine = {w.casefold() for w in words(text.vi)}
    return mine if text.en is None else mine & {w.casefold() for w in words(text.en)}


def proper_names(content: Content) -> set[str]:
    """Words of the proper names in the content, casefolded: people and collectives,
    communes, the district and province, bodies, the plan's signatory."""
    names: list[Text] = [p.name for p in content.people.values()]
    names += [c.issuer for c in content.commendations.values()]
    if content.site is not None:
        site = content.site
        names += [c.name for c in site.communes]
        names += [site.district, site.province, site.issuing_body, site.site_name]
    if content.plan is not None:
        names.append(Text(content.plan.signatory.name))
    return {word for name in names for word in _kept(name)}


@pytest.fixture(scope="module")
def names() -> set[str]:
    content, _ = load_content(REPO)
    return proper_names(content)


def english_phrases() -> list[str]:
    """English interface strings that Vietnamese pages must not show: ours and Material's,
    where the Vietnamese differs, without placeholders."""
    ours = [en for vi, en in STRINGS.values() if en != vi]
    vi = material_strings("vi")
    theirs = [en for key, en in material_strings("en").items() if vi.get(key) != en]
    return sorted({
        p for p in ours + theirs
        if "{" not in p and "#" not in p and any(c.isalpha() for c in p)
        and not any(vietnamese(w) for w in words(p))
    })  # fmt: skip


# --- the checker, on pages made to fail it --------------------------------------------------

CONTROL_EN = """<!doctype html><html lang="en"><head><title>Tam Đường news</title></head><body>
<h1>Tag: nông thôn mới</h1>
<p>People's Committee of Tam Đường district. Decision 003/QĐ-UBND.</p>
<p>Author: <span lang="vi">Ban biên tập</span></p>
</body></html>"""


def test_the_checker_finds_an_unmarked_vietnamese_phrase_on_an_english_page() -> None:
    found = vietnamese_in_english(CONTROL_EN, {"tam", "đường"})
    assert [f.split(" (")[0] for f in found] == ["2: nông", "2: thôn", "2: mới"]
    # the same page with the phrase marked as Vietnamese passes
    marked = CONTROL_EN.replace("<h1>Tag: nông thôn mới", '<h1>Tag: <i lang="vi">nông thôn mới</i>')
    assert vietnamese_in_english(marked, {"tam", "đường"}) == []
    # and a name is a name only if the content names it
    assert [f.split(" (")[0] for f in vietnamese_in_english(marked, set())] == [
        "1: Đường", "3: Đường"]  # fmt: skip


def test_the_checker_sees_attributes_and_titles_but_not_scripts() -> None:
    page = """<html lang="en"><head><title>Lễ hội</title><script>var a = "Lễ"</script></head>
<body><img alt="Ảnh"><a title="Trang chủ" href="/">x</a><style>/* Đ */</style></body></html>"""
    assert [f.split(" (")[0] for f in vietnamese_in_english(page, set())] == [
        "1: Lễ", "1: hội", "2: Ảnh", "2: chủ"]  # fmt: skip


def test_the_checker_finds_an_english_interface_string_on_a_vietnamese_page() -> None:
    phrases = english_phrases()
    assert {"Back to top", "Illustrative content", "Distribution"} <= set(phrases)
    page = """<html lang="vi"><body><p>Tin mới</p><a href="#">Back to top</a>
<p>Nội dung minh họa / <span lang="en">Illustrative content</span></p></body></html>"""
    assert english_in_vietnamese(page, phrases) == ["1: Back to top"]


# --- the bundled site ------------------------------------------------------------------------


def test_every_english_page_is_english_but_for_names_and_marked_vietnamese(bundled, names) -> None:
    pages = sorted((bundled.site / "en").rglob("*.html"))
    assert len(pages) > 50
    found = []
    for page in pages:
        rel = page.relative_to(bundled.site).as_posix()
        found += [f"{rel}:{f}" for f in vietnamese_in_english(page.read_text("utf-8"), names)]
    assert found == []


def test_no_vietnamese_page_shows_an_english_interface_string(bundled) -> None:
    phrases = english_phrases()
    pages = sorted(p for p in bundled.site.rglob("*.html") if "en" not in p.relative_to(
        bundled.site).parts[:1])  # fmt: skip
    assert len(pages) > 50
    found = []
    for page in pages:
        rel = page.relative_to(bundled.site).as_posix()
        found += [f"{rel}:{f}" for f in english_in_vietnamese(page.read_text("utf-8"), phrases)]
    assert found == []


# --- tags, authors and credits: English where the content gives it --------------------------

NEWS = """\
title: {vi: Khánh thành đường, en: A road opens}
date: 2022-09-05
summary: {vi: Tóm tắt., en: Summary.}
body: {vi: Nội dung., en: Text.}
category: chien-dich
tags: [nông thôn mới, giao thông]
author: AUTHOR
image: {src: a.jpg, alt: {vi: Ảnh, en: Photo}, credit: CREDIT}
"""
GLOSSARY = "terms:\n  UBND: Ủy ban nhân dân\ntags:\n  nông thôn mới: new rural development\n"


def _tagged_site(make_site, tmp_path: Path, author: str, credit: str, glossary: str = GLOSSARY):
    from PIL import Image

    Image.new("RGB", (40, 30), "#336699").save(tmp_path / "a.jpg")
    news = NEWS.replace("AUTHOR", author).replace("CREDIT", credit)
    return make_site({
        "content/images/a.jpg": (tmp_path / "a.jpg").read_bytes(),
        "content/glossary.yml": glossary,
        "content/news/2022/duong.yml": news,
        # the same tags on an item without English: no English page, so no warning
        "content/news/2022/chi-viet.yml": "title: {vi: Tin}\ndate: 2022-09-06\nsummary: {vi: S}\n"
        "body: {vi: B}\ncategory: chien-dich\ntags: [giao thông, đường sá]\n",
    })  # fmt: skip


def test_tags_show_their_english_name_and_keep_their_vietnamese_address(
    make_site, tmp_path
) -> None:
    site = _tagged_site(make_site, tmp_path, "Ban biên tập", "Nguyễn Văn A")
    result = site.build(strict=False)
    assert result.code == 0
    # the tag without an English name, on the item with English: one warning, file and line
    found = [(p.path, p.line, p.col, p.code, p.severity) for p in result.problems]
    assert found == [("content/news/2022/duong.yml", 6, 7, "tag-without-english", "warning")]
    assert "'giao thông'" in result.problems[0].format("en")
    item = site.read("en/tin-tuc/duong/index.html")
    assert '<a href="../the/nong-thon-moi/">new rural development</a>' in item
    assert '<a href="../the/giao-thong/">giao thông</a>' in item  # as written, and warned of
    tag_page = site.read("en/tin-tuc/the/nong-thon-moi/index.html")
    assert "<h1>Tag: new rural development</h1>" in tag_page
    # Vietnamese pages as before
    vi_item = site.read("tin-tuc/duong/index.html")
    assert '<a href="../the/nong-thon-moi/">nông thôn mới</a>' in vi_item
    assert "<h1>Thẻ: nông thôn mới</h1>" in site.read("tin-tuc/the/nong-thon-moi/index.html")
    # strict builds refuse the warning; naming the tag clears it
    assert site.build().code == 1
    site.write("content/glossary.yml", GLOSSARY + "  Giao thông: transport\n")
    assert site.build().code == 0
    assert '<a href="../the/giao-thong/">transport</a>' in site.read("en/tin-tuc/duong/index.html")


def test_untranslated_author_and_credit_are_marked_vietnamese_on_english_pages(
    make_site, tmp_path
) -> None:
    site = _tagged_site(make_site, tmp_path, "Ban biên tập", "Nguyễn Văn A",
                        GLOSSARY + "  giao thông: transport\n")  # fmt: skip
    assert site.build().code == 0
    en = site.read("en/tin-tuc/duong/index.html")
    assert 'Author: <span lang="vi">Ban biên tập</span>' in en
    assert 'Photo: <span lang="vi">Nguyễn Văn A</span>' in en
    assert "Tác giả: Ban biên tập</p>" in site.read("tin-tuc/duong/index.html")


def test_translated_author_and_credit_show_in_each_language(make_site, tmp_path) -> None:
    site = _tagged_site(make_site, tmp_path, "{vi: Ban biên tập, en: Editorial board}",
                        "{vi: Ảnh tạo bằng máy, en: Computer-generated image}",
                        GLOSSARY + "  giao thông: transport\n")  # fmt: skip
    assert site.build().code == 0
    en, vi = site.read("en/tin-tuc/duong/index.html"), site.read("tin-tuc/duong/index.html")
    assert "Author: Editorial board</p>" in en and "Photo: Computer-generated image" in en
    assert "Tác giả: Ban biên tập</p>" in vi and "Ảnh: Ảnh tạo bằng máy" in vi
    assert vietnamese_in_english(en, set()) == []


def test_theme_strings_read_right_in_each_language(bundled) -> None:
    vi, en = bundled.read("index.html"), bundled.read("en/index.html")
    assert "Về đầu trang" in vi and "Trở lại mục lục" not in vi  # Material's "top"
    assert "Back to top" in en
    assert 'src="img/emblem-en.svg"' in en and ">YEARS</text>" in en
    assert ">NĂM</text>" in vi and "emblem-en" not in vi
    plan = bundled.read("en/ke-hoach/index.html")
    assert ">Distribution</h2>" in plan  # "Nơi nhận", the plan's distribution list
    people = bundled.read("en/guong-dien-hinh/index.html")
    assert ">All</a>" in people and "Everyone" not in people
    assert '<th scope="col">Commune or township</th>' in bundled.read("en/gioi-thieu/index.html")
    assert '<th scope="col">Xã, thị trấn</th>' in bundled.read("gioi-thieu/index.html")


def test_english_social_cards_say_years_and_vietnamese_ones_keep_their_names() -> None:
    from PIL import ImageChops

    from site_builder.images import cards

    font = REPO / "assets" / "fonts" / "BeVietnamPro-Bold.ttf"
    vi, en = cards.Card("Tiêu đề", "Tên", "2002 – 2022"), cards.Card("Title", "Tên", "2002 – 2022")
    english = cards.Card(en.title, en.site, en.years, mark="YEARS")
    # the mark is all that differs between a card with "NĂM" and one with "YEARS"
    box = ImageChops.difference(cards.draw(en, font), cards.draw(english, font)).getbbox()
    assert box is not None and box[0] > cards.SIZE[0] - 260 and box[3] < 260, box
    # a Vietnamese card's address is what it was before English cards had their own mark
    digest = b"font"
    text = f"{cards.CARD_VERSION}\0{vi.title}\0{vi.site}\0{vi.years}\0"
    assert vi.key(digest) == hashlib.sha256(text.encode() + digest).hexdigest()
    assert english.key(digest) != en.key(digest)


def test_tag_names_are_read_by_the_schema(make_site) -> None:
    site = make_site(
        {"content/glossary.yml": "terms:\n  UBND: Ủy ban nhân dân\ntags: [giao thông]\n"}
    )
    result = site.build(strict=False)
    found = [(p.path, p.line, p.col, p.code) for p in result.problems]
    # a list of {tag, english}, as the web editor writes it, or a mapping: not a plain list
    assert result.code == 1 and found == [("content/glossary.yml", 3, 8, "wrong-type")]
    assert "pairs of 'key: value'" in result.problems[0].format("en")
