"""SVG charts drawn at build time: bars for two values, a line for a longer series.

No JavaScript and no colour needed to read them: every bar and point carries its value as
text, formatted per language, and a line places its years by time (2002, 2015 and 2022 are
not evenly spaced). The metric's table beside each chart is the text alternative; the
chart's `<title>` names it and its `<desc>` lists the values.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable, Sequence
from decimal import Decimal

WIDTH, HEIGHT = 360, 220
TOP, BOTTOM, SIDE = 28, 30, 24
PLOT = HEIGHT - TOP - BOTTOM
BELOW = 18  # room under the zero line for the labels of negative values
SVG = "http://www.w3.org/2000/svg"
BAR, LINE, TEXT = "#9e1b1b", "#9e1b1b", "#1f1f1f"
CHAR = 7.5  # about the width of a bold digit at font-size 13, to keep labels apart

Value = int | float | Decimal


def chart(
    values: Sequence[tuple[int, Value]],
    label: str,
    fmt: Callable[[Value], str],
    ident: str,
) -> str | None:
    """Return the SVG of one metric, or None when it has fewer than two values."""
    series = sorted(values)
    if len(series) < 2:
        return None
    svg = ET.Element("svg", {
        "xmlns": SVG, "viewBox": f"0 0 {WIDTH} {HEIGHT}", "width": str(WIDTH),
        "height": str(HEIGHT), "role": "img", "aria-labelledby": f"{ident}-title",
        "aria-describedby": f"{ident}-desc", "class": "sb-chart",
    })  # fmt: skip
    ET.SubElement(svg, "title", {"id": f"{ident}-title"}).text = label
    # semicolons: a Vietnamese decimal comma would make "2002: 1,5, 2022: 3" ambiguous
    desc = "; ".join(f"{year}: {fmt(value)}" for year, value in series)
    ET.SubElement(svg, "desc", {"id": f"{ident}-desc"}).text = desc
    scale = Scale([float(v) for _, v in series])
    if len(series) == 2:
        _bars(svg, series, scale, fmt)
    else:
        _line(svg, series, scale, fmt)
    zero = str(scale.y(0))
    ET.SubElement(svg, "line", {"x1": str(SIDE), "x2": str(WIDTH - SIDE), "y1": zero,
                                "y2": zero, "stroke": TEXT})  # fmt: skip
    return ET.tostring(svg, encoding="unicode")


class Scale:
    """Map values to heights: zero is always on the chart, so bars compare truthfully."""

    def __init__(self, values: list[float]) -> None:
        self.high = max(max(values), 0.0)
        self.low = min(min(values), 0.0)
        if self.high == self.low:  # all zero
            self.high = 1.0
        self.room = PLOT - (BELOW if self.low < 0 else 0)

    def y(self, value: float) -> float:
        """The vertical position of `value`: TOP for the highest, lower values further down."""
        return round(TOP + (self.high - value) / (self.high - self.low) * self.room, 2)


def _text(svg: ET.Element, x: float, y: float, text: str, **attrs: str) -> None:
    element = ET.SubElement(svg, "text", {"x": str(x), "y": str(y), "text-anchor": "middle",
                                          "fill": TEXT, "font-size": "13", **attrs})  # fmt: skip
    element.text = text


def _value_label(svg: ET.Element, x: float, y: float, value: Value, fmt, below: bool) -> None:
    """A value's label: above its bar or point, below a negative bar, inside the picture,
    with a white outline so that a line passing behind it does not cross out its digits."""
    text = fmt(value)
    half = len(text) * CHAR / 2 + 2
    x = round(min(max(x, half), WIDTH - half), 2)
    _text(svg, x, round(y + 15 if below else y - 7, 2), text, **{"font-weight": "bold",
          "stroke": "#fff", "stroke-width": "3", "paint-order": "stroke"})  # fmt: skip


def _bars(svg: ET.Element, series: list[tuple[int, Value]], scale: Scale, fmt) -> None:
    slot = (WIDTH - 2 * SIDE) / len(series)
    width = slot * 0.5
    zero = scale.y(0)
    for i, (year, value) in enumerate(series):
        top, bottom = sorted((scale.y(float(value)), zero))
        x = SIDE + slot * i + (slot - width) / 2
        ET.SubElement(svg, "rect", {"x": str(round(x, 2)), "y": str(top),
                                    "width": str(round(width, 2)),
                                    "height": str(round(bottom - top, 2)),
                                    "fill": BAR, "data-value": str(value)})  # fmt: skip
        centre = round(x + width / 2, 2)
        negative = value < 0
        _value_label(svg, centre, bottom if negative else top, value, fmt, negative)
        _text(svg, centre, HEIGHT - 10, str(year))


def _line(svg: ET.Element, series: list[tuple[int, Value]], scale: Scale, fmt) -> None:
    first, last = series[0][0], series[-1][0]
    span = (last - first) or 1
    points = []
    for year, value in series:
        x = round(SIDE + 20 + (WIDTH - 2 * SIDE - 40) * (year - first) / span, 2)
        points.append((x, scale.y(float(value)), year, value))
    line = " ".join(f"{x},{y}" for x, y, _, _ in points)
    ET.SubElement(svg, "polyline", {"points": line, "fill": "none", "stroke": LINE,
                                    "stroke-width": "3"})  # fmt: skip
    for x, y, _, value in points:
        ET.SubElement(svg, "circle", {"cx": str(x), "cy": str(y), "r": "4", "fill": LINE,
                                      "data-value": str(value)})  # fmt: skip
    for x, y, _, value in _apart(points, lambda p: len(fmt(p[3]))):
        _value_label(svg, x, y, value, fmt, False)
    for x, _, year, _ in _apart(points, lambda p: 4):
        _text(svg, x, HEIGHT - 10, str(year))


def _apart(points: list, chars: Callable) -> list:
    """The points whose labels do not overlap, first and last always among them.

    A long series has more values than the chart has room for; the table beside it has
    them all.
    """
    kept: list = []
    for p in points:
        if not kept or p[0] - kept[-1][0] >= (chars(p) + chars(kept[-1])) * CHAR / 2 + 4:
            kept.append(p)
    if kept[-1] is not points[-1]:
        while (
            len(kept) > 1
            and points[-1][0] - kept[-1][0] < (chars(points[-1]) + chars(kept[-1])) * CHAR / 2 + 4
        ):
            kept.pop()
        kept.append(points[-1])
    return kept
