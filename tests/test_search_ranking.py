"""The site's search ranks and shows results better than Pagefind alone (issue #34).

Queries run through the search page's own search (`sbSearch`, the options its interface
uses) in headless Chromium. Each ranking case is also run through plain Pagefind, as a
control: where plain Pagefind already ranks it right, the case would prove nothing.
"""

from __future__ import annotations

import re
import shutil
import unicodedata

import pytest

from site_builder.output import search as search_index

from browser import indexed, serve
from conftest import DESIGN, MINIMAL_PLAN, MINIMAL_SITE, REPO, TinySite, ignore_decap

OURS = """async (query) => window.sbSearch(query, 10)"""
PLAIN = """async (query) => {
  const pagefind = await import("/pagefind/pagefind.js");
  const found = await pagefind.search(query);
  const data = await Promise.all(found.results.slice(0, 10).map(r => r.data()));
  return data.map(d => d.url);
}"""
EXCERPTS = """async (query) => {
  const pagefind = await import("/pagefind/pagefind.js");
  const found = await pagefind.search(query);
  const data = await Promise.all(found.results.slice(0, 8).map(r => r.data()));
  return data.map(d => [d.url, d.excerpt, ...d.sub_results.map(s => s.excerpt)]);
}"""
VISIBLE = "() => document.querySelector('article').innerText"


def news(ident: str, vi_title: str, en_title: str, vi_body: str, en_body: str) -> dict:
    text = f"""\
        title: {{vi: "{vi_title}", en: "{en_title}"}}
        date: 2022-06-01
        summary: {{vi: "Tin thử.", en: "A test item."}}
        body: {{vi: "{vi_body}", en: "{en_body}"}}
        category: kinh-te
    """
    return {f"content/news/2022/{ident}.yml": text}


# One page holds the word as typed, the others a form with other marks and more often: Pagefind
# alone ranks these above it.
EXACT = {
    **news("ban-lang", "Thăm làng", "A village visit",
           "Đoàn về thăm bản vùng cao, nói chuyện với bà con trong nhiều buổi chiều liền "
           "về mùa màng, đường sá, trường học, trạm y tế, nước sạch, điện lưới, chợ phiên, "
           "nghề dệt, rừng phòng hộ, đường liên xã và những mùa lúa trên ruộng bậc thang.",
           "The visitors spent many afternoons in the bản talking about crops, roads, "
           "schools, the health station, clean water, the grid, the market, weaving, "
           "the protected forest, the inter-commune road and the terraced rice fields."),
    **news("ban-be", "Bạn bè, bạn học", "Bạn bè and bạn học", "Bạn bè bạn học bạn cũ.",
           "Bạn bè and bạn học, old bạn."),
    **news("ban-ghe", "Bàn ghế, bàn học", "Bàn ghế and bàn học", "Bàn ghế bàn học bàn mới.",
           "Bàn ghế and bàn học, new bàn."),
}  # fmt: skip
SYNONYMS = {
    **news("uy-ban", "Họp chính quyền", "A government meeting",
           "Ủy ban nhân dân xã họp bàn kế hoạch.",
           "The commune's Ủy ban nhân dân met about the plan."),
    **news("viet-tat", "Hội nghị xã", "A commune conference",
           "HTX và UBND xã tổ chức hội nghị.", "The HTX and the UBND held a conference."),
    **news("hop-tac", "Hội chợ nông sản", "A farm fair",
           "Hợp tác xã chè mang sản phẩm tới hội chợ.",
           "The Hợp tác xã chè brought its tea to the fair."),
}  # fmt: skip


@pytest.fixture(scope="module")
def tiny_site(tmp_path_factory) -> TinySite:
    """A tiny site with the ranking cases, built once for this module."""
    root = tmp_path_factory.mktemp("ranking") / "project"
    root.mkdir()
    for name in DESIGN:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, root / name, ignore=ignore_decap)
        else:
            shutil.copy(source, root / name)
    site = TinySite(root)
    site.write("content/site.yml", MINIMAL_SITE)
    site.write("content/plan.yml", MINIMAL_PLAN)
    site.write("content/glossary.yml", "terms:\n  UBND: Ủy ban nhân dân\n  HTX: hợp tác xã\n")
    for rel, text in {**EXACT, **SYNONYMS}.items():
        site.write(rel, text)
    assert site.build().code == 0
    return site


@pytest.fixture(scope="module")
def tiny(tiny_site, browser):
    """The tiny site served; a page per language on its search page."""
    with serve(tiny_site.site) as url:
        pages = {}
        for lang, path in (("vi", "tim-kiem/"), ("en", "en/tim-kiem/"), ("plain", "")):
            pages[lang] = browser.new_page()  # "plain": Pagefind alone, on the home page
            pages[lang].goto(url + path)
        yield pages
        for page in pages.values():
            page.close()


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize(
    ("query", "first"),
    [("bản", "ban-lang"), ("bạn", "ban-be"), ("bàn", "ban-ghe")],
)
def test_a_word_with_its_marks_ranks_above_its_other_forms(tiny, lang, query, first) -> None:
    prefix = "/en" if lang == "en" else ""
    top = tiny[lang].evaluate(OURS, query)
    pages = [f"{prefix}/tin-tuc/{i}/" for i in ("ban-lang", "ban-be", "ban-ghe")]
    assert set(pages) <= set(top), top  # the other forms are still found, below
    order = [url for url in top if url in pages]  # other pages may hold the word too
    assert order[0] == f"{prefix}/tin-tuc/{first}/", top


def test_plain_pagefind_ranks_the_exact_word_below_a_folded_one(tiny) -> None:
    """Control: the exact-word cases are ones Pagefind's defaults get wrong."""
    pages = [f"/tin-tuc/{i}/" for i in ("ban-lang", "ban-be", "ban-ghe")]
    order = [url for url in tiny["plain"].evaluate(PLAIN, "bản") if url in pages]
    assert order[0] != "/tin-tuc/ban-lang/", order


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("UBND", ["uy-ban", "viet-tat"]),  # the long form finds the abbreviation, and back
        ("ủy ban nhân dân", ["uy-ban", "viet-tat"]),
        ("uy ban nhan dan", ["uy-ban", "viet-tat"]),
        ("HTX chè", ["hop-tac"]),
        ("hợp tác xã", ["hop-tac", "viet-tat"]),
    ],
)
def test_glossary_abbreviations_and_long_forms_find_each_other(tiny, lang, query, expected):
    prefix = "/en" if lang == "en" else ""
    top = tiny[lang].evaluate(OURS, query)
    assert {f"{prefix}/tin-tuc/{i}/" for i in expected} <= set(top), top


def test_the_abbreviation_is_found_through_search_only_words(tiny_site) -> None:
    """Control: the page of the long form never says "UBND"; only its search words do."""
    page = next(p for p in indexed(tiny_site.site) if p["url"] == "/tin-tuc/uy-ban/")
    assert "ubnd" not in page["content"].casefold()
    assert "ubnd" in page["meta"]["sb"].split()


# The plan's names for its columns find the site's pages for them, first.
COLUMNS = [
    ("vi", "gương người tốt, việc tốt", "/guong-dien-hinh/"),
    ("vi", "guong nguoi tot viec tot", "/guong-dien-hinh/"),
    ("vi", "chương trình phát thanh", "/phat-thanh/"),
    ("vi", "chuong trinh phat thanh", "/phat-thanh/"),
    ("en", "good people good deeds", "/en/guong-dien-hinh/"),
    ("en", "radio programmes", "/en/phat-thanh/"),
]


@pytest.fixture(scope="module")
def search_pages(browser, served):
    pages = {}
    for lang, prefix in (("vi", ""), ("en", "en/")):
        pages[lang] = browser.new_page()
        pages[lang].goto(served + prefix + "tim-kiem/")
    yield pages
    for page in pages.values():
        page.close()


@pytest.mark.parametrize(("lang", "query", "expected"), COLUMNS)
def test_the_plans_column_names_find_their_pages_first(search_pages, lang, query, expected):
    assert search_pages[lang].evaluate(OURS, query)[0] == expected


def test_the_exemplars_page_names_the_plans_column_where_a_visitor_sees_it(browser, served):
    page = browser.new_page()
    try:
        page.goto(served + "guong-dien-hinh/")
        assert "gương người tốt, việc tốt" in page.evaluate(VISIBLE)
        page.goto(served + "en/guong-dien-hinh/")
        assert "good people and good deeds" in page.evaluate(VISIBLE)
    finally:
        page.close()


# --- clean excerpts --------------------------------------------------------------------------

_WORD = re.compile(r"\w+")


def _words(text: str) -> set[str]:
    text = unicodedata.normalize("NFC", re.sub(r"<[^>]+>", " ", text)).casefold()
    return set(_WORD.findall(text))


def leaked(browser, page, base: str, query: str) -> list[tuple[str, set[str]]]:
    """Return, for each result, the excerpt words its page does not show a visitor.

    Pagefind joins the text of adjacent elements ("Ngày" "Tam" → "ngàytam"): a word made of
    two shown words is shown.
    """
    found = []
    for url, *excerpts in page.evaluate(EXCERPTS, query):
        viewer = browser.new_page()
        try:
            viewer.goto(base + url.lstrip("/"))
            shown = _words(viewer.evaluate("() => document.body.innerText"))
        finally:
            viewer.close()
        words = set().union(*(_words(e) for e in excerpts)) - shown
        joined = {w for w in words if any({w[:i], w[i:]} <= shown for i in range(1, len(w)))}
        if words - joined:
            found.append((url, words - joined))
    return found


# Queries that match the search-only words: folded "đ" words and glossary forms.
HELPED = [("vi", "tam duong"), ("vi", "dang thi dao"), ("vi", "UBND"), ("vi", "cchc"),
          ("en", "tam duong"), ("en", "dang thi dao")]  # fmt: skip


@pytest.mark.parametrize(("lang", "query"), HELPED)
def test_excerpts_show_only_what_the_page_shows(browser, served, lang, query) -> None:
    page = browser.new_page()
    try:
        page.goto(served + ("en/" if lang == "en" else "") + "tim-kiem/")
        assert page.evaluate(EXCERPTS, query), "the query finds pages"
        assert leaked(browser, page, served, query) == []
    finally:
        page.close()


def test_a_hidden_helper_text_is_caught_in_an_excerpt(tmp_path, browser, monkeypatch) -> None:
    """Control: the old way, hidden folded words in the body, shows them in an excerpt."""
    monkeypatch.setenv("SITE_BUILDER_CACHE", str(tmp_path / "cache"))
    site = tmp_path / "site"
    body = "<h1>Phong cảnh Tam Đường</h1><p>Ảnh minh họa.</p>"
    (site / "anh").mkdir(parents=True)
    head = '<html lang="vi"><head><meta charset="utf-8"></head>'
    (site / "anh" / "index.html").write_text(
        f"{head}<body><article><div data-pagefind-body>{body}"
        f'<span hidden class="sb-folded">Duong</span></div></article></body></html>',
        encoding="utf-8",
    )
    (site / "tim-kiem").mkdir()
    (site / "tim-kiem" / "index.html").write_text('<html lang="vi"><body></body></html>')
    bundle = search_index.index_language(tmp_path, site, "vi")
    search_index.assemble([bundle], site / "pagefind")
    with serve(site) as url:
        page = browser.new_page()
        try:
            page.goto(url + "tim-kiem/")
            assert leaked(browser, page, url, "tam duong") == [("/anh/", {"duong"})]
        finally:
            page.close()


def test_the_result_list_shows_no_search_only_words(browser, served) -> None:
    page = browser.new_page()
    try:
        page.goto(served + "tim-kiem/?q=dang+thi+dao")
        page.wait_for_selector(".sb-search-result a", timeout=15000)
        shown = page.locator("#sb-search").inner_text()
        assert "Đặng Thị Đào" in shown
        assert not re.search(r"\bsbt?\b|\bDang\b|\bDao\b", shown), shown
    finally:
        page.close()


def test_pages_carry_the_search_only_words_in_attributes_alone(bundled) -> None:
    """Nothing hidden a screen reader could reach: the words are attributes of the wrapper."""
    html = bundled.read("guong-dien-hinh/dang-thi-dao-mau/index.html")
    wrapper = re.search(r"<div data-pagefind-body[^>]*>", html)
    assert wrapper is not None and 'data-sb-sbt="dang dao"' in wrapper.group(0)
    for path in bundled.site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert "sb-folded" not in text and "<span hidden" not in text, path


@pytest.mark.parametrize(("lang", "query"), [("vi", "kế hoạch thử"), ("en", "test plan")])
def test_search_works_under_a_sub_path(browser, make_site, tmp_path, lang, query) -> None:
    """The page's bundle address is relative to the page, not to the script (/en/ is deeper)."""
    site = make_site()
    settings = (site.root / "content/site.yml").read_text(encoding="utf-8")
    site.write("content/site.yml", settings.replace("example.test/", "example.test/tam-duong/"))
    assert site.build().code == 0
    host = tmp_path / "host"
    host.mkdir()
    site.site.rename(host / "tam-duong")
    prefix = "tam-duong/en/" if lang == "en" else "tam-duong/"
    with serve(host) as url:
        page = browser.new_page()
        try:
            page.goto(url + prefix + "tim-kiem/?q=" + query)
            page.wait_for_selector(".sb-search-result a", timeout=15000)
            href = page.locator(".sb-search-result a").first.get_attribute("href")
            assert href == "/" + prefix + "ke-hoach/"
        finally:
            page.close()
