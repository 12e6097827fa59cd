"""The bundled content, built once: both languages, the language rule, the plan, the labels."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PIL import Image

from site_builder.content.urls import SECTIONS

from thirdparty import third_party_fetches

BASE = "https://tamduong.example/"
NEWS_EN = "tin-tuc/phat-dong-thi-dua-minh-hoa/"
NEWS_VI_ONLY = "tin-tuc/tin-chua-dich-minh-hoa/"


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_every_page_has_its_language(bundled) -> None:
    pages = html_pages(bundled.site)
    assert len(pages) > 30
    for page in pages:
        lang = "en" if page.relative_to(bundled.site).parts[0] == "en" else "vi"
        assert f'<html lang="{lang}"' in page.read_text(encoding="utf-8"), page


@pytest.mark.parametrize(
    ("path", "title"),
    [
        ("index.html", "<title>Tam Đường 20 năm xây dựng và phát triển</title>"),
        ("en/index.html", "<title>Tam Đường — 20 years of building and development</title>"),
        ("ke-hoach/index.html", "<title>Kế hoạch thi đua - Tam Đường 20 năm"),
        ("en/ke-hoach/index.html", "<title>Campaign plan - Tam Đường — 20 years"),
        ("thanh-tuu/kinh-te/index.html", "<title>Phát triển kinh tế - "),
        ("en/thanh-tuu/kinh-te/index.html", "<title>Economic development - "),
    ],
)
def test_titles(bundled, path: str, title: str) -> None:
    assert title in bundled.read(path)


def test_hreflang_alternates_are_absolute_and_paired(bundled) -> None:
    for prefix in ("", "en/"):
        page = bundled.read(prefix + NEWS_EN + "index.html")
        assert f'<link rel="alternate" hreflang="vi" href="{BASE}{NEWS_EN}">' in page
        assert f'<link rel="alternate" hreflang="en" href="{BASE}en/{NEWS_EN}">' in page
        assert f'<link rel="alternate" hreflang="x-default" href="{BASE}{NEWS_EN}">' in page


def switcher(page: str) -> tuple[str, str, str]:
    m = re.search(
        r'class="[^"]*sb-switch__link" href="([^"]+)" hreflang="(\w+)"[^>]*>([^<]+)<', page
    )
    assert m, "no language switcher"
    return m[1], m[2], m[3].strip()


def test_switcher_lands_on_the_same_page_in_the_other_language(bundled) -> None:
    assert switcher(bundled.read(NEWS_EN + "index.html")) == (
        f"../../en/{NEWS_EN}",
        "en",
        "English",
    )
    assert switcher(bundled.read(f"en/{NEWS_EN}index.html")) == (
        f"../../../{NEWS_EN}",
        "vi",
        "Tiếng Việt",
    )
    assert switcher(bundled.read("index.html"))[0] == "en/"
    assert switcher(bundled.read("en/index.html"))[0] == "../"


def test_item_without_english_is_left_out_of_the_english_site(bundled) -> None:
    page = bundled.read(NEWS_VI_ONLY + "index.html")
    assert switcher(page) == ("../../en/tin-tuc/", "en", "not available in English")
    assert 'hreflang="en" href' not in page.split("</head>")[0]
    assert not bundled.exists(f"en/{NEWS_VI_ONLY}index.html")
    assert "tin-chua-dich-minh-hoa" not in bundled.read("en/tin-tuc/index.html")
    assert "tin-chua-dich-minh-hoa" not in bundled.read("en/sitemap.xml")
    assert "tin-chua-dich-minh-hoa" in bundled.read("tin-tuc/index.html")
    # illustrative, so in neither sitemap (#32); test_publish_gate lists a Vietnamese-only
    # item that is a record in the Vietnamese sitemap only
    assert "tin-chua-dich-minh-hoa" not in bundled.read("sitemap.xml")


def test_plan_headings_in_both_languages(bundled) -> None:
    vi = bundled.read("ke-hoach/index.html")
    for heading in (
        "I. MỤC ĐÍCH, YÊU CẦU",
        "II. THỜI GIAN THỰC HIỆN ĐỢT THI ĐUA",
        "2.1. Thi đua thực hiện nhiệm vụ phát triển kinh tế",
        "2.6. Thi đua đẩy mạnh chất lượng hoạt động của Mặt trận Tổ quốc Việt Nam",
        "IV. CÔNG TÁC KHEN THƯỞNG",
        "V. TỔ CHỨC THỰC HIỆN",
    ):
        assert re.search(rf"<h[2-4] id=\"[a-z0-9-]+\">{re.escape(heading)}", vi), heading
    assert "Từ nay đến hết ngày 30/8/2022." in vi
    assert "Sùng Lữ Páo" in vi
    assert "<dd>—/KH-UBND</dd>" in vi  # the number the source leaves blank is not invented
    en = bundled.read("en/ke-hoach/index.html")
    assert (
        '<span lang="en">Unofficial translation</span> / '
        '<span lang="vi">Bản dịch không chính thức</span>'
    ) in en
    assert re.search(r"<h2 id=\"[a-z0-9-]+\">I\. PURPOSES AND REQUIREMENTS</h2>", en)
    assert "Unofficial translation" not in vi
    # the table of contents uses the Vietnamese-aware slug (đ → d)
    assert 'id="ii-thoi-gian-thuc-hien-dot-thi-dua"' in vi


def test_plan_vietnamese_is_the_source_text_verbatim(bundled) -> None:
    seed = bundled.root / "docs" / "sources" / "ke-hoach-thi-dua-20-nam.txt"
    page = bundled.read("ke-hoach/index.html").replace("&#34;", '"').replace("&#39;", "'")
    for line in seed.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if len(line) > 60 and not line.startswith(("I", "V", "1.", "2.", "3.", "4.", "5.")):
            assert line in page, line[:60]


def test_illustrative_content_is_labelled_in_both_languages(bundled) -> None:
    for prefix in ("", "en/"):
        for path in ("guong-dien-hinh/nguyen-van-minh-hoa/", NEWS_EN, "thanh-tuu/kinh-te/"):
            page = bundled.read(f"{prefix}{path}index.html")
            assert 'class="sb-illustrative"' in page
            assert "Nội dung minh họa" in page and "Illustrative content" in page


def test_navigation_lists_sections_never_items(bundled) -> None:
    page = bundled.read(NEWS_EN + "index.html")
    nav = page[page.index('<nav class="md-nav md-nav--primary"') :]
    nav = nav[: nav.index("</nav>")]
    assert "phat-dong-thi-dua-minh-hoa" not in nav
    assert nav.count('class="md-nav__link') <= len(SECTIONS)  # 11 with the programmes page


def test_every_interface_url_exists_in_both_languages(bundled) -> None:
    for path in ("", "gioi-thieu/", "ke-hoach/", "thanh-tuu/", "thanh-tuu/quoc-phong-an-ninh/",
                 "dong-thoi-gian/", "guong-dien-hinh/", "khen-thuong/", "tin-tuc/",
                 "thu-vien-anh/", "thu-vien-anh/phong-canh-minh-hoa/"):  # fmt: skip
        assert bundled.exists(f"{path}index.html") and bundled.exists(f"en/{path}index.html")
    assert bundled.exists("404.html") and bundled.exists("en/404.html")


def test_about_page_and_footer_carry_the_2002_2025_note(bundled) -> None:
    about = bundled.read("gioi-thieu/index.html")
    assert "Trang lưu trữ về huyện Tam Đường (2002–2025)" in about
    assert "03390" in about and "daohoangson/dvhcvn" in about
    assert "An archive of Tam Đường district (2002–2025)" in bundled.read("en/tin-tuc/index.html")
    assert "Made with" not in bundled.read("index.html")


def test_no_page_fetches_from_a_third_party_host(bundled) -> None:
    offenders = {
        str(p.relative_to(bundled.site)): third_party_fetches(p.read_text(encoding="utf-8"))
        for p in html_pages(bundled.site)
    }
    assert {k: v for k, v in offenders.items() if v} == {}
    css = "".join(p.read_text(encoding="utf-8") for p in bundled.site.rglob("*.css"))
    assert "fonts.googleapis" not in css and "fonts.gstatic" not in css


@pytest.mark.parametrize(
    "hostile",
    [
        '<img src="https://tracker.example/p.gif">',
        '<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">',
        '<script src="//cdn.example/x.js"></script>',
        '<img srcset="a.jpg 1x, https://cdn.example/b.jpg 2x">',
        '<div style="background: url(https://cdn.example/bg.png)"></div>',
    ],
)
def test_third_party_check_catches_a_control(hostile: str) -> None:
    assert third_party_fetches(f"<html><body>{hostile}</body></html>")
    assert third_party_fetches('<a href="https://example.org/">link</a>') == []


def test_images_are_resized_and_carry_no_metadata(bundled) -> None:
    outputs = sorted((bundled.site / "anh").glob("mau-ruong-bac-thang-*"))
    assert [p.name.split("-")[-1] for p in outputs] == [
        "1600.jpg", "1600.webp", "480.jpg", "480.webp", "960.jpg", "960.webp",
    ]  # fmt: skip
    for path in outputs:
        with Image.open(path) as im:
            assert im.width in (480, 960, 1600) and im.height == im.width * 1000 // 1600
            assert not im.getexif() and "icc_profile" not in im.info
    page = bundled.read("thu-vien-anh/phong-canh-minh-hoa/index.html")
    first, second = re.findall(r"<img [^>]+>", page.split("data-sb-gallery", 1)[1])[:2]
    assert 'loading="lazy"' not in first and 'loading="lazy"' in second
    en = bundled.read("en/thu-vien-anh/phong-canh-minh-hoa/index.html")
    assert re.search(r'<img src="../../../anh/mau-ruong-bac-thang-[0-9a-f]{10}-1600.jpg" '
                     r'srcset="[^"]+" sizes="[^"]+" alt="Rice terraces \(generated picture\)"',
                     en)  # fmt: skip
    assert not (bundled.site / "en" / "anh" / "mau").exists()  # both languages share the photos


def test_every_page_has_a_social_card(bundled) -> None:
    for prefix in ("", "en/"):
        page = bundled.read(f"{prefix}tin-tuc/index.html")
        image = re.search(r'<meta property="og:image" content="([^"]+)">', page)
        assert image and image[1].startswith(f"https://tamduong.example/{prefix}anh/the/")
        card = bundled.site / image[1].removeprefix("https://tamduong.example/")
        with Image.open(card) as im:
            assert im.size == (1200, 630)
        assert '<meta name="twitter:card" content="summary_large_image">' in page


def test_list_pages_share_their_sections_card(bundled) -> None:
    def card(rel: str) -> str:
        found = re.search(r'<meta property="og:image" content="([^"]+)">', bundled.read(rel))
        assert found, rel
        return found[1]

    tag = next((bundled.site / "tin-tuc" / "the").iterdir()).name
    assert card(f"tin-tuc/the/{tag}/index.html") == card("tin-tuc/index.html")
    month = next((bundled.site / "tin-tuc" / "luu-tru").glob("*/*/index.html"))
    assert card(month.relative_to(bundled.site).as_posix()) == card("tin-tuc/index.html")
    assert card("tin-tuc/le-ky-niem-20-nam/index.html") != card("tin-tuc/index.html")
    pages = [p for p in bundled.site.rglob("index.html") if "admin" not in p.parts]
    drawn = list((bundled.site / "anh" / "the").iterdir()) + list(
        (bundled.site / "en" / "anh" / "the").iterdir()
    )
    assert len(drawn) < len(pages)
