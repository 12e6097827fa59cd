"""The benchmarks keep working: a small run of each (figures belong to the benchmarks)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parent.parent


def test_generated_archive_passes_check(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from generate import generate

    project = generate(tmp_path / "archive", 60, 7, exemplars=20, milestones=6, photos=10,
                       photo_size=(640, 480))  # fmt: skip
    content = project / "content"
    assert len(list((content / "news").glob("*/tong-hop-*.yml"))) == 60
    assert len(list((content / "people").glob("dien-hinh-*.yml"))) == 20
    assert len(list((content / "milestones").glob("moc-*.yml"))) == 6
    photos = sorted((content / "images" / "tong-hop").glob("anh-*.jpg"))
    assert len({p.read_bytes() for p in photos}) == 10  # distinct files, as cameras make
    with Image.open(photos[0]) as first:
        assert first.size == (640, 480) and first.format == "JPEG"
    albums = (content / "albums").glob("album-*.yml")
    assert sum(p.read_text(encoding="utf-8").count("tong-hop/anh-") for p in albums) == 10
    result = subprocess.run([sys.executable, "-m", "site_builder", "check", "--strict"],
                            cwd=project, capture_output=True, text=True, check=False)  # fmt: skip
    assert result.returncode == 0, result.stdout[-2000:]


def test_build_benchmark_runs_small(tmp_path: Path) -> None:
    out = tmp_path / "figures.json"
    command = [sys.executable, str(ROOT / "benchmarks" / "build.py"), "--news", "30",
               "--exemplars", "10", "--milestones", "4", "--photos", "10",
               "--photo-size", "640x480", "--out", str(tmp_path / "archive"),
               "--json", str(out), "--serve-edits", "1"]  # fmt: skip
    result = subprocess.run(command, capture_output=True, text=True, check=False, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    figures = json.loads(out.read_text())
    assert figures["cold"]["pages"] > 100 and figures["baseline_wall_s"] > 0
    assert list(figures["warm"]["stages_s"]) == ["up to date"]  # nothing changed
    cold, touched = figures["cold"]["stages_s"], figures["touched"]["stages_s"]
    assert touched["images"] < cold["images"] and touched["social cards"] < cold["social cards"]
    assert 0 < figures["cold"]["ms_per_page_without_images"] < figures["cold"]["ms_per_page"]
    assert figures["cold"]["peak_rss_sum_mb"] > 50  # the build and its language processes
    assert figures["peak_rss_mb"]["largest build process"] > 30
    for run in ("cold", "warm", "touched", "one_change"):  # each build in a fresh process
        assert figures[run]["process_s"] > figures[run]["wall_s"]
    assert "ours/baseline" in result.stdout
    cold = figures["cold"]  # validation and Pagefind's CPU time: a floor for our stages' share
    assert 0 < cold["cpu_share_search_index"] < cold["cpu_share_not_pages_at_least"] < 1
    assert cold["cpu_s_without_images"] < sum(v for k, v in cold["cpu_s"].items() if ": " not in k)
    assert "cold CPU time without images" in result.stdout
    serve = figures["serve"]
    assert 0 < serve["edit_0_s"] < 60 and "serve: an edited item's page" in result.stdout
