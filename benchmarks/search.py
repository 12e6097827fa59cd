"""Compare Material's search and Pagefind on the bundled content plus a synthetic archive.

    .venv/bin/python benchmarks/search.py [--news 2000] [--json FILE]

Builds one site with both engines (Material's search plugin switched on for the
measurement), then in headless Chromium: result quality on the hand-written query table of
tests/test_search.py (expected page among the first three), index size on disk, and the
bytes a first-time visitor downloads to run one search (gzip sizes, as a server sends).
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "benchmarks")]
from generate import generate  # noqa: E402
from test_search import ENGLISH, QUERIES  # noqa: E402

from browser import ARGS, CHROMIUM, SEARCH, serve  # noqa: E402


def disk(paths: list[Path]) -> tuple[int, int]:
    files = [f for p in paths for f in ([p] if p.is_file() else p.rglob("*")) if f.is_file()]
    raw = sum(f.stat().st_size for f in files)
    return raw, sum(len(gzip.compress(f.read_bytes(), 9)) for f in files)


def material_top(page, query: str) -> list[str]:
    page.fill(".md-search__input", query)
    page.wait_for_timeout(700)  # the worker answers asynchronously
    links = page.eval_on_selector_all(
        ".md-search-result__link", "els => els.slice(0, 3).map(e => new URL(e.href).pathname)"
    )
    return links  # fmt: skip


def measure(browser, url: str, load: str, run, prefixes: tuple[str, ...]) -> int:
    """Gzip bytes of the search files a fresh visitor downloads to run one query."""
    context = browser.new_context()
    page = context.new_page()
    total = [0]

    def response(resp) -> None:
        path = resp.url.split("://", 1)[1].split("/", 1)[1].split("?")[0]
        if not path.startswith(prefixes) or resp.status >= 300:
            return
        body = resp.body()
        compressed = path.endswith((".pf_index", ".pf_fragment", ".pf_meta", ".pagefind"))
        total[0] += len(body) if compressed else len(gzip.compress(body, 9))  # as served

    context.on("response", response)  # also the search worker's requests
    page.goto(url + load, wait_until="networkidle")
    run(page)
    page.wait_for_timeout(800)
    context.close()
    return total[0]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--news", type=int, default=2000)
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "sb-search")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    project = generate(args.out, args.news, 2022)
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text().replace("  - site-builder", "  - site-builder\n  - search")
    )
    subprocess.run([sys.executable, "-m", "site_builder", "build"], cwd=project, check=True,
                   capture_output=True)  # fmt: skip
    site = project / "site"
    results: dict = {"news_items": args.news, "queries": len(QUERIES) + len(ENGLISH)}
    results["material_index_bytes"] = disk([site / "search", site / "en" / "search"])
    results["pagefind_index_bytes"] = disk([site / "pagefind"])
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright, serve(site) as url:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        hits = {"material": 0, "pagefind": 0}
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        for prefix, table in (("", QUERIES), ("en/", ENGLISH)):
            page.goto(url + prefix + "tim-kiem/", wait_until="networkidle")
            for query, expected in table:
                hits["pagefind"] += expected in page.evaluate(SEARCH, query)
            page.goto(url + prefix, wait_until="networkidle")
            page.fill(".md-search__input", "x")
            page.wait_for_timeout(3000)  # let Material's worker build its index first
            for query, expected in table:
                hits["material"] += expected in material_top(page, query)
        results["found_in_top_3"] = hits
        # Material's worker downloads its script, lunr with the Vietnamese plugin and the whole
        # JSON index (counted from the files: a worker's requests are not reported reliably).
        scripts = site / "assets" / "javascripts"
        lunr = scripts / "lunr" / "min"
        material = [*scripts.glob("workers/search.*.min.js"), site / "search" / "search_index.json",
                    lunr / "lunr.stemmer.support.min.js", lunr / "lunr.vi.min.js"]  # fmt: skip
        results["bytes_for_one_search"] = {
            "material": disk(material)[1],
            "pagefind": measure(browser, url, "tim-kiem/",
                                lambda p: p.evaluate(SEARCH, "tam duong"), ("pagefind/",)),
        }  # fmt: skip
        browser.close()
    n = results["queries"]
    print(f"{args.news} synthetic news items + bundled content; {n} hand-written queries")
    print(f"{'':26}{'Material (lunr)':>18}{'Pagefind':>14}")
    print(f"{'expected page in top 3':26}{hits['material']:>15}/{n}{hits['pagefind']:>11}/{n}")
    m_gz = results["material_index_bytes"][1]
    p_gz = results["pagefind_index_bytes"][1]
    print(f"{'index on disk (gzip)':26}{m_gz / 1e6:>15.2f} MB{p_gz / 1e6:>11.2f} MB")
    b = results["bytes_for_one_search"]
    print(
        f"{'bytes for one search':26}{b['material'] / 1e3:>15.0f} KB{b['pagefind'] / 1e3:>11.0f} KB"
    )
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
