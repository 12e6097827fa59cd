"""The commemorative pages: charts, Vietnamese order, consent, personal data, each page type."""

from __future__ import annotations

import itertools
import re
import xml.etree.ElementTree as ET

import pytest

from site_builder.content.privacy import find
from site_builder.render.charts import HEIGHT, PLOT, TOP, chart
from site_builder.text.collation import person_key
from site_builder.text.i18n import format_number

SVG = "{http://www.w3.org/2000/svg}"


def bars(svg: str) -> list[tuple[float, float, str]]:
    root = ET.fromstring(svg)
    heights = [float(r.get("height")) for r in root.iter(f"{SVG}rect")]
    tops = [float(r.get("y")) for r in root.iter(f"{SVG}rect")]
    labels = [t.text for t in root.iter(f"{SVG}text") if t.get("font-weight") == "bold"]
    return list(zip(heights, tops, labels, strict=True))


def test_bar_chart_labels_and_proportions() -> None:
    svg = chart(((2002, 1234.5), (2022, 4938.0)), "Sản lượng",
                lambda v: format_number(v, "vi"), "c1")  # fmt: skip
    assert svg is not None
    (h1, y1, l1), (h2, y2, l2) = bars(svg)
    assert (l1, l2) == ("1.234,5", "4.938")
    assert h2 == PLOT and h1 == pytest.approx(PLOT * 1234.5 / 4938, abs=0.01)  # proportional
    assert y1 + h1 == y2 + h2 == TOP + PLOT  # both stand on the baseline
    english = chart(((2002, 1234.5), (2022, 4938.0)), "Output",
                    lambda v: format_number(v, "en"), "c2")  # fmt: skip
    assert [label for _, _, label in bars(english or "")] == ["1,234.5", "4,938"]
    root = ET.fromstring(svg)
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert title is not None and title.text == "Sản lượng"
    assert desc is not None and desc.text == "2002: 1.234,5; 2022: 4.938"
    assert root.get("aria-labelledby") == "c1-title" and root.get("aria-describedby") == "c1-desc"
    assert HEIGHT > TOP + PLOT


def test_negative_bars_hang_below_the_zero_line() -> None:
    svg = chart(((2010, -30), (2022, 60)), "Cân đối", str, "c5")
    (h1, y1, l1), (h2, y2, l2) = bars(svg or "")
    assert (l1, l2) == ("-30", "60")
    assert y1 == y2 + h2  # the negative bar starts where the positive one stands: at zero
    assert h1 == pytest.approx(h2 / 2, abs=0.01)  # and is drawn to the same scale
    assert y1 + h1 <= TOP + PLOT  # inside the plot


def test_series_gives_a_line_with_every_point_labelled_and_years_spaced_by_time() -> None:
    svg = chart(((2002, 0), (2015, 3), (2022, 7)), "Xã", str, "c3")
    root = ET.fromstring(svg or "")
    circles = [float(c.get("cx")) for c in root.iter(f"{SVG}circle")]
    assert len(circles) == 3 and root.find(f"{SVG}polyline") is not None
    assert [t.text for t in root.iter(f"{SVG}text") if t.get("font-weight")] == ["0", "3", "7"]
    # 13 years, then 7: the gaps are in that proportion
    assert (circles[1] - circles[0]) / (circles[2] - circles[1]) == pytest.approx(13 / 7)


def test_a_long_series_labels_only_what_fits_and_keeps_both_ends() -> None:
    values = tuple((year, 100000 + year) for year in range(2002, 2023))
    root = ET.fromstring(chart(values, "Dân số", str, "c6") or "")
    assert len(list(root.iter(f"{SVG}circle"))) == 21
    labels = [t for t in root.iter(f"{SVG}text") if t.get("font-weight")]
    assert 2 <= len(labels) < 21
    assert labels[0].text == "102002" and labels[-1].text == "102022"
    xs = [float(t.get("x")) for t in labels]
    assert all(b - a >= 6 * 7.5 for a, b in itertools.pairwise(xs))  # no two overlap


def test_one_value_has_no_chart() -> None:
    assert chart(((2022, 12),), "OCOP", str, "c4") is None


def test_every_metric_with_two_values_has_a_chart_and_a_table_of_every_year(bundled) -> None:
    page = bundled.read("thanh-tuu/kinh-te/index.html")
    ocop = r'<table class="sb-metrics" id="chart-kinh-te-2-data">(.*?)</table>'
    table = re.search(ocop, page, re.S)
    assert table is not None
    assert "<caption>Số sản phẩm OCOP (sản phẩm) " in table[1]  # then "illustrative", as it is
    rows = re.findall(r'<tr><th scope="row">(\d+)</th><td class="sb-num">(.*?)</td></tr>', table[1])
    assert rows == [("2019", "2"), ("2022", "12")]  # the OCOP value of 2019 was nowhere
    assert 'Thay đổi 2019–2022</th><td class="sb-num">+10 (+500 %)' in table[1]
    assert page.count('class="sb-chart"') == 3  # every metric of the field has its chart
    en = bundled.read("en/thanh-tuu/kinh-te/index.html")
    assert "31,250.0" in en and "31.250,0" in page  # numbers per language, as written
    # a field whose metric starts in 2015 has a chart too
    reform = bundled.read("thanh-tuu/cai-cach-hanh-chinh/index.html")
    assert '<th scope="row">2015</th><td class="sb-num">92,0</td>' in reform
    assert "+7,5 điểm %" in reform and 'class="sb-chart"' in reform
    english = bundled.read("en/thanh-tuu/cai-cach-hanh-chinh/index.html")
    assert "+7.5 percentage points" in english


# Hand-written: individuals by given name (last word), letters in Vietnamese order, then tones.
NAMES_IN_ORDER = [
    "Lò Văn A",
    "Nguyễn Văn An",
    "Mai Thị Ạn",
    "Trần Thị Ánh",
    "Hà Thị Ăn",
    "Lê Văn Ân",
    "Phạm Thị Ấn",
    "Hoàng Văn Bình",
    "Vũ Văn Dũng",
    "Đặng Thị Đào",
    "Bùi Văn Ổn",
    "Ngô Thị Ơn",
    "Đỗ Văn Uy",
    "Lý Thị Ưng",
]


def test_vietnamese_name_order() -> None:
    shuffled = NAMES_IN_ORDER[::-1][7:] + NAMES_IN_ORDER[::-1][:7]
    assert sorted(shuffled, key=lambda n: person_key(n, True)) == NAMES_IN_ORDER


def test_same_given_name_sorts_by_the_rest() -> None:
    names = ["Vũ Thị Hoa", "Đào Thị Hoa", "Bùi Thị Hòa", "Âu Thị Hoa"]
    assert sorted(names, key=lambda n: person_key(n, True)) == [
        "Âu Thị Hoa", "Đào Thị Hoa", "Vũ Thị Hoa", "Bùi Thị Hòa",
    ]  # fmt: skip


def test_collectives_sort_by_full_name() -> None:
    names = ["Trường Ưng", "Hợp tác xã Ăn", "Chi đoàn Bản"]
    ordered = sorted(names, key=lambda n: person_key(n, False))
    assert ordered == ["Chi đoàn Bản", "Hợp tác xã Ăn", "Trường Ưng"]


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("Liên hệ 0912345678", ["phone"]),
        ("SĐT 0912 345 678.", ["phone"]),
        ("gọi +84 912 345 678", ["phone"]),
        ("máy bàn 0213 3876 543", ["phone"]),
        ("CCCD số 012345678901", ["citizen-id"]),
        ("thư: nguyen.van.a@example.com", ["email"]),
        ("năm 2022 đạt 1.234.567 đồng", []),
        ("Kế hoạch số 1279/KH-UBND ngày 17/9/2021", []),
        ("mã xã 03390", []),
        ("tỷ lệ 95,5%, giai đoạn 2021 - 2025", []),
        ("100000000 điểm ảnh", []),
        ("Covid-19 và 5G", []),
    ],
)
def test_personal_data_detection(text: str, kinds: list[str]) -> None:
    assert [kind for kind, _ in find(text)] == kinds


PERSON = """\
kind: individual
name: {{vi: "{name}", en: "{name}"}}
summary: {{vi: "{summary}", en: "Summary"}}
{extra}"""


def test_personal_data_is_an_error_unless_allowed(make_site) -> None:
    site = make_site({
        "content/people/a.yml": PERSON.format(name="Người A", summary="Gọi 0912345678",
                                              extra="consent: true\n"),
        "content/people/b.yml": PERSON.format(
            name="Tổ B", summary="Điện thoại cơ quan 0213 3876 543",
            extra="consent: true\nallow_contact_details: [summary]\n"),
    })  # fmt: skip
    lines = site.cli("check").stdout.splitlines()
    assert lines == [
        "content/people/a.yml:3:15: lỗi: 'summary': có số điện thoại ('0912345678'); "
        "dữ liệu cá nhân không được công bố (gợi ý: xóa đi; nếu đây là số của cơ quan được phép "
        "công bố, thêm allow_contact_details: [summary] vào tệp)",
        "1 lỗi, 0 cảnh báo trong 1 tệp.",
    ]


def test_person_without_consent_appears_nowhere(make_site) -> None:
    hidden = "Nguyễn Thị Ẩn Danh"
    shown = "Trần Văn Công Khai"
    site = make_site({
        "content/people/an-danh.yml": PERSON.format(name=hidden, summary="S", extra=""),
        "content/people/cong-khai.yml": PERSON.format(name=shown, summary="S",
                                                       extra="consent: true\n"),
        "content/commendations/qd.yml": """\
        form: giay-khen
        number: "1/QĐ"
        date: 2022-09-01
        issuer: {vi: Chủ tịch, en: Chairman}
        reason: {vi: Lý do, en: Reason}
        recipients: [an-danh, cong-khai]
        """,
    })  # fmt: skip
    check = site.cli("check")
    assert "cảnh báo: 'Nguyễn Thị Ẩn Danh' chưa đồng ý công bố" in check.stdout
    assert site.build(strict=False).code == 0
    files = [p for p in site.site.rglob("*") if p.is_file()]
    assert not [p for p in files if "an-danh" in str(p.relative_to(site.site))]
    for needle in (hidden, "an-danh", "Ẩn Danh", "\\u1ea8n Danh"):
        assert not [p for p in files if needle.encode() in p.read_bytes()], needle
    honours = site.read("khen-thuong/index.html")
    assert shown in honours and "và 1 cá nhân khác" in honours
    assert shown in site.read("guong-dien-hinh/index.html")
    assert site.exists("guong-dien-hinh/cong-khai/index.html")
    from browser import indexed

    assert any(shown in page["content"] for page in indexed(site.site))
    assert not any(hidden in page["content"] for page in indexed(site.site))
    assert "and 1 other individual(s)" in site.read("en/khen-thuong/index.html")


def test_collectives_need_no_consent(make_site) -> None:
    site = make_site(
        {"content/people/to.yml": "kind: collective\nname: {vi: Tổ A}\nsummary: {vi: S}\n"}
    )
    assert site.build().code == 0 and site.exists("guong-dien-hinh/to/index.html")


def test_unknown_commune_is_an_error(make_site) -> None:
    extra = "consent: true\ncommune: Xã Không Có\n"
    site = make_site({"content/people/a.yml": PERSON.format(name="A", summary="S", extra=extra)})
    assert "lỗi: 'commune': không có xã, thị trấn nào tên 'Xã Không Có'" in site.cli("check").stdout


def head(page: str) -> str:
    return page.split("</head>")[0]


@pytest.mark.parametrize(
    ("path", "vi", "en"),
    [
        ("", "Số liệu nổi bật", "Key figures"),
        ("thanh-tuu/van-hoa-xa-hoi/", "Tỷ lệ hộ nghèo", "Share of poor households"),
        ("dong-thoi-gian/", "Thành lập huyện Tam Đường", "Tam Đường district is founded"),
        ("guong-dien-hinh/", "Theo xã, thị trấn", "By commune"),
        ("guong-dien-hinh/tan-thi-mau/", "Khun Há", "Khun Há commune"),
        ("khen-thuong/", "Bằng khen", "Certificate of merit (province)"),
        ("ke-hoach/", "Phòng Văn hóa và Thông tin", "Office of Culture and Information"),
        ("gioi-thieu/", "03390", "03390"),
    ],
)
def test_each_page_type_in_both_languages(bundled, path: str, vi: str, en: str) -> None:
    for prefix, text, lang in (("", vi, "vi"), ("en/", en, "en")):
        page = bundled.read(f"{prefix}{path}index.html")
        assert f'<html lang="{lang}"' in page and text in page, (prefix + path, text)
        url = f"https://tamduong.example/{prefix}{path}"
        assert f'<link rel="canonical" href="{url}">' in head(page)
        assert f'hreflang="vi" href="https://tamduong.example/{path}"' in head(page)
        assert f'hreflang="en" href="https://tamduong.example/en/{path}"' in head(page)


def test_exemplars_index_groups_and_orders(bundled) -> None:
    page = bundled.read("guong-dien-hinh/index.html")
    everyone = page[page.index('id="tat-ca"') :]
    individuals = everyone[: everyone.index("Tập thể")]
    names = re.findall(r'<a href="[a-z0-9-]+/">([^<]+)</a>', individuals)
    assert names == sorted(names, key=lambda n: person_key(n, True)) and len(names) >= 6
    by_commune = page[page.index('id="theo-xa"') : page.index('id="tat-ca"')]
    assert "<h3>Xã Khun Há</h3>" in by_commune


def test_plan_tasks_are_a_table_of_agency_and_task(bundled) -> None:
    page = bundled.read("ke-hoach/index.html")
    table = page[page.index('<table class="sb-tasks">') :]
    table = table[: table.index("</table>")]
    agencies = re.findall(r'<th scope="row" data-label="Cơ quan, đơn vị">([^<]+)</th>', table)
    assert agencies[:3] == [
        "Các cơ quan, ban, ngành, đoàn thể huyện, Ủy ban nhân dân các xã, thị trấn",
        "Phòng Văn hóa và Thông tin",
        "Trung tâm Văn hóa Thể thao và Truyền thông",
    ]
    assert "mở các chuyên trang, chuyên mục" in table


def test_home_shows_the_key_figures_first_and_last_years(bundled) -> None:
    page = bundled.read("index.html")
    figures = page[page.index('<ul class="sb-figures">') :]
    figures = figures[: figures.index("</ul>")]
    assert figures.count('class="sb-figure-card"') == 4
    assert "<strong>31.250,0</strong>" in figures and "<small>2002</small> 18.000,5" in figures
    assert "21/9/2002" in page and "30/8/2022" in page and "sb-emblem" in page
