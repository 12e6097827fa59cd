"""Search words a page does not spell out: the other form of its glossary abbreviations.

A visitor types "UBND" for a page that says "Ủy ban nhân dân", or the reverse. Both forms
are in the reading glossary (content/glossary.yml); a page that holds one form is given the
other as search words (output/search.py puts them where search finds them and no reader
sees them). Entries the glossary holds for their sound only are left out: a spoken form
written with hyphens ("OCOP: Ô-cốp"), and abbreviations ending in a dot ("KT.", "TP."),
which are ordinary words or read differently by context.
"""

from __future__ import annotations

import re
import unicodedata

from ..text.slugs import fold

_TAGS = re.compile(r"<[^>]+>")
_SPACES = re.compile(r"\s+")
_H1 = re.compile(r"<h1[^>]*>(.*?)</h1>", re.S)
_BADGE = re.compile(r'<span class="sb-badge">.*?</span>')  # "illustrative", not the title
_HEADING = re.compile(r"<h[1-3][^>]*>(.*?)</h[1-3]>", re.S)
_WEIGHTED = re.compile(r"<(p|h[1-6]) [^>]*data-pagefind-weight=[^>]*>(.*?)</\1>", re.S)
_WITH_D = re.compile(r"\w*[đĐ]\w*")


def _plain(text: str) -> str:
    """Lowercase, NFC, one space between words: the form long forms are matched in."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text).casefold()).strip()


class Synonyms:
    """The glossary's abbreviations and long forms, ready to match against page bodies."""

    def __init__(self, terms: tuple[tuple[str, str], ...]) -> None:
        usable = [(short, long) for short, long in terms
                  if not short.endswith(".") and "-" not in long and any(c.isalpha() for c in short)
                  and len(long.split()) > 1]  # fmt: skip
        self.long_of = {short: _plain(long) for short, long in usable}
        self.shorts_of: dict[str, list[str]] = {}
        for short, long in self.long_of.items():
            self.shorts_of.setdefault(long, []).append(short)
        self.short = _alternation(list(self.long_of), flags=0)  # as written: "UBND", not "ubnd"
        self.long = _alternation(list(self.shorts_of), flags=0)

    def words(self, html: str) -> str:
        """Return the other forms of the abbreviations and long forms found in `html`."""
        if not self.long_of:
            return ""
        text = _TAGS.sub(" ", html)
        found: dict[str, None] = {}
        for short in self.short.findall(text):
            found[self.long_of[short]] = None
        for long in self.long.findall(_plain(text)):
            for short in self.shorts_of[long]:
                found[short.casefold()] = None
        return " ".join(found)


def search_words(synonyms: Synonyms, html: str) -> tuple[str, str]:
    """Return a page's search-only words: of its whole body, and those counted as its title.

    Counted as the title: the "đ" words of its headings folded ("Đặng Thị Đào" is found as
    "dang thi dao"), the words of what the template weights (the plan's name for a column,
    "gương người tốt, việc tốt"; the titles of programmes, which have no page of their
    own) with their "đ" words folded, and the other form of the title's
    abbreviations. The body's own "đ" words are folded by output/search.py, which sees the
    page as Pagefind will.
    """
    body = synonyms.words(html)
    title = _text(_H1.search(html))
    headings = _TAGS.sub(" ", " ".join(m.group(1) for m in _HEADING.finditer(html)))
    weighted = " ".join(_BADGE.sub(" ", m.group(2)) for m in _WEIGHTED.finditer(html))
    weighted = _TAGS.sub(" ", weighted)
    words = [*weighted.split(), *synonyms.words(title).split()]
    folded = [fold(w) for w in _WITH_D.findall(f"{headings} {weighted}")]
    counted = dict.fromkeys(w.strip(",.;:()–").lower() for w in [*words, *folded])
    body_folded = dict.fromkeys(fold(w) for w in _WITH_D.findall(body))
    return " ".join([body, *body_folded]).strip(), " ".join(w for w in counted if w)


def _text(found: re.Match[str] | None) -> str:
    return _TAGS.sub(" ", found.group(1)) if found else ""


def _alternation(words: list[str], flags: int) -> re.Pattern[str]:
    """Match any of `words` as whole words, longest first ("UBMTTQ" before "MTTQ")."""
    if not words:
        return re.compile(r"(?!x)x")
    ordered = sorted(words, key=len, reverse=True)
    return re.compile(r"(?<!\w)(" + "|".join(map(re.escape, ordered)) + r")(?!\w)", flags)
