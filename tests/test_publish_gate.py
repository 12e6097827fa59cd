"""The publish gate (#32, section 3): `build --publish` refuses a placeholder address, news
without a written guid and illustrative content unless the site declares a demonstration;
illustrative pages are kept from search engines and marked on the page and the card."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from PIL import Image

from site_builder import build as build_stage
from site_builder.checks import publish_gate
from site_builder.content.publish import is_placeholder

from conftest import DESIGN, MINIMAL_SITE, REPO, ignore_decap, tree_hash

REAL = MINIMAL_SITE.replace("https://example.test/", "https://trang-thu.vn/")
NEWS = """\
title: {vi: Tin thử, en: Test item}
date: 2022-05-01
summary: {vi: Tóm tắt., en: Summary.}
body: {vi: Nội dung., en: Body.}
category: chien-dich
"""
PERSON = """\
kind: individual
name: {{vi: {name}, en: {name}}}
summary: {{vi: Tóm tắt., en: Summary.}}
consent: true
illustrative: {illustrative}
"""
FIELD = """\
title: {vi: Kinh tế, en: Economy}
plan_section: "2.1"
summary: {vi: Tóm tắt., en: Summary.}
metrics:
  - label: {vi: Số xã đạt chuẩn, en: Communes meeting the standard}
    unit: xa
    values: {2002: 1, 2022: 7}
    key: true
illustrative: true
"""


def test_placeholder_address_and_contact_are_refused_before_anything_is_written(
    make_site,
) -> None:
    site = make_site({"content/site.yml": MINIMAL_SITE + "contact: bientap@thu.example\n"})
    assert site.cli("build").returncode == 0  # without --publish the sample address builds
    before = tree_hash(site.site)
    result = site.cli("build", "--publish")
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert lines[0].startswith(
        "content/site.yml:9:11: lỗi: 'base_url': 'https://example.test/' là địa chỉ mẫu "
        "('example.test' là tên dành cho ví dụ hoặc cho máy này)"
    ), lines
    assert "(gợi ý: trước khi đăng, ghi địa chỉ thật của trang (base_url" in lines[0]
    assert lines[1].startswith(
        "content/site.yml:12:10: lỗi: 'contact': 'bientap@thu.example' là địa chỉ mẫu"
    ), lines
    assert lines[2:] == [
        "2 lỗi, 0 cảnh báo trong 1 tệp.",
        "Chưa dựng trang: thư mục site/ cũ vẫn giữ nguyên.",
    ]
    assert tree_hash(site.site) == before  # the last build is still in place, untouched
    english = site.cli("--lang", "en", "build", "--publish")
    assert english.stderr.startswith(
        "content/site.yml:9:11: error: 'base_url': 'https://example.test/' is a placeholder "
        "address ('example.test' is a name kept for examples or for this machine), not a real "
        "one; a published site cannot use it (hint: before publishing, write the site's real "
        "address (base_url, e.g. https://domain/ or https://domain/tam-duong/)"
    ), english.stderr


def test_a_real_address_under_a_sub_path_is_published(make_site) -> None:
    settings = MINIMAL_SITE.replace("https://example.test/", "https://trang-thu.vn/tam-duong/")
    site = make_site({"content/site.yml": settings + "contact: bientap@trang-thu.vn\n"})
    result = site.cli("build", "--publish", "--strict")
    assert result.returncode == 0, result.stderr
    assert '<link rel="canonical" href="https://trang-thu.vn/tam-duong/gioi-thieu/">' in site.read(
        "gioi-thieu/index.html"
    )


@pytest.mark.parametrize(
    ("host", "placeholder"),
    [("tamduong.example", True), ("example.com", True), ("www.example.org", True),
     ("thu.test", True), ("localhost", True), ("127.0.0.1", True), ("192.168.1.10", True),
     ("may-chu", True), ("tamduong.laichau.gov.vn", False), ("example.vn", False),
     ("myexample.com", False), ("203.113.131.1", False)],
)  # fmt: skip
def test_which_addresses_are_placeholders(host: str, placeholder: bool) -> None:
    assert is_placeholder(host) is placeholder


def test_published_news_without_guid_is_refused_and_a_draft_is_not(make_site) -> None:
    site = make_site({
        "content/site.yml": REAL,
        "content/news/2022/khong-ma.yml": NEWS,
        "content/news/2022/co-ma.yml": NEWS + 'guid: "urn:uuid:6d0c9d4e-7c52-4a55-9c36"\n',
        "content/news/2022/nhap.yml": NEWS + "draft: true\n",
    })  # fmt: skip
    result = site.cli("--lang", "en", "build", "--publish")
    assert result.returncode == 1
    assert result.stderr.splitlines()[:2] == [
        "content/news/2022/khong-ma.yml:1:1: error: the news item has no guid (its RSS/Atom feed "
        "id); one made from the site's address changes with the address, and feed readers would "
        "announce the item again as new (hint: add a guid line that is never edited, e.g. guid: "
        '"urn:uuid:…" (site-builder new writes one); an item already published keeps the id it '
        "had: copy its <guid> from the published feed (tin-tuc/rss.xml) before changing the "
        "site's address)",
        "1 error, 0 warnings in 1 file.",
    ]
    (site.root / "content/news/2022/khong-ma.yml").unlink()  # control: the rest is published
    assert site.cli("build", "--publish").returncode == 0


def test_illustrative_content_is_refused_unless_the_site_is_a_demonstration(make_site) -> None:
    site = make_site({
        "content/site.yml": REAL,
        "content/people/mau.yml": PERSON.format(name="Người Mẫu", illustrative="true"),
        "content/people/that.yml": PERSON.format(name="Người Thật", illustrative="false"),
    })  # fmt: skip
    result = site.cli("build", "--publish")
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == (
        "content/people/mau.yml:5:15: lỗi: 'illustrative': nội dung minh họa (illustrative: true) "
        "không được đăng như tư liệu thật (gợi ý: thay bằng nội dung có nguồn rồi đổi thành "
        "illustrative: false, hoặc xóa tệp; nếu đây là trang trình diễn, ghi demonstration: true "
        "trong content/site.yml)"
    )
    assert "that.yml" not in result.stderr
    assert not site.site.exists()
    site.write("content/site.yml", REAL + "demonstration: true\n")
    result = site.cli("build", "--publish", "--strict")
    assert result.returncode == 0, result.stderr


def test_a_refusal_is_not_skipped_when_nothing_changed_since_the_last_build(make_site) -> None:
    """A plain build records "nothing changed"; the gate must not take that for a pass."""
    site = make_site()
    assert site.build().code == build_stage.OK
    before = tree_hash(site.site)
    refused = build_stage.build(site.root, site.site, strict=True, publish=True)
    assert refused.code == build_stage.CONTENT_ERRORS
    assert [p.code for p in refused.problems] == ["publish-placeholder"]
    assert tree_hash(site.site) == before


def _ld(page: str) -> list[str]:
    return re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)


def test_a_demonstration_keeps_illustrative_pages_from_search_engines(make_site) -> None:
    site = make_site({
        "content/site.yml": REAL + "demonstration: true\n",
        "content/people/mau.yml": PERSON.format(name="Người Mẫu", illustrative="true"),
        "content/people/that.yml": PERSON.format(name="Người Thật", illustrative="false"),
        "content/news/2022/mau.yml": NEWS + "illustrative: true\nguid: urn:uuid:1\n",
        "content/news/2022/that.yml": NEWS + "guid: urn:uuid:2\n",
        "content/news/2022/chi-viet.yml": NEWS.replace(", en: Test", "") + "guid: urn:uuid:3\n",
    })  # fmt: skip
    assert site.cli("build", "--publish", "--strict").returncode == 0
    assert "tin-tuc/chi-viet/" in site.read("sitemap.xml")  # a record without English
    assert "tin-tuc/chi-viet/" not in site.read("en/sitemap.xml")
    noindex = '<meta name="robots" content="noindex">'
    for prefix in ("", "en/"):
        sitemap = site.read(f"{prefix}sitemap.xml")
        for section, kind in (("guong-dien-hinh", "Person"), ("tin-tuc", "NewsArticle")):
            sample = site.read(f"{prefix}{section}/mau/index.html")
            assert noindex in sample
            assert _ld(sample) == []
            assert f"{section}/mau/" not in sitemap
            real = site.read(f"{prefix}{section}/that/index.html")  # the control
            assert noindex not in real
            assert [f'"@type": "{kind}"' in ld for ld in _ld(real)] == [True]
            assert f"https://trang-thu.vn/{prefix}{section}/that/" in sitemap
        assert f"<loc>https://trang-thu.vn/{prefix}</loc>" in sitemap  # the home page stays
    # not a demonstration (a plain build, which --publish would refuse): sample pages are
    # indexed like any other, and still announce no entity
    site.write("content/site.yml", REAL)
    assert site.build(strict=False).code == 0
    sample = site.read("guong-dien-hinh/mau/index.html")
    assert noindex not in sample and _ld(sample) == []
    assert "guong-dien-hinh/mau/" in site.read("sitemap.xml")


def _card(site, rel: str) -> Image.Image:
    found = re.search(r'<meta property="og:image" content="https://trang-thu.vn/([^"]+)">',
                      site.read(rel))  # fmt: skip
    assert found, rel
    return Image.open(site.site / found[1]).convert("RGB")


def _gold_in_notice_box(card: Image.Image) -> float:
    """The share of gold pixels where a card's notice box is drawn (left, above the line)."""
    data = card.crop((80, 440, 300, 490)).tobytes()
    pixels = [tuple(data[i : i + 3]) for i in range(0, len(data), 3)]
    gold = [p for p in pixels if p[0] > 220 and 170 < p[1] < 230 and p[2] < 120]
    return len(gold) / len(pixels)


def test_cards_of_illustrative_pages_and_invented_figures_say_so(make_site) -> None:
    site = make_site({
        "content/site.yml": REAL + "demonstration: true\n",
        "content/people/mau.yml": PERSON.format(name="Người Mẫu", illustrative="true"),
        "content/people/that.yml": PERSON.format(name="Người Thật", illustrative="false"),
        "content/fields/kinh-te.yml": FIELD,
    })  # fmt: skip
    assert site.cli("build", "--strict").returncode == 0
    for prefix in ("", "en/"):
        for rel in ("guong-dien-hinh/mau/", "thanh-tuu/kinh-te/", ""):  # "": the home page
            assert _gold_in_notice_box(_card(site, f"{prefix}{rel}index.html")) > 0.5, rel
        for rel in ("guong-dien-hinh/that/", "gioi-thieu/"):  # the control: no notice
            assert _gold_in_notice_box(_card(site, f"{prefix}{rel}index.html")) < 0.01, rel


def test_each_invented_figure_is_marked_in_its_own_box(make_site) -> None:
    site = make_site({"content/fields/kinh-te.yml": FIELD})
    assert site.build().code == build_stage.OK
    for prefix, words in (("", "Minh họa</span> / <span lang=\"en\">Illustrative"),
                          ("en/", "Illustrative</span> / <span lang=\"vi\">Minh họa")):  # fmt: skip
        home = site.read(f"{prefix}index.html")
        card = re.search(r'<li class="sb-figure-card">(.*?)</li>', home, re.S)
        assert card and "sb-figure-card__label" in card[1]
        assert f'<span class="sb-figure-mark"><span lang="{prefix[:2] or "vi"}">{words}' in card[1]
        page = site.read(f"{prefix}thanh-tuu/kinh-te/index.html")
        caption = re.search(r'<figure class="sb-chart-figure">.*?<figcaption>(.*?)</figcaption>',
                            page, re.S)  # fmt: skip
        assert caption and "sb-figure-mark" in caption[1]
        assert re.search(r"<caption>[^<]*<span class=\"sb-figure-mark\">", page)  # the table's
    site.write("content/fields/kinh-te.yml", FIELD.replace("illustrative: true", ""))
    assert site.build().code == build_stage.OK  # the control: real figures carry no mark
    assert "sb-figure-mark" not in site.read("index.html") + site.read(
        "thanh-tuu/kinh-te/index.html"
    )


# --- the bundled content ----------------------------------------------------------------


def _bundled_copy(tmp_path: Path, settings: dict[str, object]) -> Path:
    """The repository's content and design in `tmp_path`, with site.yml's fields replaced."""
    root = tmp_path / "project"
    root.mkdir(parents=True)
    for name in (*DESIGN, "content"):
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, root / name, ignore=ignore_decap)
        else:
            shutil.copy(source, root / name)
    path = root / "content" / "site.yml"
    text = path.read_text(encoding="utf-8")
    for key, value in settings.items():
        text, count = re.subn(rf"(?m)^{key}: .*$", f"{key}: {value}", text)
        assert count == 1, key
    path.write_text(text, encoding="utf-8")
    return root


def test_the_bundled_content_is_a_demonstration_and_builds_without_publish(bundled) -> None:
    settings = yaml.safe_load((REPO / "content" / "site.yml").read_text(encoding="utf-8"))
    assert settings["demonstration"] is True
    assert (
        len(re.findall(r"(?m)^(base_url|contact):", (REPO / "content/site.yml").read_text())) == 2
    )
    page = bundled.read("guong-dien-hinh/giang-a-minh-hoa/index.html")  # built by the fixture
    assert '<meta name="robots" content="noindex">' in page and _ld(page) == []
    assert "guong-dien-hinh/giang-a-minh-hoa/" not in bundled.read("sitemap.xml")


def test_the_bundled_content_is_refused_for_publication_until_its_address_is_set(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SITE_BUILDER_CACHE", str(tmp_path / "cache"))
    out = tmp_path / "out"
    result = build_stage.build(REPO, out / "site", radio_dir=out / "radio", publish=True)
    assert result.code == build_stage.CONTENT_ERRORS
    assert {(p.path, p.key, p.code) for p in result.problems} == {
        ("content/site.yml", "base_url", "publish-placeholder"),
        ("content/site.yml", "contact", "publish-placeholder"),
    }  # every news item has its guid; the sample content is a declared demonstration
    assert not out.exists()
    checked = subprocess.run([sys.executable, "-m", "site_builder", "--lang", "en", "check",
                              "--publish", "--format", "json"], cwd=REPO, capture_output=True,
                             text=True, check=False)  # fmt: skip
    found = json.loads(checked.stdout)  # check --publish finds what build --publish refuses
    assert checked.returncode == 1 and found["errors"] == 2
    assert {p["code"] for p in found["problems"]} == {"publish-placeholder"}
    plain = subprocess.run([sys.executable, "-m", "site_builder", "check"], cwd=REPO,
                           capture_output=True, text=True, check=False)  # fmt: skip
    assert plain.returncode == 0  # the control: without --publish, no gate
    real = {"base_url": "https://trang-thu.vn/tam-duong/", "contact": "bientap@trang-thu.vn"}
    assert publish_gate(_bundled_copy(tmp_path, real)) == []
    records = _bundled_copy(tmp_path / "records", {**real, "demonstration": "false"})
    refused = publish_gate(records)
    assert refused and {p.code for p in refused} == {"publish-illustrative"}
    assert "content/people/giang-a-minh-hoa.yml" in {p.path for p in refused}


def test_the_publishing_workflow_runs_the_gate_and_the_radio_job_does_not_wait_for_it() -> None:
    text = (REPO / ".github" / "workflows" / "site.yml").read_text(encoding="utf-8")
    jobs = yaml.load(text, Loader=yaml.BaseLoader)["jobs"]  # noqa: S506 (strings only)
    runs = " ".join(step.get("run", "") for step in jobs["publish"]["steps"])
    assert "site-builder build --publish --strict" in runs
    radio = [n for n, j in jobs.items() if any("site-builder radio" in s.get("run", "")
                                                for s in j["steps"])]  # fmt: skip
    assert radio and "needs" not in jobs[radio[0]] and "if" not in jobs[radio[0]]


def test_the_guides_say_how_to_publish() -> None:
    for name, words in (
        ("README.md", ("build --publish", "base_url", "demonstration", "/tam-duong/")),
        ("docs/huong-dan-bien-tap.md", ("build --publish", "base_url", "contact",
                                        "demonstration", "/tam-duong/")),
        ("docs/editors-guide.md", ("build --publish", "base_url", "contact", "demonstration",
                                   "/tam-duong/")),
    ):  # fmt: skip
        text = (REPO / name).read_text(encoding="utf-8")
        assert [w for w in words if w not in text] == [], name


SIZES = """() => {
  const size = el => parseFloat(getComputedStyle(el).fontSize);
  const inside = (el, box) => {
    const r = el.getBoundingClientRect(), b = box.getBoundingClientRect();
    return r.width > 0 && r.left >= b.left && r.right <= b.right && r.top >= b.top
      && r.bottom <= b.bottom;
  };
  const figures = [];
  for (const [box, label] of [
      ...[...document.querySelectorAll('.sb-figure-card')].map(
        c => [c, c.querySelector('.sb-figure-card__label')]),
      ...[...document.querySelectorAll('.sb-chart-figure')].map(
        f => [f, f.querySelector('figcaption')]),
      ...[...document.querySelectorAll('table.sb-metrics')].map(
        t => [t, t.querySelector('tbody th')])]) {
    const mark = box.querySelector('.sb-figure-mark');
    figures.push({label: size(label), mark: mark && size(mark), inside: !!mark && inside(mark, box),
                  text: mark && mark.textContent});
  }
  const badge = document.querySelector('.sb-list .sb-badge');
  const link = badge && badge.parentElement.querySelector('a');
  return {figures, badge: badge && [size(badge), size(link)]};
}"""


def test_each_invented_figure_shows_its_mark_no_smaller_than_its_label(served, browser) -> None:
    page = browser.new_page()
    try:
        page.goto(served)  # the bundled home page: key figures of illustrative fields
        home = page.evaluate(SIZES)
        page.goto(served + "thanh-tuu/kinh-te/")
        field = page.evaluate(SIZES)
        page.goto(served + "en/")
        english = page.evaluate(SIZES)
    finally:
        page.close()
    cards, charts = home["figures"], field["figures"]
    assert len(cards) >= 2 and len(charts) >= 3  # two key figures; a table and two charts
    for figure in cards + charts + english["figures"]:
        assert figure["inside"], figure
        assert figure["mark"] >= figure["label"], figure
    assert cards[0]["text"] == "Minh họa / Illustrative"
    assert english["figures"][0]["text"] == "Illustrative / Minh họa"
    # the control: the measure tells a smaller marking (a list's badge beside its link) apart
    badge, link = home["badge"]
    assert badge < link
