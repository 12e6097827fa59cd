"""Material's JavaScript as the site serves it: without the integration that fetched sitemaps.

Material 9.x internal, written against 9.8.2 (tests/test_engine.py checks it on the installed
bundle): its bundle runs `setupAlternate` on every page, whatever the configuration. For each
`<link rel="alternate">` (our hreflang and feed links) it fetches the `sitemap.xml` beside the
link's address, to remap Material's own language menu when one of its links is clicked. This
site's switcher is a plain link to the page's other language, so the fetches were only waste:
two or three a page, the feeds' one a 404 (`tin-tuc/sitemap.xml`), the hreflang ones sent to
the public host even from a preview. No setting turns the integration off, so the site serves
Material's bundle with that one call blanked out by spaces: the bundle keeps its length and
its name, so its source map still fits.
"""

from __future__ import annotations

import functools
import logging
import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

log = logging.getLogger("mkdocs.plugins.site_builder")

BUNDLE = re.compile(r"assets/javascripts/bundle\.[0-9a-f]+\.min\.js")
_NAME = rb"[\w$]+"  # a minified identifier
# The minified `setupAlternate({ document$ })`: a map of sitemaps, over `link[rel=alternate]`
SETUP = re.compile(
    rb"function (" + _NAME + rb")\(\{document\$:" + _NAME + rb"\}\)\{let " + _NAME
    + rb"=new Map;" + _NAME + rb"\.pipe\(" + _NAME + rb"\(\(\)=>" + _NAME
    + rb'\("link\[rel=alternate\]"\)'
)  # fmt: skip


def without_alternate(script: bytes) -> bytes | None:
    """Material's bundle with its one call of `setupAlternate` blanked out; None when the
    bundle does not hold exactly the function and the one call expected."""
    setups = SETUP.findall(script)
    if len(setups) != 1:
        return None
    name = re.escape(setups[0])
    call = rb"(?<![\w$.])" + name + rb"\(\{document\$:" + _NAME + rb"\}\);"
    calls = list(re.finditer(call, script))
    if len(calls) != 1:
        return None
    start, end = calls[0].span()
    return script[:start] + b" " * (end - start) + script[end:]


@functools.lru_cache(maxsize=4)
def _served(path: str, size: int, mtime: int) -> bytes | None:
    return without_alternate(Path(path).read_bytes())


def serve_without_alternate(files: Files, config: MkDocsConfig) -> None:
    """Put the bundle without `setupAlternate` in the place of Material's, among `files`."""
    bundle = next((f for f in files if BUNDLE.fullmatch(f.src_uri) and f.abs_src_path), None)
    if bundle is None or bundle.abs_src_path is None:
        return  # not Material's theme: nothing to leave out
    stat = Path(bundle.abs_src_path).stat()
    script = _served(bundle.abs_src_path, stat.st_size, stat.st_mtime_ns)
    if script is None:
        log.warning(
            "Material's %s is not the one site_builder/engine/material.py knows: served as it "
            "is, it fetches sitemap.xml beside every <link rel=alternate>",
            bundle.src_uri,
        )
        return
    files.remove(bundle)
    files.append(File.generated(config, bundle.src_uri, content=script))
