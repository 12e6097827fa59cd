"""MkDocs plugin: hands the pipeline's pages to MkDocs.

MkDocs 1.6 is frozen and 2.0 drops plugins, so the pages and all that shows around them
come from `site_builder.pipeline`, which knows no engine; this file only wires MkDocs'
events to it. `site-builder build` hands each language's pages to the plugin
(`language.build_language`); under plain `mkdocs build` and `mkdocs serve` the plugin runs
the same stages from its first event, and (`chain`) builds English into `en/` after
Vietnamese. Where engine/ relies on a MkDocs or Material internal, the line says so
("MkDocs 1.6.x internal", "Material 9.x internal") and tests/test_engine.py checks it.
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

from .. import pipeline
from ..cache.templates import compiled_templates
from ..core.checkpoints import checkpoint
from ..output.search import searchable
from . import admin as web_editor
from . import language, material, page_cache, preview
from .pages import GeneratedPage, table_of_contents


class SiteBuilderConfig(base.Config):
    lang = c.Choice(("vi", "en"), default="vi")
    """The language this configuration builds."""
    chain = c.Type(bool, default=True)
    """After Vietnamese, also build English into `en/` (plain `mkdocs build` and `serve`)."""
    messages = c.Choice(("vi", "en"), default="vi")
    """The language of content error messages."""


class SiteBuilderPlugin(BasePlugin[SiteBuilderConfig]):
    """One instance lives as long as the process (MkDocs keeps a plugin that has
    `on_startup`), so the preview's session lasts from one rebuild to the next."""

    def __init__(self) -> None:
        self.serving = False  # `mkdocs serve`: the preview, with drafts and future items
        self.session: pipeline.Session | None = None
        self.handed: pipeline.Language | None = None  # from `build_language`, for one build
        self.made: pipeline.Language | None = None  # what this build renders
        self.seconds: dict[str, float] = {}  # our own stages, for benchmarks
        self.pages: page_cache.PageCache | None = None  # rendered pages from earlier builds
        self.cache_pages = False  # only a dirty build skips pages (`site-builder` ones)
        self.defer_cards = False  # `site-builder build` draws cards after both languages
        self.fresh_folder = False  # `build_language` into a folder without earlier pages
        self.signals: dict[int, Any] = {}  # the handlers the preview replaced, to put back
        self.quiet = language.DirtyNotice()  # on MkDocs' logger while this plugin runs
        self.english = preview.English()  # the preview's English, built in the background
        self.idle = preview.IdleCollection()

    def receive(self, session: pipeline.Session, made: pipeline.Language) -> None:
        """Take the pages the pipeline made, for the next build of this configuration."""
        self.session, self.handed = session, made

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"
        # `site-builder serve`: unchanged pages stay as the last build wrote them
        self.cache_pages, self.defer_cards, self.fresh_folder = dirty, False, False
        if self.serving:
            self.signals = preview.stop_as_on_ctrl_c()
        if dirty:
            logging.getLogger("mkdocs.commands.build").addFilter(self.quiet)

    @event_priority(100)  # before the search plugin reads the theme language
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        lang, root = self.config.lang, Path(config.config_file_path).parent
        made, self.handed, self.seconds = self.handed, None, {}
        if made is None:  # plain `mkdocs build` or a preview's rebuild: run the stages here
            self.idle.cancel()
            # the last edit's English is outdated now: free its core for this rebuild
            self.english.stop()
            session = self.session
            if session is None or (session.root, session.preview) != (root, self.serving):
                self.session = session = pipeline.Session(root, preview=self.serving)
            made = language.own_pages(session, lang, self.cache_pages, self.config.messages)
        self.made = made
        self.seconds.update(made.seconds)
        config.extra.update(made.extra)
        config.theme["language"] = lang
        config.nav = [{title: uri} for title, uri in made.nav]
        if made.settings is not None:
            config.site_name = made.site_name
            config.site_url = made.site_url
            # Material's description of pages without one of their own (the 404 pages)
            config.site_description = made.site_description
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        made, session = self.made, self.session
        assert made is not None and session is not None
        editor = made.settings if made.lang == "vi" else None
        web_editor.place(files, config, session, editor)
        material.serve_without_alternate(files, config)
        self.pages = None
        if made.settings is not None and self.cache_pages:
            theme = page_cache.theme_digest(session.root, config)
            self.pages = page_cache.PageCache(session, made.lang, theme, link=self.fresh_folder)
        in_nav = {uri: title for entry in config.nav or [] for title, uri in entry.items()}
        for uri, spec in made.pages.items():
            file = page_cache.PageFile.empty(config, uri)
            GeneratedPage(in_nav.get(uri), file, config)  # MkDocs keeps it, as file.page
            if self.pages is not None:  # a cached page MkDocs skips, and on_post_build copies
                file.cached = self.pages.has(file, spec, made.contexts[uri], made.cards.get(uri))
            files.append(file)
        if self.pages is not None:
            self.pages.keep_fingerprints()
        for extra in made.files:  # feeds, redirect pages, robots.txt
            files.append(File.generated(config, extra.path, content=extra.content))
        return files

    def on_page_markdown(self, markdown: str, *, page: Page, **kwargs: Any) -> str:
        spec = self.made.pages.get(page.file.src_uri) if self.made else None
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
        contexts = self.made.contexts if self.made else {}
        for file in files.documentation_pages():
            context = contexts.get(file.src_uri)
            if context is not None and file.page is not None:  # the sitemap lists alternates
                file.page.meta["sb_alternates"] = context["hreflang"]
                file.page.meta["sb_noindex"] = context["noindex"]  # illustrative: not listed
        if self.serving:  # a new environment each rebuild: compile Material's templates once
            env.bytecode_cache = compiled_templates
        return env

    def on_page_content(self, html: str, *, page: Page, **kwargs: Any) -> str:
        spec = self.made.pages.get(page.file.src_uri) if self.made else None
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
        if self.made is not None and page.file.src_uri in self.made.contexts:
            context["sb"] = self.made.contexts[page.file.src_uri]
        return context

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        made, session, site_dir = self.made, self.session, Path(config.site_dir)
        assert made is not None and session is not None
        started = time.perf_counter()
        if self.pages is not None:
            self.pages.publish(site_dir)
            self.pages.prune()
            if "tin-tuc/index.md" in self.pages.cached:  # pages are in place by now
                checkpoint("mkdocs")
            self.seconds["page cache"] = time.perf_counter() - started
        if not session.preview and not self.defer_cards:  # nobody shares a preview's cards
            started = time.perf_counter()
            pipeline.place_cards(session, made, site_dir)
            self.seconds["social cards"] = time.perf_counter() - started
        if made.lang != "vi":
            return
        started = time.perf_counter()
        # `site-builder serve` rebuilds dirty into one folder, which keeps what this process
        # placed there; plain `mkdocs serve` empties it before every rebuild
        pipeline.place_photos(session, made, site_dir, kept=session.preview and self.cache_pages)
        self.seconds["copy images"] = time.perf_counter() - started
        if self.config.chain and session.preview:  # the Vietnamese page shows meanwhile
            self.english.start(session, site_dir)
        elif self.config.chain:  # plain `mkdocs build` (or `--dirty`): English, then the index
            language.english_then_index(
                session, site_dir, fresh=not self.cache_pages, messages=self.config.messages
            )
        if session.preview:
            self.idle.collect_later()

    def on_shutdown(self) -> None:
        self.idle.cancel()
        self.english.stop()  # before MkDocs removes the folder it writes into
        for number, handler in self.signals.items():
            signal.signal(number, handler)
        self.signals = {}
        logging.getLogger("mkdocs.commands.build").removeFilter(self.quiet)

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        root = Path(config.config_file_path).parent
        # what MkDocs 1.6's `serve` watches before this event, for file events to take over
        watched = (config.docs_dir, config.config_file_path, *config.theme.dirs)
        preview.watch_natively(server, root / "content", watched)
        server.watch(str(root / "content"))
        if (root / "templates").is_dir():  # the design, for whoever edits it
            server.watch(str(root / "templates"))
        return server
