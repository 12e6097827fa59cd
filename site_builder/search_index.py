"""Site search: Pagefind indexes the built site, one index per `<html lang>`.

Chosen over Material's search (benchmarks/search.py): Pagefind folds tones, vowel marks and
their placement (hòa = hoà = hoa), keeps the languages apart, and a visitor downloads only
the index chunks a query needs. It does not fold "đ", so each page carries, hidden, its "đ"
words folded to "d" ("Đường" → "Duong"), which is what makes "tam duong" find "Tam Đường".
"""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
from importlib import metadata
from pathlib import Path

from .errors import BuildFailed, ContentError
from .image_cache import cache_root
from .placing import place_tree
from .slugs import fold

BUNDLE = "pagefind"
_WORD_WITH_D = re.compile(r"\b\w*[đĐ]\w*")  # from word starts only: no rescan of each word
_TAGS = re.compile(r"<[^>]+>")


def folded_words(html: str) -> str:
    """Return the page's words that contain đ, folded, once each."""
    found = dict.fromkeys(_WORD_WITH_D.findall(_TAGS.sub(" ", html)))  # each word folded once
    words = dict.fromkeys(fold(w) for w in found)
    return " ".join(words)


def searchable(html: str) -> str:
    """Mark a page body for indexing, with its folded "đ" words hidden inside."""
    extra = folded_words(html)
    hidden = f'<span hidden class="sb-folded">{extra}</span>' if extra else ""
    return f"<div data-pagefind-body>{html}{hidden}</div>"


def pages_digest(site_dir: Path) -> str:
    """Hash what Pagefind reads: every HTML page's path and bytes, and Pagefind's version."""
    digest = hashlib.sha256(f"{metadata.version('pagefind')}\0{BUNDLE}\0".encode())
    digest.update(Path(__file__).read_bytes())
    for path in sorted(site_dir.rglob("*.html")):
        digest.update(path.relative_to(site_dir).as_posix().encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _record(root: Path, target: Path) -> Path:
    return cache_root(root) / "search" / hashlib.sha256(str(target).encode()).hexdigest()


def index_or_reuse(root: Path, site_dir: Path, target: Path) -> str:
    """Index `site_dir`, or copy the live `target`'s index when its pages are the same.

    Pagefind rereads every page whatever changed; when no page changed (a rebuild with
    nothing new), the live site's index is this site's index. Returns the pages' digest,
    which `remember` records once `site_dir` has become `target`.
    """
    digest = pages_digest(site_dir)
    try:
        same = _record(root, target).read_text(encoding="ascii") == digest
    except OSError:
        same = False
    if same and (target / BUNDLE / "pagefind-entry.json").is_file():
        place_tree(target / BUNDLE, site_dir / BUNDLE)
    else:
        index(site_dir)
    return digest


def remember(root: Path, target: Path, digest: str) -> None:
    """Record which pages the live site's index was made from."""
    record = _record(root, target)
    record.parent.mkdir(parents=True, exist_ok=True)
    record.write_text(digest, encoding="ascii")


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
