"""SVG charts drawn at build time: bars for 2002 against 2022, a line for a longer series.

No JavaScript and no colour needed to read them: every bar and point carries its value as
text, formatted per language. The metrics table beside each chart is the text alternative.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable

WIDTH, HEIGHT = 360, 220
TOP, BOTTOM, SIDE = 28, 30, 24
PLOT = HEIGHT - TOP - BOTTOM
SVG = "http://www.w3.org/2000/svg"
BAR, LINE, TEXT = "#9e1b1b", "#9e1b1b", "#1f1f1f"


def chart(
    values: tuple[tuple[int, float], ...],
    first_year: int,
    last_year: int,
    label: str,
    fmt: Callable[[float], str],
    ident: str,
) -> str | None:
    """Return the SVG of one metric, or None when there is no value for `first_year`."""
    years = dict(values)
    if first_year not in years or last_year not in years:
        return None
    series = sorted((y, v) for y, v in values if first_year <= y <= last_year)
    summary = ", ".join(f"{y}: {fmt(v)}" for y, v in series)
    svg = ET.Element("svg", {
        "xmlns": SVG, "viewBox": f"0 0 {WIDTH} {HEIGHT}", "width": str(WIDTH),
        "height": str(HEIGHT), "role": "img", "aria-labelledby": f"{ident}-title",
        "class": "sb-chart",
    })  # fmt: skip
    title = ET.SubElement(svg, "title", {"id": f"{ident}-title"})
    title.text = f"{label} — {summary}"
    top = max(max(v for _, v in series), 0) or 1
    if len(series) <= 2:
        _bars(svg, series, top, fmt)
    else:
        _line(svg, series, top, fmt)
    ET.SubElement(svg, "line", {"x1": str(SIDE), "x2": str(WIDTH - SIDE), "y1": str(TOP + PLOT),
                                "y2": str(TOP + PLOT), "stroke": TEXT})  # fmt: skip
    return ET.tostring(svg, encoding="unicode")


def height_of(value: float, top: float) -> float:
    """Return the drawn height of `value`: proportional to it, zero at the baseline."""
    return round(max(value, 0) / top * PLOT, 2)


def _text(svg: ET.Element, x: float, y: float, text: str, **attrs: str) -> None:
    element = ET.SubElement(svg, "text", {"x": str(x), "y": str(y), "text-anchor": "middle",
                                          "fill": TEXT, "font-size": "13", **attrs})  # fmt: skip
    element.text = text


def _bars(svg: ET.Element, series: list[tuple[int, float]], top: float, fmt) -> None:
    slot = (WIDTH - 2 * SIDE) / len(series)
    width = slot * 0.5
    for i, (year, value) in enumerate(series):
        h = height_of(value, top)
        x = SIDE + slot * i + (slot - width) / 2
        y = TOP + PLOT - h
        ET.SubElement(svg, "rect", {"x": str(round(x, 2)), "y": str(round(y, 2)),
                                    "width": str(round(width, 2)), "height": str(h),
                                    "fill": BAR, "data-value": repr(value)})  # fmt: skip
        _text(svg, round(x + width / 2, 2), round(y - 6, 2), fmt(value), **{"font-weight": "bold"})
        _text(svg, round(x + width / 2, 2), HEIGHT - 10, str(year))


def _line(svg: ET.Element, series: list[tuple[int, float]], top: float, fmt) -> None:
    first, last = series[0][0], series[-1][0]
    span = (last - first) or 1
    points = []
    for year, value in series:
        x = round(SIDE + 20 + (WIDTH - 2 * SIDE - 40) * (year - first) / span, 2)
        y = round(TOP + PLOT - height_of(value, top), 2)
        points.append((x, y, year, value))
    line = " ".join(f"{x},{y}" for x, y, _, _ in points)
    ET.SubElement(svg, "polyline", {"points": line, "fill": "none", "stroke": LINE,
                                    "stroke-width": "3"})  # fmt: skip
    for x, y, year, value in points:
        ET.SubElement(svg, "circle", {"cx": str(x), "cy": str(y), "r": "4", "fill": LINE,
                                      "data-value": repr(value)})  # fmt: skip
        _text(svg, x, round(y - 9, 2), fmt(value), **{"font-weight": "bold"})
        _text(svg, x, HEIGHT - 10, str(year))
