"""Worker processes that end with the build that started them.

A build killed from outside (an editor closing the terminal, `kill -9`) must not leave
its workers running: they would go on writing into the cache and the staging folders
that the next build repairs. On Linux the kernel kills them when their parent dies;
elsewhere they end when they next ask their pool for work.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from typing import Any

_PR_SET_PDEATHSIG = 1


def die_with_parent(parent: int) -> None:
    """Ask the kernel to kill this process when `parent` dies (Linux; elsewhere nothing).

    For a pool's initializer or a subprocess' preexec_fn; the signal outlives `exec`, so
    a program started this way (Pagefind) ends with its parent too.
    """
    if sys.platform != "linux":
        return
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the parent died before we asked
        os._exit(1)


def pool(workers: int, context: Any) -> ProcessPoolExecutor:
    """A process pool whose workers die with this process."""
    return ProcessPoolExecutor(
        max_workers=workers,
        mp_context=context,
        initializer=die_with_parent,
        initargs=(os.getpid(),),
    )


def child_dies_with_us() -> Any:
    """A `preexec_fn` for subprocess: the program dies with this process."""
    return partial(die_with_parent, os.getpid()) if sys.platform == "linux" else None


def start_method() -> str:
    """How a worker process starts here: "fork" on Linux (the worker shares what this
    process has read), else "spawn" (a new interpreter, which reads again what it needs):
    Windows has no fork, and on macOS a forked process may crash in the system's
    libraries, which is why Python starts with spawn there. SITE_BUILDER_START_METHOD=spawn
    takes the Windows path on Linux, for the tests of that path.
    """
    methods = multiprocessing.get_all_start_methods()
    asked = os.environ.get("SITE_BUILDER_START_METHOD", "")
    if asked in methods:
        return asked
    return "fork" if "fork" in methods and sys.platform == "linux" else "spawn"


def each(
    context: Any,
    target: Callable[..., Any],
    jobs: list[tuple[Any, ...]],
    meanwhile: Callable[[], Any] | None = None,
) -> list[Any]:
    """Run `target(*job)` for every job at once, each in a process of its own that dies
    with this one, and `meanwhile()` in this one; return what each job returned, in order.

    A job's arguments are not pickled where processes fork (the child has them already:
    the content of a whole archive costs nothing to hand over) and are where they spawn.
    `target` reports its failures as data; a process that ends without answering (killed)
    raises ChildProcessError.
    """
    started = []
    for job in jobs:
        receiver, sender = context.Pipe(duplex=False)
        process = context.Process(target=_answer, args=(os.getpid(), sender, target, job))
        process.start()
        sender.close()  # the child's end: its exit closes the pipe
        started.append((process, receiver))
    results = []
    try:
        if meanwhile is not None:
            meanwhile()
        for process, receiver in started:
            try:
                results.append(receiver.recv())
            except EOFError:
                raise ChildProcessError(f"worker {process.pid} ended without an answer") from None
    finally:
        for process, receiver in started:
            receiver.close()
            if process.is_alive() and len(results) < len(started):
                process.terminate()
            process.join()
    return results


def _answer(parent: int, sender: Any, target: Callable[..., Any], job: tuple[Any, ...]) -> None:
    die_with_parent(parent)
    sender.send(target(*job))
    sender.close()
