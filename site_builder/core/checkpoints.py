"""Named points where a test can pause a real build, to kill it there and check the result."""

from __future__ import annotations

import os
import time
from pathlib import Path


def checkpoint(name: str) -> None:
    """Pause at a named point when a test asks, so that it can kill a real build there.

    Set SITE_BUILDER_PAUSE_AT to the point's name and SITE_BUILDER_PAUSE_FILE to a path;
    the build writes the point's name and its process id there, and waits. Points: images,
    mkdocs, swap, swapping (between the site and the radio scripts), renamed (between the
    two renames of a swap where folders cannot be exchanged in one step).
    """
    if os.environ.get("SITE_BUILDER_PAUSE_AT") == name:
        told = Path(os.environ["SITE_BUILDER_PAUSE_FILE"])
        told.with_name(told.name + ".part").write_text(f"{name} {os.getpid()}", "utf-8")
        told.with_name(told.name + ".part").replace(told)  # whole when it appears
        time.sleep(3600)
