"""Our page bodies from earlier builds, by everything their template was given.

Kept apart from `page_cache` (MkDocs' side) so that page generation needs no MkDocs.
"""

from __future__ import annotations

import contextlib
import dataclasses
import errno
import hashlib
import json
import os
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..core.cachedir import cache_root
from .folder import cache_variant
from .memory import Memory

PLAIN = {str, int, float, bool, type(None)}  # shown by repr, holding nothing else


class BodyCache:
    """Our page bodies from earlier builds, by everything their template was given.

    A body is a pure function of its template and context (frozen records, whose repr
    says all they hold) and of the site-wide inputs in `seed`; the key hashes them all.
    Stored as JSON text: the HTML and the images it uses (publishing needs that list).
    """

    def __init__(
        self, root: Path, lang: str, preview: bool, seed: str, memory: Memory | None = None
    ) -> None:
        variant = cache_variant(lang, preview)
        self.store = BodyStore(cache_root(root) / "bodies" / f"{variant}.sqlite")
        self.path = self.store.path
        self.seed = hashlib.sha256(seed.encode()).hexdigest()  # hashed once, not per body
        self.used: set[str] = set()
        self.seen: set[int] = set()  # ids of the records this build digested or reused
        # what a long-running process (the preview) keeps between rebuilds
        self.digests = (memory or Memory()).records
        self.memory = (memory or Memory()).bodies.setdefault(self.path, {})

    def key(self, *parts: Any) -> str | None:
        """The name of a body made from `parts`; None when a part has no value repr."""
        text = self.stable(parts)
        if " at 0x" in text:  # an object shown by its address: its state would be missed
            return None
        digest = hashlib.sha256(self.seed.encode() + b"\0" + text.encode())
        name = digest.hexdigest()[:40] + ".json"
        self.used.add(name)
        return name

    def stable(self, value: Any) -> str:
        """`repr`, with each record replaced by a digest of its fields, made once.

        A news item shows on its page, its neighbours', the lists and the related items of
        others: its repr was most of the cost of a key. Validation hands a long-running
        process the same record while its file is unchanged, so the digests of frozen
        records outlive a build (`Memory.records`); a list page's records (made anew each build)
        digest the items they hold, found there. The memo holds each record, so that an id
        is not reused while it lives, and keeps only those the last build used.
        """
        kind = type(value)
        if kind in PLAIN:
            return repr(value)
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            kept = self.digests.get(id(value))
            if kept is not None and kept[0] is value:
                self.seen.add(id(value))
                return kept[1]
            inner = ", ".join(f"{f.name}={self.stable(getattr(value, f.name))}"
                              for f in dataclasses.fields(value))  # fmt: skip
            text = f"{kind.__qualname__}({inner})"
            digest = text if " at 0x" in text else hashlib.sha256(text.encode()).hexdigest()
            stable = f"{kind.__name__}:{digest}"
            if kind.__dataclass_params__.frozen:
                self.digests[id(value)] = (value, stable)
                self.seen.add(id(value))
            return stable
        if isinstance(value, list | tuple):
            return "(" + ", ".join([self.stable(v) for v in value]) + ")"
        if isinstance(value, dict):
            return (
                "{"
                + ", ".join([f"{self.stable(k)}: {self.stable(v)}" for k, v in value.items()])
                + "}"
            )
        return repr(value)

    def get(self, name: str) -> tuple[str, list[str]] | None:
        if name in self.memory:
            return self.memory[name]
        body = self.store.get(name)
        if body is not None:
            self.memory[name] = body
        return body

    def put(self, name: str, html: str, images: list[str]) -> None:
        self.store.put(name, html, images)
        self.memory[name] = html, images

    def prune(self) -> None:
        """Keep only what this build used, on disk, in memory and among the digests."""
        self.store.keep(self.used)
        for name in set(self.memory) - self.used:
            del self.memory[name]
        for ident in set(self.digests) - self.seen:
            del self.digests[ident]


class BodyStore:
    """The bodies of one cache variant, in one SQLite file, written in one transaction.

    One file per body made a cold build create 3,500 files per language: 3 of the 7 s of
    the Vietnamese bodies at 2,000 items, most of it ext4 looking for free inodes after the
    previous site's removal. A build's new bodies become visible together when it ends
    (`keep`); a build that stops before leaves the store as it was. Opened per build and
    closed by `keep`: a connection must not cross the preview's fork into English.
    """

    SCHEMA = "CREATE TABLE IF NOT EXISTS body (name TEXT PRIMARY KEY, html TEXT, images TEXT)"

    def __init__(self, path: Path) -> None:
        self.path = path
        self.db: sqlite3.Connection | None = None

    def _connection(self) -> sqlite3.Connection:
        if self.db is None:
            with _as_os_error(self.path):
                self.path.parent.mkdir(parents=True, exist_ok=True)
                _retire_folder(self.path.with_suffix(""))
                try:
                    self.db = _open(self.path)
                except sqlite3.DatabaseError as exc:
                    if exc.sqlite_errorname not in ("SQLITE_CORRUPT", "SQLITE_NOTADB"):
                        raise
                    self.path.unlink()  # a torn or foreign file: a cache starts anew
                    self.db = _open(self.path)
        return self.db

    def get(self, name: str) -> tuple[str, list[str]] | None:
        with _as_os_error(self.path):
            row = (
                self._connection()
                .execute("SELECT html, images FROM body WHERE name = ?", (name,))
                .fetchone()
            )
        return None if row is None else (row[0], json.loads(row[1]))

    def put(self, name: str, html: str, images: list[str]) -> None:
        with _as_os_error(self.path):
            self._connection().execute(
                "INSERT OR IGNORE INTO body VALUES (?, ?, ?)", (name, html, json.dumps(images))
            )

    def keep(self, names: set[str]) -> None:
        """Drop every body but `names`, make this build's bodies visible, and close."""
        with _as_os_error(self.path):
            db = self._connection()
            stale = {row[0] for row in db.execute("SELECT name FROM body")} - names
            db.executemany("DELETE FROM body WHERE name = ?", ((n,) for n in sorted(stale)))
            db.commit()
            db.close()
        self.db = None


def _open(path: Path) -> sqlite3.Connection:
    db = sqlite3.connect(path, timeout=60)  # a build of the other kind may be writing
    try:
        db.execute(BodyStore.SCHEMA)
        db.commit()
    except BaseException:
        db.close()
        raise
    return db


def _retire_folder(folder: Path) -> None:
    """Move the one-file-per-body folder of earlier versions into the cache's trash."""
    if folder.is_dir():
        trash = folder.parent.parent / "trash"
        trash.mkdir(exist_ok=True)
        folder.rename(trash / f"bodies-{folder.name}-{os.getpid()}-{time.monotonic_ns()}")


# SQLite's errors of the machine, as the operating system's: the build names the path.
_SQLITE_ERRNO = {"SQLITE_FULL": errno.ENOSPC, "SQLITE_READONLY": errno.EROFS,
                 "SQLITE_CANTOPEN": errno.EACCES, "SQLITE_PERM": errno.EPERM,
                 "SQLITE_IOERR": errno.EIO}  # fmt: skip


@contextlib.contextmanager
def _as_os_error(path: Path) -> Iterator[None]:
    try:
        yield
    except sqlite3.Error as exc:
        name = (getattr(exc, "sqlite_errorname", None) or "").split("_")[:2]
        code = _SQLITE_ERRNO.get("_".join(name))
        if code is None:
            raise
        raise OSError(code, str(exc), str(path)) from exc
