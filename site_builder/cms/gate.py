"""The one gate of the web editor's writes and deletes: only content files, checked first.

A change (files to write, files to delete) is admitted only if it names files of the content
layout (a kind's YAML file, `site.yml`, `plan.yml`, `glossary.yml`, a picture under
`content/images/`) and `site-builder check` would accept content/ as it would be after it.
That is decided on a mirror of content/ in the cache, with the change applied there: the
check's own `load_content` reads the mirror, so nothing touches content/ before the change
is admitted, and nothing temporary is ever written inside the project's tracked folders.

The mirror holds hard links to content's files (copies where the file system has none):
the check's containment rule for pictures resolves links, so symbolic links would not do.
It is kept between changes, so that the check's per-file memo serves the files a change
leaves alone. A file of the mirror is never written in place (it may share the content's
bytes): it is unlinked first.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import shutil
import threading
from collections.abc import Iterator
from fnmatch import fnmatchcase
from pathlib import Path, PurePosixPath

from ..cache.memory import Memory
from ..checks import load_content
from ..content.model import FIELD_IDS
from ..content.references import IMAGE_SUFFIXES, check_image
from ..content.validate import KINDS, SINGLES
from ..core.cachedir import cache_root
from ..core.errors import ERROR, ContentError

CONTENT = "content"
IMAGES = "content/images/"
KEPT = {"content/site.yml", "content/plan.yml"} | {f"content/fields/{f}.yml" for f in FIELD_IDS}
_SINGLE_FILES = {f"content/{name}" for _, name, _ in SINGLES}
_YEAR = re.compile(r"\d{4}")

Changes = dict[str, bytes | None]  # project-relative path → its new bytes, or None: deleted


def layout_problem(rel: str, delete: bool = False) -> ContentError | None:
    """Refuse a path that is no file of the content layout, or one that is never deleted."""
    if delete and rel in KEPT:
        return ContentError(rel, 0, 0, "delete-kept", {"found": rel})
    if is_content_file(rel):
        return None
    return ContentError(rel, 0, 0, "not-content-file", {"found": rel})


def is_content_file(rel: str) -> bool:
    """Whether `rel` (normalised, relative to the project) is a file the content holds."""
    parts = rel.split("/")
    if parts[0] != CONTENT or len(parts) < 2 or any(p.startswith(".") or not p for p in parts):
        return False
    if rel in _SINGLE_FILES:
        return True
    if rel.startswith(IMAGES):
        return PurePosixPath(rel).suffix.lower() in IMAGE_SUFFIXES
    for kind in KINDS:  # a kind's folder, as `load_content` finds its files
        if parts[1] != kind.folder:
            continue
        below, pattern = parts[2:], kind.pattern.split("/")
        if len(below) != len(pattern) or not all(map(fnmatchcase, below, pattern)):
            return False
        return kind.name != "news" or bool(_YEAR.fullmatch(below[0]))
    return False


class Gate:
    """Admit or refuse changes to `project`'s content, and write the admitted ones."""

    def __init__(self, project: Path) -> None:
        self.project = project.resolve()
        self.folder = cache_root(self.project).resolve() / "editor"
        self.mirror = self.folder / "project"  # a project folder holding only content/
        self.lock = threading.Lock()
        self.memory = Memory()  # every save validates the mirror: unchanged files read once

    def save(self, changes: Changes) -> list[ContentError]:
        """Write and delete as `changes` says if the gate admits them; else return why not."""
        with self._held():
            refused = self.refusals(changes)
            if not refused:
                for rel, data in changes.items():
                    self._apply(rel, data)
            return refused

    def refusals(self, changes: Changes) -> list[ContentError]:
        """Return the problems that refuse `changes`, sorted; none: admitted."""
        refused = [
            problem
            for rel, data in changes.items()
            if (problem := layout_problem(rel, delete=data is None) or self._outside(rel))
        ]
        if refused or not changes:
            return sorted(refused)
        self._mirror()
        for rel, data in changes.items():
            self._stage(rel, data)
        refused = self._picture_problems(changes)
        errors = _errors(load_content(self.mirror, memory=self.memory)[1])
        written = {rel for rel, data in changes.items() if data is not None}
        refused += [p for p in errors if p.path in written]
        caused = [p for p in errors if p.path not in written]
        if caused:  # only what the change brings counts: the rest was there before it
            self._mirror()
            before = {_where(p) for p in _errors(load_content(self.mirror, memory=self.memory)[1])}
            caused = [p for p in caused if _where(p) not in before]
        if caused:
            refused += [
                ContentError(rel, 0, 0, "delete-referenced", {"found": rel})
                for rel, data in changes.items()
                if data is None
            ]
        return sorted(refused) + sorted(caused)  # the refusal, then what it would break

    def _outside(self, rel: str) -> ContentError | None:
        """Refuse a path that a link leads out of content/: nothing there is written or deleted."""
        content = (self.project / CONTENT).resolve()
        if (self.project / rel).resolve().is_relative_to(content):
            return None
        return ContentError(rel, 0, 0, "not-content-file", {"found": rel})

    # The mirror --------------------------------------------------------------------------

    def _mirror(self) -> None:
        """Make the mirror's content/ show what the project's content/ holds now."""
        roots = ((self.project / CONTENT).resolve(), self.mirror / CONTENT)
        _sync(self.project / CONTENT, self.mirror / CONTENT, roots)

    def _stage(self, rel: str, data: bytes | None) -> None:
        path = self.mirror / rel
        for parent in reversed(path.relative_to(self.mirror).parents[:-1]):
            _remove_unless_folder(self.mirror / parent)  # a link: never written through
        _remove(path)
        if data is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            with open(path, "xb") as file:  # a new file: never through a link to content
                file.write(data)

    def _picture_problems(self, changes: Changes) -> list[ContentError]:
        """Check each written picture as the check checks a picture it is shown."""
        problems = []
        for rel, data in changes.items():
            if data is None or not rel.startswith(IMAGES):
                continue
            checked = check_image(rel.removeprefix(IMAGES), self.mirror)
            if checked.problem is not None:
                code, args = checked.problem
                problems.append(ContentError(rel, 0, 0, code, args))
            elif checked.large is not None:  # the check warns; the editor cannot use Git LFS
                problems.append(ContentError(rel, 0, 0, "large-photo", checked.large))
        return problems

    # Writing -----------------------------------------------------------------------------

    def _apply(self, rel: str, data: bytes | None) -> None:
        path = self.project / rel
        if data is None:
            path.unlink(missing_ok=True)
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        scratch = self.folder / "writing"
        scratch.mkdir(parents=True, exist_ok=True)
        temporary = scratch / f"{os.getpid()}-{path.name}"
        temporary.write_bytes(data)
        try:  # a reader (a build, git) never sees half a file
            os.replace(temporary, path)
        except OSError as exc:
            temporary.unlink(missing_ok=True)
            if exc.errno != errno.EXDEV:
                raise
            path.write_bytes(data)  # the cache is on another disk (SITE_BUILDER_CACHE)

    @contextlib.contextmanager
    def _held(self) -> Iterator[None]:
        """Hold the mirror against another web editor on the same project, where locks exist."""
        self.folder.mkdir(parents=True, exist_ok=True)
        try:
            import fcntl
        except ImportError:  # Windows: one editor per project
            with self.lock:
                yield
            return
        with self.lock, open(self.folder / "gate.lock", "a", encoding="utf-8") as held:
            with contextlib.suppress(OSError):  # a file system without locks: unlocked
                fcntl.flock(held, fcntl.LOCK_EX)
            yield


def _errors(problems: list[ContentError]) -> list[ContentError]:
    return [p for p in problems if p.severity == ERROR]


def _where(problem: ContentError) -> tuple[str, int, int, str, str]:
    return (problem.path, problem.line, problem.col, problem.code, problem.key)


def _sync(real: Path, copy: Path, roots: tuple[Path, Path]) -> None:
    """Make folder `copy` hold what folder `real` holds: its files linked, its links mapped.

    `roots` are the content folder (resolved) and its mirror.
    """
    _remove_unless_folder(copy)
    copy.mkdir(parents=True, exist_ok=True)
    wanted = {entry.name: entry for entry in os.scandir(real)}
    for entry in os.scandir(copy):
        if entry.name not in wanted:
            _remove(Path(entry.path))
    for name, entry in wanted.items():
        target = copy / name
        if entry.is_symlink():
            _mirror_link(Path(entry.path), target, roots)
        elif entry.is_dir(follow_symlinks=False):
            _sync(Path(entry.path), target, roots)
        elif entry.is_file(follow_symlinks=False):
            _mirror_file(entry, target)


def _mirror_file(entry: os.DirEntry[str], target: Path) -> None:
    found = entry.stat(follow_symlinks=False)
    try:
        have = target.lstat()
    except OSError:
        have = None
    if have is not None and not target.is_symlink() and target.is_file():
        if (have.st_dev, have.st_ino) == (found.st_dev, found.st_ino):
            return  # linked already
        if (have.st_size, have.st_mtime_ns) == (found.st_size, found.st_mtime_ns):
            return  # copied already
    _remove(target)
    try:
        os.link(entry.path, target)
    except OSError:  # no hard links here (another disk, FAT): a copy, with its times
        shutil.copy2(entry.path, target)


def _mirror_link(link: Path, target: Path, roots: tuple[Path, Path]) -> None:
    """Mirror a symbolic link: into content stays into the mirror, out of it stays out."""
    pointed = Path(os.path.realpath(link))
    content, mirrored = roots
    with contextlib.suppress(ValueError):
        pointed = mirrored / pointed.relative_to(content)
    with contextlib.suppress(OSError):
        if target.is_symlink() and os.readlink(target) == str(pointed):
            return
    _remove(target)
    with contextlib.suppress(OSError):  # no symbolic links here: the check will miss it too
        os.symlink(pointed, target)


def _remove(path: Path) -> None:
    """Remove a mirror's entry: a folder with what it holds, else the entry (not its target)."""
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    else:
        path.unlink(missing_ok=True)


def _remove_unless_folder(path: Path) -> None:
    if path.is_symlink() or (path.exists() and not path.is_dir()):
        path.unlink()
