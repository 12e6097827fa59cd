"""Rendered pages from earlier builds, reused when nothing that shapes a page has changed.

Rendering every page through the theme is most of a build. A page's output depends on its
spec (our HTML, title, description, table of contents), its context (switcher, hreflang,
social card, JSON-LD), the site-wide settings in MkDocs' `extra`, and the theme: the
templates, mkdocs.yml, this package's code and the versions of MkDocs and Material. The
fingerprint hashes all of them; a page whose fingerprint was rendered before is copied from
the cache instead (MkDocs' "dirty" mode skips it), so an archive rebuilt after one edit
renders the pages that edit touched. The cache is in the same folder as the image cache.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from pathlib import Path
from typing import Any, cast

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File

from .. import pipeline
from ..cache.code import code_digest
from ..cache.folder import CacheFolder, cache_variant
from ..core.cachedir import cache_root
from ..images.placing import place


class PageFile(File):
    """A generated page; `cached` when its output is in the cache, to be copied from there.

    MkDocs 1.6.x internal: its dirty build neither reads nor renders a page whose file says
    it is not modified (`_populate_page`, `_build_page`), nor asks anything else of it.
    """

    cached = False

    @classmethod
    def empty(cls, config: MkDocsConfig, uri: str) -> PageFile:
        """A page of no Markdown, at `uri`: its body comes from our stages."""
        return cast(PageFile, cls.generated(config, uri, content=""))

    def is_modified(self) -> bool:
        return not self.cached and super().is_modified()


def theme_digest(root: Path, config: MkDocsConfig) -> str:
    """Hash everything site-wide that a page's output depends on."""
    digest = hashlib.sha256(code_digest(root).encode())
    digest.update((root / "mkdocs.yml").read_bytes())
    site_wide = {
        "extra": dict(config.extra),
        "site_name": config.site_name,
        "site_url": config.site_url,
        "nav": config.nav,
        "language": config.theme["language"],
    }
    digest.update(json.dumps(site_wide, sort_keys=True, default=str).encode())
    return digest.hexdigest()


class PageCache:
    """The rendered pages of one language (preview builds keep theirs apart)."""

    def __init__(self, session: pipeline.Session, lang: str, theme: str, *, link: bool) -> None:
        variant = cache_variant(lang, session.preview)
        self.files = CacheFolder(cache_root(session.root) / "pages" / variant)
        self.session = session
        self.theme = theme
        # `link`: MkDocs writes into an empty folder (`build_language`), so the site and the
        # cache can share each page's bytes. Where it writes into the files of an earlier
        # build (the preview, plain `mkdocs build --dirty`) each keeps a copy of its own.
        self.link = link
        self.rendered: list[str] = []  # uris of pages MkDocs rendered, for `publish` to keep
        self.fingerprints: dict[str, str] = {}  # page uri → fingerprint
        self.cached: set[str] = set()  # uris whose output is copied from the cache
        self.dest: dict[str, str] = {}  # page uri → its path in the site
        self.seen: set[int] = set()  # ids of the bodies this build fingerprinted
        # The preview's fingerprints of the last rebuild, by (spec, card): 3,500 pages at
        # 2,000 items were hashed on every rebuild. A page with the same spec, card and
        # context object (the pipeline reuses those) in the same theme has the same name.
        self.inputs = (lang, theme)
        known, kept = session.fingerprints
        self.kept = kept if session.preview and known == self.inputs else {}
        self.now: dict[Any, tuple[Any, str]] = {}

    def fingerprint(self, spec: Any, context: dict[str, Any]) -> str:
        """The name of the page's output in the cache: a digest of all that shapes it."""
        digest = hashlib.sha256(self.theme.encode())
        for item in dataclasses.fields(spec):  # a frozen record of strings and tuples
            value = getattr(spec, item.name)
            shown = self.body_digest(value) if item.name == "html" else repr(value)
            digest.update(f"{item.name}={shown}\0".encode())
        digest.update(json.dumps(context, sort_keys=True, default=str).encode())
        return digest.hexdigest()[:40] + ".html"

    def has(self, file: File, spec: Any, context: dict[str, Any], card: Any) -> bool:
        """Record the page's fingerprint; True when its output is in the cache."""
        uri = file.src_uri
        self.dest[uri] = file.dest_uri
        known = self.kept.get((spec, card))
        if known is not None and known[0] is context:
            name = known[1]
            self.seen.add(id(spec.html))  # its body's digest stays remembered
        else:
            name = self.fingerprint(spec, context)
        self.now[spec, card] = context, name
        self.fingerprints[uri] = name
        if name in self.files:
            self.cached.add(uri)
            return True
        return False

    def keep_fingerprints(self) -> None:
        """Keep this rebuild's fingerprints (only its pages') for the preview's next."""
        if self.session.preview:
            self.session.fingerprints = self.inputs, self.now

    def store(self, uri: str, output: str) -> None:
        """Keep a page MkDocs rendered: a copy now, or (`link`) the site's file once written."""
        name = self.fingerprints.get(uri)
        if name is None:
            return
        if self.link:
            self.rendered.append(uri)
        else:
            self.files.write(name, output.encode("utf-8", errors="xmlcharrefreplace"))

    def publish(self, site_dir: Path) -> None:
        """Place the cached pages where MkDocs would have written them, and keep the new.

        The preview rebuilds into the same folder: a page already there with the same
        fingerprint (written by this process) is left as it is.
        """
        there = self.session.published.setdefault(site_dir, {})
        for uri in self.cached:
            target = site_dir / self.dest[uri]
            if there.get(uri) == self.fingerprints[uri] and target.is_file():
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            place(self.files.path / self.fingerprints[uri], target, link=self.link)
        there.update(self.fingerprints)  # MkDocs has written the others by now
        for uri in self.rendered:
            self.files.adopt(self.fingerprints[uri], site_dir / self.dest[uri])
        self.rendered.clear()

    def body_digest(self, html: str) -> str:
        """The digest of a page body, made once per body while the preview keeps it.

        Reused bodies are the very strings of the body cache's memory, so a long-running
        preview hashed the same 3,000 bodies on every rebuild. The memo holds each string,
        so that its id is not reused while it is remembered.
        """
        self.seen.add(id(html))
        digests = self.session.html_digests
        kept = digests.get(id(html))
        if kept is not None and kept[0] is html:
            return kept[1]
        digest = hashlib.sha256(html.encode("utf-8", errors="surrogatepass")).hexdigest()
        digests[id(html)] = (html, digest)
        return digest

    def prune(self) -> None:
        """Forget the pages this build no longer has, so that the cache does not grow."""
        self.files.prune(set(self.fingerprints.values()))
        digests = self.session.html_digests
        for ident in set(digests) - self.seen:
            del digests[ident]
