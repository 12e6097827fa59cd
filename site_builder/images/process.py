"""Pillow stage: check a source's header, then decode it once into every output it needs.

One decode per source: JPEGs are decoded at a reduced DCT scale (`Image.draft`) when the
largest output is at most half the original, the first resize happens before the picture is
turned upright (rotating the small image is cheaper), each smaller width is resized from
the next larger one, and every output is written without any of the source's metadata.
"""

from __future__ import annotations

import io
import json
import math
import re
import time
import warnings
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import cast

from PIL import Image, ImageCms, UnidentifiedImageError, features

ACCEPTED = {"JPEG", "PNG", "WEBP", "TIFF", "GIF", "MPO"}  # MPO: phone JPEGs with a preview
MAX_PIXELS = 60_000_000  # a 8000 × 7500 photo; beyond this a file is refused, never decoded
Image.MAX_IMAGE_PIXELS = MAX_PIXELS
_ROTATED = {5, 6, 7, 8}  # EXIF orientations that swap width and height
_TRANSPOSE = {  # EXIF orientation → the transpose that turns the stored picture upright
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}
PIPELINE_VERSION = 3  # bump when the output of `process` changes: old cache entries retire


@dataclass(frozen=True)
class Settings:
    """What decides the bytes of every output: part of each cache key."""

    widths: tuple[int, ...] = (480, 960, 1600)
    webp_quality: int = 80
    jpeg_quality: int = 82
    avif: bool = False
    avif_quality: int = 55

    def signature(self) -> str:
        return json.dumps({"v": PIPELINE_VERSION, **asdict(self)}, sort_keys=True)


@dataclass(frozen=True)
class Variant:
    width: int
    height: int
    format: str  # "webp", "jpeg", "png" or "avif"

    @property
    def name(self) -> str:
        return f"{self.width}.{'jpg' if self.format == 'jpeg' else self.format}"


@dataclass(frozen=True)
class Processed:
    """Everything a page needs to show one source: sizes, placeholder colour, outputs."""

    key: str
    width: int
    height: int
    alpha: bool
    colour: str
    variants: tuple[Variant, ...]

    def of(self, fmt: str) -> list[Variant]:
        return [v for v in self.variants if v.format == fmt]

    @property
    def fallback(self) -> str:
        return "png" if self.alpha else "jpeg"


class ImageProblem(Exception):
    """A source that cannot be used; `code` and `args` fill the message catalogue."""

    def __init__(self, code: str, **args: object) -> None:
        super().__init__(code)
        self.code = code
        self.args_ = args


LARGE_BYTES = 8_000_000  # originals above these stay in the repository forever: warn
LARGE_SIDE = 6000


def check_header(path: Path) -> tuple[int, int]:
    """Refuse what is not a usable image, reading only the header (no pixels); return its size."""
    if path.stat().st_size == 0:
        raise ImageProblem("empty-image")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)  # checked below
            with Image.open(path) as im:
                fmt, (width, height) = im.format, im.size
    except Image.DecompressionBombError as exc:  # over twice the limit: Pillow refuses to open
        found = re.search(r"\((\d+) pixels\)", str(exc))
        pixels = int(found[1]) if found else "?"
        raise ImageProblem("image-too-large", pixels=pixels, limit=MAX_PIXELS) from None
    except UnidentifiedImageError:
        raise ImageProblem("not-an-image") from None
    except Exception as exc:  # OSError; ValueError: a PNG text chunk past Pillow's limit; …
        raise ImageProblem("bad-image", detail=str(exc) or type(exc).__name__) from None
    if fmt not in ACCEPTED:
        raise ImageProblem("bad-image-format", format=fmt or "?")
    if width * height > MAX_PIXELS:
        raise ImageProblem("image-too-large", pixels=width * height, limit=MAX_PIXELS)
    return width, height


def output_widths(width: int, wanted: tuple[int, ...]) -> list[int]:
    """Return the widths to write, largest first, never upscaling a small source."""
    widths = sorted({min(w, width) for w in wanted}, reverse=True)
    return widths or [width]


def process(
    source: Path, out_dir: Path, settings: Settings, stages: dict[str, float] | None = None
) -> Processed:
    """Decode `source` once and write every variant into `out_dir`; return what was made.

    `stages`, when given, accumulates seconds per stage (for benchmarks/images.py).
    """
    clock = _Clock(stages)
    picture, alpha, widths = _decode(source, settings.widths, clock)
    formats = ["webp", "png" if alpha else "jpeg"] + (["avif"] if settings.avif else [])
    variants = []
    current = picture
    for width in widths:
        height = max(1, round(picture.height * width / picture.width))
        if current.width != width:
            current = current.resize((width, height), Image.Resampling.LANCZOS, reducing_gap=3.0)
        clock.lap("resize")
        for fmt in formats:
            variant = Variant(width, height, fmt)
            _save(current, out_dir / variant.name, fmt, settings)
            variants.append(variant)
            clock.lap(f"encode {fmt}")
    # the placeholder colour, from the smallest output: the same average, far fewer pixels
    r, g, b = current.convert("RGB").resize((1, 1), Image.Resampling.BOX).getpixel((0, 0))  # type: ignore[misc]
    return Processed(
        key=out_dir.name,
        width=widths[0],
        height=variants[0].height,
        alpha=alpha,
        colour=f"#{r:02x}{g:02x}{b:02x}",
        variants=tuple(variants),
    )


def verify(path: Path) -> None:
    """Decode `path` as `process` does, at the smallest scale, and keep nothing.

    `check` calls it so that a file the build cannot decode (a truncated JPEG, a PNG whose
    text chunk inflates past Pillow's limit) is refused where it is named, before a build.
    """
    try:  # the smallest usual width: JPEGs decode at 1/8 scale, as fast as it gets
        _decode(path, (min(Settings().widths),), _Clock(None))
    except ImageProblem:
        raise
    except Exception as exc:  # whatever Pillow raises on broken data is the file's problem
        raise ImageProblem("bad-image", detail=str(exc) or type(exc).__name__) from None


def _decode(
    source: Path, wanted: tuple[int, ...], clock: _Clock
) -> tuple[Image.Image, bool, list[int]]:
    """Decode `source` upright in sRGB, resized to the largest of the widths it will have.

    Returns the picture, whether it has transparency, and the output widths, largest first.
    """
    with Image.open(source) as im:
        orientation = im.getexif().get(0x0112, 1)
        stored_w, stored_h = im.size
        rotated = orientation in _ROTATED
        upright_w = stored_h if rotated else stored_w
        widths = output_widths(upright_w, wanted)
        scale = widths[0] / upright_w
        if im.format in ("JPEG", "MPO"):
            im.draft(im.mode, (math.ceil(stored_w * scale), math.ceil(stored_h * scale)))
        icc = im.info.get("icc_profile")
        im.seek(0)  # the first frame of an animation
        im.load()
        clock.lap("decode")
        picture = to_srgb(im, icc)
        alpha = picture.mode == "RGBA" and _lowest(picture.getchannel("A")) < 255
        if picture.mode != ("RGBA" if alpha else "RGB"):
            picture = picture.convert("RGBA" if alpha else "RGB")
        clock.lap("orient+colour")
        # Resize before turning upright: rotating the small image is cheaper than the large.
        first = (round(stored_w * scale), round(stored_h * scale))
        if picture.size != first:
            picture = picture.resize(first, Image.Resampling.LANCZOS, reducing_gap=3.0)
        if picture is im:  # nothing made a new image yet: the file is about to close
            picture = im.copy()
        clock.lap("resize")
    if orientation in _TRANSPOSE:
        picture = picture.transpose(_TRANSPOSE[orientation])
    clock.lap("orient+colour")
    return picture, alpha, widths


def to_srgb(im: Image.Image, icc: bytes | None) -> Image.Image:
    """Convert any mode to RGB or RGBA in sRGB, through the embedded ICC profile if any."""
    if im.mode in ("I;16", "I;16B", "I;16L", "I;16N", "I"):
        im = im.convert("I").point(lambda v: v * (1 / 256)).convert("L")  # 16 → 8 bits
    elif im.mode == "F":
        im = im.convert("L")
    if im.mode in ("P", "PA"):
        im = im.convert("RGBA")
    alpha = im.getchannel("A") if im.mode in ("RGBA", "LA", "RGBa", "La") else None
    base = im.convert("RGB") if im.mode in ("RGBA", "LA", "RGBa", "La") else im
    if icc:
        try:
            profile = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            srgb = ImageCms.createProfile("sRGB")
            converted = ImageCms.profileToProfile(base, profile, srgb, outputMode="RGB")
            if converted is not None:
                base = converted
        except (ImageCms.PyCMSError, OSError, ValueError):
            pass  # a broken profile: plain conversion below is the best we can do
    if base.mode != "RGB":
        base = base.convert("RGB")
    if alpha is not None:
        base.putalpha(alpha)
    return base


def _save(im: Image.Image, path: Path, fmt: str, settings: Settings) -> None:
    # No exif=, icc_profile= or xmp= is passed: nothing of the source's metadata is written.
    if fmt == "webp":
        im.save(path, "WEBP", quality=settings.webp_quality, method=2)
    elif fmt == "jpeg":
        im.save(path, "JPEG", quality=settings.jpeg_quality, progressive=True)
    elif fmt == "png":
        im.save(path, "PNG", compress_level=6)
    elif fmt == "avif":
        im.save(path, "AVIF", quality=settings.avif_quality)


class _Clock:
    def __init__(self, stages: dict[str, float] | None) -> None:
        self.stages = stages
        self.last = time.perf_counter()

    def lap(self, name: str) -> None:
        if self.stages is not None:
            now = time.perf_counter()
            self.stages[name] = self.stages.get(name, 0.0) + now - self.last
            self.last = now


def _lowest(band: Image.Image) -> int:
    low, _ = cast(tuple[int, int], band.getextrema())  # one band: (min, max)
    return low


def avif_available() -> bool:
    return bool(features.check("avif"))
