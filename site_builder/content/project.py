"""The project folder and its build date."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

VIETNAM = dt.timezone(dt.timedelta(hours=7))  # no daylight saving, no tz database needed
CONFIG_NAME = "mkdocs.yml"


def find_project(start: Path) -> Path | None:
    """Return the folder holding mkdocs.yml at or above `start`, if any."""
    for folder in (start, *start.parents):
        if (folder / CONFIG_NAME).is_file() and (folder / "content").is_dir():
            return folder
    return None


def build_date(project: Path) -> dt.date:
    """Return the build's "today": SOURCE_DATE_EPOCH, else the last commit, in Vietnam time.

    Nothing in the site may depend on the wall clock; without git either, the newest
    content file stands in for the last commit.
    """
    return build_datetime(project).date()


def build_datetime(project: Path) -> dt.datetime:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return dt.datetime.fromtimestamp(int(epoch), VIETNAM)
    try:
        out = subprocess.run(
            ["git", "log", "-1", "--format=%ct"],  # noqa: S607 (git from PATH, fixed args)
            cwd=project,
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        out = ""
    if out.isdigit():
        return dt.datetime.fromtimestamp(int(out), VIETNAM)
    newest = max((p.stat().st_mtime for p in (project / "content").rglob("*")), default=0)
    return dt.datetime.fromtimestamp(int(newest), VIETNAM)


def pin_build_date(project: Path) -> None:
    """Give MkDocs the same build date (its sitemap's lastmod reads SOURCE_DATE_EPOCH)."""
    os.environ.setdefault("SOURCE_DATE_EPOCH", str(int(build_datetime(project).timestamp())))


@contextlib.contextmanager
def pinned_build_date(project: Path) -> Iterator[None]:
    """Pin the build date for one build and the processes it starts, then unpin it.

    A process that builds again later (the web editor's server) must read the date
    anew: pinned for good, a news item saved today would stay "in the future" there.
    A date the user set is theirs and stays.
    """
    if "SOURCE_DATE_EPOCH" in os.environ:
        yield
        return
    pin_build_date(project)
    try:
        yield
    finally:
        os.environ.pop("SOURCE_DATE_EPOCH", None)
