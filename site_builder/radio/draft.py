"""A text being turned into its spoken form, that remembers where each part was written.

Every rule rewrites the draft in turn; each character keeps the offset in the written text
it came from, so that a warning about what is left (an unknown abbreviation, a web address)
names the line and column the editor wrote it at. A part already in its final spoken form
(a telephone number read digit by digit, a web address) is frozen: later rules do not see it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

Piece = tuple[str, int]  # spoken text, and the offset in the match it stands for
Replacement = str | list[Piece] | None  # None: leave the match as written
RuleFn = Callable[[re.Match[str], "Draft"], Replacement]
Rule = tuple[re.Pattern[str], RuleFn]

UNKNOWN = "unknown-abbreviation"  # the problem codes a reading warns with
ADDRESS = "radio-url"  # the same code as the script's check of what is read (onair.py)
FROZEN = 0xF0000  # Supplementary Private Use Area-A: one character stands for a frozen part
_PRIVATE = re.compile("[\U000f0000-\U000ffffd]")


@dataclass(frozen=True)
class Flag:
    """Something the reader could not read right, where it was written (1-based)."""

    code: str
    found: str
    line: int
    col: int


class Draft:
    def __init__(self, text: str) -> None:
        self.written = text
        self.text = _PRIVATE.sub("\ufffd", text)  # the input never holds a frozen mark
        self.origin = list(range(len(text)))
        self.frozen: list[str] = []
        self.notes: list[tuple[str, str, int]] = []  # code, found, offset in the written text

    def at(self, index: int) -> int:
        """The written offset of the character now at `index`."""
        return self.origin[index] if index < len(self.origin) else len(self.written)

    def sub(self, pattern: re.Pattern[str], rule: RuleFn) -> None:
        parts: list[str] = []
        origin: list[int] = []
        last = 0
        for m in pattern.finditer(self.text):
            new = rule(m, self)
            if new is None:
                continue
            pieces = [(new, 0)] if isinstance(new, str) else new
            parts.append(self.text[last : m.start()])
            origin += self.origin[last : m.start()]
            for piece, offset in pieces:
                parts.append(piece)
                origin += [self.at(m.start() + offset)] * len(piece)
            last = m.end()
        if parts:
            parts.append(self.text[last:])
            origin += self.origin[last:]
            self.text, self.origin = "".join(parts), origin

    def freeze(self, spoken: str) -> str:
        """Return one mark that stands for `spoken` until the end: no later rule reads it."""
        self.frozen.append(spoken)
        return chr(FROZEN + len(self.frozen) - 1)

    def note(self, code: str, found: str, index: int) -> None:
        """Remember a warning about what is now at `index`."""
        self.notes.append((code, found, self.at(index)))

    def thaw(self) -> str:
        return _PRIVATE.sub(lambda m: self.frozen[ord(m[0]) - FROZEN], self.text)

    def flag(self, code: str, found: str, offset: int) -> Flag:
        line = self.written.count("\n", 0, offset) + 1
        col = offset - (self.written.rfind("\n", 0, offset) + 1) + 1
        return Flag(code, found, line, col)
