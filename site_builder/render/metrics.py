"""Metrics of the achievement fields: table rows, computed change, charts, key figures."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from markupsafe import Markup

from ..content.model import AchievementField, Metric
from .charts import chart


@dataclass(frozen=True)
class Row:
    """One metric as the table and the chart show it."""

    metric: Metric
    first: float | None  # the value in the founding year, if known
    last: float | None  # the value in the anniversary year, if known
    change: float | None
    percent: float | None
    chart: Markup | None


def row(metric: Metric, first_year: int, last_year: int, fmt: Callable[[float], str],
        label: str, ident: str) -> Row:  # fmt: skip
    """Compute the change between the two years and draw the chart, when both are known."""
    values = dict(metric.values)
    first, last = values.get(first_year), values.get(last_year)
    change = percent = None
    if first is not None and last is not None:
        change = last - first
        percent = round(change / first * 100, 1) if first else None
    svg = chart(metric.values, first_year, last_year, label, fmt, ident)
    return Row(metric, first, last, change, percent, Markup(svg) if svg else None)  # noqa: S704


def key_figures(fields: list[AchievementField]) -> list[tuple[AchievementField, Metric]]:
    """Return the metrics marked `key: true`, in field order, for the home page."""
    return [(f, m) for f in fields for m in f.metrics if m.key]
