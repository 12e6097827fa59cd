"""Editor Markdown to safe HTML: Python-Markdown renders, nh3 (Ammonia) keeps an allowlist.

Images in a body go through the image pipeline: a tree processor rewrites each `<img>` to
the processed file, and the sanitiser then keeps an `<img src>` only if it is one of those
rewritten addresses, so no other image (remote, `data:`, raw HTML) can reach a page.
"""

from __future__ import annotations

import re
import threading
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass

import markdown
import nh3
from markdown import util
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from ..text.slugs import slugify
from .references import canonical

# The raw HTML an editor may use, documented in the editors' guide. Everything else,
# <script>, <iframe>, <svg>, event handlers, style, javascript: and data: URLs, is removed.
ALLOWED_TAGS = {
    "p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "strong", "em", "b", "i", "u", "s",
    "sub", "sup", "blockquote", "ul", "ol", "li", "a", "code", "pre", "abbr",
    "table", "thead", "tbody", "tr", "th", "td", "caption", "figure", "figcaption", "img",
    "picture", "source", "span",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "img": {"alt", "width", "height", "loading", "decoding", "style"},  # src: tag_attribute_values
    "th": {"scope", "colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
    "h2": {"id"}, "h3": {"id"}, "h4": {"id"}, "h5": {"id"}, "h6": {"id"},
}  # fmt: skip
URL_SCHEMES = {"http", "https", "mailto", "tel"}


@dataclass(frozen=True)
class BodyImage:
    """Where a body image was written, as the page should link it."""

    src: str
    width: int
    height: int
    srcsets: dict[str, str]
    fallback: str
    colour: str
    lazy: bool = True


SIZES = "(min-width: 76.25em) 46rem, 100vw"
MIME = {"avif": "image/avif", "webp": "image/webp", "jpeg": "image/jpeg", "png": "image/png"}


Resolver = Callable[[str], BodyImage | None]


class _Images(Treeprocessor):
    def __init__(self, md: markdown.Markdown, images: _ImageExtension) -> None:
        super().__init__(md)
        self.images = images  # holds this document's resolver and the addresses it kept

    def run(self, root: ET.Element) -> None:
        for parent in list(root.iter()):
            for index, img in enumerate(list(parent)):
                if img.tag == "img":
                    self.replace(parent, index, img)

    def replace(self, parent: ET.Element, index: int, img: ET.Element) -> None:
        """Turn a Markdown image into a <picture> of the pipeline's outputs."""
        resolve, kept = self.images.resolve, self.images.kept
        # Backslash escapes are still placeholders here (Markdown restores them last).
        src = _ESCAPED.sub(lambda m: chr(int(m[1])), img.get("src", ""))
        if self.images.found is not None:  # validation: collect, place nothing
            self.images.found.append((img.get("alt", ""), src))
        path = canonical(src)
        found = resolve(path) if resolve and path is not None else None
        img.attrib.pop("src", None)
        if found is None:
            return
        picture = ET.Element("picture")
        picture.tail, img.tail = img.tail, None
        for fmt in ("avif", "webp"):
            if fmt in found.srcsets:
                ET.SubElement(picture, "source", type=MIME[fmt], srcset=found.srcsets[fmt],
                              sizes=SIZES)  # fmt: skip
                kept.add(found.srcsets[fmt])
        fallback = found.srcsets[found.fallback]
        img.attrib.update(src=found.src, srcset=fallback, sizes=SIZES, width=str(found.width),
                          height=str(found.height), decoding="async",
                          style=f"background-color:{found.colour}")  # fmt: skip
        if found.lazy:
            img.set("loading", "lazy")
        kept.update({found.src, fallback})
        parent.remove(img)
        picture.append(img)
        parent.insert(index, picture)


class _ImageExtension(Extension):
    """Places body images; `render` sets the document's resolver before each conversion."""

    def __init__(self) -> None:
        super().__init__()
        self.resolve: Resolver | None = None
        self.kept: set[str] = set()
        self.found: list[tuple[str, str]] | None = None  # set by `images_in`

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.treeprocessors.register(_Images(md, self), "sb_images", 5)


_converters = threading.local()
_ESCAPED = re.compile(f"{util.STX}(\\d+){util.ETX}")  # as Markdown's UnescapeTreeprocessor


def _converter() -> tuple[markdown.Markdown, _ImageExtension]:
    """This thread's Markdown converter, made once.

    Making one (finding the extensions by entry point, registering every processor) was a
    third of rendering a body, and a build renders thousands; `reset` before each document
    forgets the last one's references, heading ids and stashed HTML.
    """
    made = getattr(_converters, "made", None)
    if made is None:
        images = _ImageExtension()
        md = markdown.Markdown(
            extensions=["tables", "sane_lists", "toc", images],
            extension_configs={"toc": {"slugify": slugify}},
            output_format="html",
        )
        made = _converters.made = (md, images)
    return made


def images_in(text: str) -> list[tuple[str, str]]:
    """Return (alt, src) of every image the renderer would place for `text`, in order.

    The same parse as `render`'s, so that validation checks exactly the images a build
    looks up: reference-style ones included, those in code spans left out.
    """
    md, images = _converter()
    found: list[tuple[str, str]] = []
    images.found = found
    try:
        md.reset().convert(text)
    finally:
        images.found = None
    return found


def render(text: str, resolve: Resolver | None = None) -> str:
    """Return sanitised HTML for an editor's Markdown; `resolve` places body images."""
    kept: set[str] = set()
    md, images = _converter()
    images.resolve, images.kept = resolve, kept
    try:
        html = md.reset().convert(text)
    finally:
        images.resolve, images.kept = None, set()  # hold no page's resolver past its body
    html = re.sub(r"<(/?)h1\b", r"<\1h2", html)  # the page owns its one <h1>
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        tag_attribute_values={
            "img": {"src": kept, "srcset": kept, "sizes": {SIZES}},
            "source": {"srcset": kept, "sizes": {SIZES}, "type": set(MIME.values())},
            "span": {"lang": {"vi", "en"}},  # a Vietnamese name or title in English text
        },
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
        filter_style_properties={"background-color"},
    )


_HTML_IMAGE = re.compile(r"<img\b[^>]*?\bsrc\s*=\s*[\"']?([^\"'\s>]+)", re.IGNORECASE)


def body_images(markdown: str) -> list[tuple[str, str]]:
    """Return (alt, src) of the images a Markdown body shows.

    Markdown images come from the renderer's own parse, so that reference-style images
    (`![a][r]` with `[r]: path`) and escapes are seen as the build sees them; raw `<img>`
    tags (whose pictures the sanitiser drops) by a pattern.
    """
    raw = [("<img>", src) for src in _HTML_IMAGE.findall(markdown)]
    return (images_in(markdown) if "![" in markdown else []) + raw
