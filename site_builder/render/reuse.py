"""What a long-running process (the preview) reuses between rebuilds of its pages: the
templates' environments, and each item page keyed by the identities of its inputs."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2

from ..cache.bodies import PLAIN
from ..cache.memory import Memory
from ..cache.templates import compiled_templates
from .spec import PageSpec


def environment(
    folder: Path, lang: str, preview: bool, memory: Memory | None = None
) -> jinja2.Environment:
    """Our templates' environment; the preview keeps one per language between rebuilds.

    Each rebuild loaded and compiled every template again (0.1-0.25 s of an edit at 2,000
    items). Jinja checks a kept template's file before each use, so edits still show; the
    globals, bound to the generator of the moment, are set again by each generator.
    """
    key = (folder, lang)
    kept = (memory or Memory()).environments
    env = kept.get(key) if preview else None
    if env is None:
        env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(folder),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            bytecode_cache=compiled_templates if preview else None,
            auto_reload=preview,  # a one-off build: no stat of the file on each use
        )
        if preview:
            kept[key] = env
    return env


@dataclass
class Uses:
    """What a body or a page being made uses: photos, and the body cache entries."""

    images: set[str] = field(default_factory=set)
    bodies: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class Kept:
    """An item page made in an earlier build, with what it was made from and uses."""

    held: list[Any]  # the records whose identities its key holds, kept alive with it
    page: PageSpec
    uses: Uses


VALUES = PLAIN | {dt.date}  # immutable, compared by value


def identity(value: Any, held: list[Any]) -> Any:
    """A part of an item page's key: a value by itself, a frozen record by its identity.

    Validation hands a long-running process the same record while its file is unchanged,
    so an item page whose every input is the same object as last build is the same page.
    `held` keeps each record alive with the key, so that its id is not reused meanwhile.
    Raises `Unkeyed` for anything else: a mutable object could change under one identity.
    """
    kind = type(value)
    if kind in VALUES:  # with its type: True == 1, and both hash alike
        return (kind, value)
    if kind is list or kind is tuple:
        return (kind, *[identity(v, held) for v in value])
    # a class is hashable; mypy doubts it of type[Any]
    if not _frozen(kind):  # type: ignore[arg-type]
        raise Unkeyed
    held.append(value)
    return (kind, id(value))


@functools.lru_cache(maxsize=256)
def _frozen(kind: type) -> bool:
    """Whether `kind` is a frozen record."""
    params = getattr(kind, "__dataclass_params__", None)
    return dataclasses.is_dataclass(kind) and bool(params and params.frozen)


class Unkeyed(Exception):
    """An input that an item page's key cannot hold."""
