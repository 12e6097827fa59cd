"""Content problems as data, one message catalogue in Vietnamese and English, and formatting.

A problem is recorded where it is found (file, line, column, a stable code and its
arguments); the text is produced only when it is printed, in the reader's language.
"""

from __future__ import annotations

import errno
import json
import re
import traceback
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2

from ..text.i18n import Text
from .catalogue import CATALOGUE

ERROR = "error"
WARNING = "warning"


_SEVERITY = {"vi": {ERROR: "lỗi", WARNING: "cảnh báo"}, "en": {ERROR: "error", WARNING: "warning"}}


@dataclass(frozen=True, order=True)
class ContentError:
    """One problem in one place; `args` fills the catalogue's message and hint."""

    path: str
    line: int
    col: int
    code: str
    args: dict[str, Any] = field(default_factory=dict, compare=False)
    key: str = field(default="", compare=False)
    severity: str = field(default=ERROR, compare=False)

    def _args(self, lang: str) -> dict[str, Any]:
        args = {k: v.get(lang) if isinstance(v, Text) else v for k, v in self.args.items()}
        return {k: _shown_arg(k, v) for k, v in args.items()}

    def message(self, lang: str) -> str:
        vi, en, _, _ = CATALOGUE[self.code]
        return (vi if lang == "vi" else en).format(**self._args(lang))

    def hint(self, lang: str) -> str:
        _, _, vi, en = CATALOGUE[self.code]
        return (vi if lang == "vi" else en).format(**self._args(lang))

    def format(self, lang: str) -> str:
        where = f"{self.path}:{self.line}:{self.col}" if self.line else self.path
        key = f"'{excerpt(self.key)}': " if self.key else ""
        hint = self.hint(lang)
        label = "gợi ý" if lang == "vi" else "hint"
        tail = f" ({label}: {hint})" if hint else ""
        return f"{where}: {_SEVERITY[lang][self.severity]}: {key}{self.message(lang)}{tail}"

    def as_json(self, lang: str) -> dict[str, Any]:
        return {
            "path": self.path,
            "line": self.line,
            "col": self.col,
            "severity": self.severity,
            "code": self.code,
            "message": (f"'{excerpt(self.key)}': " if self.key else "") + self.message(lang),
            "hint": self.hint(lang),
        }


# Arguments that echo what a file holds: shown as a short excerpt, so that a file linked
# to /etc/passwd, or a page of text where a date belongs, never lands whole in a CI log.
ECHOED = {"found", "field", "id", "key", "tag", "name", "chars", "detail"}
EXCERPT = 80
DETAIL_EXCERPT = 160  # a parser's or library's own message: longer, still never a file
# Characters that would hide, reorder or break the line of a message: shown as escapes.
_UNPRINTABLE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff"
    "\ud800-\udfff\ufff9-\uffff]"
)


def excerpt(value: str, limit: int = EXCERPT) -> str:
    """Return `value` on one visible line of at most about `limit` characters.

    Control and invisible characters become escapes (\\x0b, \\u202e); a longer value is cut
    with an ellipsis, keeping a closing quote so that "the value '…'" still reads as one.
    """
    shown = _UNPRINTABLE.sub(lambda m: ascii(m[0])[1:-1], value)
    if len(shown) <= limit:
        return shown
    quote = shown[-1] if shown[-1] in "'\"" else ""
    return shown[: limit - 1 - len(quote)].rstrip() + "…" + quote


def _shown_arg(name: str, value: Any) -> Any:
    if name not in ECHOED or not isinstance(value, str):
        return value
    return excerpt(value, DETAIL_EXCERPT if name == "detail" else EXCERPT)


def summary(problems: Iterable[ContentError], lang: str) -> str:
    """Return the one-line count that ends every report."""
    problems = list(problems)
    errors = sum(p.severity == ERROR for p in problems)
    warnings = len(problems) - errors
    files = len({p.path for p in problems})
    if lang == "vi":
        return f"{errors} lỗi, {warnings} cảnh báo trong {files} tệp."

    def n(count: int, word: str) -> str:
        return f"{count} {word}" + ("" if count == 1 else "s")

    return f"{n(errors, 'error')}, {n(warnings, 'warning')} in {n(files, 'file')}."


def report(problems: Iterable[ContentError], lang: str, fmt: str = "text") -> str:
    """Return every problem, sorted by file then line, and the summary."""
    ordered = sorted(problems)
    if fmt == "json":
        return json.dumps(
            {
                "errors": sum(p.severity == ERROR for p in ordered),
                "warnings": sum(p.severity == WARNING for p in ordered),
                "files": len({p.path for p in ordered}),
                "problems": [p.as_json(lang) for p in ordered],
            },
            ensure_ascii=False,
            indent=2,
        )
    lines = [p.format(lang) for p in ordered]
    lines.append(summary(ordered, lang))
    return "\n".join(lines)


def has_errors(problems: Iterable[ContentError], strict: bool = False) -> bool:
    return any(strict or p.severity == ERROR for p in problems)


def template_problem(root: Path, exc: jinja2.TemplateError) -> ContentError:
    """Name the template file and line of a Jinja error, relative to the project.

    Syntax errors carry both; errors met while rendering (an undefined name) do not, but
    Jinja rewrites the traceback so that its frames point into the template file.
    """
    filename = getattr(exc, "filename", None)
    line = getattr(exc, "lineno", None) or 0
    if filename is None:
        for frame in reversed(traceback.extract_tb(exc.__traceback__)):
            if frame.filename.endswith(".html"):
                filename, line = frame.filename, frame.lineno or 0
                break
    path = shown_path(str(filename or "templates/"), root)
    detail = str(exc).replace("\n", " ")
    return ContentError(path, line, 1 if line else 0, "template-error", {"detail": detail})


def shown_path(path: str | Path, root: Path) -> str:
    """`path` relative to the project when it is inside it, else as given."""
    try:
        return Path(path).resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


# Errors of the machine, not of the tool: a full disk, a folder that cannot be written.
_MACHINE = {
    getattr(errno, name)
    for name in ("EACCES", "EPERM", "EROFS", "ENOSPC", "EDQUOT", "ENOTDIR", "EISDIR", "EIO",
                 "EMFILE", "ENFILE", "ENAMETOOLONG")
    if hasattr(errno, name)  # each platform has its own list
}  # fmt: skip


def machine_problem(root: Path, exc: BaseException, near: Path) -> ContentError | None:
    """Name the path an operating-system error refused, or None if `exc` is not one.

    Such an error is the machine's (a full disk, a read-only or misplaced folder), so the
    editor is told which path to look at rather than that the tool has a bug. `near` is
    named when the error carries no path (a full disk while writing into it).
    """
    if not isinstance(exc, OSError) or exc.errno not in _MACHINE:
        return None
    refused = Path(exc.filename if isinstance(exc.filename, str) else near).absolute()
    reason = exc.strerror or str(exc)
    return ContentError(shown_path(refused, root), 0, 0, "file-system", {"reason": reason})


class BuildFailed(Exception):
    """Raised by a build stage with the problems that stopped it."""

    def __init__(self, problems: list[ContentError]) -> None:
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = problems
