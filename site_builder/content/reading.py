"""Read content files into records: each file once while it is unchanged, many at a time
in forked processes."""

from __future__ import annotations

import dataclasses
import hashlib
import multiprocessing
import os
import time
from pathlib import Path
from typing import Any, NamedTuple

from ..core.errors import ContentError
from ..core.workers import each, start_method
from . import privacy, references
from .loader import MAX_DEPTH, load_bytes
from .model import (
    AchievementField,
    Album,
    Commendation,
    Milestone,
    NewsItem,
    Person,
    Plan,
)
from .schema import INVALID, Context, is_draft, required_names
from .structures import Obj

# the kinds whose items are published on pages: checked for personal data
PUBLISHED = (Plan, AchievementField, Milestone, Person, Commendation, NewsItem, Album)


# A long-running process (the preview, the web editor's back end) validates the same files
# again and again: it hands each read its `Memory.files`, where a file's result, the very
# record, is kept while its bytes and the images it names stay (so that what is keyed by a
# record, such as a page body, is found again).
Memo = dict[tuple[str, str, str], tuple[str, list[Any], tuple[Any, Context], Any]]


SETTLED_NS = 2_000_000_000  # the coarsest file time there is (FAT): 2 s


def _stamp(path: Path, now_ns: int) -> Any:
    """What says a file is as it was, without reading it; None while a write could hide.

    A write within the same tick of the file clock as the one before leaves the time as
    it was; once the file is older than the coarsest tick when it is read, any later write
    shows (git's "racy" rule). Inode and change time catch a file replaced or touched.
    """
    try:
        found = path.stat()
    except OSError:
        return None
    if now_ns - found.st_mtime_ns < SETTLED_NS:
        return None
    return (found.st_ino, found.st_size, found.st_mtime_ns, found.st_ctime_ns)


def read_file(
    project: Path,
    rel: str,
    cls: type,
    extra: dict[str, Any],
    mark_en: bool = False,
    key: tuple[str, str, str] | None = None,
    memo: Memo | None = None,
) -> tuple[Any, Context]:
    """Read one file; `mark_en` records whether it has every English text (`has_en`).

    `key` is the file's key in `memo`, where the caller has it already."""
    _memo: Memo = {} if memo is None else memo
    key = key or _key(project, rel, cls, extra, mark_en)
    kept = _memo.get(key)
    stamp = _stamp(project / rel, time.time_ns()) if kept is not None else None
    if kept is not None and stamp is not None and kept[3] == stamp:
        if references.unchanged(kept[1]):  # 4,000 files: reading them was 0.5 s of an edit
            return kept[2]
    now = time.time_ns()
    data = (project / rel).read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    stamp = _stamp(project / rel, now)
    if kept is not None and kept[0] == digest and references.unchanged(kept[1]):
        _memo[key] = (*kept[:3], stamp)
        return kept[2]
    with references.recording() as images:
        try:
            record, ctx = _read_now(project, rel, data, cls, extra)
        except RecursionError:  # nested past what the loader measured: this file's problem
            record, ctx = None, Context(rel, project)
            ctx.problems.append(ContentError(rel, 1, 1, "too-deep", {"limit": MAX_DEPTH}))
    if mark_en and record is not None:
        record = dataclasses.replace(record, has_en=not ctx.missing_en)
    result = record, ctx
    _memo[key] = (digest, images, result, stamp)
    return result


class Job(NamedTuple):
    """One file to read: `read_file`'s arguments after the project."""

    rel: str
    cls: type
    extra: dict[str, Any]
    mark_en: bool


# Below this many files to read a second process costs more than it saves (a fork, pickles).
PARALLEL_FROM = 400


# What a one-off load (a build, a check) asks for: one per core, at most four (each process
# pickles its share back to this one).
READERS = min(os.cpu_count() or 1, 4)


def read_all(
    project: Path, jobs: list[Job], processes: int, memo: Memo
) -> list[tuple[Any, Context]]:
    """Read every job's file, in `processes` forked processes when it pays, in job order.

    Reading is most of a full build's serial part (the archive's 2,700 files: 1.5–1.9 s)
    and each file's result depends on that file and its images only. Each process takes
    every n-th file, so that long and short files are shared alike, and hands back what
    it read as the memo's entries (pickled: 6 MB, ~0.1 s), so that a long-running process
    (the web editor's back end builds) keeps every file, not only its share. Files already
    in the memo cost a stat each: a process that has read them reads alone.
    """
    keys = [_key(project, *job) for job in jobs]
    unread = sum(key not in memo for key in keys)
    forks = start_method() == "fork"  # the memo and the jobs' classes go with the fork
    if processes < 2 or unread < PARALLEL_FROM or not forks:
        return [
            read_file(project, *job, key=key, memo=memo)
            for job, key in zip(jobs, keys, strict=True)
        ]
    shares = [(project, jobs[i::processes], keys[i::processes], memo) for i in range(processes)]
    found = each(multiprocessing.get_context("fork"), _read_share, shares[1:],
                 meanwhile=lambda: _read_share(*shares[0]))  # fmt: skip
    for i, entries in enumerate(found, start=1):
        memo.update(zip(keys[i::processes], entries, strict=True))
    return [memo[key][2] for key in keys]


def _read_share(
    project: Path, jobs: list[Job], keys: list[tuple[str, str, str]], memo: Memo
) -> list[Any]:
    """Read `jobs` and return their memo entries (the result is the entry's third item).

    In a forked worker `memo` is the parent's, as it was at the fork (not pickled)."""
    for job, key in zip(jobs, keys, strict=True):
        read_file(project, *job, key=key, memo=memo)
    return [memo[key] for key in keys]


def _key(
    project: Path, rel: str, cls: type, extra: dict[str, Any], mark_en: bool
) -> tuple[str, str, str]:
    return (os.path.abspath(project), rel, f"{cls.__name__}{sorted(extra.items())}{mark_en}")


def _read_now(
    project: Path, rel: str, data: bytes, cls: type, extra: dict[str, Any]
) -> tuple[Any, Context]:
    ctx = Context(rel, project)
    root, ctx.problems = load_bytes(data, rel)
    if root is None:
        if not ctx.problems:
            fields = ", ".join(required_names(cls))
            ctx.problems.append(ContentError(rel, 1, 1, "empty-file", {"fields": fields}))
        return None, ctx
    if ctx.problems:  # duplicate keys or tags: the value read would be a guess
        return None, ctx
    ctx.draft = is_draft(root, cls)  # may be unfinished: what it lacks is noted
    record = Obj(cls).convert(root, ctx, "", extra=extra)
    if record is INVALID:
        return None, ctx
    if ctx.lacks:
        record = dataclasses.replace(record, lacks=tuple(ctx.lacks))
    if cls in PUBLISHED:
        ctx.problems += privacy.check(root, rel, set(record.allow_contact_details))
    return record, ctx
