"""How long a spoken text takes: syllables of the spoken form at a reading rate."""

from __future__ import annotations

import re

_SYLLABLE = re.compile(r"[0-9A-Za-zÀ-ỹĐđ]+")  # Vietnamese writes one syllable per word


def syllables(spoken: str) -> int:
    """Count syllables: words split at spaces and hyphens ("Ô-cốp" is two)."""
    return len(_SYLLABLE.findall(spoken))


def seconds(spoken: str, per_minute: int) -> float:
    return syllables(spoken) * 60 / per_minute


def clock(total: float) -> str:
    """Format seconds as m:ss for a running total."""
    whole = round(total)
    return f"{whole // 60}:{whole % 60:02d}"
