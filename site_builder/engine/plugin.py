"""MkDocs plugin: hands our generated pages to MkDocs.

MkDocs 1.6 is frozen and 2.0 drops plugins, so the stages below take and return our own
objects, and every MkDocs-specific line lives in engine/: replacing MkDocs means replacing
that folder. One configuration builds one
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

from markupsafe import Markup, escape
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from ..cache.templates import compiled_templates
from ..content import project
from ..content.urls import EN_PREFIX, SECTIONS, relative, site_path, source_uri
from ..core.checkpoints import checkpoint
from ..core.errors import ERROR, BuildFailed, report
from ..images import cache as image_cache
from ..images import cards
from ..output import search as search_index
from ..output.search import searchable
from ..render.pages import Generator
from ..render.spec import PageSpec
from ..text.i18n import t
from . import admin as web_editor
from . import language, page_cache, preloaded, preview

log = logging.getLogger("mkdocs.plugins.site_builder")


# The preview keeps the last content that built, to show it under an error banner.
_last_good: dict[Path, tuple[Any, Any]] = {}
_placed_images: dict[Path, dict[str, str]] = {}  # the preview's folder → photo → its key
_facts: dict[Path, tuple[tuple[Any, ...], dict[Any, Any]]] = {}  # project → `kept_facts`


def error_site(lang: str) -> Any:
    """A one-page site for a preview whose content has never built: the banner says why."""
    from ..render.spec import Site

    title = t("preview_errors", lang)
    return Site(pages=[PageSpec("", "home", title, f"<h1>{escape(title)}</h1>")])


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

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.preview = command == "serve"  # the preview also shows drafts and future items
        if self.preview:
            self.signals = preview.stop_as_on_ctrl_c()
        if dirty:  # `site-builder serve`: unchanged pages stay as the last build wrote them
            self.cache_pages = True
            logging.getLogger("mkdocs.commands.build").addFilter(language.DirtyNotice())

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
        if self.config.chain:  # plain `mkdocs build` or the preview: read anew each time
            preloaded.forget(self.root)
        content, problems = preloaded.load(self.root)
        errors = [p for p in problems if p.severity == ERROR]
        processed: dict[str, Any] | None = None
        if not errors:
            try:
                processed = preloaded.images(self.root, content)
            except BuildFailed as exc:
                errors = exc.problems
        if errors and not self.preview:
            raise PluginError("\n" + report(errors, self.config.messages))
        if errors:  # the preview shows the last good content with the errors over it
            content, processed = _last_good.get(self.root, (content, None))
        else:
            _last_good[self.root] = (content, processed)
            if self.config.chain:  # English, built next from this process, reads it again
                preloaded.preload(self.root, (content, problems), processed)
        self.site = None
        config.extra["sb_errors"] = [p.format(self.config.messages) for p in sorted(errors)]
        config.extra["sb_banner"] = t("banner", lang)
        config.extra["sb_footer"] = {}
        config.extra["sb_build_date"] = project.build_date(self.root).isoformat()
        config.theme["language"] = lang
        config.nav = [{t(key, lang): source_uri(path)} for key, path in SECTIONS.items()]
        if content.site is None or processed is None:  # nothing good yet: an error page only
            self.generated = error_site(lang)
            config.nav = [{t("home", lang): "index.md"}]
            self.specs = {"index.md": self.generated.pages[0]}
            return config
        site = content.site
        self.base_url = site.base_url
        self.site = site
        config.site_name = escape(site.site_name.get(lang))
        config.site_url = site.base_url + (EN_PREFIX if lang == "en" else "")
        config.extra["alternate"] = True  # shows Material's selector; our partial fills it
        config.extra["sb_footer"] = {
            "issuer": escape(site.issuing_body.get(lang)),
            "note": escape(site.archive_note.get(lang)),
            "plan": t("plan", lang),
            "contact": site.contact,
            "lang": lang,
        }
        date = project.build_date(self.root)
        started = time.perf_counter()
        generator = Generator(
            self.root, content, lang, date, self.preview, processed, cache=self.cache_pages
        )
        self.generated = generator.generate()
        self.seconds["our pages"] = time.perf_counter() - started
        self.specs = {source_uri(p.path): p for p in self.generated.pages}
        years = f"{site.founded.year} – {site.anniversary.year} · {site.district.get(lang)}"
        name = site.site_name.get(lang)
        self.cards = {uri: cards.Card(spec.title, name, years) for uri, spec in self.specs.items()}
        for uri, spec in self.specs.items():  # pages of tags, months, categories: one card
            if spec.list_of and source_uri(spec.list_of) in self.cards:
                self.cards[uri] = self.cards[source_uri(spec.list_of)]
        self.font = cards.font_digest(self.root)
        self.contexts = {}
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        admin = [f for f in files if f.src_uri.startswith(web_editor.ADMIN)]
        for file in admin:  # the web editor lives once, at /admin/ of the Vietnamese root
            files.remove(file)
        if self.config.lang == "vi" and self.site is not None:
            for file in admin:
                files.append(web_editor.unpacked(file, config, self.root))
            for name, text in web_editor.admin_files(self.site).items():
                files.append(File.generated(config, web_editor.ADMIN + name, content=text))
        self.pages = None
        if self.generated is not None and self.cards and self.cache_pages:
            theme = page_cache.theme_digest(self.root, config)
            self.pages = page_cache.PageCache(
                self.root, self.config.lang, self.preview, theme, link=self.fresh_folder
            )
        in_nav = {uri: title for entry in config.nav or [] for title, uri in entry.items()}
        kept = self.kept_facts()
        now: dict[tuple[PageSpec, Any], tuple[dict[str, Any], str]] = {}
        for uri, spec in self.specs.items():
            card = self.cards.get(source_uri(spec.path))
            context, name = (kept or {}).get((spec, card)) or (self.page_context(spec), "")
            self.contexts[uri] = context
            file = File.generated(config, uri, content="")
            GeneratedPage(in_nav.get(uri), file, config)  # MkDocs keeps it, as file.page
            if self.pages is not None:
                if self.pages.has(file, spec, context, name):
                    file.__class__ = page_cache.CachedFile  # MkDocs skips it; on_post_build copies
                if kept is not None:
                    now[spec, card] = context, self.pages.fingerprints[uri]
            files.append(file)
        if kept is not None:  # only this rebuild's pages
            kept.clear()
            kept.update(now)
        for extra in self.generated.files:  # feeds and redirect pages
            files.append(File.generated(config, extra.path, content=extra.content))
        if self.config.lang == "vi" and self.base_url != "/":
            robots = f"User-agent: *\nAllow: /\nDisallow: /{web_editor.ADMIN}\n"
            robots += f"Sitemap: {self.base_url}sitemap.xml\n"
            robots += f"Sitemap: {self.base_url}en/sitemap.xml\n"
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
        tokens: list[dict[str, Any]] = []
        for level, ident, name in spec.toc:
            name = escape(name)
            entry = {"level": level, "id": ident, "name": name, "html": name, "children": []}
            (tokens[-1]["children"] if tokens and level > 2 else tokens).append(entry)
        page.toc = get_toc(tokens)  # type: ignore[arg-type]
        return spec.html if spec.list_of or spec.section == "search" else searchable(spec.html)

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

    def kept_facts(self) -> dict[tuple[PageSpec, Any], tuple[dict[str, Any], str]] | None:
        """The preview's pages of the last rebuild: (spec, card) → (context, fingerprint).

        Each rebuild made every page's switcher and social-card context and hashed it with
        the page for its fingerprint: 3,500 pages at 2,000 items. A page equal to one of
        the last rebuild, with the same card, language, site address, font and theme, has
        the same context and fingerprint. A build, a process of its own, keeps nothing (None).
        """
        if not (self.preview and self.pages is not None):
            return None
        inputs = (self.config.lang, self.base_url, self.font, self.pages.theme)
        if _facts.get(self.root, (None, {}))[0] != inputs:  # one language at a time
            _facts[self.root] = inputs, {}
        return _facts[self.root][1]

    def page_context(self, spec: PageSpec) -> dict[str, Any]:
        """Return the language switcher and hreflang alternates of one page."""
        lang = self.config.lang
        other = "en" if lang == "vi" else "vi"
        here = site_path(spec.path, lang)
        root = self.base_url
        label = t("other_language", lang) if spec.other_exists else t("not_in_english", "en")
        alternates = []
        if spec.other_exists:
            alternates = [
                {"lang": code, "href": root + site_path(spec.path, code)} for code in ("vi", "en")
            ]
            alternates.append({"lang": "x-default", "href": root + spec.path})
        card = cards.path_of(self.cards[source_uri(spec.path)].key(self.font)) if self.cards else ""
        return {
            "og": {
                "title": spec.title,
                "description": spec.description,
                "url": root + here,
                "image": root + site_path(card, lang),
                "locale": "vi_VN" if lang == "vi" else "en_GB",
            },
            "switch": {
                "href": relative(here, site_path(spec.other_path, other)),
                "lang": other,
                "label": label,
                "available": spec.other_exists,
            },
            "hreflang": alternates,
            "jsonld": Markup(spec.jsonld),  # noqa: S704 (json.dumps, with < > & escaped)
        }

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
        elif self.config.chain:  # plain `mkdocs build`: English, then the index
            # `mkdocs build` emptied the folder first; `mkdocs build --dirty` did not
            fresh = not self.cache_pages
            language.build_language(
                self.root, "en", site_dir / "en", preview=self.preview, fresh=fresh
            )
            try:
                search_index.index(site_dir)
            except BuildFailed as exc:
                raise PluginError("\n" + report(exc.problems, self.config.messages)) from exc
        if self.preview:
            preview.idle.collect_later()

    def on_shutdown(self) -> None:
        preview.idle.cancel()
        preview.stop_all()  # before MkDocs removes the folder it writes into
        for number, handler in self.signals.items():
            signal.signal(number, handler)
        self.signals = {}

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        preview.watch_natively(server, self.root / "content")
        server.watch(str(self.root / "content"))
        if (self.root / "templates").is_dir():  # the design, for whoever edits it
            server.watch(str(self.root / "templates"))
        return server


class GeneratedPage(Page):
    """A page our stages render: MkDocs has no Markdown to convert for it.

    MkDocs' `Page.render` makes a Markdown converter with every extension for each page,
    here to convert an empty string: 0.3 ms a page, about a second of the Vietnamese
    process in the archive's cold build. The result of converting nothing is set here instead;
    `on_page_content` then puts in the body. (A plugin may set `File.page` to a Page of
    its own: MkDocs uses it rather than making one.)
    """

    def render(self, config: MkDocsConfig, files: Files) -> None:
        if self.markdown:  # never for ours: their Markdown is empty
            super().render(config, files)
            return
        self.content = ""
        self.toc = get_toc([])
        self._title_from_render = None
        self.present_anchor_ids = set()
        self.links_to_anchors = {}
