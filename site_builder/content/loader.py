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
from yaml.reader import Reader, ReaderError
from yaml.resolver import BaseResolver
from yaml.scanner import Scanner

from ..core.errors import ContentError
from ..text.hygiene import control_characters, legacy_encoding

MAX_BYTES = 1_000_000
MAX_NODES = 100_000  # bounds alias expansion ("billion laughs")
MAX_DEPTH = 100  # content nests a few levels; the readers after this one recurse per level

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
    except ReaderError as exc:  # a raw control character: say where it is
        return None, [_reader_error(exc, text, rel)]
    except yaml.YAMLError as exc:  # errors without a position (rare: reader errors)
        return None, [ContentError(rel, 1, 1, "yaml-syntax", {"detail": str(exc)})]
    except RecursionError:  # nested past the parsers' depth (libyaml stops at 1000 levels)
        return None, [ContentError(rel, 1, 1, "too-deep", {"limit": MAX_DEPTH})]
    if root is None:
        return None, []
    problems: list[ContentError] = []
    _check(root, rel, problems, [0], set())
    return root, problems


def _compose(text: str) -> Node | None:
    """Compose with libyaml; on an error, again in Python, whose messages the hints know."""
    try:
        return _NodeLoader(text).get_single_node()
    except yaml.YAMLError as exc:
        if _NodeLoader is _PyNodeLoader:
            raise
        first = exc
    try:
        return _PyNodeLoader(text).get_single_node()
    except RecursionError:  # past libyaml's 1000 levels, Python's composer recurses too deep
        raise first from None  # libyaml's error says where the nesting went too deep


def _reader_error(exc: ReaderError, text: str, rel: str) -> ContentError:
    """Name the line, column and code point of a character the YAML reader refuses."""
    at = min(max(exc.position, 0), len(text))
    line = text.count("\n", 0, at) + 1
    col = at - (text.rfind("\n", 0, at) + 1) + 1
    char = exc.character if isinstance(exc.character, str) else chr(exc.character)
    return ContentError(rel, line, col, "control-characters", {"chars": f"U+{ord(char):04X}"})


def _syntax_error(exc: yaml.MarkedYAMLError, rel: str) -> ContentError:
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = exc.problem or ""
    if "'\\t'" in problem or "tab" in problem:
        return ContentError(rel, line, col, "tab-indent")
    if "maximum nesting depth" in problem:  # libyaml's limit
        return ContentError(rel, line, col, "too-deep", {"limit": MAX_DEPTH})
    detail = problem + (f" ({exc.context})" if exc.context else "")
    return ContentError(rel, line, col, "yaml-syntax", {"detail": detail})


def _check(
    node: Node, rel: str, problems: list[ContentError], count: list[int], open_: set[int]
) -> None:
    """Check `node` and below; `open_` holds the nodes being checked above it (by id)."""
    if id(node) in open_:  # an alias inside its own anchor expands without end
        if count[0] <= MAX_NODES:
            limit = {"limit": MAX_NODES}
            problems.append(ContentError(rel, *position(node), "too-complex", limit))
        count[0] = MAX_NODES + 1  # nothing more to report
        return
    if len(open_) >= MAX_DEPTH:
        if not any(p.code == "too-deep" for p in problems):
            problems.append(ContentError(rel, *position(node), "too-deep", {"limit": MAX_DEPTH}))
        return
    count[0] += 1
    if count[0] > MAX_NODES:
        if count[0] == MAX_NODES + 1:
            problems.append(ContentError(rel, *position(node), "too-complex", {"limit": MAX_NODES}))
        return
    if node.tag not in _DEFAULT_TAGS:
        tag = node.tag.replace("tag:yaml.org,2002:", "!!")
        problems.append(ContentError(rel, *position(node), "forbidden-tag", {"tag": tag}))
    if isinstance(node, ScalarNode):
        controls = control_characters(node.value)
        if controls:  # "\0", "\v", "\x85", "\ud800" in double quotes: never a page's text
            args = {"chars": ", ".join(controls)}
            problems.append(ContentError(rel, *position(node), "control-characters", args))
        legacy = legacy_encoding(node.value)
        if legacy is not None:
            args = {"encoding": legacy, "found": node.value[:40]}
            problems.append(ContentError(rel, *position(node), "legacy-encoding", args))
        node.value = unicodedata.normalize("NFC", node.value)
        node.style = node.style or None  # plain: None from either parser (libyaml says '')
    elif isinstance(node, SequenceNode):
        open_.add(id(node))
        for item in node.value:
            _check(item, rel, problems, count, open_)
        open_.discard(id(node))
    elif isinstance(node, MappingNode):
        open_.add(id(node))
        seen: dict[str, int] = {}
        for key, value in node.value:
            _check(key, rel, problems, count, open_)
            _check(value, rel, problems, count, open_)
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
        open_.discard(id(node))
