"""Written Vietnamese to the words a presenter reads aloud: numbers, dates, units, codes.

Northern reading by default (mốt, tư, lăm, linh, nghìn, "a còng"); `south=True` gives lẻ,
ngàn, bốn and "a móc". Abbreviations come from the project's glossary; unknown ones are left
as written and reported where they were written, never guessed; so are web and e-mail
addresses, which are read out but rarely belong on air. Written in the project: the
libraries measured for the radio issue read years, southern forms or abbreviations wrongly.

The rules run in order, each on what the ones before left (see `Reader.rules`): addresses
and codes first (their digits are not amounts), then abbreviations, dates and times, Roman
numerals, slashes, and last the numbers with their units. The rules of each class are in
their own module: codes.py (with issuers.py), terms.py, dates.py, numbers.py, units.py.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from . import numbers
from .codes import Codes
from .dates import MONTHS, Dates
from .draft import ADDRESS, UNKNOWN, Draft, Flag, Rule
from .numbers import DIGITS, Numbers, roman, to_roman
from .terms import Terms, unknown
from .units import UNITS, Units

__all__ = ["ADDRESS", "DIGITS", "MONTHS", "UNITS", "UNKNOWN", "Flag", "Reader", "Reading", "roman",
           "to_roman"]  # fmt: skip

# "Lưu: VT, NV." is for the archive, not the air: the whole line goes.
FILING = re.compile(r"(?m)^[ \t]*[-–]?[ \t]*Lưu[ \t]*:[^\n]*(?:\n|$)")
# a run of digits no amount or code has: read one by one, and never seen by a rule that
# counts (Python refuses to make an int of more than 4,300 digits)
LONG_DIGITS = re.compile(r"[0-9]{19,}")


@dataclass
class Reading:
    """The spoken form of a text, the abbreviations it could not expand (each once, in
    order) and everything to warn about, with the line and column it was written at."""

    spoken: str
    unknown: list[str] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)


class Reader(Numbers):
    """Read a text aloud; one instance per glossary and region."""

    def __init__(self, glossary: Mapping[str, str] | None = None, south: bool = False) -> None:
        super().__init__(south)
        self.glossary = dict(glossary or {})
        self.dates = Dates(self)
        self._rules = self.rules()

    def day(self, n: int) -> str:
        return f"mồng {self.integer(n)}" if 1 <= n <= 10 else self.integer(n)

    def date(self, d: int, m: int, y: int | None) -> str:
        spoken = f"ngày {self.day(d)} tháng {MONTHS[m - 1]}"
        return spoken + (f" năm {self.integer(y)}" if y is not None else "")

    def rules(self) -> list[Rule]:
        terms = Terms(self.glossary)
        return [
            (FILING, lambda m, _: ""),
            (LONG_DIGITS, lambda m, draft: draft.freeze(self.digits(m[0]))),
            *Codes(self, self.glossary).rules(),
            *terms.rules(),
            *self.dates.rules(),
            *numbers.rules(self),
            self.dates.slash_rule(),
            *Units(self).rules(),
        ]

    def read(self, text: str) -> Reading:
        """Return the spoken form of `text` and what could not be read in it."""
        draft = Draft(text)
        for pattern, rule in self._rules:
            draft.sub(pattern, rule)
        notes = list(draft.notes)
        seen: set[str] = set()
        for word, index in unknown(draft.text):
            if word not in seen:
                seen.add(word)
                notes.append((UNKNOWN, word, draft.at(index)))
        notes.sort(key=lambda note: note[2])
        flags = [draft.flag(code, found, offset) for code, found, offset in notes]
        unknown_words = [f.found for f in flags if f.code == UNKNOWN]
        spoken = re.sub(r"[ \t]+", " ", draft.thaw())
        spoken = re.sub(r" +([,.;:!?)])", r"\1", spoken)
        return Reading(re.sub(r" *\n *", "\n", spoken).strip(), unknown_words, flags)
