"""Publishing: the shipped nginx configuration over a built site, and the CI workflow."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent


def nginx() -> str:
    """Debian's nginx; without it the test fails with one line naming the package."""
    found = shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin:/sbin")
    if found is None or not Path("/etc/nginx/mime.types").is_file():
        pytest.fail("nginx not found (Debian: apt-get install nginx-light)", pytrace=False)
    return found


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def head(url: str) -> tuple[int, dict[str, str]]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 (local server)
            return response.status, dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers)


@contextlib.contextmanager
def nginx_serving(site: Path, tmp_path: Path) -> Iterator[str]:
    """Serve `site` with the shipped deploy/nginx.conf on 127.0.0.1; yield its address."""
    command = nginx()
    port = free_port()
    server = (ROOT / "deploy" / "nginx.conf").read_text(encoding="utf-8")
    server = server.replace("listen 80;", f"listen 127.0.0.1:{port};")
    server = server.replace("root /var/www/tam-duong/site;", f"root {site};")
    (tmp_path / "logs").mkdir(parents=True)
    conf = tmp_path / "nginx.conf"
    user = "user root;" if os.geteuid() == 0 else ""  # pytest's folders are private to us
    conf.write_text(f"""
{user}
pid {tmp_path}/nginx.pid;
error_log {tmp_path}/logs/error.log;
daemon off;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path {tmp_path}/body; proxy_temp_path {tmp_path}/proxy;
    fastcgi_temp_path {tmp_path}/fastcgi; uwsgi_temp_path {tmp_path}/uwsgi;
    scgi_temp_path {tmp_path}/scgi;
    {server}
}}
""", encoding="utf-8")  # fmt: skip
    process = subprocess.Popen([command, "-c", str(conf), "-p", str(tmp_path)],
                               stderr=subprocess.PIPE)  # fmt: skip
    base = f"http://127.0.0.1:{port}/"
    try:
        for _ in range(50):
            try:
                head(base)
                break
            except OSError:
                time.sleep(0.1)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)


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
