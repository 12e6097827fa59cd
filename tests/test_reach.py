"""Reach, in headless Chromium: no third-party requests, accessibility, page weight."""

from __future__ import annotations

import gzip
import os
from pathlib import Path
from urllib.parse import urlsplit

import axe_playwright_python
import pytest

from browser import serve

AXE = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")
PAGES = [
    "",
    "thanh-tuu/kinh-te/",
    "guong-dien-hinh/nguyen-van-minh-hoa/",
    "tin-tuc/le-ky-niem-20-nam/",
    "thu-vien-anh/phong-canh-minh-hoa/",
    "tim-kiem/",
]


def visit(browser, url: str, width: int = 375) -> dict:
    """Load `url` like a first-time visitor; return every request and its gzip-counted bytes."""
    page = browser.new_page(viewport={"width": width, "height": 812})
    own = urlsplit(url).netloc
    seen: dict = {"foreign": [], "failed": [], "bytes": 0, "requests": 0}

    def route(route_):  # nothing leaves the test machine
        if urlsplit(route_.request.url).netloc not in (own, ""):
            seen["foreign"].append(route_.request.url)
            route_.abort()
        else:
            route_.continue_()

    def response(resp) -> None:
        seen["requests"] += 1
        if resp.status >= 400:
            seen["failed"].append(f"{resp.status} {resp.url}")
        try:
            body = resp.body()
        except Exception:
            return
        seen["bytes"] += len(gzip.compress(body, 9))  # what a static server sends compressed

    page.route("**/*", route)
    page.on("response", response)
    page.goto(url, wait_until="networkidle")
    seen["page"] = page
    return seen


@pytest.mark.parametrize("lang", ["", "en/"])
def test_no_third_party_requests_and_nothing_broken(browser, served, lang: str) -> None:
    for path in [*PAGES, "gioi-thieu/", "ke-hoach/", "khen-thuong/", "dong-thoi-gian/"]:
        seen = visit(browser, served + lang + path, 1280)
        seen["page"].close()
        assert seen["foreign"] == [] and seen["failed"] == [], (lang + path, seen)


def test_third_party_check_catches_a_control(browser, tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="vi"><body><img src="https://tracker.example/p.gif" alt="">'
        "</body></html>",
        encoding="utf-8",
    )
    with serve(tmp_path) as url:
        seen = visit(browser, url)
        seen["page"].close()
    assert seen["foreign"] == ["https://tracker.example/p.gif"]


def axe(page) -> dict:
    page.evaluate(AXE)
    return page.evaluate(
        "async () => await axe.run(document, {resultTypes: ['violations', 'passes']})"
    )


def serious(result: dict) -> list[str]:
    return [f"{v['id']}: {v['nodes'][0]['target']}" for v in result["violations"]
            if v["impact"] in ("serious", "critical")]  # fmt: skip


@pytest.mark.parametrize("lang", ["", "en/"])
@pytest.mark.parametrize("path", PAGES)
def test_no_serious_accessibility_violations(browser, served, lang: str, path: str) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        page.goto(served + lang + path, wait_until="networkidle")
        result = axe(page)
        assert serious(result) == []
        assert len(result["passes"]) > 10  # axe ran and checked things
        assert page.evaluate("document.documentElement.lang") == ("en" if lang else "vi")
    finally:
        page.close()


def test_axe_catches_a_low_contrast_control(browser, served) -> None:
    page = browser.new_page()
    try:
        page.goto(served, wait_until="networkidle")
        page.evaluate("document.querySelector('article').insertAdjacentHTML('afterbegin',"
                      " '<p style=\"color:#bbb;background:#fff\">khó đọc</p>')")  # fmt: skip
        assert any(v.startswith("color-contrast") for v in serious(axe(page)))
    finally:
        page.close()


@pytest.mark.parametrize(("path", "budget"), [("", 300_000), *[(p, 450_000) for p in PAGES[1:]]])
def test_page_weight_budget(browser, served, path: str, budget: int) -> None:
    for lang in ("", "en/"):
        seen = visit(browser, served + lang + path)
        seen["page"].close()
        assert seen["bytes"] <= budget, (lang + path, seen["bytes"], seen["requests"])


def test_weight_check_catches_an_oversize_control(browser, tmp_path: Path) -> None:
    (tmp_path / "big.bin").write_bytes(os.urandom(500_000))  # does not compress
    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="vi"><body><script>fetch("big.bin")</script></body></html>',
        encoding="utf-8",
    )
    with serve(tmp_path) as url:
        seen = visit(browser, url)
        seen["page"].close()
    assert seen["bytes"] > 450_000


def test_sitemap_has_alternates_for_every_page_that_has_them(bundled) -> None:
    import re

    vi = bundled.read("sitemap.xml")
    urls = re.findall(r"<url>(.*?)</url>", vi, re.S)
    assert len(urls) > 40  # the pages of illustrative items are not listed (#32)
    for block in urls:
        loc = re.search(r"<loc>([^<]+)</loc>", block)[1]  # type: ignore[index]
        links = re.findall(r'hreflang="([^"]+)" href="([^"]+)"', block)
        if "tin-chua-dich-minh-hoa" in loc:
            assert links == [], loc  # no English: no alternates
        else:
            assert [lang for lang, _ in links] == ["vi", "en", "x-default"], loc
            assert links[0][1] == loc
    assert "tin-chua-dich-minh-hoa" not in bundled.read("en/sitemap.xml")
    assert "Sitemap: https://tamduong.example/en/sitemap.xml" in bundled.read("robots.txt")


def test_the_site_works_under_a_sub_path(browser, make_site, tmp_path: Path) -> None:
    site = make_site()
    settings = (site.root / "content/site.yml").read_text()
    sub = settings.replace("example.test/", "example.test/tam-duong/")
    site.write("content/site.yml", sub)
    assert site.build().code == 0
    page = site.read("gioi-thieu/index.html")
    assert '<link rel="canonical" href="https://example.test/tam-duong/gioi-thieu/">' in page
    host = tmp_path / "host"
    host.mkdir()
    site.site.rename(host / "tam-duong")
    with serve(host) as url:
        for path in ("tam-duong/", "tam-duong/en/ke-hoach/", "tam-duong/tim-kiem/"):
            seen = visit(browser, url + path, 1280)
            seen["page"].close()
            assert seen["failed"] == [] and seen["foreign"] == [], (path, seen)
