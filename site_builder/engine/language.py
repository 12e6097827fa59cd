"""Build one language of the site with MkDocs, reporting what our stages raised as problems."""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.commands import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, PluginError

from .. import pipeline
from ..content import project
from ..core.errors import BuildFailed, ContentError, report, template_problem
from ..images import cards
from ..output import search as search_index

log = logging.getLogger("mkdocs.plugins.site_builder")


def own_pages(
    session: pipeline.Session, lang: str, cache: bool, messages: str
) -> pipeline.Language:
    """The pipeline run from the plugin's first event (plain `mkdocs build`, the preview):
    read the content anew, then make `lang`'s pages. A build stops at the first error; the
    preview shows the last content that built, with the errors over it."""
    project.pin_build_date(session.root)  # MkDocs' sitemap reads it too
    errors = pipeline.read(session)
    if errors and not session.preview:
        raise PluginError("\n" + report(errors, messages))
    return pipeline.language(session, lang, cache=cache, messages=messages)


def english_then_index(
    session: pipeline.Session, site_dir: Path, *, fresh: bool, messages: str
) -> None:
    """Plain `mkdocs build`, after Vietnamese: English into `en/`, then the search index.

    `fresh`: `mkdocs build` emptied the folder first (`mkdocs build --dirty` did not)."""
    build_language(session, "en", site_dir / "en", fresh=fresh)
    try:
        search_index.index(site_dir)
    except BuildFailed as exc:
        raise PluginError("\n" + report(exc.problems, messages)) from exc


def build_language(
    session: pipeline.Session,
    lang: str,
    site_dir: Path,
    *,
    strict: bool = False,
    draw_cards: bool = True,
    fresh: bool = False,
) -> tuple[dict[str, float], set[cards.Card]]:
    """Make `lang`'s pages from the session's content and have MkDocs render them into
    `site_dir`; return our stages' times and, unless `draw_cards`, the social cards its
    pages name, for the caller to place.

    `fresh`: `site_dir` holds no page of an earlier build, so the page cache may share the
    files MkDocs writes there."""
    root = session.root
    config = load_config(str(root / project.CONFIG_NAME), site_dir=str(site_dir), strict=strict)
    plugin: Any = config.plugins["site-builder"]  # our SiteBuilderPlugin
    plugin.config.lang = lang
    plugin.config.chain = False
    config.plugins.on_startup(command="build", dirty=False)
    plugin.cache_pages = True
    plugin.defer_cards = not draw_cards
    plugin.fresh_folder = fresh
    started = time.perf_counter()
    made = pipeline.language(session, lang, cache=True)
    plugin.receive(session, made)
    quiet = DirtyNotice()
    logging.getLogger("mkdocs.commands.build").addFilter(quiet)
    try:
        # MkDocs 1.6.x internal: the function behind `mkdocs build`, here in its dirty mode
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
    return seconds, set(made.cards.values()) if plugin.defer_cards else set()


def english_and_index(session: pipeline.Session, site_dir: Path) -> None:
    """The preview's English pages and search index (in a process of their own)."""
    try:
        build_language(session, "en", site_dir / "en")
        search_index.index(site_dir)
    except BuildFailed as exc:
        log.error("\n" + report(exc.problems, "vi"))


class DirtyNotice(logging.Filter):
    """Drop MkDocs' warning about dirty builds: ours start from an empty folder.

    MkDocs 1.6.x internal: the text of the warning `mkdocs.commands.build.build` logs for
    every dirty build, which `--strict` would count. No option turns it off, and the dirty
    build is how cached pages are skipped (`page_cache.PageFile`).
    """

    def filter(self, record: logging.LogRecord) -> bool:
        return "'dirty' build" not in record.getMessage()


def unwrap(exc: BaseException) -> BaseException:
    """Return the exception our stage raised inside MkDocs' PluginError or Abort."""
    seen = exc
    while isinstance(seen, PluginError | Abort) and seen.__cause__ is not None:
        seen = seen.__cause__
    return seen
