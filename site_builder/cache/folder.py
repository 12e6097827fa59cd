"""A cache folder of files named by what they hold, written whole and pruned."""

from __future__ import annotations

import os
from pathlib import Path


class CacheFolder:
    """Files of one cache folder, named by what they hold: listed once, written whole (a
    reader never sees half a file), and pruned to the names the last build used."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.folder = os.fspath(path)  # os, not pathlib, in `write`: a cold build writes 6,000
        try:
            self.present = set(os.listdir(path))
        except FileNotFoundError:
            self.present = set()

    def __contains__(self, name: str) -> bool:
        return name in self.present

    def write(self, name: str, data: bytes) -> None:
        if name in self.present:
            return
        partial = os.path.join(self.folder, f".{name}.part")
        try:
            _write_file(partial, data)
        except FileNotFoundError:  # the first write, or the folder was removed since
            self.path.mkdir(parents=True, exist_ok=True)
            _write_file(partial, data)
        os.replace(partial, os.path.join(self.folder, name))
        self.present.add(name)

    def adopt(self, name: str, source: Path) -> None:
        """Make a written file that nothing writes into again an entry: a link, else a copy.

        Pages were written twice, into the site and into the cache: a link costs a
        directory entry instead of a second file and its bytes.
        """
        if name in self.present:
            return
        try:
            self._link(source, os.path.join(self.folder, name))
        except FileExistsError:  # put there since the folder was listed
            pass
        except OSError:  # another file system, or one without hard links
            self.write(name, source.read_bytes())
        self.present.add(name)

    def _link(self, source: Path, entry: str) -> None:
        try:
            os.link(source, entry)
        except FileNotFoundError:  # the first entry, or the folder was removed since
            self.path.mkdir(parents=True, exist_ok=True)
            os.link(source, entry)

    def prune(self, keep: set[str]) -> None:
        for name in self.present - keep:
            (self.path / name).unlink(missing_ok=True)
        self.present &= keep


def _write_file(path: str, data: bytes) -> None:
    with open(path, "wb") as handle:
        handle.write(data)


def cache_variant(lang: str, preview: bool) -> str:
    """The preview keeps its own entries: it shows drafts, and pruning must not meet."""
    return f"{lang}-preview" if preview else lang
