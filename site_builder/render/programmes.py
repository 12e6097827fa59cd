"""The radio programmes that went on air, as the public programmes page shows them.

A programme's file also names its editor, readers and approver and holds the script's
internal notes (cues, credits, readers' parts): the page is given only the public fields
below, so no template can print the rest.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from ..content.model import Programme
from ..text.i18n import Text


@dataclass(frozen=True)
class OnAir:
    """What the public page shows of one programme."""

    id: str
    title: str  # Vietnamese: the programme went on air in Vietnamese
    column: str
    number: str | None
    air_date: dt.date
    air_time: dt.time
    repeat_times: tuple[dt.time, ...]
    summary: Text | None
    illustrative: bool
    aired: bool  # False only in the preview: a draft, or dated after the build


def on_air(
    programmes: Iterable[Programme], build_date: dt.date, lang: str, preview: bool
) -> list[OnAir]:
    """Return the programmes the page of `lang` lists, latest first.

    Drafts and programmes dated after the build date have not gone on air: they are left
    out (the preview shows them, marked). The English page lists those with an English
    summary, the rest have no English.
    """
    shown = []
    for p in programmes:
        aired = not p.draft and p.air_date <= build_date
        if not (aired or preview) or (lang == "en" and (p.summary is None or not p.summary.en)):
            continue
        shown.append(OnAir(p.id, p.title, p.column, p.number, p.air_date, p.air_time,
                           p.repeat_times, p.summary, p.illustrative, aired))  # fmt: skip
    return sorted(shown, key=lambda o: (o.air_date, o.air_time, o.id), reverse=True)
