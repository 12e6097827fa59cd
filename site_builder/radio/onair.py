"""Text fit for the air: web-only parts left out, brackets by one rule, web wording found.

A page and a broadcast share their words but not their means: a listener cannot click, see a
picture or follow an address. Editors keep such words on the page by wrapping them in
`<!-- web -->` … `<!-- /web -->` (HTML comments, which the page never shows); the script
leaves them out. What is left is checked for wording that still needs a page.

The bracket rule (the editors' guide states it): an abbreviation in brackets right after its
full name is dropped, since the reader has just said it ("Hội đồng nhân dân (HĐND)"); nested
brackets are flattened with commas; everything else in brackets (dates, figures, notes) is
read as written.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

WEB_ONLY = re.compile(r"<!--\s*web\s*-->.*?<!--\s*/\s*web\s*-->", re.S | re.I)
WEB_OPEN = re.compile(r"<!--\s*web\s*-->", re.I)

# Wording that asks the audience to do something only a page allows. Each is narrow on
# purpose: "tạm dừng tại đây" (we stop here) and "đường dẫn lên cầu" (a bridge's approach
# road) are radio's own words.
_TAIL = r"[^.;:!?\n]"
WEB_PHRASES = [
    rf"\bxem\b{_TAIL}{{0,60}}?\b(?:tại|ở|trên)\s+(?:các\s+)?(?:trang|website|trang web|"
    r"cổng thông tin|đường dẫn|liên kết)\b(?:\s+[\wÀ-ỹĐđ]+){0,3}",
    r"\b(?:bấm|nhấn|nhấp|kích|click|chạm)\s+(?:chuột\s+|đúp\s+)?(?:vào|lên|chọn|nút|đây)\b",
    r"\bnhấp\s+(?:chuột|đúp)\b",
    r"\b(?:theo|qua|tại|vào|mở|bấm|nhấp|gửi|kèm)\s+(?:đường dẫn|đường link|liên kết|link)\b"
    r"(?:\s+(?:sau|dưới|bên|này|kèm theo)\b)?",
    r"\b(?:đường dẫn|đường link|liên kết)\s+(?:sau|dưới|bên|này|kèm theo)\b",
    r"\blink\b",
    rf"\b(?:xem|tải|tải về|đọc|tìm hiểu|tham khảo|truy cập|đăng ký)\b{_TAIL}{{0,30}}?\btại đây\b",
    r"\bxem\s+(?:thêm\s+)?(?:ảnh|hình|video|clip|bản đồ|biểu đồ|bảng)\b",
    r"\b(?:như|theo)\s+(?:hình|ảnh|bảng|biểu đồ)\s+(?:dưới|bên|trên)\b(?:\s+đây)?",
    r"\b(?:hình|ảnh|bảng|biểu đồ)\s+(?:dưới đây|bên dưới|bên trên|bên cạnh|phía dưới)\b",
    r"\b(?:quét|scan)\s+mã\s+QR\b",
]
WEB_WORDING = re.compile("|".join(f"(?:{p})" for p in WEB_PHRASES), re.I)
URL = re.compile(
    r"\b(?:https?://|www\.)[^\s<>()]+[^\s<>().,;:!?]"
    r"|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b"
    r"|\b[\w-]+(?:\.[\w-]+)*\.(?:vn|com|net|org|gov|edu|info)\b(?:/[^\s<>()]*[^\s<>().,;:!?])?",
    re.I,
)
FOOTNOTE = re.compile(r"\[\^?\w{1,3}\]|(?<![mM])[²³]|[¹⁰⁴⁵⁶⁷⁸⁹]+|(?<=\w)\*{1,3}(?![\w*])|\(\*+\)")
EMOJI = re.compile(
    "[\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff\u2190-\u21ff\ufe0f\u200d\u20e3]+"
)
# Markdown an own-text segment should not hold: its own text is read, not shown.
MARKDOWN = re.compile(
    r"\*\*[^*\n]+\*\*|__[^_\n]+__"  # bold
    r"|(?<![\w*])\*(?![\s*])[^*\n]+(?<![\s*])\*(?![\w*])"  # italics
    r"|!?\[[^\]\n]*\]\([^)\n]*\)"  # links and images
    r"|^[ \t]{0,3}#{1,6}[ \t]+\S[^\n]*"  # headings
    r"|`[^`\n]+`"  # code
    r"|</?[A-Za-z][^>\n]*>",  # HTML tags (comments, the web-only marks, are not tags)
    re.M,
)


@dataclass(frozen=True)
class Finding:
    """Something on a script that belongs to a page: its problem code and the words."""

    code: str
    found: str


def without_web_only(markdown: str) -> tuple[str, bool]:
    """Return `markdown` without its web-only parts, and whether a mark was left open.

    An open `<!-- web -->` hides the rest of the text: better silence than a page's words.
    """
    kept = WEB_ONLY.sub(" ", markdown)
    opened = WEB_OPEN.search(kept)
    if opened:
        kept = kept[: opened.start()]
    return kept, opened is not None


def tidy(line: str) -> str:
    """Mend the punctuation a cut leaves: "này ; ." becomes "này."."""
    line = re.sub(r"\s+([.,;:!?…)])", r"\1", line)
    line = re.sub(r"([,;:])+(?=[.!?…])", "", line)
    line = re.sub(r"\(\s*\)", "", line)
    line = re.sub(r"^[\s,;:]+", "", line)
    return " ".join(line.split())


def findings(text: str) -> list[Finding]:
    """Return what a listener could not follow in `text` (the words read, as plain text)."""
    found: list[Finding] = []
    for code, pattern in (
        ("radio-url", URL),
        ("radio-web-wording", WEB_WORDING),
        ("radio-footnote", FOOTNOTE),
        ("radio-emoji", EMOJI),
    ):
        found += [Finding(code, " ".join(m[0].split())) for m in pattern.finditer(text)]
    return _unique(found)


def markdown_marks(text: str) -> list[Finding]:
    """Return the Markdown in an own-text segment: emphasis, links, headings, code, tags."""
    text = WEB_ONLY.sub(" ", text)
    return _unique([Finding("radio-markdown", m[0].strip()) for m in MARKDOWN.finditer(text)])


def _unique(found: list[Finding]) -> list[Finding]:
    return list(dict.fromkeys(found))


# --- brackets ------------------------------------------------------------------------------

_NESTED = re.compile(r"\(([^()]*)\(([^()]*)\)([^()]*)\)")
_BRACKET = re.compile(r"\s*\(([^()]+)\)")
_ABBREVIATION = re.compile(r"[A-ZĐ][A-ZĐ0-9&-]*[A-ZĐ0-9]")


def brackets(text: str, glossary: Mapping[str, str]) -> str:
    """Apply the bracket rule to a written text before it is read (see the module's doc)."""
    while True:
        flat = _NESTED.sub(r"(\1, \2, \3)", text)
        if flat == text:
            break
        text = flat
    text = re.sub(r"\s+,", ",", text)
    text = re.sub(r",\s*\)", ")", text)
    text = re.sub(r"\(\s*,\s*", "(", text)
    text = re.sub(r",(\s*,)+", ",", text)
    text = re.sub(r"[ \t]{2,}", " ", text)
    return _BRACKET.sub(lambda m: _drop_repeat(m, text, glossary), text)


def _drop_repeat(m: re.Match[str], text: str, glossary: Mapping[str, str]) -> str:
    """Drop "(UBND huyện)" after "Ủy ban nhân dân huyện": it would be read twice."""
    words = m[1].split()
    if not words or not _ABBREVIATION.fullmatch(words[0]) or len(words) > 4:
        return m[0]
    abbr, rest = words[0], words[1:]
    before = _words(text[: m.start()])
    if rest:
        if [_fold(w) for w in before[-len(rest) :]] != [_fold(w) for w in rest]:
            return m[0]
        before = before[: -len(rest)]
    spoken = _words(glossary.get(abbr, ""))
    if spoken and [_fold(w) for w in before[-len(spoken) :]] == [_fold(w) for w in spoken]:
        return ""
    letters = [c for c in abbr if c.isalpha()]
    initials = [_fold(w)[:1] for w in before[-len(letters) :]]
    return "" if len(before) >= len(letters) and initials == letters else m[0]


def _words(text: str) -> list[str]:
    return [w for w in (re.sub(r"[^\w-]", "", w) for w in text.split()) if w]


def _fold(word: str) -> str:
    """Compare words without case or tone marks ("Ủy" and "UY"); đ stays itself."""
    bare = "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))
    return bare.upper()
