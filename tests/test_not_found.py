"""The not-found pages (#33): one per language, in that language, with the sections and a
search box whose links, styles and search work for a missing address at any depth, under a
sub-path base URL, served the way deploy/nginx.conf serves them."""

from __future__ import annotations

import http.server
import re
from pathlib import Path

from site_builder.text.i18n import t

from browser import serve

BASE = "tam-duong/"  # the site's sub-path


class _MissingIsNotFound(http.server.SimpleHTTPRequestHandler):
    """Answer a missing address with the not-found page of its language (English below
    `en/`), as `error_page 404` does in deploy/nginx.conf."""

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        if code != 404:
            super().send_error(code, message, explain)
            return
        lang = "en/" if self.path.startswith(f"/{BASE}en/") else ""
        body = (Path(self.directory) / BASE / lang / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


def _sub_path_site(make_site, tmp_path: Path) -> Path:
    """Build a tiny site whose base URL has a sub-path; return the folder to serve."""
    site = make_site()
    settings = (site.root / "content/site.yml").read_text(encoding="utf-8")
    site.write("content/site.yml", settings.replace("example.test/", f"example.test/{BASE}"))
    assert site.build().code == 0
    host = tmp_path / "host"
    host.mkdir()
    site.site.rename(host / BASE.rstrip("/"))
    return host


def test_each_language_has_its_own_not_found_page_with_a_way_on(make_site, tmp_path) -> None:
    host = _sub_path_site(make_site, tmp_path)
    for lang in ("vi", "en"):
        page = (host / BASE / ("en/" if lang == "en" else "") / "404.html").read_text("utf-8")
        assert f'<html lang="{lang}"' in page
        assert f"<h1>{t('not_found', lang)}</h1>" in page and "404 - Not found" not in page
        for section in ("about", "plan", "fields", "timeline", "people", "honours", "news"):
            assert f">{t(section, lang)}</a>" in page, (lang, section)
        assert 'role="search"' in page and 'name="q"' in page
        # served for a missing address at any depth: no link may be relative
        links = re.findall(r'\s(?:href|src|action)="([^"]*)"', page)
        relative = [u for u in links if not u.startswith((f"/{BASE}", "https://", "#"))]
        assert relative == [], (lang, relative)


def test_not_found_pages_work_at_any_depth_under_a_sub_path(browser, make_site, tmp_path) -> None:
    host = _sub_path_site(make_site, tmp_path)
    with serve(host, _MissingIsNotFound) as url:
        for lang, prefix, word in (("vi", "", "kế hoạch"), ("en", "en/", "plan")):
            page = browser.new_page()
            failed: list[str] = []
            page.on("response", lambda r, f=failed: f.append(r.url) if r.status >= 400 else None)
            try:
                response = page.goto(f"{url}{BASE}{prefix}a/b/c/missing", wait_until="networkidle")
                assert response is not None and response.status == 404
                assert page.locator("h1").first.inner_text() == t("not_found", lang)
                assert failed == [f"{url}{BASE}{prefix}a/b/c/missing"]  # only the page itself
                # the site's own style sheet applies (the search box is laid out by it)
                display = page.evaluate(
                    "() => getComputedStyle(document.querySelector('.sb-find')).display"
                )
                assert display == "flex"
                # a section link leads to the section
                page.locator(".sb-sections a", has_text=t("honours", lang)).click()
                page.wait_for_url(f"{url}{BASE}{prefix}khen-thuong/")
                assert page.locator("h1").first.inner_text() == t("honours", lang)
                # and the search box finds pages
                page.goto(f"{url}{BASE}{prefix}x/y/missing.html")
                page.fill("#sb-find-q", word)
                page.press("#sb-find-q", "Enter")
                page.wait_for_url(lambda u, p=prefix: u.startswith(f"{url}{BASE}{p}tim-kiem/?q="))
                page.wait_for_selector(".sb-search-result a", timeout=15000)
                page.locator(".sb-search-result a").first.click()  # the plan's page
                page.wait_for_url(f"{url}{BASE}{prefix}ke-hoach/")
                assert failed == [f"{url}{BASE}{prefix}a/b/c/missing",
                                  f"{url}{BASE}{prefix}x/y/missing.html"]  # fmt: skip
            finally:
                page.close()
