"""Output folders: which ones a build may replace, and replacing the site and radio together.

A build replaces whole folders, so a wrong `--site-dir` (`.`, `content`, a folder of
someone's files) would delete them. Every folder this tool writes carries a marker file,
and a folder is replaced only when it has that marker, is empty or does not exist yet.

The site and the radio scripts are staged beside their targets and swapped in one step
that a journal makes repairable: a run killed half-way is finished by the next run, so
the scripts never belong to another build than the site.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from ..core.cachedir import cache_root
from ..core.checkpoints import checkpoint
from ..core.errors import ContentError, shown_path

MARKER = ".site-builder-output"  # in every site and radio folder this tool writes
SITE, RADIO = "site", "radio"
_PROTECTED = ("content", "templates", "assets", ".git")

# reason -> (vi, en); {path}, {other}, {area} and {marker} are filled in
_REASONS = {
    "project": (
        "'{path}' là thư mục dự án hoặc chứa thư mục dự án: dựng vào đó sẽ xóa mất dự án",
        "'{path}' is the project folder or contains it: building there would delete the project",
    ),
    "protected": (
        "'{path}' nằm trong {area} của dự án: dựng vào đó sẽ xóa mất tệp của dự án",
        "'{path}' lies inside the project's {area}: building there would delete its files",
    ),
    "foreign": (
        "thư mục '{path}' đã có tệp không do site-builder tạo ra (không có tệp đánh dấu "
        "{marker}), nên không được thay thế",
        "the folder '{path}' holds files that site-builder did not make (it has no {marker} "
        "marker), so it is not replaced",
    ),
    "not-a-folder": (
        "'{path}' là một tệp, không phải thư mục",
        "'{path}' is a file, not a folder",
    ),
    "nested": (
        "thư mục trang và thư mục kịch bản phát thanh không được là một hoặc nằm trong nhau "
        "('{path}' và '{other}'): kịch bản ghi tên cán bộ, không bao giờ được công bố cùng trang",
        "the site folder and the radio folder may not be the same or lie inside one another "
        "('{path}' and '{other}'): the scripts name staff and are never published with the site",
    ),
}
_HINT = (
    "Không có gì bị xóa. Hãy chọn một thư mục mới hoặc trống, ví dụ: --site-dir site "
    "--radio-dir radio",
    "Nothing was deleted. Choose a new or empty folder, e.g. --site-dir site --radio-dir radio",
)


class OutputRefused(Exception):
    """An output folder the build must not replace; the command exits 2 with `message`."""

    def __init__(self, reason: str, path: Path, other: Path | None = None, area: str = ""):
        super().__init__(reason, str(path))
        self.reason, self.path, self.other, self.area = reason, path, other, area

    def message(self, lang: str) -> str:
        pick = 0 if lang == "vi" else 1
        why = _REASONS[self.reason][pick].format(
            path=self.path, other=self.other, area=self.area, marker=MARKER
        )
        return f"{why}. {_HINT[pick]}"


def preview_dirs(root: Path) -> tuple[Path, Path]:
    """The web editor's preview (drafts shown) and its radio folder, which stays unwritten:
    in the cache, so that no draft ever lands in a folder that is published."""
    cache = cache_root(root).absolute()
    return cache / "preview", cache / "preview-radio"


def guard(root: Path, target: Path, kind: str) -> None:
    """Raise OutputRefused unless `target` may be replaced by a `kind` folder."""
    where, project = _resolved(target), _resolved(root)
    if _within(project, where):
        raise OutputRefused("project", target)
    areas = [(project / name, name + "/") for name in _PROTECTED]
    areas.append((_resolved(cache_root(root)), str(cache_root(root))))
    for area, name in areas:
        if _within(where, area):
            raise OutputRefused("protected", target, area=name)
    for folder in where.parents:  # `radio --out site/x`: inside a folder of the other kind
        if marked(folder) not in (None, kind):
            raise OutputRefused("nested", target, folder)
    if where.exists():
        if not where.is_dir():
            raise OutputRefused("not-a-folder", target)
        mark_ = marked(where)
        if mark_ == kind or _empty(where) or _earlier_build(where, project, kind):
            return
        raise OutputRefused("nested" if mark_ else "foreign", target, where)


def _within(path: Path, folder: Path) -> bool:
    """Whether `path` is `folder` or lies in it; by the file system's own judgement where
    both exist, since a case-insensitive one (macOS, Windows) has `Templates` be `templates`."""
    if path == folder or folder in path.parents:
        return True
    if not folder.exists():
        return False
    return any(p.exists() and os.path.samefile(p, folder) for p in (path, *path.parents))


def apart(site: Path, radio: Path) -> None:
    """Raise OutputRefused if the site and radio folders are one or lie inside each other."""
    one, two = _resolved(site), _resolved(radio)
    if one == two or one in two.parents or two in one.parents:
        raise OutputRefused("nested", site, radio)


def unwritable(root: Path, target: Path) -> ContentError | None:
    """The file-system problem that stops writing beside `target` (whose staging folders are
    its siblings), or None. Its parent folders are made if missing."""
    above = next((p for p in target.parents if p.exists() or p.is_symlink()), None)
    if above is not None and not above.is_dir():  # a file where a folder is meant
        reason = os.strerror(errno.ENOTDIR)
        return ContentError(shown_path(above, root), 0, 0, "file-system", {"reason": reason})
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        os.rmdir(tempfile.mkdtemp(prefix=f".{target.name}.probe-", dir=target.parent))
    except OSError as exc:
        reason = exc.strerror or str(exc)
        return ContentError(shown_path(target, root), 0, 0, "file-system", {"reason": reason})
    return None


def mark(folder: Path, kind: str) -> None:
    """Mark `folder` as one this tool wrote: the same bytes every build."""
    text = json.dumps({"made-by": "site-builder", "kind": kind}) + "\n"
    (folder / MARKER).write_text(text, encoding="utf-8")


def marked(folder: Path) -> str | None:
    """The kind of output `folder` was marked as, or None."""
    try:
        data = json.loads((folder / MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data.get("kind") if isinstance(data, dict) else None


def _resolved(path: Path) -> Path:
    return Path(os.path.realpath(path.absolute()))


def _empty(folder: Path) -> bool:
    with os.scandir(folder) as entries:
        return next(entries, None) is None


def _earlier_build(folder: Path, project: Path, kind: str) -> bool:
    """A folder an earlier version built at this project's default place (no marker then)."""
    if folder != project / kind:
        return False
    if kind == SITE:
        return all((folder / name).is_file() for name in ("index.html", "404.html", "sitemap.xml"))
    # only scripts of this project's programmes: an editor's own file there is kept
    programmes = {p.stem for p in (project / "content" / "radio").glob("*.yml")}
    return all(
        p.is_file() and p.suffix in (".html", ".txt", ".docx") and p.stem in programmes
        for p in folder.iterdir()
    )


# --- staging and the swap ---------------------------------------------------------------


def sibling(target: Path, suffix: str) -> Path:
    return target.with_name(f".{target.name}.{suffix}")


def swap_together(pairs: list[tuple[Path, Path]]) -> list[Path]:
    """Put each staged folder in place of its target, all or (after a repair) none.

    Returns the folders now holding what was replaced, to discard. A journal beside the
    first target names each staged folder by its inode, which a rename keeps: `repair`
    then knows, for each pair, whether it was swapped yet.
    """
    checkpoint("swap")
    journal = sibling(pairs[0][1], "swap")
    inodes = [staged.stat().st_ino for staged, _ in pairs]
    entries = [[str(s), str(t), inode] for (s, t), inode in zip(pairs, inodes, strict=True)]
    partial = journal.with_name(journal.name + ".part")
    partial.write_text(json.dumps(entries), encoding="utf-8")
    os.replace(partial, journal)
    previous: list[Path] = []
    for n, ((staged, target), inode) in enumerate(zip(pairs, inodes, strict=True)):
        if n:
            checkpoint("swapping")  # a test kills here: the next run finishes the swap
        previous += _finish(staged, target, inode)
    journal.unlink()
    return previous


def _finish(staged: Path, target: Path, inode: int) -> list[Path]:
    """Swap one pair unless done already; return the folders holding what it replaced."""
    old = sibling(target, "old")
    if _inode(target) == inode:  # swapped already: what is left is the previous output
        return [p for p in (staged, old) if p.exists()]
    if _inode(staged) != inode:  # the staged folder is gone: nothing to finish
        return []
    if not target.exists():
        staged.rename(target)
        return [old] if old.exists() else []
    if _exchange(staged, target):  # now `staged` holds the previous output
        return [staged]
    # two renames where the system swaps no folders in one step (Windows, macOS): for an
    # instant there is no `target`; a run killed then is finished by the next, as above
    shutil.rmtree(old, ignore_errors=True)
    target.rename(old)
    checkpoint("renamed")  # a test kills here
    staged.rename(target)
    return [old]


def _trusted(entries: Any, targets: list[Path]) -> list[tuple[Path, Path, int]]:
    """The journal's entries that name this run's own pairs (a folder's `.new` sibling and
    the folder). A journal is a file in the project: one brought in from elsewhere (a zip, a
    shared folder) must never name what a build moves or deletes."""
    ours = {(str(sibling(t, "new")), str(t)) for t in targets}
    if not isinstance(entries, list):
        return []
    return [
        (Path(e[0]), Path(e[1]), e[2])
        for e in entries
        if isinstance(e, list) and len(e) == 3 and isinstance(e[2], int)
        and isinstance(e[0], str) and isinstance(e[1], str) and (e[0], e[1]) in ours
    ]  # fmt: skip


def _inode(path: Path) -> int | None:
    try:
        return path.stat().st_ino
    except OSError:
        return None


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders in one atomic step (Linux renameat2); False where unsupported."""
    if sys.platform != "linux":
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    done = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange)
    return done == 0


def repair(target: Path, *others: Path) -> None:
    """Finish a swap that a killed run began, else undo what a run killed before its swap
    left; remove the leftovers either way. `target` is the site folder, whose journal names
    the pairs; `others` the run's other output folders (the radio scripts)."""
    journal = sibling(target, "swap")
    try:
        entries = _trusted(json.loads(journal.read_text(encoding="utf-8")), [target, *others])
    except (OSError, ValueError):
        entries = []
    for staged, folder, inode in entries:
        for leftover in _finish(staged, folder, inode):
            _remove(leftover)
    journal.unlink(missing_ok=True)
    journal.with_name(journal.name + ".part").unlink(missing_ok=True)
    for folder in (target, *others):
        old = sibling(folder, "old")
        if old.exists() and not folder.exists():
            old.rename(folder)
        for leftover in (sibling(folder, "new"), old, sibling(folder, "new-en")):
            shutil.rmtree(leftover, ignore_errors=True)


# --- discarding -------------------------------------------------------------------------

_EMPTY = """import os, shutil, sys
for name in os.listdir(sys.argv[1]):
    path = os.path.join(sys.argv[1], name)
    if os.path.isdir(path) and not os.path.islink(path):
        shutil.rmtree(path, ignore_errors=True)
    else:
        try:
            os.remove(path)
        except OSError:
            pass
"""


def discard(paths: list[Path], trash: Path) -> None:
    """Remove folders (or files) without waiting for it.

    Removing tens of thousands of files took seconds of every build. Each is moved into
    the cache's trash (out of the site's sight) and one detached process empties the
    trash, which also takes what an earlier one left. Where a move fails (another file
    system), that one is removed here.
    """
    moved = False
    for path in paths:
        try:
            trash.mkdir(parents=True, exist_ok=True)
            path.rename(trash / f"{path.name}-{os.getpid()}-{time.monotonic_ns()}")
            moved = True
        except OSError:
            _remove(path)
    if not moved:
        return
    quiet = subprocess.DEVNULL
    with contextlib.suppress(OSError):  # the next build's emptier takes it
        subprocess.Popen(  # noqa: S603 (our own interpreter, a fixed script, a path we made)
            [sys.executable, "-c", _EMPTY, str(trash)],
            stdin=quiet, stdout=quiet, stderr=quiet,
            start_new_session=True,
        )  # fmt: skip


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)
