"""Find personal data in published text: citizen ID numbers, phone numbers, e-mail addresses.

Checked on the YAML nodes, so each finding has its line and column. An item may allow such
data for a field by naming the field in `allow_contact_details` (a public office's phone).
"""

from __future__ import annotations

import re

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .errors import ContentError
from .loader import position

PATTERNS = (
    # a number may end a sentence ("… 678."), but not continue as a decimal or a code
    ("citizen-id", re.compile(r"(?<![\d.,/-])\d{12}(?!\d|[.,/]\d)")),  # căn cước: 12 digits
    ("phone", re.compile(r"(?<![\w.,/+-])(?:\+84|0084|0)[ .-]?(?:\d[ .-]?){8,9}\d(?!\d|[.,/]\d)")),
    ("email", re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")),
)
# what every ID or phone number above contains: nine digits, single separators between
_DIGITS = re.compile(r"\d(?:[ .-]?\d){8}")
KINDS = {"citizen-id": ("số căn cước", "a citizen ID number"),
         "phone": ("số điện thoại", "a phone number"),
         "email": ("địa chỉ e-mail", "an e-mail address")}  # fmt: skip


def find(text: str) -> list[tuple[str, str]]:
    """Return (kind, match) for every piece of personal data in `text`."""
    if "@" not in text and not _DIGITS.search(text):  # most text: nothing to look for
        return []
    found = []
    for kind, pattern in PATTERNS:
        found += [(kind, m[0].strip()) for m in pattern.finditer(text)]
    return found


def check(root: Node, rel: str, allowed: set[str]) -> list[ContentError]:
    """Return an error for each finding in a record's fields, except the allowed fields."""
    from .i18n import Text

    problems: list[ContentError] = []
    if not isinstance(root, MappingNode):
        return problems
    for key, value in root.value:
        name = key.value if isinstance(key, ScalarNode) else ""
        if name in allowed or name == "allow_contact_details":
            continue
        for node in _scalars(value):
            for kind, match in find(node.value):
                vi, en = KINDS[kind]
                args = {"what": Text(vi, en), "found": match, "field": name}
                problems.append(ContentError(rel, *position(node), "personal-data", args, name))
    return problems


def _scalars(node: Node):
    if isinstance(node, ScalarNode):
        yield node
    elif isinstance(node, SequenceNode):
        for item in node.value:
            yield from _scalars(item)
    elif isinstance(node, MappingNode):
        for _, item in node.value:
            yield from _scalars(item)
