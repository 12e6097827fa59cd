"""Image references in content: paths that stay inside content/images/, and real images.

Used by the schema for image fields and for images inside Markdown bodies, so that every
reference gets the same checks and messages, at the line that holds it.
"""

from __future__ import annotations

import contextlib
import difflib
import os
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from stat import S_ISREG
from typing import Any

from .i18n import Text
from .images import LARGE_BYTES, LARGE_SIDE, ImageProblem, check_header

IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp", ".tif", ".tiff", ".gif"}


@dataclass(frozen=True)
class Checked:
    """What checking one image reference found: a problem, or a warning about its size."""

    problem: tuple[str, dict[str, Any]] | None = None
    large: dict[str, Any] | None = None  # arguments of the large-photo warning


def check_image(value: str, project: Path) -> Checked:
    """Check a path below content/images/ and the image's header, reading the header once."""
    images = project / "content" / "images"
    pure = PurePosixPath(value.replace("\\", "/"))
    if (
        pure.is_absolute()
        or ".." in pure.parts
        or re.match(r"[a-zA-Z][a-zA-Z0-9+.-]*:", value)  # file:, http:, data:, C:
        or value.startswith("//")
    ):
        return Checked(("unsafe-path", {"found": value}))
    target = images / pure
    recording_now = getattr(_local, "recording", None)
    if recording_now is not None:  # validation remembers what a file's result depends on
        recording_now.append(_state(target))
    # os.path on strings: pathlib's resolve and two stats were a tenth of reading content
    inside, real = os.path.realpath(images), os.path.realpath(target)
    if real != inside and not real.startswith(inside + os.sep):  # a symlink that points out
        return Checked(("unsafe-path", {"found": value}))
    try:
        stat = os.stat(target)
    except OSError:
        stat = None
    if stat is None or not S_ISREG(stat.st_mode):
        return Checked(("missing-file", {"found": value, "suggestion": _near(target)}))
    if target.suffix.lower() not in IMAGE_SUFFIXES:
        return Checked(("bad-image-format", {"found": value, "format": target.suffix}))
    seen = (str(target), stat.st_size, stat.st_mtime_ns, value)
    if seen in _headers:  # the preview checks the same photos on every rebuild
        return _headers[seen]
    _headers[seen] = checked = _check_header(target, value, stat.st_size, pure)
    return checked


_headers: dict[tuple[str, int, int, str], Checked] = {}
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


def _check_header(target: Path, value: str, size: int, pure: PurePosixPath) -> Checked:
    try:
        width, height = check_header(target)
    except ImageProblem as exc:
        return Checked((exc.code, {"found": value, **exc.args_}))
    if size > LARGE_BYTES or max(width, height) > LARGE_SIDE:  # kept by the repository forever
        large = {"found": str(pure), "mb": f"{size / 1_000_000:.1f}", "side": max(width, height)}
        return Checked(large=large)
    return Checked()


_MD_IMAGE = re.compile(r"!\[([^\]]*)\]\(\s*<?([^)\s>]+)")
_HTML_IMAGE = re.compile(r"<img\b[^>]*?\bsrc\s*=\s*[\"']?([^\"'\s>]+)", re.IGNORECASE)


def body_images(markdown: str) -> list[tuple[str, str]]:
    """Return (alt, src) of the images a Markdown body shows (for validation messages only)."""
    raw = [("<img>", src) for src in _HTML_IMAGE.findall(markdown)]
    return _MD_IMAGE.findall(markdown) + raw


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
