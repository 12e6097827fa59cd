"""Generated pages from tiny sites: the language rule, labels, drafts, sanitised bodies."""

from __future__ import annotations

import pytest

from site_builder.content.richtext import render


def test_illustrative_person_is_labelled_and_left_out_of_english(make_site) -> None:
    site = make_site(
        {
            "content/people/nguyen-van-a.yml": """\
            kind: individual
            name: {vi: Nguyễn Văn A}
            summary: {vi: Tóm tắt}
            consent: true
            illustrative: true
            """
        }
    )
    assert site.build().code == 0
    page = site.read("guong-dien-hinh/nguyen-van-a/index.html")
    assert "Nội dung minh họa" in page and "Nguyễn Văn A" in page
    assert not site.exists("en/guong-dien-hinh/nguyen-van-a/index.html")  # no English text
    assert "nguyen-van-a" not in site.read("en/guong-dien-hinh/index.html")


def test_drafts_and_future_items_are_not_published(make_site) -> None:
    news = """\
    title: {{vi: "{title}", en: "{title}"}}
    date: {date}
    summary: {{vi: s, en: s}}
    body: {{vi: b, en: b}}
    category: chien-dich
    draft: {draft}
    """
    site = make_site(
        {
            "content/news/2022/nhap.yml": news.format(
                title="Bản nháp", date="2022-06-01", draft="true"
            ),
            "content/news/2022/cu.yml": news.format(
                title="Tin cũ", date="2022-06-01", draft="false"
            ),
            # the session's build date is 2022-12-02 (SOURCE_DATE_EPOCH in conftest)
            "content/news/2022/sau.yml": news.format(
                title="Tin sau", date="2022-12-03", draft="false"
            ),
        }
    )
    assert site.build().code == 0
    index = site.read("tin-tuc/index.html")
    assert "Tin cũ" in index and "Bản nháp" not in index and "Tin sau" not in index
    assert not site.exists("tin-tuc/nhap/index.html") and not site.exists("tin-tuc/sau/index.html")
    assert site.exists("en/tin-tuc/cu/index.html")


HOSTILE = [
    ("<script>alert(1)</script>", "<script"),
    ('<img src="x" onerror="alert(1)">', "onerror"),
    ("[x](javascript:alert(1))", "javascript:"),
    ("[x](data:text/html;base64,PHNjcmlwdD4=)", "data:"),
    ('<iframe src="https://evil.example/"></iframe>', "<iframe"),
    ('<a href="/" onclick="steal()">a</a>', "onclick"),
    ('<p style="background:url(https://t.example/)">x</p>', "style="),
]


@pytest.mark.parametrize(("body", "forbidden"), HOSTILE)
def test_markdown_bodies_are_sanitised(body: str, forbidden: str) -> None:
    assert forbidden not in render(body)


def test_sanitiser_keeps_what_editors_need() -> None:
    html = render("# Tiêu đề\n\n**đậm** [liên kết](https://example.org/)\n\n| a |\n|---|\n| 1 |\n")
    assert '<h2 id="tieu-de">Tiêu đề</h2>' in html
    assert "<strong>đậm</strong>" in html and 'href="https://example.org/"' in html
    assert "<table>" in html


def test_content_text_is_escaped_and_templates_in_content_are_not_run(make_site) -> None:
    site = make_site(
        {
            "content/people/a.yml": """\
            kind: individual
            name: {vi: "<script>alert(1)</script> {{ 7*7 }}"}
            summary: {vi: '{% raw %}x" onload="alert(2)'}
            consent: true
            """
        }
    )
    assert site.build().code == 0
    page = site.read("guong-dien-hinh/a/index.html")
    assert "&lt;script&gt;alert(1)&lt;/script&gt; {{ 7*7 }}" in page
    assert "<script>alert(1)" not in page and "49" not in page
    assert 'x" onload=' not in page  # the summary is the meta description: an attribute


def test_plan_headings_from_content_are_escaped_in_the_table_of_contents(make_site) -> None:
    from conftest import MINIMAL_PLAN

    plan = MINIMAL_PLAN.replace(
        "{vi: MỤC ĐÍCH, en: PURPOSES}", '{vi: "<b>MỤC</b>", en: "<b>P</b>"}'
    )
    site = make_site({"content/plan.yml": plan})
    assert site.build().code == 0
    page = site.read("ke-hoach/index.html")
    assert "<b>MỤC</b>" not in page and "&lt;b&gt;MỤC&lt;/b&gt;" in page
