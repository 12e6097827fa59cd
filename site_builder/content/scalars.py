"""Converters of single YAML values: text, names, web addresses, numbers, dates, choices,
references and image paths."""

from __future__ import annotations

import datetime as dt
import decimal
import ipaddress
import re
import unicodedata
import urllib.parse
from typing import Any

from yaml.nodes import Node, ScalarNode

from ..text.hygiene import is_name_key, strip_invisible
from ..text.i18n import Text
from ..text.slugs import ID_PATTERN
from .loader import position
from .references import check_image
from .schema import OMIT, Context, Ref, Scalar

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


class Str(Scalar):
    expected = Text("một chuỗi văn bản", "a text value")
    placeholder = ""

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
    """A plain number: `12` is an int, `2.5` a float, or with `exact` a Decimal.

    `exact` keeps the digits as written, for figures shown to readers: `3.10` stays 3,10 and
    `3.125` is not rounded to 3,12 (a float forgets the written precision).
    """

    expected = Text("một số", "a number")

    def __init__(self, exact: bool = False) -> None:
        self.exact = exact

    def parse(self, value: str, node: ScalarNode, ctx: Context, key: str) -> Any:
        if re.fullmatch(r"[+-]?\d+", value):
            return int(value, 10)
        if re.fullmatch(r"[+-]?\d+\.\d+", value):
            return decimal.Decimal(value) if self.exact else float(value)
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
    placeholder = OMIT  # a draft's picture not chosen yet: the picture is left out

    def parse(self, value: str, node: ScalarNode, ctx: Context, key: str) -> Any:
        checked = check_image(value, ctx.project)
        if checked.problem is not None:
            code, args = checked.problem
            if code in ("missing-file", "empty-image-path") and ctx.draft:  # still to come
                ctx.lacks.append(f"{key}: {value}")
                return OMIT
            return ctx.error(node, code, key, **args)
        if checked.large is not None:
            ctx.warn(node, "large-photo", key, **checked.large)
        ctx.images.append(Ref("image", checked.src, ctx.rel, *position(node), key))
        return checked.src
