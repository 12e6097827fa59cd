"""Type YAML nodes by the schema, collecting every problem instead of stopping at the first.

The schema is declared once, on the model's dataclasses: each field carries its converter
in `metadata` (see `spec`). A converter returns the typed value, or `INVALID` after
recording why; conversion always continues so that a run reports everything.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..core.errors import WARNING, ContentError
from ..text.i18n import Text
from .loader import position

INVALID: Any = object()  # a sentinel: the problem is already recorded
OMIT: Any = object()  # a sentinel: an unfinished part of a draft, left out without a problem
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
    draft: bool = False  # a draft may be unfinished: what it lacks is noted, not an error
    lacks: list[str] = field(default_factory=list)  # what a draft still lacks, by key

    def unfinished(self, node: Node, code: str, key: str = "", lack: str = "", **args: Any) -> bool:
        """Note what a draft still lacks (`lack`, else `key`) and return True; in any other
        file, record the error and return False."""
        if self.draft:
            self.lacks.append(lack or key)
            return True
        self.error(node, code, key, **args)
        return False

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


def is_draft(node: Node, cls: type) -> bool:
    """True when the file's mapping says `draft: true` and its kind has drafts."""
    has_drafts = "draft" in {f.name for f in dataclasses.fields(cls)}
    if not has_drafts or not isinstance(node, MappingNode):
        return False
    return any(
        isinstance(k, ScalarNode) and k.value == "draft"
        and isinstance(v, ScalarNode) and v.value.lower() == "true"
        for k, v in node.value
    )  # fmt: skip


def spec(conv: Converter, *, required: bool = False, default: Any = None) -> Any:
    """Declare a model field read from YAML; typed Any so dataclass defaults type-check."""
    if isinstance(default, list | dict):
        raise TypeError("use tuples for defaults")
    return field(default=default, metadata={"conv": conv, "required": required})


class Converter:
    expected = Text("một giá trị", "a value")
    example = Text("", "")
    # what a draft gets for a required field left empty: text and lists may wait, a date or
    # a choice may not (INVALID: still an error)
    placeholder: Any = INVALID

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


def field_names(cls: type) -> list[str]:
    """Return the YAML field names of a model class, required ones first."""
    fields = [f for f in dataclasses.fields(cls) if "conv" in f.metadata]
    return [f.name for f in sorted(fields, key=lambda f: not f.metadata["required"])]


def required_names(cls: type) -> list[str]:
    return [f.name for f in dataclasses.fields(cls) if f.metadata.get("required")]
