"""Image references in content: paths that stay inside content/images/, and real images.

Used by the schema for image fields and for images inside Markdown bodies, so that every
reference gets the same checks and messages, at the line that holds it.
"""

from __future__ import annotations

import contextlib
import difflib
import functools
import hashlib
import os
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath
from stat import S_ISREG
from typing import Any

from PIL import __version__ as PILLOW_VERSION

from ..core.cachedir import cache_root
from ..images.cache import locate
from ..images.process import LARGE_BYTES, LARGE_SIDE, ImageProblem, check_header, verify
from ..text.i18n import Text
from ..text.slugs import is_reserved

IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp", ".tif", ".tiff", ".gif"}


@dataclass(frozen=True)
class Checked:
    """What checking one image reference found: a problem, or a warning about its size."""

    problem: tuple[str, dict[str, Any]] | None = None
    large: dict[str, Any] | None = None  # arguments of the large-photo warning
    src: str = ""  # the path as the build looks it up (`canonical`)


_SCHEME = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*:")  # file:, http:, data:, C:
_UNUSABLE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")  # no file name holds these


def canonical(value: str) -> str | None:
    """Return the path below content/images/ that `value` names, or None if it names none.

    The one spelling that validation records and the build looks up: a backslash is a
    folder separator (as Windows writes it), `./` and doubled slashes go. An absolute path,
    `..`, a scheme (`https:`, `file:`, `C:`) or a control character names no such path.
    """
    path = value.replace("\\", "/")
    if _UNUSABLE.search(path) or path.startswith("/") or _SCHEME.match(path):
        return None
    parts = [part for part in path.split("/") if part not in ("", ".")]
    if not parts or ".." in parts:
        return None
    return "/".join(parts)


def check_image(value: str, project: Path) -> Checked:
    """Check a path below content/images/ and the image, decoding it as the build will once."""
    if not value.strip():
        return Checked(("empty-image-path", {"found": value}))
    src = canonical(value)
    if src is None:
        return Checked(("unsafe-path", {"found": value}))
    images = project / "content" / "images"
    pure = PurePosixPath(src)
    reserved = next((part for part in pure.parts if is_reserved(part)), None)
    if reserved is not None:  # a file Windows cannot have: the repository would not check out
        stem, dot, rest = reserved.partition(".")
        return Checked(("reserved-name", {"found": reserved, "suggestion": f"{stem}-2{dot}{rest}"}))
    target = locate(images, src)  # the name on disk may be NFD
    recording_now = getattr(_local, "recording", None)
    if recording_now is not None:  # validation remembers what a file's result depends on
        recording_now.append(_state(target))
    # os.path on strings: pathlib's resolve and two stats were a tenth of reading content
    inside, real = os.path.realpath(images), os.path.realpath(target)
    if real != inside and not real.startswith(inside + os.sep):  # a symlink that points out
        return Checked(("unsafe-path", {"found": value}))
    content = os.path.realpath(project / "content")
    if not inside.startswith(content + os.sep):  # content/images/ itself links elsewhere
        return Checked(("unsafe-path", {"found": value}))
    try:
        stat = os.stat(target)
    except OSError:
        stat = None
    if stat is None or not S_ISREG(stat.st_mode):
        return Checked(("missing-file", {"found": value, "suggestion": _near(target)}))
    if target.suffix.lower() not in IMAGE_SUFFIXES:
        return Checked(("bad-image-format", {"found": value, "format": target.suffix}))
    version = (stat.st_size, stat.st_mtime_ns, stat.st_ino)
    return replace(_check_header(target, value, version, pure, project), src=src)


_local = threading.local()  # the web editor's back end validates beside its rebuilds


def _state(target: Path) -> tuple[str, Any, Any]:
    """What a check of `target` depends on: the file, and its folder (for suggestions)."""

    def stamp(path: Path) -> Any:
        try:
            found = path.stat()
        except OSError:
            return None
        return (found.st_size, found.st_mtime_ns)

    return (str(target), stamp(target), stamp(target.parent))


@contextlib.contextmanager
def recording() -> Iterator[list[tuple[str, Any, Any]]]:
    """Collect the state of every image this thread checks meanwhile."""
    outer = getattr(_local, "recording", None)
    _local.recording = []
    try:
        yield _local.recording
    finally:
        _local.recording = outer


def unchanged(states: list[tuple[str, Any, Any]]) -> bool:
    return all(_state(Path(path)) == (path, file, folder) for path, file, folder in states)


@functools.lru_cache(maxsize=16384)  # the preview checks the same photos on every rebuild
def _check_header(
    target: Path, value: str, version: tuple[int, int, int], pure: PurePosixPath, project: Path
) -> Checked:
    """Check one version (size, time, inode) of a picture: the same answer every time."""
    size = version[0]
    try:
        width, height = check_header(target)
        _decodes(target, version, project)
    except ImageProblem as exc:
        return Checked((exc.code, {"found": value, **exc.args_}))
    if size > LARGE_BYTES or max(width, height) > LARGE_SIDE:  # kept by the repository forever
        large = {"found": str(pure), "mb": f"{size / 1_000_000:.1f}", "side": max(width, height)}
        return Checked(large=large)
    return Checked()


def _decodes(target: Path, version: tuple[int, int, int], project: Path) -> None:
    """Decode the picture as the build will, once per version of the file.

    A truncated JPEG or a PNG whose text inflates past Pillow's limit shows only when the
    pixels are read, so `check` reads them (#28). Decoding is most of the cost: an empty
    file in the cache, named by the file's path, size, time, inode and Pillow's version,
    says a decode succeeded, as the image cache trusts (size, mtime) to skip re-hashing.
    """
    size, mtime, inode = version
    stamp = f"{PILLOW_VERSION}:{os.path.realpath(target)}:{size}:{mtime}"
    name = hashlib.sha256(f"{stamp}:{inode}".encode()).hexdigest()
    marker = cache_root(project) / "decoded" / name[:2] / name[2:]
    if marker.exists():
        return
    verify(target)  # raises ImageProblem
    try:
        marker.parent.mkdir(parents=True, exist_ok=True)
        marker.touch()
    except OSError:  # a read-only checkout: decode again next time
        pass


def _near(target: Path) -> Text:
    folder = target.parent
    names = [p.name for p in folder.iterdir()] if folder.is_dir() else []
    close = difflib.get_close_matches(target.name, names, n=1, cutoff=0.6)
    if close:
        return Text(
            f"có tệp '{close[0]}', có phải ý bạn là tệp này?", f"did you mean '{close[0]}'?"
        )
    return Text(
        "đặt ảnh vào content/images/ và viết đường dẫn tính từ thư mục đó",
        "put the image in content/images/ and write its path from there",
    )
