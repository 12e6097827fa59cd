"""MkDocs plugin: hands our generated pages to MkDocs. Every MkDocs-specific line lives here.

MkDocs 1.6 is frozen and 2.0 drops plugins, so the stages below take and return our own
objects; replacing MkDocs means replacing this file. One configuration builds one
language: `lang: vi` builds the site root and, under plain `mkdocs build` or `mkdocs serve`,
then builds English into `en/` (`chain`); `site-builder build` runs the two languages as
two processes instead, which on two cores costs the time of one.
"""

from __future__ import annotations

import contextlib
import gc
import gzip
import hashlib
import logging
import multiprocessing
import os
import shutil
import signal
import tempfile
import threading
import time
from pathlib import Path
from typing import Any, NamedTuple

import jinja2
from markupsafe import Markup, escape
from mkdocs.commands import build as mkdocs_build
from mkdocs.config import base, load_config
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from ..cache.folder import CacheFolder
from ..cache.templates import compiled_templates
from ..cms import config as cms_config
from ..content import project
from ..content.urls import EN_PREFIX, SECTIONS, relative, site_path, source_uri
from ..core.cachedir import cache_root
from ..core.checkpoints import checkpoint
from ..core.errors import ERROR, BuildFailed, ContentError, report, template_problem
from ..images import cache as image_cache
from ..images import cards
from ..output import search as search_index
from ..output.search import searchable
from ..render.pages import Generator
from ..render.spec import PageSpec
from ..text.i18n import t
from . import page_cache, preloaded

log = logging.getLogger("mkdocs.plugins.site_builder")


# The preview keeps the last content that built, to show it under an error banner.
_last_good: dict[Path, tuple[Any, Any]] = {}
_placed_images: dict[Path, dict[str, str]] = {}  # the preview's folder → photo → its key


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
            self.signals = stop_as_on_ctrl_c()
        if dirty:  # `site-builder serve`: unchanged pages stay as the last build wrote them
            self.cache_pages = True
            logging.getLogger("mkdocs.commands.build").addFilter(_DirtyNotice())

    @event_priority(100)  # before the search plugin reads the theme language
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        lang = self.config.lang
        self.root = Path(config.config_file_path).parent
        if self.preview:
            _idle.cancel()
            # the last edit's English and search index are outdated now: free the core they
            # used for this rebuild, which starts them again once the Vietnamese page shows
            _stop_english(Path(config.site_dir))
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
        admin = [f for f in files if f.src_uri.startswith(ADMIN)]
        for file in admin:  # the web editor lives once, at /admin/ of the Vietnamese root
            files.remove(file)
        if self.config.lang == "vi" and self.site is not None:
            for file in admin:
                files.append(unpacked(file, config, self.root))
            for name, text in admin_files(self.site).items():
                files.append(File.generated(config, ADMIN + name, content=text))
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
            robots = f"User-agent: *\nAllow: /\nDisallow: /{ADMIN}\n"
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
            english_in_background(self.root, site_dir)
        elif self.config.chain:  # plain `mkdocs build`: English, then the index
            # `mkdocs build` emptied the folder first; `mkdocs build --dirty` did not
            fresh = not self.cache_pages
            build_language(self.root, "en", site_dir / "en", preview=self.preview, fresh=fresh)
            try:
                search_index.index(site_dir)
            except BuildFailed as exc:
                raise PluginError("\n" + report(exc.problems, self.config.messages)) from exc
        if self.preview:
            _idle.collect_later()

    def on_shutdown(self) -> None:
        _idle.cancel()
        for site_dir in list(_english):  # before MkDocs removes the folder it writes into
            _stop_english(site_dir)
        for number, handler in self.signals.items():
            signal.signal(number, handler)
        self.signals = {}

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        watch_natively(server, self.root / "content")
        server.watch(str(self.root / "content"))
        if (self.root / "templates").is_dir():  # the design, for whoever edits it
            server.watch(str(self.root / "templates"))
        return server


_STOPS = [getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)]


def stop_as_on_ctrl_c() -> dict[int, Any]:
    """Make the preview stop on SIGTERM and SIGHUP as it does on Ctrl+C.

    MkDocs' preview writes a whole copy of the site into a temporary folder (380 MB at
    2,000 items) and removes it only when Ctrl+C stops it: a service manager's stop, `kill`
    or a closed terminal left the copy behind, once per preview. Returns the handlers
    replaced, for `on_shutdown` to put back.
    """
    if threading.current_thread() is not threading.main_thread():
        return {}  # only the main thread may set handlers; MkDocs' own runs there

    def interrupt(number: int, frame: Any) -> None:
        raise KeyboardInterrupt

    return {number: signal.signal(number, interrupt) for number in _STOPS}


def watch_natively(server: Any, probe: Path) -> bool:
    """Give MkDocs' preview server the platform's file events instead of polling.

    MkDocs rescans every watched folder twice a second. At 2,000 items the scans held the
    interpreter for about a quarter of each rebuild's time, and an edit waited up to 0.5 s
    to be noticed. Where file events are unavailable (the observer cannot start, or the
    server's internals are not the ones MkDocs 1.6 has) or `SITE_BUILDER_POLL=1` asks for
    it (folders on a network share, whose events may never arrive), MkDocs keeps polling.
    """
    from watchdog import events
    from watchdog.observers import Observer

    class ChangesOnly(Observer):  # type: ignore[misc,valid-type]
        """Reports writes, not reads: a build reads every watched file, which polling never
        saw, and each read would ask for the next rebuild."""

        def schedule(self, handler: Any, path: Any, **options: Any) -> Any:
            changes = [events.FileCreatedEvent, events.FileModifiedEvent,
                       events.FileDeletedEvent, events.FileMovedEvent]  # fmt: skip
            return super().schedule(handler, path, **options, event_filter=changes)

    watched, refs = getattr(server, "_watched_paths", None), getattr(server, "_watch_refs", None)
    old = getattr(server, "observer", None)
    if os.environ.get("SITE_BUILDER_POLL", "") not in ("", "0"):
        return False
    if not isinstance(watched, dict) or not isinstance(refs, dict) or old is None or old.is_alive():
        return False
    try:  # start and stop one observer first: a failure inside MkDocs' serve() would end it
        trial = ChangesOnly()
        trial.schedule(events.FileSystemEventHandler(), str(probe), recursive=True)
        trial.start()
        trial.stop()
        trial.join()
    except (OSError, RuntimeError) as exc:
        log.info("File events unavailable (%s): polling for changes", exc)
        return False
    counts = dict(watched)
    server.observer = ChangesOnly()
    watched.clear()
    refs.clear()
    for path, count in counts.items():
        for _ in range(count):
            server.watch(path)
    return True


ADMIN = "admin/"


def unpacked(file: File, config: MkDocsConfig, root: Path) -> File:
    """The web editor's file as the browser loads it: the repository keeps Decap's 5 MB
    bundle gzipped (`cms.vendor`), and the site serves it plain, as Decap names it.

    Unpacked once into the cache, by the packed bytes' digest, and handed to MkDocs as a
    file there: every build, and every preview rebuild, had unpacked it again and written
    the 5 MB out of memory, where MkDocs copies a file, or in its dirty mode skips it.
    """
    if not file.src_uri.endswith(".gz"):
        return file
    packed = Path(file.abs_src_path or "").read_bytes()
    name = hashlib.sha256(packed).hexdigest()[:40] + ".js"
    folder = CacheFolder(cache_root(root) / "unpacked")
    if name not in folder:
        folder.write(name, gzip.decompress(packed))
        folder.prune({name})  # an earlier bundle's
    entry = str(folder.path / name)
    return File.generated(config, file.src_uri.removesuffix(".gz"), abs_src_path=entry)


ADMIN_PAGE = """<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>Trình biên tập nội dung · {name}</title>
<link rel="icon" href="../img/emblem.svg">
</head>
<body>
<noscript>Trình biên tập cần JavaScript. / The editor needs JavaScript.</noscript>
<script>window.CMS_MANUAL_INIT = true;</script>
<script src="decap/decap-cms.js"></script>
<script src="init.js"></script>
</body>
</html>
"""


def admin_files(site: Any) -> dict[str, str]:
    """The web editor's page and its configuration, generated from the schema.

    Made once per site record: the preview is handed the same record while `site.yml` is
    unchanged, and dumping the configuration took 0.1 s of every rebuild.
    """
    kept = _admin.get(id(site))
    if kept is not None and kept[0] is site:
        return kept[1]
    name = escape(site.site_name.get("vi"))
    files = {
        "index.html": ADMIN_PAGE.format(name=name),
        "init.js": cms_config.INIT,
        "config.yml": cms_config.dump(site),
    }
    _admin.clear()
    _admin[id(site)] = (site, files)
    return files


_admin: dict[int, tuple[Any, dict[str, str]]] = {}  # the last site record → its files


class IdleCollection:
    """Collect the preview's garbage between rebuilds, not during them.

    The preview keeps what every rebuild reuses (records, bodies, digests) in memory, and
    Python's full collections walked all of it whenever a rebuild made enough objects:
    0.15-0.35 s of a 2 s rebuild at 2,000 items. Soon after a rebuild, while the editor
    looks at the page, one collection runs and then freezes what survived (`gc.freeze`), so
    that a rebuild's collections walk only what it made. The next collection unfreezes
    first: what a later rebuild dropped is collected then, so nothing frozen leaks.
    """

    def __init__(self, delay: float = 1.0) -> None:
        self.delay = delay  # after the browser has reloaded the page
        self.timer: threading.Timer | None = None
        self.lock = threading.Lock()

    def collect_later(self) -> None:
        with self.lock:
            if self.timer is not None:
                self.timer.cancel()
            self.timer = threading.Timer(self.delay, self.collect)
            self.timer.daemon = True
            self.timer.start()

    def cancel(self) -> None:
        with self.lock:
            if self.timer is not None:
                self.timer.cancel()
            self.timer = None

    @staticmethod
    def collect() -> None:
        gc.unfreeze()
        gc.collect()
        gc.freeze()


_idle = IdleCollection()


class _Background(NamedTuple):
    process: Any
    scratch: Path  # its temporary files: a stopped child cannot remove them itself


_english: dict[Path, _Background] = {}  # the preview's English build, per site folder
_facts: dict[Path, tuple[tuple[Any, ...], dict[Any, Any]]] = {}  # project → `kept_facts`


def english_in_background(root: Path, site_dir: Path) -> None:
    """Build the preview's English pages and search index in a forked process.

    MkDocs' preview server answers no request until a rebuild ends; English and Pagefind
    took most of a rebuild, so they run beside it (on the other core) and an edit shows in
    the Vietnamese page first. A newer edit stops an English build still running.
    """
    _stop_english(site_dir)
    if "fork" not in multiprocessing.get_all_start_methods():  # Windows: one after the other
        _english_and_index(root, site_dir)
        return
    scratch = Path(tempfile.mkdtemp(prefix="site-builder-english-"))
    process = multiprocessing.get_context("fork").Process(
        target=_english_in_child, args=(root, site_dir, scratch), daemon=True
    )
    held = signal.pthread_sigmask(signal.SIG_BLOCK, _STOPS)  # until the child has its own
    try:
        process.start()
        if process.pid:  # its own group, set from both sides: whichever runs first
            with contextlib.suppress(OSError):
                os.setpgid(process.pid, process.pid)
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)
    _english[site_dir] = _Background(process, scratch)


def _stop_english(site_dir: Path) -> None:
    old = _english.pop(site_dir, None)
    if old is None:
        return
    if old.process.is_alive():
        try:
            os.killpg(old.process.pid, signal.SIGTERM)  # and its Pagefind, which would write on
        except ProcessLookupError:  # no group (it ended meanwhile): the process alone
            old.process.terminate()
        old.process.join()
    shutil.rmtree(old.scratch, ignore_errors=True)


def _english_in_child(root: Path, site_dir: Path, scratch: Path) -> None:
    os.setpgrp()  # a group of its own, with the Pagefind it starts: both are stopped at once
    for number in _STOPS:  # a newer edit, or the preview's end, stops them: quietly
        signal.signal(number, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOPS)
    tempfile.tempdir = str(scratch)  # stopped at once, it leaves them to `_stop_english`
    _english_and_index(root, site_dir)


def _english_and_index(root: Path, site_dir: Path) -> None:
    try:
        build_language(root, "en", site_dir / "en", preview=True)
        search_index.index(site_dir)
    except BuildFailed as exc:
        log.error("\n" + report(exc.problems, "vi"))


def build_language(
    root: Path,
    lang: str,
    site_dir: Path,
    *,
    preview: bool = False,
    strict: bool = False,
    draw_cards: bool = True,
    fresh: bool = False,
) -> tuple[dict[str, float], set[cards.Card]]:
    """Build one language of the site into `site_dir` with MkDocs; return our stages' times
    and, unless `draw_cards`, the social cards its pages name, for the caller to place.

    `fresh`: `site_dir` holds no page of an earlier build, so the page cache may share the
    files MkDocs writes there."""
    config = load_config(str(root / project.CONFIG_NAME), site_dir=str(site_dir), strict=strict)
    plugin = config.plugins["site-builder"]
    assert isinstance(plugin, SiteBuilderPlugin)
    plugin.config.lang = lang
    plugin.config.chain = False
    plugin.cache_pages = True
    plugin.defer_cards = not draw_cards
    plugin.fresh_folder = fresh
    plugin.preview = preview
    config.plugins.on_startup(command="build", dirty=False)
    plugin.preview = preview
    started = time.perf_counter()
    quiet = _DirtyNotice()
    logging.getLogger("mkdocs.commands.build").addFilter(quiet)
    try:
        mkdocs_build.build(config, dirty=True)  # into an empty folder: only cached pages skip
    except Exception as exc:  # MkDocs wraps what our stages raise; report it as problems
        inner = unwrap(exc)
        if isinstance(inner, BuildFailed):
            raise inner from None
        if isinstance(inner, jinja2.TemplateError):
            raise BuildFailed([template_problem(root, inner)]) from None
        if isinstance(inner, Abort):  # MkDocs' own warnings under strict (already printed)
            args = {"detail": str(inner)}
            raise BuildFailed([ContentError("mkdocs.yml", 0, 0, "strict-warnings", args)]) from None
        raise
    finally:
        logging.getLogger("mkdocs.commands.build").removeFilter(quiet)
    seconds = dict(plugin.seconds)
    seconds["mkdocs"] = time.perf_counter() - started - sum(seconds.values())
    return seconds, set(plugin.cards.values()) if plugin.defer_cards else set()


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


class _DirtyNotice(logging.Filter):
    """Drop MkDocs' warning about dirty builds: ours start from an empty folder."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "'dirty' build" not in record.getMessage()


def unwrap(exc: BaseException) -> BaseException:
    """Return the exception our stage raised inside MkDocs' PluginError or Abort."""
    seen = exc
    while isinstance(seen, PluginError | Abort) and seen.__cause__ is not None:
        seen = seen.__cause__
    return seen
