"""Rebuilds (#8): pages and the search index are reused only when nothing that shapes them
changed; a rebuild is byte-identical to a build from an empty cache."""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from test_build import free_port, good_site

from site_builder import build as build_stage
from site_builder.output import search as search_index

from browser import indexed
from conftest import fetch, read_session, tree_hash, wait_for

NEWS = """\
title: {{vi: "{title}", en: "English {n}"}}
date: 2022-0{month}-1{n}
summary: {{vi: "Tóm tắt {n}", en: "Summary {n}"}}
body: {{vi: "Nội dung {n}", en: "Body {n}"}}
category: kinh-te
"""


@pytest.fixture
def archive(make_site):
    files = {
        f"content/news/2022/tin-{n}.yml": NEWS.format(title=f"Tin số {n}", n=n, month=n % 9 + 1)
        for n in range(8)
    }
    files["content/people/lo-thi-mau.yml"] = (
        "kind: collective\nname: {vi: Tập thể Mẫu, en: Sample team}\n"
        "summary: {vi: Tóm tắt, en: Summary}\n"
    )
    site = make_site(files)
    assert site.build().code == 0
    return site


def pages_of(site) -> list[Path]:
    """The generated pages of both languages (the web editor's page is a static file)."""
    return [p for p in site.site.rglob("index.html") if "admin" not in p.parts]


def cache_of(site) -> Path:
    return site.root / ".cache" / "site-builder" / "pages"


def rendered_since(site, moment: float) -> int:
    """How many pages were rendered (written to the page cache) after `moment`."""
    return sum(1 for p in cache_of(site).rglob("*.html") if p.stat().st_mtime_ns > moment)


def test_rebuild_renders_only_what_an_edit_touched(archive) -> None:
    cached = sorted(cache_of(archive).rglob("*.html"))
    pages = len(pages_of(archive))
    assert len(cached) == pages  # every page of both languages went into the cache
    person = archive.read("guong-dien-hinh/lo-thi-mau/index.html")
    moment = max(p.stat().st_mtime_ns for p in cached)
    archive.write("content/news/2022/tin-3.yml",
                  NEWS.format(title="Tin đã sửa", n=3, month=4))  # fmt: skip
    assert archive.build().code == 0
    assert "Tin đã sửa" in archive.read("tin-tuc/tin-3/index.html")
    assert "Tin đã sửa" in archive.read("tin-tuc/index.html")  # the list that shows it
    assert archive.read("guong-dien-hinh/lo-thi-mau/index.html") == person
    rendered = rendered_since(archive, moment)
    assert 2 <= rendered < pages / 3, (rendered, pages)
    assert len(list(cache_of(archive).rglob("*.html"))) == pages  # replaced pages are pruned


def test_rebuild_from_the_cache_equals_a_build_from_nothing(archive, tmp_path) -> None:
    archive.write("content/news/2022/tin-5.yml", NEWS.format(title="Tin mới", n=5, month=6))
    assert archive.build().code == 0
    warm = tree_hash(archive.site)
    trash = archive.root / ".cache" / "site-builder" / "trash"
    assert wait_for(lambda: not any(trash.iterdir()), 30)  # the previous site, being removed
    shutil.rmtree(archive.root / ".cache")
    assert archive.build().code == 0
    assert tree_hash(archive.site) == warm


def test_a_template_change_renders_every_page_again(archive) -> None:
    main = archive.root / "templates" / "partials" / "copyright.html"
    main.write_text(main.read_text(encoding="utf-8") + "\n<!-- sb-test-marker -->\n", "utf-8")
    assert archive.build().code == 0
    pages = pages_of(archive)
    stale = [p for p in pages if "sb-test-marker" not in p.read_text(encoding="utf-8")]
    assert pages and not stale


def indexes_of(site) -> dict[str, tuple[int, int]]:
    """The cached search index of each language: folder name → its entry's (inode, mtime)."""
    folder = site.root / ".cache" / "site-builder" / "search"
    entries = {p.name: (p / "pagefind-entry.json").stat() for p in folder.iterdir()}
    return {name: (st.st_ino, st.st_mtime_ns) for name, st in entries.items()}


def test_a_language_keeps_its_search_index_while_its_pages_are_the_same(archive) -> None:
    before, bundle = indexes_of(archive), tree_hash(archive.site / "pagefind")
    assert sorted(name[:3] for name in before) == ["en-", "vi-"]
    touch_content(archive)  # a build that runs (not up to date) but changes no page
    result = archive.build()
    assert result.code == 0 and "vi: search index" in result.seconds
    assert indexes_of(archive) == before and tree_hash(archive.site / "pagefind") == bundle
    archive.write("content/news/2022/tin-1.yml",
                  NEWS.format(title="Tin đổi tên", n=1, month=2))  # fmt: skip
    assert archive.build().code == 0
    after = indexes_of(archive)
    kept = {name: seen for name, seen in before.items() if name.startswith("en-")}
    assert len(after) == 2 and kept.items() <= after.items()  # English pages did not change
    assert before.keys() - kept.keys() - after.keys()  # the old Vietnamese index is gone
    found = [p for p in indexed(archive.site) if p["url"] == "/tin-tuc/tin-1/"]
    assert "Tin đổi tên" in found[0]["meta"]["title"]


def test_a_build_reports_the_cpu_time_of_its_stages_and_of_pagefind(make_site) -> None:
    result = make_site().build()  # an empty cache: both languages are indexed
    cpu = result.cpu_seconds
    assert result.code == 0 and {"load+validate", "languages (parallel)"} <= cpu.keys()
    for lang in ("vi", "en"):  # Pagefind is the language process's child: counted apart
        assert cpu[f"{lang}: pages"] > 0 and cpu[f"{lang}: search index"] > 0  # measured
    stages = {"load+validate", "images", "languages (parallel)", "social cards", "search index",
              "swap", "record"}  # fmt: skip
    assert stages <= cpu.keys() and stages <= result.seconds.keys()  # each stage is reported


def test_the_joined_index_is_the_one_pagefind_makes_of_the_whole_site(archive, tmp_path) -> None:
    whole = tmp_path / "whole"
    shutil.copytree(archive.site, whole, ignore=shutil.ignore_patterns("pagefind"))
    search_index.index(whole)
    assert tree_hash(whole / "pagefind") == tree_hash(archive.site / "pagefind")


def test_another_site_dir_gets_the_same_index(archive, tmp_path) -> None:
    other = tmp_path / "other-site"
    assert build_stage.build(archive.root, other).code == 0
    assert tree_hash(other / "pagefind") == tree_hash(archive.site / "pagefind")
    entry = json.loads((other / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert set(entry["languages"]) == {"vi", "en"}


def test_a_failed_index_leaves_the_live_site_and_no_staging(archive) -> None:
    before = tree_hash(archive.site)
    search = archive.root / ".cache" / "site-builder" / "search"
    shutil.rmtree(search)
    search.write_text("not a folder", encoding="utf-8")  # Pagefind cannot write its index
    archive.write("content/news/2022/tin-2.yml", NEWS.format(title="Tin khác", n=2, month=3))
    result = archive.build()
    assert result.code == build_stage.INTERNAL_ERROR
    assert [p.code for p in result.problems] == ["internal-error"]
    assert tree_hash(archive.site) == before
    assert not [p for p in archive.root.iterdir() if p.name.startswith(".site.")]
    search.unlink()
    assert archive.build().code == 0 and "Tin khác" in archive.read("tin-tuc/tin-2/index.html")


def test_generated_pages_are_rendered_without_a_markdown_converter(archive, tmp_path) -> None:
    import threading

    import markdown

    from site_builder.content import richtext
    from site_builder.engine.language import build_language

    makers: list[str] = []  # the function that made each converter
    real = markdown.Markdown.__init__

    def counted(md: markdown.Markdown, **options: Any) -> None:
        makers.append(sys._getframe(1).f_code.co_name)
        real(md, **options)

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SITE_BUILDER_CACHE", str(tmp_path / "cache"))  # every page rendered
        patch.setattr(markdown.Markdown, "__init__", counted)
        patch.setattr(richtext, "_converters", threading.local())  # ours made anew, counted
        build_language(read_session(archive.root), "vi", tmp_path / "vi")
    pages = list((tmp_path / "vi").rglob("index.html"))
    assert len(pages) > 20 and "_converter" in makers  # our bodies' converter
    assert "render" not in makers  # MkDocs' Page.render made none (MkDocs' config check may)


def test_generated_pages_are_what_mkdocs_own_pages_make_of_them(archive, tmp_path) -> None:
    from site_builder.engine import plugin

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SITE_BUILDER_CACHE", str(tmp_path / "cache"))
        patch.setattr(plugin, "GeneratedPage", lambda *args: None)  # MkDocs makes every page
        assert build_stage.build(archive.root, tmp_path / "site").code == 0
    assert tree_hash(tmp_path / "site") == tree_hash(archive.site)


def test_serve_renders_again_only_what_an_edit_touched(archive, tmp_path) -> None:
    port = free_port()
    scratch = tmp_path / "scratch"  # where MkDocs' preview keeps its copy of the site
    scratch.mkdir()
    server = subprocess.Popen(
        [sys.executable, "-m", "site_builder", "serve", "--port", str(port)],
        cwd=archive.root, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "TMPDIR": str(scratch)},
    )  # fmt: skip
    try:
        url = f"http://127.0.0.1:{port}/"
        assert wait_for(lambda: "Tin số 2" in fetch(url + "tin-tuc/tin-2/"))
        assert wait_for(lambda: "English 2" in fetch(url + "en/tin-tuc/tin-2/"))
        previews = cache_of(archive)
        moment = max(p.stat().st_mtime_ns for p in previews.glob("*-preview/*.html"))
        total = len(list(previews.glob("*-preview/*.html")))
        archive.write("content/news/2022/tin-2.yml", NEWS.format(title="Sửa khi xem", n=2, month=3))
        assert wait_for(lambda: "Sửa khi xem" in fetch(url + "tin-tuc/tin-2/"))
        assert wait_for(lambda: "Sửa khi xem" in fetch(url + "tin-tuc/"))
        assert "Tập thể Mẫu" in fetch(url + "guong-dien-hinh/lo-thi-mau/")  # kept as it was
        rendered = rendered_since(archive, moment)
        assert 2 <= rendered < total / 3, (rendered, total)
    finally:
        server.terminate()  # at once: the English build of the edit may still be running
        _, errors = server.communicate(timeout=20)
    assert "dirty" not in errors  # MkDocs' notice about dirty builds is not for editors
    assert server.returncode == 0 and "Traceback" not in errors, errors
    assert not list(scratch.iterdir())  # MkDocs' copy of the site, English and search too


def stored_bodies(site, variant: str) -> list[str]:
    """The names of the bodies in one variant's store."""
    path = site.root / ".cache" / "site-builder" / "bodies" / f"{variant}.sqlite"
    with contextlib.closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)) as db:
        return sorted(row[0] for row in db.execute("SELECT name FROM body"))


def test_bodies_are_reused_and_the_plan_keeps_its_contents(archive, monkeypatch) -> None:
    from site_builder.render.pages import Generator

    bodies = archive.root / ".cache" / "site-builder" / "bodies"
    assert stored_bodies(archive, "vi") and stored_bodies(archive, "en")  # bodies were stored
    assert sorted(p.name for p in bodies.iterdir()) == ["en.sqlite", "vi.sqlite"]
    first = {p.name: p.read_bytes() for p in bodies.iterdir()}
    plan = archive.read("ke-hoach/index.html")
    assert 'id="i-muc-dich"' in plan  # the headings' anchors, made while rendering
    log = archive.root / "rendered.txt"  # the build's language processes are forked
    real = Generator.render_now
    monkeypatch.setattr(Generator, "render_now", lambda self, template, path, *a, **k: (
        log.open("a").write(f"{self.lang} {path}\n") and real(self, template, path, *a, **k)
    ))  # fmt: skip
    touch_content(archive)
    assert archive.build().code == 0
    assert sorted(log.read_text().split("\n")) == ["", "en ke-hoach/", "vi ke-hoach/"]
    # every other body came from the cache, none was written again (SQLite counts each
    # change in the file's header)
    assert {p.name: p.read_bytes() for p in bodies.iterdir()} == first
    assert archive.read("ke-hoach/index.html") == plan


def touch_content(site) -> None:
    """Change a content file's bytes but no page: a comment."""
    path = site.root / "content" / "news" / "2022" / "tin-0.yml"
    path.write_text(path.read_text(encoding="utf-8") + "# ghi chú\n", encoding="utf-8")


def stats_of(folder: Path) -> dict[str, tuple[int, int]]:
    return {p.relative_to(folder).as_posix(): (p.stat().st_ino, p.stat().st_mtime_ns)
            for p in folder.rglob("*")}  # fmt: skip


def test_a_build_with_nothing_changed_writes_nothing(archive) -> None:
    before = stats_of(archive.site)
    result = archive.build()
    assert result.code == 0 and list(result.seconds) == ["up to date"]
    everything = list(archive.site.rglob("index.html"))  # as `build` counts, the editor's too
    english = [p for p in everything if p.is_relative_to(archive.site / "en")]
    assert result.pages == {"vi": len(everything) - len(english), "en": len(english)}
    assert stats_of(archive.site) == before  # not one file written again, none replaced


def test_build_says_when_nothing_changed_in_the_editors_language(archive) -> None:
    # the command line sets SITE_BUILDER_LANG, the build above did not: messages change no page
    result = archive.cli("build", "--strict", "--lang", "en")
    assert result.returncode == 0
    assert "Nothing changed since the last build: site/ is as it was" in result.stdout, (
        result.stderr
    )
    assert "Không có gì thay đổi" in archive.cli("build", "--strict").stdout


@pytest.mark.parametrize("change", ["content", "site", "radio-dir", "template"])
def test_any_change_to_what_a_build_reads_or_wrote_builds_again(archive, change) -> None:
    radio = archive.root / "other-radio"  # not where the last build wrote its scripts
    if change == "content":
        touch_content(archive)
    elif change == "site":  # somebody removed a page from the built site
        (archive.site / "tin-tuc" / "tin-4" / "index.html").unlink()
    elif change == "template":
        path = archive.root / "templates" / "partials" / "copyright.html"
        path.write_text(path.read_text(encoding="utf-8") + "\n<!-- đổi -->\n", encoding="utf-8")
    result = (build_stage.build(archive.root, archive.site, strict=True, radio_dir=radio)
              if change == "radio-dir" else archive.build())  # fmt: skip
    assert result.code == 0 and "languages (parallel)" in result.seconds, change
    assert "Tin số 4" in archive.read("tin-tuc/tin-4/index.html")


def test_warnings_are_reported_again_and_strict_still_fails(make_site) -> None:
    site = make_site({"content/people/a.yml": (
        "kind: individual\nname: {vi: Người A}\nsummary: {vi: B}\nconsent: false\n")})  # fmt: skip
    first = site.build(strict=False)
    assert first.code == 0 and [p.code for p in first.problems] == ["not-published"]
    again = site.build(strict=False)
    assert list(again.seconds) == ["up to date"]
    assert [p.format("vi") for p in again.problems] == [p.format("vi") for p in first.problems]
    assert site.build(strict=True).code == 1  # the warning fails a strict build as before


def test_a_record_not_written_by_this_version_builds_again(archive) -> None:
    records = list((archive.root / ".cache" / "site-builder" / "builds").glob("*.json"))
    assert len(records) == 1
    data = json.loads(records[0].read_text(encoding="utf-8"))
    data["problems"] = [{"path": "x", "line": 1, "col": 1, "code": "made-up", "args": {},
                         "key": "", "severity": "warning", "texts": []}]  # fmt: skip
    records[0].write_text(json.dumps(data), encoding="utf-8")
    result = archive.build()
    assert result.code == 0 and result.problems == [] and "languages (parallel)" in result.seconds


def test_cached_files_are_linked_and_the_previous_site_goes(archive) -> None:
    cache = archive.root / ".cache" / "site-builder"
    card = next((archive.site / "anh" / "the").glob("*.jpg"))
    assert any(p.samefile(card) for p in (cache / "cards").glob("*.jpg"))  # one copy, not two
    touch_content(archive)
    assert archive.build().code == 0
    page = archive.site / "guong-dien-hinh" / "lo-thi-mau" / "index.html"
    assert any(p.samefile(page) for p in (cache / "pages").rglob("*.html"))  # reused, linked
    assert not [p for p in archive.root.iterdir() if p.name.startswith(".site")]
    assert wait_for(lambda: not any((cache / "trash").iterdir()), 30)  # removed in the background


def inodes(files) -> set[tuple[int, int]]:
    return {(s.st_dev, s.st_ino) for s in (p.stat() for p in files)}


def test_a_build_writes_each_page_once_and_the_cache_shares_it(archive) -> None:
    pages = pages_of(archive)
    entries = inodes(cache_of(archive).rglob("*.html"))
    assert len(entries) == len(pages)  # a file for each page, none written twice
    assert inodes(pages) == entries


def test_mkdocs_own_dirty_build_keeps_the_site_and_the_cache_apart(archive) -> None:
    """MkDocs' --dirty writes into the pages an earlier build left: none may be an entry."""
    from mkdocs.commands import build as mkdocs_build
    from mkdocs.config import load_config

    site_dir = archive.root / "dirty"
    before = {p: p.read_bytes() for p in cache_of(archive).rglob("*.html")}
    for title in ("Tin đã sửa", "Tin số 3"):
        archive.write("content/news/2022/tin-3.yml", NEWS.format(title=title, n=3, month=4))
        config = load_config(str(archive.root / "mkdocs.yml"), site_dir=str(site_dir))
        config.plugins.on_startup(command="build", dirty=True)
        try:
            mkdocs_build.build(config, dirty=True)
        finally:
            config.plugins.on_shutdown()
    assert "Tin số 3" in (site_dir / "tin-tuc" / "tin-3" / "index.html").read_text("utf-8")
    written = [p for p in site_dir.rglob("index.html") if "admin" not in p.parts]
    assert len(written) == len(pages_of(archive))
    assert not inodes(written) & inodes(cache_of(archive).rglob("*.html"))
    assert all(p.read_bytes() == kept for p, kept in before.items())  # the build's, intact


def test_a_cache_folder_adopts_a_file_by_a_link_or_else_a_copy(tmp_path, monkeypatch) -> None:
    import errno

    from site_builder.cache.folder import CacheFolder

    source = tmp_path / "index.html"
    source.write_bytes(b"<p>Tin</p>")
    folder = CacheFolder(tmp_path / "pages" / "vi")  # not there yet
    folder.adopt("a.html", source)
    assert (folder.path / "a.html").samefile(source)

    def no_link(*args: Any) -> None:
        raise OSError(errno.EXDEV, "another file system")

    monkeypatch.setattr(os, "link", no_link)
    folder.adopt("b.html", source)
    copy = folder.path / "b.html"
    assert copy.read_bytes() == source.read_bytes() and not copy.samefile(source)
    assert CacheFolder(folder.path).present == folder.present == {"a.html", "b.html"}
    elsewhere = CacheFolder(tmp_path / "en")  # not there yet, and no link possible
    elsewhere.adopt("c.html", source)
    assert (elsewhere.path / "c.html").read_bytes() == source.read_bytes()


@pytest.fixture
def memory() -> Any:
    """What a long-running preview keeps between rebuilds (its session's)."""
    from site_builder.cache.memory import Memory

    return Memory()


def generate_vi(site, memory: Any) -> tuple[Any, list[str]]:
    """Generate the Vietnamese preview pages in this process, as `serve` does each rebuild
    (the preview's session keeps `memory` between rebuilds)."""
    from site_builder.content import project
    from site_builder.render.pages import Generator

    project.pin_build_date(site.root)
    session = read_session(site.root, preview=True, memory=memory)
    content, processed = session.content, session.processed
    rendered: list[str] = []
    generator = Generator(site.root, content, "vi", project.build_date(site.root), True,
                          processed, cache=True, memory=memory)  # fmt: skip
    real = generator.render_now
    generator.render_now = lambda template, path, *a, **k: (
        rendered.append(path) or real(template, path, *a, **k)
    )
    return generator.generate(), rendered


def test_a_long_running_preview_renders_only_the_edited_item_again(
    archive, monkeypatch, memory
) -> None:
    generate_vi(archive, memory)
    reads = []
    real_read = Path.read_text
    monkeypatch.setattr(
        Path, "read_text", lambda p, *a, **k: reads.append(p) or real_read(p, *a, **k)
    )
    _, rendered = generate_vi(archive, memory)
    assert rendered == ["ke-hoach/"], rendered  # the plan, which is never cached, alone
    assert not [p for p in reads if "bodies" in p.parts]  # the bodies were kept in memory
    archive.write("content/news/2022/tin-2.yml", NEWS.format(title="Tin mới sửa", n=2, month=3))
    site, rendered = generate_vi(archive, memory)
    assert "tin-tuc/tin-2/" in rendered and "tin-tuc/tin-5/" not in rendered
    page = next(p for p in site.pages if p.path == "tin-tuc/tin-2/")
    assert "Tin mới sửa" in page.html


def test_a_long_running_preview_makes_only_the_item_pages_an_edit_touches(
    archive, monkeypatch, memory
) -> None:
    from site_builder.render import pages
    from site_builder.render.news import Neighbourhood, newest_first

    made: list[str] = []
    real = pages.Generator.make_item_page
    monkeypatch.setattr(pages.Generator, "make_item_page", lambda self, section, record, *a, **k: (
        made.append(record.id) or real(self, section, record, *a, **k)
    ))  # fmt: skip
    generate_vi(archive, memory)
    stored = stored_bodies(archive, "vi-preview")
    made.clear()
    site, _ = generate_vi(archive, memory)
    assert made == [], made  # every input the same record as before: the same pages
    assert stored_bodies(archive, "vi-preview") == stored  # their bodies stay cached
    archive.write("content/news/2022/tin-2.yml", NEWS.format(title="Tin mới sửa", n=2, month=3))
    made.clear()
    site, _ = generate_vi(archive, memory)
    # the item, its neighbours and the items that list it as related show its title
    content = read_session(archive.root).content
    news = newest_first(content.news.values())
    around, edited = Neighbourhood(news), content.news["tin-2"]
    showing = {n.id for n in news if edited in (*around.neighbours(n), *around.related(n))}
    assert sorted(made) == sorted({"tin-2"} | showing) and len(made) < len(news), made
    memory.items.clear()
    fresh, _ = generate_vi(archive, memory)  # every page made anew
    assert site.pages == fresh.pages and site.images == fresh.images


def age(path: Path, seconds: float = 60) -> None:
    """Make `path` look written `seconds` ago, long enough to be trusted by its times."""
    then = time.time() - seconds
    os.utime(path, (then, then))


def test_a_long_running_preview_reads_no_settled_file_again(archive, monkeypatch, memory) -> None:
    for path in (archive.root / "content").rglob("*.yml"):
        age(path)
    generate_vi(archive, memory)
    reads: list[Path] = []
    real_read = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda p: reads.append(p) or real_read(p))
    generate_vi(archive, memory)
    assert not [p for p in reads if "content" in p.parts], reads  # times and sizes sufficed
    # the same size, and the old times put back: the change time still tells
    item = archive.root / "content/news/2022/tin-3.yml"
    old = item.stat()
    item.write_text(NEWS.format(title="Tin số X", n=3, month=4), encoding="utf-8")
    os.utime(item, ns=(old.st_atime_ns, old.st_mtime_ns))
    assert item.stat().st_size == old.st_size and item.stat().st_mtime_ns == old.st_mtime_ns
    site, rendered = generate_vi(archive, memory)
    assert "tin-tuc/tin-3/" in rendered
    assert "Tin số X" in next(p for p in site.pages if p.path == "tin-tuc/tin-3/").html


def test_a_file_written_within_the_file_clock_tick_is_read_again(make_site, monkeypatch) -> None:
    """A file's times vouch for it only once it is older than the coarsest tick of a file
    clock (2 s): until then a second write as quick could leave them as they were."""
    from site_builder.cache.memory import Memory
    from site_builder.checks import load_content

    site = make_site({"content/news/2022/tin.yml": NEWS.format(title="Tin", n=1, month=2)})
    item = site.root / "content/news/2022/tin.yml"
    kept = Memory()  # a long-running process's
    reads: list[str] = []
    real_read = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda p: reads.append(p.name) or real_read(p))
    for _ in range(2):
        assert load_content(site.root, memory=kept)[0].news
    assert reads.count(item.name) == 2  # just written: read again each time
    age(item)
    reads.clear()
    for _ in range(2):
        assert load_content(site.root, memory=kept)[0].news
    assert reads.count(item.name) == 1  # settled: read once more, then its times suffice


def test_a_long_running_preview_follows_a_template_edited_meanwhile(archive, memory) -> None:
    generate_vi(archive, memory)
    template = archive.root / "templates" / "pages" / "news_item.html"
    template.write_text(template.read_text(encoding="utf-8") + "<p>Mẫu mới</p>\n",
                        encoding="utf-8")  # fmt: skip
    site, rendered = generate_vi(archive, memory)
    assert "tin-tuc/tin-2/" in rendered  # the bodies of the old template are not reused
    page = next(p for p in site.pages if p.path == "tin-tuc/tin-2/")
    assert "Mẫu mới" in page.html


def test_a_build_s_bodies_show_in_the_store_together_when_it_ends(tmp_path) -> None:
    import errno

    from site_builder.cache.bodies import BodyStore

    path = tmp_path / "bodies" / "vi.sqlite"
    store = BodyStore(path)
    store.put("a.json", "<p>A</p>", ["photos/a.jpg"])
    store.put("a.json", "<p>later</p>", [])  # a name is never written again
    assert store.get("a.json") == ("<p>A</p>", ["photos/a.jpg"])  # its own, at once
    assert BodyStore(path).get("a.json") is None  # others: not before the build ends
    assert store.db is not None
    store.db.close()  # the build stopped (killed, or failed) before its end
    assert BodyStore(path).get("a.json") is None  # the store as it was
    store = BodyStore(path)
    for name in ("a.json", "b.json"):
        store.put(name, f"<p>{name}</p>", [])
    store.keep({"a.json", "b.json"})
    assert store.db is None  # closed: no connection crosses the preview's fork
    store.keep({"b.json"})  # the next build used only b
    again = BodyStore(path)
    assert again.get("a.json") is None and again.get("b.json") == ("<p>b.json</p>", [])
    again.keep({"b.json"})
    path.write_bytes(b"not a database, or a torn one")
    fresh = BodyStore(path)
    assert fresh.get("b.json") is None  # started anew, not a failed build
    fresh.put("c.json", "x" * 50_000, [])
    fresh.keep({"c.json"})
    assert BodyStore(path).get("c.json") == ("x" * 50_000, [])
    full = BodyStore(path)
    assert full.db is None  # opened by its first use
    full.put("small.json", "", [])
    assert full.db is not None
    full.db.execute("PRAGMA max_page_count = 1")  # as full as a full disk (no page more)
    with pytest.raises(OSError) as caught:  # the machine's error: the build names the path
        full.put("d.json", "y" * 50_000, [])
    assert caught.value.errno == errno.ENOSPC and caught.value.filename == str(path)


def test_bodies_of_earlier_versions_go_to_the_trash(archive) -> None:
    cache = archive.root / ".cache" / "site-builder"
    old = cache / "bodies" / "vi"  # one file per body, as earlier versions kept them
    old.mkdir()
    (old / "0123.json").write_text('{"html": "<p>old</p>", "images": []}', encoding="utf-8")
    touch_content(archive)
    assert archive.build().code == 0
    assert sorted(p.name for p in (cache / "bodies").iterdir()) == ["en.sqlite", "vi.sqlite"]


def test_body_keys_follow_every_field_and_only_frozen_records_are_remembered(tmp_path) -> None:
    from dataclasses import dataclass

    from site_builder.cache.bodies import BodyCache

    @dataclass(frozen=True)
    class Inner:
        text: str

    @dataclass(frozen=True)
    class Outer:
        inner: Inner
        items: tuple

    @dataclass
    class Loose:
        text: str

    def key(*parts: Any) -> str | None:
        return BodyCache(tmp_path, "vi", True, "seed").key(*parts)

    same = key(Outer(Inner("a"), (Inner("b"),)))
    assert same == key(Outer(Inner("a"), (Inner("b"),)))  # equal records, equal keys
    assert same != key(Outer(Inner("a"), (Inner("c"),)))  # a nested field differs
    assert same != key(Outer(Inner("a"), ()))
    loose = Loose("x")
    first = key(loose)
    loose.text = "y"  # a record that can change is digested anew each time
    assert key(loose) != first
    assert key(Outer(Inner("a"), (lambda: 0,))) is None  # a function: never cached


def test_page_fingerprints_follow_the_body_and_hash_a_kept_body_once(tmp_path, monkeypatch) -> None:
    from types import SimpleNamespace

    from site_builder import pipeline
    from site_builder.engine import page_cache
    from site_builder.render.spec import PageSpec

    session = pipeline.Session(tmp_path, preview=True)

    def fingerprint(html: str) -> str:
        cache = page_cache.PageCache(session, "vi", "theme", link=False)
        file = SimpleNamespace(src_uri="tin-tuc/a.md", dest_uri="tin-tuc/a/index.html")
        page = PageSpec("tin-tuc/a/", "news", "A", html)
        cache.has(file, page, {"og": {}}, None)  # type: ignore[arg-type]
        cache.prune()
        return cache.fingerprints["tin-tuc/a.md"]

    body = "".join(["<p>Tin số ", "1</p>"])
    first = fingerprint(body)
    hashed: list[bytes] = []
    real = page_cache.hashlib.sha256
    monkeypatch.setattr(page_cache.hashlib, "sha256",
                        lambda data=b"": hashed.append(data) or real(data))  # fmt: skip
    assert fingerprint(body) == first
    assert body.encode() not in hashed  # the body the last build had is hashed once
    assert fingerprint("".join(["<p>Tin số ", "2</p>"])) != first  # the same length, new text
    assert fingerprint("".join(["<p>Tin số ", "1</p>"])) == first  # an equal body, anew


def test_the_preview_keeps_its_template_environment_and_a_build_does_not(tmp_path) -> None:
    from site_builder.cache.memory import Memory
    from site_builder.render.reuse import environment

    kept = Memory()
    assert environment(tmp_path, "vi", True, kept) is environment(tmp_path, "vi", True, kept)
    assert environment(tmp_path, "en", True, kept) is not environment(tmp_path, "vi", True, kept)
    assert environment(tmp_path, "vi", False, kept) is not environment(tmp_path, "vi", False, kept)
    assert environment(tmp_path, "vi", True) is not environment(tmp_path, "vi", True)


def test_a_cache_folder_writes_whole_files_and_makes_its_folder_again(tmp_path) -> None:
    from site_builder.cache.folder import CacheFolder

    folder = CacheFolder(tmp_path / "bodies" / "vi")  # not there yet
    folder.write("a.json", b"1")
    folder.write("a.json", b"2")  # named by what it holds: never written again
    shutil.rmtree(tmp_path / "bodies")  # removed by hand during a preview
    folder.write("b.json", b"3")
    assert sorted(os.listdir(folder.path)) == ["b.json"]
    assert (folder.path / "b.json").read_bytes() == b"3" and "a.json" in folder
    folder.prune({"b.json"})
    assert "a.json" not in folder and CacheFolder(folder.path).present == {"b.json"}


def test_the_preview_collects_garbage_between_rebuilds_and_frees_what_it_froze() -> None:
    import gc
    import weakref

    from site_builder.engine.preview import IdleCollection

    class Node:
        pass

    idle = IdleCollection(delay=0.05)
    try:
        cycle = Node()
        cycle.me = cycle  # type: ignore[attr-defined]
        ref = weakref.ref(cycle)
        idle.collect_later()
        assert wait_for(lambda: gc.get_freeze_count() > 0, 10)  # what survived is frozen
        del cycle
        gc.collect()
        assert ref() is not None  # frozen: a rebuild's collections do not walk it
        idle.collect_later()
        assert wait_for(lambda: ref() is None, 10)  # the next one unfreezes first: no leak
        gc.unfreeze()
        idle.collect_later()
        timer = idle.timer
        idle.cancel()  # a rebuild began: no collection in its midst
        assert timer is not None and idle.timer is None
        timer.join(10)  # its thread ends, cancelled, without collecting
        assert not timer.is_alive() and gc.get_freeze_count() == 0
    finally:
        idle.cancel()
        gc.unfreeze()


def test_a_preview_rebuild_asks_for_the_collection_and_a_build_does_not(make_site) -> None:
    import gc

    from mkdocs.commands import build as mkdocs_build
    from mkdocs.config import load_config

    site = make_site()
    served: Any = None
    try:
        for command in ("build", "serve"):
            gc.unfreeze()
            config = load_config(str(site.root / "mkdocs.yml"), site_dir=str(site.root / command))
            served = config.plugins["site-builder"]
            served.config.chain = False  # Vietnamese alone, here
            config.plugins.on_startup(command=command, dirty=True)
            try:
                mkdocs_build.build(config, dirty=True)
                assert (served.idle.timer is not None) is (command == "serve"), command
                if command == "serve":
                    assert wait_for(lambda: gc.get_freeze_count() > 0, 10)
            finally:
                config.plugins.on_shutdown()
            assert served.idle.timer is None  # the preview's end cancels it
    finally:
        if served is not None:
            served.idle.cancel()
        gc.unfreeze()


def test_a_long_running_preview_reuses_the_switcher_and_fingerprint_of_unchanged_pages(
    archive, monkeypatch
) -> None:
    from mkdocs.commands import build as mkdocs_build
    from mkdocs.config import load_config

    from site_builder.engine import preview
    from site_builder.render import context

    made: list[str] = []
    real = context.page_context
    monkeypatch.setattr(context, "page_context", lambda spec, *args: (
        made.append(spec.path) or real(spec, *args)
    ))  # fmt: skip
    monkeypatch.setattr(preview.English, "start", lambda self, session, site_dir: None)
    site_dir = archive.root / "preview"
    served: Any = None

    def rebuild(root: Path = archive.root) -> dict[str, str]:
        nonlocal served
        config = load_config(str(root / "mkdocs.yml"), site_dir=str(root / "preview"))
        if served is None:
            config.plugins.on_startup(command="serve", dirty=True)
        served = config.plugins["site-builder"]
        made.clear()
        mkdocs_build.build(config, dirty=True)
        return dict(served.pages.fingerprints)

    try:
        first = rebuild()
        assert len(made) == len(first) > 10
        assert rebuild() == first and made == []  # nothing changed: nothing made again
        archive.write("content/news/2022/tin-2.yml", NEWS.format(title="Tin mới sửa", n=2, month=3))
        edited = rebuild()
        assert "tin-tuc/tin-2/" in made and len(made) < len(first) / 2, made
        assert edited["tin-tuc/tin-2/index.md"] != first["tin-tuc/tin-2/index.md"]
        assert "Tin mới sửa" in (site_dir / "tin-tuc" / "tin-2" / "index.html").read_text("utf-8")
        copy = archive.root.parent / "copy"  # the same project, of which nothing is kept
        shutil.copytree(archive.root, copy, ignore=shutil.ignore_patterns("site", "preview"))
        assert rebuild(copy) == edited and len(made) == len(first)  # made anew: the same
        theme = archive.root / "templates" / "main.html"  # the design, edited meanwhile
        theme.write_text(theme.read_text(encoding="utf-8") + "{# mới #}\n", encoding="utf-8")
        redesigned = rebuild()
        assert not set(redesigned.values()) & set(edited.values())  # every page again
    finally:
        if served is not None:
            served.on_shutdown()


def test_a_body_from_the_cache_still_places_the_photos_it_shows(make_site, tmp_path) -> None:
    site = good_site(make_site, tmp_path)
    album = site.root / "content" / "albums" / "album.yml"
    album.write_text(album.read_text(encoding="utf-8") + "# no page changes\n", encoding="utf-8")
    assert site.build().code == 0  # every stage runs; the album's body comes from the cache
    folder = site.site / "thu-vien-anh" / "album"
    shown = re.findall(r'src="([^"]+\.jpg)"', (folder / "index.html").read_text(encoding="utf-8"))
    assert shown and all((folder / src).resolve().is_file() for src in shown), shown
