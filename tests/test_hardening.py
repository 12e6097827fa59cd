"""Hardening: hostile content, YAML hazards, reproducible builds, builds killed midway."""

from __future__ import annotations

import html
import os
import re
import shutil
import signal
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from PIL import Image

from conftest import tree_hash, wait_for

# --- YAML and text hazards, each with its message -------------------------------------------

HAZARDS = [
    ("utf16", "kind: individual\n".encode("utf-16"),
     "content/people/x.yml:1:1: lỗi: tệp được lưu dạng UTF-16, không phải UTF-8 (gợi ý: mở tệp "
     "trong Notepad, chọn Lưu thành… và chọn mã hóa UTF-8)"),
    ("list", b"- kind: individual\n- name: A\n",
     "content/people/x.yml:1:1: lỗi: cần một bảng 'khóa: giá trị', nhưng gặp một danh sách"),
    ("big", b"kind: individual\n# " + b"x" * 1_000_001 + b"\n",
     "content/people/x.yml: lỗi: tệp nặng 1000021 byte, quá giới hạn 1 MB cho một tệp nội dung; "
     "tệp không được đọc"),
    ("tcvn3", "kind: individual\nname: {vi: \"Ch\u00ad¬ng tr×nh\"}\nsummary: {vi: S}\n".encode(),
     "content/people/x.yml:2:12: lỗi: văn bản có vẻ gõ bằng bảng mã cũ TCVN3, không phải Unicode"),
    ("vni", "kind: individual\nname: {vi: \"Chöông trình\"}\nsummary: {vi: S}\n".encode(),
     "content/people/x.yml:2:12: lỗi: văn bản có vẻ gõ bằng bảng mã cũ VNI, không phải Unicode"),
    ("bom-crlf", "\ufeffkind: collective\r\nname: {vi: A}\r\nsummary: {vi: S}\r\n".encode(),
     "0 lỗi, 0 cảnh báo trong 0 tệp."),
]  # fmt: skip


@pytest.mark.parametrize(("name", "data", "expected"), HAZARDS, ids=[h[0] for h in HAZARDS])
def test_yaml_hazards(make_site, name: str, data: bytes, expected: str) -> None:
    site = make_site({"content/people/x.yml": data})
    result = site.cli("check")
    assert "Traceback" not in result.stderr
    assert result.stdout.startswith(expected), result.stdout


def test_invisible_characters_in_names_are_removed_with_a_warning(make_site) -> None:
    name = "Nguy\u200bễn\u00a0Văn\u202e A"
    site = make_site({"content/people/a.yml": f'kind: collective\nname: {{vi: "{name}"}}\n'
                                              "summary: {vi: S}\n"})  # fmt: skip
    lines = site.cli("check").stdout.splitlines()
    assert lines[0] == (
        "content/people/a.yml:2:12: cảnh báo: 'name.vi': đã xóa ký tự ẩn (U+00A0, U+200B, U+202E) "
        "khỏi tiêu đề hoặc tên (gợi ý: xóa chúng trong tệp để cảnh báo này không còn (thường do "
        "dán từ Word hoặc PDF))"
    )
    assert site.build(strict=False).code == 0
    page = site.read("guong-dien-hinh/a/index.html")
    assert "Nguyễn Văn A" in page and "\u202e" not in page and "\u200b" not in page


# --- hostile content through every field type that reaches a page ---------------------------

MARK = "XSS1337"
ATTACKS = {
    "script": f"<script>alert('{MARK}')</script>",
    "handler": f"<b onmouseover=\"alert('{MARK}')\">x</b>",
    "svg": f"<svg onload=alert('{MARK}')><script>alert('{MARK}')</script></svg>",
    "iframe": f'<iframe src="https://evil.example/{MARK}"></iframe>',
    "js-link": f"[click](javascript:alert('{MARK}'))",
    "data-link": f"[click](data:text/html;base64,{MARK})",
    "template": "{{ 7*7 }}{% raw %}" + MARK,
}


class Audit(HTMLParser):
    """Collect every place where content could run or load something."""

    DANGEROUS = ("script", "iframe", "object", "embed", "svg", "math", "style", "base", "form")

    def __init__(self) -> None:
        super().__init__()
        self.bad: list[str] = []
        self.stack: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        ours = tag == "svg" and dict(attrs).get("class") in ("sb-chart", "sb-emblem")
        data = tag == "script" and dict(attrs).get("type") == "application/ld+json"
        # our charts' text is escaped; JSON-LD is data, and its < > & are escaped (checked below)
        self.stack.append("svg-drawn-by-the-build" if ours else "json-ld" if data else tag)
        for name, value in attrs:
            value = value or ""
            url = re.sub(r"[\x00-\x20]", "", html.unescape(value)).lower()
            if name.startswith("on") and MARK in value:
                self.bad.append(f"{tag}[{name}]")
            if url.startswith(("javascript:", "data:text")):
                self.bad.append(f"{tag}[{name}]={value}")
            if tag in self.DANGEROUS and MARK in value:
                self.bad.append(f"{tag} with {MARK}")

    def handle_endtag(self, tag: str) -> None:
        if tag == "svg" and "svg-drawn-by-the-build" in self.stack:
            tag = "svg-drawn-by-the-build"
        if tag == "script" and self.stack and self.stack[-1] == "json-ld":
            tag = "json-ld"
        if tag in self.stack:
            while self.stack and self.stack.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        if self.stack and self.stack[-1] == "json-ld" and re.search(r"[<>]", data):
            self.bad.append("unescaped < or > in JSON-LD")
        if MARK in data and any(t in self.DANGEROUS for t in self.stack):
            self.bad.append(f"{MARK} inside {self.stack[-1]}")


def q(text: str) -> str:
    """A YAML double-quoted string."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def test_hostile_values_never_become_markup(make_site, tmp_path: Path) -> None:
    attack = " ".join(ATTACKS.values())
    t = q(attack)
    Image.new("RGB", (40, 30)).save(tmp_path / "a.jpg")
    site = make_site({
        "content/images/a.jpg": (tmp_path / "a.jpg").read_bytes(),
        "content/people/p.yml": f"""kind: individual
name: {{vi: {t}, en: {t}}}
role: {{vi: {t}, en: {t}}}
summary: {{vi: {t}, en: {t}}}
story: {{vi: {t}, en: {t}}}
photo: {{src: a.jpg, alt: {{vi: {t}, en: {t}}}, caption: {{vi: {t}, en: {t}}}, credit: {t}}}
consent: true
sources: [{t}]
""",
        "content/news/2022/n.yml": f"""title: {{vi: {t}, en: {t}}}
date: 2022-06-01
summary: {{vi: {t}, en: {t}}}
body: {{vi: {t}, en: {t}}}
category: chien-dich
tags: [{t}]
author: {t}
people: [p]
""",
        "content/fields/kinh-te.yml": f"""title: {{vi: {t}, en: {t}}}
plan_section: {t}
summary: {{vi: {t}, en: {t}}}
narrative: {{vi: {t}, en: {t}}}
metrics:
  - {{label: {{vi: {t}, en: {t}}}, unit: ha, values: {{2002: 1, 2022: 2}}, source: {t}}}
""",
        "content/milestones/m.yml": f"""date: 2010-01-01
title: {{vi: {t}, en: {t}}}
description: {{vi: {t}, en: {t}}}
field: kinh-te
sources: [{t}]
""",
        "content/commendations/c.yml": f"""form: giay-khen
number: {t}
date: 2022-09-01
issuer: {{vi: {t}, en: {t}}}
reason: {{vi: {t}, en: {t}}}
recipients: [p]
""",
        "content/albums/a.yml": f"""title: {{vi: {t}, en: {t}}}
description: {{vi: {t}, en: {t}}}
photos:
  - {{src: a.jpg, alt: {{vi: {t}, en: {t}}}, caption: {{vi: {t}, en: {t}}}, licence: {t}}}
""",
        "content/glossary.yml": f"tags:\n  {t}: {t}\n",  # the tag's English name too
    })  # fmt: skip
    result = site.build()
    assert result.code == 0, [p.format("en") for p in result.problems]
    pages = [p for p in site.site.rglob("*") if p.suffix in (".html", ".xml")]
    assert len(pages) > 40
    seen = 0
    for page in pages:
        text = page.read_text(encoding="utf-8")
        seen += text.count(MARK)
        audit = Audit()
        audit.feed(text)
        assert audit.bad == [], (page.relative_to(site.site), audit.bad[:5])
        assert "{{ 7*7 }}" in text or MARK not in text or "49" + "{%" not in text
    assert seen > 100  # the values reached the pages, as text
    person = site.read("guong-dien-hinh/p/index.html")
    assert "{{ 7*7 }}{% raw %}XSS1337" in html.unescape(person)  # shown literally, not run


def test_audit_control_catches_active_content() -> None:
    audit = Audit()
    audit.feed(f'<p><a href="jav&#x09;ascript:x">a</a><script>{MARK}</script>'
               f'<img onerror="{MARK}"></p>')  # fmt: skip
    assert len(audit.bad) == 3


@pytest.mark.parametrize("src", ["../../../etc/passwd", "/etc/passwd", "file:///etc/passwd",
                                 "https://cdn.example/a.jpg", "//cdn.example/a.jpg"])  # fmt: skip
def test_paths_cannot_leave_the_content(make_site, src: str) -> None:
    site = make_site({"content/albums/a.yml": f"title: {{vi: A}}\nphotos:\n  - {{src: {q(src)}, "
                                              "alt: {vi: B}}\n"})  # fmt: skip
    result = site.cli("check")
    assert result.returncode == 1 and "unsafe" not in result.stdout  # the message is in words
    assert "đi ra ngoài thư mục content/images/" in result.stdout


def test_symlink_out_of_the_content_is_refused(make_site, tmp_path: Path) -> None:
    Image.new("RGB", (10, 10)).save(tmp_path / "outside.jpg")
    site = make_site(
        {"content/albums/a.yml": "title: {vi: A}\nphotos:\n  - {src: l.jpg, alt: {vi: B}}\n"}
    )
    (site.root / "content/images").mkdir(parents=True, exist_ok=True)
    (site.root / "content/images/l.jpg").symlink_to(tmp_path / "outside.jpg")
    assert "đi ra ngoài thư mục content/images/" in site.cli("check").stdout


# --- reproducible builds ------------------------------------------------------------------------


def build_in_process(root: Path, out: Path, cache: Path, seed: str, tz: str, cwd: Path) -> None:
    env = {**os.environ, "PYTHONHASHSEED": seed, "TZ": tz, "SITE_BUILDER_CACHE": str(cache)}
    env.pop("SOURCE_DATE_EPOCH", None)  # the date must come from the last commit
    command = [sys.executable, "-m", "site_builder", "build", "--site-dir", str(out)]
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr


def test_two_builds_are_byte_identical(make_site, tmp_path: Path) -> None:
    repo = Path(__file__).resolve().parent.parent
    site = make_site(minimal=False)
    shutil.copytree(repo / "content", site.root / "content")
    when = "2024-01-02T03:04:05+07:00"
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]
    env = {**os.environ, "GIT_COMMITTER_DATE": when}
    subprocess.run([*git, "init", "-q"], cwd=site.root, check=True)
    subprocess.run([*git, "add", "-A"], cwd=site.root, check=True)
    subprocess.run([*git, "commit", "-qm", "content", "--date", when], cwd=site.root, env=env,
                   check=True)  # fmt: skip
    first, second = tmp_path / "one", tmp_path / "two"
    build_in_process(site.root, first, tmp_path / "c1", "1", "UTC", site.root)
    build_in_process(site.root, second, tmp_path / "c2", "4242", "Asia/Tokyo",
                     site.root / "content" / "news")  # fmt: skip
    assert tree_hash(first) == tree_hash(second)
    assert "<lastmod>2024-01-02</lastmod>" in (first / "sitemap.xml").read_text()  # Vietnam time


# --- builds killed at named points -----------------------------------------------------------


def killed_build(site, point: str, tmp_path: Path) -> None:
    """Start a real build, let it reach `point`, then SIGKILL it and all its workers."""
    pause = tmp_path / f"paused-{point}"
    env = {**os.environ, "SITE_BUILDER_PAUSE_AT": point, "SITE_BUILDER_PAUSE_FILE": str(pause)}
    process = subprocess.Popen([sys.executable, "-m", "site_builder", "build"], cwd=site.root,
                               env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               start_new_session=True)  # fmt: skip
    try:
        assert wait_for(lambda: pause.exists() or process.poll() is not None, 120)
        assert process.poll() is None, f"the build ended before reaching {point}"
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=30)


@pytest.mark.parametrize("point", ["images", "mkdocs", "swap"])
def test_build_killed_midway_leaves_the_site_intact(make_site, tmp_path: Path, point: str) -> None:
    Image.new("RGB", (400, 300), (10, 90, 30)).save(tmp_path / "a.jpg")
    album = "title: {vi: A, en: A}\nphotos:\n  - {src: %s, alt: {vi: B, en: B}}\n"
    site = make_site({"content/albums/a.yml": album % "a.jpg",
                      "content/images/a.jpg": (tmp_path / "a.jpg").read_bytes()})  # fmt: skip
    assert site.cli("build").returncode == 0
    before = tree_hash(site.site)
    Image.new("RGB", (500, 300), (200, 90, 30)).save(tmp_path / "b.jpg")  # new work for the build
    site.write("content/images/b.jpg", (tmp_path / "b.jpg").read_bytes())
    site.write("content/albums/a.yml", album % "b.jpg")
    killed_build(site, point, tmp_path)
    assert tree_hash(site.site) == before  # the previous site, byte for byte
    result = site.cli("build")  # the cache is usable and the next build completes
    assert result.returncode == 0, result.stderr
    assert tree_hash(site.site) != before and list((site.site / "anh").glob("b-*"))
    assert not [p for p in site.root.iterdir() if p.name.startswith(".site.")]
    cache = site.root / ".cache" / "site-builder" / "images"
    assert not list(cache.glob("*.part-*"))
