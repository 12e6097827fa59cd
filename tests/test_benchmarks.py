"""The benchmarks keep working: a small run of each (figures belong to the benchmarks)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_generated_archive_passes_check(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from generate import generate

    project = generate(tmp_path / "archive", 60, 7)
    assert len(list((project / "content" / "news").glob("*/tong-hop-*.yml"))) == 60
    result = subprocess.run([sys.executable, "-m", "site_builder", "check", "--strict"],
                            cwd=project, capture_output=True, text=True, check=False)  # fmt: skip
    assert result.returncode == 0, result.stdout[-2000:]


def test_build_benchmark_runs_small(tmp_path: Path) -> None:
    out = tmp_path / "figures.json"
    command = [sys.executable, str(ROOT / "benchmarks" / "build.py"), "--news", "30",
               "--out", str(tmp_path / "archive"), "--json", str(out)]  # fmt: skip
    result = subprocess.run(command, capture_output=True, text=True, check=False, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    figures = json.loads(out.read_text())
    assert figures["cold"]["pages"] > 100 and figures["baseline_wall_s"] > 0
    assert figures["warm"]["stages_s"]["images"] < figures["cold"]["wall_s"]
    assert "ours/baseline" in result.stdout
