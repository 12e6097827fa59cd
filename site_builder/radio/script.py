"""A programme and the content it names, turned into a timed read-aloud script."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from html.parser import HTMLParser

from ..content import richtext
from ..content.model import UNITS, Content, Metric, Programme, RadioSettings, Segment
from ..core.errors import WARNING, ContentError
from ..text.i18n import Text, format_date, format_number
from .normalise import Reader
from .onair import brackets, findings, markdown_marks, tidy, without_web_only
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
DRAFT = "BẢN NHÁP – CHƯA DUYỆT"  # on every page of a draft's script


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

    @property
    def draft(self) -> bool:
        """A draft is written only when asked for by id, and stamped on every page."""
        return self.programme.draft


@dataclass(frozen=True)
class Source:
    """What a segment reads: its heading, the written text, and where that text comes from."""

    heading: str | None
    written: str
    credit: str | None
    illustrative: bool = False
    item: str | None = None  # the file of the item read; None for the segment's own text
    markdown: tuple[str, ...] = ()  # the item's Markdown fields, for the web-only marks


_BLOCKS = {"p", "li", "h2", "h3", "h4", "h5", "h6", "tr", "blockquote", "pre", "figcaption"}


class _Text(HTMLParser):
    """The words of rendered Markdown: a line per paragraph, list item or heading."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.lists: list[int | None] = []  # the next number of each open list (None: bullets)
        self.pre = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS or tag == "br":
            self.parts.append("\n")
        if tag in ("ol", "ul"):
            start = dict(attrs).get("start") or "1"
            self.lists.append(int(start) if tag == "ol" and start.isdigit() else None)
        elif tag == "li" and self.lists and self.lists[-1] is not None:
            number = self.lists[-1]
            self.parts.append(f"{number}. ")  # a numbered list keeps its numbers
            self.lists[-1] = number + 1
        elif tag in ("td", "th"):
            self.parts.append(" ")
        self.pre += tag == "pre"

    def handle_endtag(self, tag: str) -> None:
        if tag in ("ol", "ul") and self.lists:
            self.lists.pop()
        self.pre -= tag == "pre" and self.pre > 0
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        # A hand-wrapped line in a paragraph is the same sentence: the break is a space.
        self.parts.append(data if self.pre else data.replace("\n", " "))


def plain(markdown: str) -> str:
    """Return the words of a Markdown text, one paragraph a line.

    Lines wrapped by hand are joined; images and web-only parts (`<!-- web -->` …
    `<!-- /web -->`) are not read.
    """
    kept, _ = without_web_only(markdown)
    parser = _Text()
    parser.feed(richtext.render(kept))
    lines = (tidy(line) for line in "".join(parser.parts).splitlines())
    return "\n".join(line for line in lines if line)


def make_script(programme: Programme, content: Content, reader: Reader | None = None) -> Script:
    """Build the timed script of `programme`; warnings go to `script.problems`."""
    settings = (content.site.radio if content.site else None) or DEFAULT_RADIO
    reader = reader or reader_for(content)
    terms = dict(content.glossary.terms) if content.glossary else {}
    script = Script(programme, settings, illustrative=programme.illustrative)
    start = 0.0
    for index, segment in enumerate(programme.segments):
        source = _source(segment, content)
        script.illustrative |= source.illustrative
        written = source.written
        reading = reader.read(brackets(written, terms)) if written else None
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
        credit = brackets(f"({source.credit})", {})[1:-1] if source.credit else None  # flat
        line = Line(LABELS[segment.kind], source.heading, segment.reader, written, spoken,
                    duration, start, cue, credit)  # fmt: skip
        script.lines.append(line)
        start += duration
        for abbr in reading.unknown if reading else []:
            where = segment.where("spoken", "text", "ref")
            _warn(script, f"segments[{index}]", where, "unknown-abbreviation", found=abbr)
        _check_air(script, index, segment, source)
    _check_length(script)
    _check_approval(script)
    return script


def reader_for(content: Content) -> Reader:
    terms = dict(content.glossary.terms) if content.glossary else {}
    settings = (content.site.radio if content.site else None) or DEFAULT_RADIO
    return Reader(terms, south=settings.southern)


# --- what each kind of segment reads --------------------------------------------------------


def _news(content: Content, ref: str) -> Source:
    item = content.news[ref]
    parts = [item.title.vi + ".", item.summary.vi, plain(item.body.vi)]
    author = item.author.vi if item.author else None
    return Source(item.title.vi, _join(parts), author, item.illustrative, item.path,
                  (item.body.vi,))  # fmt: skip


def _field(content: Content, ref: str) -> Source:
    field_ = content.fields[ref]
    narrative = field_.narrative.vi if field_.narrative else ""
    parts = [field_.title.vi + ".", field_.summary.vi, plain(narrative)]
    parts += [metric_sentence(metric) for metric in field_.metrics]
    return Source(field_.title.vi, _join(parts), None, field_.illustrative, field_.path,
                  (narrative,))  # fmt: skip


def metric_sentence(metric: Metric) -> str:
    """Read a metric as a sentence: "…: năm 2002 chưa có xã nào, đến năm 2022 có 7 xã."

    Counts take "có" (and "chưa có … nào" for none), percentages "là", other amounts "đạt";
    the last of several years is introduced by "đến".
    """
    unit = UNITS[metric.unit]
    said = []
    for n, (year, value) in enumerate(metric.values):
        when = "đến năm" if n and n == len(metric.values) - 1 else "năm"
        # said without the zeros a table keeps for alignment: 92.0 is "chín mươi hai"
        amount = format_number(value.normalize() if isinstance(value, Decimal) else value, "vi")
        if unit.count:
            what = f"chưa có {unit.vi} nào" if value == 0 else f"có {amount} {unit.vi}"
        elif unit.vi == "%":
            what = f"là {amount}%"
        else:
            what = f"đạt {amount} {unit.vi}"
        said.append(f"{when} {year} {what}")
    return f"{metric.label.vi}: {', '.join(said)}."


def _person(content: Content, ref: str) -> Source:
    person = content.people[ref]
    role = f", {person.role.vi}" if person.role else ""
    story = person.story.vi if person.story else ""
    parts = [f"{person.name.vi}{role}.", person.summary.vi, plain(story)]
    return Source(person.name.vi, _join(parts), None, person.illustrative, person.path,
                  (story,))  # fmt: skip


def _milestone(content: Content, ref: str) -> Source:
    milestone = content.milestones[ref]
    description = milestone.description.vi if milestone.description else ""
    parts = [f"Ngày {format_date(milestone.date, 'vi')}: {milestone.title.vi}.", plain(description)]
    return Source(milestone.title.vi, _join(parts), None, milestone.illustrative, milestone.path,
                  (description,))  # fmt: skip


_SOURCES = {"news": _news, "field": _field, "person": _person, "milestone": _milestone}


def _join(parts: list[str]) -> str:
    return "\n".join(filter(None, parts))


def _source(segment: Segment, content: Content) -> Source:
    """Return what `segment` reads: its own text, its item's, or its spoken override.

    A segment's own text is Markdown like every other text (rendered to plain words); its
    `spoken` replaces all it would otherwise read, the item's text included.
    """
    own = plain(segment.spoken or segment.text or "")
    if segment.kind not in _SOURCES:
        return Source(segment.title, own, segment.credit)
    item = _SOURCES[segment.kind](content, segment.ref or "")
    if segment.spoken:
        return Source(segment.title or item.heading, own, segment.credit or item.credit,
                      item.illustrative)  # fmt: skip
    written = _join([item.written, own])
    return Source(segment.title or item.heading, written, segment.credit or item.credit,
                  item.illustrative, item.item, item.markdown)  # fmt: skip


# --- warnings -------------------------------------------------------------------------------

_OWN = Text("", "")


def _check_air(script: Script, index: int, segment: Segment, source: Source) -> None:
    """Warn for what a listener cannot follow: web wording, addresses, marks, Markdown."""
    own_key = "spoken" if segment.spoken else "text"
    raw = segment.spoken or segment.text or ""
    key = f"segments[{index}].{own_key}"
    where = segment.where(own_key)
    own = findings(plain(raw))
    for found in [*markdown_marks(raw), *own]:
        _warn(script, key, where, found.code, found=found.found, source=_OWN)
    if without_web_only(raw)[1]:
        _warn(script, key, where, "radio-web-marker", source=_OWN)
    if source.item is None:
        return
    key, where = f"segments[{index}].ref", segment.where("ref")
    item = Text(f" (trong {source.item})", f" (in {source.item})")
    for found in findings(source.written):
        if found not in own:  # the segment's own text, already reported
            _warn(script, key, where, found.code, found=found.found, source=item)
    if any(without_web_only(text)[1] for text in source.markdown):
        _warn(script, key, where, "radio-web-marker", source=item)


def _check_length(script: Script) -> None:
    total, target = script.total, script.target
    where = script.programme.where("duration_minutes")
    args = {"total": round(total), "target": round(target)}
    if total > target:
        _warn(script, "duration_minutes", where, "radio-over", **args)
    elif total < 0.8 * target:
        _warn(script, "duration_minutes", where, "radio-under", **args)


def _check_approval(script: Script) -> None:
    """A programme goes on air once approved; a draft is not there yet, and says so."""
    if not script.programme.approver and not script.draft:
        _warn(script, "approver", script.programme.where(""), "radio-no-approver")


def _warn(script: Script, key: str, where: tuple[int, int], code: str, **args: object) -> None:
    path = script.programme.path
    script.problems.append(ContentError(path, *where, code, dict(args), key, WARNING))


def check_all(content: Content) -> list[ContentError]:
    """Return the warnings of every programme that goes on air (drafts wait for `radio ID`)."""
    if not content.programmes:
        return []
    reader = reader_for(content)
    return [
        p
        for prog in content.programmes.values()
        if not prog.draft
        for p in make_script(prog, content, reader).problems
    ]


def check_drafts(content: Content, ids: list[str]) -> list[ContentError]:
    """Return the warnings of the drafts among `ids`, the programmes asked for by id."""
    reader = reader_for(content)
    drafts = [content.programmes[i] for i in dict.fromkeys(ids) if content.programmes[i].draft]
    return [p for prog in drafts for p in make_script(prog, content, reader).problems]
