"""What a build hands to the MkDocs processes it forks: validated content, processed images.

Read once by `site-builder build` before it forks a process per language; plain `mkdocs
build` and the preview's Vietnamese build read the content themselves.
"""

from __future__ import annotations

from pathlib import Path

from ..checks import load_content
from ..content.model import Content
from ..core.errors import ContentError
from ..images.cache import prepare
from ..images.process import Processed, Settings

_preloaded: dict[Path, tuple[Content, list[ContentError]]] = {}
_processed: dict[Path, dict[str, Processed]] = {}


def preload(
    project: Path,
    loaded: tuple[Content, list[ContentError]],
    processed: dict[str, Processed] | None = None,
) -> None:
    """Keep validated content and processed images for build processes forked from this one."""
    _preloaded[project.resolve()] = loaded
    if processed is not None:
        _processed[project.resolve()] = processed


def forget(project: Path) -> None:
    """Drop what `preload` kept: the preview reads the content anew on every rebuild."""
    _preloaded.pop(project.resolve(), None)
    _processed.pop(project.resolve(), None)


def image_settings(content: Content) -> Settings:
    site = content.site
    if site is None:
        return Settings()
    return Settings(widths=tuple(site.image_widths), avif=site.image_avif)


def images(project: Path, content: Content) -> dict[str, Processed]:
    """Return every referenced image, processed: preloaded, or made now (cache first)."""
    known = _processed.get(project.resolve())
    if known is not None:
        return known
    return prepare(project, content.image_refs, image_settings(content))


def load(project: Path) -> tuple[Content, list[ContentError]]:
    """Return the content of `project`: preloaded by `site-builder build`, else read now."""
    return _preloaded.get(project.resolve()) or load_content(project)
