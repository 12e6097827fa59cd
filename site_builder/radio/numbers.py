"""Numbers as a presenter reads them: cardinals, decimals, ordinals, digits, Roman numerals.

Northern reading by default (mốt, tư, lăm, linh, nghìn); `south=True` gives lẻ and ngàn and
keeps bốn. Also the rules that read a Roman numeral where it counts something (a congress,
a term, a century, a quarter, a chapter, an article, a heading) and ordinals ("lần thứ 3").
"""

from __future__ import annotations

import re

from .draft import Draft, Rule

DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
# A number as written: 10.000, 10 000 (also with a no-break space) or 10000.
NUM = (
    r"[0-9]{1,3}(?:\.[0-9]{3})+(?![0-9])|[0-9]{1,3}(?:[\u00a0\u202f ][0-9]{3})+(?![0-9]|\.[0-9])"
    r"|[0-9]+"
)  # one separator throughout: "3 500.000đ" is three, then 500 000


class Numbers:
    """Read numbers in one region's words."""

    def __init__(self, south: bool = False) -> None:
        self.south = south
        self.linh = "lẻ" if south else "linh"
        self.thousand = "ngàn" if south else "nghìn"
        self.four = "bốn" if south else "tư"

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
        """Thứ nhất, thứ tư (in both regions), otherwise the cardinal: thứ mười bốn."""
        return {1: "nhất", 4: "tư"}.get(n) or self.integer(n)

    def fraction(self, top: int, bottom: int) -> str:
        """1/3 → một phần ba; a quarter is "phần tư" in both regions."""
        return f"{self.integer(top)} phần {'tư' if bottom == 4 else self.integer(bottom)}"

    def digits(self, text: str) -> str:
        """Read the digits of `text` one by one: 0213 → không hai một ba."""
        return " ".join(DIGITS[int(d)] for d in text if "0" <= d <= "9")

    def number(self, whole: str, fraction: str | None = None) -> str:
        """Read a number as written (thousands separated by dots or spaces, decimal comma)."""
        digits = re.sub(r"[^0-9]", "", whole)
        if fraction:
            return self.decimal(digits, fraction)
        if (len(digits) > 1 and digits.startswith("0")) or len(digits) > 18:
            return self.digits(digits)  # a code, not an amount (or none read as one): by digit
        return self.integer(int(digits))


def roman(text: str) -> int | None:
    """Return the value of a well-formed Roman numeral, or None."""
    if not text or any(char not in ROMAN for char in text):
        return None
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


def counting(text: str) -> int | None:
    """The value of a Roman numeral that counts something; a lone L, C, D or M is a letter
    ("Phụ lục C", "C. Mác"), never a number."""
    value = roman(text)
    return value if value is not None and (len(text) > 1 or text in "IVX") else None


# Words after which a Roman numeral counts: "Đại hội XIV", "nhiệm kỳ khóa XVI", "thế kỷ XX",
# "quý IV", "Chương III", "Điều V", "xã khu vực III", "hạng II"; in any capitalisation.
ORDINAL_WORDS = r"lần thứ|thứ"
CARDINAL_WORDS = (
    r"khóa|khoá|đại hội|thế kỷ|thế kỉ|quý|chương|điều|mục|phần|phụ lục|tập|quyển|hội nghị"
    r"|khu vực|vùng|loại|hạng|cấp|giai đoạn|đợt|học kỳ|học kì|quân khu"
)


def rules(n: Numbers) -> list[Rule]:
    def roman_after(m: re.Match[str], _: Draft) -> str | None:
        value = counting(m[2])
        if value is None:
            return None
        ordinal = m[1].lower().endswith("thứ")
        # "quý IV" is "quý bốn" on northern air too: only "thứ tư" takes the ordinal "tư"
        return f"{m[1]} {n.ordinal(value) if ordinal else n.integer(value)}"

    def heading(m: re.Match[str], _: Draft) -> str | None:
        if m[2][0].isdigit():  # "2.1. Thi đua" → "Hai chấm một. Thi đua"
            spoken = " chấm ".join(n.integer(int(part)) for part in m[2].split("."))
        else:
            value = counting(m[2])
            if value is None or value > 20:
                return None
            spoken = n.integer(value)
        return f"{m[1]}{spoken[0].upper()}{spoken[1:]}{m[3]}"

    return [
        (re.compile(rf"(?i:({ORDINAL_WORDS}|{CARDINAL_WORDS}))\s+([IVXLCDM]+)(?![\w])"),
         roman_after),
        # a heading's number at the start of a line: "II. THỜI GIAN" → "Hai. THỜI GIAN"
        (re.compile(r"(?m)^([ \t]*)([IVX]+|[0-9]{1,2}(?:\.[0-9]{1,2})*)([.)])(?=[ \t]+\S)"),
         heading),
        (re.compile(r"(?i:(lần thứ|thứ))\s+([0-9]+)(?![0-9.,]|[^\W\d_])"),
         lambda m, _: f"{m[1]} {n.ordinal(int(m[2]))}"),
    ]  # fmt: skip
