"""Synthesise a large archive through the content schema, deterministically from a seed.

    .venv/bin/python benchmarks/generate.py OUT [--news 2000] [--seed 2022]

Copies the project's design and bundled content to OUT and adds illustrative news items
(80 % with English) written from a Vietnamese vocabulary, so that builds and searches can
be measured at archive scale. The scale issue extends it (exemplars, photos).
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
from pathlib import Path

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


def generate(out: Path, news: int, seed: int) -> Path:
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
            "illustrative: true\n",
            encoding="utf-8",
        )
    return out


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
    parser.add_argument("--seed", type=int, default=2022)
    args = parser.parse_args()
    print(generate(args.out, args.news, args.seed))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
