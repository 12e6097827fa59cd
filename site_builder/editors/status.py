"""`site-builder status`: the editors' to-do list, from the content as it stands."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from ..content.model import Content, Image, Person, Programme
from ..content.validate import KINDS
from ..core.errors import ContentError, report
from ..text.i18n import Text

LABELS = {
    "vi": {
        "title": "Tình trạng nội dung",
        "translation": "Bản tiếng Anh",
        "of": "{with_en}/{total} có bản tiếng Anh",
        "missing": "chưa có",
        "illustrative": "Nội dung minh họa còn trên trang",
        "without_image": "Chưa có ảnh",
        "alt_without_en": "Ảnh chưa có mô tả tiếng Anh (alt.en)",
        "no_consent": "Cá nhân chưa đồng ý công bố (không hiện trên trang)",
        "none": "không có",
        "problems": "Nội dung còn lỗi: chạy 'site-builder check' để xem chi tiết.",
        "drafts": "Bản nháp (chỉ hiện khi xem trước)",
        "lacks": "còn thiếu",
        "ready": "đã đủ, đổi draft thành false để đăng",
        "en": "bản tiếng Anh",
        "consent": "sự đồng ý công bố (consent)",
        "approver": "người duyệt (approver)",
    },
    "en": {
        "title": "Content status",
        "translation": "English versions",
        "of": "{with_en}/{total} have English",
        "missing": "missing",
        "illustrative": "Illustrative content still on the site",
        "without_image": "No picture yet",
        "alt_without_en": "Pictures without an English description (alt.en)",
        "no_consent": "Individuals without consent (not published)",
        "none": "none",
        "problems": "The content has errors: run 'site-builder check' for details.",
        "drafts": "Drafts (shown only in the preview)",
        "lacks": "still lacks",
        "ready": "complete: set draft to false to publish",
        "en": "English",
        "consent": "consent to publish (consent)",
        "approver": "an approver (approver)",
    },
}
KIND_NAMES = {"field": ("lĩnh vực", "fields"), "milestone": ("mốc", "milestones"),
              "person": ("gương điển hình", "exemplars"),
              "commendation": ("quyết định khen thưởng", "commendations"),
              "news": ("tin", "news items"), "album": ("album", "albums")}  # fmt: skip
WITH_PICTURE = {"person": "photo", "news": "image", "field": "images"}


def gather(content: Content) -> dict[str, Any]:
    """Return the to-do list as data (the JSON of `status --format json`)."""
    translation: dict[str, dict[str, Any]] = {}
    illustrative: list[str] = []
    without_image: list[str] = []
    alt_without_en: list[str] = []
    no_consent: list[str] = []
    drafts = [{"path": item.path, "lacks": still_lacks(item)}
              for kind in KINDS for item in getattr(content, kind.attr).values()
              if getattr(item, "draft", False)]  # fmt: skip
    for kind in KINDS:
        if kind.name == "programme":
            continue
        items = [i for i in getattr(content, kind.attr).values() if _published(i)]
        lacking = sorted(i.path for i in items if not i.has_en)
        translation[kind.name] = {"total": len(items), "with_en": len(items) - len(lacking),
                                  "missing": lacking}  # fmt: skip
        illustrative += [i.path for i in items if getattr(i, "illustrative", False)]
        if kind.name in WITH_PICTURE:
            without_image += [i.path for i in items if not getattr(i, WITH_PICTURE[kind.name])]
        for item in items:
            alt_without_en += [f"{item.path}: {img.src}" for img in _images(item) if not img.alt.en]
    for person in content.people.values():
        if not person.published and not person.draft:  # a draft's lack is listed with it
            no_consent.append(person.path)
    return {
        "drafts": sorted(drafts, key=lambda d: d["path"]),
        "translation": translation,
        "illustrative": sorted(illustrative),
        "without_image": sorted(without_image),
        "alt_without_en": sorted(alt_without_en),
        "no_consent": sorted(no_consent),
    }


def render(data: dict[str, Any], problems: list[ContentError], lang: str, fmt: str) -> str:
    if fmt == "json":
        errors = sum(p.severity == "error" for p in problems)
        return json.dumps({**data, "errors": errors}, ensure_ascii=False, indent=2)
    words = LABELS[lang]
    out = [words["title"], "", words["translation"] + ":"]
    for kind, figures in data["translation"].items():
        name = KIND_NAMES[kind][0 if lang == "vi" else 1]
        out.append(f"  {name}: {words['of'].format(**figures)}")
        out += [f"    {words['missing']}: {path}" for path in figures["missing"]]
    for key in ("illustrative", "without_image", "alt_without_en", "no_consent"):
        out += ["", f"{words[key]} ({len(data[key])}):"]
        out += [f"  {path}" for path in data[key]] or [f"  {words['none']}"]
    out += ["", f"{words['drafts']} ({len(data['drafts'])}):"]
    for draft in data["drafts"]:
        lacks = [words.get(lack, lack) for lack in draft["lacks"]]
        out.append(f"  {draft['path']}: " + (f"{words['lacks']} " + ", ".join(lacks) if lacks
                                             else words["ready"]))  # fmt: skip
    if not data["drafts"]:
        out.append(f"  {words['none']}")
    if any(p.severity == "error" for p in problems):
        out += ["", words["problems"], report(problems, lang).splitlines()[-1]]
    return "\n".join(out)


def still_lacks(item: Any) -> list[str]:
    """What a draft still lacks before it can be published: the fields it left empty (by
    key), then "en" (English), "consent" (an individual's), "approver" (a programme's)."""
    lacks = list(item.lacks)
    if not item.has_en and not isinstance(item, Programme):  # programmes are read in Vietnamese
        lacks.append("en")
    if isinstance(item, Person) and not item.published:
        lacks.append("consent")
    if isinstance(item, Programme) and not item.approver:
        lacks.append("approver")
    return lacks


def _published(item: Any) -> bool:
    """On the public site: not a draft, and an individual only with consent."""
    if getattr(item, "draft", False):
        return False
    return not isinstance(item, Person) or item.published


def _images(item: Any) -> list[Image]:
    """Return every picture of an item, wherever it sits in the record."""
    found: list[Image] = []

    def walk(value: Any) -> None:
        if isinstance(value, Image):
            found.append(value)
        elif isinstance(value, tuple):
            for v in value:
                walk(v)
        elif dataclasses.is_dataclass(value) and not isinstance(value, Text | type):
            for f in dataclasses.fields(value):
                walk(getattr(value, f.name))

    walk(item)
    return found
