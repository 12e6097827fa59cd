"""What rendering produces (pages, other files) and what a section's pages are made with.

The news section (`news_pages`, `feeds`) is written against `Pages`, the part of the page
generator it uses, so that it needs no import of `pages`, which calls it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

from ..cache.memory import Memory
from ..content.model import Content
from ..content.model import Site as Settings
from ..images.process import Processed
from ..text.i18n import Text


@dataclass(frozen=True)
class PageSpec:
    """One generated page of one language."""

    path: str
    section: str
    title: str
    html: str
    description: str = ""
    other_path: str = ""  # the page to switch to in the other language
    other_exists: bool = True  # False: the same page does not exist there
    toc: tuple[tuple[int, str, str], ...] = ()
    jsonld: str = ""  # schema.org data, already safe inside <script>
    # the section of which this is a further list (a tag, a month, a category, a later
    # page): it shows the section's social card, and search leaves it out
    list_of: str = ""
    # the page of an illustrative item: noindex, out of the sitemap, no schema.org entity
    illustrative: bool = False
    shows_invented: bool = False  # it shows invented figures: its card says so
    search_words: str = ""  # found by search, never shown: see output/search.py
    title_words: str = ""  # the same, counted as the title


@dataclass(frozen=True)
class StaticFile:
    """A generated file that is not a page: a feed, a redirect."""

    path: str
    content: str


@dataclass
class Site:
    """The pages of one language, its other files, and the images they use."""

    pages: list[PageSpec] = field(default_factory=list)
    files: list[StaticFile] = field(default_factory=list)
    images: dict[str, Processed] = field(default_factory=dict)  # the ones pages use


class Pages(Protocol):
    """The page generator of one language, as a section's pages are made with it."""

    lang: str
    content: Content
    site: Settings
    result: Site
    memory: Memory

    def tr(self, text: Text | None) -> str: ...
    def tag_name(self, tag: str) -> str: ...
    def shown(self, item: Any, lang: str) -> bool: ...
    def site_title(self) -> str: ...
    def lead_image(self, src: str) -> tuple[str, int, int]: ...
    def redirects(self, section: str, record: Any) -> None: ...
    def item_page(
        self, section: str, record: Any, template: str, title: Text, **ctx: Any
    ) -> None: ...
    def list_page(
        self, path: str, section: str, template: str, title: str, other_exists: bool, **ctx: Any
    ) -> None: ...
