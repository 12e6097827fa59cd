"""The build's stages, one driver for `build`, `serve`, `admin` and plain `mkdocs`.

load → validate → images → each language's pages → page context → (the engine renders)
→ photos and cards into the site. `build.py` runs these and then the search index, the
radio scripts and the swap; the MkDocs plugin calls the same stages from its first event
under plain `mkdocs build` and `mkdocs serve`. Nothing here knows the engine: it gets a
`Language`, pages with everything the theme shows around them, and renders it.

What a build knows lives in a `Session`, handed to whatever needs it: to a language's
process as an argument (shared when forked, pickled when spawned), kept by the preview's
plugin between rebuilds. No stage keeps it anywhere else.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from markupsafe import escape

from .cache.memory import Memory
from .checks import load_content
from .content import project
from .content.model import Content
from .content.model import Site as Settings
from .content.urls import EN_PREFIX, SECTIONS, source_uri
from .core.errors import ERROR, BuildFailed, ContentError
from .images import cache as image_cache
from .images import cards
from .images.process import Processed
from .images.process import Settings as ImageSettings
from .render import context as page_facts
from .render import security
from .render.pages import Generator
from .render.spec import PageSpec, StaticFile
from .text.i18n import t

ADMIN = "admin/"  # the web editor's folder, which robots.txt keeps out of search engines


@dataclass
class Session:
    """What the builds of one project know.

    `site-builder build` fills one and hands it to each language's process; the preview's
    plugin keeps one for as long as it runs, so that a rebuild reuses what the last made
    (and shows the last content that built while the newest has errors).
    """

    root: Path
    preview: bool = False
    content: Content | None = None
    problems: list[ContentError] = field(default_factory=list)
    processed: dict[str, Processed] | None = None  # None: not (yet) made, or errors
    last_good: tuple[Content, dict[str, Processed]] | None = None
    # what the preview keeps between rebuilds, each for this rebuild's pages only
    contexts: tuple[tuple[Any, ...], dict[Any, dict[str, Any]]] = ((), {})  # by (spec, card)
    fingerprints: tuple[tuple[Any, ...], dict[Any, tuple[Any, str]]] = ((), {})  # the same
    published: dict[Path, dict[str, str]] = field(default_factory=dict)  # folder → uri → name
    placed: dict[Path, dict[str, str]] = field(default_factory=dict)  # folder → photo → key
    html_digests: dict[int, tuple[str, str]] = field(default_factory=dict)  # id → body, digest
    editor: tuple[tuple[Any, bool], dict[str, str]] | None = None  # (site, local) → files
    memory: Memory = field(default_factory=Memory)  # what rendering reuses

    @property
    def errors(self) -> list[ContentError]:
        return [p for p in self.problems if p.severity == ERROR]

    def __getstate__(self) -> dict[str, Any]:
        """What a spawned process gets: the content and images, not the preview's memos
        (keyed by the ids of objects that only this process has)."""
        state = dict(self.__dict__)
        state.update(contexts=((), {}), fingerprints=((), {}), html_digests={}, editor=None)
        state["memory"] = Memory()
        return state


def load(session: Session, processes: int = 1) -> list[ContentError]:
    """Read and validate the content anew; return its problems (warnings too)."""
    loaded = load_content(session.root, processes=processes, memory=session.memory)
    session.content, session.problems = loaded
    session.processed = None
    return session.problems


def images(session: Session) -> dict[str, Processed]:
    """Process every image the content refers to (the cache first); raise BuildFailed."""
    assert session.content is not None
    refs, settings = session.content.image_refs, image_settings(session.content)
    processed = image_cache.prepare(session.root, refs, settings, memory=session.memory)
    session.processed = processed
    session.last_good = session.content, processed
    return processed


def read(session: Session) -> list[ContentError]:
    """Load, validate and process images; return the errors that stop a build."""
    load(session)
    errors = session.errors
    if not errors:
        try:
            images(session)
        except BuildFailed as exc:
            errors = exc.problems
            session.problems = [*session.problems, *exc.problems]
    return errors


def image_settings(content: Content) -> ImageSettings:
    site = content.site
    if site is None:
        return ImageSettings()
    return ImageSettings(widths=tuple(site.image_widths), avif=site.image_avif)


@dataclass
class Language:
    """One language's pages and all the engine needs to render them."""

    lang: str
    pages: dict[str, PageSpec]  # by source name (`source_uri`)
    contexts: dict[str, dict[str, Any]]  # the theme's `sb` of each page
    files: list[StaticFile]  # feeds, redirect pages, robots.txt
    nav: list[tuple[str, str]]  # (title, source name)
    extra: dict[str, Any]  # the theme's site-wide `extra`
    site_name: str = ""
    site_url: str = ""
    site_description: str = ""  # the home page's
    settings: Settings | None = None  # None: nothing has built yet (an error page)
    images: dict[str, Processed] = field(default_factory=dict)  # the photos pages use
    cards: dict[str, cards.Card] = field(default_factory=dict)  # by source name
    font: bytes = b""  # the font's digest, part of every card's key
    seconds: dict[str, float] = field(default_factory=dict)


def language(session: Session, lang: str, *, cache: bool, messages: str = "vi") -> Language:
    """Make every page of `lang` from the session's content, with its switcher, hreflang,
    Open Graph, JSON-LD, social card and the site-wide text around it.

    The preview shows the last content that built, with this content's errors over it.
    """
    date = project.build_date(session.root)
    errors = session.errors
    shown: tuple[Content | None, dict[str, Processed] | None]
    shown = (session.content, session.processed)
    if errors and session.preview:
        shown = session.last_good or (session.content, None)
    content, processed = shown
    extra: dict[str, Any] = {
        "sb_errors": [p.format(messages) for p in sorted(errors)],
        "sb_banner": t("banner", lang),
        "sb_skip": t("skip", lang),  # templates/base.html
        # not in the preview: MkDocs' live reload is an inline script it adds to each page
        "sb_csp": "" if session.preview else security.PAGES,
        "sb_footer": {},
        "sb_build_date": date.isoformat(),
    }
    nav = [(t(key, lang), source_uri(path)) for key, path in SECTIONS.items()]
    if content is None or content.site is None or processed is None:
        generated = page_facts.error_site(lang)
        home = generated.pages[0]
        return Language(lang, {"index.md": home}, {}, [], [(t("home", lang), "index.md")], extra)
    site = content.site
    extra["alternate"] = True  # Material 9.x shows its language selector; our partial fills it
    extra["sb_footer"] = page_facts.footer(site, lang)
    started = time.perf_counter()
    generator = Generator(
        session.root, content, lang, date, session.preview, processed, cache, session.memory
    )
    made = generator.generate()
    seconds = {"our pages": time.perf_counter() - started}
    specs = {source_uri(p.path): p for p in made.pages}
    page_cards = page_facts.page_cards(specs, site, lang)
    font = cards.font_digest(session.root)
    files = list(made.files)
    if lang == "vi" and site.base_url != "/":
        files.append(StaticFile("robots.txt", page_facts.robots_txt(site.base_url, ADMIN)))
    return Language(
        lang,
        specs,
        _contexts(session, specs, page_cards, (lang, site.base_url, font, site.demonstration)),
        files,
        nav,
        extra,
        site_name=escape(site.site_name.get(lang)),
        site_description=escape(specs[source_uri("")].description),
        site_url=site.base_url + (EN_PREFIX if lang == "en" else ""),
        settings=site,
        images=made.images,
        cards=page_cards,
        font=font,
        seconds=seconds,
    )


def _contexts(
    session: Session,
    specs: dict[str, PageSpec],
    page_cards: dict[str, cards.Card],
    inputs: tuple[Any, ...],
) -> dict[str, dict[str, Any]]:
    """Each page's context; the preview reuses those of the pages its last rebuild made
    with the same spec, card and `inputs` (3,500 pages at 2,000 items)."""
    lang, base_url, font, demonstration = inputs
    kept = session.contexts[1] if session.preview and session.contexts[0] == inputs else {}
    now: dict[Any, dict[str, Any]] = {}
    contexts = {}
    for uri, spec in specs.items():
        card = page_cards.get(uri)
        context = kept.get((spec, card))
        if context is None:
            context = page_facts.page_context(spec, lang, base_url, card, font, demonstration)
        contexts[uri] = now[spec, card] = context
    if session.preview:
        session.contexts = inputs, now
    return contexts


def place_photos(session: Session, made: Language, site_dir: Path, *, kept: bool) -> None:
    """Put the photos the pages use into the site (the root's language places them for both).

    `kept`: the folder keeps what this session placed there before (the preview's dirty
    rebuilds), so only new or changed photos are placed.
    """
    placed = session.placed.setdefault(site_dir, {}) if kept else {}
    photos = {src: p for src, p in made.images.items() if placed.get(src) != p.key}
    image_cache.publish(session.root, photos, site_dir)
    placed.update((src, p.key) for src, p in photos.items())


def place_cards(session: Session, made: Language, site_dir: Path) -> None:
    """Draw the pages' social cards the cache lacks and put them into the site."""
    if made.cards:
        cards.ensure(session.root, made.cards, site_dir)
