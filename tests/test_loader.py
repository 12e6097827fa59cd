"""The loader and the schema's typing: each hazard gives the exact file:line message."""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pytest

from site_builder.content.loader import load_file, load_text
from site_builder.content.scalars import Int, Str, Time
from site_builder.content.schema import INVALID, Context, spec
from site_builder.content.structures import Obj
from site_builder.core.errors import ContentError

REL = "content/people/vi-du.yml"


@dataclass(frozen=True)
class Sample:
    text: str | None = spec(Str())
    count: int | None = spec(Int())
    at: dt.time | None = spec(Time())


def convert(source: str) -> tuple[object, list[str]]:
    root, problems = load_text(source, REL)
    ctx = Context(REL, Path("."))
    ctx.problems += problems
    value = Obj(Sample).convert(root, ctx, "") if root is not None and not problems else INVALID
    return value, [p.format("vi") for p in ctx.problems]


def messages(problems: list[ContentError], lang: str = "vi") -> list[str]:
    return [p.format(lang) for p in problems]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("text: no\n", Sample(text="no")),  # YAML 1.1 would make it False
        ("text: 0912345678\n", Sample(text="0912345678")),  # a phone number keeps its zero
        ("text: 19:30\n", Sample(text="19:30")),  # PyYAML alone makes it 1170
        ("at: 19:30\n", Sample(at=dt.time(19, 30))),
        ("text: 010\n", Sample(text="010")),  # not octal 8
        ("count: 010\n", Sample(count=10)),
        ("text: 1_000\n", Sample(text="1_000")),
        ("text: 2022-09-21\n", Sample(text="2022-09-21")),  # not a date where text is expected
        ("text: null\ncount: ~\n", Sample()),
    ],
)
def test_scalars_are_typed_by_the_schema_not_by_yaml(source: str, expected: Sample) -> None:
    assert convert(source) == (expected, [])


def test_underscored_number_is_refused_where_a_number_is_expected() -> None:
    assert convert("count: 1_000\n") == (
        INVALID,
        [
            f"{REL}:1:8: lỗi: 'count': cần một số nguyên, nhưng gặp '1_000' "
            "(gợi ý: viết 1000 (không có dấu phân cách))"
        ],
    )


def test_time_out_of_range() -> None:
    assert convert("at: 25:00\n")[1] == [
        f"{REL}:1:5: lỗi: 'at': cần giờ dạng HH:MM, nhưng gặp '25:00' (gợi ý: ví dụ 19:30)"
    ]


def test_duplicate_key_names_both_lines() -> None:
    _, problems = load_text("text: a\ncount: 1\ntext: b\n", REL)
    assert messages(problems) == [
        f"{REL}:3:1: lỗi: khóa 'text' xuất hiện hai lần (lần đầu ở dòng 1) "
        "(gợi ý: giữ một và xóa dòng còn lại)"
    ]


def test_python_tag_is_refused_and_never_constructed() -> None:
    _, problems = load_text("text: !!python/object/apply:os.system ['echo hacked']\n", REL)
    assert messages(problems, "en") == [
        f"{REL}:1:7: error: YAML tag '!!python/object/apply:os.system' is not allowed; "
        "content is data, not code (hint: remove the tag and write the plain value)"
    ]


def test_nfd_text_is_stored_as_nfc() -> None:
    nfd = unicodedata.normalize("NFD", "Tam Đường")
    assert nfd != "Tam Đường"
    value, problems = convert(f"text: {nfd}\n")
    assert problems == []
    assert isinstance(value, Sample) and value.text == "Tam Đường"
    assert unicodedata.is_normalized("NFC", value.text)


def test_tab_indentation() -> None:
    _, problems = load_text("name:\n\tvi: A\n", REL)
    assert messages(problems) == [
        f"{REL}:2:1: lỗi: có ký tự tab; YAML chỉ chấp nhận dấu cách để thụt lề "
        "(gợi ý: thay tab bằng 2 dấu cách cho mỗi cấp)"
    ]


def test_latin1_file_names_the_encoding_problem(tmp_path: Path) -> None:
    path = tmp_path / "x.yml"
    path.write_bytes("text: ok\nname: Tam Đường\n".encode()[:15] + b"\xe9\n")
    _, problems = load_file(path, REL)
    assert messages(problems) == [
        f"{REL}:2:7: lỗi: tệp không phải UTF-8: byte 0xE9 không đọc được "
        "(gợi ý: mở tệp trong trình soạn thảo và lưu lại với mã hóa UTF-8)"
    ]


def test_bom_and_crlf_are_accepted(tmp_path: Path) -> None:
    path = tmp_path / "x.yml"
    path.write_bytes(b"\xef\xbb\xbftext: a\r\ncount: 2\r\n")
    root, problems = load_file(path, REL)
    assert problems == [] and root is not None


def test_empty_file_is_reported_by_the_validator(make_site) -> None:
    site = make_site({"content/people/trong.yml": ""})
    result = site.cli("check")
    assert result.returncode == 1
    assert result.stdout.splitlines()[0] == (
        "content/people/trong.yml:1:1: lỗi: tệp rỗng; cần các trường: kind, name, summary "
        "(gợi ý: tạo tệp mới bằng lệnh 'site-builder new' để có mẫu)"
    )


def test_syntax_error_gives_a_position_not_a_traceback() -> None:
    _, problems = load_text('name: {vi: "A"\nsummary: x\n', REL)
    assert len(problems) == 1
    assert problems[0].code == "yaml-syntax" and problems[0].line == 2


def test_alias_bomb_is_bounded() -> None:
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for i in range(1, 9):
        lines.append(f"{chr(97 + i)}: &{chr(97 + i)} [{','.join(['*' + chr(96 + i)] * 9)}]")
    _, problems = load_text("\n".join(lines) + "\n", REL)
    assert [p.code for p in problems] == ["too-complex"]


def _tree(node) -> object:
    """A node tree as plain data: kind, tag, value, style and where it starts."""
    from yaml.nodes import MappingNode, SequenceNode

    where = (node.start_mark.line, node.start_mark.column)
    if isinstance(node, MappingNode):
        return ("map", node.tag, where, [(_tree(k), _tree(v)) for k, v in node.value])
    if isinstance(node, SequenceNode):
        return ("seq", node.tag, where, [_tree(v) for v in node.value])
    return ("str", node.tag, where, node.value, node.style or None)


def test_libyaml_and_python_compose_the_same_nodes() -> None:
    """The fast parser must give every value, style and position the Python one gives."""
    from site_builder.content import loader

    assert loader._NodeLoader is not loader._PyNodeLoader  # PyYAML ships libyaml wheels
    root = Path(__file__).resolve().parent.parent / "content"
    files = sorted(root.rglob("*.yml"))
    samples = [p.read_text(encoding="utf-8") for p in files]
    samples.append("tên: {vi: 'Đường – “Tam Đường”', en: x}\n# ghi chú\nà: [1, 'ư', \"ơ\"]\n")
    for text in samples:
        fast = loader._NodeLoader(text).get_single_node()
        slow = loader._PyNodeLoader(text).get_single_node()
        assert _tree(fast) == _tree(slow)
    assert len(files) > 40
