"""Benchmark the image pipeline on generated 4000×3000 camera-like JPEGs.

    .venv/bin/python benchmarks/images.py [--count 40] [--out DIR] [--json FILE]

Reports images per second cold (empty cache) and warm (full cache), per stage, with one
process and with every core, beside a naive Pillow baseline (one full decode per output)
rerun on the same photos, and what AVIF costs and saves. Figures, not a pass/fail test.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageOps

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from site_builder.images.cache import prepare
from site_builder.images.process import Settings, process

SIZE = (4000, 3000)


def photo(seed: int, path: Path, size: tuple[int, int] = SIZE) -> None:
    """Write a camera-like JPEG: hills, sky gradient, texture noise, EXIF with GPS."""
    rng = random.Random(seed)  # noqa: S311 (synthetic pictures, not secrets)
    sky = Image.linear_gradient("L").resize(size).convert("RGB")
    sky = Image.merge("RGB", [band.point(lambda v, k=k: int(v * k)) for band, k in
                              zip(sky.split(), (0.5, 0.7, 1.0), strict=True)])  # fmt: skip
    draw = ImageDraw.Draw(sky)
    for layer in range(6):
        base = int(size[1] * (0.35 + 0.1 * layer))
        points = [(x, base + rng.randint(-120, 120)) for x in range(0, size[0] + 200, 200)]
        green = 150 - layer * 18 + rng.randint(-10, 10)
        draw.polygon([*points, (size[0], size[1]), (0, size[1])], fill=(40, green, 50))
    noise = Image.effect_noise(size, 28).convert("RGB")
    picture = Image.blend(sky, noise, 0.18).filter(ImageFilter.GaussianBlur(0.6))
    exif = Image.Exif()
    exif[0x0112] = rng.choice([1, 1, 6])  # some phones store portraits rotated
    exif.get_ifd(0x8825)[2] = (22.0, 20.0, float(seed))
    picture.save(path, "JPEG", quality=90, exif=exif)


def naive(source: Path, out: Path, settings: Settings) -> None:
    """The baseline: a full decode for every output, each resized from the full image."""
    for width in settings.widths:
        for fmt, ext in (("WEBP", "webp"), ("JPEG", "jpg")):
            with Image.open(source) as im:
                upright = ImageOps.exif_transpose(im).convert("RGB")
            height = round(upright.height * width / upright.width)
            resized = upright.resize((width, height), Image.Resampling.LANCZOS)
            quality = settings.webp_quality if fmt == "WEBP" else settings.jpeg_quality
            resized.save(out / f"{source.stem}-{width}.{ext}", fmt, quality=quality)


def timed(action) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=40)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    work = args.out or Path(tempfile.mkdtemp(prefix="sb-images-"))
    images = work / "content" / "images"
    images.mkdir(parents=True, exist_ok=True)
    for n in range(args.count):
        if not (images / f"photo-{n:03d}.jpg").exists():
            photo(n, images / f"photo-{n:03d}.jpg")
    sources = {f"photo-{n:03d}.jpg": ("bench.yml", n + 1, 1, "photos") for n in range(args.count)}
    settings = Settings()
    cores = os.cpu_count() or 1
    cache = work / ".cache"
    os.environ["SITE_BUILDER_CACHE"] = str(cache)
    results: dict[str, object] = {"count": args.count, "cores": cores, "size": SIZE}

    def cold(workers: int) -> float:
        shutil.rmtree(cache, ignore_errors=True)
        return timed(lambda: prepare(work, sources, settings, workers=workers))

    results["cold_1_process_s"] = cold(1)
    results["cold_all_cores_s"] = cold(cores)
    results["warm_s"] = timed(lambda: prepare(work, sources, settings, workers=cores))

    stages: dict[str, float] = {}
    sample = sorted(images.glob("*.jpg"))[: min(8, args.count)]
    with tempfile.TemporaryDirectory() as tmp:
        for source in sample:
            target = Path(tmp) / source.stem
            target.mkdir()
            process(source, target, settings, stages)
    results["stages_ms_per_image"] = {k: 1000 * v / len(sample) for k, v in stages.items()}

    with tempfile.TemporaryDirectory() as tmp:
        naive_s = timed(lambda: [naive(s, Path(tmp), settings) for s in sample])
    results["naive_baseline_images_per_s"] = len(sample) / naive_s

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        plain_s = avif_s = 0.0
        webp_bytes = avif_bytes = 0
        for source in sample[:4]:
            a, b = out / f"{source.stem}-w", out / f"{source.stem}-a"
            a.mkdir(), b.mkdir()
            plain_s += timed(lambda s=source, d=a: process(s, d, settings))
            avif_s += timed(lambda s=source, d=b: process(s, d, Settings(avif=True)))
            webp_bytes += sum(p.stat().st_size for p in a.glob("*.webp"))
            avif_bytes += sum(p.stat().st_size for p in b.glob("*.avif"))
        results["avif"] = {
            "extra_seconds_per_image": (avif_s - plain_s) / len(sample[:4]),
            "avif_bytes_vs_webp": avif_bytes / webp_bytes if webp_bytes else None,
        }

    n = args.count
    cold1, coldn, warm = (
        results["cold_1_process_s"],
        results["cold_all_cores_s"],
        results["warm_s"],
    )
    assert isinstance(cold1, float) and isinstance(coldn, float) and isinstance(warm, float)
    results["images_per_s"] = {"cold_1_process": n / cold1, "cold_all_cores": n / coldn}
    results["warm_over_cold"] = warm / coldn
    print(f"{n} photos {SIZE[0]}×{SIZE[1]}, {cores} cores, widths {settings.widths}")
    print(f"  naive baseline (rerun)      {results['naive_baseline_images_per_s']:6.2f} images/s")
    print(f"  ours, cold, 1 process       {n / cold1:6.2f} images/s")
    print(f"  ours, cold, {cores} processes     {n / coldn:6.2f} images/s")
    print(f"  ours, warm (no decode)      {warm:6.3f} s = {100 * warm / coldn:.2f} % of cold")
    for stage, ms in results["stages_ms_per_image"].items():  # type: ignore[union-attr]
        print(f"    {stage:<16} {ms:7.1f} ms/image")
    avif = results["avif"]
    print(
        f"  AVIF: +{avif['extra_seconds_per_image']:.2f} s/image, "  # type: ignore[index]
        f"{100 * avif['avif_bytes_vs_webp']:.0f} % of the WebP bytes"
    )  # type: ignore[index]
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
