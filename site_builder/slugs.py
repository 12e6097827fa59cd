"""The one Vietnamese-aware slug function: ids, URLs and heading anchors all come from it."""

from __future__ import annotations

import functools
import re
import unicodedata

ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


def fold(text: str) -> str:
    """Drop tones and vowel marks and turn đ into d, keeping case ("Tam Đường" → "Tam Duong")."""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@functools.lru_cache(maxsize=16384)  # the same tags and image paths, on page after page
def slugify(text: str, separator: str = "-") -> str:
    """Return a lowercase ASCII slug; also usable as Python-Markdown's `toc` slugify."""
    slug = _NOT_ALNUM.sub(separator, fold(text).lower()).strip(separator)
    return slug


def is_valid_id(text: str) -> bool:
    return bool(ID_PATTERN.match(text))
