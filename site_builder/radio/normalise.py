"""Written Vietnamese to the words a presenter reads aloud: numbers, dates, units, codes.

Northern reading by default (mốt, tư, lăm, linh, nghìn); `south=True` gives lẻ and ngàn and
keeps bốn. Abbreviations come from the project's glossary; unknown ones are left as
written and reported, never guessed. Written in the project: the libraries measured for
the radio issue read years, southern forms or abbreviations wrongly.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
MONTHS = (
    "một", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám", "chín", "mười", "mười một", "mười hai",
)  # fmt: skip
UNITS = {
    "km²": "ki-lô-mét vuông",
    "km2": "ki-lô-mét vuông",
    "m²": "mét vuông",
    "m2": "mét vuông",
    "km": "ki-lô-mét",
    "ha": "héc-ta",
    "kg": "ki-lô-gam",
    "m": "mét",
    "%": "phần trăm",
}
ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
LETTER = r"A-Za-zÀ-ỹĐđ"


@dataclass
class Reading:
    """The spoken form of a text and the abbreviations it could not expand."""

    spoken: str
    unknown: list[str] = field(default_factory=list)


class Reader:
    """Read numbers and abbreviations aloud; one instance per glossary and region."""

    def __init__(self, glossary: Mapping[str, str] | None = None, south: bool = False) -> None:
        self.glossary = dict(glossary or {})
        self.south = south
        self.linh = "lẻ" if south else "linh"
        self.thousand = "ngàn" if south else "nghìn"
        self.four = "bốn" if south else "tư"
        terms = sorted(self.glossary, key=len, reverse=True)
        self._terms = (
            re.compile(r"(?<![\w])(" + "|".join(map(re.escape, terms)) + r")(?![\w])")
            if terms
            else None
        )

    # --- numbers ---------------------------------------------------------------------

    def triple(self, n: int, full: bool) -> str:
        """Read 0–999; `full` reads a zero hundreds digit ("không trăm linh năm")."""
        hundreds, tens, units = n // 100, n // 10 % 10, n % 10
        words: list[str] = []
        if hundreds or full:
            words += [DIGITS[hundreds], "trăm"]
        if tens == 0:
            if units:
                if hundreds or full:
                    words.append(self.linh)
                words.append(DIGITS[units])
        elif tens == 1:
            words.append("mười")
            if units:
                words.append("lăm" if units == 5 else DIGITS[units])
        else:
            words += [DIGITS[tens], "mươi"]
            if units:
                words.append({1: "mốt", 4: self.four, 5: "lăm"}.get(units, DIGITS[units]))
        return " ".join(words)

    def integer(self, n: int) -> str:
        """Read a whole number: 2002 → hai nghìn không trăm linh hai."""
        if n < 0:
            return "âm " + self.integer(-n)
        if n == 0:
            return "không"
        if n >= 10**9:
            high, low = divmod(n, 10**9)
            head = self.integer(high) + " tỷ"
            return head + (" " + self._below_billion(low, True) if low else "")
        return self._below_billion(n, False)

    def _below_billion(self, n: int, full: bool) -> str:
        words = []
        for value, scale in (
            (n // 10**6, "triệu"),
            (n // 1000 % 1000, self.thousand),
            (n % 1000, ""),
        ):
            if value:
                words.append(self.triple(value, full) + (f" {scale}" if scale else ""))
                full = True  # after the first group, every group reads its hundreds
        return " ".join(words)

    def decimal(self, whole: str, fraction: str) -> str:
        """Read 95,5 as "chín mươi lăm phẩy năm"; leading zeros of the fraction one by one."""
        zeros = len(fraction) - len(fraction.lstrip("0"))
        rest = fraction.lstrip("0")
        spoken = [self.integer(int(whole)), "phẩy"] + ["không"] * zeros
        if rest:
            spoken.append(self.integer(int(rest)))
        return " ".join(spoken)

    def ordinal(self, n: int) -> str:
        return {1: "nhất", 4: "tư"}.get(n) or self.integer(n)

    def day(self, n: int) -> str:
        return f"mồng {self.integer(n)}" if 1 <= n <= 10 else self.integer(n)

    def date(self, d: int, m: int, y: int | None) -> str:
        spoken = f"ngày {self.day(d)} tháng {MONTHS[m - 1]}"
        return spoken + (f" năm {self.integer(y)}" if y is not None else "")

    # --- text ----------------------------------------------------------------------------

    def read(self, text: str) -> Reading:
        """Return the spoken form of `text` and the unknown abbreviations in it."""
        lines = [line for line in text.splitlines() if not FILING.match(line)]
        text = "\n".join(lines)
        unknown: list[str] = []
        rules = self._rules()
        code, rest = rules[0], rules[1:]
        text = code[0].sub(code[1], text)  # before the glossary: a code's symbol is not read
        if self._terms is not None:
            text = self._terms.sub(lambda m: self.glossary[m[1]], text)
        for pattern, replace in rest:
            text = pattern.sub(replace, text)
        for m in CAPS.finditer(text):
            if m[0] not in unknown and not _in_caps_run(text, m.start(), m.end()):
                unknown.append(m[0])
        return Reading(re.sub(r"[ \t]+", " ", text).strip(), unknown)

    def _rules(self) -> list[tuple[re.Pattern[str], Any]]:
        num = r"\d{1,3}(?:[.\u00a0\u202f ]\d{3})+|\d+"  # 10.000, 10 000 or 10000
        date = r"(\d{1,2})/(\d{1,2})/(\d{4})"
        return [
            # document codes: "1279/KH-UBND" → the number; "176/2004/NĐ-CP" → number and year
            (re.compile(rf"(?<![\d/])(\d+)(?:/(\d{{4}}))?/[A-ZĐ][A-ZĐ0-9]*(?:-[A-ZĐ][A-ZĐ0-9]*)*(?![{LETTER}\d])"),
             self._code),
            (re.compile(rf"(?:([Nn]gày)\s+)?{date}\s*[-–—]\s*(?:[Nn]gày\s+)?{date}"),
             lambda m: _cased(m[1], f"{self._date_of(m[2], m[3], m[4])} đến "
                                    f"{self._date_of(m[5], m[6], m[7])}")),
            (re.compile(rf"(?:([Nn]gày)\s+)?{date}"),
             lambda m: _cased(m[1], self._date_of(m[2], m[3], m[4]))),
            (re.compile(r"([Nn]gày)\s+(\d{1,2})/(\d{1,2})(?![/\d])"),
             lambda m: _cased(m[1], self._date_of(m[2], m[3], None))),
            (re.compile(r"([Tt]háng)\s+(\d{1,2})/(\d{4})"),
             lambda m: f"{m[1]} {MONTHS[int(m[2]) - 1]} năm {self.integer(int(m[3]))}"
             if 1 <= int(m[2]) <= 12 else m[0]),
            (re.compile(r"(?<![\d:])(\d{1,2}):(\d{2})(?![\d:])"), self._time),
            (re.compile(r"(lần thứ|thứ|khóa|khoá)\s+([IVXLCDM]+)(?![\w])"), self._roman),
            (re.compile(r"(lần thứ|thứ)\s+(\d+)(?![\d.,])"),
             lambda m: f"{m[1]} {self.ordinal(int(m[2]))}"),
            (re.compile(rf"(?<![\w.,])({num})(?:,(\d+))?\s*[-–—]\s*({num})(?:,(\d+))?(?![\w])"),
             lambda m: f"{self._number(m[1], m[2])} đến {self._number(m[3], m[4])}"),
            (re.compile(rf"(?<=[{LETTER}])-(?=\d)"), lambda m: " "),  # Covid-19 → Covid 19
            # "mục 2.1": Vietnamese writes decimals with a comma, so a dot here is "chấm"
            (re.compile(r"(?<![\w.,])(\d+)\.(\d{1,2})(?![\w.,])"),
             lambda m: f"{self.integer(int(m[1]))} chấm {self.integer(int(m[2]))}"),
            (re.compile(rf"(?<![\w.,])(-)?({num})(?:,(\d+)|\.(\d{{4,}}))?"
                        rf"(?:\s*(km²|km2|m²|m2|km|ha|kg|m|%)(?![{LETTER}\d]))?(?![{LETTER}\d])"),
             self._quantity),
            (re.compile(r"\s*&\s*"), lambda m: " và "),
        ]  # fmt: skip

    def _code(self, m: re.Match[str]) -> str:
        spoken = self.integer(int(m[1]))
        return spoken + (f" năm {self.integer(int(m[2]))}" if m[2] else "")

    def _date_of(self, d: str, mo: str, y: str | None) -> str:
        day, month = int(d), int(mo)
        if not (1 <= day <= 31 and 1 <= month <= 12):
            return f"{d}/{mo}" + (f"/{y}" if y else "")
        return self.date(day, month, int(y) if y else None)

    def _time(self, m: re.Match[str]) -> str:
        hours, minutes = int(m[1]), int(m[2])
        if hours > 23 or minutes > 59:
            return m[0]
        spoken = f"{self.integer(hours)} giờ"
        return spoken + (f" {self.integer(minutes)} phút" if minutes else "")

    def _roman(self, m: re.Match[str]) -> str:
        value = roman(m[2])
        if value is None:
            return m[0]
        return f"{m[1]} {self.ordinal(value) if m[1].endswith('thứ') else self.integer(value)}"

    def _number(self, whole: str, fraction: str | None) -> str:
        digits = re.sub(r"\D", "", whole)
        if fraction:
            return self.decimal(digits, fraction)
        if len(digits) > 1 and digits.startswith("0"):  # a phone number or a code: digit by digit
            return " ".join(DIGITS[int(d)] for d in digits)
        return self.integer(int(digits))

    def _quantity(self, m: re.Match[str]) -> str:
        sign, whole, comma, dot, unit = m[1], m[2], m[3], m[4], m[5]
        spoken = self._number(whole, comma or dot)
        if sign:
            spoken = "âm " + spoken
        if unit:
            spoken += " " + UNITS[unit]
        return spoken


def _cased(prefix: str | None, spoken: str) -> str:
    """Keep the capital of a written "Ngày" that the spoken date replaces."""
    return "N" + spoken[1:] if prefix == "Ngày" and spoken.startswith("ngày") else spoken


FILING = re.compile(r"^\s*[-–]?\s*Lưu\s*:")  # "Lưu: VT, NV." is for the archive, not the air
CAPS = re.compile(r"(?<![\w])[A-ZĐ][A-ZĐ0-9]*[A-ZĐ][A-ZĐ0-9]*(?![\w])")


def _in_caps_run(text: str, start: int, end: int) -> bool:
    """Return whether a capitalised word is part of an all-caps heading, not an abbreviation."""
    before = re.search(r"([^\s]+)\s+$", text[:start])
    after = re.match(r"\s+([^\s]+)", text[end:])
    return any(
        w is not None and len(re.sub(r"\W", "", w[1])) > 1 and re.sub(r"\W", "", w[1]).isupper()
        for w in (before, after)
    )


def roman(text: str) -> int | None:
    """Return the value of a well-formed Roman numeral, or None."""
    total, previous = 0, 0
    for char in reversed(text):
        value = ROMAN[char]
        total = total - value if value < previous else total + value
        previous = max(previous, value)
    return total if 0 < total < 4000 and to_roman(total) == text else None


def to_roman(n: int) -> str:
    out = ""
    for value, numeral in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"),
                           (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"),
                           (4, "IV"), (1, "I")):  # fmt: skip
        while n >= value:
            out, n = out + numeral, n - value
    return out
