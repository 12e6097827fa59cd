"""The personal-data guard: what it must find, what it must leave alone (hand-made tables)."""

from __future__ import annotations

import pytest

from site_builder.content.privacy import find

NBSP, NNBSP = "\u00a0", "\u202f"

# Written for this test, the way such data turns up in pasted text; never taken from content/.
FOUND = [
    ("Liên hệ anh Tùng 0912345678", "phone", "0912345678"),
    ("SĐT: 0912 345 678.", "phone", "0912 345 678"),
    ("gọi 091.234.5678 sau 17 giờ", "phone", "091.234.5678"),
    ("di động 0387-654-321", "phone", "0387-654-321"),
    ("ĐT (+84) 98 765 4321", "phone", "(+84) 98 765 4321"),
    ("ĐT (+84)987654321", "phone", "(+84)987654321"),
    ("Zalo 84912345678", "phone", "84912345678"),
    ("Zalo 84 912345678", "phone", "84 912345678"),
    ("gọi +84 912 345 678", "phone", "+84 912 345 678"),
    ("tel. +84 (0) 912 345 678", "phone", "+84 (0) 912 345 678"),
    ("tel. 0084 912 345 678", "phone", "0084 912 345 678"),
    (f"Word dán vào: 0912{NBSP}345{NBSP}678", "phone", "0912 345 678"),
    (f"Word dán vào: 0912{NNBSP}345{NNBSP}678", "phone", "0912 345 678"),
    ("bản HTML: 0912&nbsp;345&nbsp;678", "phone", "0912 345 678"),
    ("gõ từ bộ gõ: ０９１２３４５６７８", "phone", "0912345678"),
    ("ẩn: 0912\u200b345678", "phone", "0912345678"),
    ("máy bàn (0213) 3876 543", "phone", "(0213) 3876 543"),
    ("máy bàn 0213.3876.543", "phone", "0213.3876.543"),
    ("năm 2022 0912345678", "phone", "0912345678"),
    ("ở Pháp: +33 1 23 45 67 89", "phone", "+33 1 23 45 67 89"),
    ("CCCD 001099012345", "citizen-id", "001099012345"),
    ("căn cước 001 099 012 345", "citizen-id", "001 099 012 345"),
    ("số 001.099.012.345 cấp ngày 21/9/2022", "citizen-id", "001.099.012.345"),
    (f"căn cước công dân số 035{NBSP}190{NBSP}000{NBSP}123", "citizen-id", "035 190 000 123"),
    ("CMND 012345678", "citizen-id", "012345678"),
    ("chứng minh thư 045 123 456", "citizen-id", "045 123 456"),
    ("CMND số 174123456", "citizen-id", "174123456"),
    ("số CMND: 174.123.456", "citizen-id", "174.123.456"),
    ("Chứng minh nhân dân số 186 543 210", "citizen-id", "186 543 210"),
    ("ID card No. 174123456", "citizen-id", "174123456"),
    ("thư: nguyen.van.a@example.com", "email", "nguyen.van.a@example.com"),
    ("thư: nguyenvana [at] gmail.com", "email", "nguyenvana [at] gmail.com"),
    ("thư: nguyenvana(at)laichau.gov.vn", "email", "nguyenvana(at)laichau.gov.vn"),
    ("thư: nguyenvana [AT] gmail [dot] com", "email", "nguyenvana [AT] gmail [dot] com"),
    ("thư: name [at] domain", "email", "name [at] domain"),
    ("thư: nguyenvana＠gmail.com", "email", "nguyenvana@gmail.com"),
]

LEFT_ALONE = [
    "tổng vốn 123.456.789 đồng",
    "tổng vốn 1.234.567.890 đồng",
    f"tổng vốn 84{NBSP}912{NBSP}345{NBSP}678 đồng",
    "thu ngân sách 84.500.000.000 đồng",
    "giá trị 2 345 678 901 đồng",
    "hỗ trợ 123456789 đồng",
    "dân số 52.345 người",
    "dân số cả nước 98.506.193 người",
    "dân số thế giới 8.045.311.447 người",
    "Quyết định số 345/QĐ-UBND",
    "Kế hoạch số 1279/KH-UBND ngày 17/9/2021",
    "Nghị quyết số 01/2022/NQ-HĐND, Công văn số 0123/UBND-VP",
    "mã hồ sơ 000.00.24.H32-221003-0001",
    "ngày 21/9/2022, ngày 21.9.2022, ngày 2022-09-21",
    "từ 01.9.2002-2022",
    "từ 01.01.2002-01.01.2022",
    "giai đoạn 2002–2022, 2002 - 2022, 2002-2022",
    "các năm 2002-2012-2022",
    "từ 1.000 đến 2.000 người, 10-15%",
    "tỷ lệ 95,5%, tăng 0,912345678 điểm",
    "xác suất 0.123456789",
    "khen thưởng 02 tập thể, 05 cá nhân",
    "diện tích 68.452,11 ha, 1:100 000 000",
    "100000000 điểm ảnh",
    "mã xã 03390",
    "Covid-19 và 5G",
    "tổng đài 1900 1234 và 113",
    "có 120 hộ (12.345.678 đồng/hộ)",
    "tin https://baolaichau.vn/tin-tuc/ra-mat-123456789012.htm",
    "guid urn:uuid:12345678-1234-4123-8123-012345678901",
    "Hẹn gặp tại nhà văn hóa (at the hall)",
]


@pytest.mark.parametrize(("text", "kind", "match"), FOUND)
def test_personal_data_is_found(text: str, kind: str, match: str) -> None:
    assert find(text) == [(kind, match)]


@pytest.mark.parametrize("text", LEFT_ALONE)
def test_numbers_that_are_not_personal_data_are_left_alone(text: str) -> None:
    assert find(text) == []


def test_each_number_of_a_line_is_found() -> None:
    text = "ĐT 0912 345 678 - 0213 3876 543, thư a@b.vn, CCCD 001099012345."
    assert [kind for kind, _ in find(text)] == ["phone", "phone", "email", "citizen-id"]


PERSON = """\
kind: individual
name: {{vi: "Người {n}", en: "Person {n}"}}
summary: {{vi: "{summary}", en: "Summary"}}
consent: true
"""


def test_check_and_build_refuse_personal_data_as_editors_paste_it(make_site) -> None:
    site = make_site({
        "content/people/a.yml": PERSON.format(n="A", summary=f"Gọi 0912{NBSP}345{NBSP}678"),
        "content/people/b.yml": PERSON.format(n="B", summary="Gọi (+84) 98 765 4321"),
        "content/people/c.yml": PERSON.format(n="C", summary="CCCD 001 099 012 345"),
        "content/people/d.yml": PERSON.format(n="D", summary="Thư: nguyenvana [at] gmail.com"),
        "content/people/e.yml": PERSON.format(n="E", summary=(
            "Ủng hộ 123.456.789 đồng; xã có dân số 52.345 người; Quyết định số 345/QĐ-UBND "
            "ngày 21/9/2022; giai đoạn 2002–2022 tăng 12,5%")),
    })  # fmt: skip
    check = site.cli("check", "--lang", "en")
    assert check.returncode == 1
    assert [line.split(": error: ")[0] for line in check.stdout.splitlines()[:-1]] == [
        "content/people/a.yml:3:15",
        "content/people/b.yml:3:15",
        "content/people/c.yml:3:15",
        "content/people/d.yml:3:15",
    ]
    assert "holds a phone number ('0912 345 678')" in check.stdout
    assert "holds a citizen ID number ('001 099 012 345')" in check.stdout
    assert "holds an e-mail address ('nguyenvana [at] gmail.com')" in check.stdout
    build = site.cli("build")
    assert build.returncode == 1 and "content/people/c.yml:3:15" in build.stdout + build.stderr
