"""Settings from content/site.yml reach pages as text: URLs parsed strictly, text escaped.

Issue #28, item 2: a `base_url` ending in `"><script>…` passed `check` and became a live
script in the canonical link of every page and in both 404 pages.
"""

from __future__ import annotations

import html
import json
from html.parser import HTMLParser

import pytest
from markupsafe import escape
from PIL import Image

from conftest import MINIMAL_SITE

PAYLOAD = '"><script>alert(1)</script>'
BASE_LINE = "base_url: https://example.test/\n"  # line 9 of MINIMAL_SITE
assert MINIMAL_SITE.splitlines().index(BASE_LINE.strip()) == 8


def q(text: str) -> str:
    """A YAML double-quoted string."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def problems(site) -> tuple[int, list[dict]]:
    result = site.cli("check", "--format", "json")
    assert "Traceback" not in result.stderr, result.stderr
    return result.returncode, json.loads(result.stdout)["problems"]


# --- URL settings ----------------------------------------------------------------------------

BAD_URLS = {
    "script": "https://example.test/" + PAYLOAD,
    "attribute": "https://example.test/'onmouseover='alert(1)'",
    "single-quote": "https://example.test/'x/",
    "angle-brackets": "https://example.test/<b>/",
    "user-and-password": "https://editor:secret@example.test/",
    "query": "https://example.test/?a=1",
    "fragment": "https://example.test/#top",
    "ampersand": "https://example.test/a&b/",
    "bad-host": "https://-bad-/",
    "bad-port": "https://example.test:99999/",
    "bad-host-dot": "https://.example.test/",
}


@pytest.mark.parametrize("value", BAD_URLS.values(), ids=BAD_URLS.keys())
def test_base_url_is_parsed_strictly(make_site, value: str) -> None:
    site = make_site()
    site.write("content/site.yml", MINIMAL_SITE.replace(BASE_LINE, f"base_url: {q(value)}\n"))
    code, found = problems(site)
    assert code == 1
    assert [(p["path"], p["line"], p["col"], p["code"]) for p in found] == [
        ("content/site.yml", 9, 11, "bad-url")
    ]
    text = site.cli("check").stdout.splitlines()[0]
    assert text.startswith("content/site.yml:9:11: lỗi: 'base_url': cần một địa chỉ web"), text
    assert "(gợi ý: viết địa chỉ đầy đủ, không có dấu nháy" in text


def test_a_control_character_in_a_url_is_refused(make_site) -> None:
    site = make_site()
    site.write(
        "content/site.yml", MINIMAL_SITE.replace(BASE_LINE, 'base_url: "https://e.test/\\a"\n')
    )
    code, found = problems(site)
    assert code == 1
    assert [(p["line"], p["col"]) for p in found if p["severity"] == "error"] == [(9, 11)]
    english = site.cli("--lang", "en", "check").stdout
    assert "U+0007" in english and "\a" not in english


@pytest.mark.parametrize("key", ["base_url", "api_root"])
def test_every_url_setting_is_parsed_strictly(make_site, key: str) -> None:
    """The type is declared once: the web editor's addresses are checked the same way."""
    site = make_site()
    address = q("https://git.test/" + PAYLOAD)
    cms = f"cms:\n  backend: gitlab\n  repo: owner/name\n  {key}: {address}\n"
    site.write("content/site.yml", MINIMAL_SITE + cms)
    code, found = problems(site)
    assert code == 1
    errors = [(p["line"], p["col"], p["code"]) for p in found if p["severity"] == "error"]
    assert errors == [(15, len(key) + 5, "bad-url")]


# --- text settings ---------------------------------------------------------------------------


class LiveMarkup(HTMLParser):
    """Find markup that would run: a script holding the payload, an event handler."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []
        self.in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        data = "json" in (dict(attrs).get("type") or "")  # JSON-LD: checked as text above
        self.in_script = tag == "script" and not data
        self.found += [f"<{tag} {name}=…>" for name, _ in attrs if name.startswith("on")]

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self.in_script = False

    def handle_data(self, data: str) -> None:
        if self.in_script and "alert(" in data:
            self.found.append(f"<script>{data[:30]}")


def live(text: str) -> list[str]:
    """Everything in `text` where the payload escaped its text or attribute."""
    raw = [marker for marker in ("<script>alert", '"><script', "'><script") if marker in text]
    parser = LiveMarkup()
    parser.feed(text)
    parser.close()
    return raw + parser.found


def hostile_settings(base_url: str) -> str:
    t = q(PAYLOAD)
    return f"""\
district: {{vi: {t}, en: {t}}}
site_name: {{vi: {t}, en: {t}}}
province: {{vi: {t}, en: {t}}}
issuing_body: {{vi: {t}, en: {t}}}
tagline: {{vi: {t}, en: {t}}}
founded: 2002-09-21
anniversary: 2022-09-21
campaign_end: 2022-08-30
base_url: {q(base_url)}
archive_note: {{vi: {t}, en: {t}}}
about: {{vi: {t}, en: {t}}}
communes:
  - {{name: {{vi: {t}, en: {t}}}, code: {t}}}
communes_source: {t}
contact: {t}
hero: {{src: a.jpg, alt: {{vi: {t}, en: {t}}}, caption: {{vi: {t}, en: {t}}}, credit: {t}}}
radio: {{station: {t}, unit: {t}}}
"""


NEWS = """\
title: {vi: Tin, en: News}
date: 2022-06-01
summary: {vi: Tóm tắt, en: Summary}
body: {vi: Nội dung, en: Body}
category: chien-dich
"""
PROGRAMME = """\
title: Chương trình
column: Thử
air_date: 2022-09-15
air_time: "19:30"
duration_minutes: 0.5
editor: Biên tập
readers: [Người đọc]
segments:
  - {kind: opening, text: Xin chào.}
  - {kind: news, ref: tin}
  - {kind: closing, text: Hẹn gặp lại.}
"""


def test_hostile_settings_are_refused_in_urls_and_shown_as_text(make_site, tmp_path) -> None:
    Image.new("RGB", (40, 30)).save(tmp_path / "a.jpg")
    site = make_site({
        "content/images/a.jpg": (tmp_path / "a.jpg").read_bytes(),
        "content/news/2022/tin.yml": NEWS,
        "content/radio/thu.yml": PROGRAMME,
    })  # fmt: skip
    site.write("content/site.yml", hostile_settings("https://example.test/" + PAYLOAD))
    code, found = problems(site)
    assert code == 1
    errors = [(p["line"], p["col"], p["code"]) for p in found if p["severity"] == "error"]
    assert errors == [(9, 11, "bad-url")]  # the address only: every text setting is fine

    site.write("content/site.yml", hostile_settings("https://example.test:8443/tam-duong"))
    assert problems(site)[0] == 0
    result = site.cli("build")
    assert result.returncode == 0, result.stderr
    pages = sorted(p for p in site.site.rglob("*") if p.suffix in (".html", ".xml"))
    pages += sorted((site.root / "radio").glob("*.html"))
    names = {p.relative_to(site.root).as_posix() for p in pages}
    assert {"site/404.html", "site/en/404.html", "site/sitemap.xml", "site/en/sitemap.xml",
            "site/tin-tuc/rss.xml", "site/tin-tuc/atom.xml", "site/en/tin-tuc/rss.xml",
            "radio/thu.html"} <= names  # fmt: skip
    shown = 0
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert live(text) == [], (page.relative_to(site.root), live(text))
        shown += html.unescape(text).count(PAYLOAD)
    assert shown > 100  # the settings reached the pages, as text
    for rel in ("404.html", "en/404.html", "tin-tuc/rss.xml", "en/tin-tuc/atom.xml"):
        assert PAYLOAD in html.unescape(site.read(rel)), rel  # the site name, escaped
    assert PAYLOAD in html.unescape((site.root / "radio/thu.html").read_text())  # the station
    canonical = '<link rel="canonical" href="https://example.test:8443/tam-duong/en/">'
    assert canonical in site.read("en/index.html")  # a good address with port and sub-path

    # the control: the checker finds the payload written raw into the same page
    page = site.read("404.html")
    assert str(escape(PAYLOAD)) in page
    assert live(page.replace(str(escape(PAYLOAD)), PAYLOAD, 1))
    assert live(page.replace("</head>", '<link href="x" onload="alert(1)"></head>', 1))
