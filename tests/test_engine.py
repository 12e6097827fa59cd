"""The engine's adapter: what it asks of MkDocs 1.6 and Material 9 beyond their public API.

Each internal that site_builder/engine/ relies on (marked "MkDocs 1.6.x internal" or
"Material 9.x internal" there) is exercised here on the installed versions, so that an
upgrade that changes it fails a test rather than the site. And the pages load as they
should: without Material's sitemap fetches, and without a console error.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from conftest import read_session, tree_hash

MATERIAL_JS = Path(str(__import__("material").__file__)).parent / "templates/assets/javascripts"
PAGES = ["", "tin-tuc/le-ky-niem-20-nam/", "en/"]  # home, a news item, the English home


def material_bundle() -> Path:
    (bundle,) = MATERIAL_JS.glob("bundle.*.min.js")
    return bundle


# --- Loading a page: no sitemap fetch, no console error -----------------------------------


def record(browser, url: str, *, bundle: Path | None = None) -> dict:
    """Load `url`; return every request it made, its console errors and uncaught errors.

    Requests to other hosts are recorded and refused (nothing leaves the test machine).
    `bundle`: serve this file in place of the site's Material bundle.
    """
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    own = urlsplit(url).netloc
    seen: dict = {"requests": [], "errors": []}

    def route(route_) -> None:
        if bundle is not None and re.search(r"/bundle\.[0-9a-f]+\.min\.js$", route_.request.url):
            route_.fulfill(path=str(bundle), content_type="application/javascript")
        elif urlsplit(route_.request.url).netloc not in (own, ""):
            route_.abort()
        else:
            route_.continue_()

    page.on("request", lambda request: seen["requests"].append(request.url))
    page.on("console", lambda m: m.type == "error" and seen["errors"].append(m.text))
    page.on("pageerror", lambda error: seen["errors"].append(str(error)))
    page.route("**/*", route)
    try:
        page.goto(url, wait_until="networkidle")
        seen["material ran"] = page.evaluate("document.documentElement.classList.contains('js')")
    finally:
        page.close()
    return seen


def sitemaps(requests: list[str]) -> list[str]:
    return [u for u in requests if urlsplit(u).path.endswith(("sitemap.xml", "sitemap.xml.gz"))]


@pytest.mark.parametrize("path", PAGES)
def test_a_page_requests_no_sitemap_and_logs_no_error(browser, served, path: str) -> None:
    seen = record(browser, served + path)
    assert sitemaps(seen["requests"]) == [], seen["requests"]
    assert seen["errors"] == []
    # the recorder works: it saw the page's own style sheets and Material's script, which ran
    styles = [u for u in seen["requests"] if re.search(r"/stylesheets/main\.\w+\.min\.css$", u)]
    assert len(styles) == 1 and any(u.endswith("/css/site.css") for u in seen["requests"])
    assert any(re.search(r"/bundle\.\w+\.min\.js$", u) for u in seen["requests"])
    assert seen["material ran"]


def test_the_recorder_catches_materials_own_bundle_fetching_sitemaps(browser, served) -> None:
    """The control: the same page with Material's bundle as it ships fetches a sitemap beside
    each of its hreflang and feed links (on the public host, or a 404 here: errors). Should
    a Material release stop doing it, `engine/material.py` can go."""
    item = "tin-tuc/le-ky-niem-20-nam/"
    seen = record(browser, served + item, bundle=material_bundle())
    fetched = {urlsplit(u).path for u in sitemaps(seen["requests"])}
    assert fetched == {f"/{item}sitemap.xml", f"/en/{item}sitemap.xml", "/tin-tuc/sitemap.xml"}
    assert seen["errors"] and seen["material ran"]


# --- Material 9.x internal: the bundle without `setupAlternate` ----------------------------


def test_the_site_serves_materials_bundle_without_its_sitemap_fetches(bundled) -> None:
    from site_builder.engine.material import SETUP, without_alternate

    original = material_bundle().read_bytes()
    served = without_alternate(original)
    assert served is not None, "Material's bundle changed: see site_builder/engine/material.py"
    assert len(served) == len(original)  # blanked, not cut: the source map still fits
    (name,) = SETUP.findall(original)  # the function stays; its one call is gone
    call = re.compile(rb"(?<![\w$.])" + re.escape(name) + rb"\(\{document\$:[\w$]+\}\);")
    assert len(call.findall(original)) == 1 and call.findall(served) == []
    assert served.replace(b" ", b"") == call.sub(b"", original).replace(b" ", b"")
    for lang in ("", "en/"):  # both languages serve it, under Material's own name
        folder = bundled.site / lang / "assets/javascripts"
        assert (folder / material_bundle().name).read_bytes() == served
    assert "XMLHttpRequest" not in bundled.read("index.html")  # no patch of the browser left


def test_an_unknown_bundle_is_served_as_it_is_with_a_warning(tmp_path, caplog) -> None:
    from mkdocs.config import load_config
    from mkdocs.structure.files import File, Files

    from site_builder.engine.material import serve_without_alternate, without_alternate

    assert without_alternate(b"function a({document$:e}){}a({document$:b});") is None
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: t\n", encoding="utf-8")
    config = load_config(str(tmp_path / "mkdocs.yml"))
    theme = tmp_path / "theme"
    (theme / "assets/javascripts").mkdir(parents=True)
    (theme / "assets/javascripts/bundle.0123abcd.min.js").write_bytes(b"alert(1);")
    bundle = File("assets/javascripts/bundle.0123abcd.min.js", str(theme), str(tmp_path), False)
    files = Files([bundle])
    serve_without_alternate(files, config)
    assert list(files) == [bundle]
    assert [r.levelno for r in caplog.records] == [logging.WARNING]
    caplog.clear()  # expected here


# --- MkDocs 1.6.x internals -------------------------------------------------------------


@pytest.fixture
def plain_config(tmp_path):
    """A MkDocs configuration of our own markdown extensions and nothing else."""
    from mkdocs.config import load_config

    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    (tmp_path / "docs" / "empty.md").write_text("", encoding="utf-8")
    (tmp_path / "docs" / "toc.md").write_text("## Mục A\n\n### Ý B\n\n## Mục C\n", "utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: t\nmarkdown_extensions:\n  - toc:\n      slugify: "
        "!!python/name:site_builder.text.slugs.slugify\n",
        encoding="utf-8",
    )
    return load_config(str(tmp_path / "mkdocs.yml"), site_dir=str(tmp_path / "out"))


def test_a_generated_page_renders_as_mkdocs_renders_empty_markdown(plain_config) -> None:
    """`GeneratedPage.render` sets what `Page.render` sets, to what it makes of nothing."""
    from mkdocs.structure.files import File, Files
    from mkdocs.structure.pages import Page

    from site_builder.engine.pages import GeneratedPage

    def rendered(kind: type[Page]) -> dict:
        file = File("empty.md", plain_config.docs_dir, plain_config.site_dir, True)
        page = kind(None, file, plain_config)
        page.read_source(plain_config)
        page.render(plain_config, Files([file]))
        state = {k: v for k, v in vars(page).items() if k != "file"}
        state["toc"] = list(state["toc"])
        return state

    theirs, ours = rendered(Page), rendered(GeneratedPage)
    assert ours == theirs
    assert ours["_title_from_render"] is None and ours["content"] == ""


def test_our_table_of_contents_is_the_one_mkdocs_makes_of_the_headings(plain_config) -> None:
    from mkdocs.structure.files import File, Files
    from mkdocs.structure.pages import Page

    from site_builder.engine.pages import table_of_contents

    def shape(toc) -> list:
        return [(e.title, e.url, e.level, shape(e.children)) for e in toc]

    file = File("toc.md", plain_config.docs_dir, plain_config.site_dir, True)
    page = Page(None, file, plain_config)
    page.read_source(plain_config)
    page.render(plain_config, Files([file]))
    ours = table_of_contents(((2, "muc-a", "Mục A"), (3, "y-b", "Ý B"), (2, "muc-c", "Mục C")))
    expected: list = [("Mục A", "#muc-a", 2, [("Ý B", "#y-b", 3, [])]), ("Mục C", "#muc-c", 2, [])]
    assert shape(ours) == shape(page.toc) == expected
    assert [getattr(e, "active", False) for e in ours] == [True, False]  # as MkDocs marks it
    deeper = table_of_contents(((2, "a", "A"), (3, "b", "B"), (4, "c", "C"), (3, "d", "D")))
    assert shape(deeper) == [("A", "#a", 2, [("B", "#b", 3, [("C", "#c", 4, [])]),
                                             ("D", "#d", 3, [])])]  # fmt: skip


def test_the_plans_sections_are_in_the_sidebar_table_of_contents(bundled) -> None:
    """Material shows only the children of a first entry of level 1: the plan's sections,
    recorded one level too high, left its table of contents empty."""
    import re

    for prefix in ("", "en/"):
        page = bundled.read(f"{prefix}ke-hoach/index.html")
        toc = re.search(r'<nav class="md-nav md-nav--secondary".*?</nav>', page, re.S)
        assert toc is not None and 'href="#i-muc-dich-yeu-cau"' in toc[0], prefix
        nested = re.search(r'href="#i-muc-dich-yeu-cau".*?<ul.*?href="#1-muc-dich"', toc[0], re.S)
        assert nested is not None, prefix  # "1. Mục đích" under "I. Mục đích, yêu cầu"


def test_mkdocs_uses_our_pages_and_its_dirty_build_skips_cached_ones(
    make_site, tmp_path, monkeypatch
) -> None:
    """MkDocs renders the `GeneratedPage` put in `File.page`, and its dirty build leaves a
    `PageFile` marked cached alone: a second build renders nothing and writes the same
    site. No warning either (the dirty build's notice is filtered; strict would count it)."""
    from mkdocs.structure.pages import Page

    from site_builder.engine import pages
    from site_builder.engine.language import build_language

    site = make_site()
    monkeypatch.setenv("SITE_BUILDER_CACHE", str(tmp_path / "cache"))
    ours: list[str] = []
    theirs: list[str] = []
    real_ours, real_theirs = pages.GeneratedPage.render, Page.render

    def counted_ours(self, config, files) -> None:
        ours.append(self.file.src_uri)
        real_ours(self, config, files)

    def counted_theirs(self, config, files) -> None:
        theirs.append(self.file.src_uri)
        real_theirs(self, config, files)

    monkeypatch.setattr(pages.GeneratedPage, "render", counted_ours)
    monkeypatch.setattr(Page, "render", counted_theirs)
    build_language(read_session(site.root), "vi", tmp_path / "one", strict=True, fresh=True)
    assert "index.md" in ours and "tin-tuc/index.md" in ours and theirs == []
    ours.clear()
    build_language(read_session(site.root), "vi", tmp_path / "two", strict=True, fresh=True)
    assert ours == [] and theirs == []  # every page came from the cache
    assert tree_hash(tmp_path / "two") == tree_hash(tmp_path / "one")


def test_the_dirty_notice_filtered_is_the_one_mkdocs_logs(plain_config, caplog) -> None:
    from mkdocs.commands import build as mkdocs_build

    from site_builder.engine.language import DirtyNotice

    mkdocs_build.build(plain_config, dirty=True)
    warnings = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert [r.name for r in warnings] == ["mkdocs.commands.build"]
    assert not DirtyNotice().filter(warnings[0])
    assert DirtyNotice().filter(logging.makeLogRecord({"msg": "Another warning"}))  # control
    caplog.clear()  # expected here


def test_the_preview_server_is_what_watch_natively_moves_over(tmp_path, monkeypatch) -> None:
    from mkdocs.livereload import LiveReloadServer
    from watchdog.observers.api import BaseObserver
    from watchdog.observers.polling import PollingObserver

    from site_builder.engine.preview import watch_natively

    monkeypatch.delenv("SITE_BUILDER_POLL", raising=False)
    docs, config, content, other = (tmp_path / n for n in ("docs", "mkdocs.yml", "content", "x"))
    for folder in (docs, content, other):
        folder.mkdir()
    config.write_text("site_name: t\n", encoding="utf-8")

    def server() -> LiveReloadServer:
        made = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(docs))
        assert isinstance(made.observer, PollingObserver) and not made.observer.emitters
        made.watch(str(docs))
        made.watch(str(docs))  # counted: watched twice
        made.watch(str(config))
        assert len(made.observer.emitters) == 2  # `watch` schedules on `observer`
        with pytest.raises(KeyError):
            made.unwatch(str(content))  # never watched
        return made

    moved = server()
    assert watch_natively(moved, content, (str(docs), str(config)))
    native: BaseObserver = moved.observer
    assert not isinstance(native, PollingObserver)
    assert len(moved.observer.emitters) == 2
    moved.unwatch(str(docs))  # watched twice: still watched
    moved.unwatch(str(config))
    assert len(moved.observer.emitters) == 1
    moved.unwatch(str(docs))
    assert not moved.observer.emitters

    kept = server()
    kept.watch(str(other))  # something watch_natively is not told of: it cannot move it
    assert not watch_natively(kept, content, (str(docs), str(config)))
    assert isinstance(kept.observer, PollingObserver)
    assert len(kept.observer.emitters) == 3  # all back in place, counted as before
    for path in (docs, docs, config, other):
        kept.unwatch(str(path))
    assert not kept.observer.emitters
