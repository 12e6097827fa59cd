"""Publishing: the shipped nginx configuration over a built site, and the CI workflow."""

from __future__ import annotations

import contextlib
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import yaml
from nginx_server import head, shipped_nginx

ROOT = Path(__file__).resolve().parent.parent


@contextlib.contextmanager
def nginx_serving(site: Path, folder: Path) -> Iterator[str]:
    """Serve `site` with the shipped deploy/nginx.conf on 127.0.0.1; yield its address."""
    folder.mkdir(parents=True, exist_ok=True)
    with shipped_nginx(site, folder) as urls:
        yield urls["http"]


def test_nginx_serves_the_site_with_types_and_cache_headers(bundled, tmp_path) -> None:
    with nginx_serving(bundled.site, tmp_path) as base:
        served(bundled, base)


def served(bundled, base: str) -> None:
    try:
        status, headers = head(base)
        assert status == 200 and headers["Content-Type"] == "text/html; charset=utf-8"
        assert headers["Cache-Control"] == "no-cache"
        webp = next((bundled.site / "anh").glob("*.webp")).name
        status, headers = head(base + "anh/" + webp)
        assert (status, headers["Content-Type"]) == (200, "image/webp")
        assert headers["Cache-Control"] == "public, max-age=31536000, immutable"
        for path, kind in (("tin-tuc/rss.xml", "application/rss+xml"),
                           ("en/tin-tuc/atom.xml", "application/atom+xml"),
                           ("pagefind/pagefind-entry.json", "application/json")):  # fmt: skip
            status, headers = head(base + path)
            assert status == 200 and headers["Content-Type"].startswith(kind), path
            assert headers["Cache-Control"] == "public, max-age=3600", path
        status, headers = head(base + "fonts/be-vietnam-pro-regular.woff2")
        assert (status, headers["Content-Type"]) == (200, "font/woff2")
        with urllib.request.urlopen(base + "en/no-such-page/") as _:  # noqa: S310
            raise AssertionError("expected a 404")
    except urllib.error.HTTPError as error:
        assert error.code == 404
        body = error.read().decode("utf-8")
        assert '<html lang="en"' in body  # the English 404 page under /en/


def test_nginx_keeps_the_published_editor_out_of_search_engines(make_site, tmp_path) -> None:
    """#32: the public site carries /admin/ only with a git host to save to; then it is
    served never indexed, and never cached stale."""
    site = make_site(editor=True)
    settings = (site.root / "content/site.yml").read_text(encoding="utf-8")
    cms = "cms:\n  backend: gitlab\n  repo: ttvh/tam-duong\n  app_id: gl-app-1234\n"
    site.write("content/site.yml", settings + cms)
    assert site.build().code == 0
    with nginx_serving(site.site, tmp_path / "nginx") as base:
        for path, kind in (("admin/", "text/html"), ("admin/config.yml", "text/yaml"),
                           ("admin/decap/decap-cms.js", "application/javascript")):  # fmt: skip
            status, headers = head(base + path)
            assert status == 200 and headers["Content-Type"].startswith(kind), path
            assert headers["X-Robots-Tag"] == "noindex, nofollow", path
            assert headers["Cache-Control"] == "no-cache", path


def test_root_404_is_vietnamese(bundled) -> None:
    assert '<html lang="vi"' in bundled.read("404.html")
    assert '<html lang="en"' in bundled.read("en/404.html")


def test_workflow_checks_merge_requests_and_publishes_main() -> None:
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "site.yml").read_text())
    triggers = workflow[True] if True in workflow else workflow["on"]  # YAML 1.1 reads "on" as True
    assert "pull_request" in triggers and triggers["push"]["branches"] == ["main"]
    check, publish = workflow["jobs"]["check"], workflow["jobs"]["publish"]
    assert "pull_request" in check["if"]
    assert any("site-builder check --strict" in step.get("run", "") for step in check["steps"])
    assert "refs/heads/main" in publish["if"]
    runs = " ".join(step.get("run", "") for step in publish["steps"])
    uses = [step.get("uses", "") for step in publish["steps"]]
    assert "site-builder build --publish --strict" in runs  # the publish gate
    assert any(u.startswith("actions/upload-pages-artifact") for u in uses)
    assert any(u.startswith("actions/deploy-pages") for u in uses)
    cached = [s for s in publish["steps"] if s.get("uses", "").startswith("actions/cache")]
    assert cached and cached[0]["with"]["path"] == ".cache/site-builder"
    assert uses.index(cached[0]["uses"]) < next(
        i for i, step in enumerate(publish["steps"]) if "site-builder build" in step.get("run", "")
    )  # restored before the build


def readme_commands() -> list[str]:
    """The command lines of the README's set-up (its first `sh` block)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("```sh\n", 1)[1].split("```", 1)[0]
    return [line for line in block.splitlines() if line.strip() and not line.startswith("#")]


def test_ci_runs_the_readme_test_command_verbatim() -> None:
    build, test = readme_commands()  # exactly two: one builds, one runs the tests
    assert build.endswith("site-builder build") and test.endswith("python -m pytest")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert [line.removesuffix(" \\") for line in ci.splitlines()].count(test) == 1
    for command in (build, test):  # a bare Debian gets its packages from the first step
        assert command.split(" && ")[0].startswith("sh .ci/debian-packages")
