"""The cache folder: processed images, social cards, page bodies, search indexes, records."""

from __future__ import annotations

import os
from pathlib import Path

CACHE = Path(".cache") / "site-builder"


def cache_root(project: Path) -> Path:
    """Return the cache folder: SITE_BUILDER_CACHE when set, else .cache/site-builder/."""
    return Path(os.environ.get("SITE_BUILDER_CACHE") or project / CACHE)
