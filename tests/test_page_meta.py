"""Every page: a description in its language, a skip link to its content, valid toggles.

Issue #33 (section 4): Lighthouse's SEO audit wants a meta description on every page, WCAG
2.4.1 a way to bypass the header and navigation, and the Nu Html Checker no `autocomplete`
on checkboxes. Material gives the skip link only to pages with a table of contents and puts
`autocomplete` on its toggles, so `templates/base.html` is Material's with those changes;
the test at the end holds it to the installed Material's.
"""

from __future__ import annotations

import html as html_lib
import re
from pathlib import Path

import material

from site_builder.text.i18n import t

MATERIAL = Path(material.__file__).parent / "templates"
TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
DESCRIPTION = re.compile(r'<meta name="description" content="([^"]*)">')


def description(page: str) -> str | None:
    """The page's one meta description, unescaped; None when it has none or several."""
    found = DESCRIPTION.findall(page)
    return html_lib.unescape(found[0]).strip() or None if len(found) == 1 else None


def language(page: str) -> str:
    return re.search(r'<html lang="(\w+)"', page).group(1)  # type: ignore[union-attr]


def pages(site: Path) -> dict[str, str]:
    """Every built HTML page but the web editor's, by its path in the site."""
    return {
        p.relative_to(site).as_posix(): p.read_text(encoding="utf-8")
        for p in site.rglob("*.html")
        if "admin" not in p.relative_to(site).parts
    }


def test_the_description_check_catches_a_control() -> None:
    assert description("<html><head><title>x</title></head></html>") is None
    assert description('<meta name="description" content="">') is None
    assert description('<meta name="description" content="a &amp; b">') == "a & b"


def test_every_page_has_a_description_in_its_language(bundled) -> None:
    built = pages(bundled.site)
    assert len(built) > 100
    missing = [path for path, page in built.items() if description(page) is None]
    assert missing == []
    for path, page in built.items():
        if path.startswith("en/") and path.removeprefix("en/") in built:
            vi = description(built[path.removeprefix("en/")])
            assert language(page) == "en" and description(page) != vi, path
    home_vi, home_en = description(built["index.html"]), description(built["en/index.html"])
    assert "huyện Tam Đường" in home_vi and "Tam Đường district" in home_en  # type: ignore[operator]


def test_descriptions_of_sections_lists_and_items(make_site) -> None:
    site = make_site({
        "content/albums/anh.yml": """
            title: {vi: Ảnh thử, en: Test photos}
            photos: []
        """,
        "content/news/2022/tin.yml": """
            title: {vi: Tin thử, en: Test news}
            date: 2022-06-01
            category: chien-dich
            tags: [thu]
            summary: {vi: Tóm tắt tin thử., en: The test item in brief.}
            body: {vi: Nội dung., en: Body.}
        """,
        "content/glossary.yml": "tags:\n  - {tag: thu, english: test}\n",
    })  # fmt: skip
    result = site.build()
    assert result.code == 0, [p.format("en") for p in result.problems]
    for lang, prefix in (("vi", ""), ("en", "en/")):
        district = "huyện Thử" if lang == "vi" else "Test district"
        for section in ("", "gioi-thieu/", "dong-thoi-gian/", "tim-kiem/", "tin-tuc/the/thu/"):
            assert district in description(site.read(f"{prefix}{section}index.html")), section  # type: ignore[operator]
        item = description(site.read(f"{prefix}tin-tuc/tin/index.html"))
        assert item == ("Tóm tắt tin thử." if lang == "vi" else "The test item in brief.")
        album = description(site.read(f"{prefix}thu-vien-anh/anh/index.html"))
        assert album.startswith("Ảnh thử" if lang == "vi" else "Test photos")  # type: ignore[union-attr]
        assert t("albums", lang) in album  # type: ignore[operator]
        assert district in description(site.read(f"{prefix}404.html"))  # type: ignore[operator]


SKIP = re.compile(r'<a href="#__content" class="md-skip">\s*([^<]*?)\s*</a>')


def test_every_page_has_a_skip_link_to_its_content(bundled) -> None:
    for path, page in pages(bundled.site).items():
        if 'http-equiv="refresh"' in page:
            continue  # a redirect page: one link and no navigation to skip
        assert SKIP.findall(page) == [t("skip", language(page))], path
        assert page.count('id="__content"') == 1, path
        assert page.index('class="md-skip"') < page.index('class="md-header'), path


def test_the_skip_link_is_the_first_stop_and_leads_to_the_content(browser, served) -> None:
    page = browser.new_page(viewport={"width": 375, "height": 812})
    try:
        page.goto(served + "tin-tuc/")
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.textContent.trim()")
        assert focused == "Bỏ qua, đến nội dung"
        # shown while it has the focus (Material fades it in)
        opacity = page.evaluate("""async () => {
          const link = document.activeElement;
          await Promise.all(link.getAnimations().map(a => a.finished));
          return getComputedStyle(link).opacity;
        }""")  # (wait_for_function evaluates a string, which the pages' policy refuses)
        assert opacity == "1"
        page.keyboard.press("Enter")
        assert page.evaluate("location.hash") == "#__content"
        page.keyboard.press("Tab")  # the next stop is inside the content, past the menus
        inside = "document.getElementById('__content').contains(document.activeElement)"
        assert page.evaluate(inside)
    finally:
        page.close()


def test_no_checkbox_carries_autocomplete(bundled) -> None:
    for path, page in pages(bundled.site).items():
        for tag in re.findall(r"<input\b[^>]*>", page):
            assert not ('type="checkbox"' in tag and "autocomplete" in tag), (path, tag)


# What templates/base.html changes in Material's (hand-written, Material's text first).
CHANGES = [
    (
        '      <meta charset="utf-8">\n',
        '      <meta charset="utf-8">\n'
        "      {#- site-builder: the policy before any script, for hosts that cannot send "
        "headers #}\n"
        '      {% if config.extra.sb_csp %}<meta http-equiv="Content-Security-Policy" '
        'content="{{ config.extra.sb_csp }}">{% endif %}\n',
    ),
    (
        '    <input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" '
        'autocomplete="off">\n'
        '    <input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" '
        'autocomplete="off">\n',
        "    {#- site-builder: no `autocomplete` on checkboxes #}\n"
        '    <input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">\n'
        '    <input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search">\n',
    ),
    (
        "      {% if page.toc | first is defined %}\n"
        "        {% set skip = page.toc | first %}\n"
        '        <a href="{{ skip.url | url }}" class="md-skip">\n'
        '          {{ lang.t("action.skip") }}\n'
        "        </a>\n"
        "      {% endif %}\n",
        "      {#- site-builder: on every page, to the content #}\n"
        '      <a href="#__content" class="md-skip">\n'
        '        {{ config.extra.sb_skip or lang.t("action.skip") }}\n'
        "      </a>\n",
    ),
    (
        "      <script src=\"{{ 'assets/javascripts/bundle.a5f9d56c.min.js' | url }}\"></script>\n",
        "      {#- site-builder: deferred, like js/scope.js before it: nothing blocks the first "
        "paint #}\n"
        "      <script src=\"{{ 'assets/javascripts/bundle.a5f9d56c.min.js' | url }}\" "
        "defer></script>\n",
    ),
    (
        "      {% if config.theme.font != false %}\n"
        '        {% set text = config.theme.font.text | d("Roboto", true) %}\n'
        '        {% set code = config.theme.font.code | d("Roboto Mono", true) %}\n'
        '        <link rel="preconnect" href="https://fonts.gstatic.com" crossorigin>\n'
        '        <link rel="stylesheet" href="https://fonts.googleapis.com/css?family={{\n'
        "            text | replace(' ', '+') + ':300,300i,400,400i,700,700i%7C' +\n"
        "            code | replace(' ', '+') + ':400,400i,700,700i'\n"
        '          }}&display=fallback">\n'
        '        <style>:root{--md-text-font:"{{ text }}";--md-code-font:"{{ code }}"}</style>\n'
        "      {% endif %}\n",
        "      {#- site-builder: never Google's fonts, whatever `theme.font` says: the site makes "
        "no\n"
        "          third-party request, and serves its own (fonts/, css/site.css) #}\n",
    ),
    (
        '            <div class="md-content" data-md-component="content">\n',
        "            {#- site-builder: the skip link's target #}\n"
        '            <div class="md-content" data-md-component="content" id="__content">\n',
    ),
]


def without_header(template: str) -> str:
    """A template without its opening comment."""
    return re.sub(r"\A\{#-.*?-#\}\n", "", template, flags=re.S)


def test_our_base_template_is_materials_with_our_changes_only() -> None:
    theirs = without_header((MATERIAL / "base.html").read_text(encoding="utf-8"))
    for before, after in CHANGES:
        assert theirs.count(before) == 1, before  # Material changed: look at it again
        theirs = theirs.replace(before, after)
    ours = without_header((TEMPLATES / "base.html").read_text(encoding="utf-8"))
    assert ours == theirs


def test_materials_inline_scripts_are_the_ones_we_replaced() -> None:
    """js/scope.js is Material's inline script with the base read from its element; the
    two partials we leave empty still hold only what they are documented to do."""
    partials = MATERIAL / "partials" / "javascripts"
    theirs = re.search(r"<script>(.*)</script>", (partials / "base.html").read_text()).group(1)  # type: ignore[union-attr]
    scope = (TEMPLATES.parent / "assets" / "js" / "scope.js").read_text(encoding="utf-8")
    code = [line for line in scope.splitlines() if not line.startswith("//")]
    template = '"{{ config.extra.scope | d(base_url) }}"'
    assert code == [theirs.replace(template, "document.currentScript.dataset.mdScope")]
    ours = (TEMPLATES / "partials" / "javascripts" / "base.html").read_text(encoding="utf-8")
    assert "data-md-scope=" + template + " defer" in ours
    palette = (partials / "palette.html").read_text(encoding="utf-8")
    assert re.findall(r"__md_get\(\"(\w+)\"\)", palette) == ["__palette"]
    content = (partials / "content.html").read_text(encoding="utf-8")
    assert re.findall(r"__md_get\(\"(\w+)\"\)|\"(__tabbed_)\"", content) == [
        ("__tabs", ""),
        ("", "__tabbed_"),
    ]


def test_the_timeline_filter_is_in_place_before_its_script_runs(browser, served) -> None:
    """Lighthouse counted the filter appearing once the deferred script ran as a layout shift
    (CLS 0.24, performance 85): it is shown from the start, and hidden without JavaScript."""
    for javascript in (True, False):
        context = browser.new_context(java_script_enabled=javascript)
        page = context.new_page()
        try:
            page.route("**/js/timeline.js", lambda route: route.abort())  # never runs
            page.goto(served + "dong-thoi-gian/")
            assert page.locator("[data-sb-filter]").is_visible() is javascript
        finally:
            context.close()
