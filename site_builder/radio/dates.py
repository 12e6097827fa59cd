"""Dates, months, quarters and times as read on air.

- Days 1–10 take "mồng" in a spoken date: "ngày 2/9" and "ngày 2 tháng 9" → "ngày mồng hai
  tháng chín".
- Month names as said on air: "tháng tư" (never "tháng bốn"), solar month 1 is "tháng
  một"; "tháng giêng" and "tháng chạp" only in a lunar date, one followed by "âm lịch".
  (The folk "tháng một" for the eleventh lunar month is not used: on air it would be heard
  as January.)
- A bare d/m is a date after a word of time ("từ 1/6", "hết 30/8") or of an occasion
  ("Quốc khánh 2/9"), with a leading zero, or when it is not a usual fraction (21/9, 2/9);
  "9/14 xã" counts ("chín trên mười bốn xã"); "1/3" is a fraction ("một phần ba"). Write
  "ngày" before a date that could be read as a fraction.
- Times: "8h", "8h15", "8 giờ 15", "20:00" → "tám giờ", "tám giờ mười lăm phút", "hai mươi
  giờ".
"""

from __future__ import annotations

import re

from .draft import Draft, Rule
from .numbers import Numbers, roman

MONTHS = (
    "một", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám", "chín", "mười", "mười một", "mười hai",
)  # fmt: skip
LUNAR = {1: "giêng", 12: "chạp"}
_LUNAR_AFTER = re.compile(
    r"\s*(?:/[0-9]{4}\s*)?(?:năm\s+[^\W\d_]+\s+[^\W\d_]+\s*)?[(,]?\s*(?:âm lịch|ÂL)(?![\w])"
)
_PRE = r"(?:(?P<pre>[Nn]gày|[Mm]ồng|[Mm]ùng)\s+)"
_DM = r"(?<![\w./,])(?P<{0}d>[0-9]{{1,2}})/(?P<{0}m>[0-9]{{1,2}})(?:/(?P<{0}y>[0-9]{{4}}))?"
_DASH = r"\s*[-–—]\s*"
_END = r"(?![0-9]|/[0-9]|[.,][0-9])"
# The word before a bare d/m that makes it a date ("từ 1/6 đến 15/6", "(1/6)").
TIME_WORDS = re.compile(
    r"(?:(?<![\w])(?i:ngày|hôm|từ|đến|tới|hết|trước|sau|sáng|chiều|tối|đêm|trưa|vào|dịp"
    r"|nay|mai)|\()\s*$"
)
# A day named for what happens on it: "Quốc khánh 2/9", "Ngày Quốc tế Lao động 1/5".
OCCASION = re.compile(r"(?:(?<![\w])(?:[Nn]gày|[Ll]ễ|Tết|[Kk]ỷ niệm|[Cc]hào mừng|Quốc khánh)"
                      r"(?![\w])[^.;:!?\n]*$)")  # fmt: skip
# Fractions in administrative writing: halves, thirds, quarters, fifths, tenths. A day and
# month that could be one ("1/3") is read as a fraction unless a word says it is a date;
# 2/9 cannot be (ninths are not written), so "Quốc khánh 2/9" is a date even without one.
FRACTIONS = {2, 3, 4, 5, 10}
# After "9/14", a word that is counted makes a ratio: "9/14 xã" → "chín trên mười bốn xã".
COUNTED = (
    "xã", "thị trấn", "phường", "huyện", "tỉnh", "thôn", "bản", "tổ", "khu", "hộ", "người",
    "trường", "lớp", "đơn vị", "cơ quan", "chỉ tiêu", "tiêu chí", "điểm", "trạm", "công trình",
    "dự án", "học sinh", "giáo viên", "đảng viên", "chi bộ", "đảng bộ", "thành viên", "phiếu",
    "đại biểu", "ý kiến", "hồ sơ", "thủ tục", "nhiệm vụ", "sản phẩm", "mô hình", "câu lạc bộ",
    "nhà văn hóa", "hợp tác xã", "doanh nghiệp", "tập thể", "cá nhân", "lượt", "thí sinh", "đội",
    "gia đình", "cơ sở", "chương trình", "nội dung", "bài", "câu",
)  # fmt: skip
_COUNTED = re.compile(r"\s+(?:" + "|".join(map(re.escape, COUNTED)) + r")(?![\w])")
# Addresses: "số nhà 45/2", "ngõ 12/3" are read with "trên", not as dates.
_ADDRESS = re.compile(r"(?<![\w])(?i:số nhà|nhà số|số|ngõ|ngách|hẻm|kiệt)\s*$")


def before(pattern: re.Pattern[str], m: re.Match[str], reach: int = 24) -> bool:
    """Whether `pattern` ends right before the match (it is looked for nearby only)."""
    return pattern.search(m.string, max(0, m.start() - reach), m.start()) is not None


def _valid(d: int, m: int) -> bool:
    return 1 <= d <= 31 and 1 <= m <= 12


def _cased(prefix: str | None, spoken: str) -> str:
    """Keep the capital of a written "Ngày" that the spoken date replaces."""
    if prefix and prefix[0].isupper():
        return spoken[0].upper() + spoken[1:]
    return spoken


class Dates:
    def __init__(self, n: Numbers) -> None:
        self.n = n

    def month(self, m: int, lunar: bool = False) -> str:
        return LUNAR.get(m, MONTHS[m - 1]) if lunar else MONTHS[m - 1]

    def day(self, d: int, pre: str | None = None) -> str:
        """The day with its word: "ngày mồng hai", "mồng hai" (as written), "ngày hai mươi"."""
        if pre and pre.lower() in ("mồng", "mùng"):
            return f"{pre.lower()} {self.n.integer(d)}"
        return "ngày " + (f"mồng {self.n.integer(d)}" if 1 <= d <= 10 else self.n.integer(d))

    def year(self, y: str | None) -> str:
        return f" năm {self.n.integer(int(y))}" if y else ""

    def date(self, d: int, m: int, y: str | None, pre: str | None, lunar: bool) -> str:
        return f"{self.day(d, pre)} tháng {self.month(m, lunar)}{self.year(y)}"

    @staticmethod
    def lunar(m: re.Match[str]) -> bool:
        return _LUNAR_AFTER.match(m.string, m.end()) is not None

    # --- rules ---------------------------------------------------------------------------

    def rules(self) -> list[Rule]:
        n = self.n
        one, two = _DM.format("a"), _DM.format("b")
        return [
            # "21/9/2002-21/9/2022", "ngày 30/11-2/12/2022": from one date to another
            (re.compile(rf"{_PRE}?{one}{_DASH}(?:(?:ngày|mồng|mùng)\s+)?{two}{_END}"),
             self._range),
            # "ngày 20-22/11": days that share a month
            (re.compile(rf"{_PRE}?(?<![\w./,])(?P<d1>[0-9]{{1,2}}){_DASH}{two}{_END}"), self._days),
            # "ngày 2 tháng 9", "mồng 2 tháng 9"
            (re.compile(rf"{_PRE}(?P<d>[0-9]{{1,2}})\s+(?P<t>[Tt]háng)\s+(?P<m>[0-9]{{1,2}})"
                        r"(?![0-9/])"), self._written),
            (re.compile(rf"{_PRE}?{one}{_END}"), self._one),
            # "quý II/2023", "quý 2/2023"; "tháng 11/2021", "11/2021"
            # (a Roman numeral up to IV before a year is a quarter: "II/2023" → "quý hai …")
            (re.compile(r"(?:(?P<q>[Qq]uý)\s+)?(?<![\w/])(?P<n>[IV]+|(?<=\s)[1-4])/(?P<y>[0-9]{4})"
                        r"(?![0-9/])"), self._quarter_year),
            (re.compile(r"(?<![\w/.,])(?P<t>[Tt]háng\s+)?(?P<m>[0-9]{1,2})/(?P<y>[0-9]{4})"
                        r"(?![0-9/])"), self._month_year),
            # "tháng 4" → "tháng tư" (but "3 tháng 4 ngày" is a length of time)
            (re.compile(r"(?<![0-9])(?<![0-9]\s)(?P<t>[Tt]háng)\s+(?P<m>[0-9]{1,2})"
                        r"(?![\w/]|[.,][0-9]|\s+(?:ngày|tuần)(?![\w]))"), self._month),
            (re.compile(r"(?<![\w])(?P<pre>[Mm]ồng|[Mm]ùng)\s+(?P<d>[0-9]{1,2})(?![\w/]|[.,][0-9])"),
             lambda m, _: f"{m['pre']} {n.integer(int(m['d']))}"),
            # times: "8h-11h", "7:30 - 11:00", "8 giờ 15"
            (re.compile(rf"{_TIME.format('a')}{_DASH}{_TIME.format('b')}"), self._time_range),
            (re.compile(_TIME.format("a")), self._time),
            (re.compile(r"(?<![\w.,])(?P<h>[0-9]{1,2})\s+giờ\s+(?P<mi>[0-9]{1,2})(?:\s*phút)?"
                        r"(?![0-9]|[.,][0-9])"), self._clock),
        ]  # fmt: skip

    def slash_rule(self) -> Rule:
        """A bare "a/b": a ratio, a fraction or a date, by the words around it."""
        pattern = re.compile(
            r"(?<![\w./,])(?<![0-9]-)(?P<a>[0-9]{1,4})/(?P<b>[0-9]{1,4})(?![0-9/]|[.,][0-9])"
        )
        return (pattern, self._slash)

    def _range(self, m: re.Match[str], _: Draft) -> str | None:
        d1, m1, d2, m2 = int(m["ad"]), int(m["am"]), int(m["bd"]), int(m["bm"])
        if not (_valid(d1, m1) and _valid(d2, m2)):
            return None
        if not (m["pre"] or m["ay"] or m["by"] or before(TIME_WORDS, m)):
            return None  # "1/3-1/2" without a word of time is not known to be dates
        lunar = self.lunar(m)
        first = self.date(d1, m1, m["ay"], m["pre"], lunar)
        second = self.date(d2, m2, m["by"], None, lunar)
        return _cased(m["pre"], f"{first} đến {second}")

    def _days(self, m: re.Match[str], _: Draft) -> str | None:
        d1, d2, month = int(m["d1"]), int(m["bd"]), int(m["bm"])
        if not (_valid(d2, month) and 1 <= d1 < d2):
            return None
        second = f"mồng {self.n.integer(d2)}" if d2 <= 10 else self.n.integer(d2)
        spoken = (f"{self.day(d1, m['pre'])} đến {second} tháng {self.month(month, self.lunar(m))}"
                  f"{self.year(m['by'])}")  # fmt: skip
        return _cased(m["pre"], spoken)

    def _written(self, m: re.Match[str], _: Draft) -> str | None:
        d, month = int(m["d"]), int(m["m"])
        if not _valid(d, month):
            return None
        spoken = f"{self.day(d, m['pre'])} {m['t']} {self.month(month, self.lunar(m))}"
        return _cased(m["pre"], spoken)

    def _one(self, m: re.Match[str], _: Draft) -> str | None:
        d, month = int(m["ad"]), int(m["am"])
        if not _valid(d, month) or not (m["pre"] or m["ay"]):
            return None  # a bare d/m is left to the slash rule
        return _cased(m["pre"], self.date(d, month, m["ay"], m["pre"], self.lunar(m)))

    def _month_year(self, m: re.Match[str], _: Draft) -> str | None:
        month = int(m["m"])
        if not 1 <= month <= 12:
            return None
        word = m["t"].strip() if m["t"] else "tháng"
        return f"{word} {self.month(month)}{self.year(m['y'])}"

    def _quarter_year(self, m: re.Match[str], _: Draft) -> str | None:
        number = int(m["n"]) if m["n"].isdigit() else roman(m["n"])
        if number is None or not 1 <= number <= 4:
            return None
        if not m["q"] and m["n"].isdigit():
            return None  # "2/2023" is a month: the rule after reads it
        return f"{m['q'] or 'quý'} {self.n.integer(number)}{self.year(m['y'])}"

    def _month(self, m: re.Match[str], _: Draft) -> str | None:
        month = int(m["m"])
        return f"{m['t']} {self.month(month, self.lunar(m))}" if 1 <= month <= 12 else None

    def _slash(self, m: re.Match[str], _: Draft) -> str | None:
        a_text, b_text = m["a"], m["b"]
        a, b = int(a_text), int(b_text)
        n = self.n
        if b == 0:
            return None
        ratio = f"{n.integer(a)} trên {n.integer(b)}"
        if _COUNTED.match(m.string, m.end()) or before(_ADDRESS, m):
            return ratio
        if len(a_text) == len(b_text) == 4 and b == a + 1:  # "2022/2023": one span of years
            return f"{n.integer(a)} – {n.integer(b)}"
        dated = before(TIME_WORDS, m) or before(OCCASION, m, 40) or "0" in (a_text[0], b_text[0])
        if _valid(a, b) and (dated or a >= b or b not in FRACTIONS):
            return self.date(a, b, None, None, self.lunar(m))
        if 0 < a < b and b in FRACTIONS:
            return n.fraction(a, b)
        return ratio

    def _clock(self, m: re.Match[str], _: Draft) -> str | None:
        return self.clock(int(m["h"]), int(m["mi"]))

    def clock(self, hours: int, minutes: int) -> str | None:
        if hours > 24 or minutes > 59:
            return None
        spoken = f"{self.n.integer(hours)} giờ"
        return spoken + (f" {self.n.integer(minutes)} phút" if minutes else "")

    def _time(self, m: re.Match[str], _: Draft) -> str | None:
        return self.clock(int(m["ah"]), int(m["am"] or m["am2"] or 0))

    def _time_range(self, m: re.Match[str], _: Draft) -> str | None:
        first = self.clock(int(m["ah"]), int(m["am"] or m["am2"] or 0))
        second = self.clock(int(m["bh"]), int(m["bm"] or m["bm2"] or 0))
        return f"{first} đến {second}" if first and second else None


# "8h", "8h15", "8h15'", "20:00": hours and minutes; a time, not a length, so read with "giờ"
_TIME = (r"(?<![\w.,:])(?P<{0}h>[0-9]{{1,2}})(?:h(?P<{0}m>[0-9]{{2}})?'?(?![^\W_])"
         r"|:(?P<{0}m2>[0-9]{{2}})(?![0-9:]))")  # fmt: skip
