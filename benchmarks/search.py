"""Measure the site's search against plain Pagefind on the same pages (issue #34).

    .venv/bin/python benchmarks/search.py [--news 2000] [--out DIR] [--json FILE]

Builds the bundled content plus `--news` synthetic news items (`generate.py`) with
`site-builder build`, then makes a copy of the built pages without the site's search
additions (the hidden or meta "helper" words and weights it adds) and indexes that copy with
Pagefind's defaults: the baseline. In headless Chromium, served on 127.0.0.1, every query of
`search_queries.yml` runs through the site's own search (the search page's `sbSearch`, the
same options its Pagefind UI uses; Pagefind's defaults where the page has none) and through
plain Pagefind. Reported per language, per class and per way of typing: hits in the top 5
and the mean reciprocal rank (the rank among the first 10 results; 0 beyond). Then the size
of the search bundle and the bytes (as served, gzip) a visitor downloads to run a first and
then a second query on the search page, through the page's own search box.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from importlib import metadata
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "benchmarks")]
from generate import generate  # noqa: E402

from browser import ARGS, chromium_path, serve  # noqa: E402

QUERIES = Path(__file__).with_name("search_queries.yml")
DEPTH = 10  # results ranked for the reciprocal rank
FIRST, SECOND = "tan thi mau", "chuong trinh phat thanh"  # the two queries whose bytes count

# What the site adds to a page for search, removed for the baseline: hidden helper text,
# helper metadata and weights (the body marker stays: it says which pages are indexed).
HELPERS = [
    re.compile(r'<span hidden class="sb-[a-z]+">[^<]*</span>'),
    re.compile(r'\sdata-pagefind-meta="sb[^"]*"'),
    re.compile(r'\sdata-sb-[a-z]+="[^"]*"'),
    re.compile(r'\sdata-pagefind-weight="[^"]*"'),
]

OURS = """async ([query, depth]) => {
  let urls;
  if (window.sbSearch) {
    urls = await window.sbSearch(query, depth);
  } else {
    const pagefind = await import("/pagefind/pagefind.js");
    const found = await pagefind.search(query);
    const data = await Promise.all(found.results.slice(0, depth).map(r => r.data()));
    urls = data.map(d => d.url);
  }
  return urls;
}"""

PLAIN = """async ([query, depth]) => {
  const pagefind = await import("/pagefind/pagefind.js");
  const found = await pagefind.search(query);
  const data = await Promise.all(found.results.slice(0, depth).map(r => r.data()));
  return data.map(d => d.url);
}"""

# Type a query into the page's own search box and wait until its results are shown.
TYPE = """async (query) => {
  const input = document.querySelector("#sb-search-input, .pagefind-ui__search-input");
  input.value = query;
  input.dispatchEvent(new Event("input", {bubbles: true}));
  for (let i = 0; i < 300; i++) {
    await new Promise(r => setTimeout(r, 50));
    const message = document.querySelector("#sb-search [role=status], .pagefind-ui__message");
    const shown = document.querySelectorAll(".sb-search-result a, .pagefind-ui__result-link");
    if (message && message.textContent.includes(query) && shown.length) return shown.length;
  }
  return 0;
}"""


def strip_helpers(site: Path, plain: Path) -> None:
    """Copy `site` to `plain` with the site's search additions removed from every page."""
    shutil.copytree(site, plain, ignore=shutil.ignore_patterns("pagefind"))
    for page in plain.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        bare = text
        for pattern in HELPERS:
            bare = pattern.sub("", bare)
        if bare != text:
            page.write_text(bare, encoding="utf-8")
    command = [sys.executable, "-m", "pagefind", "--site", str(plain), "--quiet"]
    done = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603
    if done.returncode:
        raise SystemExit(done.stderr)


def bundle_size(site: Path) -> tuple[int, int]:
    """Bytes of the search bundle on disk: raw, and gzip as a server sends the text files."""
    files = [f for f in (site / "pagefind").rglob("*") if f.is_file()]
    raw = sum(f.stat().st_size for f in files)
    served = sum(f.stat().st_size if _compressed(f.name) else len(gzip.compress(f.read_bytes(), 9))
                 for f in files)  # fmt: skip
    return raw, served


def _compressed(name: str) -> bool:
    return name.endswith((".pf_index", ".pf_fragment", ".pf_meta", ".pf_filter", ".pagefind"))


def rank(urls: list[str], expected: str) -> int:
    """1-based rank of the expected page, 0 when absent."""
    return urls.index(expected) + 1 if expected in urls else 0


def run_queries(page, script: str, table: list[dict]) -> list[dict]:
    rows = []
    for item in table:
        urls = page.evaluate(script, [item["q"], DEPTH])
        rows.append({**item, "rank": rank(urls, item["url"]), "top": urls[:5]})
    return rows


def summarise(rows: list[dict]) -> dict:
    """Top-5 hits and MRR over all rows, per class and per way of typing."""

    def figures(group: list[dict]) -> dict:
        hits = sum(1 for r in group if 0 < r["rank"] <= 5)
        mrr = sum(1 / r["rank"] for r in group if r["rank"]) / len(group)
        return {"n": len(group), "top5": hits, "mrr": round(mrr, 3)}

    out: dict = {"all": figures(rows), "class": {}, "typed": {}}
    for key in ("class", "typed"):
        groups: dict[str, list[dict]] = defaultdict(list)
        for r in rows:
            groups[r[key]].append(r)
        out[key] = {name: figures(g) for name, g in sorted(groups.items())}
    return out


def downloads(browser, url: str) -> tuple[int, int]:
    """Bytes (as served) of search files fetched for a first query, then for a second one."""
    context = browser.new_context()
    page = context.new_page()
    total = [0]

    def response(resp) -> None:
        path = resp.url.split("://", 1)[1].split("/", 1)[1].split("?")[0]
        if not path.startswith("pagefind/") or resp.status >= 300:
            return
        body = resp.body()
        total[0] += len(body) if _compressed(path) else len(gzip.compress(body, 9))

    context.on("response", response)  # the search worker's requests too
    page.goto(url + "tim-kiem/", wait_until="networkidle")
    page.wait_for_selector("#sb-search-input, .pagefind-ui__search-input")
    page.evaluate(TYPE, FIRST)  # counted with the UI's script and style, loaded with the page
    page.wait_for_load_state("networkidle")
    first = total[0]
    page.evaluate(TYPE, SECOND)
    page.wait_for_load_state("networkidle")
    second = total[0] - first
    context.close()
    return first, second


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--news", type=int, default=2000)
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "sb-search")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    queries = yaml.safe_load(QUERIES.read_text(encoding="utf-8"))
    project = generate(args.out, args.news, 2022)
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "site_builder", "build"], cwd=project, check=True,
                   capture_output=True)  # fmt: skip
    build_seconds = time.perf_counter() - started
    site, plain = project / "site", project / "plain"
    shutil.rmtree(plain, ignore_errors=True)
    strip_helpers(site, plain)
    results: dict = {"news_items": args.news, "pagefind": metadata.version("pagefind"),
                     "build_seconds": round(build_seconds, 1)}  # fmt: skip
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=ARGS)
        for name, folder, script in (("site", site, OURS), ("plain", plain, PLAIN)):
            with serve(folder) as url:
                page = browser.new_page()
                rows = []
                for lang, prefix in (("vi", ""), ("en", "en/")):
                    page.goto(url + prefix + "tim-kiem/", wait_until="networkidle")
                    for row in run_queries(page, script, queries[lang]):
                        rows.append({**row, "lang": lang})
                page.close()
                first, second = downloads(browser, url)
            results[name] = {
                "vi": summarise([r for r in rows if r["lang"] == "vi"]),
                "en": summarise([r for r in rows if r["lang"] == "en"]),
                "bundle_bytes": bundle_size(folder),
                "first_query_bytes": first,
                "second_query_bytes": second,
                "rows": rows,
            }
        browser.close()
    report(results)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")
    return 0


def report(results: dict) -> None:
    site, plain = results["site"], results["plain"]
    print(f"{results['news_items']} synthetic news items + bundled content; "
          f"Pagefind {results['pagefind']}")  # fmt: skip
    print(f"{'':34}{'site top5':>10}{'site MRR':>9}{'plain top5':>11}{'plain MRR':>10}")
    for lang in ("vi", "en"):
        groups = [("all", site[lang]["all"], plain[lang]["all"])]
        for key in ("class", "typed"):
            groups += [(f"{key} {n}", f, plain[lang][key][n]) for n, f in site[lang][key].items()]
        for label, s, p in groups:
            print(f"{lang + ' ' + label:34}{s['top5']:>6}/{s['n']:<3}{s['mrr']:>9.3f}"
                  f"{p['top5']:>7}/{p['n']:<3}{p['mrr']:>10.3f}")  # fmt: skip
    for label, key in (("bundle on disk (raw, served)", "bundle_bytes"),):
        print(f"{label:34}site {site[key][0] / 1e6:.2f} MB, {site[key][1] / 1e6:.2f} MB; "
              f"plain {plain[key][0] / 1e6:.2f} MB, {plain[key][1] / 1e6:.2f} MB")  # fmt: skip
    for label, key in (
        ("first query", "first_query_bytes"),
        ("then a second", "second_query_bytes"),
    ):
        print(f"{label + ' downloads':34}site {site[key] / 1e3:.0f} KB; "
              f"plain {plain[key] / 1e3:.0f} KB")  # fmt: skip
    misses = [r for r in site["rows"] if r["rank"] != 1]
    print(f"site: {len(misses)} queries whose page is not first:")
    for r in misses:
        print(f"  [{r['lang']} {r['class']}/{r['typed']}] {r['q']!r} -> {r['url']} "
              f"rank {r['rank'] or '-'}; top {r['top'][:3]}")  # fmt: skip


if __name__ == "__main__":
    raise SystemExit(main())
