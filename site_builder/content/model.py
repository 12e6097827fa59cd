"""The content model: frozen records, each field declaring how it is read from YAML.

Nothing here holds raw YAML. `spec(...)` puts the converter in the field's metadata, so the
schema lives in one place; `reading.py` reads files into these classes.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from dataclasses import field as dc_field
from decimal import Decimal
from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode

from ..text.i18n import Text
from ..text.slugs import slugify
from .loader import position
from .scalars import Alias, Bool, Choice, Date, ImagePath, Int, Number, RefTo, Str, Time, Url
from .schema import Context, Ref, spec
from .structures import ListOf, NameOrText, Obj, StrMap, TextOf, YearMap

FIELD_IDS = (
    "kinh-te",
    "van-hoa-xa-hoi",
    "cai-cach-hanh-chinh",
    "quan-ly-nha-nuoc",
    "quoc-phong-an-ninh",
    "mat-tran-doan-the",
)
NEWS_CATEGORIES = (*FIELD_IDS, "chien-dich")


FRACTION = re.compile(r"[+-]?\d+\.\d+")  # a number with decimals, as `Number` reads one


@dataclass(frozen=True)
class Unit:
    vi: str
    en: str
    count: bool  # counts of things take whole numbers only


UNITS: dict[str, Unit] = {
    "nguoi": Unit("người", "people", True),
    "ho": Unit("hộ", "households", True),
    "xa": Unit("xã", "communes", True),
    "truong": Unit("trường", "schools", True),
    "san-pham": Unit("sản phẩm", "products", True),
    "cong-trinh": Unit("công trình", "works", True),
    "phan-tram": Unit("%", "%", False),
    "ha": Unit("ha", "ha", False),
    "tan": Unit("tấn", "tonnes", False),
    "km": Unit("km", "km", False),
    "trieu-dong": Unit("triệu đồng", "million VND", False),
    "ty-dong": Unit("tỷ đồng", "billion VND", False),
}


@dataclass(frozen=True)
class Image:
    """A picture from content/images/ with the words that go with it."""

    src: str = spec(ImagePath(), required=True)
    alt: Text = spec(TextOf(), required=True)
    caption: Text | None = spec(TextOf())
    credit: Text | None = spec(NameOrText())
    licence: str | None = spec(Str())


@dataclass(frozen=True)
class Commune:
    name: Text = spec(TextOf(), required=True)
    code: str = spec(Str(), required=True)  # a string: "03390" keeps its zero


@dataclass(frozen=True)
class RadioSettings:
    """The station that airs the scripts; a setting, since district radio changed in 2025."""

    station: str = spec(Str(), required=True)
    unit: str | None = spec(Str())
    syllables_per_minute: int = spec(Int(), default=230)  # VOV news: 233 (Nguyễn T. T. Nga, 2012)
    jingle_seconds: int = spec(Int(), default=20)
    music_seconds: int = spec(Int(), default=5)
    southern: bool = spec(Bool(), default=False)


# What each git host's sign-in needs besides `repo`, and why (Decap CMS 3.16, no server of ours
# except GitHub's OAuth service); the hint of `cms-missing-setting`.
CMS_NEEDS: dict[str, dict[str, Text]] = {
    "github": {
        "base_url": Text(
            "GitHub chỉ cho đăng nhập qua một dịch vụ OAuth riêng (ví dụ một Cloudflare Worker "
            "nhỏ, hoặc máy chủ của cơ quan); ghi địa chỉ của nó, xem hướng dẫn biên tập",
            "GitHub signs in only through an OAuth service of your own (a small Cloudflare "
            "Worker, or the office's server); give its address, see the editors' guide",
        ),
    },
    "gitlab": {
        "app_id": Text(
            "tạo một ứng dụng OAuth trong GitLab (không bí mật, quyền 'api'), địa chỉ chuyển "
            "về là trang /admin/, rồi chép mã ứng dụng (Application ID) vào đây",
            "create an OAuth application in GitLab (not confidential, scope 'api') whose "
            "redirect address is the site's /admin/, and copy its Application ID here",
        ),
    },
    "forgejo": {
        "api_root": Text(
            "địa chỉ API của máy chủ Forgejo, ví dụ https://git.tamduong.gov.vn/api/v1",
            "the Forgejo server's API address, e.g. https://git.tamduong.gov.vn/api/v1",
        ),
        "app_id": Text(
            "tạo một ứng dụng OAuth2 trong Forgejo (không bí mật), địa chỉ chuyển về là "
            "trang /admin/, rồi chép Client ID vào đây",
            "create an OAuth2 application in Forgejo (not confidential) whose redirect "
            "address is the site's /admin/, and copy its Client ID here",
        ),
    },
    "gitea": {
        "api_root": Text(
            "địa chỉ API của máy chủ Gitea, ví dụ https://git.tamduong.gov.vn/api/v1",
            "the Gitea server's API address, e.g. https://git.tamduong.gov.vn/api/v1",
        ),
        "app_id": Text(
            "tạo một ứng dụng OAuth2 trong Gitea (không bí mật), địa chỉ chuyển về là "
            "trang /admin/, rồi chép Client ID vào đây",
            "create an OAuth2 application in Gitea (not confidential) whose redirect "
            "address is the site's /admin/, and copy its Client ID here",
        ),
    },
}


@dataclass(frozen=True)
class CmsSettings:
    """Where the web editor (/admin/) commits when the site is hosted; see docs/design.md."""

    backend: str = spec(Choice(*CMS_NEEDS), required=True)
    repo: str = spec(Str(), required=True)  # owner/name
    branch: str = spec(Str(), default="main")  # the published branch
    # Gitea's editor has no review workflow: it saves to this branch, merged after CI
    editing_branch: str = spec(Str(), default="bien-tap")
    base_url: str | None = spec(Url())  # GitHub's OAuth service; a host's own address
    api_root: str | None = spec(Url())  # a self-hosted GitLab; Forgejo and Gitea always
    app_id: str | None = spec(Str())  # the OAuth application of GitLab, Forgejo or Gitea

    @staticmethod
    def check(values: dict[str, Any], nodes: dict[str, Node], ctx: Context, key: str) -> bool:
        """Refuse a back end its sign-in cannot work without (the editor would only fail
        when someone first tries to log in)."""
        backend = values["backend"]
        ok = True
        for name, why in CMS_NEEDS[backend].items():
            if name not in values:
                field = f"{key}.{name}" if key else name
                ctx.error(nodes["backend"], "cms-missing-setting", field, backend=backend,
                          field=name, why=why)  # fmt: skip
                ok = False
        if backend == "gitea" and values.get("editing_branch", "bien-tap") == values.get(
            "branch", "main"
        ):
            node = nodes.get("editing_branch", nodes["backend"])
            ctx.error(node, "cms-editing-branch", key, branch=values.get("branch", "main"))
            ok = False
        return ok


@dataclass(frozen=True)
class Site:
    """content/site.yml: names, dates and the settings every page needs."""

    district: Text = spec(TextOf(), required=True)
    site_name: Text = spec(TextOf(), required=True)
    province: Text = spec(TextOf(), required=True)
    issuing_body: Text = spec(TextOf(), required=True)
    tagline: Text = spec(TextOf(), required=True)
    founded: dt.date = spec(Date(), required=True)
    anniversary: dt.date = spec(Date(), required=True)
    campaign_end: dt.date = spec(Date(), required=True)
    base_url: str = spec(Url(), required=True)
    # a demonstration: its illustrative items may be published (`build --publish`), marked
    demonstration: bool = spec(Bool(), default=False)
    archive_note: Text = spec(TextOf(), required=True)
    about: Text = spec(TextOf(markdown=True), required=True)
    communes: tuple[Commune, ...] = spec(ListOf(Obj(Commune)), default=())
    communes_source: str | None = spec(Str())
    contact: str | None = spec(Str())
    image_widths: tuple[int, ...] = spec(ListOf(Int()), default=(480, 960, 1600))
    image_avif: bool = spec(Bool(), default=False)  # about 3× the encoding time of WebP
    news_page_size: int = spec(Int(), default=10)
    feed_items: int = spec(Int(), default=20)
    hero: Image | None = spec(Obj(Image))
    radio: RadioSettings | None = spec(Obj(RadioSettings))
    cms: CmsSettings | None = spec(Obj(CmsSettings))
    path: str = ""
    lines: tuple[tuple[str, int, int], ...] = ()  # (field, line, column), "" for the file

    def where(self, name: str) -> tuple[int, int]:
        return next(((line, col) for n, line, col in self.lines if n == name), (0, 0))


PLAN_DEPTH = 3  # I. → 1. → a): as deep as the plan goes, and the web editor's form


@dataclass(frozen=True)
class PlanSection:
    number: str = spec(Str(), required=True)
    title: Text | None = spec(TextOf())  # the tasks of section V have only a number
    paragraphs: tuple[Text, ...] = spec(ListOf(TextOf()), default=())
    agency: Text | None = spec(TextOf())
    field: str | None = spec(RefTo("field"))
    sections: tuple[PlanSection, ...] = spec(ListOf(Obj("PlanSection")), default=())

    @staticmethod
    def check(values: dict[str, Any], nodes: dict[str, Node], ctx: Context, key: str) -> bool:
        """Refuse sections below the third level: the editor's form is generated to that
        depth (a recursive form would never end), so deeper ones could not be edited."""
        if key.count("sections[") != PLAN_DEPTH or not values.get("sections"):
            return True
        ctx.error(nodes["sections"], "plan-too-deep", f"{key}.sections", depth=str(PLAN_DEPTH))
        return False


@dataclass(frozen=True)
class Signatory:
    on_behalf: Text = spec(TextOf(), required=True)
    position: Text = spec(TextOf(), required=True)
    name: str = spec(Str(), required=True)


@dataclass(frozen=True)
class Plan:
    """content/plan.yml: the campaign plan, faithful to the source; blanks stay blank."""

    title: Text = spec(TextOf(), required=True)
    kind: Text = spec(TextOf(), required=True)
    number: str | None = spec(Str())  # null where the source leaves it blank
    symbol: str | None = spec(Str())  # "KH-UBND" of "Số: .../KH-UBND"
    date: dt.date | None = spec(Date())
    year: int | None = spec(Int())  # "ngày ... tháng ... năm 2022": only the year is given
    place: Text = spec(TextOf(), required=True)
    sections: tuple[PlanSection, ...] = spec(ListOf(Obj(PlanSection)), required=True)
    closing: Text | None = spec(TextOf())
    recipients: tuple[Text, ...] = spec(ListOf(TextOf()), default=())
    signatory: Signatory = spec(Obj(Signatory), required=True)
    source: str = spec(Str(), required=True)
    allow_contact_details: tuple[str, ...] = spec(ListOf(Str()), default=())
    path: str = ""
    has_en: bool = False


@dataclass(frozen=True)
class Metric:
    label: Text = spec(TextOf(), required=True)
    unit: str = spec(Choice(*UNITS), required=True)
    values: tuple[tuple[int, int | Decimal], ...] = spec(YearMap(), required=True)
    source: Text | None = spec(NameOrText())
    key: bool = spec(Bool(), default=False)  # shown among the key figures on the home page

    @staticmethod
    def check(values: dict[str, Any], nodes: dict[str, Node], ctx: Context, key: str) -> bool:
        """Refuse fractions in counts: `1.234` meant as 1234 cannot be told from 1,234."""
        if not UNITS[values["unit"]].count:
            return True
        ok = True
        node = nodes["values"]
        assert isinstance(node, MappingNode)
        for _, value_node in node.value:  # as written: the values are sorted by year
            if isinstance(value_node, ScalarNode) and FRACTION.fullmatch(value_node.value):
                whole = value_node.value.replace(".", "")
                ctx.error(
                    value_node,
                    "fractional-count",
                    f"{key}.values",
                    unit=values["unit"],
                    found=value_node.value,
                    thousands=str(int(whole)),
                )
                ok = False
        return ok


@dataclass(frozen=True)
class Record:
    """What every item read from its own file has besides its YAML fields."""

    id: str = ""
    path: str = ""
    has_en: bool = False
    lines: tuple[tuple[str, int, int], ...] = ()  # (field, line, column), "" for the file
    lacks: tuple[str, ...] = ()  # what a draft still lacks (keys of fields left empty)
    # fields in which this item may publish a phone number, e-mail or ID (privacy.py)
    allow_contact_details: tuple[str, ...] = spec(ListOf(Str()), default=())

    def where(self, name: str) -> tuple[int, int]:
        return next(((line, col) for n, line, col in self.lines if n == name), (0, 0))


@dataclass(frozen=True)
class AchievementField(Record):
    title: Text = spec(TextOf(), required=True)
    plan_section: str = spec(Str(), required=True)
    order: int = spec(Int(), default=0)
    summary: Text = spec(TextOf(), required=True)
    narrative: Text | None = spec(TextOf(markdown=True))
    metrics: tuple[Metric, ...] = spec(ListOf(Obj(Metric)), default=())
    images: tuple[Image, ...] = spec(ListOf(Obj(Image)), default=())
    illustrative: bool = spec(Bool(), default=False)
    sources: tuple[str, ...] = spec(ListOf(Str()), default=())


@dataclass(frozen=True)
class Milestone(Record):
    date: dt.date = spec(Date(), required=True)
    title: Text = spec(TextOf(), required=True)
    description: Text | None = spec(TextOf(markdown=True))
    field: str | None = spec(RefTo("field"))
    image: Image | None = spec(Obj(Image))
    draft: bool = spec(Bool(), default=False)  # unfinished: only the preview shows it
    illustrative: bool = spec(Bool(), default=False)
    sources: tuple[str, ...] = spec(ListOf(Str()), default=())


@dataclass(frozen=True)
class Person(Record):
    kind: str = spec(Choice("individual", "collective"), required=True)
    name: Text = spec(TextOf(), required=True)
    role: Text | None = spec(TextOf())
    commune: str | None = spec(Str())  # a commune's name as content/site.yml lists it
    summary: Text = spec(TextOf(), required=True)
    story: Text | None = spec(TextOf(markdown=True))
    photo: Image | None = spec(Obj(Image))
    fields: tuple[str, ...] = spec(ListOf(RefTo("field")), default=())
    consent: bool = spec(Bool(), default=False)  # an individual is published only with true
    draft: bool = spec(Bool(), default=False)  # unfinished: only the preview shows it
    illustrative: bool = spec(Bool(), default=False)
    sources: tuple[str, ...] = spec(ListOf(Str()), default=())
    aliases: tuple[str, ...] = spec(ListOf(Alias()), default=())

    @property
    def published(self) -> bool:
        """Collectives need no consent; an individual needs `consent: true`."""
        return self.kind == "collective" or self.consent


@dataclass(frozen=True)
class Commendation(Record):
    form: str = spec(Choice("giay-khen", "bang-khen"), required=True)
    number: str = spec(Str(), required=True)
    date: dt.date = spec(Date(), required=True)
    issuer: Text = spec(TextOf(), required=True)
    reason: Text = spec(TextOf(), required=True)
    recipients: tuple[str, ...] = spec(ListOf(RefTo("person")), required=True)
    draft: bool = spec(Bool(), default=False)  # unfinished: only the preview shows it
    illustrative: bool = spec(Bool(), default=False)
    sources: tuple[str, ...] = spec(ListOf(Str()), default=())


@dataclass(frozen=True)
class NewsItem(Record):
    title: Text = spec(TextOf(), required=True)
    date: dt.date = spec(Date(), required=True)
    summary: Text = spec(TextOf(), required=True)
    body: Text = spec(TextOf(markdown=True), required=True)
    category: str = spec(Choice(*NEWS_CATEGORIES), required=True)
    tags: tuple[str, ...] = spec(ListOf(Str()), default=())
    image: Image | None = spec(Obj(Image))  # the lead image, also in feeds
    images: tuple[Image, ...] = spec(ListOf(Obj(Image)), default=())
    author: Text | None = spec(NameOrText())
    people: tuple[str, ...] = spec(ListOf(RefTo("person")), default=())
    fields: tuple[str, ...] = spec(ListOf(RefTo("field")), default=())
    aliases: tuple[str, ...] = spec(ListOf(Alias()), default=())
    guid: str | None = spec(Str())  # written once by `site-builder new`; never edit it
    draft: bool = spec(Bool(), default=False)
    illustrative: bool = spec(Bool(), default=False)
    sources: tuple[str, ...] = spec(ListOf(Str()), default=())


@dataclass(frozen=True)
class Album(Record):
    title: Text = spec(TextOf(), required=True)
    date: dt.date | None = spec(Date())
    description: Text | None = spec(TextOf())
    photos: tuple[Image, ...] = spec(ListOf(Obj(Image)), required=True)
    draft: bool = spec(Bool(), default=False)  # unfinished: only the preview shows it
    illustrative: bool = spec(Bool(), default=False)


SEGMENT_REFS = {"news": "news", "field": "field", "person": "person", "milestone": "milestone"}
SEGMENT_KINDS = ("opening", "lead", *SEGMENT_REFS, "text", "music", "insert", "closing")
_NEEDS_TEXT = ("opening", "lead", "text", "closing")


@dataclass(frozen=True)
class Segment:
    """One block of a programme: read text, an item by id, music or a recorded insert."""

    kind: str = spec(Choice(*SEGMENT_KINDS), required=True)
    title: str | None = spec(Str())
    text: str | None = spec(Str())
    ref: str | None = spec(Str())
    spoken: str | None = spec(Str())  # read on air instead of the text or the item's words
    reader: str | None = spec(Str())
    credit: str | None = spec(Str())
    seconds: int | None = spec(Int())
    cue_in: str | None = spec(Str())
    cue_out: str | None = spec(Str())
    lines: tuple[tuple[str, int, int], ...] = ()  # (field, line, column), "" for the segment

    def where(self, *names: str) -> tuple[int, int]:
        """Return the line and column of the first of `names` written in the file."""
        found = {name: (line, col) for name, line, col in self.lines}
        return next((found[n] for n in names if n in found), found.get("", (0, 0)))

    @staticmethod
    def check(values: dict[str, Any], nodes: dict[str, Node], ctx: Context, key: str) -> bool:
        """Require what each kind needs; queue its reference for the cross-file check."""
        kind, ok = values["kind"], True
        node = nodes["kind"]
        if kind in SEGMENT_REFS:
            if "ref" not in values:
                ctx.error(node, "missing-field", key, field="ref")
                return False
            line, col = position(nodes["ref"])
            ctx.refs.append(
                Ref(SEGMENT_REFS[kind], values["ref"], ctx.rel, line, col, f"{key}.ref")
            )
        if kind in _NEEDS_TEXT and not values.get("text", "").strip():
            code = "empty-field" if "text" in nodes else "missing-field"
            ok = ctx.unfinished(nodes.get("text", node), code, key, f"{key}.text", field="text")
        if kind == "insert" and "seconds" not in values:
            ctx.error(node, "missing-field", key, field="seconds")
            ok = False
        return ok


@dataclass(frozen=True)
class Programme(Record):
    """content/radio/<id>.yml: a radio programme, read in Vietnamese."""

    title: str = spec(Str(), required=True)
    column: str = spec(Str(), required=True)
    number: str | None = spec(Str())
    air_date: dt.date = spec(Date(), required=True)
    air_time: dt.time = spec(Time(), required=True)
    repeat_times: tuple[dt.time, ...] = spec(ListOf(Time()), default=())
    duration_minutes: float = spec(Number(), required=True)  # 2.5 is two and a half minutes
    editor: str = spec(Str(), required=True)
    readers: tuple[str, ...] = spec(ListOf(Str()), required=True)
    approver: str | None = spec(Str())
    segments: tuple[Segment, ...] = spec(ListOf(Obj(Segment)), required=True)
    summary: Text | None = spec(TextOf())  # shown on the public programmes page
    illustrative: bool = spec(Bool(), default=False)
    draft: bool = spec(Bool(), default=False)  # a script only by id, stamped as a draft


@dataclass(frozen=True)
class Glossary:
    """content/glossary.yml: abbreviations and how they are read aloud, and the English
    names of news tags (declared once here; a tag's address keeps its Vietnamese slug)."""

    terms: tuple[tuple[str, str], ...] = spec(StrMap(pair=("term", "spoken")), default=())
    tags: tuple[tuple[str, str], ...] = spec(StrMap(pair=("tag", "english")), default=())
    path: str = ""

    def tag_names(self) -> dict[str, str]:
        """Return each tag's English name by the tag's slug (spellings that differ only in
        tone placement are one tag, as on the site)."""
        return {slugify(tag) or "the": name for tag, name in self.tags}


Obj.registry["PlanSection"] = PlanSection


@dataclass
class Content:
    """Everything read from content/, ready for the page generators."""

    site: Site | None = None
    plan: Plan | None = None
    fields: dict[str, AchievementField] = dc_field(default_factory=dict)
    milestones: dict[str, Milestone] = dc_field(default_factory=dict)
    people: dict[str, Person] = dc_field(default_factory=dict)
    commendations: dict[str, Commendation] = dc_field(default_factory=dict)
    news: dict[str, NewsItem] = dc_field(default_factory=dict)
    albums: dict[str, Album] = dc_field(default_factory=dict)
    programmes: dict[str, Programme] = dc_field(default_factory=dict)
    glossary: Glossary | None = None
    image_refs: dict[str, tuple[str, int, int, str]] = dc_field(default_factory=dict)  # first use
