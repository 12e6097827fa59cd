"""The web editor's files in the site: Decap's bundle unpacked once, its page and configuration."""

from __future__ import annotations

import gzip
import hashlib
from pathlib import Path
from typing import Any

from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from .. import pipeline
from ..cache.folder import CacheFolder
from ..cms import config as cms_config
from ..core.cachedir import cache_root

ADMIN = pipeline.ADMIN


def place(files: Files, config: MkDocsConfig, session: pipeline.Session, site: Any) -> None:
    """Put the web editor among the files of the Vietnamese root, where `site` is its
    settings; every other build (`site` None) leaves the editor's files out."""
    admin = [f for f in files if f.src_uri.startswith(ADMIN)]
    for file in admin:  # the web editor lives once, at /admin/ of the Vietnamese root
        files.remove(file)
    if site is None or not cms_config.carried(site):  # one that can save, or none
        return
    for file in admin:
        files.append(unpacked(file, config, session.root))
    for name, text in admin_files(site, session).items():
        files.append(File.generated(config, ADMIN + name, content=text))


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
<style>/* Decap's "back to the site" link: #798291 on #eff0f4 is 3.4:1, under WCAG's 4.5:1 */
a[class*="GoBackButton"] p {{ color: #4f5766; }}</style>
</head>
<body>
<noscript>Trình biên tập cần JavaScript. / The editor needs JavaScript.</noscript>
<script>window.CMS_MANUAL_INIT = true;</script>
<script src="decap/decap-cms.js"></script>
<script src="init.js"></script>
</body>
</html>
"""


def admin_files(site: Any, session: pipeline.Session) -> dict[str, str]:
    """The web editor's page and its configuration, generated from the schema.

    Made once per site record: the preview is handed the same record while `site.yml` is
    unchanged, and dumping the configuration took 0.1 s of every rebuild.
    """
    local = cms_config.local_editor()
    kept = session.editor
    if kept is not None and kept[0][0] is site and kept[0][1] == local:
        return kept[1]
    name = escape(site.site_name.get("vi"))
    files = {
        "index.html": ADMIN_PAGE.format(name=name),
        "init.js": cms_config.init_script(local),
        "config.yml": cms_config.dump(site, local),
    }
    session.editor = (site, local), files
    return files
