"""What a long-running process keeps between builds of one project's pages, in one object.

The preview's session owns one for as long as it runs and hands it to each rebuild's
stages; a build starts with an empty one, so nothing it made outlives it. Every entry is
keyed by what it was made from (a record's identity, which validation keeps while its file
is unchanged, or the shape of a list): a kept entry is what would be made again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class Memory:
    # each content file's result, the very record, while its bytes and the images it names
    # stay (content/reading.py): what is keyed by a record is then found again
    files: dict[tuple[str, str, str], tuple[str, list[Any], Any, Any]] = field(default_factory=dict)
    metas: dict[str, Any] = field(default_factory=dict)  # image cache entry → its description
    # id of a frozen record → (the record, the digest of its repr); the record is held, so
    # that its id is not reused while it is remembered
    records: dict[int, tuple[Any, str]] = field(default_factory=dict)
    bodies: dict[Path, dict[str, tuple[str, list[str]]]] = field(default_factory=dict)
    items: dict[Path, dict[tuple[Any, ...], Any]] = field(default_factory=dict)  # item pages
    related: dict[tuple[Any, ...], dict[tuple[str, int], tuple[str, ...]]] = field(
        default_factory=dict
    )  # the news list's shape → each item's related items
    environments: dict[tuple[Path, str], Any] = field(default_factory=dict)  # Jinja's
