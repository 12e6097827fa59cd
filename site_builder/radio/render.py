"""Write a script three ways: printable HTML, UTF-8 plain text, and .docx for Word.

Scripts name editors, readers and approvers: they go to the radio folder, never the site.
"""

from __future__ import annotations

import datetime as dt
import os
import secrets
import unicodedata
from pathlib import Path

import jinja2

from ..content.model import Content
from ..content.project import build_datetime
from ..text.i18n import format_date
from .script import DRAFT, Script, make_script, reader_for
from .timing import clock
from .word import document_bytes

ILLUSTRATIVE = "NỘI DUNG MINH HỌA — KHÔNG PHÁT SÓNG (kịch bản có nội dung không phải tư liệu thật)"


def header(script: Script) -> list[tuple[str, str]]:
    """Return the header rows a district station's script starts with."""
    p, s = script.programme, script.settings
    times = ", ".join(t.strftime("%H:%M") for t in (p.air_time, *p.repeat_times))
    rows = [
        ("Đài", s.station),
        ("Đơn vị", s.unit or ""),
        ("Chương trình", p.title),
        ("Chuyên mục", p.column),
        ("Số / chủ đề", p.number or ""),
        ("Ngày phát", format_date(p.air_date, "vi")),
        ("Giờ phát", times),
        ("Thời lượng dự kiến", clock(script.target)),
        ("Thời lượng ước tính", f"{clock(script.total)} ({s.syllables_per_minute} âm tiết/phút)"),
        ("Biên tập", p.editor),
        ("Phát thanh viên", ", ".join(p.readers)),
        ("Duyệt", p.approver or ""),
    ]
    return [(k, v) for k, v in rows if v]


def notices(script: Script) -> list[str]:
    """Return what a script must say before anything else: draft, illustrative content."""
    return [text for text, shown in ((DRAFT, script.draft), (ILLUSTRATIVE, script.illustrative))
            if shown]  # fmt: skip


def text(script: Script) -> str:
    """Return the plain-text script, NFC; a draft's stamp heads it and every section."""
    out = [*([DRAFT] if script.draft else []), f"KỊCH BẢN PHÁT THANH: {script.programme.title}"]
    if script.illustrative:
        out.append(ILLUSTRATIVE)
    out += [f"{k}: {v}" for k, v in header(script)]
    for n, line in enumerate(script.lines, 1):
        out.append("")
        head = f"[{clock(line.start)}] {n}. {line.label}"
        head += f" — {line.heading}" if line.heading else ""
        head += f" ({clock(line.seconds)})"
        out.append(head)
        if script.draft:
            out.append(f"  {DRAFT}")
        if line.cue:
            out.append(f"  ♪ {line.cue}")
        if line.reader:
            out.append(f"  Người đọc: {line.reader}")
        if line.spoken:
            out += [f"  {para}" for para in line.spoken.splitlines()]
        if line.credit:
            out.append(f"  ({line.credit})")
        if line.written and line.written != line.spoken:
            out.append("  Bản viết:")
            out += [f"    {para}" for para in line.written.splitlines()]
    out += ["", f"Tổng thời lượng: {clock(script.total)} / dự kiến {clock(script.target)}"]
    return unicodedata.normalize("NFC", "\n".join(out) + "\n")


def html(script: Script, templates: Path) -> str:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
    )
    return env.get_template("script.html").render(
        script=script,
        header=header(script),
        clock=clock,
        illustrative=ILLUSTRATIVE,
        draft=DRAFT,
        air_date=format_date(script.programme.air_date, "vi"),
    )


def write(script: Script, out: Path, templates: Path, when: dt.datetime) -> list[Path]:
    """Write the three files of one programme into `out`, each replaced atomically."""
    out.mkdir(parents=True, exist_ok=True)
    stem = out / script.programme.id
    payloads = (
        (".html", html(script, templates).encode("utf-8")),
        (".txt", text(script).encode("utf-8")),
        (".docx", document_bytes(script, header(script), when, notices(script))),
    )
    return [_replace(stem.with_suffix(suffix), data) for suffix, data in payloads]


def _replace(path: Path, data: bytes) -> Path:
    """Write `path` through a temporary file beside it, then swap it in.

    The file is created with mode 0666 less the user's umask, as any file the user makes:
    `mkstemp` would give 0600, and the three outputs of a script would differ.
    """
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.part")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return path


def write_all(root: Path, content: Content, out: Path, ids: list[str] | None = None) -> list[Path]:
    """Write the scripts of `ids` into `out`; by default, of every programme but the drafts.

    A draft is written only when asked for by id, stamped "BẢN NHÁP – CHƯA DUYỆT", so that
    its approver has something to read.
    """
    reader = reader_for(content)
    templates = root / "templates" / "radio"
    when = build_datetime(root)  # the .docx files' dates: the build's, never the wall clock
    chosen = ids or sorted(p for p, prog in content.programmes.items() if not prog.draft)
    out.mkdir(parents=True, exist_ok=True)  # a folder even when every programme is a draft
    written: list[Path] = []
    for pid in dict.fromkeys(chosen):
        script = make_script(content.programmes[pid], content, reader)
        written += write(script, out, templates, when)
    return written
