"""The web editor (#11): Decap CMS at /admin/, its schema-generated configuration, the local
back end, and an editor's round trip in Debian's Chromium."""

from __future__ import annotations

import base64
import dataclasses
import gzip
import hashlib
import http.client
import json
import os
import shutil
import signal
import threading
import unicodedata
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from site_builder.cms import config as cms_config
from site_builder.cms import server as admin_server
from site_builder.cms.proxy import Proxy, ProxyError
from site_builder.content import model, scalars, schema, structures
from site_builder.content.validate import KINDS, load_content
from site_builder.text.slugs import slugify

from conftest import REPO, fetch, wait_for

YEARS = range(2002, 2023)
SCREENSHOTS = os.environ.get("SITE_BUILDER_SCREENSHOTS")  # docs/img/ when refreshing the guide

PERSON = """\
# A header comment that the web editor must keep.
kind: individual
name: {vi: Lò Thị Mẫu, en: Lo Thi Mau}
summary:
  vi: Tóm tắt.
  en: Old English summary.
consent: true
illustrative: true
"""


def site_settings(**extra: object) -> model.Site:
    from site_builder.text.i18n import Text

    text = Text("Thử", "Test")
    values = dict.fromkeys(
        ("district", "site_name", "province", "issuing_body", "tagline", "archive_note", "about"),
        text,
    )
    import datetime as dt

    return model.Site(
        **values,  # type: ignore[arg-type]
        founded=dt.date(2002, 9, 21),
        anniversary=dt.date(2022, 9, 21),
        campaign_end=dt.date(2022, 8, 30),
        base_url="https://example.test/",
        **extra,  # type: ignore[arg-type]
    )


# The configuration ------------------------------------------------------------------------


def spec_fields(cls: type) -> list[dataclasses.Field]:
    return [f for f in dataclasses.fields(cls) if "conv" in f.metadata]


def check_widgets(cls: type, widgets: list[dict], where: str, present: bool = True) -> int:
    """Assert that `widgets` write every field of `cls`, as its converter reads it."""
    by_name = {w["name"]: w for w in widgets}
    assert set(by_name) == {f.name for f in spec_fields(cls)}, where
    checked = 0
    for f in spec_fields(cls):
        widget, conv = by_name[f.name], f.metadata["conv"]
        here = f"{where}.{f.name}"
        assert widget["required"] == (present and f.metadata["required"]), here
        assert widget["label"] and widget["label"] != f.name, here  # a Vietnamese label
        checked += 1
        if f.name == "guid":
            assert widget["widget"] == "hidden"
        elif isinstance(conv, structures.TextOf):
            assert [w["name"] for w in widget["fields"]] == ["vi", "en"], here
            assert widget["fields"][0]["required"] == widget["required"], here
            assert not widget["fields"][1]["required"], here
            inner = widget["fields"][0]["widget"]
            assert (inner == "markdown") == conv.markdown, here
        elif isinstance(conv, structures.ListOf) and isinstance(conv.item, structures.Obj):
            assert widget["widget"] == "list", here
            checked += check_widgets(conv.item.cls, widget["fields"], here)
        elif isinstance(conv, structures.ListOf) and isinstance(conv.item, scalars.RefTo):
            assert widget["widget"] == "relation" and widget["multiple"], here
            assert widget["collection"] == conv.item.kind, here
        elif isinstance(conv, structures.ListOf):
            assert widget["widget"] == "list" and "field" in widget, here
        elif isinstance(conv, structures.Obj):
            assert widget["widget"] == "object", here
            inner_present = present and f.metadata["required"]
            checked += check_widgets(conv.cls, widget["fields"], here, inner_present)
        elif isinstance(conv, scalars.RefTo):
            assert widget["widget"] == "relation" and widget["collection"] == conv.kind, here
            assert widget["value_field"] == "{{slug}}", here  # an id is a file name
        elif isinstance(conv, scalars.ImagePath):
            assert widget["widget"] == "image", here
        elif isinstance(conv, scalars.Date):
            assert widget["widget"] == "datetime" and widget["format"] == "YYYY-MM-DD", here
            assert widget["time_format"] is False, here
        elif isinstance(conv, scalars.Choice):
            assert [o["value"] for o in widget["options"]] == list(conv.values), here
        elif isinstance(conv, scalars.Bool):
            assert widget["widget"] == "boolean", here
        elif isinstance(conv, scalars.Int | scalars.Number):
            assert widget["widget"] == "number", here
        elif isinstance(conv, structures.YearMap):
            assert [w["name"] for w in widget["fields"]] == [str(y) for y in YEARS], here
        else:  # strings: times, numbers of documents, phone numbers stay strings
            assert isinstance(conv, scalars.Str | scalars.Time | scalars.Alias | scalars.Url), here
            assert widget["widget"] in ("string", "text"), here
    return checked


def test_config_covers_every_kind_and_every_field_of_the_schema() -> None:
    config = cms_config.config(site_settings(), YEARS)
    collections = {c["name"]: c for c in config["collections"]}
    assert set(collections) == {kind.name for kind in KINDS} | {"settings"}
    total = 0
    for kind in KINDS:
        collection = collections[kind.name]
        assert collection["folder"] == f"content/{kind.folder}"
        assert collection["extension"] == "yml" and collection["format"] == "yml"
        assert collection["label"] and collection["identifier_field"]
        assert collection["media_folder"] == "/content/images"
        total += check_widgets(kind.cls, collection["fields"], kind.name)
    assert collections["news"]["path"] == "{{year}}/{{slug}}"  # content/news/<yyyy>/<id>.yml
    assert not collections["field"]["create"]  # the six fields are fixed
    assert config["locale"] == "vi"
    assert config["slug"] == {
        "encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-",
    }  # fmt: skip
    assert total > 100
    settings = (model.Site, model.Plan, model.Glossary)
    used = {name for cls in (*(kind.cls for kind in KINDS), *settings) for name in _names(cls)}
    used -= cms_config.NOT_EDITED
    assert set(cms_config.LABELS) == used  # no label for a field that no longer exists


def _names(cls: type) -> set[str]:
    names = set()
    for f in spec_fields(cls):
        if f.name in cms_config.NOT_EDITED:
            continue
        names.add(f.name)
        conv = f.metadata["conv"]
        inner = conv.item if isinstance(conv, structures.ListOf) else conv
        if isinstance(inner, structures.Obj) and inner.cls is not cls:
            names |= _names(inner.cls)
    return names


def test_a_field_added_to_the_schema_without_a_label_fails() -> None:
    @dataclasses.dataclass(frozen=True)
    class Extended(model.Album):
        venue: str | None = schema.spec(scalars.Str())

    with pytest.raises(KeyError, match="venue"):
        cms_config.fields(Extended, YEARS)


def test_hosted_backend_uses_the_merge_request_workflow() -> None:
    cms = model.CmsSettings(
        backend="github", repo="ttvh/tam-duong", branch="main", base_url="https://oauth.test/"
    )
    config = cms_config.config(site_settings(cms=cms), YEARS, local=False)
    assert config["backend"] == {"name": "github", "repo": "ttvh/tam-duong", "branch": "main",
                                 "base_url": "https://oauth.test"}  # fmt: skip
    assert config["publish_mode"] == "editorial_workflow"
    cms = model.CmsSettings(
        backend="gitlab", repo="ttvh/tam-duong", api_root="https://git.tamduong.example/api/v4",
        app_id="abc123",
    )  # fmt: skip
    gitlab = cms_config.config(site_settings(cms=cms), YEARS, local=False)["backend"]
    assert gitlab["auth_type"] == "pkce" and gitlab["app_id"] == "abc123"
    assert gitlab["api_root"] == "https://git.tamduong.example/api/v4"
    assert gitlab["base_url"] == "https://git.tamduong.example"  # where its sign-in page is
    local = cms_config.config(site_settings(), YEARS)
    assert local["backend"]["name"] == "proxy" and "publish_mode" not in local
    # `site-builder admin` on a hosted site: its own back end, saving to the working copy
    here = cms_config.config(site_settings(cms=cms), YEARS, local=True)
    assert here["backend"]["name"] == "proxy" and "publish_mode" not in here


# The local back end -----------------------------------------------------------------------


def project_with_person(make_site, editor: bool = False) -> Path:
    """A tiny project with one exemplar; `editor`: with Decap's bundle, for the browser."""
    site = make_site({"content/people/lo-thi-mau.yml": PERSON}, editor=editor)
    return site.root


def entry(path: str, raw: str) -> dict:
    return {"action": "persistEntry",
            "params": {"dataFiles": [{"path": path, "raw": raw}], "assets": []}}  # fmt: skip


def test_proxy_writes_nfc_and_keeps_the_header_comment(make_site) -> None:
    root = project_with_person(make_site)
    proxy = Proxy(root)
    nfd = PERSON.replace("Old English summary.", "New summary.").replace("# A header", "")
    nfd = "kind" + nfd.split("\nkind", 1)[1]  # what Decap sends: no comments
    nfd = unicodedata.normalize("NFD", nfd)
    proxy.handle(entry("content/people/lo-thi-mau.yml", nfd))
    written = (root / "content/people/lo-thi-mau.yml").read_text(encoding="utf-8")
    assert written.startswith("# A header comment that the web editor must keep.\n")
    assert "Lò Thị Mẫu" in written and unicodedata.is_normalized("NFC", written)
    assert "New summary." in written


def test_proxy_refuses_an_entry_that_fails_check_and_keeps_the_old_file(make_site) -> None:
    root = project_with_person(make_site)
    before = (root / "content/people/lo-thi-mau.yml").read_bytes()
    broken = "kind: individual\nname: {en: Only English}\nsummary: {vi: S}\n"
    with pytest.raises(ProxyError) as refused:
        Proxy(root).handle(entry("content/people/lo-thi-mau.yml", broken))
    assert "content/people/lo-thi-mau.yml:3:7:" in str(refused.value)  # the header is kept
    assert "thiếu bản tiếng Việt" in str(refused.value)
    assert (root / "content/people/lo-thi-mau.yml").read_bytes() == before
    new = "content/news/2022/moi.yml"
    with pytest.raises(ProxyError):
        Proxy(root).handle(entry(new, "title: {vi: T}\n"))
    assert not (root / new).exists()


@pytest.mark.parametrize(
    "path",
    ["mkdocs.yml", "content/../mkdocs.yml", "/etc/passwd", "content/../../x.yml", "site/a.yml"],
)
def test_proxy_reaches_nothing_outside_content(make_site, path: str) -> None:
    root = project_with_person(make_site)
    proxy = Proxy(root)
    for body in (
        {"action": "getEntry", "params": {"path": path}},
        entry(path, "x: y\n"),
        {"action": "deleteFile", "params": {"path": path}},
        {"action": "persistMedia",
         "params": {"asset": {"path": path, "content": "eA==", "encoding": "base64"}}},
    ):  # fmt: skip
        with pytest.raises(ProxyError):
            proxy.handle(body)
    assert (root / "mkdocs.yml").is_file()


def test_proxy_lists_reads_and_stores_media(make_site) -> None:
    root = project_with_person(make_site)
    proxy = Proxy(root)
    params = {"folder": "content/people", "extension": "yml", "depth": 1}
    listed = proxy.handle({"action": "entriesByFolder", "params": params})
    assert [e["file"]["path"] for e in listed] == ["content/people/lo-thi-mau.yml"]
    assert listed[0]["data"].startswith("# A header")
    jpeg = (REPO / "content/images/mau/doi-che.jpg").read_bytes()
    asset = {"path": "content/images/anh.jpg", "content": base64.b64encode(jpeg).decode(),
             "encoding": "base64"}  # fmt: skip
    stored = proxy.handle({"action": "persistMedia", "params": {"asset": asset}})
    assert stored["path"] == "content/images/anh.jpg"
    assert (root / "content/images/anh.jpg").read_bytes() == jpeg
    media = proxy.handle({"action": "getMedia", "params": {"mediaFolder": "content/images"}})
    assert [m["name"] for m in media] == ["anh.jpg"]


def test_proxy_lists_the_pictures_of_every_image_folder(make_site) -> None:
    """#32: the media library showed only content/images/ itself. While an entry is open,
    Decap shows (and inserts with their folder) only pictures of the media folder and of
    its `_transformations/` folder: sub-folders are listed through it."""
    root = project_with_person(make_site)
    jpeg = (REPO / "content/images/mau/doi-che.jpg").read_bytes()
    for rel in ("content/images/tren.jpg", "content/images/mau/doi-che.jpg",
                "content/images/mau/con/sau.jpg"):  # fmt: skip
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_bytes(jpeg)
    proxy = Proxy(root)
    media = proxy.handle({"action": "getMedia", "params": {"mediaFolder": "content/images"}})
    assert sorted((m["name"], m["path"]) for m in media) == [
        ("mau/con/sau.jpg", "content/images/_transformations/mau/con/sau.jpg"),
        ("mau/doi-che.jpg", "content/images/_transformations/mau/doi-che.jpg"),
        ("tren.jpg", "content/images/tren.jpg"),
    ]
    through = "content/images/_transformations/mau/doi-che.jpg"
    shown = proxy.handle({"action": "getMediaFile", "params": {"path": through}})
    assert base64.b64decode(shown["content"]) == jpeg
    for outside in ("content/images/_transformations/../../../mkdocs.yml", "/etc/passwd"):
        with pytest.raises(ProxyError):
            proxy.handle({"action": "getMediaFile", "params": {"path": outside}})
    gone = "content/images/_transformations/mau/con/sau.jpg"
    proxy.handle({"action": "deleteFile", "params": {"path": gone}})
    assert not (root / "content/images/mau/con/sau.jpg").exists()


# The built site ---------------------------------------------------------------------------


def test_the_public_site_has_no_editor_without_a_git_host_to_save_to(bundled) -> None:
    """#32: the bundled content names no git host, so its /admin/ could not save: the
    public site leaves it out (6.5 MB), and `site-builder admin` alone serves the editor."""
    assert load_content(REPO)[0].site.cms is None  # type: ignore[union-attr]
    assert not bundled.exists("admin")
    assert not bundled.exists("en/admin")
    assert "/admin/" not in bundled.read("sitemap.xml")
    assert "admin/" not in bundled.read("index.html")


def test_the_local_editor_is_built_once_out_of_search_sitemap_and_robots(
    make_site, monkeypatch
) -> None:
    from site_builder import build as build_stage
    from site_builder.cms import vendor as vendor_cms

    root = project_with_person(make_site, editor=True)
    monkeypatch.setenv(cms_config.LOCAL_ENV, "1")  # as `site-builder admin` builds
    assert build_stage.build(root, root / "site").code == 0
    site = root / "site"
    page = (site / "admin/index.html").read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex, nofollow">' in page
    assert '<html lang="vi">' in page and 'src="decap/decap-cms.js"' in page
    config = yaml.safe_load((site / "admin/config.yml").read_text(encoding="utf-8"))
    assert config == cms_config.config(load_content(root)[0].site, YEARS, local=True)  # type: ignore[arg-type]
    assert config["backend"]["name"] == "proxy"
    assert "local_backend" in (site / "admin/init.js").read_text(encoding="utf-8")
    served = (site / "admin/decap/decap-cms.js").read_bytes()  # plain, as Decap names it
    assert hashlib.sha256(served).hexdigest() == vendor_cms.BUNDLE_SHA256
    assert not (site / "admin/decap/decap-cms.js.gz").exists()
    assert not (site / "en/admin").exists()  # one editor, at the Vietnamese root
    assert "/admin/" not in (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "Disallow: /admin/" in (site / "robots.txt").read_text(encoding="utf-8")
    assert "data-pagefind-body" not in page  # Pagefind indexes only marked pages
    assert "admin/" not in (site / "index.html").read_text(encoding="utf-8")


def test_vendored_editor_matches_the_recorded_package() -> None:
    from site_builder.cms import vendor as vendor_cms

    folder = REPO / "assets/admin/decap"
    names = sorted(p.name for p in folder.iterdir())
    assert "decap-cms.js.gz" in names and "decap-cms.js.LICENSE.txt" in names
    assert "decap-cms.js" not in names  # 5 MB: the repository keeps it gzipped (1.5 MB)
    assert all(vendor_cms.wanted("package/dist/" + n) for n in names if n != "LICENSE.txt")
    assert f"Decap CMS {vendor_cms.VERSION}" in (folder / "LICENSE.txt").read_text()
    bundle = gzip.decompress((folder / "decap-cms.js.gz").read_bytes())
    assert hashlib.sha256(bundle).hexdigest() == vendor_cms.BUNDLE_SHA256  # unchanged


def test_vendoring_keeps_the_bundle_gzipped_and_the_chunks_as_they_are(tmp_path) -> None:
    import io
    import tarfile

    from site_builder.cms import vendor as vendor_cms

    packed = io.BytesIO()
    files = {"decap-cms.js": b"bundle();" * 1000, "21.decap-cms.js": b"chunk();"}
    with tarfile.open(fileobj=packed, mode="w:gz") as archive:
        for name, data in files.items():
            member = tarfile.TarInfo("package/dist/" + name)
            member.size = len(data)
            archive.addfile(member, io.BytesIO(data))
    kept = vendor_cms.vendor(packed.getvalue(), tmp_path / "decap")
    assert kept == ["21.decap-cms.js", "decap-cms.js.gz"]
    assert (
        gzip.decompress((tmp_path / "decap" / "decap-cms.js.gz").read_bytes())
        == files["decap-cms.js"]
    )
    assert (tmp_path / "decap" / "21.decap-cms.js").read_bytes() == b"chunk();"


def test_the_editor_rebuilds_in_a_process_of_its_own_which_may_die(
    make_site, tmp_path, monkeypatch
) -> None:
    """The server has threads, and forking a build from it could deadlock; a build that
    dies (killed, out of memory) must not take the server, or the next rebuild, with it."""
    site = make_site()
    assert site.build().code == 0
    before = (site.site / "index.html").read_bytes()
    pause = tmp_path / "paused"
    monkeypatch.setenv("SITE_BUILDER_PAUSE_AT", "swap")
    monkeypatch.setenv("SITE_BUILDER_PAUSE_FILE", str(pause))
    rebuilder = admin_server.Rebuilder(site.root, site.site)
    site.write("content/news/2022/moi.yml", "title: {vi: Tin mới lưu}\ndate: 2022-05-01\n"
               "summary: {vi: Tóm tắt}\nbody: {vi: Nội dung}\ncategory: kinh-te\n")  # fmt: skip
    rebuilder.request()  # as a save does
    assert wait_for(pause.exists, 120)
    point, pid = pause.read_text(encoding="utf-8").split()
    assert point == "swap" and int(pid) != os.getpid()  # the build is not the server
    os.kill(int(pid), signal.SIGKILL)
    assert (site.site / "index.html").read_bytes() == before  # the live site as it was
    monkeypatch.delenv("SITE_BUILDER_PAUSE_AT")
    rebuilder.request()  # the next save
    page = site.site / "tin-tuc" / "moi" / "index.html"
    assert wait_for(page.exists, 120)
    assert "Tin mới lưu" in page.read_text(encoding="utf-8")
    rebuilder.close()


def test_closing_the_server_waits_for_the_rebuild_under_way(make_site) -> None:
    site = make_site()
    assert site.build().code == 0
    server = admin_server.make_server(site.root, site.site, port=0)
    site.write("content/news/2022/moi.yml", "title: {vi: Tin lưu cuối}\ndate: 2022-05-01\n"
               "summary: {vi: Tóm tắt}\nbody: {vi: Nội dung}\ncategory: kinh-te\n")  # fmt: skip
    server.rebuilder.request()
    assert wait_for(lambda: server.rebuilder.process is not None, 120)  # a build started
    server.server_close()
    assert "Tin lưu cuối" in site.read("tin-tuc/moi/index.html")  # it finished first
    assert not server.rebuilder.thread.is_alive()
    assert not [p for p in site.root.iterdir() if p.name.startswith(".site.")]


def test_a_rebuild_that_cannot_start_is_reported(tmp_path, capsys) -> None:
    rebuilder = admin_server.Rebuilder(tmp_path / "gone", tmp_path / "site", lang="en")
    assert rebuilder.rebuild() == 3  # the project folder was removed under the server
    said = capsys.readouterr().err
    assert said.startswith("Could not start the rebuild: ") and "next save tries again" in said


def test_admin_server_refuses_cross_origin_writes(make_site) -> None:
    root = project_with_person(make_site)
    (root / "site").mkdir()
    server = admin_server.make_server(root, root / "site", port=0, rebuild=False)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        host, port = server.server_address[:2]
        body = json.dumps(entry("content/people/lo-thi-mau.yml", "kind: x\n"))
        json_type = {"Content-Type": "application/json"}
        for headers, status in (
            ({"Origin": "https://evil.example", **json_type}, 403),
            ({"Host": f"evil.example:{port}", "Origin": f"http://evil.example:{port}",
              **json_type}, 403),  # DNS rebinding: same origin, but not our name
            ({"Content-Type": "text/plain"}, 400),
        ):  # fmt: skip
            connection = http.client.HTTPConnection(host, port, timeout=10)
            connection.request("POST", cms_config.API, body, headers)
            assert connection.getresponse().status == status
            connection.close()
        assert "Old English summary." in (root / "content/people/lo-thi-mau.yml").read_text()
    finally:
        server.shutdown()
        server.server_close()


# An editor's round trip in the browser ----------------------------------------------------


def field_id(page, *path: str) -> str:
    """The input id of a field: Decap numbers fields in order, e.g. title-field-3, vi-field-4."""
    labels = page.evaluate("() => [...document.querySelectorAll('label')].map(l => l.htmlFor)")
    start = next(i for i, f in enumerate(labels) if f.startswith(path[0] + "-field-"))
    for name in path[1:]:
        start = next(i for i in range(start, len(labels)) if labels[i].startswith(name + "-field-"))
    return labels[start]


def shoot(page, name: str, tmp_path: Path) -> None:
    page.screenshot(path=str(tmp_path / name))
    if SCREENSHOTS:
        shutil.copy(tmp_path / name, Path(SCREENSHOTS) / name)


def test_editor_creates_news_with_an_image_and_edits_an_exemplar(
    make_site, browser, tmp_path: Path, monkeypatch
) -> None:
    root = project_with_person(make_site, editor=True)  # Decap runs in the browser here
    site = root / "site"
    from site_builder import build as build_stage

    monkeypatch.setenv(cms_config.LOCAL_ENV, "1")  # as `site-builder admin` builds

    assert build_stage.build(root, site).code == 0
    server = admin_server.make_server(root, site, port=0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    host, port = server.server_address[:2]
    base = f"http://{host}:{port}"
    photo = tmp_path / "ruong-bac-thang.jpg"
    shutil.copy(REPO / "content/images/mau/ruong-bac-thang.jpg", photo)
    requested: list[str] = []
    page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    page.on("request", lambda request: requested.append(request.url))
    try:
        page.goto(f"{base}/admin/")
        page.get_by_role("button", name="Đăng nhập").click()  # the local back end: no password
        page.get_by_text("Tin tức").first.wait_for()
        shoot(page, "web-editor-collections.png", tmp_path)
        page.goto(f"{base}/admin/#/collections/news/new")
        page.locator("label", has_text="TIÊU ĐỀ").first.wait_for()
        title = "Lễ khánh thành đường Đông Pao – Bản Giang"
        page.locator("#" + field_id(page, "title", "vi")).fill(title)
        page.locator("#" + field_id(page, "date")).fill("2022-09-21")
        page.locator("#" + field_id(page, "summary", "vi")).fill("Đường mới nối hai bản.")
        body = page.locator("[contenteditable=true]").first
        body.click()
        body.type("Sáng 21/9, huyện tổ chức lễ khánh thành.")
        page.locator("#" + field_id(page, "category")).click()
        page.get_by_text("Kinh tế", exact=True).click()
        page.get_by_text("Chọn một hình").first.click()
        with page.expect_file_chooser() as chooser:
            page.get_by_text("Tải lên").first.click()
        chooser.value.set_files(str(photo))
        page.get_by_text("Lấy những cái đã chọn").click()
        page.locator("#" + field_id(page, "image", "alt", "vi")).fill("Ruộng bậc thang")
        page.get_by_text("Lấy những cái đã chọn").wait_for(state="detached")
        page.locator("#" + field_id(page, "title", "vi")).scroll_into_view_if_needed()
        shoot(page, "web-editor-news.png", tmp_path)
        page.get_by_text("Công bố", exact=True).click()
        page.get_by_text("Công bố ngay").click()
        path = root / "content/news/2022/le-khanh-thanh-duong-dong-pao-ban-giang.yml"
        assert wait_for(path.exists, 60), sorted(p.name for p in (root / "content/news").rglob("*"))
        assert path.stem == slugify(title)  # Decap's slug agrees with ours for Vietnamese
        written = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert written["title"] == {"vi": title}
        assert written["date"] == "2022-09-21" or str(written["date"]) == "2022-09-21"
        assert written["image"]["src"] == "ruong-bac-thang.jpg"
        assert (root / "content/images/ruong-bac-thang.jpg").read_bytes() == photo.read_bytes()
        done = _check(root, path)
        assert done.returncode == 0, done.stdout + done.stderr
        news = f"{base}/tin-tuc/le-khanh-thanh-duong-dong-pao-ban-giang/"
        assert wait_for(lambda: title in fetch(news), 120)  # rebuilt after the save
        assert "ruong-bac-thang" in fetch(news)

        # An exemplar's English text.
        page.goto(f"{base}/admin/#/collections/person/entries/lo-thi-mau")
        page.reload()  # Decap left the form empty after a hash-only change here; the login stays
        page.wait_for_function(
            "() => [...document.querySelectorAll('input')].some(i => i.value === 'Lò Thị Mẫu')"
        )
        page.locator("#" + field_id(page, "summary", "en")).fill("A new English summary.")
        shoot(page, "web-editor-person.png", tmp_path)
        page.get_by_text("Công bố", exact=True).click()
        page.get_by_text("Công bố ngay").click()
        person = root / "content/people/lo-thi-mau.yml"
        assert wait_for(lambda: "A new English summary." in person.read_text("utf-8"), 60)
        text = person.read_text(encoding="utf-8")
        assert text.startswith("# A header comment that the web editor must keep.\n")
        data = yaml.safe_load(text)
        assert data["summary"] == {"vi": "Tóm tắt.", "en": "A new English summary."}
        assert data["name"] == {"vi": "Lò Thị Mẫu", "en": "Lo Thi Mau"} and data["consent"]
        assert _check(root, person).returncode == 0
    finally:
        page.close()
        server.shutdown()
        server.server_close()
    elsewhere = {urlsplit(u).netloc for u in requested if urlsplit(u).scheme in ("http", "https")}
    assert elsewhere == {f"{host}:{port}"}  # the editor makes no third-party request


def _check(root: Path, path: Path):
    import subprocess
    import sys

    return subprocess.run(
        [sys.executable, "-m", "site_builder", "check", "--strict", str(path)],
        cwd=root, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
