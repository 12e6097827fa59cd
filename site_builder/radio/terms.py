"""Abbreviations: the project's glossary, read case-insensitively where that is safe, and
the abbreviations left unread, which are reported where they were written.

A glossary term also matches in other capitalisations ("COVID-19" for "Covid-19", "htx" for
"HTX") unless its letters, lowercased, spell a Vietnamese syllable ("CA" would read "ca
sĩ" as "Công an sĩ"): such a term matches only as written.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping

from .draft import Draft, Rule

# A Vietnamese syllable without its tone and vowel marks: onset, vowels, coda.
_SYLLABLE = re.compile(
    r"(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(ch|ng|nh|[cmnpt])?"
)
# Bodies that "TT." (Thường trực, the standing office) comes before; otherwise, before a
# capitalised name, "TT." is a township: "TT. Tam Đường" → "thị trấn Tam Đường".
_STANDING = (
    "Huyện ủy", "Huyện uỷ", "Tỉnh ủy", "Tỉnh uỷ", "Thành ủy", "Thành uỷ", "Đảng ủy", "Đảng uỷ",
    "HĐND", "UBND", "MTTQ", "Hội đồng", "Ủy ban", "Uỷ ban", "Ban", "Quốc hội", "Chính phủ",
    "Đảng",
)  # fmt: skip


def plain_letters(term: str) -> str:
    decomposed = unicodedata.normalize("NFD", term.lower().replace("đ", "d"))
    return "".join(c for c in decomposed if c.isalpha() and not unicodedata.combining(c))


def safe_any_case(term: str) -> bool:
    """Whether `term` may match in any capitalisation: it cannot be mistaken for a word."""
    letters = plain_letters(term)
    return len(letters) >= 2 and not _SYLLABLE.fullmatch(letters)


def sentence_start(text: str, index: int) -> bool:
    while index > 0 and text[index - 1] in " \t":
        index -= 1
    return index == 0 or text[index - 1] in ".!?\n:"


def capitalised(text: str, index: int, spoken: str) -> str:
    """Begin a sentence with a capital: "TT. Tam Đường …" → "Thị trấn Tam Đường …"."""
    if spoken and spoken[0].islower() and sentence_start(text, index):
        return spoken[0].upper() + spoken[1:]
    return spoken


class Terms:
    """The glossary as one pattern, longest term first."""

    def __init__(self, glossary: Mapping[str, str]) -> None:
        self.exact = dict(glossary)
        self.folded = {k.casefold(): v for k, v in glossary.items() if safe_any_case(k)}
        alternatives = []
        for term in sorted(self.exact, key=len, reverse=True):
            escaped = re.escape(term)
            if term.casefold() in self.folded:
                escaped = f"(?i:{escaped})"
            end = r"(?![\w])" if term[-1:].isalnum() else ""
            alternatives.append(escaped + end)
        self.pattern = (
            re.compile(
                r"(?<![\w])(?P<term>" + "|".join(alternatives) + r")(?P<dash>-(?=[^\W\d_]))?"
            )
            if alternatives
            else None
        )

    def spoken(self, written: str) -> str | None:
        return self.exact.get(written) or self.folded.get(written.casefold())

    def rules(self) -> list[Rule]:
        def township(m: re.Match[str], draft: Draft) -> str | None:
            rest = m.string[m.end() :]
            if not rest[:1].isupper() or rest.startswith(_STANDING):
                return None  # "TT. Huyện ủy": the standing office, as the glossary says
            return capitalised(m.string, m.start(), "thị trấn ")

        def term(m: re.Match[str], draft: Draft) -> str | None:
            written = m["term"]
            spoken = self.spoken(written)
            if not spoken:
                return None
            after = m.string[m.end() : m.end() + 1]
            if m["dash"]:
                spoken += " – "  # "HĐND-UBND huyện": two bodies, said with a pause
            elif not written[-1].isalnum() and after.isalnum():
                spoken += " "  # "TP.Lai Châu" → "thành phố Lai Châu"
            elif written.endswith(".") and after in ("", "\n"):
                spoken += "."  # "v.v." at the end of a paragraph also ends its sentence
            return capitalised(m.string, m.start(), spoken)

        rules: list[Rule] = [(re.compile(r"(?<![\w])TT\.[ \t]*(?=\S)"), township)]
        if self.pattern is not None:
            rules.append((self.pattern, term))
        return rules


_TOKEN = re.compile(r"[^\W_]+")


def _caps(token: str) -> bool:
    letters = re.sub(r"[\W\d_]", "", token)
    return len(letters) > 1 and letters.isupper()


def _syllable(token: str) -> bool:
    return _SYLLABLE.fullmatch(plain_letters(token)) is not None


def _word(token: str) -> bool:
    """A Vietnamese word in capitals ("KHÓA", "HUYỆN"): it has a diacritic and spells a
    syllable. ("TAM", "CA", without one, may be either: a word only in a heading.)"""
    return plain_letters(token) != token.lower() and _syllable(token)


def unknown(text: str) -> list[tuple[str, int]]:
    """The abbreviations left in `text`, with where they are: capitals that do not spell a
    word ("PCCC", "BQLDA"; not "KẾ HOẠCH THI ĐUA", a heading, nor "KHÓA")."""
    tokens = [(t.start(), t[0]) for t in _TOKEN.finditer(text)]
    heading = {i for i, (_, token) in enumerate(tokens) if _caps(token) and _syllable(token)}
    found: list[tuple[str, int]] = []
    for i, (start, token) in enumerate(tokens):
        if token[0].isdigit() or not _caps(token) or _word(token):
            continue
        if i in heading and (i - 1 in heading or i + 1 in heading):
            continue  # "TAM ĐƯỜNG", "THI ĐUA": words of a heading in capitals
        found.append((token, start))
    return found
