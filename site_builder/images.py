"""Pillow stage: read the header when pages are planned, decode and write at the end.

This is the foundation's plain version: one width, orientation from EXIF, sRGB-or-RGB
output and no metadata. The image issue grows it into responsive sizes and a cache.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from PIL import Image as PILImage
from PIL import ImageOps

from .errors import BuildFailed, ContentError

PILImage.MAX_IMAGE_PIXELS = 60_000_000  # larger is refused, not a decompression bomb
_ROTATED = {5, 6, 7, 8}  # EXIF orientations that swap width and height
OUTPUT_DIR = "anh"


@dataclass(frozen=True)
class Planned:
    """Where a source image will be written and its size there (for width/height attributes)."""

    src: str
    url: str  # relative to the site root, e.g. "anh/tin-tuc/le.jpg"
    width: int
    height: int


def plan(project: Path, src: str, max_width: int) -> Planned:
    """Read only the header of `src` (relative to content/images/) and plan its output."""
    path = project / "content" / "images" / src
    with PILImage.open(path) as im:
        width, height = im.size
        if im.getexif().get(0x0112, 1) in _ROTATED:
            width, height = height, width
        suffix = ".png" if _has_alpha(im) else ".jpg"
    if width > max_width:
        height = round(height * max_width / width)
        width = max_width
    url = f"{OUTPUT_DIR}/{PurePosixPath(src).with_suffix(suffix)}"
    return Planned(src, url, width, height)


def write(project: Path, planned: list[Planned], site_dir: Path, rel_of: dict[str, str]) -> None:
    """Decode, orient, resize and encode every planned image; fail with every bad file."""
    problems = []
    for item in {p.url: p for p in planned}.values():
        source = project / "content" / "images" / item.src
        target = site_dir / item.url
        try:
            with PILImage.open(source) as im:
                im.load()
                out = ImageOps.exif_transpose(im)
            out = out.convert("RGBA" if target.suffix == ".png" else "RGB")
            if out.width != item.width:
                out = out.resize((item.width, item.height), PILImage.Resampling.LANCZOS)
            target.parent.mkdir(parents=True, exist_ok=True)
            # No exif= or icc_profile= given: nothing of the source's metadata is written.
            if target.suffix == ".png":
                out.save(target, "PNG", optimize=True)
            else:
                out.save(target, "JPEG", quality=82, optimize=True, progressive=True)
        except (OSError, ValueError, PILImage.DecompressionBombError) as exc:
            where = rel_of.get(item.src, f"content/images/{item.src}")
            args = {"found": item.src, "detail": str(exc) or type(exc).__name__}
            problems.append(ContentError(where, 0, 0, "bad-image", args))
    if problems:
        raise BuildFailed(problems)


def _has_alpha(im: PILImage.Image) -> bool:
    return im.mode in ("RGBA", "LA", "PA") or (im.mode == "P" and "transparency" in im.info)
