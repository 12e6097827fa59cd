"""News: pagination, groupings, feeds, GUIDs, slugs, drafts, sanitising, `new`."""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import threading
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import feedparser
import pytest

from site_builder.content.model import NewsItem
from site_builder.content.richtext import render
from site_builder.content.urls import guid
from site_builder.editors.scaffold import new
from site_builder.render.news import by_tag, neighbours, paginate, reading_minutes, related
from site_builder.text.slugs import slugify

ATOM = "{http://www.w3.org/2005/Atom}"


def item(
    id: str, date: str = "2022-06-01", category: str = "chien-dich", tags=(), **kw
) -> NewsItem:
    return NewsItem(id=id, date=dt.date.fromisoformat(date), category=category, tags=tuple(tags),
                    **kw)  # fmt: skip


# --- pagination -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("count", "pages", "last"),
    [(0, 1, 0), (1, 1, 1), (3, 1, 3), (4, 2, 1), (7, 3, 1)],  # size 3: 0, 1, a page, a page + 1
)
def test_pagination_boundaries(count: int, pages: int, last: int) -> None:
    result = paginate(list(range(count)), 3, "tin-tuc/")
    assert len(result) == pages
    assert len(result[-1].items) == last
    assert [p.path for p in result] == ["tin-tuc/"] + [
        f"tin-tuc/trang/{n}/" for n in range(2, pages + 1)
    ]
    assert result[0].previous is None and result[-1].next is None
    if pages > 1:
        assert result[1].previous == "tin-tuc/" and result[0].next == "tin-tuc/trang/2/"
    assert sum(len(p.items) for p in result) == count


def test_built_pagination_boundaries(make_site) -> None:
    files = {}
    for n in range(4):
        files[f"content/news/2022/tin-{n}.yml"] = f"""\
        title: {{vi: Tin {n}, en: News {n}}}
        date: 2022-06-0{n + 1}
        summary: {{vi: s, en: s}}
        body: {{vi: b, en: b}}
        category: chien-dich
        """
    site = make_site(files)
    site.write(
        "content/site.yml", (site.root / "content/site.yml").read_text() + "news_page_size: 3\n"
    )
    assert site.build().code == 0
    first, second = site.read("tin-tuc/index.html"), site.read("tin-tuc/trang/2/index.html")
    assert [f"Tin {n}" in first for n in range(4)] == [False, True, True, True]  # newest first
    assert "Tin 0" in second and "Trang 2/2" in second
    assert not site.exists("tin-tuc/trang/3/index.html")
    assert site.exists("en/tin-tuc/trang/2/index.html")


def test_empty_news_section_still_has_an_index(make_site) -> None:
    site = make_site()
    assert site.build().code == 0
    assert "Chưa có nội dung." in site.read("tin-tuc/index.html")
    assert not site.exists("tin-tuc/trang/2/index.html")


# --- groupings and neighbours ------------------------------------------------------------


def test_tags_that_differ_only_in_tone_placement_are_one_tag() -> None:
    groups = by_tag([item("a", tags=["hòa bình"]), item("b", tags=["hoà bình"])])
    assert list(groups) == ["hoa-binh"]
    assert groups["hoa-binh"][0] == "hòa bình" and len(groups["hoa-binh"][1]) == 2


def test_neighbours_and_related() -> None:
    a = item("a", "2022-06-03", tags=["x"])
    b = item("b", "2022-06-02", category="kinh-te", tags=["x", "y"])
    c = item("c", "2022-06-01", category="kinh-te")
    newest_first = [a, b, c]
    assert neighbours(newest_first, b) == (c, a)
    assert neighbours(newest_first, a) == (b, None)
    assert related(newest_first, a) == [b]  # shares a tag; c shares nothing
    assert related(newest_first, c) == [b]  # same category


def test_related_matches_scoring_every_item() -> None:
    """The fast related() (only the newest of a category scored) equals scoring them all."""
    import random
    from collections import defaultdict

    from site_builder.render.news import Neighbourhood, tag_slug

    rng = random.Random(8)  # noqa: S311 (test data)
    cats, tags = ["kinh-te", "chien-dich", "van-hoa-xa-hoi"], ["a", "b", "c", "d", "e"]
    items = [item(f"i{n:03d}", f"2022-{1 + n % 12:02d}-{1 + n % 5:02d}", category=rng.choice(cats),
                  tags=rng.sample(tags, rng.randint(0, 2))) for n in range(300)]  # fmt: skip
    items.sort(key=lambda n: (n.date, n.id), reverse=True)
    around = Neighbourhood(items)
    for one in items:
        scores: dict[str, int] = defaultdict(int)
        mine = {tag_slug(t) for t in one.tags}
        for other in items:
            if other.id != one.id:
                shared = len(mine & {tag_slug(t) for t in other.tags})
                score = 2 * shared + (other.category == one.category)
                if score:
                    scores[other.id] = score
        expected = sorted(
            (o for o in items if o.id in scores),
            key=lambda o: (scores[o.id], o.date, o.id), reverse=True,
        )[:3]  # fmt: skip
        assert around.related(one) == expected, one.id


def test_related_items_are_kept_for_a_list_of_the_same_shape(monkeypatch) -> None:
    """The preview's rebuilds hand over lists whose items keep their ids, dates, categories
    and tags: the related items found before hold, as the records of the list at hand."""
    import dataclasses

    from site_builder.cache.memory import Memory
    from site_builder.content.model import Text
    from site_builder.render.news import Neighbourhood

    a = item("a", "2022-06-04", tags=["x"])
    b = item("b", "2022-06-03", tags=["x"])
    c = item("c", "2022-06-02", category="kinh-te")
    d = item("d", "2022-06-01", tags=["x"])
    kept = Memory()  # the preview's, between rebuilds
    assert Neighbourhood([a, b, c, d], kept).related(a) == [b, d]  # c: no tag, another category
    scored: list[str] = []
    real = Neighbourhood.score
    monkeypatch.setattr(Neighbourhood, "score", lambda self, one, limit: (
        scored.append(one.id) or real(self, one, limit)
    ))  # fmt: skip
    edited = dataclasses.replace(b, title=Text("Tin mới sửa"))
    assert Neighbourhood([a, edited, c, d]).related(a) == [edited, d] and scored == ["a"]
    scored.clear()  # a build keeps nothing; the preview's memory keeps them:
    found = Neighbourhood([a, edited, c, d], kept).related(a)
    assert scored == [] and found == [edited, d] and found[0] is edited  # this list's record
    retagged = dataclasses.replace(c, tags=("x",))  # another shape: scored anew
    found = Neighbourhood([a, edited, retagged, d], kept).related(a)
    assert scored == ["a"] and found == [edited, d, retagged]
    assert Neighbourhood([a, edited, retagged, d], kept).related(a, limit=1) == [edited]


def test_reading_time() -> None:
    assert reading_minutes("") == 1
    assert reading_minutes("từ " * 1000) == 5


# --- bundled section: counts match the content ----------------------------------------------


def bundled_news(bundled) -> list[dict]:
    from site_builder.checks import load_content

    content, _ = load_content(bundled.root)
    return [{"id": n.id, "date": n.date, "category": n.category, "en": n.has_en}
            for n in content.news.values() if not n.draft]  # fmt: skip


def count_items(page: str) -> int:
    main = page[page.index("<article") : page.index('<aside class="sb-news-nav"')]
    return len(re.findall(r'<li><a href="[^"]+/">', main))


def test_category_and_archive_counts_match_the_content(bundled) -> None:
    items = bundled_news(bundled)
    assert len(items) >= 15 and sum(i["en"] for i in items) > len(items) / 2
    for category in {i["category"] for i in items}:
        expected = sum(i["category"] == category for i in items)
        page = bundled.read(f"tin-tuc/chuyen-muc/{category}/index.html")
        assert count_items(page) == min(expected, 10), category
    for year, month in {(i["date"].year, i["date"].month) for i in items}:
        expected = sum((i["date"].year, i["date"].month) == (year, month) for i in items)
        page = bundled.read(f"tin-tuc/luu-tru/{year}/{month:02d}/index.html")
        assert count_items(page) == expected
        archive = bundled.read("tin-tuc/luu-tru/index.html")
        assert f'{year}/{month:02d}/">Tháng {month}/{year}</a> · {expected} tin' in archive


def test_article_shows_reading_time_tags_neighbours_and_related(bundled) -> None:
    page = bundled.read("tin-tuc/xay-dung-nong-thon-moi/index.html")
    assert "1 phút đọc" in page
    assert '<a href="../the/nong-thon-moi/">nông thôn mới</a>' in page
    assert 'rel="prev" href="../phat-dong-thi-dua-minh-hoa/"' in page
    assert 'rel="next" href="../van-nghe-chao-mung/"' in page
    assert "Tin liên quan" in page
    en = bundled.read("en/tin-tuc/xay-dung-nong-thon-moi/index.html")
    assert "1 min read" in en and '<time datetime="2022-06-08">8 June 2022</time>' in en


def test_alias_redirects_to_the_renamed_item(bundled) -> None:
    page = bundled.read("tin-tuc/le-ky-niem/index.html")
    assert '<meta http-equiv="refresh" content="0; url=../le-ky-niem-20-nam/">' in page
    assert (
        '<link rel="canonical" href="https://tamduong.example/tin-tuc/le-ky-niem-20-nam/">' in page
    )
    assert "tin-tuc/le-ky-niem/" not in bundled.read("sitemap.xml")


def test_body_images_go_through_the_pipeline(bundled) -> None:
    page = bundled.read("tin-tuc/van-nghe-chao-mung/index.html")
    picture = re.search(r"<picture>(.*?)</picture>", page, re.S)
    assert picture is not None
    assert re.search(r'<source sizes="[^"]+" srcset="../../anh/mau-ban-lang-[0-9a-f]{10}-1600.webp '
                     r'1600w, [^"]+-480.webp 480w" type="image/webp">', picture[1])  # fmt: skip
    img = re.search(r"<img [^>]+>", picture[1])
    assert img is not None and 'alt="Đồi núi và bản làng (hình tạo bằng máy)"' in img[0]
    assert 'width="1600"' in img[0] and 'height="1000"' in img[0]
    assert 'loading="lazy"' not in img[0]  # the first image of the page loads at once
    assert re.search(r'style="background-color:#[0-9a-f]{6}"', img[0])


# --- feeds ----------------------------------------------------------------------------------


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_feeds_parse_strictly_and_carry_the_required_elements(bundled, prefix: str) -> None:
    lang = "en" if prefix else "vi"
    expected = sum(1 for i in bundled_news(bundled) if not prefix or i["en"])
    base = f"https://tamduong.example/{prefix}"
    rss_text = bundled.read(f"{prefix}tin-tuc/rss.xml")
    rss = ET.fromstring(rss_text.encode())  # strict: any well-formedness error raises
    channel = rss.find("channel")
    assert channel is not None and rss.get("version") == "2.0"
    assert channel.findtext("language") == lang
    assert channel.findtext("link") == f"{base}tin-tuc/"
    items = channel.findall("item")
    assert len(items) == min(expected, 20)
    for entry in items:
        assert entry.findtext("link").startswith(base + "tin-tuc/")
        assert entry.findtext("guid").startswith("tag:tamduong.example,2022:tin-tuc/")
        assert entry.findtext("pubDate").endswith("+0700")
        assert entry.findtext("title") and entry.findtext("description")
    atom = ET.fromstring(bundled.read(f"{prefix}tin-tuc/atom.xml").encode())
    assert atom.get("{http://www.w3.org/XML/1998/namespace}lang") == lang
    entries = atom.findall(f"{ATOM}entry")
    assert len(entries) == len(items)
    for entry in entries:
        assert entry.findtext(f"{ATOM}updated").endswith("+07:00")
        assert entry.find(f"{ATOM}link").get("href").startswith(base)
    for name in ("rss.xml", "atom.xml"):
        parsed = feedparser.parse(bundled.read(f"{prefix}tin-tuc/{name}"))
        assert parsed.bozo == 0, parsed.get("bozo_exception")
        assert len(parsed.entries) == len(items)
        assert all(e.published_parsed for e in parsed.entries)
    lead = [e for e in feedparser.parse(rss_text).entries if "media_content" in e]
    assert lead and lead[0].media_content[0]["url"].startswith("https://tamduong.example/anh/")


NEWS = """\
title: {{vi: "{title}", en: "{title}"}}
date: 2022-06-01
summary: {{vi: s, en: s}}
body: {{vi: b, en: b}}
category: chien-dich
"""


def test_guids_survive_an_edited_title_and_a_rename(make_site) -> None:
    site = make_site({"content/news/2022/tin.yml": NEWS.format(title="Tiêu đề cũ")})
    assert site.build().code == 0
    first = ET.fromstring(site.read("tin-tuc/rss.xml").encode()).find("channel/item/guid").text
    site.write("content/news/2022/tin.yml", NEWS.format(title="Tiêu đề mới"))
    assert site.build().code == 0
    rss = site.read("tin-tuc/rss.xml")
    assert "Tiêu đề mới" in rss
    assert ET.fromstring(rss.encode()).find("channel/item/guid").text == first
    (site.root / "content/news/2022/tin.yml").rename(site.root / "content/news/2022/tin-moi.yml")
    site.write(
        "content/news/2022/tin-moi.yml", NEWS.format(title="Tiêu đề mới") + "aliases: [tin]\n"
    )
    assert site.build().code == 0
    assert (
        ET.fromstring(site.read("tin-tuc/rss.xml").encode()).find("channel/item/guid").text == first
    )
    assert site.exists("tin-tuc/tin/index.html")  # the old address redirects


def test_guid_field_wins() -> None:
    assert guid(item("a", guid="urn:uuid:1"), "https://x.example/") == "urn:uuid:1"


def test_alias_that_is_another_items_address_is_an_error(make_site) -> None:
    site = make_site({
        "content/news/2022/a.yml": NEWS.format(title="A"),
        "content/news/2022/b.yml": NEWS.format(title="B") + "aliases: [a, 'Bad Alias']\n",
    })  # fmt: skip
    lines = site.cli("check").stdout.splitlines()
    assert lines[:2] == [
        "content/news/2022/b.yml:6:11: lỗi: 'aliases[0]': địa chỉ cũ 'a' trùng với trang "
        "'content/news/…/a.yml' (gợi ý: bỏ địa chỉ cũ này: hai trang không thể cùng một địa chỉ)",
        "content/news/2022/b.yml:6:14: lỗi: 'aliases[1]': 'Bad Alias' không dùng được làm địa chỉ "
        "cũ (gợi ý: viết mã cũ (ví dụ le-ky-niem) hoặc đường dẫn cũ (ví dụ /tin-tuc/le-ky-niem/))",
    ]


# --- drafts and future items -----------------------------------------------------------------


def test_drafts_and_future_items_are_absent_from_every_output(make_site) -> None:
    site = make_site({
        "content/news/2022/nhap.yml": NEWS.format(title="Bản nháp XYZ") + "draft: true\n",
        "content/news/2022/sau.yml": NEWS.format(title="Tương lai XYZ").replace(
            "2022-06-01", "2022-12-03"),  # after the session's build date, 2022-12-02
        "content/news/2022/nay.yml": NEWS.format(title="Hiện tại"),
    })  # fmt: skip
    assert site.build().code == 0
    everything = "".join(
        p.read_text(encoding="utf-8", errors="replace")
        for p in site.site.rglob("*")
        if p.is_file() and p.suffix in (".html", ".xml", ".json")
    )
    assert "Hiện tại" in everything and "XYZ" not in everything
    assert "/nhap/" not in everything and "/sau/" not in everything
    from browser import indexed

    assert not [p for p in indexed(site.site) if "XYZ" in p["content"]]
    assert [p for p in indexed(site.site) if "Hiện tại" in p["content"]]


# --- slugs and `new` ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Lễ kỷ niệm 20 năm Tam Đường", "le-ky-niem-20-nam-tam-duong"),
        ("ĐẠI HỘI ĐẢNG BỘ", "dai-hoi-dang-bo"),
        ("a á à ả ã ạ ă ắ ằ ẳ ẵ ặ â ấ ầ ẩ ẫ ậ", "a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a"),
        ("e é è ẻ ẽ ẹ ê ế ề ể ễ ệ", "e-e-e-e-e-e-e-e-e-e-e-e"),
        ("i í ì ỉ ĩ ị y ý ỳ ỷ ỹ ỵ", "i-i-i-i-i-i-y-y-y-y-y-y"),
        ("o ó ò ỏ õ ọ ô ố ồ ổ ỗ ộ ơ ớ ờ ở ỡ ợ", "o-o-o-o-o-o-o-o-o-o-o-o-o-o-o-o-o-o"),
        ("u ú ù ủ ũ ụ ư ứ ừ ử ữ ự", "u-u-u-u-u-u-u-u-u-u-u-u"),
        ("Hòa / hoà; Thủy – thuỷ!", "hoa-hoa-thuy-thuy"),
        ("“Toàn dân đoàn kết” (2021–2025)", "toan-dan-doan-ket-2021-2025"),
        ("  --Tin   mới--  ", "tin-moi"),
        ("100% OCOP: 3,5 tỷ đồng", "100-ocop-3-5-ty-dong"),
    ],
)
def test_slugs(title: str, slug: str) -> None:
    assert slugify(title) == slug


def test_new_news_never_overwrites(make_site) -> None:
    site = make_site()
    today = dt.date(2022, 9, 21)
    paths = [new(site.root, "news", "Lễ kỷ niệm 20 năm Tam Đường", today) for _ in range(3)]
    assert [p.relative_to(site.root).as_posix() for p in paths] == [
        "content/news/2022/le-ky-niem-20-nam-tam-duong.yml",
        "content/news/2022/le-ky-niem-20-nam-tam-duong-2.yml",
        "content/news/2022/le-ky-niem-20-nam-tam-duong-3.yml",
    ]
    # ids are unique across years: next year the same title still gets a new number
    later = new(site.root, "news", "Lễ kỷ niệm 20 năm Tam Đường", dt.date(2023, 1, 1))
    assert later.name == "le-ky-niem-20-nam-tam-duong-4.yml"
    text = paths[0].read_text(encoding="utf-8")
    assert 'title: {vi: "Lễ kỷ niệm 20 năm Tam Đường"}' in text and "date: 2022-09-21" in text
    assert re.search(r"guid: urn:uuid:[0-9a-f-]{36}", text) and "draft: true" in text


def test_new_command_prints_the_path_and_the_next_step(make_site) -> None:
    site = make_site()
    result = site.cli("new", "news", 'Tin "có" dấu: ngoặc')
    assert result.returncode == 0
    path = site.root / result.stdout.strip()
    assert path.parent.parent == site.root / "content" / "news"
    assert path.name == "tin-co-dau-ngoac.yml"
    assert "site-builder check" in result.stderr
    # the file is valid YAML with the title kept exactly; only the text to fill is missing
    text = path.read_text(encoding="utf-8").replace('summary: {vi: ""}', "summary: {vi: s}")
    path.write_text(text.replace('body:\n  vi: ""', "body:\n  vi: b"), encoding="utf-8")
    assert site.cli("check").returncode == 0
    assert site.cli("new", "news", "  ").returncode == 2
    assert site.cli("new", "nothing", "x").returncode == 2


# --- sanitiser ---------------------------------------------------------------------------------

HOSTILE_BODIES = [
    "<script>alert(1)</script>",
    "<ScRiPt>alert(1)</sCrIpT>",
    '<img src="x" onerror="alert(1)">',
    "<IMG SRC=x OnErRoR=alert(1)>",
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "[click](&#106;avascript:alert(1))",
    '<a href="&#x6A;&#x61;vascript:alert(1)">x</a>',
    '<a href="jav&#x09;ascript:alert(1)">x</a>',
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    '<iframe src="https://evil.example/"></iframe>',
    "<svg><script>alert(1)</script></svg>",
    '<svg onload="alert(1)"><circle r="1"/></svg>',
    '<object data="x.swf"></object><embed src="x.swf">',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<a href="#" style="background:url(javascript:alert(1))">x</a>',
    "![x](javascript:alert(1))",
]


class _Audit(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.bad: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "iframe", "object", "embed", "svg", "math", "style"):
            self.bad.append(tag)
        for name, value in attrs:
            decoded = re.sub(r"[\x00-\x20]", "", html.unescape(value or "")).lower()
            if name.startswith("on") or name == "style":
                self.bad.append(name)
            if decoded.startswith(("javascript:", "data:", "vbscript:")):
                self.bad.append(f"{name}={value}")


@pytest.mark.parametrize("body", HOSTILE_BODIES)
def test_hostile_bodies_leave_no_active_content(body: str) -> None:
    audit = _Audit()
    audit.feed(render(body))
    assert audit.bad == []


def test_the_audit_catches_a_control() -> None:
    audit = _Audit()
    audit.feed('<p><a href="&#106;avascript:x" onclick="y">a</a><script>z</script></p>')
    assert audit.bad == ["href=javascript:x", "onclick", "script"]


def test_legitimate_markdown_survives() -> None:
    out = render(
        "## Mục\n\n- một\n- hai\n\n1. ba\n\n*nghiêng* **đậm** [liên kết](https://example.org/x)\n\n"
        "> trích dẫn\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"
    )
    for fragment in ('<h2 id="muc">Mục</h2>', "<li>một</li>", "<ol>", "<em>nghiêng</em>",
                     "<strong>đậm</strong>", 'href="https://example.org/x"', "<blockquote>",
                     "<td>2</td>"):  # fmt: skip
        assert fragment in out


def test_one_converter_renders_each_body_as_a_fresh_one_would(bundled, monkeypatch) -> None:
    """The converter is kept per thread: no document may see the one before it."""
    import markdown

    from site_builder.checks import load_content

    content, _ = load_content(bundled.root)
    bodies = [t for n in content.news.values() for t in (n.body.vi, n.body.en) if t]
    bodies += [
        "## Kết quả\n\nXem [báo cáo][bc].\n\n[bc]: https://example.org/bao-cao\n",
        "## Kết quả\n\nXem [báo cáo][bc], chưa có địa chỉ.\n",  # same heading, no link
        "<div>chưa đóng\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
        "![ảnh](x.jpg)\n\nẢnh trên.",
    ]
    fresh: list[str] = []
    for body in bodies:  # a new thread makes a new converter for each document
        worker = threading.Thread(target=lambda b=body: fresh.append(render(b)))
        worker.start()
        worker.join()
    made: list[object] = []
    real = markdown.Markdown.__init__
    monkeypatch.setattr(
        markdown.Markdown, "__init__", lambda md, **k: made.append(md) or real(md, **k)
    )
    again: list[str] = []
    worker = threading.Thread(target=lambda: again.extend(render(body) for body in bodies))
    worker.start()
    worker.join()
    assert again == fresh and len(made) == 1  # one converter, made once for the thread
    assert 'id="ket-qua"' in fresh[-3] and "example.org" not in fresh[-3]
    assert len(bodies) > 10


def test_body_image_rules_are_checked_before_building(make_site, tmp_path: Path) -> None:
    body = "![](mau/a.jpg) ![ok](mau/missing.jpg) ![x](https://cdn.example/a.jpg)"
    site = make_site({"content/news/2022/tin.yml": NEWS.format(title="A").replace(
        "body: {vi: b, en: b}", f"body: {{vi: '{body}'}}")})  # fmt: skip
    from PIL import Image as PILImage

    PILImage.new("RGB", (8, 8)).save(tmp_path / "a.jpg")
    site.write("content/images/mau/a.jpg", (tmp_path / "a.jpg").read_bytes())
    codes = [json.loads(site.cli("check", "--format", "json").stdout)["problems"][i]["code"]
             for i in range(3)]  # fmt: skip
    assert codes == ["missing-alt", "missing-file", "unsafe-path"]


def test_relative_links_match_posixpath() -> None:
    import itertools
    import posixpath

    from site_builder.content.urls import relative

    def relative_slow(from_path: str, to_path: str) -> str:  # the definition
        start = "/" + from_path if from_path.endswith("/") else posixpath.dirname("/" + from_path)
        rel = posixpath.relpath("/" + to_path, start)
        if to_path.endswith("/") or not to_path:
            rel = rel.rstrip("/") + "/"
            rel = "./" if rel in ("./", "./.", "/") else rel
        return rel

    paths = ["", "a/", "a/b/", "a/b/c/", "a/c/", "b/", "x.jpg", "a/x.jpg", "a/b/y.webp", "en/",
             "en/a/", "en/a/b/", "anh/the/k.jpg", "en/anh/the/k.jpg", "a/b/index.html"]  # fmt: skip
    for one, other in itertools.product(paths, repeat=2):
        assert relative(one, other) == relative_slow(one, other), (one, other)
