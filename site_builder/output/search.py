"""Site search: Pagefind indexes the built site, one index per `<html lang>`.

Chosen over Material's search (benchmarks/README.md): Pagefind folds tones, vowel marks and
their placement (hòa = hoà = hoa), keeps the languages apart, and a visitor downloads only
the index chunks a query needs. It does not fold "đ", so each page carries, as search-only
metadata, its "đ" words folded to "d" ("Đường" → "Duong"), which is what makes "tam duong"
find "Tam Đường".
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from importlib import metadata
from pathlib import Path

from markupsafe import escape

from ..core.cachedir import cache_root
from ..core.errors import BuildFailed, ContentError
from ..core.workers import child_dies_with_us
from ..images.placing import place_tree
from ..render.spec import PageSpec
from ..text.slugs import fold

BUNDLE = "pagefind"
ENTRY = "pagefind-entry.json"
_WORD_WITH_D = re.compile(r"\b\w*[đĐ]\w*")  # from word starts only: no rescan of each word
_TAGS = re.compile(r"<[^>]+>")
_BODY = "data-pagefind-body"  # marks what Pagefind indexes
META = "data-pagefind-meta"
_PLAIN_PATH = re.compile(r"[A-Za-z0-9._/-]+")  # nothing a glob reads as a pattern


def folded_words(html: str) -> str:
    """Return the page's words that contain đ, folded, once each."""
    found = dict.fromkeys(_WORD_WITH_D.findall(_TAGS.sub(" ", html)))  # each word folded once
    words = dict.fromkeys(fold(w) for w in found)
    return " ".join(words)


def searchable(page: PageSpec) -> str:
    """Mark a page body for indexing, with search words that no visitor sees.

    The words (the page's "đ" words folded, and its `search_words` and `title_words`, see
    render/synonyms.py) are Pagefind metadata, in attributes of the body's wrapper: Pagefind
    searches metadata, weighted by key (the search page gives `sbt` a title's weight), but
    takes excerpts from the text alone, and no reader reads an attribute. The search page
    drops these keys from what its results show.
    """
    words = " ".join(w for w in (folded_words(page.html), page.search_words) if w)
    keys = {"sb": words, "sbt": page.title_words}
    meta = {k: v for k, v in keys.items() if v}
    attrs = "".join(f' data-sb-{k}="{escape(v)}"' for k, v in meta.items())
    if meta:
        attrs = f' {META}="{", ".join(f"{k}[data-sb-{k}]" for k in meta)}"' + attrs
    return f"<div {_BODY}{attrs}>{page.html}</div>"


def scan(tree: Path) -> tuple[str, list[str] | None]:
    """Hash what Pagefind reads, and list the pages it will index (see `_indexed`).

    The digest covers every HTML page's path and bytes, Pagefind's version and this code.
    """
    digest = hashlib.sha256(f"{metadata.version('pagefind')}\0{BUNDLE}\0".encode())
    digest.update(Path(__file__).read_bytes())
    marked: list[str] = []
    for name, data in _pages(tree):
        digest.update(name.encode() + b"\0")
        digest.update(data)
        if _BODY.encode() in data:
            marked.append(name)
    return digest.hexdigest(), _indexed(marked)


def _pages(tree: Path) -> Iterator[tuple[str, bytes]]:
    for path in sorted(tree.rglob("*.html")):
        yield path.relative_to(tree).as_posix(), path.read_bytes()


def _indexed(marked: list[str]) -> list[str] | None:
    """Return the marked pages as Pagefind's page list, or `None`: every page.

    Pagefind indexes only marked pages once one page is, but still parses the others
    (list pages: a quarter of the archive's, and a fifth of its work). `None` where no page
    is marked (Pagefind then indexes every page) or a path holds a character a glob would
    read as a pattern.
    """
    plain = all(_PLAIN_PATH.fullmatch(name) for name in marked)
    return marked if marked and plain else None


def index_language(root: Path, tree: Path, lang: str) -> Path:
    """Index the pages below `tree` (one language's), unless the cache has their index.

    Runs in that language's build process once its pages are written, so one language is
    indexed while the other is still being built, and a language whose pages did not
    change keeps its index (Pagefind rereads every page whatever changed). Each language's
    index is self-contained: Pagefind names its files by language and writes the same bytes
    as when it indexes both at once. Returns the cache folder holding the index.
    """
    digest, pages = scan(tree)
    folder = cache_root(root) / "search" / f"{lang}-{digest[:32]}"
    if (folder / ENTRY).is_file():
        return folder
    fresh = folder.with_name(f"{folder.name}.part-{os.getpid()}")
    shutil.rmtree(fresh, ignore_errors=True)
    _run(["--site", str(tree.resolve()), "--output-path", str(fresh.resolve())], pages)
    try:
        fresh.rename(folder)
    except OSError:  # another build made the same index meanwhile
        shutil.rmtree(fresh, ignore_errors=True)
    return folder


def assemble(parts: list[Path], bundle: Path) -> None:
    """Put the languages' indexes together into the site's `bundle` folder.

    Their files do not overlap but for the client scripts, which are the same in each;
    the entry file, which lists the languages, is written anew from theirs.
    """
    languages: dict[str, object] = {}
    for part in parts:
        entry = json.loads((part / ENTRY).read_text(encoding="utf-8"))
        twice = languages.keys() & entry["languages"].keys()
        if twice:  # a page in the other language's tree: merging would lose an index
            detail = {"detail": f"Pagefind indexed {sorted(twice)} in two trees"}
            raise BuildFailed([ContentError("site", 0, 0, "internal-error", detail)])
        languages.update(entry["languages"])
        place_tree(part, bundle)
    (bundle / ENTRY).unlink()  # a link to a cache entry: never written into
    _write_entry(bundle / ENTRY, {**entry, "languages": languages})


def stale(root: Path, keep: list[Path]) -> list[Path]:
    """Return the cached indexes (and leftovers of killed runs) other than `keep`."""
    try:
        found = list((cache_root(root) / "search").iterdir())
    except FileNotFoundError:
        return []
    return [f for f in found if f not in keep]


def index(site_dir: Path) -> None:
    """Write the search indexes of every language into `site_dir/pagefind/`."""
    marked = [name for name, data in _pages(site_dir) if _BODY.encode() in data]
    _run(["--site", str(site_dir.resolve()), "--output-subdir", BUNDLE], _indexed(marked))
    entry = site_dir / BUNDLE / ENTRY
    _write_entry(entry, json.loads(entry.read_text(encoding="utf-8")))


def _run(arguments: list[str], pages: list[str] | None) -> None:
    """Run Pagefind on `pages` (paths below the site; `None`: every page).

    It runs in a folder of its own, which holds the list as its configuration file (a
    glob of 2,000 pages is longer than one command-line argument may be), and without
    `PAGEFIND_` variables, so that neither a `pagefind.yml` in the editor's folder nor the
    environment changes an index cached by the pages alone.
    """
    command = [sys.executable, "-m", "pagefind", *arguments, "--quiet"]
    env = {k: v for k, v in os.environ.items() if not k.upper().startswith("PAGEFIND_")}
    with tempfile.TemporaryDirectory(prefix="site-builder-pagefind-") as folder:
        if pages is not None:
            glob = "{" + ",".join(pages) + "}"
            Path(folder, "pagefind.json").write_text(json.dumps({"glob": glob}), "utf-8")
        done = subprocess.run(  # noqa: S603
            command,
            capture_output=True,
            text=True,
            check=False,
            cwd=folder,
            env=env,
            preexec_fn=child_dies_with_us(),  # no threads in a build worker
        )
    if done.returncode != 0:
        detail = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["pagefind failed"]
        raise BuildFailed([ContentError("site", 0, 0, "internal-error", {"detail": detail[0]})])


def _write_entry(path: Path, data: dict) -> None:
    # Pagefind lists the languages in a per-run hash order: sort them, for identical builds.
    path.write_text(json.dumps(data, sort_keys=True, separators=(",", ":")), encoding="utf-8")
