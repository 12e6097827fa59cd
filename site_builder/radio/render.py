"""Write a script three ways: printable HTML, UTF-8 plain text, and .docx for Word.

Scripts name editors, readers and approvers: they go to the radio folder, never the site.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import tempfile
import unicodedata
import zipfile
from pathlib import Path

import docx
import jinja2
from docx.shared import Pt, RGBColor

from ..content.model import Content
from ..content.project import VIETNAM, build_datetime
from ..text.i18n import format_date
from .script import Script, make_script, reader_for
from .timing import clock

CONTENT_TYPES = "[Content_Types].xml"
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


def text(script: Script) -> str:
    """Return the plain-text script, NFC."""
    out = [f"KỊCH BẢN PHÁT THANH: {script.programme.title}"]
    if script.illustrative:
        out.append(ILLUSTRATIVE)
    out += [f"{k}: {v}" for k, v in header(script)]
    for n, line in enumerate(script.lines, 1):
        out.append("")
        head = f"[{clock(line.start)}] {n}. {line.label}"
        head += f" — {line.heading}" if line.heading else ""
        head += f" ({clock(line.seconds)})"
        out.append(head)
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
        script=script, header=header(script), clock=clock, illustrative=ILLUSTRATIVE
    )


def word(script: Script, path: Path, when: dt.datetime) -> None:
    """Write the script as .docx: headings per segment, cues, timings, the written form.

    The file is the same, byte for byte, for the same content and build date `when`
    (see `reproducible_zip`): nothing comes from the wall clock.
    """
    document = docx.Document()
    props = document.core_properties
    props.title = script.programme.title[:255]  # the longest title the format takes
    props.author = props.last_modified_by = "site-builder"
    props.revision = 1
    utc = when.astimezone(dt.UTC).replace(tzinfo=None)  # written as "…Z"
    props.created = props.modified = utc
    document.add_heading(f"KỊCH BẢN PHÁT THANH: {script.programme.title}", level=0)
    if script.illustrative:
        document.add_paragraph().add_run(ILLUSTRATIVE).bold = True
    table = document.add_table(rows=0, cols=2)
    for key, value in header(script):
        cells = table.add_row().cells
        cells[0].text, cells[1].text = key, value
    for n, line in enumerate(script.lines, 1):
        title = f"{n}. {line.label}" + (f" — {line.heading}" if line.heading else "")
        document.add_heading(title, level=2)
        meta = f"Bắt đầu {clock(line.start)} · thời lượng {clock(line.seconds)}"
        if line.reader:
            meta += f" · Người đọc: {line.reader}"
        document.add_paragraph(meta).runs[0].italic = True
        if line.cue:
            document.add_paragraph(f"♪ {line.cue}").runs[0].bold = True
        for para in line.spoken.splitlines():
            document.add_paragraph(para)
        if line.credit:
            document.add_paragraph(f"({line.credit})")
        if line.written and line.written != line.spoken:
            note = document.add_paragraph().add_run("Bản viết: " + line.written)
            note.font.size = Pt(9)
            note.font.color.rgb = RGBColor(0x55, 0x55, 0x55)
    document.add_paragraph(
        f"Tổng thời lượng: {clock(script.total)} / dự kiến {clock(script.target)}"
    )
    packed = io.BytesIO()
    document.save(packed)
    path.write_bytes(reproducible_zip(packed.getvalue(), when))


def reproducible_zip(data: bytes, when: dt.datetime) -> bytes:
    """Return the zip `data` repacked so that only its contents and `when` shape the bytes.

    python-docx stamps every entry with the wall clock in the machine's time zone; here
    every entry gets `when` in Vietnam time (zip keeps local time, from 1980, to 2 seconds),
    the same permissions and compression, and a fixed order: [Content_Types].xml first,
    as Word writes it, then by name.
    """
    local = when.astimezone(VIETNAM).replace(tzinfo=None)
    local = min(max(local, dt.datetime(1980, 1, 1)), dt.datetime(2107, 12, 31, 23, 59, 58))
    stamp = (local.year, local.month, local.day, local.hour, local.minute, local.second // 2 * 2)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        names = sorted(source.namelist(), key=lambda name: (name != CONTENT_TYPES, name))
        for name in names:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # Unix, whose permission bits follow
            info.external_attr = 0o100644 << 16  # a regular file, rw-r--r--
            target.writestr(info, source.read(name), compresslevel=6)
    return out.getvalue()


def write(script: Script, out: Path, templates: Path, when: dt.datetime) -> list[Path]:
    """Write the three files of one programme into `out`, each replaced atomically."""
    out.mkdir(parents=True, exist_ok=True)
    stem = out / script.programme.id
    written = []
    for suffix, payload in ((".html", html(script, templates)), (".txt", text(script))):
        written.append(_replace(stem.with_suffix(suffix), payload.encode("utf-8")))
    partial = stem.with_suffix(".docx.part")
    word(script, partial, when)
    os.replace(partial, stem.with_suffix(".docx"))
    written.append(stem.with_suffix(".docx"))
    return written


def _replace(path: Path, data: bytes) -> Path:
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=path.suffix)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
    os.replace(tmp, path)
    return path


def write_all(root: Path, content: Content, out: Path, ids: list[str] | None = None) -> list[Path]:
    """Write the scripts of `ids` (default: every programme) into `out`."""
    reader = reader_for(content)
    templates = root / "templates" / "radio"
    when = build_datetime(root)  # the .docx files' dates: the build's, never the wall clock
    written: list[Path] = []
    for pid in ids or sorted(content.programmes):
        script = make_script(content.programmes[pid], content, reader)
        written += write(script, out, templates, when)
    return written
