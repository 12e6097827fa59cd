"""Put cached files into a site: a hard link where the file system allows, else a copy.

Cache entries are named by what they hold and never written again, so a site may share
their bytes. A link costs a directory entry where a copy costs the bytes, and removing the
previous site then frees entries, not data (measured here for 5,000 files of 30 KB: copying
1.57 s, linking 0.11 s; removing the copies 1.13 s, the links 0.06 s). Nothing writes into a
placed file: builds write only into fresh files, and the preview, whose folder MkDocs writes
into again, copies its pages instead (`link=False`).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path


def place(source: Path, target: Path, *, link: bool = True) -> None:
    """Make `target` hold `source`'s bytes, replacing what was there.

    A file already at `target` is removed, never written into: it may be a link to
    another cache entry.
    """
    try:
        if os.path.samefile(source, target):
            return
        target.unlink()
    except FileNotFoundError:
        pass
    if link:
        try:
            os.link(source, target)
            return
        except OSError:  # another file system, or one without hard links: copy
            pass
    shutil.copyfile(source, target)


def place_tree(source: Path, target: Path) -> None:
    """Place every file below `source` at the same path below `target`, which may exist."""
    shutil.copytree(
        source, target, dirs_exist_ok=True, copy_function=lambda s, t: place(Path(s), Path(t))
    )
