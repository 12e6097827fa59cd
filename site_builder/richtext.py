"""Editor Markdown to safe HTML: Python-Markdown renders, nh3 (Ammonia) keeps an allowlist."""

from __future__ import annotations

import re

import markdown
import nh3

from .slugs import slugify

# The raw HTML an editor may use, documented in the editors' guide. Everything else,
# <script>, <iframe>, event handlers, style, javascript: and data: URLs, is removed.
ALLOWED_TAGS = {
    "p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "strong", "em", "b", "i", "u", "s",
    "sub", "sup", "blockquote", "ul", "ol", "li", "a", "code", "pre", "abbr",
    "table", "thead", "tbody", "tr", "th", "td", "caption", "figure", "figcaption",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "th": {"scope", "colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
    "h2": {"id"}, "h3": {"id"}, "h4": {"id"}, "h5": {"id"}, "h6": {"id"},
}  # fmt: skip
URL_SCHEMES = {"http", "https", "mailto", "tel"}


def render(text: str) -> str:
    """Return sanitised HTML for an editor's Markdown."""
    html = markdown.markdown(
        text,
        extensions=["tables", "sane_lists", "toc"],
        extension_configs={"toc": {"slugify": slugify}},
        output_format="html",
    )
    html = re.sub(r"<(/?)h1\b", r"<\1h2", html)  # the page owns its one <h1>
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
    )
