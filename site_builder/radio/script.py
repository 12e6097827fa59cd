"""A programme and the content it names, turned into a timed read-aloud script."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

from ..content import richtext
from ..content.model import UNITS, Content, Programme, RadioSettings, Segment
from ..core.errors import WARNING, ContentError
from ..text.i18n import format_date, format_number
from .normalise import Reader
from .timing import seconds

LABELS = {
    "opening": "Nhạc hiệu + lời xướng",
    "lead": "Lời dẫn",
    "news": "Tin",
    "field": "Bài",
    "person": "Gương người tốt, việc tốt",
    "milestone": "Mốc sự kiện",
    "text": "Bài",
    "music": "Nhạc cắt",
    "insert": "Băng ghi âm",
    "closing": "Lời kết",
}
DEFAULT_RADIO = RadioSettings(station="")


@dataclass(frozen=True)
class Line:
    """One timed block of a script."""

    label: str
    heading: str | None
    reader: str | None
    written: str
    spoken: str
    seconds: float
    start: float
    cue: str | None = None
    credit: str | None = None


@dataclass
class Script:
    programme: Programme
    settings: RadioSettings
    lines: list[Line] = field(default_factory=list)
    illustrative: bool = False
    problems: list[ContentError] = field(default_factory=list)

    @property
    def total(self) -> float:
        return sum(line.seconds for line in self.lines)

    @property
    def target(self) -> float:
        return self.programme.duration_minutes * 60.0


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("p", "li", "h2", "h3", "h4", "br", "tr"):
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def plain(markdown: str) -> str:
    """Return the words of a Markdown text, one paragraph a line (images are not read)."""
    parser = _Text()
    parser.feed(richtext.render(markdown))
    lines = (" ".join(line.split()) for line in "".join(parser.parts).splitlines())
    return "\n".join(line for line in lines if line)


def paragraphs(text: str) -> str:
    """Re-flow hand-wrapped lines: one paragraph a line, paragraphs split by blank lines."""
    blocks = [" ".join(block.split()) for block in text.split("\n\n")]
    return "\n".join(b for b in blocks if b)


def make_script(programme: Programme, content: Content, reader: Reader | None = None) -> Script:
    """Build the timed script of `programme`; warnings go to `script.problems`."""
    settings = (content.site.radio if content.site else None) or DEFAULT_RADIO
    reader = reader or reader_for(content)
    script = Script(programme, settings, illustrative=programme.illustrative)
    start = 0.0
    for index, segment in enumerate(programme.segments):
        heading, written, credit, illustrative = _source(segment, content)
        script.illustrative |= illustrative
        reading = reader.read(written) if written else None
        spoken = reading.spoken if reading else ""
        duration = seconds(spoken, settings.syllables_per_minute)
        cue = None
        if segment.kind == "opening":
            duration += segment.seconds or settings.jingle_seconds
            cue = "Nhạc hiệu"
        elif segment.kind == "music":
            duration = segment.seconds or settings.music_seconds
            cue = "Nhạc cắt"
        elif segment.kind == "insert":
            duration = segment.seconds or 0
            cue = f"Vào: {segment.cue_in or '—'} · Ra: {segment.cue_out or '—'}"
        line = Line(LABELS[segment.kind], heading, segment.reader, written, spoken, duration,
                    start, cue, credit)  # fmt: skip
        script.lines.append(line)
        start += duration
        for abbr in reading.unknown if reading else []:
            where = segment.where("text", "ref")
            _warn(script, f"segments[{index}]", where, "unknown-abbreviation", found=abbr)
    _check_length(script)
    return script


def reader_for(content: Content) -> Reader:
    terms = dict(content.glossary.terms) if content.glossary else {}
    settings = (content.site.radio if content.site else None) or DEFAULT_RADIO
    return Reader(terms, south=settings.southern)


def _news(content: Content, ref: str) -> tuple[str, list[str], bool, str | None]:
    item = content.news[ref]
    parts = [item.title.vi + ".", item.summary.vi, plain(item.body.vi)]
    return item.title.vi, parts, item.illustrative, item.author


def _field(content: Content, ref: str) -> tuple[str, list[str], bool, str | None]:
    field_ = content.fields[ref]
    parts = [field_.title.vi + ".", field_.summary.vi]
    parts.append(plain(field_.narrative.vi) if field_.narrative else "")
    for metric in field_.metrics:
        unit = UNITS[metric.unit].vi
        values = ", ".join(f"năm {y} là {format_number(v, 'vi')} {unit}" for y, v in metric.values)
        parts.append(f"{metric.label.vi}: {values}.")
    return field_.title.vi, parts, field_.illustrative, None


def _person(content: Content, ref: str) -> tuple[str, list[str], bool, str | None]:
    person = content.people[ref]
    role = f", {person.role.vi}" if person.role else ""
    parts = [f"{person.name.vi}{role}.", person.summary.vi]
    parts.append(plain(person.story.vi) if person.story else "")
    return person.name.vi, parts, person.illustrative, None


def _milestone(content: Content, ref: str) -> tuple[str, list[str], bool, str | None]:
    milestone = content.milestones[ref]
    parts = [f"Ngày {format_date(milestone.date, 'vi')}: {milestone.title.vi}."]
    parts.append(plain(milestone.description.vi) if milestone.description else "")
    return milestone.title.vi, parts, milestone.illustrative, None


_SOURCES = {"news": _news, "field": _field, "person": _person, "milestone": _milestone}


def _source(segment: Segment, content: Content) -> tuple[str | None, str, str | None, bool]:
    """Return (heading, written text, credit, illustrative) of a segment."""
    text = paragraphs(segment.text or "")
    if segment.kind not in _SOURCES:
        return segment.title, text, segment.credit, False
    heading, parts, illustrative, credit = _SOURCES[segment.kind](content, segment.ref or "")
    written = "\n".join(filter(None, [*parts, text]))
    return segment.title or heading, written, segment.credit or credit, illustrative


def _check_length(script: Script) -> None:
    total, target = script.total, script.target
    where = script.programme.where("duration_minutes")
    args = {"total": round(total), "target": round(target)}
    if total > target:
        _warn(script, "duration_minutes", where, "radio-over", **args)
    elif total < 0.8 * target:
        _warn(script, "duration_minutes", where, "radio-under", **args)


def _warn(script: Script, key: str, where: tuple[int, int], code: str, **args: object) -> None:
    path = script.programme.path
    script.problems.append(ContentError(path, *where, code, dict(args), key, WARNING))


def check_all(content: Content) -> list[ContentError]:
    """Return the warnings of every programme (timing, unknown abbreviations)."""
    if not content.programmes:
        return []
    reader = reader_for(content)
    return [
        p
        for prog in content.programmes.values()
        for p in make_script(prog, content, reader).problems
    ]
