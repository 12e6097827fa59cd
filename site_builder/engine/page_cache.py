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

from ..cache.code import code_digest
from ..cache.folder import CacheFolder, cache_variant
from ..core.cachedir import cache_root
from ..images.placing import place

_published: dict[Path, dict[str, str]] = {}  # site folder → page uri → fingerprint there
_facts: dict[Path, tuple[tuple[Any, ...], dict[Any, Any]]] = {}  # project → `kept_facts`


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


def kept_facts(root: Path, inputs: tuple[Any, ...]) -> dict[Any, Any]:
    """The preview's pages of the last rebuild: (spec, card) → (context, fingerprint).

    Each rebuild made every page's switcher and social-card context and hashed it with
    the page for its fingerprint: 3,500 pages at 2,000 items. A page equal to one of
    the last rebuild, with the same card and `inputs` (language, site address, font and
    theme), has the same context and fingerprint. Kept for one language at a time.
    """
    if _facts.get(root, (None, {}))[0] != inputs:
        _facts[root] = inputs, {}
    return _facts[root][1]


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

    def __init__(self, root: Path, lang: str, preview: bool, theme: str, *, link: bool) -> None:
        self.files = CacheFolder(cache_root(root) / "pages" / cache_variant(lang, preview))
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

    def fingerprint(self, spec: Any, context: dict[str, Any]) -> str:
        """The name of the page's output in the cache: a digest of all that shapes it."""
        digest = hashlib.sha256(self.theme.encode())
        for item in dataclasses.fields(spec):  # a frozen record of strings and tuples
            value = getattr(spec, item.name)
            shown = _html_digest(value, self.seen) if item.name == "html" else repr(value)
            digest.update(f"{item.name}={shown}\0".encode())
        digest.update(json.dumps(context, sort_keys=True, default=str).encode())
        return digest.hexdigest()[:40] + ".html"

    def has(self, file: File, spec: Any, context: dict[str, Any], name: str = "") -> bool:
        """Record the page's fingerprint (`name`, when the caller knows it for this spec,
        context and theme); True when its output is in the cache."""
        uri = file.src_uri
        self.dest[uri] = file.dest_uri
        if name:
            self.seen.add(id(spec.html))  # its body's digest stays remembered
        else:
            name = self.fingerprint(spec, context)
        self.fingerprints[uri] = name
        if name in self.files:
            self.cached.add(uri)
            return True
        return False

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
        there = _published.setdefault(site_dir, {})
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

    def prune(self) -> None:
        """Forget the pages this build no longer has, so that the cache does not grow."""
        self.files.prune(set(self.fingerprints.values()))
        for ident in set(_html_digests) - self.seen:
            del _html_digests[ident]


def _html_digest(html: str, seen: set[int]) -> str:
    """The digest of a page body, made once per body while the preview keeps it.

    Reused bodies are the very strings of the body cache's memory, so a long-running
    preview hashed the same 3,000 bodies on every rebuild. The memo holds each string, so
    that its id is not reused while it is remembered.
    """
    seen.add(id(html))
    kept = _html_digests.get(id(html))
    if kept is not None and kept[0] is html:
        return kept[1]
    digest = hashlib.sha256(html.encode("utf-8", errors="surrogatepass")).hexdigest()
    _html_digests[id(html)] = (html, digest)
    return digest


_html_digests: dict[int, tuple[str, str]] = {}  # id of a body → (the body, its digest)
