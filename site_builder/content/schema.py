"""Type YAML nodes by the schema, collecting every problem instead of stopping at the first.

The schema is declared once, on the model's dataclasses: each field carries its converter
in `metadata` (see `spec`). A converter returns the typed value, or `INVALID` after
recording why; conversion always continues so that a run reports everything.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import ipaddress
import re
import unicodedata
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..core.errors import WARNING, ContentError
from ..text.hygiene import is_name_key, strip_invisible
from ..text.i18n import Text
from ..text.slugs import ID_PATTERN
from .loader import position
from .references import check_image
from .richtext import body_images

INVALID: Any = object()  # a sentinel: the problem is already recorded
_NULLS = {"", "~", "null", "Null", "NULL"}


@dataclass(frozen=True)
class Ref:
    """A reference by id, checked once every file has loaded."""

    kind: str
    id: str
    path: str
    line: int
    col: int
    key: str


@dataclass
class Context:
    """What conversion of one file needs and produces besides the value."""

    rel: str
    project: Path
    problems: list[ContentError] = field(default_factory=list)
    refs: list[Ref] = field(default_factory=list)
    aliases: list[Ref] = field(default_factory=list)
    images: list[Ref] = field(default_factory=list)  # every image path, where it is written
    missing_en: bool = False

    def error(self, node: Node, code: str, key: str = "", **args: Any) -> Any:
        self.problems.append(ContentError(self.rel, *position(node), code, args, key))
        return INVALID

    def warn(self, node: Node, code: str, key: str = "", **args: Any) -> None:
        problem = ContentError(self.rel, *position(node), code, args, key, WARNING)
        self.problems.append(problem)


def _kind(node: Node) -> Text:
    if isinstance(node, MappingNode):
        return Text("một bảng 'khóa: giá trị'", "a mapping of 'key: value'")
    if isinstance(node, SequenceNode):
        return Text("một danh sách", "a list")
    return Text(f"giá trị '{node.value}'", f"the value '{node.value}'")


def is_null(node: Node) -> bool:
    return isinstance(node, ScalarNode) and node.style is None and node.value in _NULLS


def is_blank(node: Node) -> bool:
    """True for an empty text, or a mapping whose every value is blank: nothing was written."""
    if isinstance(node, ScalarNode):
        return not node.value.strip()
    if isinstance(node, MappingNode):
        return all(is_blank(v) for _, v in node.value)
    return False


def spec(conv: Converter, *, required: bool = False, default: Any = None) -> Any:
    """Declare a model field read from YAML; typed Any so dataclass defaults type-check."""
    if isinstance(default, list | dict):
        raise TypeError("use tuples for defaults")
    return field(default=default, metadata={"conv": conv, "required": required})


class Converter:
    expected = Text("một giá trị", "a value")
    example = Text("", "")

    def convert(self, node: Node, ctx: Context, key: str) -> Any:
        raise NotImplementedError

    def wrong_type(self, node: Node, ctx: Context, key: str) -> Any:
        return ctx.error(
            node, "wrong-type", key, expected=self.expected, found=_kind(node), example=self.example
        )


class Scalar(Converter):
    """A converter of one scalar; subclasses parse the string."""

    def convert(self, node: Node, ctx: Context, key: str) -> Any:
        if not isinstance(node, ScalarNode):
            return self.wrong_type(node, ctx, key)
        return self.parse(node.value, node, ctx, key)

    def parse(self, value: str, node: ScalarNode, ctx: Context, key: str) -> Any:
        return value


class Str(Scalar):
    expected = Text("một chuỗi văn bản", "a text value")

    def parse(self, value: str, node: ScalarNode, ctx: Context, key: str) -> Any:
        return clean_name(value, node, ctx, key)


def clean_name(value: str, node: Node, ctx: Context, key: str) -> str:
    """Strip invisible characters from titles and names, warning the editor."""
    if not is_name_key(key):
        return value
    cleaned, removed = strip_invisible(value)
    if removed:
        ctx.warn(node, "invisible-characters", key, chars=", ".join(removed))
    return cleaned


class Url(Scalar):
    """A base web address (site, OAuth server, API root), parsed strictly.

    The value reaches HTML attributes that Material's templates print without escaping
    (the canonical link, asset paths of the 404 pages), so nothing that could end an
    attribute or open a tag may pass: http or https, a host name, an optional port and a
    path of URL characters; no quotes, angle brackets, spaces, control characters, user
    name, query or fragment.
    """

    expected = Text("một địa chỉ web", "a web address")

    def parse(self, value: str, node: ScalarNode, ctx: Context, key: str) -> Any:
        why = url_problem(value)
        if why is not None:
            return ctx.error(node, "bad-url", key, found=_shown(value), why=why)
        return value if value.endswith("/") else value + "/"


# RFC 3986 path characters without the quote and the ampersand; "%" only before two hex digits
_URL_PATH = re.compile(r"(?:[A-Za-z0-9\-._~!$()*+,;=:@/]|%[0-9A-Fa-f]{2})*")
_HOST_LABEL = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?")
_URL_CHARS = {
    '"': Text("dấu nháy kép", "a double quote"),
    "'": Text("dấu nháy đơn", "a single quote"),
    "<": Text("dấu <", "an angle bracket <"),
    ">": Text("dấu >", "an angle bracket >"),
    "`": Text("dấu `", "a backquote"),
    "\\": Text("dấu \\", "a backslash"),
}


def url_problem(value: str) -> Text | None:
    """Return why `value` is not a usable base web address, or None when it is."""
    for char in value:
        if char in _URL_CHARS:
            found = _URL_CHARS[char]
            return Text(f"có {found.vi}", f"it contains {found.en}")
        if char.isspace() or unicodedata.category(char)[0] in "CZ":
            code = f"U+{ord(char):04X}"
            return Text(
                f"có dấu cách hoặc ký tự điều khiển ({code})",
                f"it contains a space or control character ({code})",
            )
    try:
        parts = urllib.parse.urlsplit(value)
        if parts.port == 0:  # parts.port: ValueError when not a number up to 65535
            raise ValueError
    except ValueError:
        return Text("tên máy chủ hoặc cổng không hợp lệ", "its host or port is not valid")
    if parts.scheme not in ("http", "https") or not value.lower().startswith(parts.scheme + "://"):
        return Text(
            "không bắt đầu bằng https:// hoặc http://", "it does not start with https:// or http://"
        )
    if "@" in parts.netloc:
        return Text("có tên người dùng hoặc mật khẩu", "it contains a user name or password")
    if "?" in value or "#" in value:
        return Text("có phần '?…' hoặc '#…'", "it has a '?…' query or '#…' fragment")
    if not _valid_host(parts.hostname or ""):
        return Text("thiếu tên máy chủ hợp lệ", "it has no valid host name")
    ascii_path = "".join(c for c in parts.path if c.isascii())
    letters = all(unicodedata.category(c)[0] in "LMN" for c in parts.path if not c.isascii())
    if not _URL_PATH.fullmatch(ascii_path) or not letters:
        return Text("đường dẫn có ký tự không hợp lệ", "its path has characters not allowed")
    return None


def _valid_host(host: str) -> bool:
    if not host:
        return False
    try:
        ipaddress.ip_address(host)
        return True
    except ValueError:
        pass
    try:
        ascii_host = host.encode("idna").decode("ascii")  # Vietnamese domain names
    except UnicodeError:
        return False
    labels = ascii_host.split(".")
    return len(ascii_host) <= 253 and all(_HOST_LABEL.fullmatch(label) for label in labels)


def _shown(value: str) -> str:
    """The value as a message may print it: control characters as U+XXXX, long ones cut."""
    shown = "".join(f"<U+{ord(c):04X}>" if unicodedata.category(c)[0] == "C" else c for c in value)
    return shown if len(shown) <= 80 else shown[:79] + "…"


class Int(Scalar):
    expected = Text("một số nguyên", "a whole number")

    def parse(self, value: str, node: ScalarNode, ctx: Context, key: str) -> Any:
        if re.fullmatch(r"[+-]?\d+", value):
            return int(value, 10)  # "010" is ten, not YAML 1.1's octal eight
        digits = re.sub(r"[\s._,]", "", value)
        example = (
            Text(f"viết {int(digits)} (không có dấu phân cách)", f"write {int(digits)}")
            if digits.isdigit()
            else Text("ví dụ 2022", "for example 2022")
        )
        return ctx.error(node, "bad-integer", key, found=value, example=example)


class Number(Scalar):
    expected = Text("một số", "a number")

    def parse(self, value: str, node: ScalarNode, ctx: Context, key: str) -> Any:
        if re.fullmatch(r"[+-]?\d+", value):
            return int(value, 10)
        if re.fullmatch(r"[+-]?\d+\.\d+", value):
            return float(value)
        return ctx.error(node, "bad-number", key, found=value)


class Bool(Scalar):
    expected = Text("true hoặc false", "true or false")

    def parse(self, value: str, node: ScalarNode, ctx: Context, key: str) -> Any:
        if value.lower() in ("true", "false"):
            return value.lower() == "true"
        return ctx.error(node, "bad-bool", key, found=value)


class Date(Scalar):
    expected = Text("một ngày", "a date")

    def parse(self, value: str, node: ScalarNode, ctx: Context, key: str) -> Any:
        iso = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value)
        vn = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", value)
        try:
            if iso:
                return dt.date(int(iso[1]), int(iso[2]), int(iso[3]))
            if vn:
                return dt.date(int(vn[3]), int(vn[2]), int(vn[1]))
        except ValueError:
            pass
        return ctx.error(node, "bad-date", key, found=value)


class Time(Scalar):
    expected = Text("giờ dạng HH:MM", "a time as HH:MM")

    def parse(self, value: str, node: ScalarNode, ctx: Context, key: str) -> Any:
        m = re.fullmatch(r"(\d{1,2}):(\d{2})", value)
        if m and int(m[1]) < 24 and int(m[2]) < 60:
            return dt.time(int(m[1]), int(m[2]))
        return ctx.error(node, "bad-time", key, found=value)


class Choice(Scalar):
    def __init__(self, *values: str, code: str = "bad-choice") -> None:
        self.values = values
        self.code = code

    def parse(self, value: str, node: ScalarNode, ctx: Context, key: str) -> Any:
        if value in self.values:
            return value
        return ctx.error(node, self.code, key, found=value, valid=", ".join(self.values))


class RefTo(Scalar):
    """An id of another item, checked after everything has loaded (`validate.py`)."""

    expected = Text("một mã", "an id")

    def __init__(self, kind: str) -> None:
        self.kind = kind

    def parse(self, value: str, node: ScalarNode, ctx: Context, key: str) -> Any:
        ctx.refs.append(Ref(self.kind, value, ctx.rel, *position(node), key))
        return value


class Alias(Scalar):
    """An old address of an item: an old id (`le-cu`) or an old site path (`/tin-cu/le-cu/`)."""

    expected = Text("một mã cũ hoặc đường dẫn cũ", "an old id or path")

    def parse(self, value: str, node: ScalarNode, ctx: Context, key: str) -> Any:
        parts = [p for p in value.strip("/").split("/") if p]
        if not parts or not all(ID_PATTERN.match(p) for p in parts):
            return ctx.error(node, "bad-alias", key, found=value)
        alias = "/".join(parts) + "/" if "/" in value else parts[0]
        ctx.aliases.append(Ref("alias", alias, ctx.rel, *position(node), key))
        return alias


class ImagePath(Scalar):
    """A path below content/images/ that must stay inside it and name an existing image."""

    expected = Text("đường dẫn ảnh", "an image path")

    def parse(self, value: str, node: ScalarNode, ctx: Context, key: str) -> Any:
        checked = check_image(value, ctx.project)
        if checked.problem is not None:
            return ctx.error(node, checked.problem[0], key, **checked.problem[1])
        if checked.large is not None:
            ctx.warn(node, "large-photo", key, **checked.large)
        ctx.images.append(Ref("image", checked.src, ctx.rel, *position(node), key))
        return checked.src


class TextOf(Converter):
    """Translatable text `{vi: ..., en: ...}`; `vi` required, `en` optional."""

    expected = Text("văn bản dạng {vi: ..., en: ...}", "text as {vi: ..., en: ...}")
    example = Text("ví dụ  tên: {vi: Tam Đường, en: Tam Duong}", "e.g. name: {vi: ..., en: ...}")

    def __init__(self, markdown: bool = False) -> None:
        self.markdown = markdown

    def convert(self, node: Node, ctx: Context, key: str) -> Any:
        if not isinstance(node, MappingNode):
            return self.wrong_type(node, ctx, key)
        values: dict[str, str | None] = {"vi": None, "en": None}
        for k, v in node.value:
            name = k.value if isinstance(k, ScalarNode) else "?"
            if name not in values:
                _unknown(k, name, ("vi", "en"), ctx, key)
            elif is_null(v):
                continue
            elif not isinstance(v, ScalarNode):
                Str().wrong_type(v, ctx, f"{key}.{name}")
            else:
                values[name] = clean_name(v.value, v, ctx, f"{key}.{name}")
                if self.markdown:
                    for alt, src in body_images(v.value):
                        checked = check_image(src, ctx.project)
                        problem = checked.problem
                        if problem is None and not alt.strip():
                            problem = ("missing-alt", {"found": src})
                        if problem is not None:
                            ctx.error(v, problem[0], f"{key}.{name}", **problem[1])
                        else:
                            if checked.large is not None:
                                ctx.warn(v, "large-photo", f"{key}.{name}", **checked.large)
                            where = (ctx.rel, *position(v), f"{key}.{name}")
                            ctx.images.append(Ref("image", checked.src, *where))
        if values["vi"] is None or not values["vi"].strip():
            return ctx.error(node, "missing-vi", key)
        return Text(values["vi"], values["en"] if values["en"] and values["en"].strip() else None)


class ListOf(Converter):
    expected = Text("một danh sách (các dòng bắt đầu bằng '- ')", "a list (lines starting '- ')")

    def __init__(self, item: Converter) -> None:
        self.item = item

    def convert(self, node: Node, ctx: Context, key: str) -> Any:
        if not isinstance(node, SequenceNode):
            return self.wrong_type(node, ctx, key)
        items = []
        for i, item in enumerate(node.value):
            if isinstance(item, ScalarNode) and not item.value.strip():  # `- ""`: fill or delete
                items.append(ctx.error(item, "empty-field", f"{key}[{i}]", field=key))
            else:
                items.append(self.item.convert(item, ctx, f"{key}[{i}]"))
        return tuple(v for v in items if v is not INVALID)


class StrMap(Converter):
    """A mapping of text to text, as the glossary is written: `UBND: Ủy ban nhân dân`."""

    expected = Text("các cặp 'khóa: giá trị'", "pairs of 'key: value'")

    def convert(self, node: Node, ctx: Context, key: str) -> Any:
        if not isinstance(node, MappingNode):
            return self.wrong_type(node, ctx, key)
        result = {}
        for k, v in node.value:
            name = Str().convert(k, ctx, key)
            value = Str().convert(v, ctx, f"{key}.{getattr(k, 'value', '?')}")
            if name is not INVALID and value is not INVALID:
                result[name] = value
        return tuple(result.items())


class YearMap(Converter):
    """A mapping of year to number, as metric values are written: `{2002: 12, 2022: 40}`."""

    expected = Text("các cặp 'năm: giá trị'", "pairs of 'year: value'")

    def convert(self, node: Node, ctx: Context, key: str) -> Any:
        if not isinstance(node, MappingNode):
            return self.wrong_type(node, ctx, key)
        result: dict[int, float] = {}
        for k, v in node.value:
            year = Int().convert(k, ctx, key)
            value = Number().convert(v, ctx, f"{key}.{getattr(k, 'value', '?')}")
            if year is not INVALID and value is not INVALID:
                result[year] = value
        return tuple(sorted(result.items()))


class Obj(Converter):
    """A mapping read into a dataclass whose fields are declared with `spec`."""

    expected = Text("một bảng 'khóa: giá trị'", "a mapping of 'key: value'")
    registry: ClassVar[dict[str, type]] = {}

    def __init__(self, cls: type | str) -> None:
        self._cls = cls

    @property
    def cls(self) -> type:
        return self.registry[self._cls] if isinstance(self._cls, str) else self._cls

    def convert(
        self, node: Node, ctx: Context, key: str, extra: dict[str, Any] | None = None
    ) -> Any:
        if not isinstance(node, MappingNode):
            return self.wrong_type(node, ctx, key)
        fields = {f.name: f for f in dataclasses.fields(self.cls) if "conv" in f.metadata}
        values: dict[str, Any] = {}
        nodes: dict[str, Node] = {}
        ok = True
        for k, v in node.value:
            name = k.value if isinstance(k, ScalarNode) else "?"
            sub = f"{key}.{name}" if key else name
            if name not in fields:
                _unknown(k, name, tuple(fields), ctx, key)
                ok = False
                continue
            nodes[name] = v
            required = fields[name].metadata["required"]
            blank = isinstance(v, ScalarNode) and not v.value.strip()
            if not required and is_blank(v):  # e.g. `caption: {vi: ''}` left by a web form
                continue
            if is_null(v) or (required and blank):
                if required:  # written, but with nothing in it
                    ctx.error(v, "empty-field", key, field=name)
                    ok = False
                continue
            value = fields[name].metadata["conv"].convert(v, ctx, sub)
            if value is INVALID:
                ok = False
            else:
                values[name] = value
        for name, f in fields.items():
            if f.metadata["required"] and name not in values:
                if name not in nodes:  # absent; an empty value was reported above
                    ctx.error(node, "missing-field", key, field=name)
                ok = False
            elif f.metadata["required"] and _lacks_en(values[name]):
                ctx.missing_en = True  # only required text decides whether an item has English
        if not ok:
            return INVALID
        check = getattr(self.cls, "check", None)
        if check is not None and not check(values, nodes, ctx, key):
            return INVALID
        extra = dict(extra or {})
        if "lines" in {f.name for f in dataclasses.fields(self.cls)}:  # where each field is
            where = [(name, *position(n)) for name, n in nodes.items()]
            extra["lines"] = (("", *position(node)), *where)
        return self.cls(**values, **extra)


def _lacks_en(value: Any) -> bool:
    if isinstance(value, Text):
        return value.en is None
    return isinstance(value, tuple) and any(_lacks_en(v) for v in value)


def _unknown(node: Node, name: str, valid: tuple[str, ...], ctx: Context, key: str) -> None:
    close = difflib.get_close_matches(name, valid, n=1, cutoff=0.6)
    if close:
        ctx.error(node, "unknown-field", key, field=name, suggestion=close[0])
    else:
        ctx.error(node, "unknown-field-list", key, field=name, valid=", ".join(valid))


def field_names(cls: type) -> list[str]:
    """Return the YAML field names of a model class, required ones first."""
    fields = [f for f in dataclasses.fields(cls) if "conv" in f.metadata]
    return [f.name for f in sorted(fields, key=lambda f: not f.metadata["required"])]


def required_names(cls: type) -> list[str]:
    return [f.name for f in dataclasses.fields(cls) if f.metadata.get("required")]
