"""Find personal data in published text: citizen ID numbers, phone numbers, e-mail addresses.

Checked on the YAML nodes, so each finding has its line and column. An item may allow such
data for a field by naming the field in `allow_contact_details` (a public office's phone).

Numbers are read as chains: digit groups joined by single separators (a space, also the
non-breaking ones Word pastes, a dot or a hyphen), the first group possibly in brackets or
after a plus (`(+84) 912 345 678`, `(0213) 3876 543`). What a chain is, by its digits:

- a phone number: 0 then 9 or 10 digits (`0912 345 678`, `0213 3876 543`), or the same
  after +84, 0084 or a bare 84 (`84912345678`, `+84 (0) 912…`); any other `+` number;
- a citizen ID: 12 digits (căn cước) or 9 (the old chứng minh) starting with 0, as every
  one of the 12-digit ones and the northern 9-digit ones do; any 12 or 9 digits right after
  a word that names the card (`CMND số 174 123 456`).

A quantity is never written with a leading 0, and one grouped in thousands
(`123.456.789 đồng`, `84 912 345 678`) is not taken for a bare-84 phone number; dates,
ranges and codes either have too few digits, mix dots and hyphens (`01.9.2002-2022`), or
touch a slash or a decimal comma. A long chain is split at its spaces into numbers
(`năm 2022 0912345678`); at a dot or hyphen it is one number.
"""

from __future__ import annotations

import re
from itertools import pairwise

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..core.errors import ContentError
from .loader import position

KINDS = {"citizen-id": ("số căn cước", "a citizen ID number"),
         "phone": ("số điện thoại", "a phone number"),
         "email": ("địa chỉ e-mail", "an e-mail address")}  # fmt: skip

# What pasting brings into a number: spaces that do not break, hyphens that do not, full-width
# digits and signs from an input method, and invisible characters; read as their plain kind.
_SPACES = "\u00a0\u1680\u202f\u205f\u3000" + "".join(map(chr, range(0x2000, 0x200B)))
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_TABLE = {
    **{ord(c): " " for c in _SPACES},
    **{ord(c): None for c in _INVISIBLE},
    **{0xFF10 + d: str(d) for d in range(10)},
    0x2010: "-", 0x2011: "-", 0xFF20: "@", 0xFF0B: "+", 0xFF08: "(", 0xFF09: ")",
}  # fmt: skip
_ENTITY = re.compile(r"&(?:nbsp|#160|#x0*a0);", re.IGNORECASE)
_ODD = re.compile("[" + re.escape("".join(map(chr, _TABLE))) + "&]")

# a chain: not inside a word, a decimal, a code, an address or a date ("21/9/2022")
_CHAIN = re.compile(
    r"(?<![\w.,/@])(?<!\w-)"
    r"(?:\(\+?|\+\(?)?[0-9]+\)?"  # 0912, (0213), (+84), +84, +(84)
    r"(?:(?:[ .-]|(?<=\)))\(?[0-9]+\)?|\(0\))*"  # then groups after one separator or a
    # closing bracket: (+84)912…, +84(0)912…
)
_GROUP = re.compile(r"[0-9]+")
_AFTER = re.compile(r"[\w@]|[,/][0-9]")  # a chain that goes on as a word, code or decimal
_NATIONAL = re.compile(r"0[1-9][0-9]{8,9}")  # 10 digits (mobile, old landline), 11 (landline)
_MODERN = re.compile(r"0[35789][0-9]{8}|02[0-9]{9}")  # what a bare 84 may stand before
# a word naming an ID card, then at most "số", "no." or a colon before the number
_ID_WORDS = re.compile(
    r"(?:\bcmnd|\bcmtnd|\bcccd|căn cước(?: công dân)?|chứng minh(?: nhân dân| thư)?|"
    r"số định danh(?: cá nhân)?|\bidentity card|\bid card|\bcitizen id|\bnational id|"
    r"\bid number|\bid no)(?:\s*(?:số|là|no\b\.?|number|:|#))*\s*\(?\Z",
    re.IGNORECASE,
)
_EMAIL = re.compile(
    r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"  # name@domain.vn
    r"|[\w.+-]+\s?[\[(]\s?(?:at|a còng|@)\s?[\])]\s?[\w-]+"  # name [at] domain
    r"(?:(?:\.|\s?[\[(]\s?(?:dot|chấm)\s?[\])]\s?)[\w-]+)*",  # .vn, [dot] vn
    re.IGNORECASE,
)
_AT = re.compile(r"[\[(]\s?(?:at|a còng)", re.IGNORECASE)  # what a bracketed "at" starts with
# what `_plain` changes, or what an address needs
_SPECIAL = re.compile(_ODD.pattern[:-1] + r"@\[(]")
_NINE = re.compile(r"(?:[^0-9]*+[0-9]){9}")  # every number found has nine digits or more


def find(text: str) -> list[tuple[str, str]]:
    """Return (kind, match) for every piece of personal data in `text`, in text order."""
    if _SPECIAL.search(text) is None:  # most text: nothing pasted, no address
        return _scan(text, True, False) if _NINE.match(text) else []
    text = _plain(text)
    numbers = _NINE.match(text) is not None
    addresses = "@" in text or _AT.search(text) is not None
    return _scan(text, numbers, addresses) if numbers or addresses else []


def scan(text: str) -> list[tuple[str, str]]:
    """`find` without its shortcuts for text that cannot hold any (to test the shortcuts)."""
    return _scan(_plain(text), True, True)


def _plain(text: str) -> str:
    if _ODD.search(text) is None:
        return text
    return _ENTITY.sub(" ", text).translate(_TABLE)


def _scan(text: str, numbers: bool, addresses: bool) -> list[tuple[str, str]]:
    found = _numbers(text) if numbers else []
    if addresses:
        found += [(m.start(), "email", m[0].strip()) for m in _EMAIL.finditer(text)]
    return [(kind, match) for _, kind, match in sorted(found)]


def _numbers(text: str) -> list[tuple[int, str, str]]:
    found = []
    for chain in _CHAIN.finditer(text):
        start, end = chain.span()
        if end - start < 9 or _AFTER.match(text, end):  # a year, a count; a code, a decimal
            continue
        groups = list(_GROUP.finditer(chain[0]))
        digits = [g[0] for g in groups]
        seps = [chain[0][a.end() : b.start()].strip("()") for a, b in pairwise(groups)]
        plus = chain[0].lstrip("(").startswith("+")
        if not plus and _is_id(digits, seps, text, start):
            found.append((start, "citizen-id", chain[0].strip("()")))
            continue
        for i, j in _phones(digits, seps, plus):
            first = 0 if i == 0 else groups[i].start()
            found.append((start + first, "phone", chain[0][first : groups[j].end()]))
    return found


def _phones(digits: list[str], seps: list[str], plus: bool) -> list[tuple[int, int]]:
    """Return the first and last group of each phone number in a chain: the longest one from
    each group that begins the chain or follows a space to one that ends it or a space follows.
    """
    spaced = [True, *(s == " " for s in seps), True]  # whether group k follows a space or none
    found: list[tuple[int, int]] = []
    i = 0
    while i < len(digits):
        ends = range(len(digits) - 1, i - 1, -1) if spaced[i] else range(0)
        j = next((j for j in ends if spaced[j + 1] and
                  _is_phone(digits[i : j + 1], seps[i:j], plus and i == 0)), None)  # fmt: skip
        if j is not None:
            found.append((i, j))
            i = j
        i += 1
    return found


def _is_id(digits: list[str], seps: list[str], text: str, start: int) -> bool:
    """Whether the number at `start` of `text` is an ID card's."""
    number = "".join(digits)
    if len(number) not in (9, 12) or _mixed(seps):
        return False
    return number[0] == "0" or _ID_WORDS.search(text, max(0, start - 60), start) is not None


def _is_phone(digits: list[str], seps: list[str], plus: bool) -> bool:
    if _mixed(seps) or (digits[0] == "0" and seps[:1] == ["."]):  # a date; 0.123456789
        return False
    number = "".join(digits)
    thousands = _thousands(digits, seps)
    if plus and not number.startswith("84"):  # another country's number
        return 9 <= len(number) <= 15 and not thousands
    if plus or (number.startswith("84") and not thousands):
        national = "0" + number[2:]
        if not plus and not _MODERN.fullmatch(national):
            return False
    elif number.startswith("0084"):
        national = "0" + number[4:]
    else:
        national = number
    if national.startswith("00"):  # +84 (0) 912 …
        national = national[1:]
    return _NATIONAL.fullmatch(national) is not None


def _mixed(seps: list[str]) -> bool:
    """Whether dots and hyphens both join the groups, as in a date, never in a number."""
    return len({s for s in seps if s != " "}) > 1


def _thousands(digits: list[str], seps: list[str]) -> bool:
    """Whether the groups are a quantity's thousands: 123.456.789, 84 912 345 678."""
    return (
        len(digits) > 1
        and len(set(seps)) == 1
        and seps[0] in (" ", ".")
        and len(digits[0]) <= 3
        and digits[0][0] != "0"
        and all(len(g) == 3 for g in digits[1:])
    )


def check(root: Node, rel: str, allowed: set[str]) -> list[ContentError]:
    """Return an error for each finding in a record's fields, except the allowed fields."""
    from ..text.i18n import Text

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
