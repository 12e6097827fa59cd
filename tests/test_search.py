"""Search: Pagefind's shipped client in headless Chromium, on the bundled site."""

from __future__ import annotations

import json

import pytest

from site_builder.output import search as search_index

from browser import indexed

SITE_SEARCH = "async (query) => window.sbSearch(query, 3)"  # the search page's own search

# Hand-written: a query, and a page that must be among the first three results.
QUERIES = [
    ("tam duong", "/"),  # no marks, and đ → d
    ("Tam Đường", "/"),
    ("phong canh", "/thu-vien-anh/phong-canh-minh-hoa/"),
    ("ruong bac thang", "/thu-vien-anh/phong-canh-minh-hoa/"),
    ("tan thi mau", "/guong-dien-hinh/tan-thi-mau/"),
    ("Tẩn Thị Mẫu", "/guong-dien-hinh/tan-thi-mau/"),
    ("giang a minh hoa", "/guong-dien-hinh/giang-a-minh-hoa/"),
    ("sung lu pao", "/ke-hoach/"),  # the plan's signatory, Sùng Lữ Páo
    ("uong nuoc nho nguon", "/ke-hoach/"),
    ("03390", "/gioi-thieu/"),  # a commune's statistics code
    ("khun ha", "/guong-dien-hinh/tan-thi-mau/"),
    ("ocop", "/tin-tuc/hoi-cho-san-pham-ocop/"),
    ("mot cua", "/tin-tuc/mot-cua-lien-thong/"),
    ("le ky niem", "/tin-tuc/le-ky-niem-20-nam/"),
    ("nghi dinh 176", "/gioi-thieu/"),
    ("van hoa xa hoi", "/thanh-tuu/van-hoa-xa-hoi/"),
    ("dien tap phong thu", "/dong-thoi-gian/"),
    ("cong an xa", "/guong-dien-hinh/cong-an-xa-mau/"),
    ("phu nu", "/guong-dien-hinh/hoi-phu-nu-mau/"),
    ("truong tieu hoc", "/guong-dien-hinh/truong-tieu-hoc-mau/"),
    ("doan ket", "/tin-tuc/mat-tran-dai-doan-ket/"),
    ("đoàn kết", "/tin-tuc/mat-tran-dai-doan-ket/"),
]
ENGLISH = [
    ("tea cooperative", "/en/guong-dien-hinh/hop-tac-xa-minh-hoa/"),
    ("unofficial translation", "/en/ke-hoach/"),
    ("key figures", "/en/"),
]


@pytest.fixture(scope="module")
def pages(browser, served):
    vi = browser.new_page()
    vi.goto(served + "tim-kiem/")
    en = browser.new_page()
    en.goto(served + "en/tim-kiem/")
    yield vi, en
    vi.close()
    en.close()


def test_the_query_table_has_at_least_20_queries() -> None:
    assert len(QUERIES) >= 20


@pytest.mark.parametrize(("query", "expected"), QUERIES)
def test_vietnamese_queries(pages, query: str, expected: str) -> None:
    top = pages[0].evaluate(SITE_SEARCH, query)
    assert expected in top, top
    assert not any(url.startswith("/en/") for url in top)  # each language has its own index


@pytest.mark.parametrize(("query", "expected"), ENGLISH)
def test_english_queries(pages, query: str, expected: str) -> None:
    top = pages[1].evaluate(SITE_SEARCH, query)
    assert expected in top and all(url.startswith("/en/") for url in top), top


def test_tone_placement_is_the_same_word(pages) -> None:
    assert pages[0].evaluate(SITE_SEARCH, "hoà thuận") == pages[0].evaluate(
        SITE_SEARCH, "hòa thuận"
    )


def test_search_page_shows_results_for_a_query_in_the_address(browser, served) -> None:
    page = browser.new_page()
    try:
        page.goto(served + "tim-kiem/?q=tan+thi+mau")
        page.wait_for_selector(".sb-search-result a", timeout=15000)
        assert "Tẩn Thị Mẫu" in page.locator(".sb-search-result a").first.inner_text()
    finally:
        page.close()


def test_indexes_are_separate_per_language(bundled) -> None:
    entry = json.loads(bundled.read("pagefind/pagefind-entry.json"))
    assert set(entry["languages"]) == {"vi", "en"}
    urls = [p["url"] for p in indexed(bundled.site)]
    assert "/ke-hoach/" in urls and "/en/ke-hoach/" in urls
    assert not [u for u in urls if "tim-kiem" in u or u.endswith("404.html")]


def test_lists_that_repeat_their_items_are_not_search_results(bundled) -> None:
    """Tags, months, categories and further pages list items the index already has."""
    lists = [p for d in ("the", "luu-tru", "chuyen-muc", "trang")
             for p in (bundled.site / "tin-tuc" / d).rglob("index.html")]  # fmt: skip
    assert len(lists) > 5 and all("data-pagefind-body" not in p.read_text() for p in lists)
    urls = {p["url"] for p in indexed(bundled.site)}
    listed = {"/" + p.parent.relative_to(bundled.site).as_posix() + "/" for p in lists}
    assert not urls & listed and len(listed) == len(lists)
    assert {"/tin-tuc/", "/tin-tuc/le-ky-niem-20-nam/", "/en/tin-tuc/"} <= urls


def test_pagefind_is_given_only_the_pages_it_indexes(bundled) -> None:
    """List pages are not indexed; Pagefind need not parse them (a fifth of its work)."""
    digest, pages = search_index.scan(bundled.site)
    html = {
        p.relative_to(bundled.site).as_posix(): p.read_text() for p in bundled.site.rglob("*.html")
    }
    assert pages is not None and pages == sorted(pages)
    assert set(pages) == {name for name, text in html.items() if "data-pagefind-body" in text}
    assert "tin-tuc/le-ky-niem-20-nam/index.html" in pages and "en/ke-hoach/index.html" in pages
    assert not [name for name in pages if name.startswith(("tin-tuc/the/", "tin-tuc/trang/"))]
    assert len(pages) < len(html) - 5
    assert {u["url"] for u in indexed(bundled.site)} == {
        "/" + name.removesuffix("index.html") for name in pages
    }
    assert search_index.scan(bundled.site)[0] == digest


def _page(folder, name: str, lang: str = "vi", body: bool = True, mention: bool = False) -> None:
    """A page; `body`: marked for Pagefind; `mention`: the marker named in its text only."""
    text = f"<h1>{name}</h1><p>trang {name}</p>" + ("<p>data-pagefind-body</p>" if mention else "")
    marked = f"<div data-pagefind-body>{text}</div>" if body else text
    (folder / name).mkdir(parents=True)
    (folder / name / "index.html").write_text(f'<html lang="{lang}"><body>{marked}</body></html>')


def _indexed_count(output) -> int:
    entry = json.loads((output / search_index.ENTRY).read_text())
    return sum(language["page_count"] for language in entry["languages"].values())


def test_pagefind_reads_the_listed_pages_only(tmp_path, monkeypatch) -> None:
    """Pagefind is handed the pages that hold the body marker. Here they name it in their
    text only: listed, yet unmarked for Pagefind, which then indexes every page it reads,
    so the count shows which pages it read."""
    monkeypatch.setenv("SITE_BUILDER_CACHE", str(tmp_path / "cache"))
    for listed, count in ((["mot"], 1), (["ba", "mot"], 2), ([], 3)):
        site = tmp_path / f"site-{count}"
        for name in ("mot", "hai", "ba"):
            _page(site, name, body=False, mention=name in listed)
        assert search_index.scan(site)[1] == ([f"{n}/index.html" for n in listed] or None)
        assert _indexed_count(search_index.index_language(tmp_path, site, "vi")) == count


def test_scan_gives_no_list_where_a_glob_could_misread_a_path(tmp_path) -> None:
    _page(tmp_path, "mot")
    _page(tmp_path, "hai", body=False)
    assert search_index.scan(tmp_path)[1] == ["mot/index.html"]
    _page(tmp_path, "b{a,c}")
    assert search_index.scan(tmp_path)[1] is None
    unmarked = tmp_path / "unmarked"
    _page(unmarked, "mot", body=False)
    assert search_index.scan(unmarked)[1] is None  # Pagefind then indexes every page


def test_pagefind_reads_no_configuration_but_ours(tmp_path, monkeypatch) -> None:
    site = tmp_path / "site"
    for name in ("mot", "hai"):
        _page(site, name)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pagefind.yml").write_text('glob: "mot/*.html"\n')
    monkeypatch.setenv("PAGEFIND_EXCLUDE_SELECTORS", '["h1", "p"]')
    monkeypatch.setenv("SITE_BUILDER_CACHE", str(tmp_path / "cache"))
    index = search_index.index_language(tmp_path, site, "vi")
    assert _indexed_count(index) == 2
