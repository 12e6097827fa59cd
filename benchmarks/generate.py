"""Synthesise a large archive through the content schema, deterministically from a seed.

    .venv/bin/python benchmarks/generate.py OUT [--news 2000] [--exemplars 500]
        [--milestones 60] [--photos 1000] [--photo-size 4000x3000] [--seed 2022]

Copies the project's design and bundled content to OUT and adds illustrative news items,
exemplars (individuals with consent and collectives), milestones and photo albums, 80 %
with English, written from a Vietnamese vocabulary, so that builds and searches can be
measured at archive scale. Photos are camera-like JPEGs (hills, sky, noise, EXIF with GPS
and rotation): ten scenes drawn once, then each photo a different crop of one, encoded
anew, so every file is distinct. Everything is marked illustrative.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
WORDS = (
    "huyện xã thị trấn bản nhân dân cán bộ thi đua phong trào nông nghiệp chè lúa ngô "
    "đường giao thông trường học trạm y tế văn hóa lễ hội du lịch hợp tác xã sản phẩm "
    "đoàn kết an ninh quốc phòng dân quân hội phụ nữ thanh niên cựu chiến binh nông dân "
    "giảm nghèo nhà ở nước sạch điện lưới rừng bảo vệ môi trường khen thưởng tổng kết "
    "hội nghị triển khai kế hoạch nghị quyết chỉ thị mô hình điển hình tiên tiến sáng kiến"
).split()
WORDS_EN = (
    "district commune village people officials emulation movement farming tea rice maize "
    "road school health station culture festival tourism cooperative product unity security"
).split()
CATEGORIES = ["kinh-te", "van-hoa-xa-hoi", "cai-cach-hanh-chinh", "quan-ly-nha-nuoc",
              "quoc-phong-an-ninh", "mat-tran-doan-the", "chien-dich"]  # fmt: skip


def sentence(rng: random.Random, words: list[str], n: int) -> str:
    text = " ".join(rng.choice(words) for _ in range(n))
    return text[0].upper() + text[1:] + "."


def generate(
    out: Path, news: int, seed: int, exemplars: int = 0, milestones: int = 0, photos: int = 0,
    photo_size: tuple[int, int] = (4000, 3000),
) -> Path:  # fmt: skip
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    for name in ("mkdocs.yml", "templates", "assets", "content"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, out / name)
    rng = random.Random(seed)  # noqa: S311 (synthetic text, not secrets)
    for n in range(news):
        year = 2003 + n % 20
        folder = out / "content" / "news" / str(year)
        folder.mkdir(parents=True, exist_ok=True)
        english = rng.random() < 0.8
        title = sentence(rng, WORDS, 8)[:-1] + f" số {n}"
        summary = sentence(rng, WORDS, 20)
        body = "\n\n".join(sentence(rng, WORDS, 40) for _ in range(4))
        en = {
            "title": sentence(rng, WORDS_EN, 8)[:-1] + f" no. {n}",
            "summary": sentence(rng, WORDS_EN, 20),
            "body": sentence(rng, WORDS_EN, 60),
        }
        text = _texts(en if english else {})

        (folder / f"tong-hop-{n:04d}.yml").write_text(
            f"# Synthetic illustrative item for benchmarks.\n"
            f"title: {text(title, 'title')}\n"
            f"date: {year}-{1 + n % 12:02d}-{1 + n % 28:02d}\n"
            f"summary: {text(summary, 'summary')}\n"
            f"body: {text(body, 'body')}\n"
            f"category: {CATEGORIES[n % len(CATEGORIES)]}\n"
            f"tags: [{rng.choice(WORDS)}]\n"
            "illustrative: true\n"
            + (f"image: {_image(n % photos, rng, english)}\n" if photos and n % 4 == 0 else ""),
            encoding="utf-8",
        )
    _tag_names(out)
    _exemplars(out, exemplars, rng, photos)
    _milestones(out, milestones, rng)
    _photos(out, photos, photo_size, seed, rng)
    return out


def _tag_names(out: Path) -> None:
    """Give every synthetic tag an English name, as editors declare them (the glossary)."""
    glossary = out / "content" / "glossary.yml"
    text = glossary.read_text(encoding="utf-8")
    assert re.findall(r"^(\w+):", text, re.M)[-1] == "tags", "tags: must end the glossary"
    words = enumerate(dict.fromkeys(WORDS))  # as the bundled list: {tag, english} pairs
    names = "".join(f"  - {{tag: {word}, english: topic {i}}}\n" for i, word in words)
    glossary.write_text(text + names, encoding="utf-8")


def _image(n: int, rng: random.Random, english: bool) -> str:
    """An image field as YAML (JSON is YAML), alt text in both languages when `english`."""
    alt = {"vi": f"Ảnh minh họa số {n}: " + sentence(rng, WORDS, 6)}
    if english:
        alt["en"] = f"Generated picture no. {n}"
    image = {"src": f"tong-hop/anh-{n:04d}.jpg", "alt": alt,
             "credit": "Ảnh tạo bằng máy / generated", "licence": "CC0"}  # fmt: skip
    return json.dumps(image, ensure_ascii=False)


def _exemplars(out: Path, count: int, rng: random.Random, photos: int) -> None:
    folder = out / "content" / "people"
    communes = ["Bình Lư", "Bản Bo", "Nà Tăm", "Sơn Bình", "Tả Lèng"]
    for n in range(count):
        english = rng.random() < 0.8
        collective = n % 3 == 0
        en = {"name": f"Exemplar no. {n}", "summary": sentence(rng, WORDS_EN, 20),
              "story": sentence(rng, WORDS_EN, 80)}  # fmt: skip
        text = _texts(en if english else {})
        name = (f"Tập thể {rng.choice(WORDS)} số {n}" if collective
                else f"Người điển hình số {n}")  # fmt: skip
        lines = [
            "# Synthetic illustrative exemplar for benchmarks.",
            f"kind: {'collective' if collective else 'individual'}",
            f"name: {text(name, 'name')}",
            f"commune: {rng.choice(communes)}",
            f"summary: {text(sentence(rng, WORDS, 20), 'summary')}",
            f"story: {text(chr(10).join(sentence(rng, WORDS, 50) for _ in range(3)), 'story')}",
            f"fields: [{CATEGORIES[n % 6]}]",
            *([] if collective else ["consent: true"]),
            "illustrative: true",
        ]
        if photos and n % 2 == 0:
            lines.append(f"photo: {_image((n * 7) % photos, rng, english)}")
        (folder / f"dien-hinh-{n:04d}.yml").write_text("\n".join(lines) + "\n", "utf-8")


def _milestones(out: Path, count: int, rng: random.Random) -> None:
    folder = out / "content" / "milestones"
    for n in range(count):
        text = _texts({"title": f"Milestone no. {n}", "description": sentence(rng, WORDS_EN, 30)}
                      if rng.random() < 0.8 else {})  # fmt: skip
        year = 2002 + n % 21
        (folder / f"moc-{n:03d}.yml").write_text(
            "# Synthetic illustrative milestone for benchmarks.\n"
            f"date: {year}-{1 + n % 12:02d}-{1 + (n * 3) % 28:02d}\n"
            f"title: {text(f'Mốc số {n}: ' + sentence(rng, WORDS, 6)[:-1], 'title')}\n"
            f"description: {text(sentence(rng, WORDS, 30), 'description')}\n"
            f"field: {CATEGORIES[n % 6]}\n"
            "illustrative: true\n",
            encoding="utf-8",
        )


def _photos(out: Path, count: int, size: tuple[int, int], seed: int, rng) -> None:
    """Write `count` distinct photos and albums of 20 that show them all."""
    if not count:
        return
    # The same arguments make the same photos: keep them beside the archive and link them
    # in, so that a second run does not spend minutes drawing them again.
    kept = out.parent / f".{out.name}-photos-{seed}-{size[0]}x{size[1]}-{count}"
    if not (kept / "done").is_file():
        shutil.rmtree(kept, ignore_errors=True)
        kept.mkdir(parents=True)
        scenes = min(10, count)
        with ProcessPoolExecutor() as pool:  # drawing and encoding dominate: use every core
            list(pool.map(_scene, [kept] * scenes, range(scenes), [size] * scenes,
                          [seed] * scenes))  # fmt: skip
            list(pool.map(_crop, [kept] * count, range(count), [scenes] * count,
                          [size] * count, chunksize=16))  # fmt: skip
        for scene in range(scenes):
            (kept / f"canh-{scene}.jpg").unlink()
        (kept / "done").touch()
    folder = out / "content" / "images" / "tong-hop"
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        os.link(kept / f"anh-{n:04d}.jpg", folder / f"anh-{n:04d}.jpg")
    albums = out / "content" / "albums"
    for a, start in enumerate(range(0, count, 20)):
        english = rng.random() < 0.8
        text = _texts({"title": f"Album no. {a}"} if english else {})
        lines = ["# Synthetic illustrative album for benchmarks: generated pictures.",
                 f"title: {text(f'Album số {a}: ' + rng.choice(WORDS), 'title')}",
                 f"date: {2003 + a % 20}-06-01", "illustrative: true", "photos:"]  # fmt: skip
        for n in range(start, min(start + 20, count)):
            lines.append(f"  - {_image(n, rng, english)}")
        (albums / f"album-{a:03d}.yml").write_text("\n".join(lines) + "\n", "utf-8")


def _scene(folder: Path, scene: int, size: tuple[int, int], seed: int) -> None:
    from images import photo  # benchmarks/images.py: the camera-like picture

    big = (size[0] + size[0] // 10, size[1] + size[1] // 10)
    photo(seed * 100 + scene, folder / f"canh-{scene}.jpg", big)


def _crop(folder: Path, n: int, scenes: int, size: tuple[int, int]) -> None:
    rng = random.Random(n)  # noqa: S311 (synthetic pictures)
    with Image.open(folder / f"canh-{n % scenes}.jpg") as scene:
        exif = scene.getexif()
        x, y = rng.randrange(scene.width - size[0]), rng.randrange(scene.height - size[1])
        picture = scene.crop((x, y, x + size[0], y + size[1]))
    exif[0x0112] = rng.choice([1, 1, 1, 6])  # some phones store portraits rotated
    picture.save(folder / f"anh-{n:04d}.jpg", "JPEG", quality=88, exif=exif)


def _texts(english: dict[str, str]):
    """Return a function writing {vi, en} as YAML (JSON is YAML), with English if given."""

    def text(vi: str, key: str) -> str:
        pair = {"vi": vi, **({"en": english[key]} if english else {})}
        return json.dumps(pair, ensure_ascii=False)

    return text


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--news", type=int, default=2000)
    parser.add_argument("--exemplars", type=int, default=500)
    parser.add_argument("--milestones", type=int, default=60)
    parser.add_argument("--photos", type=int, default=1000)
    parser.add_argument("--photo-size", default="4000x3000")
    parser.add_argument("--seed", type=int, default=2022)
    args = parser.parse_args()
    width, height = (int(v) for v in args.photo_size.split("x"))
    print(generate(args.out, args.news, args.seed, args.exemplars, args.milestones,
                   args.photos, (width, height)))  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
