"""Vietnamese alphabetical order with the standard library (the ICU/CLDR `vi` order).

Letters first — a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y, with the
non-Vietnamese f j w z at their Latin places — then, only between words equal letter by
letter, tones: ngang, huyền, hỏi, ngã, sắc, nặng. Case and tone placement are ignored.
Individuals sort by given name (the last word), then the rest of the name.
"""

from __future__ import annotations

import unicodedata

ALPHABET = "a ă â b c d đ e ê f g h i j k l m n o ô ơ p q r s t u ư v w x y z".split()
_RANK = {letter: i for i, letter in enumerate(ALPHABET)}
_MODIFIERS = {"\u0306": "ă", "\u0302": "â", "\u031b": "ơ"}  # breve, circumflex, horn
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}  # huyền … nặng


def _letters(word: str) -> tuple[list[int], list[int]]:
    """Return the letter ranks and the tone ranks of one word."""
    letters: list[int] = []
    tones: list[int] = []
    for char in unicodedata.normalize("NFC", word.lower()):
        if char == "đ":
            letters.append(_RANK["đ"])
            tones.append(0)
            continue
        decomposed = unicodedata.normalize("NFD", char)
        base, marks = decomposed[0], decomposed[1:]
        letter = base
        tone = 0
        for mark in marks:
            if mark in _MODIFIERS:
                letter = {"a\u0306": "ă", "a\u0302": "â", "e\u0302": "ê", "o\u0302": "ô",
                          "o\u031b": "ơ", "u\u031b": "ư"}.get(base + mark, base)  # fmt: skip
            elif mark in _TONES:
                tone = _TONES[mark]
        if letter in _RANK:
            letters.append(_RANK[letter])
            tones.append(tone)
        elif letter.isalnum():
            letters.append(len(ALPHABET) + ord(letter))  # digits and others after letters
            tones.append(0)
    return letters, tones


def key(text: str) -> tuple:
    """Sort key of a text: all letters first, then all tones (two collation levels).

    A syllable has one tone, so each word contributes its tone, not where the mark sits:
    "hoà" and "hòa" (old and new placement, different even in NFC) sort as one word.
    """
    words = [_letters(w) for w in text.split()]
    letters = tuple(tuple(ls) for ls, _ in words)
    return (letters, tuple(max(ts, default=0) for _, ts in words))


def person_key(name: str, individual: bool) -> tuple:
    """Sort individuals by given name, then family and middle names; collectives as written."""
    words = name.split()
    if individual and len(words) > 1:
        return key(words[-1]) + key(" ".join(words[:-1]))
    return key(name)
