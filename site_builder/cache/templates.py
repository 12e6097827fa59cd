"""Jinja templates compiled once for the life of the process."""

from __future__ import annotations

import jinja2
import jinja2.bccache


class CompiledTemplates(jinja2.BytecodeCache):
    """Templates compiled once for the life of the process.

    The preview loads a new configuration, hence a new Jinja environment, on every rebuild
    and recompiled Material's templates each time. Kept in memory only: a cache on disk
    would be code that a clone could carry. Jinja checks each entry against its source.
    """

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self.compiled.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


compiled_templates = CompiledTemplates()
