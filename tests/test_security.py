"""Security headers and the Content-Security-Policy, through the shipped nginx and Chromium.

Issue #33: every location of deploy/nginx.conf sends the headers (nginx drops the server's
`add_header` lines in a location with its own), the public pages allow no inline script and
no eval, and search, the lightbox and the timeline filter work under the policy.
"""

from __future__ import annotations

import base64
import hashlib
import os
import re
import shutil
from pathlib import Path

import pytest
from nginx_server import CONF, ROOT, head, shipped_nginx

from site_builder import build as build_stage
from site_builder.render import security

from browser import serve
from conftest import TinySite

HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
}
# One address per location of deploy/nginx.conf, by the location's own line (hand-written:
# a location added to the configuration without one here fails the first test).
EXAMPLES = {
    "location / {": "",
    "location /en/ {": "en/",
    "location ~ ^/(en/)?anh/ {": "anh/{webp}",
    "location ~ ^/(en/)?assets/ {": "en/assets/stylesheets/{css}",
    "location ~ ^/(en/)?(css|js|fonts|img)/ {": "js/scope.js",
    r"location ~ ^/(en/)?tin-tuc/rss\.xml$ {": "tin-tuc/rss.xml",
    r"location ~ ^/(en/)?tin-tuc/atom\.xml$ {": "en/tin-tuc/atom.xml",
    r"location ~ /sitemap\.xml$ {": "sitemap.xml",
    "location ^~ /admin/ {": "admin/",
    "location ^~ /pagefind/ {": "pagefind/pagefind-entry.json",
}


def directives(policy: str) -> dict[str, list[str]]:
    """A policy's directives and their sources."""
    parts = (p.split() for p in policy.split(";") if p.strip())
    return {name: sources for name, *sources in parts}


def locations() -> dict[str, str]:
    """Each location block of the shipped configuration: its first line and its body."""
    text = CONF.read_text(encoding="utf-8")
    return dict(re.findall(r"^    (location [^\n]*\{)\n(.*?)^    \}", text, re.M | re.S))


def test_every_location_of_the_configuration_sets_every_header() -> None:
    blocks = locations()
    assert set(blocks) == set(EXAMPLES)  # each location has its example address below
    for line, body in blocks.items():
        for name in [*HEADERS, "Content-Security-Policy", "Strict-Transport-Security"]:
            assert f"add_header {name} " in body, (line, name)


def test_the_pages_policy_allows_no_inline_script_and_no_eval() -> None:
    for policy in (security.PAGES, security.HEADER):
        scripts = directives(policy)["script-src"]
        assert "'unsafe-inline'" not in scripts and "'unsafe-eval'" not in scripts
        assert directives(policy)["object-src"] == ["'none'"]
    assert directives(security.HEADER) == {
        **directives(security.PAGES),
        "frame-ancestors": ["'self'"],
    }  # a meta element cannot carry frame-ancestors (browsers ignore it there, and complain)


def test_apache_sends_the_same_headers() -> None:
    htaccess = (ROOT / "deploy" / "htaccess").read_text(encoding="utf-8")
    for name, value in HEADERS.items():
        assert f'Header always set {name} "{value}"' in htaccess
    assert f'Content-Security-Policy "{security.HEADER}"' in htaccess
    assert f'Content-Security-Policy "{security.ADMIN}"' in htaccess
    assert "Strict-Transport-Security" in htaccess and "%{HTTPS} == 'on'" in htaccess


def test_every_page_carries_the_policy_before_any_script(bundled) -> None:
    pages = [p for p in bundled.site.rglob("*.html") if "admin" not in p.parts]
    meta = f'<meta http-equiv="Content-Security-Policy" content="{security.PAGES}">'
    for path in pages:
        html = path.read_text(encoding="utf-8")
        if 'http-equiv="refresh"' in html:
            continue  # a redirect page: no script, nothing to protect
        assert meta in html, path
        assert html.index(meta) < html.find("<script"), path
        inline = re.findall(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/(?:ld\+)?json\")",
                            html)  # fmt: skip
        assert inline == [], path  # scripts are files: the policy needs no hash per page


@pytest.fixture(scope="module")
def hosted(tmp_path_factory) -> TinySite:
    """The bundled content saving to a git host: its public site carries the web editor."""
    out = tmp_path_factory.mktemp("hosted")
    site = TinySite(out / "project")
    for name in ("content", "templates", "assets"):
        shutil.copytree(ROOT / name, site.root / name)
    shutil.copy2(ROOT / "mkdocs.yml", site.root / "mkdocs.yml")
    settings = site.root / "content" / "site.yml"
    backend = "cms:\n  backend: gitlab\n  repo: ttvh/tam-duong\n  app_id: gl-app-1234\n"
    settings.write_text(settings.read_text(encoding="utf-8") + backend, encoding="utf-8")
    os.environ["SITE_BUILDER_CACHE"] = str(out / "cache")
    try:
        result = build_stage.build(site.root, site.site, strict=True)
    finally:
        del os.environ["SITE_BUILDER_CACHE"]
    assert result.code == 0, [p.format("en") for p in result.problems]
    assert (site.site / "admin" / "index.html").is_file()
    return site


def test_the_admin_policy_names_the_editors_inline_line(hosted) -> None:
    html = hosted.read("admin/index.html")
    for body in re.findall(r"<script>(.*?)</script>", html, re.S):
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in directives(security.ADMIN)["script-src"]
    assert directives(security.ADMIN)["frame-ancestors"] == ["'none'"]


@pytest.fixture(scope="module")
def nginx_urls(hosted, tmp_path_factory):
    with shipped_nginx(hosted.site, tmp_path_factory.mktemp("nginx"), tls=True) as urls:
        yield urls


def example(site: Path, template: str) -> str:
    webp = next((site / "anh").glob("*.webp")).name
    css = next((site / "en" / "assets" / "stylesheets").glob("main.*.min.css")).name
    return template.format(webp=webp, css=css)


@pytest.mark.parametrize("scheme", ["http", "https"])
def test_one_address_per_location_gets_every_header(hosted, nginx_urls, scheme: str) -> None:
    addresses = [example(hosted.site, a) for a in EXAMPLES.values()]
    for path in [*addresses, "en/no-such-page/"]:
        status, headers = head(nginx_urls[scheme] + path)
        assert status == (404 if "no-such" in path else 200), path
        for name, value in HEADERS.items():
            assert headers.get(name) == value, (path, name)
        policy = security.ADMIN if path.startswith("admin/") else security.HEADER
        assert headers.get("Content-Security-Policy") == policy, path
        hsts = headers.get("Strict-Transport-Security")
        assert hsts == ("max-age=31536000" if scheme == "https" else None), path


LISTEN = """() => {
  window.__violations = [];
  document.addEventListener('securitypolicyviolation',
    e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
}"""
CONTROL = """() => {
  const script = document.createElement('script');
  script.textContent = 'window.__inline = true;';
  document.body.append(script);
  return new Promise(done => setTimeout(() => done(window.__inline === true), 100));
}"""


def watched(browser):
    """A page that records policy violations, console errors and uncaught exceptions."""
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.add_init_script(f"({LISTEN})()")
    return page, problems


def test_search_lightbox_and_timeline_work_under_the_policy(browser, nginx_urls) -> None:
    base = nginx_urls["http"]
    page, problems = watched(browser)
    try:
        page.goto(base + "tim-kiem/?q=tan+thi+mau")
        page.wait_for_selector(".sb-search-result a", timeout=15000)
        assert "Tẩn Thị Mẫu" in page.locator(".sb-search-result a").first.inner_text()
        assert page.evaluate("window.__violations") == []

        page.goto(base + "en/thu-vien-anh/phong-canh-minh-hoa/")
        page.locator("a.sb-gallery__link").first.click()
        assert page.locator("dialog.sb-lightbox").evaluate("d => d.open")
        page.keyboard.press("ArrowRight")
        page.keyboard.press("Escape")
        assert page.evaluate("window.__violations") == []

        page.goto(base + "dong-thoi-gian/")
        all_items = page.locator(".sb-timeline li:visible").count()
        page.click("button[data-field='kinh-te']")
        assert 0 < page.locator(".sb-timeline li:visible").count() < all_items
        assert page.evaluate("window.__violations") == []
        assert problems == []

        # the control: an inline script is blocked, and the listener above sees it
        assert page.evaluate(CONTROL) is False
        assert any(v.startswith("script-src") for v in page.evaluate("window.__violations"))
    finally:
        page.close()


def test_the_meta_policy_alone_blocks_an_inline_script(browser, bundled) -> None:
    """A host that sends no header (GitHub Pages): the page's own meta element protects it."""
    with serve(bundled.site) as url:
        page, problems = watched(browser)
        try:
            page.goto(url + "en/")
            assert page.evaluate("window.__violations") == [] and problems == []
            assert page.evaluate(CONTROL) is False
            assert any(v.startswith("script-src") for v in page.evaluate("window.__violations"))
        finally:
            page.close()


def test_the_web_editor_starts_under_its_own_policy(browser, nginx_urls) -> None:
    """Decap CMS compiles its configuration's schema with eval: its page has a policy of its
    own, and starts under it (to its login screen: nginx serves no back end)."""
    page, _ = watched(browser)
    try:
        page.goto(nginx_urls["http"] + "admin/")
        page.wait_for_selector("button", timeout=20000)
        assert "Error loading the CMS configuration" not in page.inner_text("body")
        assert page.evaluate("window.__violations") == []
    finally:
        page.close()


def test_the_preview_keeps_its_live_reload(make_site) -> None:
    """`site-builder serve` reloads pages by an inline script MkDocs adds: its pages carry no
    policy (the preview is never published; the built site is)."""
    import socket
    import subprocess
    import sys

    from conftest import fetch, wait_for

    site = make_site()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    command = [sys.executable, "-m", "site_builder", "serve", "--port", str(port)]
    server = subprocess.Popen(command, cwd=site.root, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)  # fmt: skip
    try:
        url = f"http://127.0.0.1:{port}/gioi-thieu/"
        assert wait_for(lambda: "Giới thiệu" in fetch(url))
        page = fetch(url)
        assert "livereload" in page  # MkDocs' inline script
        assert "Content-Security-Policy" not in page
    finally:
        server.terminate()
        server.wait(timeout=20)
    assert site.build().code == 0
    assert f'content="{security.PAGES}"' in site.read("gioi-thieu/index.html")
