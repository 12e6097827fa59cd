"""A build with nothing to do: what it would read and what it wrote are as the last one left them.

Building an unchanged archive again took 8–11 s at 2,000 items to write the same bytes:
validating every file, rendering or fingerprinting every page, hashing every page for the
search index, linking every cached file into a fresh folder. A successful build records a
digest of everything a build reads (the content, the design, mkdocs.yml, our code, every
installed package's version, the build date, the arguments) and a listing of what it wrote
(every path, size, modification time and inode of the site and the radio scripts). While
both hold, `build` reports that build's problems again and writes nothing. Photos are
known by size and modification time, as the image cache knows them; every other file by
its bytes. The record is JSON: a clone may carry a crafted cache, and data runs no code.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Iterator
from importlib import metadata
from pathlib import Path
from typing import Any

from ..cache.code import code_digest
from ..content.project import CONFIG_NAME, build_datetime
from ..core.cachedir import cache_root
from ..core.catalogue import CATALOGUE
from ..core.errors import ERROR, WARNING, ContentError
from ..text.i18n import Text

RECORD_VERSION = 1
IMAGES = "content/images/"
_NOT_READ = {"SITE_BUILDER_LANG", "SITE_BUILDER_POLL"}  # the messages' language; the preview


class Record:
    """The last successful build of one site folder."""

    def __init__(self, root: Path, target: Path, radio_dir: Path, strict: bool) -> None:
        self.root, self.target, self.radio_dir = root, target, radio_dir
        self.path = cache_root(root) / "builds" / (_sha(str(target)) + ".json")
        self.inputs = inputs_digest(root, target, radio_dir, strict)

    def unchanged(self) -> tuple[list[ContentError], dict[str, int]] | None:
        """Return the last build's problems and page counts when it is still in place."""
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(data, dict) or data.get("version") != RECORD_VERSION:
            return None
        if data.get("inputs") != self.inputs or not self.target.is_dir():
            return None
        if data.get("site") != listing(self.target) or data.get("radio") != listing(self.radio_dir):
            return None
        try:
            problems = [_problem(p) for p in data["problems"]]
            pages = {str(k): int(v) for k, v in data["pages"].items()}
        except (KeyError, TypeError, ValueError, AttributeError):
            return None
        return problems, pages

    def write(self, problems: list[ContentError], pages: dict[str, int], site: str) -> None:
        """Record a build whose site folder's listing is `site`."""
        data = {
            "version": RECORD_VERSION,
            "inputs": self.inputs,
            "site": site,
            "radio": listing(self.radio_dir),
            "problems": [_as_data(p) for p in problems],
            "pages": pages,
        }
        self.path.parent.mkdir(parents=True, exist_ok=True)
        partial = self.path.with_name(f"{self.path.name}.part-{os.getpid()}")
        partial.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        os.replace(partial, self.path)


def inputs_digest(root: Path, target: Path, radio_dir: Path, strict: bool) -> str:
    """Hash everything a build reads, and how it was asked to build."""
    digest = hashlib.sha256()
    settings = {
        "version": RECORD_VERSION,
        "python": sys.version,
        "target": str(target),
        "radio": str(radio_dir),
        "strict": strict,
        "date": build_datetime(root).isoformat(),
        "env": {
            k: v
            for k, v in os.environ.items()
            if k.startswith("SITE_BUILDER_") and k not in _NOT_READ
        },
        # once each: a source checkout on sys.path shows this package a second time
        "packages": sorted({f"{d.metadata['Name']}={d.version}" for d in metadata.distributions()}),
    }
    digest.update(json.dumps(settings, sort_keys=True).encode())
    digest.update((root / CONFIG_NAME).read_bytes())
    digest.update(code_digest(root).encode())  # our code and the templates
    for name in ("content", "assets"):
        for rel, entry in _walk(root / name, name):
            digest.update(rel.encode("utf-8", "surrogateescape") + b"\0")
            if rel.startswith(IMAGES):
                stat = entry.stat()
                digest.update(f"{stat.st_size}:{stat.st_mtime_ns}\0".encode())
            else:
                with open(entry.path, "rb") as file:
                    digest.update(_sha(file.read()).encode())
    return digest.hexdigest()


def listing(folder: Path) -> str:
    """Hash every entry below `folder`: its path, type, size, modification time and inode."""
    return survey(folder)[0]


def survey(folder: Path) -> tuple[str, dict[str, int]]:
    """Return `folder`'s listing and its pages of each language (`index.html`; English below
    `en/`), from one walk: a site has tens of thousands of entries."""
    pages = {"vi": 0, "en": 0}
    if not folder.is_dir():
        return "absent", pages
    seen = []
    for rel, entry in _walk(folder, "", files_only=False, ordered=False):
        stat = entry.stat(follow_symlinks=False)
        seen.append((rel, stat.st_mode, stat.st_size, stat.st_mtime_ns, stat.st_ino))
        if entry.name == "index.html":
            pages["en" if rel.startswith("en/") else "vi"] += 1
    return _sha(repr(seen).encode("utf-8", "surrogateescape")), pages


def _walk(
    folder: Path, prefix: str, files_only: bool = True, ordered: bool = True
) -> Iterator[tuple[str, os.DirEntry]]:
    """Yield (path below `prefix`, entry) for what is below `folder`.

    Unordered, entries come in the file system's order, the same for a folder left alone.
    """
    if not folder.is_dir():
        return
    pending = [(str(folder), prefix)]
    while pending:
        path, rel = pending.pop()
        with os.scandir(path) as scan:
            entries = sorted(scan, key=lambda e: e.name) if ordered else list(scan)
        for entry in entries:
            name = f"{rel}/{entry.name}" if rel else entry.name
            if entry.is_dir(follow_symlinks=False):
                pending.append((entry.path, name))
                if files_only:
                    continue
            elif files_only and not entry.is_file():
                continue
            yield name, entry


def _sha(data: str | bytes) -> str:
    return hashlib.sha256(data.encode() if isinstance(data, str) else data).hexdigest()


def _as_data(problem: ContentError) -> dict[str, Any]:
    args = {k: {"vi": v.vi, "en": v.en} if isinstance(v, Text) else v
            for k, v in problem.args.items()}  # fmt: skip
    return {"path": problem.path, "line": problem.line, "col": problem.col, "code": problem.code,
            "args": json.loads(json.dumps(args, default=str)), "key": problem.key,
            "severity": problem.severity, "texts": [k for k, v in problem.args.items()
                                                    if isinstance(v, Text)]}  # fmt: skip


def _problem(data: dict[str, Any]) -> ContentError:
    if data["code"] not in CATALOGUE or data["severity"] not in (ERROR, WARNING):
        raise ValueError(data["code"])  # not written by this version: build anew
    args = dict(data["args"])
    for name in data["texts"]:
        args[name] = Text(str(args[name]["vi"]), args[name]["en"])
    return ContentError(str(data["path"]), int(data["line"]), int(data["col"]), str(data["code"]),
                        args, str(data["key"]), str(data["severity"]))  # fmt: skip
