"""The build, in order: load → validate → stop on errors → both languages → swap into place.

Everything is checked before anything is written, and the site is written beside the
target and swapped in only when complete, so a failed build leaves the previous `site/`
as it was. A swap interrupted by a killed run is repaired by the next run.
"""

from __future__ import annotations

import contextlib
import errno
import multiprocessing
import os
import shutil
import time
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

import filelock

from . import pipeline
from .checks import publish_gate
from .content import project
from .content.reading import READERS
from .core import workers
from .core.cachedir import cache_root
from .core.errors import BuildFailed, ContentError, has_errors, machine_problem
from .images import cards
from .output import folders, search, uptodate
from .radio.render import write_all

OK, CONTENT_ERRORS, INTERNAL_ERROR = 0, 1, 3


@dataclass
class Result:
    code: int
    problems: list[ContentError] = field(default_factory=list)
    pages: dict[str, int] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)  # wall time per stage
    cpu_seconds: dict[str, float] = field(default_factory=dict)  # see `Stopwatch`
    up_to_date: bool = False  # nothing had changed: nothing was written


def build(
    root: Path,
    site_dir: Path | None = None,
    *,
    strict: bool = False,
    radio_dir: Path | None = None,
    waiting: Callable[[], None] | None = None,
    preview: bool = False,
    publish: bool = False,
) -> Result:
    """Validate `root`'s content, write the radio scripts into `radio_dir` (they name staff:
    never inside the site), and build both languages into `site_dir` atomically.

    Builds sharing a cache run one at a time; `waiting` is called if this one must wait.
    `preview` (the web editor's): drafts and future items too, marked, into the cache's
    preview folder only (never `site/`), without radio scripts or social cards.
    `publish`: refuse, before writing anything, what the public site may not carry.
    """
    if preview:  # our own folder in the cache: never one an editor names
        target, radio = folders.preview_dirs(root)
    else:
        target = (site_dir or root / "site").absolute()
        radio = (radio_dir or root / "radio").absolute()
        folders.guard(root, target, folders.SITE)  # each raises OutputRefused
        folders.guard(root, radio, folders.RADIO)
        folders.apart(target, radio)
    session = pipeline.Session(root, preview=preview)
    if publish and (refused := publish_gate(root, session.memory)):  # nothing written
        return Result(CONTENT_ERRORS, refused)
    unwritable = [p for p in map(partial(folders.unwritable, root), (target, radio)) if p]
    if unwritable:
        return Result(INTERNAL_ERROR, unwritable)
    seen: list[ContentError] = []  # the content's problems, once read
    with one_at_a_time(root, waiting), project.pinned_build_date(root):
        try:
            return _build(session, target, radio, strict, seen)
        except OSError as exc:  # a folder that cannot be written, a full disk
            problem = machine_problem(root, exc, target)
            if problem is None:
                raise
            with contextlib.suppress(OSError):  # still holding the lock: the next build's
                folders.repair(target, radio)  # staging is not ours to remove
            return Result(INTERNAL_ERROR, [*seen, problem])


@contextlib.contextmanager
def one_at_a_time(root: Path, waiting: Callable[[], None] | None) -> Iterator[None]:
    """Hold the cache's build lock: a build discards the search indexes it did not use, and
    another build's index, half written, is one of them (the web editor's rebuild and an
    editor's own build, or two site folders).

    The lock is `filelock`'s, the same on Linux, macOS and Windows (flock; LockFileEx), and
    it goes with the process, killed or not: the system drops it with the process's last
    descriptor of it, and filelock closes that descriptor in every process forked from
    this one (3.30 and later), so workers that outlive a killed build (where they cannot be
    made to die with it) do not hold it, nor does any program started from here (Python's
    descriptors are not inherited).
    """
    held = _lock(cache_root(root), waiting)
    try:
        yield
    finally:
        if held is not None:
            held.release()


def _lock(folder: Path, waiting: Callable[[], None] | None) -> filelock.BaseFileLock | None:
    """Take the build lock in `folder`, first saying so through `waiting` if another build
    holds it; None where the file system has no locks (some network shares): build unlocked.
    """
    folder.mkdir(parents=True, exist_ok=True)
    # never a lock file in its place, which a killed build would leave saying "locked"
    lock = filelock.FileLock(folder / "build.lock", fallback_to_soft=False)
    try:
        lock.acquire(blocking=False)
    except filelock.Timeout:  # another build holds it (an OSError too: caught first)
        if waiting is not None:
            waiting()
        lock.acquire()
    except OSError as exc:
        if exc.errno not in _NO_LOCKS:
            raise  # a folder that cannot be written: the machine's problem, as any other
        return None
    return lock


_NO_LOCKS = {errno.ENOLCK, errno.ENOSYS, errno.EOPNOTSUPP, errno.ENOTSUP}


def _build(
    session: pipeline.Session, target: Path, radio: Path, strict: bool, seen: list[ContentError]
) -> Result:
    root, preview = session.root, session.preview
    clock = Stopwatch()
    folders.repair(target, radio)  # finishes a killed run's swap of both, or undoes staging
    record = uptodate.Record(root, target, radio, strict)  # the preview's target is its own
    known = record.unchanged()
    if known is not None:  # nothing read has changed and the output is as it was left
        clock.lap("up to date")
        problems, pages = known
        if has_errors(problems, strict):
            return Result(CONTENT_ERRORS, problems)
        return Result(OK, problems, pages, clock.seconds, clock.cpu, up_to_date=True)
    problems = pipeline.load(session, processes=READERS)
    clock.lap("load+validate")
    seen.extend(problems)
    if has_errors(problems, strict):
        return Result(CONTENT_ERRORS, problems)
    try:
        pipeline.images(session)
    except BuildFailed as exc:
        return Result(CONTENT_ERRORS, problems + exc.problems)
    clock.lap("images")
    # English is built into an "en" folder, so its search index gets the URLs it will have
    staging, holder = folders.sibling(target, "new"), folders.sibling(target, "new-en")
    staging_en = holder / "en"
    for folder in (staging, holder):
        shutil.rmtree(folder, ignore_errors=True)
    jobs = [(session, "vi", staging, strict, target), (session, "en", staging_en, strict, target)]
    # fork shares the validated content; where there is no fork, it is pickled
    context = multiprocessing.get_context(workers.start_method())
    outcomes = workers.each(context, _build_one, jobs)
    clock.lap("languages (parallel)")
    for (_, lang, *_), outcome in zip(jobs, outcomes, strict=True):
        for stage, spent in outcome[2].items():
            clock.seconds[f"{lang}: {stage}"] = spent
        for stage, spent in outcome[5].items():  # a breakdown of "languages (parallel)"
            clock.cpu[f"{lang}: {stage}"] = spent
    failures = [o for o in outcomes if o[0] != OK]
    if failures:
        shutil.rmtree(staging, ignore_errors=True)
        shutil.rmtree(holder, ignore_errors=True)
        code = max(o[0] for o in failures)
        found = {p.format("en"): p for o in failures for p in o[1]}  # both languages may see it
        return Result(code, problems + list(found.values()))
    try:
        if not preview:  # the preview draws none, as `serve`
            draw_cards(root, [(staging, outcomes[0][3]), (staging_en, outcomes[1][3])], context)
    except Exception as exc:  # our bug, or a full disk: the live site stays as it was
        shutil.rmtree(staging, ignore_errors=True)
        shutil.rmtree(holder, ignore_errors=True)
        return Result(INTERNAL_ERROR, [*problems, _failure(root, exc, target)])
    clock.lap("social cards")
    staging_en.rename(staging / "en")
    holder.rmdir()
    indexes = [outcome[4] for outcome in outcomes]
    try:
        search.assemble(indexes, staging / search.BUNDLE)
    except (BuildFailed, OSError) as exc:
        shutil.rmtree(staging, ignore_errors=True)
        why = exc.problems if isinstance(exc, BuildFailed) else [_failure(root, exc, target)]
        return Result(INTERNAL_ERROR, problems + why)
    clock.lap("search index")
    folders.mark(staging, folders.SITE)
    swaps = [(staging, target)]
    content = session.content
    assert content is not None
    if not preview and (content.programmes or folders.marked(radio) == folders.RADIO):
        # staged, then swapped with the site: the scripts are never of another build
        staged_radio = folders.sibling(radio, "new")
        shutil.rmtree(staged_radio, ignore_errors=True)
        write_all(root, content, staged_radio)
        folders.mark(staged_radio, folders.RADIO)
        swaps.append((staged_radio, radio))
        clock.lap("radio")
    previous = folders.swap_together(swaps)
    # the previous site and each language's earlier index (or an earlier layout's digest)
    stale = previous + search.stale(root, indexes)
    folders.discard(stale, cache_root(root) / "trash")
    clock.lap("swap")
    site, pages = uptodate.survey(target)
    try:
        record.write(problems, pages, site)
    except OSError:  # without a record the next build is a full one, nothing worse
        pass
    clock.lap("record")
    return Result(OK, problems, pages, clock.seconds, clock.cpu)


def _build_one(
    session: pipeline.Session, lang: str, site_dir: Path, strict: bool, target: Path
) -> tuple[int, list[ContentError], dict[str, float], set[cards.Card], Path, dict[str, float]]:
    """Build and index one language in a worker process; report failures as data.

    `site_dir` is where the pages go; `target` the folder they will become, named to the
    editor when the disk fails without naming a file. Returns, last, the CPU time of the
    language's pages (MkDocs with our page bodies: this process) and of its search index
    (Pagefind: its child).
    """
    from .engine.language import build_language

    root = session.root
    tree = site_dir if lang == "vi" else site_dir.parent  # what the index's URLs start from
    try:
        own = time.process_time()
        seconds, wanted = build_language(
            session, lang, site_dir, strict=strict, draw_cards=False, fresh=True
        )
        cpu = {"pages": time.process_time() - own}
        started, children = time.perf_counter(), _children_cpu()
        index = search.index_language(root, tree, lang)
        seconds["search index"] = time.perf_counter() - started
        cpu["search index"] = _children_cpu() - children
    except BuildFailed as exc:
        internal = any(p.code == "internal-error" for p in exc.problems)  # Pagefind failed
        code = INTERNAL_ERROR if internal else CONTENT_ERRORS
        return code, exc.problems, {}, set(), tree, {}
    except Exception as exc:  # our bug: name where it happened, without a traceback
        return INTERNAL_ERROR, [_failure(root, exc, target)], {}, set(), tree, {}
    return OK, [], seconds, wanted, index, cpu


_PACKAGE = Path(__file__).parent


def _failure(root: Path, exc: Exception, near: Path) -> ContentError:
    """The machine's error as such; else our bug, named by the last line of ours it passed."""
    problem = machine_problem(root, exc, near)
    if problem is not None:
        return problem
    detail = "".join(traceback.format_exception_only(type(exc), exc)).strip()
    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if Path(f.filename).parent.is_relative_to(_PACKAGE)]
    where = (ours or frames)[-1] if frames else None
    path = f"{where.filename}:{where.lineno}" if where else "site_builder"
    return ContentError(path, 0, 0, "internal-error", {"detail": detail})


def draw_cards(root: Path, wanted: list[tuple[Path, set[cards.Card]]], context: Any) -> None:
    """Draw the cards the cache lacks, both languages at once on every core, then place them.

    Part of the image stage (#5), as the photos are: timed apart from the pages. Drawing
    them inside each language's process left one core idle whenever one language had fewer.
    """
    needed = cards.missing(root, set().union(*(w for _, w in wanted)))
    count = min(os.cpu_count() or 1, 4, max(1, len(needed) // 50))
    if count > 1:
        chunks = [needed[n::count] for n in range(count)]
        with workers.pool(count, context) as pool:
            list(pool.map(cards.draw_into_cache, [root] * count, chunks))
    else:
        cards.draw_into_cache(root, needed)
    for folder, own in wanted:
        cards.place_all(root, own, folder)


class Stopwatch:
    """Wall time and CPU time per stage, for benchmarks/build.py.

    CPU time is user and system time of this process and of the processes it waited for
    (the readers, the image workers, the language builds and their Pagefind): on two cores
    a build cannot take less wall time than half of it, whatever the order of its stages.
    """

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self.cpu: dict[str, float] = {}
        self.last, self.last_cpu = time.perf_counter(), _all_cpu()

    def lap(self, stage: str) -> None:
        now, cpu = time.perf_counter(), _all_cpu()
        self.seconds[stage] = self.seconds.get(stage, 0.0) + now - self.last
        self.cpu[stage] = self.cpu.get(stage, 0.0) + cpu - self.last_cpu
        self.last, self.last_cpu = now, cpu


def _all_cpu() -> float:
    return time.process_time() + _children_cpu()


def _children_cpu() -> float:
    spent = os.times()  # the children's fields are 0 on Windows
    return spent.children_user + spent.children_system
