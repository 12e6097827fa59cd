"""Our rendered pages as MkDocs pages: what MkDocs would have made of an empty Markdown page.

Written against MkDocs 1.6.1; tests/test_engine.py checks each use of its internals below.
"""

from __future__ import annotations

from typing import Any

from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import TableOfContents, get_toc


class GeneratedPage(Page):
    """A page our stages render: MkDocs has no Markdown to convert for it.

    MkDocs' `Page.render` makes a Markdown converter with every extension for each page,
    here to convert an empty string: 0.3 ms a page, about a second of the Vietnamese
    process in the archive's cold build. The result of converting nothing is set here instead;
    `on_page_content` then puts in the body. (A plugin may set `File.page` to a Page of
    its own: MkDocs uses it rather than making one.)

    MkDocs 1.6.x internal: what `Page.render` sets (`content`, `toc`, `present_anchor_ids`,
    `links_to_anchors`; `_title_from_render` stays as `__init__` left it, None), and that
    the navigation and the build use a page already in `File.page`.
    """

    def render(self, config: MkDocsConfig, files: Files) -> None:
        if self.markdown:  # never for ours: their Markdown is empty
            super().render(config, files)
            return
        self.content = ""
        self.toc = get_toc([])
        self.present_anchor_ids = set()
        self.links_to_anchors = {}


def table_of_contents(entries: tuple[tuple[int, str, str], ...]) -> TableOfContents:
    """A page's table of contents from our (level, id, name) entries, each under the last
    entry of a lower level before it.

    MkDocs 1.6.x internal: `get_toc` takes Python-Markdown's `toc_tokens` (`level`, `id`,
    `name`, `children`); Material's partial reads the entries' `title`, `url`, `children`,
    and shows only the children of a first entry of level 1 (the page's title).
    """
    tokens: list[dict[str, Any]] = []
    open_: list[tuple[int, dict[str, Any]]] = []  # the entries new ones may go under
    for level, ident, name in entries:
        name = escape(name)
        entry = {"level": level, "id": ident, "name": name, "html": name, "children": []}
        while open_ and open_[-1][0] >= level:
            open_.pop()
        (open_[-1][1]["children"] if open_ else tokens).append(entry)
        open_.append((level, entry))
    return get_toc(tokens)  # type: ignore[arg-type]
