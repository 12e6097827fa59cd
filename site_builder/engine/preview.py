"""The live preview's process handling: stopping cleanly, file events, garbage between
rebuilds, and English built in a second process while the Vietnamese page is served."""

from __future__ import annotations

import contextlib
import gc
import logging
import multiprocessing
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any, NamedTuple

from .. import pipeline
from ..core import workers
from .language import english_and_index

log = logging.getLogger("mkdocs.plugins.site_builder")


_STOPS = [getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)]


def stop_as_on_ctrl_c() -> dict[int, Any]:
    """Make the preview stop on SIGTERM and SIGHUP as it does on Ctrl+C.

    MkDocs' preview writes a whole copy of the site into a temporary folder (380 MB at
    2,000 items) and removes it only when Ctrl+C stops it: a service manager's stop, `kill`
    or a closed terminal left the copy behind, once per preview. Returns the handlers
    replaced, for `on_shutdown` to put back.
    """
    if threading.current_thread() is not threading.main_thread():
        return {}  # only the main thread may set handlers; MkDocs' own runs there

    def interrupt(number: int, frame: Any) -> None:
        raise KeyboardInterrupt

    return {number: signal.signal(number, interrupt) for number in _STOPS}


def watch_natively(server: Any, probe: Path, watched: tuple[str, ...] = ()) -> bool:
    """Give MkDocs' preview server the platform's file events instead of polling.

    MkDocs rescans every watched folder twice a second. At 2,000 items the scans held the
    interpreter for about a quarter of each rebuild's time, and an edit waited up to 0.5 s
    to be noticed. Where file events are unavailable (the observer cannot start, or the
    server's internals are not the ones MkDocs 1.6 has) or `SITE_BUILDER_POLL=1` asks for
    it (folders on a network share, whose events may never arrive), MkDocs keeps polling.

    What the server watches moves over through its own `unwatch` and `watch`: `watched`
    names what MkDocs may have told it to watch by now (docs_dir, mkdocs.yml, the theme's
    folders); `probe`, a folder to watch, may be one of them. Should the server watch
    anything else, it keeps polling.

    MkDocs 1.6.x internal: the server's `observer`, a polling one made by `__init__`,
    scheduled on by `watch` and started by `serve`; `unwatch` of a path not watched raises
    KeyError (tests/test_engine.py checks both).
    """
    from watchdog import events
    from watchdog.observers import Observer
    from watchdog.observers.api import BaseObserver

    class ChangesOnly(Observer):  # type: ignore[misc,valid-type]
        """Reports writes, not reads: a build reads every watched file, which polling never
        saw, and each read would ask for the next rebuild."""

        def schedule(self, handler: Any, path: Any, **options: Any) -> Any:
            changes = [events.FileCreatedEvent, events.FileModifiedEvent,
                       events.FileDeletedEvent, events.FileMovedEvent]  # fmt: skip
            return super().schedule(handler, path, **options, event_filter=changes)

    old = getattr(server, "observer", None)
    if os.environ.get("SITE_BUILDER_POLL", "") not in ("", "0"):
        return False
    if not isinstance(old, BaseObserver) or old.is_alive():
        return False
    try:  # start and stop one observer first: a failure inside MkDocs' serve() would end it
        trial = ChangesOnly()
        trial.schedule(events.FileSystemEventHandler(), str(probe), recursive=True)
        trial.start()
        trial.stop()
        trial.join()
    except (OSError, RuntimeError) as exc:
        log.info("File events unavailable (%s): polling for changes", exc)
        return False
    counts: dict[str, int] = {}  # MkDocs counts: a path watched twice is unwatched twice
    for path in dict.fromkeys(os.path.abspath(p) for p in (str(probe), *watched) if p):
        while True:
            try:
                server.unwatch(path)
            except KeyError:  # not watched (any more)
                break
            counts[path] = counts.get(path, 0) + 1
    native = not old.emitters  # else it watches what cannot be moved: it keeps polling
    if native:
        server.observer = ChangesOnly()
    for path, count in counts.items():
        for _ in range(count):
            server.watch(path)
    return native


class IdleCollection:
    """Collect the preview's garbage between rebuilds, not during them.

    The preview keeps what every rebuild reuses (records, bodies, digests) in memory, and
    Python's full collections walked all of it whenever a rebuild made enough objects:
    0.15-0.35 s of a 2 s rebuild at 2,000 items. Soon after a rebuild, while the editor
    looks at the page, one collection runs and then freezes what survived (`gc.freeze`), so
    that a rebuild's collections walk only what it made. The next collection unfreezes
    first: what a later rebuild dropped is collected then, so nothing frozen leaks.
    """

    def __init__(self, delay: float = 1.0) -> None:
        self.delay = delay  # after the browser has reloaded the page
        self.timer: threading.Timer | None = None
        self.lock = threading.Lock()

    def collect_later(self) -> None:
        with self.lock:
            if self.timer is not None:
                self.timer.cancel()
            self.timer = threading.Timer(self.delay, self.collect)
            self.timer.daemon = True
            self.timer.start()

    def cancel(self) -> None:
        with self.lock:
            if self.timer is not None:
                self.timer.cancel()
            self.timer = None

    @staticmethod
    def collect() -> None:
        gc.unfreeze()
        gc.collect()
        gc.freeze()


class _Background(NamedTuple):
    process: Any
    scratch: Path  # its temporary files: a stopped child cannot remove them itself


class English:
    """The preview's English pages and search index, built in a second process.

    MkDocs' preview server answers no request until a rebuild ends; English and Pagefind
    took most of a rebuild, so they run beside it (on the other core) and an edit shows in
    the Vietnamese page first. A newer edit stops an English build still running. The
    process is forked where the system can, else spawned (Windows), and gets the session
    either way: it shows the same content as the Vietnamese pages, the last that built.
    """

    def __init__(self) -> None:
        self.running: _Background | None = None

    def start(self, session: pipeline.Session, site_dir: Path) -> None:
        self.stop()
        scratch = Path(tempfile.mkdtemp(prefix="site-builder-english-"))
        context: Any = multiprocessing.get_context(workers.start_method())
        args = (session, site_dir, scratch)
        process = context.Process(target=_english_in_child, args=args, daemon=True)
        held = _mask(signal.SIG_BLOCK, _STOPS)  # until the child has its own handlers
        try:
            process.start()
            if process.pid and hasattr(os, "setpgid"):  # its own group, set from both sides
                with contextlib.suppress(OSError):  # a spawned child may have set it already
                    os.setpgid(process.pid, process.pid)
        finally:
            _mask(signal.SIG_SETMASK, held)
        self.running = _Background(process, scratch)

    def stop(self) -> None:
        old, self.running = self.running, None
        if old is None:
            return
        if old.process.is_alive():
            _stop_with_its_pagefind(old.process)
            old.process.join()
        shutil.rmtree(old.scratch, ignore_errors=True)

    @property
    def process(self) -> Any:
        return self.running.process if self.running else None


def _mask(how: int, numbers: Any) -> Any:
    """Block or restore signals where the system has signal masks (not Windows)."""
    if not hasattr(signal, "pthread_sigmask"):
        return set()
    return signal.pthread_sigmask(how, numbers)


def _stop_with_its_pagefind(process: Any) -> None:
    """Stop the English build and the Pagefind it started, which would write on."""
    if sys.platform == "win32":  # no process groups: the process and what it started
        tree = ["taskkill", "/F", "/T", "/PID", str(process.pid)]
        quiet = subprocess.DEVNULL
        with contextlib.suppress(OSError):
            subprocess.run(tree, stdout=quiet, stderr=quiet, check=False)  # noqa: S603
        process.terminate()  # where taskkill could not
        return
    try:
        os.killpg(process.pid, signal.SIGTERM)
    except ProcessLookupError:  # no group (it ended, or has none yet): the process alone
        process.terminate()


def _english_in_child(session: pipeline.Session, site_dir: Path, scratch: Path) -> None:
    if hasattr(os, "setpgrp"):  # a group of its own, with its Pagefind: both stop at once
        os.setpgrp()
    for number in _STOPS:  # a newer edit, or the preview's end, stops them: quietly
        signal.signal(number, signal.SIG_DFL)
    # Ctrl+C is the preview's, which stops this then: a spawned child is in the terminal's
    # group until now (Windows: always), and would print a traceback of its own
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _mask(signal.SIG_UNBLOCK, _STOPS)
    tempfile.tempdir = str(scratch)  # stopped at once, it leaves them to `English.stop`
    english_and_index(session, site_dir)


def serve(root: Path, host: str, port: int) -> None:
    """Run MkDocs' live preview of `root` until it is stopped."""
    from mkdocs.commands.serve import serve as mkdocs_serve

    logging.getLogger("mkdocs").setLevel(logging.INFO)
    # "dirty": after an edit, only the pages whose inputs changed are rendered again
    config = str(root / "mkdocs.yml")
    mkdocs_serve(config, open_in_browser=False, dev_addr=f"{host}:{port}", build_type="dirty")
