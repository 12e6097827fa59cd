"""`site-builder new`: a commented YAML file at the right path, never overwriting one."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from pathlib import Path

from .project import VIETNAM
from .slugs import slugify

NEWS = """\
# Tin tức — mỗi tin một tệp. Trường có (*) là bắt buộc; xem docs/huong-dan-bien-tap.md.
# News item — one file per item. Fields marked (*) are required.

# (*) Tiêu đề; thêm en khi có bản tiếng Anh / title; add en for English
title: {{vi: {title}}}
# (*) Ngày đăng / date (2022-09-21 hoặc/or 21/9/2022)
date: {date}
# (*) Tóm tắt một hai câu / a one- or two-sentence summary
summary: {{vi: ""}}
# (*) Nội dung, viết Markdown / the body, in Markdown
body:
  vi: |
    Viết nội dung ở đây.
# (*) Chuyên mục: kinh-te, van-hoa-xa-hoi, cai-cach-hanh-chinh, quan-ly-nha-nuoc,
#     quoc-phong-an-ninh, mat-tran-doan-the hoặc/or chien-dich
category: chien-dich
# Thẻ / tags
tags: []
# Ảnh đầu bài (trong content/images/) / the lead image
# image: {{src: thu-muc/anh.jpg, alt: {{vi: "Mô tả ảnh"}}, credit: "Tên tác giả"}}
# Tác giả / author
# author: ""
# Mã gương điển hình và lĩnh vực liên quan / related people and field ids
people: []
fields: []
# Nguồn / sources
sources: []
# true khi đây là nội dung minh họa / true for made-up sample content
illustrative: false
# Bản nháp: đổi thành false khi tin sẵn sàng đăng / set to false when ready to publish
draft: true
# Mã tin trong nguồn cấp RSS/Atom: KHÔNG sửa / the feed id: never edit it
guid: {guid}
"""

KINDS = {"news": NEWS}


def unique_path(folder_of: dict[str, Path], slug: str, taken: set[str]) -> tuple[str, Path]:
    """Return the first of slug, slug-2, slug-3 … that no file uses."""
    candidate, n = slug, 1
    while candidate in taken:
        n += 1
        candidate = f"{slug}-{n}"
    return candidate, folder_of["news"] / f"{candidate}.yml"


def new(root: Path, kind: str, title: str, today: dt.date | None = None) -> Path:
    """Create the file of a new item and return its path; never overwrite."""
    today = today or dt.datetime.now(VIETNAM).date()
    slug = slugify(title) or "tin"
    news = root / "content" / "news"
    taken = {p.stem for p in news.glob("*/*.yml")}  # ids are unique across years
    _, path = unique_path({"news": news / str(today.year)}, slug, taken)
    path.parent.mkdir(parents=True, exist_ok=True)
    text = KINDS[kind].format(
        title=json.dumps(title, ensure_ascii=False),  # a JSON string is a YAML string
        date=today.isoformat(),
        guid=f"urn:uuid:{uuid.uuid4()}",
    )
    with path.open("x", encoding="utf-8") as out:  # "x": fail rather than overwrite
        out.write(text)
    return path
