"""MkDocs plugin: hands our generated pages to MkDocs.

MkDocs 1.6 is frozen and 2.0 drops plugins, so the stages below take and return our own
objects, and every MkDocs-specific line lives in engine/: replacing MkDocs means replacing
that folder. This file wires MkDocs' events to the stages (the pages and what shows around
them, `render/context.py`, come from the pipeline). Where engine/ relies on a MkDocs or
Material internal, the line says so ("MkDocs 1.6.x internal", "Material 9.x internal") and
tests/test_engine.py checks it on the installed versions. One configuration builds one
language: `lang: vi` builds the site root and, under plain `mkdocs build` or `mkdocs serve`,
then builds English into `en/` (`chain`); `site-builder build` runs the two languages as
two processes instead, which on two cores costs the time of one.
"""

from __future__ import annotations

import logging
import signal
import time
from pathlib import Path
from typing import Any

from markupsafe import escape
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from ..cache.templates import compiled_templates
from ..content import project
from ..content.urls import EN_PREFIX, SECTIONS, source_uri
from ..core.checkpoints import checkpoint
from ..images import cache as image_cache
from ..images import cards
from ..output.search import searchable
from ..render import context as page_facts
from ..render.pages import Generator
from ..render.spec import PageSpec
from ..text.i18n import t
from . import admin as web_editor
from . import language, material, page_cache, preview
from .pages import GeneratedPage, table_of_contents

log = logging.getLogger("mkdocs.plugins.site_builder")

_placed_images: dict[Path, dict[str, str]] = {}  # the preview's folder → photo → its key


class SiteBuilderConfig(base.Config):
    lang = c.Choice(("vi", "en"), default="vi")
    """The language this configuration builds."""
    chain = c.Type(bool, default=True)
    """After Vietnamese, also build English into `en/` (plain `mkdocs build` and `serve`)."""
    messages = c.Choice(("vi", "en"), default="vi")
    """The language of content error messages."""


class SiteBuilderPlugin(BasePlugin[SiteBuilderConfig]):
    def __init__(self) -> None:
        self.preview = False
        self.specs: dict[str, PageSpec] = {}
        self.generated: Any = None
        self.root = Path()
        self.base_url = "/"
        self.site: Any = None
        self.cards: dict[str, cards.Card] = {}
        self.font = b""  # the font's digest, part of every card's key
        self.contexts: dict[str, dict[str, Any]] = {}
        self.seconds: dict[str, float] = {}  # our own stages, for benchmarks
        self.pages: page_cache.PageCache | None = None  # rendered pages from earlier builds
        self.cache_pages = False  # only `build_language` runs MkDocs' dirty mode, which skips
        self.defer_cards = False  # `site-builder build` draws cards after both languages
        self.fresh_folder = False  # `build_language` into a folder without earlier pages
        self.signals: dict[int, Any] = {}  # the handlers the preview replaced, to put back
        self.quiet = language.DirtyNotice()  # on MkDocs' logger while this plugin runs

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.preview = command == "serve"  # the preview also shows drafts and future items
        if self.preview:
            self.signals = preview.stop_as_on_ctrl_c()
        if dirty:  # `site-builder serve`: unchanged pages stay as the last build wrote them
            self.cache_pages = True
            logging.getLogger("mkdocs.commands.build").addFilter(self.quiet)

    @event_priority(100)  # before the search plugin reads the theme language
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        lang = self.config.lang
        self.root = Path(config.config_file_path).parent
        if self.preview:
            preview.idle.cancel()
            # the last edit's English and search index are outdated now: free the core they
            # used for this rebuild, which starts them again once the Vietnamese page shows
            preview.stop_english(Path(config.site_dir))
        project.pin_build_date(self.root)
        content, processed, errors = language.content_of(
            self.root, preview=self.preview, chain=self.config.chain, messages=self.config.messages
        )  # the preview shows the last content that built, with the errors over it
        self.site = None
        config.extra["sb_errors"] = [p.format(self.config.messages) for p in sorted(errors)]
        config.extra["sb_banner"] = t("banner", lang)
        config.extra["sb_footer"] = {}
        config.extra["sb_build_date"] = project.build_date(self.root).isoformat()
        config.theme["language"] = lang
        config.nav = [{t(key, lang): source_uri(path)} for key, path in SECTIONS.items()]
        if content.site is None or processed is None:  # nothing good yet: an error page only
            self.generated = page_facts.error_site(lang)
            config.nav = [{t("home", lang): "index.md"}]
            self.specs = {"index.md": self.generated.pages[0]}
            return config
        site = content.site
        self.base_url = site.base_url
        self.site = site
        config.site_name = escape(site.site_name.get(lang))
        config.site_url = site.base_url + (EN_PREFIX if lang == "en" else "")
        # Material 9.x: `extra.alternate` shows its language selector; our partial fills it
        config.extra["alternate"] = True
        config.extra["sb_footer"] = page_facts.footer(site, lang)
        date = project.build_date(self.root)
        started = time.perf_counter()
        generator = Generator(
            self.root, content, lang, date, self.preview, processed, cache=self.cache_pages
        )
        self.generated = generator.generate()
        self.seconds["our pages"] = time.perf_counter() - started
        self.specs = {source_uri(p.path): p for p in self.generated.pages}
        self.cards = page_facts.page_cards(self.specs, site, lang)
        self.font = cards.font_digest(self.root)
        self.contexts = {}
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        web_editor.place(files, config, self.root, self.site if self.config.lang == "vi" else None)
        material.serve_without_alternate(files, config)
        self.pages = None
        if self.generated is not None and self.cards and self.cache_pages:
            theme = page_cache.theme_digest(self.root, config)
            self.pages = page_cache.PageCache(
                self.root, self.config.lang, self.preview, theme, link=self.fresh_folder
            )
        in_nav = {uri: title for entry in config.nav or [] for title, uri in entry.items()}
        kept = None  # the preview's contexts and fingerprints of the last rebuild, by page
        if self.preview and self.pages is not None:  # (a build is a process of its own)
            inputs = (self.config.lang, self.base_url, self.font, self.pages.theme)
            kept = page_cache.kept_facts(self.root, inputs)
        now: dict[Any, tuple[dict[str, Any], str]] = {}
        for uri, spec in self.specs.items():
            card = self.cards.get(source_uri(spec.path))
            context, name = (kept or {}).get((spec, card)) or (self.page_context(spec), "")
            self.contexts[uri] = context
            file = page_cache.PageFile.empty(config, uri)
            GeneratedPage(in_nav.get(uri), file, config)  # MkDocs keeps it, as file.page
            if self.pages is not None:
                # a cached page MkDocs skips, and on_post_build copies
                file.cached = self.pages.has(file, spec, context, name)
                if kept is not None:
                    now[spec, card] = context, self.pages.fingerprints[uri]
            files.append(file)
        if kept is not None:  # only this rebuild's pages
            kept.clear()
            kept.update(now)
        for extra in self.generated.files:  # feeds and redirect pages
            files.append(File.generated(config, extra.path, content=extra.content))
        if self.config.lang == "vi" and self.base_url != "/":
            robots = page_facts.robots_txt(self.base_url, web_editor.ADMIN)
            files.append(File.generated(config, "robots.txt", content=robots))
        return files

    def on_page_markdown(self, markdown: str, *, page: Page, **kwargs: Any) -> str:
        spec = self.specs.get(page.file.src_uri)
        if spec is not None:
            # MkDocs' theme environment does not autoescape: escape content text here.
            if spec.path:  # Material titles the home page with the site name alone
                page.meta["title"] = escape(spec.title)
            if spec.description:
                page.meta["description"] = escape(spec.description)
            if not spec.toc:  # a table of contents helps long pages only (the plan)
                page.meta["hide"] = ["toc"]
        return markdown

    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        for file in files.documentation_pages():
            context = self.contexts.get(file.src_uri)
            if context is not None and file.page is not None:  # the sitemap lists alternates
                file.page.meta["sb_alternates"] = context["hreflang"]
        if self.preview:  # a new environment each rebuild: compile Material's templates once
            env.bytecode_cache = compiled_templates
        return env

    def on_page_content(self, html: str, *, page: Page, **kwargs: Any) -> str:
        spec = self.specs.get(page.file.src_uri)
        if spec is None:
            return html
        page.toc = table_of_contents(spec.toc)
        if spec.list_of or spec.section == "search":
            return spec.html
        return searchable(spec)

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        if page.file.src_uri == "tin-tuc/index.md":  # MkDocs has written pages by now
            checkpoint("mkdocs")
        if self.pages is not None:
            self.pages.store(page.file.src_uri, output)
        return output

    def on_page_context(self, context: Any, *, page: Page, **kwargs: Any) -> Any:
        spec = self.specs.get(page.file.src_uri)
        if spec is not None:
            context["sb"] = self.contexts[page.file.src_uri]
        return context

    def page_context(self, spec: PageSpec) -> dict[str, Any]:
        """The page's switcher, hreflang alternates, Open Graph tags and JSON-LD (`sb`)."""
        card = self.cards[source_uri(spec.path)] if self.cards else None
        return page_facts.page_context(spec, self.config.lang, self.base_url, card, self.font)

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        site_dir = Path(config.site_dir)
        started = time.perf_counter()
        if self.pages is not None:
            self.pages.publish(site_dir)
            self.pages.prune()
            if "tin-tuc/index.md" in self.pages.cached:  # pages are in place by now
                checkpoint("mkdocs")
            self.seconds["page cache"] = time.perf_counter() - started
            started = time.perf_counter()
        if self.cards and not self.preview and not self.defer_cards:  # nobody shares a preview
            cards.ensure(self.root, self.cards, site_dir)
            self.seconds["social cards"] = time.perf_counter() - started
        if self.config.lang != "vi":
            return
        started = time.perf_counter()
        images = self.generated.images
        # `site-builder serve` rebuilds dirty into one folder, which keeps what this process
        # placed there; plain `mkdocs serve` empties it before every rebuild
        placed = (
            _placed_images.setdefault(site_dir, {}) if self.preview and self.cache_pages else {}
        )
        images = {src: p for src, p in images.items() if placed.get(src) != p.key}
        image_cache.publish(self.root, images, site_dir)
        placed.update((src, p.key) for src, p in images.items())
        self.seconds["copy images"] = time.perf_counter() - started
        if self.config.chain and self.preview:  # the Vietnamese page shows meanwhile
            preview.english_in_background(self.root, site_dir)
        elif self.config.chain:  # plain `mkdocs build` (or `--dirty`): English, then the index
            language.english_then_index(
                self.root, site_dir, fresh=not self.cache_pages, messages=self.config.messages
            )
        if self.preview:
            preview.idle.collect_later()

    def on_shutdown(self) -> None:
        preview.idle.cancel()
        preview.stop_all()  # before MkDocs removes the folder it writes into
        for number, handler in self.signals.items():
            signal.signal(number, handler)
        self.signals = {}
        logging.getLogger("mkdocs.commands.build").removeFilter(self.quiet)

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        # what MkDocs 1.6's `serve` watches before this event, for file events to take over
        watched = (config.docs_dir, config.config_file_path, *config.theme.dirs)
        preview.watch_natively(server, self.root / "content", watched)
        server.watch(str(self.root / "content"))
        if (self.root / "templates").is_dir():  # the design, for whoever edits it
            server.watch(str(self.root / "templates"))
        return server
