"""Social cards: one 1200×630 picture per page with its title and the 20-year mark.

Drawn with Pillow in the bundled Be Vietnam Pro (OFL, assets/fonts/), from NFC text only:
Pillow's basic layout misplaces the combining marks of NFD text. Cards are cached by what
they show, like the other images, and written into each language's own folder.
"""

from __future__ import annotations

import functools
import hashlib
import os
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from ..core.cachedir import cache_root
from .placing import place

SIZE = (1200, 630)
MARGIN = 72
FONT = Path("assets") / "fonts" / "BeVietnamPro-Bold.ttf"
CARD_VERSION = 1  # bump when a card would be drawn differently
RED, DARK, GOLD, WHITE = (158, 27, 27), (96, 12, 12), (245, 200, 66), (255, 255, 255)
SITE_NAME_SIZE = 30  # the site's name and years; a notice is never smaller
NOTICE_SIZE = 34
NOTICE_TOP = SIZE[1] - 116 - 24 - 62  # above the gold line, below the title's box


@dataclass(frozen=True, order=True)
class Card:
    """What one card shows."""

    title: str
    site: str
    years: str
    notice: str = ""  # "Minh họa / Illustrative": a box of its own, as large as the site name
    mark: str = "NĂM"  # under the "20" of the mark: "YEARS" on English cards

    def key(self, font_digest: bytes) -> str:
        text = f"{CARD_VERSION}\0{self.title}\0{self.site}\0{self.years}\0"
        if self.notice:  # the cards without one keep their keys
            text += f"notice\0{self.notice}\0"
        if self.mark != Card.mark:  # cards drawn before there was a choice keep their names
            text += f"{self.mark}\0"
        return hashlib.sha256(text.encode() + font_digest).hexdigest()


@functools.lru_cache(maxsize=64)
def font(path: str, size: int) -> ImageFont.FreeTypeFont:
    """Load a font size once: fitting a title tries several sizes on every card."""
    return ImageFont.truetype(path, size)


def path_of(key: str) -> str:
    """Return the card's path below a language's site root."""
    return f"anh/the/{key[:20]}.jpg"


def wrap(
    draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont, width: int
) -> list[str]:
    """Break `text` into lines no wider than `width`; a word too long alone is cut."""
    lines: list[str] = []
    for word in text.split():
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and draw.textlength(candidate, font=font) <= width:
            lines[-1] = candidate
        else:
            while draw.textlength(word, font=font) > width and len(word) > 1:
                word = word[:-2] + "…"
            lines.append(word)
    return lines


def fit(draw: ImageDraw.ImageDraw, text: str, font_path: Path, width: int, height: int,
        sizes: range = range(72, 35, -4)) -> tuple[ImageFont.FreeTypeFont, list[str]]:  # fmt: skip
    """Return the largest font size whose wrapped lines fit the box, ellipsising if none does.

    Widths grow in proportion to the size, so each word is measured once, at the largest
    size, to skip the sizes that cannot fit; only the chosen size is wrapped for real.
    """
    largest = font(str(font_path), sizes[0])
    words = text.split()
    measured = [largest.getlength(word) for word in words]
    space = largest.getlength(" ")
    for size in sizes:
        scale = size / sizes[0]
        if _estimate(measured, space, width / scale) * round(size * 1.25) > height * 1.1:
            continue  # clearly too many lines even allowing for hinting
        face = font(str(font_path), size)
        lines = wrap(draw, text, face, width)
        if len(lines) * round(size * 1.25) <= height:
            return face, lines
    face = font(str(font_path), sizes[-1])
    lines = wrap(draw, text, face, width)
    keep = max(1, height // round(sizes[-1] * 1.25))
    if len(lines) > keep:
        lines = lines[:keep]
        lines[-1] = lines[-1].rstrip(".,;: ") + "…"
    return face, lines


def _estimate(widths: list[float], space: float, width: float) -> int:
    """Count the lines a greedy wrap of words of these widths makes in `width`."""
    lines, used = 0, 0.0
    for w in widths:
        if lines and used + space + w <= width:
            used += space + w
        else:
            lines, used = lines + 1, w
    return lines


@functools.lru_cache(maxsize=8)
def background(site: str, years: str, font_path: Path, mark: str = Card.mark) -> Image.Image:
    """Draw what every card of a site shares once: colours, the mark, the name, the years."""
    image = Image.new("RGB", SIZE, RED)
    pen = ImageDraw.Draw(image)
    pen.rectangle([0, SIZE[1] - 110, SIZE[0], SIZE[1]], fill=DARK)
    pen.rectangle([0, SIZE[1] - 116, SIZE[0], SIZE[1] - 110], fill=GOLD)
    # the 20-year mark: a gold ring with "20 NĂM" ("20 YEARS")
    cx, cy, r = SIZE[0] - MARGIN - 80, MARGIN + 80, 80
    pen.ellipse([cx - r, cy - r, cx + r, cy + r], outline=GOLD, width=8)
    pen.text((cx, cy - 12), "20", font=font(str(font_path), 64), fill=GOLD, anchor="mm")
    pen.text((cx, cy + 40), mark, font=font(str(font_path), 26), fill=GOLD, anchor="mm")
    small = font(str(font_path), SITE_NAME_SIZE)
    pen.text((MARGIN, MARGIN), site, font=small, fill=GOLD)
    pen.text((MARGIN, SIZE[1] - 55), years, font=small, fill=WHITE, anchor="lm")
    return image


def draw(card: Card, font_path: Path) -> Image.Image:
    """Draw one card; every text is normalised to NFC first."""
    title, site, years, notice = (
        unicodedata.normalize("NFC", t) for t in (card.title, card.site, card.years, card.notice)
    )
    image = background(site, years, font_path, unicodedata.normalize("NFC", card.mark)).copy()
    pen = ImageDraw.Draw(image)
    box_width = SIZE[0] - 2 * MARGIN - 200
    height = SIZE[1] - 2 * MARGIN - 190
    if notice:
        height = NOTICE_TOP - 16 - (MARGIN + 70)  # the title keeps clear of the notice
        draw_notice(pen, notice, font_path)
    face, lines = fit(pen, title, font_path, box_width, height)
    line_height = round(face.size * 1.25)
    y = MARGIN + 70
    for line in lines:
        pen.text((MARGIN, y), line, font=face, fill=WHITE)
        y += line_height
    return image


def draw_notice(pen: ImageDraw.ImageDraw, notice: str, font_path: Path) -> None:
    """Draw `notice` in a gold box of its own, dark on gold, left under the title."""
    face = font(str(font_path), NOTICE_SIZE)
    width = min(pen.textlength(notice, font=face), SIZE[0] - 2 * MARGIN - 40)
    box = [MARGIN, NOTICE_TOP, MARGIN + width + 40, NOTICE_TOP + 62]
    pen.rounded_rectangle(box, radius=8, fill=GOLD)
    pen.text((MARGIN + 20, NOTICE_TOP + 31), notice, font=face, fill=DARK, anchor="lm")


def ensure(project: Path, cards: dict[str, Card], site_dir: Path) -> None:
    """Write each page's card into the site, drawing only those not in the cache."""
    draw_into_cache(project, missing(project, set(cards.values())))
    place_all(project, set(cards.values()), site_dir)


def missing(project: Path, cards: set[Card]) -> list[Card]:
    """The cards the cache lacks, in a stable order."""
    digest = font_digest(project)
    cache = cache_root(project) / "cards"
    return sorted(c for c in cards if not (cache / f"{c.key(digest)}.jpg").is_file())


def draw_into_cache(project: Path, cards: list[Card]) -> None:
    """Draw `cards` into the cache; each is written whole, then renamed into place."""
    font_path = project / FONT
    digest = font_digest(project)
    cache = cache_root(project) / "cards"
    cache.mkdir(parents=True, exist_ok=True)
    for card in cards:
        key = card.key(digest)
        partial = cache / f"{key}.part-{os.getpid()}.jpg"
        draw(card, font_path).save(partial, "JPEG", quality=85)
        partial.replace(cache / f"{key}.jpg")


def place_all(project: Path, cards: set[Card], site_dir: Path) -> None:
    """Place cached cards into a language's site folder (pages that share one, once)."""
    digest = font_digest(project)
    cache = cache_root(project) / "cards"
    for card in cards:
        key = card.key(digest)
        target = site_dir / path_of(key)
        target.parent.mkdir(parents=True, exist_ok=True)
        place(cache / f"{key}.jpg", target)


def font_digest(project: Path) -> bytes:
    """Hash the font once: a different font draws different cards."""
    return hashlib.sha256((project / FONT).read_bytes()).digest()
