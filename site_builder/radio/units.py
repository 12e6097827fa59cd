"""Quantities: units and money, ranges and signs, "per" slashes, numbered sections.

- A unit is read in full after its number: m² "mét vuông", m³ "mét khối", ha "héc-ta", °C
  "độ C", kWh "ki-lô-oát giờ"; money: "500.000đ", "500.000 VNĐ" → "năm trăm nghìn đồng".
- A slash between units or counted words is "per", read "một": "triệu đồng/người/năm" →
  "triệu đồng một người một năm", "tấn/ha" → "tấn một héc-ta", "km/h" → "ki-lô-mét một giờ".
- A range is read with "đến", its unit once: "5-7 ha" → "năm đến bảy héc-ta", "10%-15%" and
  "10-15%" → "mười đến mười lăm phần trăm"; a score ("thắng 3-1"), a school year ("năm
  học 2022-2023") and a term of office ("nhiệm kỳ 2020-2025") with a pause ("–") instead.
- Signs: "-3°C" → "âm ba độ C", "±0,5" → "cộng trừ không phẩy năm", "+2" → "cộng hai".
"""

from __future__ import annotations

import re

from .dates import before
from .draft import Draft, Rule
from .numbers import NUM, Numbers

UNITS = {
    "km²": "ki-lô-mét vuông", "km2": "ki-lô-mét vuông",
    "m²": "mét vuông", "m2": "mét vuông",
    "m³": "mét khối", "m3": "mét khối",
    "cm": "xăng-ti-mét", "mm": "mi-li-mét", "km": "ki-lô-mét", "m": "mét",
    "ha": "héc-ta", "kg": "ki-lô-gam", "g": "gam", "ml": "mi-li-lít",
    "kWh": "ki-lô-oát giờ", "kW": "ki-lô-oát", "MW": "mê-ga-oát", "kV": "ki-lô-vôn",
    "°C": "độ C", "oC": "độ C", "℃": "độ C", "°": "độ",
    "%": "phần trăm", "‰": "phần nghìn",
    "đồng": "đồng", "đ": "đồng", "VNĐ": "đồng", "VND": "đồng", "vnđ": "đồng",
    "tr.đ": "triệu đồng", "trđ": "triệu đồng",
}  # fmt: skip
SIGNS = {"-": "âm", "−": "âm", "±": "cộng trừ", "+": "cộng"}
# What comes after a "per" slash: a unit or a word that is counted by the thing before.
PER = {
    "h": "giờ", "s": "giây",
    **{u: UNITS[u] for u in ("km²", "km2", "m²", "m2", "m³", "m3", "km", "m", "ha", "kg", "g",
                             "ml", "kWh")},
    **{w: w for w in ("người", "hộ", "khẩu", "năm", "tháng", "quý", "tuần", "ngày", "giờ", "phút",
                      "giây", "lượt", "con", "lít", "tấn", "tạ", "xã", "thôn", "bản", "lớp",
                      "trường", "ca", "chuyến", "sào", "mẫu", "lao động", "học sinh", "đêm",
                      "buổi", "lần", "cây")},
}  # fmt: skip
_UNIT = "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True))
_PER = "|".join(re.escape(u) for u in sorted(PER, key=len, reverse=True))
_LETTER = r"[^\W\d_]"


def _quantity(p: str) -> str:
    return (rf"(?P<{p}s>[-−±+](?=[0-9]))?(?P<{p}n>{NUM})(?:,(?P<{p}f>[0-9]+))?"
            rf"(?:[ \t]*(?P<{p}u>{_UNIT})(?!{_LETTER}|[0-9]))?")  # fmt: skip


QUANTITY = re.compile(
    rf"(?<![\w.,]){_quantity('a')}(?:[ \t]*[-–—][ \t]*{_quantity('b')})?(?![0-9]|,[0-9])"
)
# Before a range: a score, a school year, a term of office are said with a pause, not "đến".
_PAUSE = re.compile(r"(?<![\w])(?i:tỷ số|tỉ số|thắng|thua|hòa|hoà|năm học|niên khóa|niên khoá"
                    r"|niên học|nhiệm kỳ|nhiệm kì)\s*$")  # fmt: skip


class Units:
    def __init__(self, n: Numbers) -> None:
        self.n = n
        self.units = {**UNITS, "‰": "phần ngàn" if n.south else "phần nghìn"}

    def rules(self) -> list[Rule]:
        return [
            # "triệu đồng/người/năm", "500.000đ/người", "km/h", "0,5%/tháng"
            (re.compile(rf"(?<!{_LETTER})(?P<left>{_UNIT}|{_LETTER}+)"
                        rf"(?P<per>(?:/(?:{_PER})(?!{_LETTER}))+)"), self._per),
            # "mục 2.1", "2.1.3": a dot between small numbers numbers a section ("chấm")
            (re.compile(r"(?<![\w.,])[0-9]+(?:\.[0-9]{1,2})+(?![\w,]|\.[0-9])"),
             lambda m, _: " chấm ".join(self.n.integer(int(p)) for p in m[0].split("."))),
            (re.compile(r"(?<=[^\W\d_])-(?=[0-9])"), lambda m, _: " "),  # Covid-20 → Covid 20
            (QUANTITY, self._quantity),
            (re.compile(r"[ \t]*%"), lambda m, _: " phần trăm"),  # "giảm 3,2 điểm %"
            (re.compile(r"\s*&\s*"), lambda m, _: " và "),
        ]  # fmt: skip

    def _per(self, m: re.Match[str], _: Draft) -> str:
        left = self.units.get(m["left"], m["left"])
        if m.start() and m.string[m.start() - 1].isdigit():
            left = " " + left  # "0,5%/tháng" → "0,5 phần trăm một tháng"
        return left + "".join(f" một {PER[d]}" for d in m["per"].split("/")[1:])

    def amount(self, m: re.Match[str], p: str) -> tuple[str, str | None]:
        spoken = self.n.number(m[f"{p}n"], m[f"{p}f"])
        if m[f"{p}s"]:
            spoken = f"{SIGNS[m[f'{p}s']]} {spoken}"
        unit = m[f"{p}u"]
        return spoken, self.units[unit] if unit else None

    def _quantity(self, m: re.Match[str], _: Draft) -> str | None:
        first, unit1 = self.amount(m, "a")
        last = "b" if m["bn"] else "a"
        if not m[f"{last}u"] and re.match(_LETTER, m.string[m.end() : m.end() + 1]):
            return None  # "5G", "12A": a name, not a number
        if not m["bn"]:
            return f"{first} {unit1}" if unit1 else first
        second, unit2 = self.amount(m, "b")
        if unit1 == unit2:
            unit1 = None  # "10%-15%" → "mười đến mười lăm phần trăm"
        word = "–" if before(_PAUSE, m) else "đến"
        spoken = f"{first} {unit1} {word} {second}" if unit1 else f"{first} {word} {second}"
        return f"{spoken} {unit2}" if unit2 else spoken
