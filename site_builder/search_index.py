"""Site search: Pagefind indexes the built site, one index per `<html lang>`.

Chosen over Material's search (benchmarks/search.py): Pagefind folds tones, vowel marks and
their placement (hòa = hoà = hoa), keeps the languages apart, and a visitor downloads only
the index chunks a query needs. It does not fold "đ", so each page carries, hidden, its "đ"
words folded to "d" ("Đường" → "Duong"), which is what makes "tam duong" find "Tam Đường".
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from .errors import BuildFailed, ContentError
from .slugs import fold

BUNDLE = "pagefind"
_WORD_WITH_D = re.compile(r"\w*[đĐ]\w*")
_TAGS = re.compile(r"<[^>]+>")


def folded_words(html: str) -> str:
    """Return the page's words that contain đ, folded, once each."""
    words = dict.fromkeys(fold(w) for w in _WORD_WITH_D.findall(_TAGS.sub(" ", html)))
    return " ".join(words)


def searchable(html: str) -> str:
    """Mark a page body for indexing, with its folded "đ" words hidden inside."""
    extra = folded_words(html)
    hidden = f'<span hidden class="sb-folded">{extra}</span>' if extra else ""
    return f"<div data-pagefind-body>{html}{hidden}</div>"


def index(site_dir: Path) -> None:
    """Write the search indexes of every language into `site_dir/pagefind/`."""
    command = [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--output-subdir",
               BUNDLE, "--quiet"]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603
    if done.returncode != 0:
        detail = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["pagefind failed"]
        raise BuildFailed([ContentError("site", 0, 0, "internal-error", {"detail": detail[0]})])
    # Pagefind lists the languages in a per-run hash order: sort them, for identical builds.
    entry = site_dir / BUNDLE / "pagefind-entry.json"
    data = json.loads(entry.read_text(encoding="utf-8"))
    entry.write_text(json.dumps(data, sort_keys=True, separators=(",", ":")), encoding="utf-8")
