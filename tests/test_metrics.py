"""Every figure an editor gives is in the field's tables, as written, in both languages.

Issue 33: values for years other than 2002 and 2022 vanished, fields whose metrics do not
start in 2002 had no chart, and 3.125 was shown as 3,12.
"""

from __future__ import annotations

import html
import random
import re
import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from site_builder.content.schema import Context
from site_builder.content.structures import YearMap
from site_builder.text.i18n import format_number

from conftest import DESIGN, MINIMAL_PLAN, MINIMAL_SITE, REPO, TinySite, ignore_decap

# Written by hand: a value as an editor types it in YAML, then as each language prints it
# (Vietnamese: thousands dot, decimal comma; English the reverse; a true minus sign).
WRITTEN = [
    ("0", "0", "0"),
    ("7", "7", "7"),
    ("999", "999", "999"),
    ("1000", "1.000", "1,000"),
    ("1234567", "1.234.567", "1,234,567"),
    ("123456789012", "123.456.789.012", "123,456,789,012"),
    ("-12", "−12", "−12"),
    ("-4500", "−4.500", "−4,500"),
    ("3.125", "3,125", "3.125"),
    ("3.10", "3,10", "3.10"),
    ("92.0", "92,0", "92.0"),
    ("0.001", "0,001", "0.001"),
    ("-0.5", "−0,5", "−0.5"),
    ("31250.0", "31.250,0", "31,250.0"),
    ("18000.25", "18.000,25", "18,000.25"),
    ("-9876543.21", "−9.876.543,21", "−9,876,543.21"),
    ("1000000.000", "1.000.000,000", "1,000,000.000"),
]

FIELD_HEAD = """\
title: {vi: Kinh tế, en: Economy}
plan_section: "2.1"
summary: {vi: Tóm tắt, en: Summary}
metrics:
"""


def metric(n: int, unit: str, values: list[tuple[int, str]]) -> str:
    """A metric as an editor writes it, years in the order given (not always sorted)."""
    written = ", ".join(f"{year}: {value}" for year, value in values)
    return (f"  - label: {{vi: Chỉ tiêu {n}, en: Indicator {n}}}\n"
            f"    unit: {unit}\n    values: {{{written}}}\n")  # fmt: skip


def grouped(written: str, lang: str) -> str:
    """How `written` must be printed, worked out from its digits alone (not by the code
    under test): groups of three, the language's marks, a minus sign."""
    sign, digits = ("−", written[1:]) if written.startswith("-") else ("", written)
    whole, _, fraction = digits.partition(".")
    groups = []
    while whole:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    thousands, decimal = (".", ",") if lang == "vi" else (",", ".")
    return sign + thousands.join(groups) + (decimal + fraction if fraction else "")


def test_the_reference_formatting_agrees_with_the_hand_written_table() -> None:
    for written, vi, en in WRITTEN:
        assert (grouped(written, "vi"), grouped(written, "en")) == (vi, en)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(
    st.from_regex(r"-?(0|[1-9][0-9]{0,17})(\.[0-9]{1,6})?", fullmatch=True).filter(
        lambda w: w != "-0"  # read as the integer 0, printed "0"
    )
)
def test_any_written_number_is_printed_with_its_digits(written: str) -> None:
    """As read from YAML (metric values) and printed on a page: no digit lost or rounded."""
    node = yaml.compose(f"{{2022: {written}}}", Loader=yaml.BaseLoader)
    assert isinstance(node, yaml.MappingNode)
    ctx = Context("content/fields/x.yml", Path("."))
    ((_, value),) = YearMap().convert(node, ctx, "values")
    assert ctx.problems == []
    for lang in ("vi", "en"):
        assert format_number(value, lang).replace("-", "−") == grouped(written, lang)


def generated(seed: int) -> list[tuple[str, list[tuple[int, str]]]]:
    """Metrics of every shape: one value, two, irregular years, every year, negatives,
    decimals of one to three places, large numbers; counts take whole numbers only."""
    rng = random.Random(seed)  # noqa: S311 - test data, the same on every run

    def number(whole_only: bool) -> str:
        size = rng.choice([1, 2, 3, 4, 6, 9, 12])
        text = str(rng.randrange(10 ** (size - 1) if size > 1 else 0, 10**size))
        if not whole_only and rng.random() < 0.6:
            text += "." + "".join(rng.choice("0123456789") for _ in range(rng.randint(1, 3)))
        if rng.random() < 0.25 and text.strip("0.") != "":
            text = "-" + text
        return text

    shapes = [1, 2, 3, 5, 21, 2, 4, 1, 7, 3]
    metrics = []
    for count in shapes:
        years = (list(range(2002, 2023)) if count == 21
                 else sorted(rng.sample(range(1995, 2031), count)))  # fmt: skip
        unit = rng.choice(["nguoi", "xa", "ha", "tan", "phan-tram", "ty-dong"])
        whole = unit in ("nguoi", "xa")
        values = [(year, number(whole)) for year in years]
        rng.shuffle(values)  # written in any order; shown by year
        metrics.append((unit, values))
    return metrics


def tables(page: str) -> list[tuple[str, list[tuple[str, str]], str]]:
    """Each metrics table of a page: its caption, its (year, value) rows, its change row."""
    found = []
    for body in re.findall(r'<table class="sb-metrics"[^>]*>(.*?)</table>', page, re.S):
        caption = re.search(r"<caption>(.*?)</caption>", body, re.S)
        rows = re.findall(r'<tr><th scope="row">(\d+)</th><td class="sb-num">(.*?)</td></tr>',
                          body.split("<tbody>")[1].split("</tbody>")[0])  # fmt: skip
        foot = re.search(r"<tfoot>(.*?)</tfoot>", body, re.S)
        found.append((html.unescape(caption[1] if caption else ""),
                      [(y, html.unescape(v)) for y, v in rows],
                      html.unescape(re.sub(r"<[^>]+>", " ", foot[1])) if foot else ""))  # fmt: skip
    return found


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """One tiny site for the tests below: the hand-written values, then generated metrics."""
    metrics = [("tan", [(2022, "3.125")])]  # one value
    metrics.append(("ty-dong", [(2002 + i, w) for i, (w, _, _) in enumerate(WRITTEN)]))
    metrics += generated(33)
    field = FIELD_HEAD + "".join(metric(n, unit, v) for n, (unit, v) in enumerate(metrics))
    root = tmp_path_factory.mktemp("metrics")
    for name in DESIGN:
        if (REPO / name).is_dir():
            shutil.copytree(REPO / name, root / name, ignore=ignore_decap)
        else:
            shutil.copy(REPO / name, root / name)
    site = TinySite(root)
    site.write("content/site.yml", MINIMAL_SITE)
    site.write("content/plan.yml", MINIMAL_PLAN)
    site.write("content/fields/kinh-te.yml", field)
    result = site.build()
    assert result.code == 0, [p.format("en") for p in result.problems]
    return site, metrics


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_value_is_in_the_metrics_table_as_written(built, lang: str) -> None:
    site, metrics = built
    page = site.read(("en/" if lang == "en" else "") + "thanh-tuu/kinh-te/index.html")
    shown = tables(page)
    assert len(shown) == len(metrics)
    for n, ((unit, values), (caption, rows, _)) in enumerate(zip(metrics, shown, strict=True)):
        assert caption.startswith(f"Chỉ tiêu {n} (" if lang == "vi" else f"Indicator {n} (")
        expected = [(str(year), grouped(value, lang)) for year, value in sorted(values)]
        assert rows == expected, (n, unit)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_hand_written_values_are_printed_as_the_table_says(built, lang: str) -> None:
    site, _ = built
    page = site.read(("en/" if lang == "en" else "") + "thanh-tuu/kinh-te/index.html")
    _, rows, _ = tables(page)[1]
    column = 1 if lang == "vi" else 2
    assert [value for _, value in rows] == [row[column] for row in WRITTEN]


def test_charts_for_two_values_or_more_with_title_and_desc(built) -> None:
    site, metrics = built
    page = site.read("thanh-tuu/kinh-te/index.html")
    for n, (_, values) in enumerate(metrics):
        drawn = rf'<svg [^>]*aria-labelledby="chart-kinh-te-{n}-title".*?</svg>'
        svg = re.search(drawn, page, re.S)
        if len(values) < 2:
            assert svg is None, n
            continue
        assert svg is not None, n
        assert f'<title id="chart-kinh-te-{n}-title">Chỉ tiêu {n}</title>' in svg[0]
        desc = re.search(r'<desc id="chart-kinh-te-\d+-desc">(.*?)</desc>', svg[0])
        assert desc is not None
        assert desc[1] == "; ".join(f"{y}: {grouped(v, 'vi')}" for y, v in sorted(values))
        assert svg[0].count("<circle" if len(values) > 2 else "<rect") == len(values)


CHANGES = """\
  - label: {vi: Tỷ lệ hộ nghèo, en: Poor households}
    unit: phan-tram
    values: {2015: 92.0, 2022: 99.5}
  - label: {vi: Sản lượng, en: Output}
    unit: tan
    values: {2002: 18000.5, 2022: 31250.0}
  - label: {vi: Số xã, en: Communes}
    unit: xa
    values: {2022: 7, 2002: 0, 2015: 3}
  - label: {vi: Cân đối, en: Balance}
    unit: ty-dong
    values: {2010: -2.5, 2020: 2.5}
  - label: {vi: Không đổi, en: Unchanged}
    unit: ha
    values: {2010: 3.10, 2020: 3.10}
"""
# Written by hand: the change row of each metric above.
CHANGE_ROWS = {
    "vi": ["Thay đổi 2015–2022 +7,5 điểm %", "Thay đổi 2002–2022 +13.249,5 (+73,6 %)",
           "Thay đổi 2002–2022 +7", "Thay đổi 2010–2020 +5,0 (+200 %)",
           "Thay đổi 2010–2020 0,00 (0 %)"],
    "en": ["Change 2015–2022 +7.5 percentage points", "Change 2002–2022 +13,249.5 (+73.6 %)",
           "Change 2002–2022 +7", "Change 2010–2020 +5.0 (+200 %)",
           "Change 2010–2020 0.00 (0 %)"],
}  # fmt: skip


def test_the_change_is_in_percentage_points_between_percentages(make_site) -> None:
    site = make_site({"content/fields/kinh-te.yml": FIELD_HEAD + CHANGES})
    assert site.build().code == 0
    for lang, prefix in (("vi", ""), ("en", "en/")):
        page = site.read(prefix + "thanh-tuu/kinh-te/index.html")
        feet = [" ".join(foot.split()) for _, _, foot in tables(page)]
        assert feet == CHANGE_ROWS[lang]
    home = site.read("index.html")
    assert "99,5" not in home  # no metric is marked key: the home page shows none


def test_key_figures_show_the_first_and_last_years_given(make_site) -> None:
    field = (
        FIELD_HEAD
        + """\
  - label: {vi: Số sản phẩm OCOP, en: OCOP products}
    unit: san-pham
    values: {2019: 2, 2022: 12}
    key: true
  - label: {vi: Diện tích chè, en: Tea area}
    unit: ha
    values: {2021: 1250.75}
    key: true
"""
    )
    site = make_site({"content/fields/kinh-te.yml": field})
    assert site.build().code == 0
    figures = site.read("index.html").split('<ul class="sb-figures">')[1].split("</ul>")[0]
    assert "<small>2019</small> 2</span>" in figures
    assert "<small>2022</small> <strong>12</strong>" in figures
    assert "<small>2021</small> <strong>1.250,75</strong>" in figures
    assert "—" not in figures  # no dash for a year the editor did not give


def test_a_fraction_in_a_count_is_reported_where_it_is_written(make_site) -> None:
    """The years are sorted when read; the message still points at the value written."""
    field = FIELD_HEAD + metric(0, "xa", [(2022, "7"), (2002, "1.5")])
    site = make_site({"content/fields/kinh-te.yml": field})
    result = site.cli("--lang", "en", "check")
    assert result.returncode == 1
    assert result.stdout.splitlines()[0].startswith(
        "content/fields/kinh-te.yml:7:29: error: 'metrics[0].values':"
    ), result.stdout
    assert "1.5" in result.stdout.splitlines()[0]
