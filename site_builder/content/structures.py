"""Converters of YAML collections: translatable text, lists, maps, yearly values and records."""

from __future__ import annotations

import dataclasses
import difflib
from decimal import Decimal
from typing import Any, ClassVar

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..core.errors import ContentError
from ..text.i18n import Text
from .loader import position
from .references import check_image
from .richtext import body_images
from .scalars import Int, Number, Str, clean_name
from .schema import INVALID, OMIT, Context, Converter, Ref, is_blank, is_null


class TextOf(Converter):
    """Translatable text `{vi: ..., en: ...}`; `vi` required, `en` optional."""

    expected = Text("văn bản dạng {vi: ..., en: ...}", "text as {vi: ..., en: ...}")
    example = Text("ví dụ  tên: {vi: Tam Đường, en: Tam Duong}", "e.g. name: {vi: ..., en: ...}")

    placeholder = Text("")

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
                        here = f"{key}.{name}"
                        if problem is None and not alt.strip():  # a draft shows it meanwhile
                            lack = f"{here}: {src}"
                            if not ctx.unfinished(v, "missing-alt", here, lack, found=src):
                                continue
                        if problem is not None:
                            if problem[0] in _UNFINISHED_IMAGE:  # a picture still to come
                                ctx.unfinished(v, problem[0], here, f"{here}: {src}", **problem[1])
                            else:
                                ctx.error(v, problem[0], here, **problem[1])
                        else:
                            if checked.large is not None:
                                ctx.warn(v, "large-photo", f"{key}.{name}", **checked.large)
                            where = (ctx.rel, *position(v), f"{key}.{name}")
                            ctx.images.append(Ref("image", checked.src, *where))
        vi = values["vi"] or ""
        if not vi.strip() and not ctx.unfinished(node, "missing-vi", key):
            return INVALID
        return Text(vi, values["en"] if values["en"] and values["en"].strip() else None)


# image problems that mean the picture is not there yet: a draft may wait for it
_UNFINISHED_IMAGE = ("missing-file", "empty-image-path")


class NameOrText(TextOf):
    """Words that may stay as written, in both languages (a name, a credit, a citation):
    a plain string, or translatable text `{vi: ..., en: ...}` where English differs.

    A plain string is kept without English; an English page shows it as written, marked as
    Vietnamese (`Generator.written`).
    """

    expected = Text("một chuỗi, hoặc {vi: ..., en: ...}", "a text, or {vi: ..., en: ...}")

    def convert(self, node: Node, ctx: Context, key: str) -> Any:
        if isinstance(node, ScalarNode):
            value = Str().convert(node, ctx, key)
            return value if value is INVALID else Text(value)
        return super().convert(node, ctx, key)


class ListOf(Converter):
    expected = Text("một danh sách (các dòng bắt đầu bằng '- ')", "a list (lines starting '- ')")
    placeholder = ()

    def __init__(self, item: Converter) -> None:
        self.item = item

    def convert(self, node: Node, ctx: Context, key: str) -> Any:
        if not isinstance(node, SequenceNode):
            return self.wrong_type(node, ctx, key)
        items = []
        for i, item in enumerate(node.value):
            if isinstance(item, ScalarNode) and not item.value.strip():  # `- ""`: fill or delete
                ctx.unfinished(item, "empty-field", f"{key}[{i}]", field=key)
            else:
                items.append(self.item.convert(item, ctx, f"{key}[{i}]"))
        return tuple(v for v in items if v is not INVALID and v is not OMIT)


class StrMap(Converter):
    """Pairs of text, as the glossary is written: `UBND: Ủy ban nhân dân`, or as a list of
    `{term: UBND, spoken: Ủy ban nhân dân}` (`pair`'s names), which the web editor writes:
    its forms cannot add keys to a mapping."""

    expected = Text("các cặp 'khóa: giá trị'", "pairs of 'key: value'")

    def __init__(self, pair: tuple[str, str] = ("key", "value")) -> None:
        self.pair = pair

    def convert(self, node: Node, ctx: Context, key: str) -> Any:
        if isinstance(node, SequenceNode):
            return self.convert_list(node, ctx, key)
        if not isinstance(node, MappingNode):
            return self.wrong_type(node, ctx, key)
        result = {}
        for k, v in node.value:
            name = Str().convert(k, ctx, key)
            value = Str().convert(v, ctx, f"{key}.{getattr(k, 'value', '?')}")
            if name is not INVALID and value is not INVALID:
                result[name] = value
        return tuple(result.items())

    def convert_list(self, node: SequenceNode, ctx: Context, key: str) -> Any:
        result: dict[str, str] = {}
        first: dict[str, int] = {}  # the line each name was first given on
        for i, item in enumerate(node.value):
            sub = f"{key}[{i}]"
            if not isinstance(item, MappingNode):
                self.wrong_type(item, ctx, sub)
                continue
            found = {k.value: v for k, v in item.value if isinstance(k, ScalarNode)}
            for k, _ in item.value:
                name = getattr(k, "value", "?")
                if name not in self.pair:
                    _unknown(k, name, self.pair, ctx, sub)
            missing = [n for n in self.pair if n not in found]
            for name in missing:
                ctx.error(item, "missing-field", sub, field=name)
            if missing:
                continue
            name = Str().convert(found[self.pair[0]], ctx, f"{sub}.{self.pair[0]}")
            value = Str().convert(found[self.pair[1]], ctx, f"{sub}.{self.pair[1]}")
            if name is INVALID or value is INVALID:
                continue
            line = position(found[self.pair[0]])[0]
            if name in first:
                args = {"key": name, "first_line": first[name]}
                where = position(found[self.pair[0]])
                ctx.problems.append(ContentError(ctx.rel, *where, "duplicate-key", args, sub))
                continue
            first[name] = line
            result[name] = value
        return tuple(result.items())


class YearMap(Converter):
    """A mapping of year to number, as metric values are written: `{2002: 12, 2022: 40.5}`.

    Whole numbers are ints, others Decimals with the digits written (`92.0` keeps its decimal).
    """

    expected = Text("các cặp 'năm: giá trị'", "pairs of 'year: value'")

    def convert(self, node: Node, ctx: Context, key: str) -> Any:
        if not isinstance(node, MappingNode):
            return self.wrong_type(node, ctx, key)
        result: dict[int, int | Decimal] = {}
        for k, v in node.value:
            year = Int().convert(k, ctx, key)
            value = Number(exact=True).convert(v, ctx, f"{key}.{getattr(k, 'value', '?')}")
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
            conv = fields[name].metadata["conv"]
            blank = isinstance(v, ScalarNode) and not v.value.strip()
            if not required and is_blank(v):  # e.g. `caption: {vi: ''}` left by a web form
                continue
            if is_null(v) or (required and blank):
                if required:  # written, but with nothing in it: a draft may wait for text
                    if ctx.draft and conv.placeholder is not INVALID:
                        ctx.lacks.append(sub)
                        values[name] = conv.placeholder
                    else:
                        ctx.error(v, "empty-field", key, field=name)
                        ok = False
                continue
            value = conv.convert(v, ctx, sub)
            if value is INVALID:
                ok = False
            elif value is not OMIT or required:  # an optional part a draft left out: absent
                values[name] = value
        for name, f in fields.items():
            required, conv = f.metadata["required"], f.metadata["conv"]
            if required and name not in values:
                if name not in nodes and ctx.draft and conv.placeholder is not INVALID:
                    ctx.lacks.append(f"{key}.{name}" if key else name)
                    values[name] = conv.placeholder
                    continue
                if name not in nodes:  # absent; an empty value was reported above
                    ctx.error(node, "missing-field", key, field=name)
                ok = False
            elif required and _lacks_en(values[name]):
                ctx.missing_en = True  # only required text decides whether an item has English
        if not ok:
            return INVALID
        if any(value is OMIT for value in values.values()):  # a draft's picture without a file
            return OMIT
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
