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
import tempfile
import threading
from pathlib import Path
from typing import Any, NamedTuple

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


def watch_natively(server: Any, probe: Path) -> bool:
    """Give MkDocs' preview server the platform's file events instead of polling.

    MkDocs rescans every watched folder twice a second. At 2,000 items the scans held the
    interpreter for about a quarter of each rebuild's time, and an edit waited up to 0.5 s
    to be noticed. Where file events are unavailable (the observer cannot start, or the
    server's internals are not the ones MkDocs 1.6 has) or `SITE_BUILDER_POLL=1` asks for
    it (folders on a network share, whose events may never arrive), MkDocs keeps polling.
    """
    from watchdog import events
    from watchdog.observers import Observer

    class ChangesOnly(Observer):  # type: ignore[misc,valid-type]
        """Reports writes, not reads: a build reads every watched file, which polling never
        saw, and each read would ask for the next rebuild."""

        def schedule(self, handler: Any, path: Any, **options: Any) -> Any:
            changes = [events.FileCreatedEvent, events.FileModifiedEvent,
                       events.FileDeletedEvent, events.FileMovedEvent]  # fmt: skip
            return super().schedule(handler, path, **options, event_filter=changes)

    watched, refs = getattr(server, "_watched_paths", None), getattr(server, "_watch_refs", None)
    old = getattr(server, "observer", None)
    if os.environ.get("SITE_BUILDER_POLL", "") not in ("", "0"):
        return False
    if not isinstance(watched, dict) or not isinstance(refs, dict) or old is None or old.is_alive():
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
    counts = dict(watched)
    server.observer = ChangesOnly()
    watched.clear()
    refs.clear()
    for path, count in counts.items():
        for _ in range(count):
            server.watch(path)
    return True


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


idle = IdleCollection()


class _Background(NamedTuple):
    process: Any
    scratch: Path  # its temporary files: a stopped child cannot remove them itself


_english: dict[Path, _Background] = {}  # the preview's English build, per site folder


def english_in_background(root: Path, site_dir: Path) -> None:
    """Build the preview's English pages and search index in a forked process.

    MkDocs' preview server answers no request until a rebuild ends; English and Pagefind
    took most of a rebuild, so they run beside it (on the other core) and an edit shows in
    the Vietnamese page first. A newer edit stops an English build still running.
    """
    stop_english(site_dir)
    if "fork" not in multiprocessing.get_all_start_methods():  # Windows: one after the other
        english_and_index(root, site_dir)
        return
    scratch = Path(tempfile.mkdtemp(prefix="site-builder-english-"))
    process = multiprocessing.get_context("fork").Process(
        target=_english_in_child, args=(root, site_dir, scratch), daemon=True
    )
    held = signal.pthread_sigmask(signal.SIG_BLOCK, _STOPS)  # until the child has its own
    try:
        process.start()
        if process.pid:  # its own group, set from both sides: whichever runs first
            with contextlib.suppress(OSError):
                os.setpgid(process.pid, process.pid)
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)
    _english[site_dir] = _Background(process, scratch)


def stop_english(site_dir: Path) -> None:
    old = _english.pop(site_dir, None)
    if old is None:
        return
    if old.process.is_alive():
        try:
            os.killpg(old.process.pid, signal.SIGTERM)  # and its Pagefind, which would write on
        except ProcessLookupError:  # no group (it ended meanwhile): the process alone
            old.process.terminate()
        old.process.join()
    shutil.rmtree(old.scratch, ignore_errors=True)


def _english_in_child(root: Path, site_dir: Path, scratch: Path) -> None:
    os.setpgrp()  # a group of its own, with the Pagefind it starts: both are stopped at once
    for number in _STOPS:  # a newer edit, or the preview's end, stops them: quietly
        signal.signal(number, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOPS)
    tempfile.tempdir = str(scratch)  # stopped at once, it leaves them to `_stop_english`
    english_and_index(root, site_dir)


def stop_all() -> None:
    """Stop every English build still running (the preview ends)."""
    for site_dir in list(_english):
        stop_english(site_dir)


def serve(root: Path, host: str, port: int) -> None:
    """Run MkDocs' live preview of `root` until it is stopped."""
    from mkdocs.commands.serve import serve as mkdocs_serve

    logging.getLogger("mkdocs").setLevel(logging.INFO)
    # "dirty": after an edit, only the pages whose inputs changed are rendered again
    config = str(root / "mkdocs.yml")
    mkdocs_serve(config, open_in_browser=False, dev_addr=f"{host}:{port}", build_type="dirty")
