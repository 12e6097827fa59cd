"""The image cache: outputs keyed by the source's bytes and the settings, outside site/.

A rebuild hashes only sources whose (size, mtime) changed and decodes only sources whose
key has no entry yet; entries are written to a temporary folder and renamed into place,
so a killed build never leaves a half entry. Only outputs that pages use are placed into
the site (linked, see `placing`), so removing a photo from the content removes it from the
next build.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import shutil
import sys
import unicodedata
from collections.abc import Iterator
from dataclasses import asdict, replace
from pathlib import Path, PurePosixPath

from ..cache.memory import Memory
from ..core.cachedir import cache_root
from ..core.checkpoints import checkpoint
from ..core.errors import BuildFailed, ContentError
from ..core.workers import pool as worker_pool
from ..core.workers import start_method
from ..text.slugs import slugify
from .placing import place
from .process import ImageProblem, Processed, Settings, Variant, process

PROGRESS_FROM = 5  # show a progress line when more new images than this
STEM_CHARS = 80  # of an output's name taken from its source's path


def cache_dir(project: Path) -> Path:
    return cache_root(project) / "images"


def locate(images: Path, src: str) -> Path:
    """Return the file that `src` (a path below `images`) names, as the disk spells it.

    Content is NFC; a file named on a Mac may be NFD on disk, and Linux tells the two apart:
    a part of the path not found as written is looked up by its NFC form in its folder.
    """
    path = images / src
    if src.isascii() or os.path.lexists(path):  # ASCII is spelled one way only
        return path
    found = images
    for part in PurePosixPath(src).parts:
        if not os.path.lexists(found / part):
            wanted = unicodedata.normalize("NFC", part)
            try:
                names = sorted(os.listdir(found))
            except OSError:
                return path
            part = next((n for n in names if unicodedata.normalize("NFC", n) == wanted), part)
        found = found / part
    return found


def url_of(src: str, processed: Processed, variant: Variant) -> str:
    """Return the site path of one output: readable, and new whenever the bytes change.

    The readable part is cut short: a source name near the file system's limit of 255
    bytes must not make an output name past it (the key keeps names apart).
    """
    stem = slugify(str(PurePosixPath(src).with_suffix("")))[:STEM_CHARS].rstrip("-") or "anh"
    return f"anh/{stem}-{processed.key[:10]}-{variant.name}"


def prepare(
    project: Path,
    sources: dict[str, tuple[str, int, int, str]],
    settings: Settings,
    workers: int | None = None,
    memory: Memory | None = None,
) -> dict[str, Processed]:
    """Make sure every source in `sources` (src → path, line, column and key of its first
    reference) is in the cache; report a source that cannot be decoded at that reference."""
    root = cache_dir(project)
    root.mkdir(parents=True, exist_ok=True)
    metas = (memory or Memory()).metas  # a long-running process reads each entry once
    for partial in root.glob("*.part-*"):  # left by a killed build: never complete entries
        if partial.is_dir():
            shutil.rmtree(partial, ignore_errors=True)
        else:
            partial.unlink(missing_ok=True)
    index = _load_index(root)
    before = json.dumps(index, sort_keys=True)
    signature = settings.signature()
    result: dict[str, Processed] = {}
    todo: list[tuple[str, Path, Path]] = []
    for src in sorted(sources):
        path = locate(project / "content" / "images", src)
        digest = _digest(path, src, index)
        key = hashlib.sha256(f"{digest}:{signature}".encode()).hexdigest()
        entry = root / key
        meta = entry / "meta.json"
        if meta.is_file():
            result[src] = _read_meta(meta, key, metas)
        else:
            todo.append((src, path, entry))
    if json.dumps(index, sort_keys=True) != before:
        _save_index(root, index)
    for gone in set(metas) - {p.key for p in result.values()}:  # keep this build's only
        del metas[gone]
    problems: list[ContentError] = []
    for src, outcome in _run(todo, settings, workers):
        if isinstance(outcome, Processed):
            result[src] = metas[outcome.key] = outcome
        else:
            where, line, col, key = sources[src]
            args = {"found": src, **outcome.args_}
            problems.append(ContentError(where, line, col, outcome.code, args, key))
    if problems:
        raise BuildFailed(problems)
    return result


def publish(project: Path, used: dict[str, Processed], site_dir: Path) -> None:
    """Place the outputs of the images pages use into the site."""
    root = cache_dir(project)
    for src, processed in used.items():
        for variant in processed.variants:
            target = site_dir / url_of(src, processed, variant)
            source = root / processed.key / variant.name
            target.parent.mkdir(parents=True, exist_ok=True)
            place(source, target)  # already there (a link) in the preview's folder: kept


def _digest(path: Path, src: str, index: dict[str, list]) -> str:
    """Return the source's sha256, trusting the index when size and mtime are unchanged."""
    stat = path.stat()
    known = index.get(src)
    if known and known[0] == stat.st_size and known[1] == stat.st_mtime_ns:
        return str(known[2])
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    index[src] = [stat.st_size, stat.st_mtime_ns, digest]
    return digest


Outcome = tuple[str, Processed | ImageProblem]


def _run(
    todo: list[tuple[str, Path, Path]], settings: Settings, workers: int | None
) -> Iterator[Outcome]:
    """Process new sources across the cores; yield (src, Processed or ImageProblem)."""
    if not todo:
        return
    workers = max(1, min(workers or os.cpu_count() or 1, len(todo)))
    show = len(todo) > PROGRESS_FROM and sys.stderr.isatty()
    if workers == 1:
        outcomes = (_one(src, path, entry, settings) for src, path, entry in todo)
        for n, outcome in enumerate(outcomes, 1):
            _progress(show, n, len(todo))
            yield outcome
        return
    context = multiprocessing.get_context(start_method())
    with worker_pool(workers, context) as pool:
        futures = [pool.submit(_one, src, path, entry, settings) for src, path, entry in todo]
        for n, future in enumerate(futures, 1):
            _progress(show, n, len(todo))
            yield future.result()


def _one(src: str, path: Path, entry: Path, settings: Settings) -> Outcome:
    """Process one source into a temporary folder, then rename it into the cache."""
    partial = entry.with_name(f"{entry.name}.part-{os.getpid()}")
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    try:
        processed = process(path, partial, settings)
        checkpoint("images")
    except ImageProblem as exc:
        shutil.rmtree(partial, ignore_errors=True)
        return src, exc
    except (OSError, ValueError, SyntaxError) as exc:  # truncated or corrupt pixel data
        shutil.rmtree(partial, ignore_errors=True)
        return src, ImageProblem("bad-image", detail=str(exc) or type(exc).__name__)
    processed = replace(processed, key=entry.name)
    (partial / "meta.json").write_text(json.dumps(_meta(processed)), encoding="utf-8")
    try:
        partial.rename(entry)
    except OSError:  # another process made the same entry first: theirs is as good
        shutil.rmtree(partial, ignore_errors=True)
    return src, processed


def _meta(processed: Processed) -> dict:
    return {**asdict(processed), "variants": [asdict(v) for v in processed.variants]}


def _read_meta(path: Path, key: str, metas: dict[str, Processed]) -> Processed:
    """Read an entry's description; an entry never changes once written (its name is the
    digest of its source and settings), so a long-running preview reads each one once."""
    kept = metas.get(key)
    if kept is not None:
        return kept
    data = json.loads(path.read_text(encoding="utf-8"))
    data["variants"] = tuple(Variant(**v) for v in data["variants"])
    processed = metas[key] = Processed(**data)
    return processed


def _load_index(root: Path) -> dict[str, list]:
    try:
        return json.loads((root / "index.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _save_index(root: Path, index: dict[str, list]) -> None:
    partial = root / f"index.json.part-{os.getpid()}"
    partial.write_text(json.dumps(index, sort_keys=True), encoding="utf-8")
    os.replace(partial, root / "index.json")


def _progress(show: bool, n: int, total: int) -> None:
    if show:
        end = "\n" if n == total else ""
        print(f"\rẢnh / images: {n}/{total}", end=end, file=sys.stderr, flush=True)
