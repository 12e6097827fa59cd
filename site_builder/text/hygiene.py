"""Text hygiene: legacy Vietnamese encodings, and invisible characters in titles and names.

Text typed in the old TCVN3 (.VnTime) or VNI fonts and pasted into a UTF-8 file shows as
mojibake ("Ch­¬ng tr×nh" is TCVN3's "Chương trình"; "Chöông trình" is VNI's). Such text is
refused: converting it needs a person and a converter, not a guess.
"""

from __future__ import annotations

import re

# Characters that Vietnamese written in Unicode never uses but TCVN3 text is full of
# (TCVN3 put Vietnamese letters at these Latin-1 positions: ­ is ư, ¬ is ơ, × is ì, ¸ is á …).
TCVN3 = set("¸µ¶·¹¨©ª«¬\u00ad®¦§¡¢£¤¥¼½¾×ËÌÎÏßþ÷")
_TCVN3 = re.compile("[" + re.escape("".join(sorted(TCVN3))) + "]")  # counted in C, not a loop
# VNI wrote a base letter and then a Latin-1 mark: aù = á, aø = à, aû = ả, ö = ư, ñ = đ.
VNI = re.compile(r"[aeiouyAEIOUY][øûïäëå]|[öñÑÖ]")
# Every character either test needs: text without any of them (nearly all) is settled at once.
_SUSPECT = re.compile("[" + re.escape("".join(sorted(TCVN3 | set("øûïäëåöñÑÖ")))) + "]")
_SOFT_HYPHEN_IN_WORD = re.compile(r"\w\u00ad\w")
INVISIBLE = re.compile(
    "[\u00a0\u00ad\u200b\u200c\u200d\u2060\ufeff\u202a-\u202e\u2066-\u2069\u200e\u200f]"
)


# C0 and C1 controls (but tab, line feed and carriage return), DEL, lone surrogates and the
# two non-characters: no page, feed (XML) or .docx can carry them. YAML's escapes ("\0",
# "\v", "\x85", "\ud800") are the usual way in; raw ones the YAML reader refuses itself.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
# The fields that title or name something (and the keys below them), where invisible
# characters are removed with a warning: they end up in headings, links, feeds and slugs.
NAME_FIELDS = frozenset({
    "title", "name", "site_name", "district", "province", "issuing_body", "column", "editor",
    "readers", "approver", "author", "tags", "credit",
})  # fmt: skip


def control_characters(text: str) -> list[str]:
    """Return the control characters in `text` as U+XXXX, each once, in order of code point."""
    if CONTROL.search(text) is None:
        return []
    return [f"U+{ord(c):04X}" for c in sorted(set(CONTROL.findall(text)))]


def is_name_key(key: str) -> bool:
    """True for a key path such as `title.vi`, `signatory.name` or `segments[2].title`."""
    return any(part in NAME_FIELDS for part in re.split(r"[.\[\]]+", key))


def legacy_encoding(text: str) -> str | None:
    """Return "TCVN3" or "VNI" when `text` looks typed in that legacy encoding."""
    if _SUSPECT.search(text) is None:
        return None
    tcvn3 = len(_TCVN3.findall(text))
    soft_hyphen_in_word = _SOFT_HYPHEN_IN_WORD.search(text) is not None
    if tcvn3 >= 2 or (tcvn3 and soft_hyphen_in_word):
        return "TCVN3"
    if VNI.search(text):  # Vietnamese in Unicode has none of these marks after a vowel
        return "VNI"
    return None


def strip_invisible(text: str) -> tuple[str, list[str]]:
    """Remove non-breaking and zero-width spaces, soft hyphens and bidi controls.

    A non-breaking space becomes a plain space; the others disappear. Returns the cleaned
    text and the code points removed (as U+XXXX), for the warning.
    """
    found = [f"U+{ord(m[0]):04X}" for m in INVISIBLE.finditer(text)]
    cleaned = INVISIBLE.sub(lambda m: " " if m[0] == "\u00a0" else "", text)
    return re.sub(r" {2,}", " ", cleaned).strip(), sorted(set(found))
