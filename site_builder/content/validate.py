"""Read every file of content/ into the model and check what spans files (ids, references).

Every problem of the run is collected; the caller decides whether to stop.
"""

from __future__ import annotations

import dataclasses
import difflib
import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..cache.memory import Memory
from ..core.errors import WARNING, ContentError, has_errors
from ..text.i18n import Text
from ..text.slugs import MAX_ID, commune_key, free_id, is_reserved, is_valid_id, shorten, slugify
from .model import (
    FIELD_IDS,
    AchievementField,
    Album,
    Commendation,
    Content,
    Glossary,
    Milestone,
    NewsItem,
    Person,
    Plan,
    Programme,
    Site,
)
from .reading import Job, read_all, read_file
from .urls import guid


@dataclass(frozen=True)
class Kind:
    """A kind of item kept one per file in a folder of content/."""

    name: str
    attr: str
    folder: str
    pattern: str
    cls: type
    label: Text


KINDS = (
    Kind("field", "fields", "fields", "*.yml", AchievementField, Text("lĩnh vực", "field")),
    Kind("milestone", "milestones", "milestones", "*.yml", Milestone, Text("mốc", "milestone")),
    Kind("person", "people", "people", "*.yml", Person, Text("người hoặc tập thể", "person")),
    Kind(
        "commendation",
        "commendations",
        "commendations",
        "*.yml",
        Commendation,
        Text("quyết định khen thưởng", "commendation"),
    ),
    Kind("news", "news", "news", "*/*.yml", NewsItem, Text("tin", "news item")),
    Kind("album", "albums", "albums", "*.yml", Album, Text("album", "album")),
    Kind(
        "programme",
        "programmes",
        "radio",
        "*.yml",
        Programme,
        Text("chương trình phát thanh", "radio programme"),
    ),
)
SINGLES = (
    ("site", "site.yml", Site),
    ("plan", "plan.yml", Plan),
    ("glossary", "glossary.yml", Glossary),
)
OPTIONAL = {"glossary.yml"}


Check = Callable[[Content], list[ContentError]]


def load_content(
    project: Path, processes: int = 1, checks: Sequence[Check] = (), memory: Memory | None = None
) -> tuple[Content, list[ContentError]]:
    """Return the content model and every problem found in content/.

    `memory`: what a long-running process keeps from its last load, to read only the
    files changed since (and hand back the very records of the others).

    With `processes` > 1, a load that finds many files not yet read (a fresh process: a
    build, a check) reads them in that many forked processes where the platform can fork.
    `checks` are the output stages' own (see `site_builder.checks`), run on valid content.
    """
    content = Content()
    # in file order: a problem found before reading, or the file to read and where it goes
    steps: list[ContentError | tuple[Job, str, Kind | None]] = []
    known: dict[str, set[str]] = {}
    links: dict[Path, str | None] = {}  # what `outside_content` found, folders once
    for attr, name, cls in SINGLES:
        rel = f"content/{name}"
        if not (project / rel).is_file():
            if name in OPTIONAL:
                continue
            steps.append(ContentError(rel, 0, 0, "missing-file", {"found": rel, "suggestion": ""}))
            continue
        if _left_out(project, project / rel, links, steps):
            continue
        steps.append((Job(rel, cls, {"path": rel}, cls is Plan), attr, None))
    for kind in KINDS:
        seen: dict[str, str] = {}
        setattr(content, kind.attr, {})
        for file in sorted((project / "content" / kind.folder).glob(kind.pattern)):
            rel = file.relative_to(project).as_posix()
            if _left_out(project, file, links, steps):
                continue
            item_id = file.stem
            if not is_valid_id(item_id):
                args = {"found": file.name, "suggestion": free_id(slugify(item_id) or "ten-tep")}
                steps.append(ContentError(rel, 0, 0, "bad-id", args))
                continue
            if problem := _name_problem(file.relative_to(project / "content" / kind.folder)):
                steps.append(ContentError(rel, 0, 0, *problem))
                continue
            if kind.name == "field" and item_id not in FIELD_IDS:
                args = {"found": item_id, "valid": ", ".join(FIELD_IDS)}
                steps.append(ContentError(rel, 0, 0, "bad-field-id", args))
                continue
            if item_id in seen:
                args = {"id": item_id, "other": seen[item_id]}
                steps.append(ContentError(rel, 0, 0, "duplicate-id", args))
                continue
            seen[item_id] = rel
            steps.append((Job(rel, kind.cls, {"id": item_id, "path": rel}, True), item_id, kind))
        known[kind.name] = set(seen)
    jobs = [step[0] for step in steps if not isinstance(step, ContentError)]
    files = (memory or Memory()).files
    read = iter(read_all(project, jobs, processes, files))
    problems: list[ContentError] = []
    refs = []
    images: list[Any] = []
    aliases: list[tuple[Kind, Any]] = []
    drafts: dict[tuple[str, str], str] = {}  # (kind, id) of every draft -> its file
    for step in steps:
        if isinstance(step, ContentError):
            problems.append(step)
            continue
        _, name, in_kind = step
        record, ctx = next(read)
        problems += ctx.problems
        refs += ctx.refs
        images += ctx.images
        if in_kind is None:  # one of the single files: `name` is its attribute
            if record is not None:
                setattr(content, name, record)
            continue
        aliases += [(in_kind, alias) for alias in ctx.aliases]
        if ctx.draft:
            drafts[in_kind.name, name] = ctx.rel
        if record is not None:
            getattr(content, in_kind.attr)[name] = record
    for image in images:
        content.image_refs.setdefault(image.id, (image.path, image.line, image.col, image.key))
    problems += _check_refs(refs, known)
    problems += _draft_refs(refs, drafts)
    problems += _draft_links(content, drafts)
    problems += _check_aliases(aliases, known)
    problems += _check_guids(content)
    problems += _consent_warnings(content)
    problems += _radio_consent(content)
    problems += _check_communes(content)
    problems += _check_tag_names(content)
    if not has_errors(problems):  # e.g. a radio script can only be timed from valid content
        for check in checks:
            problems += check(content)
    return content, problems


def _left_out(project: Path, file: Path, links: dict[Path, str | None], steps: list[Any]) -> bool:
    """True if `file` resolves outside content/; the link that leads out is reported once.

    A content file or folder linked to /etc/passwd would be published, or printed in a
    message; nothing is read through such a link (#28).
    """
    reported = set(links.values())
    link = outside_content(project, file, links)
    if link is None:
        return False
    if link not in reported:
        steps.append(ContentError(link, 0, 0, "outside-content", {}))
    return True


def outside_content(
    project: Path, file: Path, known: dict[Path, str | None] | None = None
) -> str | None:
    """Return the link (project-relative) by which `file` leaves content/, or None.

    Only links are resolved, each part below content/ checked with one `lstat`; `known`
    keeps what folders were found to be, for the next file in them.
    """
    known = {} if known is None else known
    content = project / "content"
    path, parts = content, file.relative_to(content).parts
    for n, part in enumerate(parts, 1):
        path = path / part
        if path in known:
            found = known[path]
        else:
            found = None
            if path.is_symlink():
                real, inside = os.path.realpath(path), os.path.realpath(content)
                if not real.startswith(inside + os.sep):
                    found = path.relative_to(project).as_posix()
            if n < len(parts):  # a folder: the files beside this one share it
                known[path] = found
        if found is not None:
            return found
    return None


def load_reading(project: Path) -> Content:
    """Read only what the spoken form needs (the glossary, the radio settings), for `say`."""
    content = Content()
    for attr, name, cls in SINGLES:
        file = project / "content" / name
        if attr in ("site", "glossary") and file.is_file() and not outside_content(project, file):
            record, _ = read_file(project, f"content/{name}", cls, {"path": f"content/{name}"})
            setattr(content, attr, record)
    return content


def _check_refs(refs: list, known: dict[str, set[str]]) -> list[ContentError]:
    problems = []
    kinds = {k.name: k for k in KINDS}
    for ref in refs:
        ids = known.get(ref.kind, set())
        if ref.id in ids:
            continue
        kind = kinds[ref.kind]
        close = difflib.get_close_matches(ref.id, sorted(ids), n=1, cutoff=0.6)
        suggestion = (
            Text(f", ví dụ '{close[0]}'", f", e.g. '{close[0]}'") if close else Text("", "")
        )
        args = {
            "kind": kind.label,
            "id": ref.id,
            "folder": f"content/{kind.folder}/",
            "suggestion": suggestion,
        }
        problems.append(ContentError(ref.path, ref.line, ref.col, "dangling-ref", args, ref.key))
    return problems


def _draft_refs(refs: list, drafts: dict[tuple[str, str], str]) -> list[ContentError]:
    """Refuse a published item that names a draft: its page, list or script would lead to
    something the public build leaves out. A draft may name another draft."""
    kinds = {k.name: k for k in KINDS}
    draft_files = set(drafts.values())
    problems = []
    for ref in refs:
        other = drafts.get((ref.kind, ref.id))
        if other is None or ref.path in draft_files:
            continue
        args = {"kind": kinds[ref.kind].label, "id": ref.id, "other": other}
        problems.append(ContentError(ref.path, ref.line, ref.col, "draft-ref", args, ref.key))
    return problems


# the item pages a Markdown body may link to, by kind: `/tin-tuc/<id>/`, `../../thu-vien-anh/<id>/`
_PAGES = {"news": "tin-tuc", "person": "guong-dien-hinh", "album": "thu-vien-anh"}
_PAGE_LINK = re.compile(r"(?:^|/)(tin-tuc|guong-dien-hinh|thu-vien-anh)/([a-z0-9-]+)/?$")
_LINKS = (
    re.compile(r"\]\(\s*<?([^)\s>]+)"),  # [words](target)
    re.compile(r"^\s*\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)", re.MULTILINE),  # [ref]: target
    re.compile(r"href\s*=\s*[\"']?([^\"'\s>]+)", re.IGNORECASE),  # raw <a href>
)


def _draft_links(content: Content, drafts: dict[tuple[str, str], str]) -> list[ContentError]:
    """Refuse a link in a published item's Markdown to a draft's page: the public build has
    no such page, so the link would lead nowhere."""
    kinds = {k.name: k for k in KINDS}
    by_page = {(_PAGES[kind], item): (kind, path) for (kind, item), path in drafts.items()
               if kind in _PAGES}  # fmt: skip
    problems: list[ContentError] = []
    if not by_page:
        return problems
    for kind in KINDS:
        markdown = [f.name for f in dataclasses.fields(kind.cls)
                    if getattr(f.metadata.get("conv"), "markdown", False)]  # fmt: skip
        for record in getattr(content, kind.attr).values():
            if getattr(record, "draft", False):
                continue
            for name in markdown:
                text = getattr(record, name)
                for lang, value in (("vi", text.vi), ("en", text.en)) if text else ():
                    for page in _page_links(value or ""):
                        if page not in by_page:
                            continue
                        found_kind, other = by_page[page]
                        args = {"kind": kinds[found_kind].label, "id": page[1], "other": other}
                        line, col = record.where(name)
                        key = f"{name}.{lang}"
                        problems.append(
                            ContentError(record.path, line, col, "draft-ref", args, key)
                        )
    return problems


def _page_links(markdown: str) -> list[tuple[str, str]]:
    """Return (section folder, id) of every item page a Markdown text links to."""
    found = []
    for pattern in _LINKS:
        for match in pattern.finditer(markdown):
            page = _PAGE_LINK.search(match[1].split("#")[0].split("?")[0])
            if page is not None:
                found.append((page[1], page[2]))
    return found


def _check_aliases(
    aliases: list[tuple[Kind, Any]], known: dict[str, set[str]]
) -> list[ContentError]:
    """Refuse an old address that is the address of another item (or taken twice)."""
    problems = []
    seen: dict[tuple[str, str], str] = {}
    for kind, ref in aliases:
        reserved = next((part for part in ref.id.split("/") if is_reserved(part)), None)
        if reserved is not None:  # a folder of the site that Windows cannot make
            args = {"found": reserved, "suggestion": free_id(reserved)}
            where = (ref.path, ref.line, ref.col)
            problems.append(ContentError(*where, "reserved-name", args, ref.key))
            continue
        address = ref.id if "/" in ref.id else f"{kind.folder}/{ref.id}"
        other = None
        if "/" not in ref.id and ref.id in known[kind.name]:
            other = f"content/{kind.folder}/…/{ref.id}.yml"
        elif (kind.name, address) in seen:
            other = seen[(kind.name, address)]
        seen.setdefault((kind.name, address), ref.path)
        if other is not None:
            args = {"found": ref.id, "other": other}
            problems.append(ContentError(ref.path, ref.line, ref.col, "alias-taken", args, ref.key))
    return problems


def _name_problem(path: Path) -> tuple[str, dict[str, Any]] | None:
    """What keeps a file's path below its kind's folder from a checkout on Windows."""
    reserved = next((part for part in path.with_suffix("").parts if is_reserved(part)), None)
    if reserved is not None:
        return "reserved-name", {"found": reserved, "suggestion": free_id(reserved.lower())}
    if len(path.stem) > MAX_ID:
        args = {"found": path.stem[:40] + "…", "length": len(path.stem), "limit": MAX_ID}
        return "long-id", {**args, "suggestion": shorten(path.stem)}
    return None


def _check_guids(content: Content) -> list[ContentError]:
    """Refuse two news items with one feed id: feed readers would show only one of them."""
    base = content.site.base_url if content.site is not None else ""
    first: dict[str, tuple[str, bool]] = {}  # feed id → the first file, whether it writes it
    problems = []
    for item in content.news.values():  # in file order: the second file is the one reported
        feed_id = guid(item, base)
        other, written = first.setdefault(feed_id, (item.path, bool(item.guid)))
        if other != item.path and (item.guid or written):  # two ids from names: alias-taken
            where = item.where("guid") if item.guid else (0, 0)
            args = {"found": feed_id, "other": other}
            problems.append(ContentError(item.path, *where, "duplicate-guid", args, "guid"))
    return problems


def _consent_warnings(content: Content) -> list[ContentError]:
    """Warn for people who will not be published, so editors know why a page is missing."""
    return [
        ContentError(person.path, *person.where("consent"), "not-published",
                     {"name": person.name.vi}, severity=WARNING)
        for person in content.people.values()
        if not person.published and not person.draft  # a draft is not published anyway
    ]  # fmt: skip


def _check_communes(content: Content) -> list[ContentError]:
    if content.site is None:
        return []
    names = {commune_key(c.name.vi): c.name.vi for c in content.site.communes}
    problems = []
    for person in content.people.values():
        if person.commune and commune_key(person.commune) not in names:
            args = {"found": person.commune, "valid": ", ".join(names.values())}
            where = person.where("commune")
            problems.append(ContentError(person.path, *where, "bad-commune", args, "commune"))
    return problems


def _radio_consent(content: Content) -> list[ContentError]:
    """Refuse to put on air a person who has not consented to publication."""
    problems = []
    for programme in content.programmes.values():
        for i, segment in enumerate(programme.segments):
            person = content.people.get(segment.ref or "") if segment.kind == "person" else None
            if person is not None and not person.published:
                args = {"name": person.name.vi}
                key = f"segments[{i}].ref"
                where = segment.where("ref")
                problems.append(ContentError(programme.path, *where, "radio-no-consent", args, key))
    return problems


def _check_tag_names(content: Content) -> list[ContentError]:
    """Warn of a tag shown on an English page that has no English name in the glossary.

    A warning, not an error: the English page still shows the tag, as written in Vietnamese
    (an item without English is left out of the English site the same gentle way).
    """
    names = content.glossary.tag_names() if content.glossary is not None else {}
    problems = []
    for item in content.news.values():
        if not item.has_en or item.draft:
            continue
        for tag in dict.fromkeys(item.tags):
            if (slugify(tag) or "the") not in names:
                where = item.where("tags")
                args = {"found": tag}
                problems.append(
                    ContentError(item.path, *where, "tag-without-english", args, "tags", WARNING)
                )
    return problems
