"""Find words of the other language in a page's visible text: the check behind the tests that
every English page is English and every Vietnamese page is free of English interface strings.

Visible text is the text of the page's body and `<title>`, and the attributes a reader sees
or hears (`alt`, `title`, `aria-label`, `placeholder`), each in the language of its nearest
`lang` attribute, so that text marked `lang="vi"` on purpose (a name of a body, a quoted
title) is Vietnamese on an English page.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

# Marks that only Vietnamese uses among the languages of these pages: the five tone marks
# (grave, acute, tilde, hook above, dot below) and the circumflex, breve and horn of
# â ê ô ă ơ ư. Precomposed letters carry them once decomposed (NFD); đ has no decomposition.
_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323", "\u0302", "\u0306", "\u031b"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
         "source", "track", "wbr"}  # fmt: skip
_UNSEEN = {"script", "style", "template", "head"}  # but <title>: tabs show it, readers read it
_SEEN_ATTRIBUTES = ("alt", "title", "aria-label", "placeholder")
_LETTERS = re.compile(r"[^\W\d_]+")


def vietnamese(word: str) -> bool:
    """Return whether `word` has a letter only Vietnamese uses (ă â đ ê ô ơ ư or a tone)."""
    return "đ" in word.casefold() or any(c in _MARKS for c in unicodedata.normalize("NFD", word))


def words(text: str) -> list[str]:
    """Return the words of `text`, leaving out document codes such as "176/2004/NĐ-CP":
    a code (digits and a slash) is an identifier, written the same in every language."""
    found = []
    for token in text.split():
        if any(c.isdigit() for c in token) and "/" in token:
            continue
        found += _LETTERS.findall(token)
    return found


@dataclass(frozen=True)
class Run:
    """A piece of visible text, where it is, and the language it is marked as."""

    line: int
    lang: str
    text: str


class _Visible(HTMLParser):
    def __init__(self, lang: str) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str, bool]] = [("", lang, False)]  # tag, lang, unseen
        self.runs: list[Run] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        _, lang, unseen = self.stack[-1]
        lang = a.get("lang", lang).split("-")[0].lower() or lang
        unseen = (unseen or tag in _UNSEEN) and tag != "title"
        if not unseen:
            for name in _SEEN_ATTRIBUTES:
                if a.get(name, "").strip():
                    self.runs.append(Run(self.getpos()[0], lang, a[name]))
        if tag not in _VOID:
            self.stack.append((tag, lang, unseen))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                return

    def handle_data(self, data: str) -> None:
        _, lang, unseen = self.stack[-1]
        if not unseen and data.strip():
            self.runs.append(Run(self.getpos()[0], lang, data))


def visible_text(html: str) -> list[Run]:
    """Return the page's visible text, each piece with the language it is marked as."""
    found = re.search(r"<html[^>]*\blang=\"([^\"]*)\"", html)
    parser = _Visible(found.group(1).split("-")[0] if found else "")
    parser.feed(html)
    parser.close()
    return parser.runs


def vietnamese_in_english(html: str, names: set[str]) -> list[str]:
    """Return "line: word (in: text)" for each Vietnamese word in the page's English text,
    other than the words of proper names (`names`, casefolded)."""
    found = []
    for run in visible_text(html):
        if run.lang != "en":
            continue
        for word in words(run.text):
            if vietnamese(word) and word.casefold() not in names:
                found.append(f"{run.line}: {word} (in: {' '.join(run.text.split())[:80]})")
    return found


def english_in_vietnamese(html: str, phrases: Iterable[str]) -> list[str]:
    """Return "line: phrase" for each of the English interface `phrases` found, as whole
    words, in the page's Vietnamese text (text marked `lang="en"` is English on purpose)."""
    patterns = [(p, re.compile(rf"(?<!\w){re.escape(p)}(?!\w)")) for p in phrases]
    found = []
    for run in visible_text(html):
        if run.lang != "vi":
            continue
        text = " ".join(run.text.split())
        found += [f"{run.line}: {p}" for p, pattern in patterns if pattern.search(text)]
    return found


def material_strings(lang: str) -> dict[str, str]:
    """Return Material's interface strings of `lang`, from its language partial."""
    import material

    partial = Path(material.__file__).parent / "templates/partials/languages" / f"{lang}.html"
    pairs = re.findall(r'^\s*"([^"]+)":\s*"((?:[^"\\]|\\.)*)"', partial.read_text("utf-8"), re.M)
    return dict(pairs)
