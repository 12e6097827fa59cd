"""`site-builder new`: a commented YAML file at the right path, never overwriting one.

Each template lists every field of its kind; required ones are marked (*) and left empty.
Every new file is a draft (`draft: true`): it passes `check` as it is, shows only in the
preview, and once its draft is set to false, a field nobody filled in fails `check` with
the field named, instead of publishing placeholder text.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from pathlib import Path

from ..content.project import VIETNAM
from ..text.slugs import free_id, slugify

HEAD = """\
# {kind_vi} — mỗi mục một tệp; tên tệp là mã của mục. Trường có (*) là bắt buộc.
# {kind_en} — one item a file; the file name is its id. Fields marked (*) are required.
# Hướng dẫn / guide: docs/huong-dan-bien-tap.md
"""

IMAGE = """\
# Ảnh (trong content/images/): src (*) đường dẫn, alt (*) mô tả ảnh cho người không nhìn thấy
# Image in content/images/: src (*) path, alt (*) a description for people who cannot see it
"""

TEMPLATES = {
    "news": (
        "Tin tức",
        "News item",
        """\
# (*) Tiêu đề; thêm en khi có bản tiếng Anh / title; add en for English
title: {{vi: {title}}}
# (*) Ngày đăng / date (2022-09-21 hoặc/or 21/9/2022)
date: {date}
# (*) Tóm tắt một hai câu / a one- or two-sentence summary
summary: {{vi: ""}}
# (*) Nội dung, viết Markdown / the body, in Markdown
body:
  vi: ""
# (*) Chuyên mục: kinh-te, van-hoa-xa-hoi, cai-cach-hanh-chinh, quan-ly-nha-nuoc,
#     quoc-phong-an-ninh, mat-tran-doan-the hoặc/or chien-dich
category: chien-dich
# Thẻ; tên tiếng Anh của thẻ khai báo một lần trong content/glossary.yml, mục tags
# Tags; their English names are declared once in content/glossary.yml, under tags
tags: []
{image}# image: {{src: thu-muc/anh.jpg, alt: {{vi: "Mô tả ảnh"}}, credit: "Tên tác giả"}}
# Tác giả: một tên, hoặc {{vi: …, en: …}} / author: a name, or {{vi: …, en: …}}
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
""",
    ),
    "person": (
        "Gương điển hình (cá nhân)",
        "Exemplar (individual)",
        """\
kind: individual
# (*) Họ và tên / full name
name: {{vi: {title}}}
# Chức vụ, đơn vị / position and unit
# role: {{vi: ""}}
# Xã, thị trấn (tên như trong content/site.yml) / commune, as content/site.yml names it
# commune: ""
# (*) Tóm tắt thành tích / summary of what they did
summary: {{vi: ""}}
# Câu chuyện, viết Markdown / the story, in Markdown
# story: {{vi: ""}}
{image}# photo: {{src: chan-dung/ten.jpg, alt: {{vi: "Ảnh chân dung …"}}, credit: ""}}
# Mã lĩnh vực / field ids
fields: []
# (*) Chỉ công bố khi người này đã đồng ý bằng văn bản: khi đó đổi thành true
#     Published only with written consent: then set it to true
consent: false
sources: []
illustrative: false
# Bản nháp: chỉ hiện khi xem trước; đổi thành false khi đã điền đủ / a draft shows only in the
# preview; set it to false once everything is filled in
draft: true
""",
    ),
    "collective": (
        "Gương điển hình (tập thể)",
        "Exemplar (collective)",
        """\
kind: collective
# (*) Tên tập thể / name of the collective
name: {{vi: {title}}}
# Xã, thị trấn / commune
# commune: ""
# (*) Tóm tắt thành tích / summary of what they did
summary: {{vi: ""}}
# story: {{vi: ""}}
{image}# photo: {{src: tap-the/anh.jpg, alt: {{vi: "…"}}}}
fields: []
sources: []
illustrative: false
# Bản nháp: chỉ hiện khi xem trước; đổi thành false khi đã điền đủ / a draft shows only in the
# preview; set it to false once everything is filled in
draft: true
""",
    ),
    "milestone": (
        "Mốc sự kiện",
        "Milestone",
        """\
# (*) Ngày / date
date: {date}
# (*) Tên sự kiện / title
title: {{vi: {title}}}
# Mô tả, viết Markdown (xóa dòng này nếu không cần) / description in Markdown (or delete it)
description: {{vi: ""}}
# Mã lĩnh vực / field id
# field: kinh-te
{image}# image: {{src: moc/anh.jpg, alt: {{vi: "…"}}}}
# (*) Nguồn: mỗi sự kiện có thật phải ghi nguồn / a real event needs its source
sources: [""]
illustrative: false
# Bản nháp: chỉ hiện khi xem trước; đổi thành false khi đã điền đủ / a draft shows only in the
# preview; set it to false once everything is filled in
draft: true
""",
    ),
    "commendation": (
        "Quyết định khen thưởng",
        "Commendation decision",
        """\
# Tiêu đề lệnh "new": {title}
# (*) Hình thức: giay-khen (Chủ tịch UBND huyện) hoặc bang-khen (Chủ tịch UBND tỉnh)
form: giay-khen
# (*) Số quyết định / decision number, e.g. "15/QĐ-UBND"
number: ""
# (*) Ngày quyết định / date
date: {date}
# (*) Người ký / issuer
issuer: {{vi: Chủ tịch Ủy ban nhân dân huyện Tam Đường}}
# (*) Lý do khen thưởng / reason
reason: {{vi: ""}}
# (*) Mã người, tập thể trong content/people/ / ids from content/people/
recipients: []
sources: []
illustrative: false
# Bản nháp: chỉ hiện khi xem trước; đổi thành false khi đã điền đủ / a draft shows only in the
# preview; set it to false once everything is filled in
draft: true
""",
    ),
    "album": (
        "Album ảnh",
        "Photo album",
        """\
# (*) Tên album / title
title: {{vi: {title}}}
date: {date}
# description: {{vi: ""}}
{image}# (*) Các ảnh / the photos: each needs src and alt; caption, credit, licence optional
photos:
  - src: ""
    alt: {{vi: ""}}
illustrative: false
# Bản nháp: chỉ hiện khi xem trước; đổi thành false khi đã điền đủ / a draft shows only in the
# preview; set it to false once everything is filled in
draft: true
""",
    ),
    "radio": (
        "Chương trình phát thanh",
        "Radio programme",
        """\
# (*) Tên chương trình / title
title: {title}
# (*) Chuyên mục / column
column: ""
# number: "Số 1"
# (*) Ngày và giờ phát / air date and time
air_date: {date}
air_time: "19:30"
# (*) Thời lượng dự kiến (phút) / planned length in minutes
duration_minutes: 10
# (*) Biên tập, phát thanh viên / editor and readers
editor: ""
readers: [""]
# approver: ""
# (*) Các đoạn / segments: opening, lead, news, field, person, milestone, text, music,
#     insert (seconds, cue_in, cue_out), closing; ref is an item's id, text is read aloud
segments:
  - kind: opening
    text: ""
  - kind: closing
    text: ""
illustrative: false
# Bản nháp: kịch bản chỉ tạo khi gọi theo mã (site-builder radio MÃ); khi đã duyệt, ghi
# approver và đổi thành false / a draft's script is made only by id; once approved, fill in
# approver and set it to false
draft: true
""",
    ),
}
FOLDERS = {
    "news": "news/{year}",
    "person": "people",
    "collective": "people",
    "milestone": "milestones",
    "commendation": "commendations",
    "album": "albums",
    "radio": "radio",
}
KINDS = tuple(TEMPLATES)


def new(root: Path, kind: str, title: str, today: dt.date | None = None) -> Path:
    """Create the file of a new item and return its path; never overwrite."""
    today = today or dt.datetime.now(VIETNAM).date()
    kind_vi, kind_en, body = TEMPLATES[kind]
    folder = root / "content" / FOLDERS[kind].format(year=today.year)
    pattern = "*/*.yml" if kind == "news" else "*.yml"
    base = folder.parent if kind == "news" else folder
    taken = {p.stem for p in base.glob(pattern)}  # news ids are unique across years
    # short, and never a name Windows keeps for a device (the repository must check out there)
    candidate = free_id(slugify(title) or {"news": "tin"}.get(kind, kind), taken)
    path = folder / f"{candidate}.yml"
    path.parent.mkdir(parents=True, exist_ok=True)
    text = HEAD.format(kind_vi=kind_vi, kind_en=kind_en) + body.format(
        title=json.dumps(title, ensure_ascii=False),  # a JSON string is a YAML string
        date=today.isoformat(),
        guid=f"urn:uuid:{uuid.uuid4()}",
        image=IMAGE,
    )
    with path.open("x", encoding="utf-8") as out:  # "x": fail rather than overwrite
        out.write(text)
    return path
