"""Drafts never block (issue #32, section 1): a draft may be unfinished, is never published,
shows marked in the preview, and a published item may not name one."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import re
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from site_builder import build as build_stage
from site_builder.editors.scaffold import KINDS, new
from site_builder.images import cards
from site_builder.output.folders import preview_dirs

from conftest import RADIO_SETTINGS, fetch, wait_for

# A published item of each kind, and a draft of each kind whose words appear nowhere else.
PUBLISHED = {
    "content/people/cong-bo.yml": "kind: collective\nname: {vi: Tập thể công bố, en: Public team}\n"
                                  "summary: {vi: Tóm tắt, en: Summary}\n",
    "content/news/2022/tin-cong-bo.yml": "title: {vi: Tin công bố, en: Public news}\n"
                                         "date: 2022-06-01\nsummary: {vi: Tóm tắt, en: Summary}\n"
                                         "body: {vi: Nội dung, en: Body}\ncategory: chien-dich\n",
}  # fmt: skip
DRAFTS = {
    "content/news/2022/tin-nhap.yml": "title: {vi: Nhapxa tin, en: Draftxa news}\n"
                                      "date: 2022-06-02\nsummary: {vi: ''}\n"
                                      "body: {vi: 'Nhapxa thân ![Ảnh](chua-co.jpg)'}\n"
                                      "category: chien-dich\n"
                                      "image: {src: chua-co.jpg, alt: {vi: A}}\n"
                                      "tags: [Nhapxa]\ndraft: true\n",
    "content/people/nguoi-nhap.yml": "kind: individual\n"
                                     "name: {vi: Nhapxb người, en: Draftxb person}\n"
                                     "summary: {vi: Nhapxb tóm tắt, en: Draftxb summary}\n"
                                     "consent: true\ndraft: true\n",
    "content/people/tap-the-nhap.yml": "kind: collective\nname: {vi: Nhapxc tập thể}\n"
                                       "summary: {vi: ''}\ndraft: true\n",
    "content/milestones/moc-nhap.yml": "date: 2010-01-01\ntitle: {vi: Nhapxd mốc, en: Draftxd}\n"
                                       "sources: ['']\ndraft: true\n",
    "content/commendations/qd-nhap.yml": "form: giay-khen\nnumber: Nhapxe/QĐ\ndate: 2022-01-01\n"
                                         "issuer: {vi: Nhapxe cơ quan}\nreason: {vi: ''}\n"
                                         "recipients: [nguoi-nhap]\ndraft: true\n",
    "content/albums/album-nhap.yml": "title: {vi: Nhapxf album, en: Draftxf album}\n"
                                     "photos:\n  - {src: '', alt: {vi: ''}}\ndraft: true\n",
    "content/radio/ct-nhap.yml": "title: Nhapxg chương trình\ncolumn: ''\nair_date: 2022-09-15\n"
                                 "air_time: '19:30'\nduration_minutes: 5\neditor: ''\n"
                                 "readers: ['']\n"
                                 "segments:\n  - kind: opening\n    text: ''\n  - kind: news\n"
                                 "    ref: tin-nhap\ndraft: true\n",
}  # fmt: skip
WORDS = re.compile(r"nhapx[a-g]|draftx[a-g]", re.IGNORECASE)  # the drafts' own words
DRAFT_MARK = '<span lang="vi">Bản nháp</span> / <span lang="en">Draft</span>'


def draft_site(make_site):
    site = make_site({**PUBLISHED, **DRAFTS})
    settings = (site.root / "content/site.yml").read_text(encoding="utf-8")
    site.write("content/site.yml", settings + RADIO_SETTINGS)
    return site


def found_words(folder: Path) -> dict[str, set[str]]:
    """The drafts' words in every file below `folder`, Pagefind's gzipped index included."""
    found: dict[str, set[str]] = {}
    for path in (p for p in folder.rglob("*") if p.is_file()):
        data = path.read_bytes()
        if data[:2] == b"\x1f\x8b":
            data = gzip.decompress(data)
        words = {w.lower() for w in WORDS.findall(data.decode("utf-8", "replace"))}
        words |= {w.lower() for w in WORDS.findall(path.relative_to(folder).as_posix())}
        if words:
            found[path.relative_to(folder).as_posix()] = words
    return found


def test_drafts_of_every_kind_pass_strict_and_are_in_no_public_output(make_site) -> None:
    site = draft_site(make_site)
    checked = site.cli("check", "--strict")
    assert checked.returncode == 0, checked.stdout  # unfinished, missing pictures: no problem
    assert checked.stdout.strip() == "0 lỗi, 0 cảnh báo trong 0 tệp."
    result = build_stage.build(site.root, site.site, strict=True, radio_dir=site.root / "radio")
    assert result.code == 0, [p.format("en") for p in result.problems]
    assert found_words(site.site) == {}  # no page, list, feed, sitemap, search entry
    assert found_words(site.root / "radio") == {}  # no script
    font = cards.font_digest(site.root)  # no social card (its words are pixels)
    years = "2002 – 2022 · huyện Thử"

    def card(title: str) -> Path:
        return site.site / cards.path_of(cards.Card(title, "Trang thử", years).key(font))

    assert card("Tin công bố").is_file() and not card("Nhapxa tin").exists()
    assert "Tin công bố" in site.read("tin-tuc/index.html")  # the control: published ones are
    content = (site.root / "content").rglob("*.yml")
    assert any(WORDS.search(p.read_text(encoding="utf-8")) for p in content)  # and the words
    # the draft programme's script, on request by id only, stamped
    asked = site.cli("radio", "ct-nhap", "--out", "kich-ban")
    assert asked.returncode == 0, asked.stderr
    assert "BẢN NHÁP – CHƯA DUYỆT" in (site.root / "kich-ban/ct-nhap.txt").read_text("utf-8")


def test_the_preview_shows_drafts_marked_in_both_languages(make_site) -> None:
    site = draft_site(make_site)
    result = build_stage.build(site.root, preview=True)
    assert result.code == 0, [p.format("en") for p in result.problems]
    preview, _ = preview_dirs(site.root)
    page = (preview / "tin-tuc/tin-nhap/index.html").read_text(encoding="utf-8")
    assert DRAFT_MARK in page and 'class="sb-illustrative sb-draft" role="note"' in page
    lists = (
        "tin-tuc/index.html",
        "index.html",
        "guong-dien-hinh/index.html",
        "dong-thoi-gian/index.html",
        "khen-thuong/index.html",
        "thu-vien-anh/index.html",
        "en/guong-dien-hinh/index.html",
        "en/guong-dien-hinh/nguoi-nhap/index.html",
    )
    for rel in lists:  # item pages and lists, in both languages
        assert DRAFT_MARK in (preview / rel).read_text(encoding="utf-8"), rel
    public = (preview / "tin-tuc/tin-cong-bo/index.html").read_text(encoding="utf-8")
    assert "sb-draft" not in public  # the control: a published item's page is not marked
    assert not site.site.exists()  # the preview never writes site/


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_admin_previews_drafts_in_the_cache_and_build_publishes_none(make_site) -> None:
    site = draft_site(make_site)
    port = free_port()
    command = [sys.executable, "-m", "site_builder", "admin", "--port", str(port)]
    server = subprocess.Popen(command, cwd=site.root, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)  # fmt: skip
    url = f"http://127.0.0.1:{port}/tin-tuc/tin-nhap/"
    try:
        assert wait_for(lambda: "Nhapxa tin" in fetch(url), 240), server.poll()
        assert DRAFT_MARK in fetch(url)
        assert "Nhapxa tin" in fetch(f"http://127.0.0.1:{port}/tin-tuc/")
        assert not site.site.exists()  # the preview went into the cache
    finally:
        server.terminate()
        server.wait(timeout=60)
    built = site.cli("build")
    assert built.returncode == 0, built.stderr
    assert found_words(site.site) == {}
    assert "Tin công bố" in site.read("tin-tuc/index.html")


@pytest.mark.parametrize("kind", KINDS)
def test_a_new_file_of_every_kind_passes_strict_check_and_build(make_site, kind: str) -> None:
    site = make_site()
    settings = (site.root / "content/site.yml").read_text(encoding="utf-8")
    site.write("content/site.yml", settings + RADIO_SETTINGS)
    path = new(site.root, kind, "Nhapxa mới", dt.date(2022, 9, 1))
    checked = site.cli("check", "--strict")
    assert checked.returncode == 0, checked.stdout
    built = site.cli("build", "--strict")
    assert built.returncode == 0, built.stderr
    assert found_words(site.site) == {}
    # the control: the same file, no longer a draft, is refused until it is filled in
    text = path.read_text(encoding="utf-8").replace("draft: true", "draft: false")
    path.write_text(text, encoding="utf-8")
    assert site.cli("check").returncode == 1


UNSAFE = {  # what a draft still may not have: (the draft's lines, the problem's code)
    "syntax": ("summary: [a, b\n", "yaml-syntax"),
    "type": ("illustrative: có\n", "bad-bool"),
    "unknown key": ("tittle: x\n", "unknown-field"),
    "bad reference": ("people: [khong-co-ai]\n", "dangling-ref"),
    "personal data": ("author: 'Gọi 0912 345 678'\n", "personal-data"),
    "unsafe path": ("image: {src: ../../etc/passwd, alt: {vi: A}}\n", "unsafe-path"),
    "web address as picture": ("images: [{src: 'https://x.example/a.jpg', alt: {vi: A}}]\n",
                          "unsafe-path"),
}  # fmt: skip
DRAFT_NEWS = "title: {vi: Nhapxa}\ndate: 2022-06-01\ncategory: chien-dich\ndraft: true\n"


@pytest.mark.parametrize("name", sorted(UNSAFE))
def test_a_draft_may_not_be_unsafe(make_site, name: str) -> None:
    lines, code = UNSAFE[name]
    site = make_site({"content/news/2022/nhap.yml": DRAFT_NEWS + lines})
    data = json.loads(site.cli("check", "--format", "json").stdout)
    assert code in [p["code"] for p in data["problems"]], data
    assert data["errors"] >= 1


def test_what_a_draft_may_lack_is_an_error_once_it_is_not_a_draft(make_site) -> None:
    text = DRAFTS["content/news/2022/tin-nhap.yml"]
    site = make_site({"content/news/2022/tin-nhap.yml": text})
    assert site.cli("check", "--strict").returncode == 0
    site.write("content/news/2022/tin-nhap.yml", text.replace("draft: true", "draft: false"))
    data = json.loads(site.cli("check", "--format", "json").stdout)
    codes = sorted(p["code"] for p in data["problems"])
    assert codes == ["missing-file", "missing-file", "missing-vi"], data


def test_a_published_item_naming_a_draft_is_an_error_naming_both_files(make_site) -> None:
    site = make_site({
        "content/people/nguoi-nhap.yml": DRAFTS["content/people/nguoi-nhap.yml"],
        "content/commendations/qd.yml": "form: giay-khen\nnumber: 1/QĐ\ndate: 2022-01-01\n"
                                        "issuer: {vi: UBND}\nreason: {vi: Lý do}\n"
                                        "recipients: [nguoi-nhap]\n",
        "content/news/2022/tin.yml": PUBLISHED["content/news/2022/tin-cong-bo.yml"]
                                     + "people: [nguoi-nhap]\n",
    })  # fmt: skip
    lines = site.cli("check").stdout.splitlines()
    assert lines == [
        "content/commendations/qd.yml:6:14: lỗi: 'recipients[0]': người hoặc tập thể "
        "'nguoi-nhap' là bản nháp (content/people/nguoi-nhap.yml), nên không có trên trang "
        "công bố (gợi ý: bỏ 'nguoi-nhap' khỏi tệp này, hoặc hoàn thành "
        "content/people/nguoi-nhap.yml rồi đổi draft thành false; hoặc đặt draft: true cho "
        "cả tệp này)",
        "content/news/2022/tin.yml:6:10: lỗi: 'people[0]': người hoặc tập thể 'nguoi-nhap' là "
        "bản nháp (content/people/nguoi-nhap.yml), nên không có trên trang công bố (gợi ý: bỏ "
        "'nguoi-nhap' khỏi tệp này, hoặc hoàn thành content/people/nguoi-nhap.yml rồi đổi "
        "draft thành false; hoặc đặt draft: true cho cả tệp này)",
        "2 lỗi, 0 cảnh báo trong 2 tệp.",
    ]
    assert site.build().code == 1  # the build refuses it too
    # the control: a draft may name a draft
    for rel in ("content/commendations/qd.yml", "content/news/2022/tin.yml"):
        path = site.root / rel
        path.write_text(path.read_text(encoding="utf-8") + "draft: true\n", encoding="utf-8")
    assert site.cli("check", "--strict").returncode == 0


def test_a_published_programme_may_not_read_a_draft_on_air(make_site) -> None:
    programme = DRAFTS["content/radio/ct-nhap.yml"].replace("draft: true\n", "")
    site = make_site({"content/news/2022/tin-nhap.yml": DRAFTS["content/news/2022/tin-nhap.yml"],
                      "content/radio/ct.yml": programme})  # fmt: skip
    data = json.loads(site.cli("check", "--format", "json").stdout)
    refs = [p for p in data["problems"] if p["code"] == "draft-ref"]
    assert [(p["path"], p["line"]) for p in refs] == [("content/radio/ct.yml", 12)], data
    assert "content/news/2022/tin-nhap.yml" in refs[0]["message"]


def test_status_lists_drafts_and_what_each_lacks(make_site) -> None:
    site = draft_site(make_site)
    data = json.loads(site.cli("status", "--format", "json").stdout)
    drafts = {d["path"]: d["lacks"] for d in data["drafts"]}
    assert drafts == {
        "content/albums/album-nhap.yml": ["photos[0].src", "photos[0].alt", "en"],
        "content/commendations/qd-nhap.yml": ["reason", "en"],
        "content/milestones/moc-nhap.yml": ["sources[0]"],
        "content/news/2022/tin-nhap.yml": ["summary", "body.vi: chua-co.jpg",
                                           "image.src: chua-co.jpg", "en"],
        "content/people/nguoi-nhap.yml": [],
        "content/people/tap-the-nhap.yml": ["summary", "en"],
        "content/radio/ct-nhap.yml": ["column", "editor", "readers[0]", "segments[0].text",
                                      "approver"],
    }  # fmt: skip
    assert data["translation"]["news"]["total"] == 1  # drafts are not counted as published
    text = site.cli("status").stdout
    assert "Bản nháp (chỉ hiện khi xem trước) (7):" in text
    assert "  content/people/tap-the-nhap.yml: còn thiếu summary, bản tiếng Anh" in text
    assert "  content/people/nguoi-nhap.yml: đã đủ, đổi draft thành false để đăng" in text
    english = site.cli("--lang", "en", "status").stdout
    assert "  content/people/tap-the-nhap.yml: still lacks summary, English" in english


def test_new_prints_the_next_step_in_the_users_language(make_site) -> None:
    site = make_site()
    made = site.cli("new", "commendation", "QĐ 15")
    assert made.returncode == 0 and made.stdout.strip() == "content/commendations/qd-15.yml"
    assert "Bước tiếp theo: điền số quyết định (number), lý do (reason)" in made.stderr
    assert "site-builder status" in made.stderr
    made = site.cli("--lang", "en", "new", "album", "Lễ hội")
    assert "Next: fill in the photos (src, alt)" in made.stderr


def test_a_published_body_linking_a_draft_page_is_an_error(make_site) -> None:
    album = "title: {vi: Album}\nphotos: []\n"
    body = "body: {vi: 'Xem [ảnh](/thu-vien-anh/album-nhap/) và [cũ](../../thu-vien-anh/cu/)'}\n"
    news = PUBLISHED["content/news/2022/tin-cong-bo.yml"].replace(
        "body: {vi: Nội dung, en: Body}\n", body
    )
    site = make_site({"content/albums/album-nhap.yml": album + "draft: true\n",
                      "content/albums/cu.yml": album,  # the control: a published album
                      "content/news/2022/tin.yml": news})  # fmt: skip
    data = json.loads(site.cli("check", "--format", "json").stdout)
    assert [(p["path"], p["line"], p["code"]) for p in data["problems"]] == [
        ("content/news/2022/tin.yml", 4, "draft-ref")
    ], data
    assert "'body.vi': album 'album-nhap'" in data["problems"][0]["message"]
    assert "content/albums/album-nhap.yml" in data["problems"][0]["message"]
    site.write("content/albums/album-nhap.yml", album)  # published now: the link is fine
    assert site.cli("check", "--strict").returncode == 0


def test_serve_shows_a_draft_marked_on_its_page_and_in_lists(make_site, tmp_path) -> None:
    """`serve`'s rebuild, as MkDocs runs it (Vietnamese alone here)."""
    import gc

    from mkdocs.commands import build as mkdocs_build
    from mkdocs.config import load_config

    site = draft_site(make_site)
    served = tmp_path / "served"
    config = load_config(str(site.root / "mkdocs.yml"), site_dir=str(served))
    config.plugins["site-builder"].config.chain = False
    config.plugins.on_startup(command="serve", dirty=True)
    try:
        mkdocs_build.build(config, dirty=True)
    finally:
        config.plugins.on_shutdown()
        config.plugins["site-builder"].idle.cancel()
        gc.unfreeze()
    page = (served / "guong-dien-hinh/tap-the-nhap/index.html").read_text(encoding="utf-8")
    assert DRAFT_MARK in page and 'role="note"' in page
    assert DRAFT_MARK in (served / "dong-thoi-gian/index.html").read_text(encoding="utf-8")
    assert not site.site.exists()


def test_the_editors_rebuild_after_a_save_is_the_preview(make_site) -> None:
    from site_builder.cms import server as admin_server

    site = draft_site(make_site)
    target, _ = preview_dirs(site.root)
    rebuilder = admin_server.Rebuilder(site.root, target, preview=True)
    try:
        assert rebuilder.rebuild() == 0  # as after a save: `build --preview`, a process
    finally:
        rebuilder.close()
    page = (target / "tin-tuc/tin-nhap/index.html").read_text(encoding="utf-8")
    assert "Nhapxa tin" in page and DRAFT_MARK in page
    assert not site.site.exists() and not (site.root / "radio").exists()
