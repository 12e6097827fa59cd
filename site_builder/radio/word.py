"""The script as a Word file that prints as a Vietnamese office prints a document.

The layout of an administrative document (Nghị định 30/2020/NĐ-CP, appendix I): A4;
margins top and bottom 20 mm, left 30 mm, right 15 mm; Times New Roman, 14 pt for the words
read on air and 13 pt around them; page numbers centred in the top margin, not on the
first page. The language is Vietnamese (vi-VN), so Word checks the spelling as Vietnamese
instead of marking every word. A draft carries its stamp in the header of every page.

Nothing comes from the wall clock or from python-docx's template: the properties are the
programme's and the build date's, and `reproducible_zip` fixes the bytes of the package.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from xml.sax.saxutils import escape

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor, Twips
from docx.text.paragraph import Paragraph

from ..content.project import VIETNAM
from .script import DRAFT, Script
from .timing import clock

FONT = "Times New Roman"
LANGUAGE = "vi-VN"
A4 = (Twips(11906), Twips(16838))  # 210 × 297 mm, as Word writes A4
MARGINS = {"top": Mm(20), "bottom": Mm(20), "left": Mm(30), "right": Mm(15)}
SPOKEN_STYLE = "Lời đọc"
CONTENT_TYPES = "[Content_Types].xml"
RED = RGBColor(0xB7, 0x1C, 0x1C)
GREY = RGBColor(0x55, 0x55, 0x55)
APP_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"'
    ' xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    "<Application>site-builder</Application><DocSecurity>0</DocSecurity>"
    "<ScaleCrop>false</ScaleCrop><Company>{company}</Company>"
    "<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
    "<HyperlinksChanged>false</HyperlinksChanged></Properties>"
)


def document_bytes(
    script: Script, header: list[tuple[str, str]], when: dt.datetime, notices: list[str]
) -> bytes:
    """Return the .docx of `script`: its header rows, `notices` (draft, illustrative) on top.

    The bytes are the same for the same content and build date `when`.
    """
    document = docx.Document()
    _styles(document)
    _page(document, script)
    _properties(document, script, when)
    _body(document, script, header, notices)
    packed = io.BytesIO()
    document.save(packed)
    return reproducible_zip(packed.getvalue(), when)


def _styles(document: docx.document.Document) -> None:
    """Times New Roman and Vietnamese everywhere: the defaults, and every style's own font."""
    styles = document.styles.element
    for fonts in styles.iter(qn("w:rFonts")):  # the template's theme fonts (Calibri, Cambria)
        for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            fonts.attrib.pop(qn(attr), None)
        for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
            fonts.set(qn(attr), FONT)
    for size in styles.find(qn("w:docDefaults")).iter(qn("w:sz"), qn("w:szCs")):
        size.set(qn("w:val"), "26")  # 13 pt, in half-points
    for lang in styles.iter(qn("w:lang")):
        lang.set(qn("w:val"), LANGUAGE)
        lang.set(qn("w:eastAsia"), LANGUAGE)
    normal = document.styles["Normal"]
    normal.font.size = Pt(13)
    normal.paragraph_format.space_after = Pt(4)
    normal.paragraph_format.line_spacing = 1.15
    for name, size in (("Title", 14), ("Heading 1", 14), ("Heading 2", 13)):
        style = document.styles[name]
        style.font.size, style.font.bold = Pt(size), True
        style.font.color.rgb = RGBColor(0, 0, 0)  # printed in black, as office documents are
        style.paragraph_format.space_before = Pt(12)
        style.paragraph_format.keep_with_next = True
    spoken = document.styles.add_style(SPOKEN_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    spoken.base_style = normal
    spoken.font.size = Pt(14)
    spoken.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    spoken.paragraph_format.first_line_indent = Mm(10)
    spoken.paragraph_format.line_spacing = 1.3
    spoken.paragraph_format.space_after = Pt(6)


def _page(document: docx.document.Document, script: Script) -> None:
    """A4, an office document's margins, the page number at the top from page 2."""
    section = document.sections[0]
    section.page_width, section.page_height = A4
    section.top_margin, section.bottom_margin = MARGINS["top"], MARGINS["bottom"]
    section.left_margin, section.right_margin = MARGINS["left"], MARGINS["right"]
    section.header_distance = section.footer_distance = Mm(10)
    section.different_first_page_header_footer = True
    section.first_page_header.is_linked_to_previous = False  # its own: no number on page 1
    number = section.header.paragraphs[0]
    number.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _page_number(number)
    if script.draft:  # on every page, the first included
        for header in (section.header, section.first_page_header):
            stamp = header.add_paragraph() if header is section.header else header.paragraphs[0]
            _stamp(stamp)


def _page_number(paragraph: Paragraph) -> None:
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), " PAGE ")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "2"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _stamp(paragraph: Paragraph) -> None:
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run(DRAFT)
    run.bold = True
    run.font.color.rgb = RED


def _properties(document: docx.document.Document, script: Script, when: dt.datetime) -> None:
    """Say what the file is: the programme, its editor and station, the build date."""
    programme, station = script.programme, script.settings.station
    props = document.core_properties
    props.title = programme.title[:255]  # the longest title the format takes
    props.subject = (f"{programme.column} {programme.number or ''}").strip()[:255]
    props.author = programme.editor[:255]
    props.last_modified_by = "site-builder"
    props.comments = station[:255]  # python-docx's template says "generated by python-docx"
    props.category = "Kịch bản phát thanh"
    props.keywords = ""
    props.language = LANGUAGE
    if script.draft:
        props.content_status = DRAFT
    props.revision = 1
    utc = when.astimezone(dt.UTC).replace(tzinfo=None)  # written as "…Z"
    props.created = props.modified = utc
    package = document.part.package
    for rid, rel in list(package.rels.items()):  # the template's picture of a blank page
        if rel.reltype == RT.THUMBNAIL:
            package.rels.pop(rid)
    for part in package.iter_parts():
        if str(part.partname) == "/docProps/app.xml":  # the template's says "Macintosh Word"
            part._blob = APP_XML.format(company=escape(station)).encode("utf-8")


def _body(
    document: docx.document.Document,
    script: Script,
    header: list[tuple[str, str]],
    notices: list[str],
) -> None:
    settings, programme = script.settings, script.programme
    for text, bold in ((settings.unit, False), (settings.station, True)):
        if text:
            document.add_paragraph().add_run(text.upper()).bold = bold
    for notice in notices:
        run = document.add_paragraph().add_run(notice)
        run.bold, run.font.color.rgb = True, RED
    for text in ("KỊCH BẢN PHÁT THANH", programme.title):
        centred = document.add_paragraph()
        centred.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = centred.add_run(text)
        run.bold, run.font.size = True, Pt(14)
    table = document.add_table(rows=0, cols=2)
    for key, value in header:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = key, value
        cells[0].paragraphs[0].runs[0].bold = True
        cells[0].width, cells[1].width = Mm(50), Mm(115)
    for n, line in enumerate(script.lines, 1):
        title = f"{n}. {line.label}" + (f" — {line.heading}" if line.heading else "")
        document.add_heading(title, level=2)
        meta = f"Bắt đầu {clock(line.start)} · thời lượng {clock(line.seconds)}"
        if line.reader:
            meta += f" · Người đọc: {line.reader}"
        run = document.add_paragraph().add_run(meta)
        run.italic, run.font.size = True, Pt(12)
        if line.cue:
            document.add_paragraph().add_run(f"♪ {line.cue}").bold = True
        for para in line.spoken.splitlines():
            document.add_paragraph(para, style=SPOKEN_STYLE)
        if line.credit:
            credit = document.add_paragraph(f"({line.credit})")
            credit.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        if line.written and line.written != line.spoken:
            note = document.add_paragraph().add_run("Bản viết: " + line.written)
            note.font.size, note.font.color.rgb = Pt(11), GREY
    total = document.add_paragraph()
    total.add_run(f"Tổng thời lượng: {clock(script.total)} / dự kiến {clock(script.target)}")
    total.runs[0].bold = True
    _signatures(document, script)


def _signatures(document: docx.document.Document, script: Script) -> None:
    """The editor's and the approver's blocks, side by side, as an office signs a paper."""
    programme = script.programme
    table = document.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, (role, name) in zip(
        table.rows[0].cells,
        (("BIÊN TẬP", programme.editor), ("DUYỆT", programme.approver or "")),
        strict=True,
    ):
        lines = [(role, True, False), ("(Ký, ghi rõ họ tên)", False, True), ("", False, False),
                 ("", False, False), ("", False, False), (name, True, False)]  # fmt: skip
        for n, (text, bold, italic) in enumerate(lines):
            paragraph = cell.paragraphs[0] if n == 0 else cell.add_paragraph()
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run = paragraph.add_run(text)
            run.bold, run.italic = bold, italic


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
