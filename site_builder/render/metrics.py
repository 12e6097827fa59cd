"""Metrics of the achievement fields: every year's value, the change, charts, key figures."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from markupsafe import Markup

from ..content.model import AchievementField, Metric
from ..text.i18n import t
from .charts import Value, chart

PERCENT = "phan-tram"  # a change between percentages is in percentage points


@dataclass(frozen=True)
class Row:
    """One metric as its table and chart show it: every year given, in order."""

    metric: Metric
    ident: str  # the chart's id; its table is `<ident>-data`
    first: int | None  # the first and last years given, when there are two or more
    last: int | None
    change: str | None  # from the first year to the last, formatted: "+7", "−40,4 điểm %"
    chart: Markup | None


def row(metric: Metric, fmt: Callable[[Value], str], lang: str, label: str, ident: str) -> Row:
    """Describe the change from the first year given to the last, and draw the chart."""
    svg = chart(metric.values, label, fmt, ident)
    if len(metric.values) < 2:
        return Row(metric, ident, None, None, None, None)
    (first, old), (last, new) = metric.values[0], metric.values[-1]
    return Row(metric, ident, first, last, change(old, new, metric.unit, fmt, lang),
               Markup(svg) if svg else None)  # noqa: S704  # fmt: skip


def change(
    old: int | Decimal, new: int | Decimal, unit: str, fmt: Callable[[Value], str], lang: str
) -> str:
    """The change from `old` to `new` with its sign, and how large it is against `old`.

    Between percentages the difference is in percentage points ("+7,5 điểm %"): a rise from
    92 % to 99,5 % is not a rise of 7,5 %. Other amounts also show the relative change, when
    the first value is not zero.
    """
    difference = new - old  # exact for ints and Decimals: 99.5 - 92.0 is 7.5, not 7.499…
    text = signed(difference, fmt)
    if unit == PERCENT:
        return f"{text} {t('percentage_points', lang)}"
    if old:
        relative = round(float(difference) / abs(float(old)) * 100, 1)
        text += f" ({signed(relative, fmt)} %)"
    return text


def signed(value: Value, fmt: Callable[[Value], str]) -> str:
    """`fmt(value)` with a plus sign for a rise and a true minus sign for a fall."""
    if value > 0:
        return "+" + fmt(value)
    if value < 0:
        return "\u2212" + fmt(-value)
    if isinstance(value, Decimal):
        return fmt(value.copy_abs())  # no sign, and no "-0,0"
    return fmt(abs(value))


def key_figures(fields: list[AchievementField]) -> list[tuple[AchievementField, Metric]]:
    """Return the metrics marked `key: true`, in field order, for the home page."""
    return [(f, m) for f in fields for m in f.metrics if m.key]
