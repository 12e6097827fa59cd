"""Read a YAML file into nodes that remember file:line:col, without YAML's own typing.

PyYAML is used only to compose a node tree: no constructor runs, so no tag can build an
object, and no implicit resolver runs, so every plain scalar stays the string the editor
wrote. The schema (`schema.py`) types values later. Text is normalised to NFC here.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import yaml
from yaml.composer import Composer
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.resolver import BaseResolver
from yaml.scanner import Scanner

from .errors import ContentError
from .hygiene import legacy_encoding

MAX_BYTES = 1_000_000
MAX_NODES = 100_000  # bounds alias expansion ("billion laughs")

_DEFAULT_TAGS = {
    BaseResolver.DEFAULT_SCALAR_TAG,
    BaseResolver.DEFAULT_SEQUENCE_TAG,
    BaseResolver.DEFAULT_MAPPING_TAG,
}


class _PyNodeLoader(Reader, Scanner, Parser, Composer, BaseResolver):
    """A loader that composes nodes and resolves every scalar to a plain string."""

    def __init__(self, stream: str) -> None:
        Reader.__init__(self, stream)
        Scanner.__init__(self)
        Parser.__init__(self)
        Composer.__init__(self)
        BaseResolver.__init__(self)


try:  # libyaml's parser composes the same nodes about five times faster
    from yaml._yaml import CParser

    class _CNodeLoader(CParser, BaseResolver):
        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            BaseResolver.__init__(self)

    _NodeLoader: type = _CNodeLoader
except ImportError:  # a PyYAML built without libyaml
    _NodeLoader = _PyNodeLoader


def position(node: Node) -> tuple[int, int]:
    """Return the 1-based line and column where `node` starts."""
    return node.start_mark.line + 1, node.start_mark.column + 1


def load_file(path: Path, rel: str) -> tuple[Node | None, list[ContentError]]:
    """Return the root node of a YAML file and the problems found reading it."""
    return load_bytes(path.read_bytes(), rel)


def load_bytes(data: bytes, rel: str) -> tuple[Node | None, list[ContentError]]:
    """Return the root node of a file's bytes, decoded as UTF-8, and the problems found."""
    if len(data) > MAX_BYTES:
        return None, [ContentError(rel, 0, 0, "file-too-large", {"size": len(data)})]
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return None, [ContentError(rel, 1, 1, "utf16", {})]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        byte = f"{data[exc.start]:02X}"
        return None, [ContentError(rel, line, col, "encoding", {"byte": byte})]
    return load_text(text, rel)


def load_text(text: str, rel: str) -> tuple[Node | None, list[ContentError]]:
    """Compose `text` into nodes, then check tags and duplicate keys and normalise to NFC."""
    try:
        root = _compose(text)
    except yaml.MarkedYAMLError as exc:
        return None, [_syntax_error(exc, rel)]
    except yaml.YAMLError as exc:  # errors without a position (rare: reader errors)
        return None, [ContentError(rel, 1, 1, "yaml-syntax", {"detail": str(exc)})]
    if root is None:
        return None, []
    problems: list[ContentError] = []
    _check(root, rel, problems, [0])
    return root, problems


def _compose(text: str) -> Node | None:
    """Compose with libyaml; on an error, again in Python, whose messages the hints know."""
    try:
        return _NodeLoader(text).get_single_node()
    except yaml.YAMLError:
        if _NodeLoader is _PyNodeLoader:
            raise
    return _PyNodeLoader(text).get_single_node()


def _syntax_error(exc: yaml.MarkedYAMLError, rel: str) -> ContentError:
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = exc.problem or ""
    if "'\\t'" in problem or "tab" in problem:
        return ContentError(rel, line, col, "tab-indent")
    detail = problem + (f" ({exc.context})" if exc.context else "")
    return ContentError(rel, line, col, "yaml-syntax", {"detail": detail})


def _check(node: Node, rel: str, problems: list[ContentError], count: list[int]) -> None:
    count[0] += 1
    if count[0] > MAX_NODES:
        if count[0] == MAX_NODES + 1:
            problems.append(ContentError(rel, *position(node), "too-complex", {"limit": MAX_NODES}))
        return
    if node.tag not in _DEFAULT_TAGS:
        tag = node.tag.replace("tag:yaml.org,2002:", "!!")
        problems.append(ContentError(rel, *position(node), "forbidden-tag", {"tag": tag}))
    if isinstance(node, ScalarNode):
        legacy = legacy_encoding(node.value)
        if legacy is not None:
            args = {"encoding": legacy, "found": node.value[:40]}
            problems.append(ContentError(rel, *position(node), "legacy-encoding", args))
        node.value = unicodedata.normalize("NFC", node.value)
        node.style = node.style or None  # plain: None from either parser (libyaml says '')
    elif isinstance(node, SequenceNode):
        for item in node.value:
            _check(item, rel, problems, count)
    elif isinstance(node, MappingNode):
        seen: dict[str, int] = {}
        for key, value in node.value:
            _check(key, rel, problems, count)
            _check(value, rel, problems, count)
            if isinstance(key, ScalarNode):
                if key.value in seen:
                    problems.append(
                        ContentError(
                            rel,
                            *position(key),
                            "duplicate-key",
                            {"key": key.value, "first_line": seen[key.value]},
                        )
                    )
                else:
                    seen[key.value] = position(key)[0]
