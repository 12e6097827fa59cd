"""Editor Markdown to safe HTML: Python-Markdown renders, nh3 (Ammonia) keeps an allowlist.

Images in a body go through the image pipeline: a tree processor rewrites each `<img>` to
the processed file, and the sanitiser then keeps an `<img src>` only if it is one of those
rewritten addresses, so no other image (remote, `data:`, raw HTML) can reach a page.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass

import markdown
import nh3
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from .slugs import slugify

# The raw HTML an editor may use, documented in the editors' guide. Everything else,
# <script>, <iframe>, <svg>, event handlers, style, javascript: and data: URLs, is removed.
ALLOWED_TAGS = {
    "p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "strong", "em", "b", "i", "u", "s",
    "sub", "sup", "blockquote", "ul", "ol", "li", "a", "code", "pre", "abbr",
    "table", "thead", "tbody", "tr", "th", "td", "caption", "figure", "figcaption", "img",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "img": {"alt", "width", "height", "loading", "decoding"},  # src: see tag_attribute_values
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


Resolver = Callable[[str], BodyImage | None]


class _Images(Treeprocessor):
    def __init__(self, md: markdown.Markdown, resolve: Resolver | None, kept: set[str]) -> None:
        super().__init__(md)
        self.resolve = resolve
        self.kept = kept

    def run(self, root: ET.Element) -> None:
        for img in root.iter("img"):
            found = self.resolve(img.get("src", "")) if self.resolve else None
            img.attrib.pop("src", None)
            if found is not None:
                img.set("src", found.src)
                img.set("width", str(found.width))
                img.set("height", str(found.height))
                img.set("loading", "lazy")
                img.set("decoding", "async")
                self.kept.add(found.src)


class _ImageExtension(Extension):
    def __init__(self, resolve: Resolver | None, kept: set[str]) -> None:
        super().__init__()
        self.resolve = resolve
        self.kept = kept

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.treeprocessors.register(_Images(md, self.resolve, self.kept), "sb_images", 5)


def render(text: str, resolve: Resolver | None = None) -> str:
    """Return sanitised HTML for an editor's Markdown; `resolve` places body images."""
    kept: set[str] = set()
    html = markdown.markdown(
        text,
        extensions=["tables", "sane_lists", "toc", _ImageExtension(resolve, kept)],
        extension_configs={"toc": {"slugify": slugify}},
        output_format="html",
    )
    html = re.sub(r"<(/?)h1\b", r"<\1h2", html)  # the page owns its one <h1>
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        tag_attribute_values={"img": {"src": kept}},
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
    )
