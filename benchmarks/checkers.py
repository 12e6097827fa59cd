"""The web's checkers on the bundled site: the Nu Html Checker and Lighthouse (mobile).

    .venv/bin/python benchmarks/checkers.py [--site DIR] [--runs 3] [--json FILE]
        [--lighthouse PATH] [--vnu PATH/vnu.jar] [--only PATH ...]

Builds the bundled content (or takes a built `--site`), serves it through the shipped
deploy/nginx.conf (gzip on) on 127.0.0.1, runs the Nu Html Checker over every page but the
web editor's, and Lighthouse's default mobile run `--runs` times on the home page and one
page of each kind in both languages, reporting the median score of each category and the
runs' LCP. Neither tool is a dependency of the project: install them outside it, e.g.

    mkdir -p /tmp/lh && cd /tmp/lh && npm install lighthouse vnu-jar

and point `--lighthouse` at `/tmp/lh/node_modules/.bin/lighthouse`, `--vnu` at
`/tmp/lh/node_modules/vnu-jar/build/dist/vnu.jar` (Java 17 runs it). Chromium is Debian's
(`CHROME_PATH`, default /usr/bin/chromium). Lighthouse's performance score depends on the
machine's speed (it reports it as `benchmarkIndex`): compare runs of one machine only.
"""
# ruff: noqa: S603, S607, S108 (runs the tools named on its command line, from /tmp/lh by default)

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tests")]
from nginx_server import shipped_nginx  # noqa: E402

# The home page and one page of each kind (the English path is the same under en/).
KINDS = {
    "home": "",
    "about": "gioi-thieu/",
    "plan": "ke-hoach/",
    "fields": "thanh-tuu/",
    "field": "thanh-tuu/kinh-te/",
    "timeline": "dong-thoi-gian/",
    "exemplars": "guong-dien-hinh/",
    "exemplar": "guong-dien-hinh/sung-thi-thu/",
    "honour roll": "khen-thuong/",
    "news": "tin-tuc/",
    "news item": "tin-tuc/le-ky-niem-20-nam/",
    "news tag": "tin-tuc/the/ocop/",
    "albums": "thu-vien-anh/",
    "album": "thu-vien-anh/phong-canh-minh-hoa/",
    "programmes": "phat-thanh/",
    "search": "tim-kiem/",
}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def build(folder: Path) -> Path:
    """The bundled content as it would be published: with the demonstration setting off (a
    demonstration keeps its sample pages from search engines, which Lighthouse's SEO audit
    would count against every sample page)."""
    project, site = folder / "project", folder / "site"
    for name in ("content", "templates", "assets"):
        shutil.copytree(ROOT / name, project / name)
    shutil.copy2(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    settings = project / "content" / "site.yml"
    text = settings.read_text(encoding="utf-8")
    assert "\ndemonstration: true\n" in text, "content/site.yml: the demonstration setting moved"
    settings.write_text(text.replace("\ndemonstration: true\n", "\ndemonstration: false\n"),
                        encoding="utf-8")  # fmt: skip
    subprocess.run([sys.executable, "-m", "site_builder", "build", "--site-dir", str(site),
                    "--radio-dir", str(folder / "radio")], cwd=project, check=True)  # fmt: skip
    return site


def vnu(jar: str, site: Path) -> dict:
    """Errors of the Nu Html Checker over every page but the web editor's."""
    pages = sorted(str(p) for p in site.rglob("*.html") if "admin" not in p.relative_to(site).parts)
    version = subprocess.run(["java", "-jar", jar, "--version"], capture_output=True, text=True)
    found = subprocess.run(["java", "-jar", jar, "--errors-only", "--format", "json", *pages],
                           capture_output=True, text=True)  # fmt: skip
    messages = json.loads(found.stderr or '{"messages": []}')["messages"]
    errors = [m for m in messages if m.get("type") == "error"]
    return {"version": version.stdout.strip(), "pages": len(pages), "errors": len(errors),
            "messages": sorted({m["message"] for m in errors})}  # fmt: skip


def lighthouse(command: str, url: str) -> dict:
    """One default (mobile) Lighthouse run: the category scores, LCP and the machine's speed."""
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    out = subprocess.run([command, url, "--quiet", "--output=json", "--output-path=stdout",
                          "--chrome-flags=--headless --no-sandbox",
                          f"--only-categories={','.join(CATEGORIES)}"],
                         capture_output=True, text=True, env=env, check=True)  # fmt: skip
    report = json.loads(out.stdout)
    scores = {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES}
    failed = sorted(
        key for key, audit in report["audits"].items()
        if audit.get("scoreDisplayMode") == "binary" and audit.get("score") == 0
    )  # fmt: skip
    return {**scores, "lcp": report["audits"]["largest-contentful-paint"]["numericValue"] / 1000,
            "benchmark": report["environment"]["benchmarkIndex"], "failed": failed,
            "version": report["lighthouseVersion"]}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build the bundled)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--lighthouse", default="/tmp/lh/node_modules/.bin/lighthouse")
    parser.add_argument("--vnu", default="/tmp/lh/node_modules/vnu-jar/build/dist/vnu.jar")
    parser.add_argument("--only", nargs="*", help="these paths instead of one page of each kind")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))  # stop nginx on the way out
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site or build(Path(tmp))
        figures: dict = {"vnu": vnu(args.vnu, site) if Path(args.vnu).is_file() else None}
        print("Nu Html Checker:", figures["vnu"], flush=True)
        paths = args.only or [prefix + p for p in KINDS.values() for prefix in ("", "en/")]
        figures["lighthouse"] = {}
        with shipped_nginx(site, Path(tmp)) as urls:
            for path in paths:
                runs = [lighthouse(args.lighthouse, urls["http"] + path) for _ in range(args.runs)]
                median = {c: statistics.median(r[c] for r in runs) for c in CATEGORIES}
                figures["lighthouse"][path] = {"median": median, "runs": runs}
                scores = " / ".join(f"{median[c]:g}" for c in CATEGORIES)
                lcp = ", ".join(f"{r['lcp']:.1f}" for r in runs)
                failed = sorted({f for r in runs for f in r["failed"]})
                print(f"/{path}: {scores} (LCP {lcp} s; benchmarkIndex "
                      f"{', '.join(str(round(r['benchmark'])) for r in runs)}) {failed or ''}",
                      flush=True)  # fmt: skip
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
