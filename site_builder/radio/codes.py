"""Codes read on air: documents with their issuers, telephone numbers, roads, postcodes, and
web and e-mail addresses (read out, and flagged: an address is rarely right on air).

- "Quyết định số 345/QĐ-UBND" → "Quyết định số ba trăm bốn mươi lăm của Ủy ban nhân dân";
  "176/2004/NĐ-CP" → "một trăm bảy mươi sáu năm hai nghìn không trăm linh bốn của Chính
  phủ"; "23-NQ/TW" → "hai mươi ba của Trung ương". The kind (QĐ, NQ) is not read: the text
  names it ("Quyết định số …"). When the sentence names the issuer itself ("… ngày 17/12/2021
  của Hội đồng nhân dân huyện"), the code's issuer is not read twice.
- A telephone number is read digit by digit in its groups, with a pause between them:
  "0912 345 678", "(0213) 3876 543", "+84 912 345 678".
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from .draft import ADDRESS, Draft, Replacement, Rule, RuleFn
from .issuers import DOCUMENT_KINDS, ISSUERS, PARTY_BODIES, PARTY_LEVELS
from .numbers import Numbers

_PART = r"[A-ZĐ](?:[A-Za-zĐđ]|&(?=[A-ZĐ]))*[0-9]*"
_CODE_END = r"(?![\w/&])"
# The issuer named after the code: "… số 53/NQ-HĐND ngày 17/12/2021 của Hội đồng …"
_NAMED_AFTER = re.compile(
    r"\s*,?\s*(?:ngày\s+[0-9/]+(?:\s+tháng\s+[0-9]+)?(?:\s+năm\s+[0-9]+)?\s*,?\s*)?của(?![\w])"
)
_ROADS = {"QL": "Quốc lộ", "TL": "Tỉnh lộ", "ĐT": "Đường tỉnh", "ĐH": "Đường huyện"}
_SEPARATORS = {".": "chấm", "/": "gạch chéo", "-": "gạch ngang", "_": "gạch dưới",
               ":": "hai chấm", "?": "hỏi chấm", "=": "bằng", "&": "và", "#": "thăng"}  # fmt: skip
_DIGIT_SEP = r"[ \t.\-]"
# Digits in groups as written: "0912 345 678", "0213.3876.543" (a group has two or more)
_RUN = r"[0-9]+(?:[ \t.\-][0-9]{2,})*(?![0-9]|[.,][0-9]|[^\W\d_])"


class Codes:
    def __init__(self, n: Numbers, glossary: Mapping[str, str]) -> None:
        self.n = n
        self.glossary = glossary

    # --- web and e-mail addresses -----------------------------------------------------

    def address(self, m: re.Match[str], draft: Draft) -> list[tuple[str, int]]:
        written = m[0]
        core = written.rstrip(".,;:!?)]'\"")
        tail = written[len(core) :]
        bare = re.sub(r"^(?i:https?://)?(?i:www\.)?", "", core).rstrip("/")
        words = []
        for part in re.split(r"([./@_:?=&#-])", bare):
            if part == "@":
                words.append("a móc" if self.n.south else "a còng")
            elif part in _SEPARATORS:
                words.append(_SEPARATORS[part])
            elif part:
                pieces = [p for p in re.split(r"([0-9]+)", part) if p]
                words += [self.n.digits(p) if p.isdigit() else p for p in pieces]
        draft.note(ADDRESS, core, m.start())
        return [(draft.freeze(" ".join(words)), 0), (tail, len(core))]

    # --- documents ---------------------------------------------------------------------

    def issuer(self, code: str) -> str | None:
        if code in ISSUERS:
            return ISSUERS[code]
        term = re.fullmatch(r"(UBTVQH|QH)([0-9]+)", code)
        if term:  # "NQ-UBTVQH15": the 15th National Assembly's Standing Committee
            return f"{ISSUERS[term[1]]} khóa {self.n.integer(int(term[2]))}"
        for body, spoken in PARTY_BODIES.items():
            level = code[len(body) :]
            if code.startswith(body) and level in PARTY_LEVELS:
                return f"{spoken} {PARTY_LEVELS[level]}"
        return self.glossary.get(code)

    def document(self, m: re.Match[str], _: Draft) -> list[tuple[str, int]]:
        """Read a code: "345/QĐ-UBND", "176/2004/NĐ-CP", "123/UBND-VP", "23-NQ/TW"."""
        spoken = self.n.integer(int(m["num"]))
        if m.groupdict().get("year"):
            spoken += f" năm {self.n.integer(int(m['year']))}"
        offset = m.start("parts") - m.start()
        parts = []
        for part in m["parts"].split("-"):
            parts.append((part, offset))
            offset += len(part) + 1
        party = m.groupdict().get("kind") is not None
        if not party and parts[0][0] in DOCUMENT_KINDS:
            parts = parts[1:]  # "QĐ-UBND": the kind, then who issued it
        elif not party:
            parts = parts[:1]  # "UBND-VP": an official letter, and the office that drafted it
        if not parts or _NAMED_AFTER.match(m.string, m.end()):
            return [(spoken, 0)]
        pieces: list[tuple[str, int]] = [(spoken + " của ", 0)]
        for i, (part, at) in enumerate(parts):
            if i:
                pieces.append((" và " if i == len(parts) - 1 else ", ", at))
            pieces.append((self.issuer(part) or part, at))  # unknown: as written, and warned
        return pieces

    def bare_party(self, m: re.Match[str], _: Draft) -> str | None:
        """A Party code without a number: "KL/HU" → "kết luận của Huyện ủy"."""
        issuer = self.issuer(m["parts"])
        return f"{DOCUMENT_KINDS[m['kind']]} của {issuer}" if issuer else None

    # --- telephones, roads, postcodes --------------------------------------------------

    def groups(self, written: str) -> str:
        """Digit by digit in the groups as written, or as usual for a number of that length."""
        found = [g for g in re.split(_DIGIT_SEP + "+", written.strip()) if g]
        if len(found) == 1:
            digits = found[0]
            size = len(digits)
            usual: dict[int, tuple[int, ...]] = {
                8: (4, 4),
                9: (3, 3, 3),
                10: (4, 3, 3),
                11: (4, 4, 3),
            }
            sizes = usual.get(size) or (
                (size,) if size <= 5 else (3,) * (size // 3 - 1) + (3 + size % 3,)
            )
            found, start = [], 0
            for s in sizes:
                found.append(digits[start : start + s])
                start += s
        return ", ".join(self.n.digits(g) for g in found)

    def phone(self, fewest: int, most: int) -> RuleFn:
        """Read a telephone number of `fewest` to `most` digits after its country or area
        code; groups written after it that would make it too long are left to the rules
        after ("0912 345 678 2022": the year is not dialled)."""

        def read(m: re.Match[str], draft: Draft) -> Replacement:
            spans = [g.span() for g in re.finditer(r"[0-9]+", m["rest"])]
            if not spans:
                return None
            while len(spans) > 1 and sum(b - a for a, b in spans) > most:
                spans.pop()
            count = sum(b - a for a, b in spans)
            if not fewest <= count <= most:
                return None
            end = m.start("rest") - m.start() + spans[-1][1]
            head = []
            if m["cc"]:
                head.append("cộng " + self.n.digits(m["cc"]))
            if m["area"]:
                head.append(self.n.digits(m["area"]))
            digits = self.groups(m["rest"][: spans[-1][1]])
            spoken = (m["ctx"] or "") + draft.freeze(", ".join([*head, digits]))
            return [(spoken, 0), (m[0][end:], end)]

        return read

    def road(self, m: re.Match[str], _: Draft) -> str:
        name = _ROADS.get(m["road"], m["road"])
        letter = f" {m['letter']}" if m["letter"] else ""
        return f"{name} {self.n.integer(int(m['num']))}{letter}"

    def rules(self) -> list[Rule]:
        phone_words = (r"(?i:điện thoại|đường dây nóng|di động|hotline|tổng đài|fax|gọi số|gọi"
                       r"|số máy)")  # fmt: skip
        return [
            (re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+"), self.address),
            (re.compile(r"(?i:(?:https?://|www\.)[^\s<>\"]+|(?<![\w@.-])[a-z0-9][a-z0-9-]*"
                        r"(?:\.[a-z0-9-]+)*\.(?:vn|com|net|org|gov|edu|info|int)(?![\w-]|\.\w)"
                        r"(?:/[^\s<>\"]*)?)"), self.address),
            # document codes, before the numbers: the number first, then who issued it
            (re.compile(rf"(?<![\w/.,-])(?P<num>[0-9]+)(?:/(?P<year>[0-9]{{4}}))?/"
                        rf"(?P<parts>{_PART}(?:-{_PART})*){_CODE_END}"), self.document),
            (re.compile(rf"(?<![\w/.,-])(?P<num>[0-9]+)-(?P<kind>{_PART})/"
                        rf"(?P<parts>{_PART}(?:-{_PART})*){_CODE_END}"), self.document),
            (re.compile(rf"(?<![\w/.,-])(?P<kind>{'|'.join(DOCUMENT_KINDS)})/(?P<parts>{_PART})"
                        rf"{_CODE_END}"), self.bare_party),
            # roads and the kilometre marks along them: "QL4D", "Quốc lộ 32", "Km 15+200"
            (re.compile(r"(?<![\w])(?P<road>Quốc lộ|quốc lộ|Tỉnh lộ|tỉnh lộ|Đường tỉnh|đường tỉnh"
                        r"|QL|TL|ĐT(?=\.|[1-9])|ĐH(?=\.|[1-9]))\.?\s*(?P<num>[1-9][0-9]{0,3})"
                        r"(?P<letter>[A-Z])?(?![\w])"), self.road),
            (re.compile(r"(?<![\w])(?:Km|KM)\s*(?P<a>[0-9]+)(?:\s*\+\s*(?P<b>[0-9]{1,3}))?"
                        r"(?![\w]|[,.][0-9]|\s*[-–]\s*[0-9])"),
             lambda m, _: f"ki-lô-mét {self.n.integer(int(m['a']))}"
             + (f" cộng {self.n.integer(int(m['b']))}" if m["b"] else "")),
            (re.compile(r"(?<![\w])(?P<ctx>(?i:số nhà|nhà số|số|ngõ|ngách|hẻm|kiệt)\s+)"
                        r"(?P<num>[0-9]+)(?P<letter>[A-Z])(?![\w])"),
             lambda m, _: f"{m['ctx']}{self.n.integer(int(m['num']))} {m['letter']}"),
            # postcodes and other codes: digit by digit
            (re.compile(r"(?<![\w])(?P<ctx>(?i:mã bưu chính|mã bưu điện|mã số thuế|mã số|mã)"
                        r"\s*:?\s*)(?P<num>[0-9]{4,})(?![0-9])"),
             lambda m, d: m["ctx"] + d.freeze(self.n.digits(m["num"]))),
            # telephones: "+84 …", "(0213) …", after a word that says so, or from a 0
            (re.compile(rf"(?P<ctx>)(?<![\w+])\+(?P<cc>84)[ \t.\-]?(?:\(0\)\s*)?(?P<area>)"
                        rf"(?P<rest>{_RUN})"), self.phone(9, 10)),
            (re.compile(rf"(?P<ctx>)(?P<cc>)\((?P<area>0[0-9]{{2,3}})\)[ \t.\-]*(?P<rest>{_RUN})"),
             self.phone(6, 8)),
            (re.compile(rf"(?P<ctx>(?<![\w]){phone_words}\s*:?\s*)(?P<cc>)(?P<area>)"
                        rf"(?P<rest>{_RUN})"), self.phone(3, 13)),
            (re.compile(rf"(?P<ctx>)(?P<cc>)(?P<area>)(?<![\w.,/+-])(?P<rest>0(?=[235789]){_RUN})"
                        r"(?!/)"), self.phone(10, 11)),
        ]  # fmt: skip
