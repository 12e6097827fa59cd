"""Issue #32, §2: the web editor on the public site, saving to a git host that
`content/site.yml` names (GitLab, Forgejo, Gitea, GitHub), in Debian's Chromium.

Each host's sign-in is clicked, and the request it starts is caught before it leaves the
machine: its address, client id and redirect are those the settings give."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from site_builder.checks import load_content
from site_builder.cms import config as cms_config

from browser import serve

YEARS = range(2002, 2023)
SCREENSHOTS = os.environ.get("SITE_BUILDER_SCREENSHOTS")  # docs/img/ when refreshing the guide

# Decap's configuration error, before (English) and after its locale is known
CONFIG_ERRORS = ("Config Errors", "Error loading the CMS configuration", "Lỗi cấu hình")
# host kind → (the `cms:` block of site.yml, the button, the authorize address, its query)
HOSTS = {
    "gitlab": (
        "cms:\n  backend: gitlab\n  repo: ttvh/tam-duong\n  app_id: gl-app-1234\n",
        "Đăng nhập bằng GitLab",
        "https://gitlab.com/oauth/authorize",
        {"client_id": "gl-app-1234", "response_type": "code", "scope": "api",
         "code_challenge_method": "S256"},
    ),
    "gitlab-self-hosted": (
        "cms:\n  backend: gitlab\n  repo: ttvh/tam-duong\n  app_id: gl-app-1234\n"
        "  api_root: https://git.tamduong.test/api/v4\n",
        "Đăng nhập bằng GitLab",
        "https://git.tamduong.test/oauth/authorize",
        {"client_id": "gl-app-1234", "response_type": "code", "code_challenge_method": "S256"},
    ),
    "forgejo": (
        "cms:\n  backend: forgejo\n  repo: ttvh/tam-duong\n  app_id: fj-client-5678\n"
        "  api_root: https://code.tamduong.test/api/v1\n",
        "Đăng nhập bằng Forgejo",  # Decap's Vietnamese lacks it: completed by cms/locale.py
        "https://code.tamduong.test/login/oauth/authorize",
        {"client_id": "fj-client-5678", "response_type": "code", "code_challenge_method": "S256"},
    ),
    "gitea": (
        "cms:\n  backend: gitea\n  repo: ttvh/tam-duong\n  app_id: gt-client-9012\n"
        "  api_root: https://gitea.tamduong.test/api/v1\n",
        "Đăng nhập bằng Gitea",
        "https://gitea.tamduong.test/login/oauth/authorize",
        {"client_id": "gt-client-9012", "response_type": "code", "code_challenge_method": "S256"},
    ),
    "github": (  # GitHub signs in through an OAuth service, which holds the client id
        "cms:\n  backend: github\n  repo: ttvh/tam-duong\n  base_url: https://oauth.tamduong.test\n",
        "Đăng nhập bằng GitHub",
        "https://oauth.tamduong.test/auth",
        {"provider": "github", "scope": "repo"},
    ),
}  # fmt: skip


def hosted_site(make_site, host: str):
    """A tiny site whose editor saves to `host`, built as for publication."""
    site = make_site(editor=True)
    settings = (site.root / "content/site.yml").read_text(encoding="utf-8")
    site.write("content/site.yml", settings + HOSTS[host][0])
    result = site.build()
    assert result.code == 0, [p.format("en") for p in result.problems]
    return site


@pytest.mark.parametrize("host", ["gitlab", "forgejo", "gitea", "github"])
def test_a_hosted_site_carries_its_editor_configured_for_the_host(make_site, host) -> None:
    site = hosted_site(make_site, host)
    page = site.read("admin/index.html")
    assert '<meta name="robots" content="noindex, nofollow">' in page
    config = yaml.safe_load(site.read("admin/config.yml"))
    settings = load_content(site.root)[0].site
    assert config == cms_config.config(settings, YEARS, local=False)  # type: ignore[arg-type]
    assert config["backend"]["name"] == host and config["backend"]["repo"] == "ttvh/tam-duong"
    init = site.read("admin/init.js")
    assert "local_backend" not in init and "CMS.init();" in init
    assert not site.exists("en/admin")
    assert "/admin/" not in site.read("sitemap.xml")
    reviewed = host != "gitea"  # Decap's Gitea back end has no editorial workflow
    assert (config.get("publish_mode") == "editorial_workflow") == reviewed
    news = next(c for c in config["collections"] if c["name"] == "news")
    draft = next(f for f in news["fields"] if f["name"] == "draft")
    if reviewed:  # Decap's own "Bản nháp" column is the review's: ours is relabelled
        assert draft["label"] == "Giữ lại, chưa đăng" and "Bản nháp" in draft["hint"]
    else:
        assert draft["label"] == "Bản nháp"
        assert config["backend"]["branch"] == "bien-tap"  # saves go to the editing branch


def test_backends_get_what_their_sign_in_needs() -> None:
    """The settings each host's sign-in reads in Decap 3.16 (see the bundle's sources)."""
    from site_builder.content import model

    def backend(**cms: str) -> dict:
        from test_web_editor import site_settings

        site = site_settings(cms=model.CmsSettings(repo="o/r", **cms))  # type: ignore[arg-type]
        return cms_config.config(site, YEARS, local=False)["backend"]

    assert backend(backend="gitlab", app_id="a") == {
        "name": "gitlab", "repo": "o/r", "branch": "main", "app_id": "a", "auth_type": "pkce",
    }  # fmt: skip
    assert backend(backend="forgejo", app_id="a", api_root="https://f.test/api/v1/") == {
        "name": "forgejo", "repo": "o/r", "branch": "main", "app_id": "a",
        "api_root": "https://f.test/api/v1",
    }  # fmt: skip
    assert backend(backend="gitea", app_id="a", api_root="https://g.test/api/v1") == {
        "name": "gitea", "repo": "o/r", "branch": "bien-tap", "app_id": "a",
        "api_root": "https://g.test/api/v1", "base_url": "https://g.test",
    }  # fmt: skip
    assert backend(backend="github", base_url="https://o.test") == {
        "name": "github", "repo": "o/r", "branch": "main", "base_url": "https://o.test",
    }  # fmt: skip


@pytest.mark.parametrize(
    ("cms", "expected"),
    [
        (
            "cms:\n  backend: github\n  repo: ttvh/tam-duong\n",
            "content/site.yml:13:12: error: 'cms.base_url': the web editor on 'github' needs "
            "'base_url', which is not given (hint: GitHub signs in only through an OAuth "
            "service of your own",
        ),
        (
            "cms:\n  backend: forgejo\n  repo: ttvh/tam-duong\n  app_id: x\n",
            "content/site.yml:13:12: error: 'cms.api_root': the web editor on 'forgejo' needs "
            "'api_root', which is not given (hint: the Forgejo server's API address",
        ),
        (
            "cms:\n  backend: gitlab\n  repo: ttvh/tam-duong\n",
            "content/site.yml:13:12: error: 'cms.app_id': the web editor on 'gitlab' needs "
            "'app_id', which is not given (hint: create an OAuth application in GitLab",
        ),
        (
            "cms:\n  backend: gitea\n  repo: o/r\n  app_id: x\n  api_root: https://g.test/api/v1\n"
            "  editing_branch: main\n",
            "content/site.yml:17:19: error: 'cms': on Gitea the web editor saves to its "
            "editing branch, but that is the published branch 'main'",
        ),
        (
            "cms:\n  backend: bitbucket\n  repo: o/r\n",
            "content/site.yml:13:12: error: 'cms.backend': 'bitbucket' is not a valid value "
            "(hint: choose one of: github, gitlab, forgejo, gitea)",
        ),
    ],
)
def test_check_refuses_a_back_end_that_could_not_sign_in(make_site, cms: str, expected) -> None:
    site = make_site()
    settings = (site.root / "content/site.yml").read_text(encoding="utf-8")
    site.write("content/site.yml", settings + cms)
    checked = site.cli("--lang", "en", "check")
    assert checked.returncode == 1
    assert checked.stdout.splitlines()[0].startswith(expected), checked.stdout


# In the browser ----------------------------------------------------------------------------


def shoot(page, name: str, tmp_path: Path) -> None:
    page.screenshot(path=str(tmp_path / name))
    if SCREENSHOTS:
        shutil.copy(tmp_path / name, Path(SCREENSHOTS) / name)


def open_editor(browser, url: str):
    """A new browser context on `url` whose requests off 127.0.0.1 are caught, never sent."""
    context = browser.new_context(viewport={"width": 1000, "height": 700}, locale="vi-VN")
    caught: list[str] = []
    own = urlsplit(url).netloc

    def route(route_) -> None:
        if urlsplit(route_.request.url).netloc == own:
            route_.continue_()
        else:
            caught.append(route_.request.url)
            route_.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.goto(url + "admin/", wait_until="networkidle")
    return context, page, caught


@pytest.mark.parametrize("host", list(HOSTS))
def test_sign_in_goes_to_the_host_with_the_configured_client_and_redirect(
    make_site, browser, tmp_path: Path, host: str
) -> None:
    site = hosted_site(make_site, host)
    _, button, authorize, query = HOSTS[host]
    with serve(site.site) as url:
        context, page, caught = open_editor(browser, url)
        try:
            sign_in = page.get_by_role("button", name=button)
            sign_in.wait_for()
            body = page.inner_text("body")
            assert not any(error in body for error in CONFIG_ERRORS), body
            assert caught == []  # nothing leaves the machine before sign-in
            if host == "gitlab":  # the guides show it
                shoot(page, f"web-editor-sign-in-{host}.png", tmp_path)
            elsewhere = lambda request: not request.url.startswith(url)  # noqa: E731
            with context.expect_event("request", elsewhere) as request:
                sign_in.click()  # GitHub: in a pop-up window; the others: this page
            sent_url = request.value.url
        finally:
            context.close()
    assert set(caught) <= {sent_url}  # caught by the route, never sent
    sent = urlsplit(sent_url)
    assert f"{sent.scheme}://{sent.netloc}{sent.path}" == authorize
    params = {k: v[0] for k, v in parse_qs(sent.query).items()}
    assert {k: params.get(k) for k in query} == query
    if host != "github":
        assert params["redirect_uri"] == url + "admin/"  # back to this very page
        assert json.loads(params["state"])["auth_type"] == "pkce"
        assert params["code_challenge"]


def test_a_configuration_decap_refuses_shows_its_error(make_site, browser) -> None:
    """The control of the check above: a configuration that Decap's own schema refuses
    (an unknown publish mode) shows its error, not a sign-in button. (In English: the
    language is a setting of the configuration it could not read.)"""
    site = hosted_site(make_site, "gitea")
    config = site.read("admin/config.yml") + "publish_mode: review-everything\n"
    (site.site / "admin/config.yml").write_text(config, encoding="utf-8")
    with serve(site.site) as url:
        context, page, _ = open_editor(browser, url)
        try:
            page.get_by_text(CONFIG_ERRORS[0]).first.wait_for()
            assert page.get_by_role("button", name="Đăng nhập bằng Gitea").count() == 0
        finally:
            context.close()


def test_the_published_editor_is_accessible_before_sign_in(make_site, browser) -> None:
    from test_reach import axe, serious

    site = hosted_site(make_site, "gitlab")
    with serve(site.site) as url:
        context, page, caught = open_editor(browser, url)
        try:
            page.get_by_role("button", name="Đăng nhập bằng GitLab").wait_for()
            result = axe(page)
            assert serious(result) == []
            assert len(result["passes"]) > 5  # axe ran and checked things
            assert page.evaluate("document.documentElement.lang") == "vi"
        finally:
            context.close()
    assert caught == []


# Phrases of Decap's English that its Vietnamese lacked (decap-cms 3.16.3), as an editor met
# them: "Add thẻ", "Copy Name" … Written by hand from the pages, not from the bundle.
ENGLISH = [
    "Add %{item}", "Copy Name", "Copy Path", "Copy URL", "Copy", "Copied", "Collapse",
    "Expand", "Close", "Bold", "Italic", "Link", "Headings", "Quote", "Bulleted List",
    "Numbered List", "Choose images", "Insert from URL", "Login with Forgejo", "View as",
    "Group by", "Unpublished Entries", "Set %{fieldLabel} to now",
]  # fmt: skip
# Leaves that read the same in both languages: a sign, a name, a placeholder alone.
SAME = {"＋ %{collectionLabel}", "Markdown", "%{details}", "%{date}"}
LEAVES = """() => {
  const leaves = (o, path, out) => {
    for (const [k, v] of Object.entries(o || {})) {
      const p = path ? path + "." + k : k;
      if (v && typeof v === "object") leaves(v, p, out); else out[p] = v;
    }
    return out;
  };
  const en = leaves(CMS.getLocale("en"), "", {}), vi = leaves(CMS.getLocale("vi"), "", {});
  // as Decap shows it: Vietnamese where it has it, else English
  return Object.keys(en).map(k => [k, k in vi ? vi[k] : en[k], en[k]]);
}"""


def english_left(page) -> tuple[set[str], set[str]]:
    """The known English phrases shown, and every phrase shown as in English."""
    shown = page.evaluate(LEAVES)
    values = {value for _, value, _ in shown}
    same = {value for _, value, english in shown if value == english}
    return {e for e in ENGLISH if e in values}, same - SAME


def test_the_vietnamese_interface_has_no_english_left(make_site, browser) -> None:
    site = hosted_site(make_site, "forgejo")
    with serve(site.site) as url:
        context, page, _ = open_editor(browser, url)
        try:
            page.get_by_role("button", name="Đăng nhập bằng Forgejo").wait_for()
            assert english_left(page) == (set(), set())
            assert page.get_by_text("Login with").count() == 0
        finally:
            context.close()
        # the control: Decap's own Vietnamese, without ours, shows those phrases
        context, page, _ = open_editor(browser, url)
        try:
            page.route("**/admin/init.js", lambda route: route.fulfill(body=""))
            page.goto(url + "admin/", wait_until="networkidle")
            known, same = english_left(page)
            assert known == set(ENGLISH) and same >= known
        finally:
            context.close()
