"""The digest of what renders pages but is not content: our code, templates, versions."""

from __future__ import annotations

import functools
import hashlib
from importlib import metadata
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent  # site_builder/, every subpackage


def _code_digest(templates: Path) -> str:
    """Hash what renders pages but is not content: our code, the templates, the versions.

    Hashed again whenever a file's size or time differs: the preview runs for hours, and a
    template edited meanwhile must not meet the bodies of the old one.
    """
    files = [p for folder in (PACKAGE, templates) for p in folder.rglob("*")
             if p.is_file() and "__pycache__" not in p.parts]  # fmt: skip
    signature = tuple((str(p), (st := p.stat()).st_size, st.st_mtime_ns) for p in files)
    return _digest_of(templates, signature)


@functools.lru_cache(maxsize=8)
def _digest_of(templates: Path, signature: tuple[tuple[str, int, int], ...]) -> str:
    """The digest of the files `signature` names, as they are when it was taken."""
    files = [Path(name) for name, _, _ in signature]
    digest = hashlib.sha256()
    for name in ("mkdocs", "mkdocs-material", "jinja2", "markupsafe"):
        digest.update(f"{name}={metadata.version(name)}\0".encode())
    for folder in (PACKAGE, templates):
        below = (p for p in files if p.is_relative_to(folder))
        for path in sorted(below):
            digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
            digest.update(path.read_bytes())
    return digest.hexdigest()


def code_digest(root: Path) -> str:
    """The digest of our code, the templates and the rendering libraries' versions."""
    return _code_digest(root / "templates")
