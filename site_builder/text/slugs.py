"""The one Vietnamese-aware slug function: ids, URLs and heading anchors all come from it."""

from __future__ import annotations

import functools
import re
import unicodedata

ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")
# Names Windows keeps for devices: no file or folder may have one, whatever its extension,
# so a repository holding `content/people/con.yml` cannot be checked out there.
RESERVED = frozenset(
    ("con", "prn", "aux", "nul", *(f"{port}{n}" for port in ("com", "lpt") for n in range(10)))
)
# A new item's slug stays under this (Windows paths end at 260 characters: the checkout's
# folder, content/news/2022/ and .yml, or site/en/tin-tuc/ and /index.html, share them);
# `check` refuses an id longer than MAX_ID, leaving room for "-2" and a renamed file.
SLUG_LENGTH = 60
MAX_ID = 80


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


def is_reserved(name: str) -> bool:
    """Whether Windows refuses a file or folder of this name (or stem: `con.yml`, `aux.jpg`)."""
    return name.split(".", 1)[0].strip().lower() in RESERVED


def shorten(slug: str, limit: int = SLUG_LENGTH) -> str:
    """Cut `slug` to at most `limit` characters, after a whole word where there is one."""
    if len(slug) <= limit:
        return slug
    if slug[limit] == "-":  # the cut falls between two words
        return slug[:limit]
    head = slug[:limit].rsplit("-", 1)[0]  # one word of `limit` letters is cut inside
    return head.rstrip("-")


def free_id(slug: str, taken: set[str] | frozenset[str] = frozenset()) -> str:
    """Return `slug`, short enough, or with -2, -3 … where it is taken or Windows keeps it."""
    slug = shorten(slug)
    candidate, n = slug, 1
    while candidate in taken or candidate in RESERVED:
        n += 1
        candidate = f"{slug}-{n}"
    return candidate


def commune_key(name: str) -> str:
    """Compare commune names without case, tones or the "xã"/"thị trấn" prefix."""
    slug = slugify(name)
    for prefix in ("xa-", "thi-tran-", "phuong-"):
        slug = slug.removeprefix(prefix)
    return slug
