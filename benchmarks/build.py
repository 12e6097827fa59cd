"""Benchmark a whole build of a synthetic archive against plain MkDocs + Material.

    .venv/bin/python benchmarks/build.py [--news 2000] [--exemplars 500] [--milestones 60]
        [--photos 1000] [--photo-size 4000x3000] [--json FILE]

Generates the archive (generate.py), then reports cold (empty cache) and warm (nothing
changed: found up to date) builds, a build after a change that alters no page (a comment
in one file: every stage runs, every page comes from the cache) and a build after editing
one news item, each in a process of its own as `site-builder build` runs: wall time of the
build (and of its process, with start-up and imports), time per stage,
generated pages per second, milliseconds per page, peak RSS. The baseline is MkDocs +
Material with `navigation.prune` building the same number of pre-written Markdown pages,
one process per language in parallel. The ratio ours/baseline is the headline figure.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]
from generate import generate  # noqa: E402

BASELINE_CONFIG = """site_name: Baseline
docs_dir: docs
site_dir: {site}
theme:
  name: material
  language: {lang}
  font: false
  features: [navigation.prune]
plugins: []
"""


def pages_in(site: Path) -> int:
    return sum(1 for _ in site.rglob("index.html"))


def baseline_one(folder: Path, lang: str, count: int) -> float:
    docs = folder / "docs"
    (docs / "index.md").parent.mkdir(parents=True, exist_ok=True)
    (docs / "index.md").write_text("# Trang chủ\n")
    for n in range(count):  # in sections by year, so that navigation.prune can prune
        page = docs / "tin-tuc" / str(2003 + n % 20) / f"tin-{n:05d}" / "index.md"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(f"# Tin số {n}\n\n" + "Nội dung bài viết về huyện. " * 60 + "\n")
    (folder / "mkdocs.yml").write_text(BASELINE_CONFIG.format(site=folder / "site", lang=lang))
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=folder, check=True,
                   env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})  # fmt: skip
    return time.perf_counter() - start


def baseline(vi_pages: int, en_pages: int) -> float:
    """Plain Material, two languages as two parallel processes; return the wall time."""
    work = Path(tempfile.mkdtemp(prefix="sb-baseline-"))
    start = time.perf_counter()
    with ProcessPoolExecutor(2) as pool:
        folders = [work / "vi", work / "en"]
        list(pool.map(baseline_one, folders, ["vi", "en"], [vi_pages, en_pages]))
    wall = time.perf_counter() - start
    shutil.rmtree(work, ignore_errors=True)
    return wall


class TreeMemory:
    """Sample the summed RSS of this process and its children (Linux /proc), keeping the peak."""

    def __init__(self) -> None:
        self.peak_mb = 0.0
        self.running = True
        self.thread = threading.Thread(target=self.sample, daemon=True)
        self.thread.start()

    def sample(self) -> None:
        while self.running:
            self.peak_mb = max(self.peak_mb, _tree_rss_mb(os.getpid()))
            time.sleep(0.1)

    def stop(self) -> float:
        self.running = False
        self.thread.join()
        return self.peak_mb


def _tree_rss_mb(pid: int) -> float:
    total, pending = 0.0, [pid]
    while pending:
        current = pending.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except OSError:
            continue
        total += next((int(line.split()[1]) for line in status.splitlines()
                       if line.startswith("VmRSS:")), 0) / 1024  # fmt: skip
        pending += [int(c) for c in children]
    return total


# Each build runs in a process of its own, as `site-builder build` does: a build in this
# process would find the previous build's validated files still in memory.
BUILD = """
import json, sys, time
from pathlib import Path
from site_builder.build import build
start = time.perf_counter()
result = build(Path(sys.argv[1]), Path(sys.argv[1]) / "site")
print(json.dumps({"code": result.code, "wall_s": time.perf_counter() - start,
                  "seconds": result.seconds, "cpu_seconds": result.cpu_seconds,
                  "problems": [p.format("en") for p in result.problems][:5]}))
"""


def timed_build(project: Path) -> dict:
    memory = TreeMemory() if Path("/proc/self/status").exists() else None
    start = time.perf_counter()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}  # this checkout's site_builder
    done = subprocess.run([sys.executable, "-c", BUILD, str(project)], capture_output=True,  # noqa: S603
                          text=True, check=False, env=env)  # fmt: skip
    process = time.perf_counter() - start
    summed = memory.stop() if memory is not None else 0.0
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["code"] == 0, result["problems"]
    wall, seconds = result["wall_s"], result["seconds"]
    pages = pages_in(project / "site")
    # the languages run in parallel: MkDocs' share is the slower language's rendering (none
    # when the build found everything up to date)
    mkdocs = max((v for k, v in seconds.items() if k.endswith(": mkdocs")), default=0.0)
    # the image stage, photos and social cards, has its own targets (#5)
    images = seconds.get("images", 0.0) + seconds.get("social cards", 0.0)
    return {**cpu_figures(result["cpu_seconds"]),
            "wall_s": wall, "pages": pages, "ms_per_page": 1000 * wall / pages,
            "pages_per_s": pages / wall, "stages_s": seconds,
            "process_s": process,  # with the interpreter's start and the imports
            "ms_per_page_without_images": 1000 * (wall - images) / pages,
            "ours_share": 1 - mkdocs / wall,
            "ours_share_without_images": 1 - mkdocs / (wall - images),
            "peak_rss_sum_mb": summed}  # fmt: skip


def cpu_figures(cpu: dict[str, float]) -> dict:
    """What the CPU time says of the share our stages can have, on any number of cores.

    Without the image stage, everything but MkDocs and our page bodies (which run in one
    process, so their CPU time is counted together, as MkDocs') is ours: validation and
    Pagefind above all. While the cores are kept busy the wall time is the CPU time over
    the cores, so that part is a floor for our share of the wall time (a low one: our
    bodies count as MkDocs').
    """
    stages = {k: v for k, v in cpu.items() if ": " not in k}  # per language: a breakdown
    if "languages (parallel)" not in stages:  # up to date: nothing was built
        return {"cpu_s": cpu}
    total = sum(v for k, v in stages.items() if k not in ("images", "social cards"))
    pages = sum(v for k, v in cpu.items() if k.endswith(": pages"))
    search = sum(v for k, v in cpu.items() if k.endswith(": search index"))
    return {"cpu_s": cpu, "cpu_s_without_images": total,
            "cpu_share_search_index": search / total,
            "cpu_share_not_pages_at_least": 1 - pages / total}  # fmt: skip


def serve_after_edit(project: Path, edits: int = 3) -> dict:
    """Start `site-builder serve`, edit one news item, time until its page shows the edit."""
    import socket
    import urllib.request

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [sys.executable, "-m", "site_builder", "serve", "--port", str(port)]
    server = subprocess.Popen(command, cwd=project, stdout=subprocess.DEVNULL,  # noqa: S603
                              stderr=subprocess.DEVNULL)  # fmt: skip
    item = next((project / "content" / "news").glob("*/tong-hop-0002.yml"))
    url = f"http://127.0.0.1:{port}/tin-tuc/{item.stem}/"

    def shows(text: str, page: str = url, seconds: float = 600) -> float:
        start = time.perf_counter()
        while time.perf_counter() - start < seconds:
            try:
                with urllib.request.urlopen(page, timeout=5) as response:  # noqa: S310
                    if text in response.read().decode("utf-8"):
                        return time.perf_counter() - start
            except OSError:
                pass
            time.sleep(0.05)
        raise TimeoutError(url)

    try:
        figures = {"first_build_s": shows("số 2")}
        shows("<html", f"http://127.0.0.1:{port}/en/")  # English follows Vietnamese
        shows("{", f"http://127.0.0.1:{port}/pagefind/pagefind-entry.json")  # then the index
        for n in range(edits):  # the editor's view: the Vietnamese page of the edited item
            if n:
                time.sleep(30)  # English and the search index are built after the page shows
            text = item.read_text(encoding="utf-8")
            item.write_text(text.replace("số 2", f"số 2 (sửa {n})", 1), encoding="utf-8")
            figures[f"edit_{n}_s"] = shows(f"số 2 (sửa {n})")
    finally:
        server.terminate()
        server.wait(timeout=30)
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--news", type=int, default=2000)
    parser.add_argument("--exemplars", type=int, default=500)
    parser.add_argument("--milestones", type=int, default=60)
    parser.add_argument("--photos", type=int, default=1000)
    parser.add_argument("--photo-size", default="4000x3000")
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "sb-build")
    parser.add_argument("--json", type=Path)
    parser.add_argument("--no-serve", action="store_true", help="skip the preview figure")
    parser.add_argument("--serve-edits", type=int, default=3)
    args = parser.parse_args()
    width, height = (int(v) for v in args.photo_size.split("x"))
    project = generate(args.out, args.news, 2022, args.exemplars, args.milestones, args.photos,
                       (width, height))  # fmt: skip
    os.environ["SITE_BUILDER_CACHE"] = str(args.out / ".cache")
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    results = {"news": args.news, "cold": timed_build(project), "warm": timed_build(project)}
    item = next((project / "content" / "news").glob("*/tong-hop-0000.yml"))
    item.write_text(item.read_text(encoding="utf-8") + "# a comment: no page changes\n")
    results["touched"] = timed_build(project)  # what the warm build skips when up to date
    item = next((project / "content" / "news").glob("*/tong-hop-0001.yml"))
    item.write_text(item.read_text(encoding="utf-8").replace('số 1"', 'số 1 (sửa)"'))
    results["one_change"] = timed_build(project)
    # the largest process any of our builds ran, taken before the preview and the baseline
    largest = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    if not args.no_serve:
        results["serve"] = serve_after_edit(project, args.serve_edits)
    vi = pages_in(project / "site") - pages_in(project / "site" / "en")
    en = pages_in(project / "site" / "en")
    results["baseline_wall_s"] = baseline(vi, en)
    results["peak_rss_mb"] = {"largest build process": largest}
    cold = results["cold"]
    print(
        f"{args.news} news items, {args.exemplars} exemplars, {args.milestones} milestones, "
        f"{args.photos} photos: {cold['pages']} generated pages (both languages)"
    )
    for name in ("cold", "warm", "touched", "one_change"):
        r = results[name]
        share = 100 * r["ours_share"]
        print(f"  {name:10} {r['wall_s']:7.2f} s  {r['ms_per_page']:6.2f} ms/page  "
              f"{r['pages_per_s']:7.1f} pages/s  our stages {share:4.1f} %  without images: "
              f"{r['ms_per_page_without_images']:6.2f} ms/page, our stages "
              f"{100 * r['ours_share_without_images']:4.1f} %")  # fmt: skip
    base = results["baseline_wall_s"]
    without = cold["ms_per_page_without_images"] * cold["pages"] / 1000
    print(f"  baseline   {base:7.2f} s  {1000 * base / cold['pages']:6.2f} ms/page"
          f"  → ours/baseline (cold, without the image stage) = {without / base:.2f}"
          f" (with it: {cold['wall_s'] / base:.2f})")  # fmt: skip
    print("  cold stages: " + ", ".join(f"{k} {v:.2f}s" for k, v in cold["stages_s"].items()))
    print("  cold CPU time: " + ", ".join(f"{k} {v:.2f}s" for k, v in cold["cpu_s"].items()))
    print(f"  cold CPU time without images {cold['cpu_s_without_images']:.2f} s on "
          f"{os.cpu_count()} cores: not MkDocs or our page bodies (a floor for our stages' "
          f"share) {100 * cold['cpu_share_not_pages_at_least']:.1f} %, of which Pagefind "
          f"{100 * cold['cpu_share_search_index']:.1f} %")  # fmt: skip
    if "serve" in results:
        shown = ", ".join(f"{v:.2f} s" for k, v in results["serve"].items() if k.startswith("edit"))
        print(f"  serve: an edited item's page shows the edit after {shown}")
    summed = max(results[n]["peak_rss_sum_mb"] for n in ("cold", "warm", "touched", "one_change"))
    print(f"  peak RSS: {largest:.0f} MB in the largest process of a build, "
          f"{summed:.0f} MB summed over the processes running at once")  # fmt: skip
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
