"""Search: Pagefind's shipped client in headless Chromium, on the bundled site."""

from __future__ import annotations

import json

import pytest

from browser import SEARCH, indexed

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
    top = pages[0].evaluate(SEARCH, query)
    assert expected in top, top
    assert not any(url.startswith("/en/") for url in top)  # each language has its own index


@pytest.mark.parametrize(("query", "expected"), ENGLISH)
def test_english_queries(pages, query: str, expected: str) -> None:
    top = pages[1].evaluate(SEARCH, query)
    assert expected in top and all(url.startswith("/en/") for url in top), top


def test_tone_placement_is_the_same_word(pages) -> None:
    assert pages[0].evaluate(SEARCH, "hoà thuận") == pages[0].evaluate(SEARCH, "hòa thuận")


def test_search_page_shows_results_for_a_query_in_the_address(browser, served) -> None:
    page = browser.new_page()
    try:
        page.goto(served + "tim-kiem/?q=tan+thi+mau")
        page.wait_for_selector(".pagefind-ui__result-link", timeout=15000)
        assert "Tẩn Thị Mẫu" in page.locator(".pagefind-ui__result-link").first.inner_text()
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
