"""A 360 × 740 phone with a touch screen (headless Chromium): one page of every kind, in
both languages, fits the screen, has tap targets of 24 px, keeps pictures on the screen and
table headers readable; the lightbox and the timeline filter work by touch and keyboard.

Issue 33, section 2. The checks live in tests/browser.py; each has a control below that it
must catch, so a broken check cannot pass.
"""

from __future__ import annotations

import pytest

from browser import IMAGES, OVERFLOW, TABLES, TARGETS

PHONE = {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "has_touch": True}

# One page of every kind of the bundled site (the same paths in English under en/).
KINDS = {
    "home": "",
    "about": "gioi-thieu/",
    "plan": "ke-hoach/",
    "fields": "thanh-tuu/",
    "field": "thanh-tuu/kinh-te/",
    "timeline": "dong-thoi-gian/",
    "exemplars": "guong-dien-hinh/",
    "exemplar": "guong-dien-hinh/nguyen-van-minh-hoa/",
    "honours": "khen-thuong/",
    "news": "tin-tuc/",
    "news item": "tin-tuc/le-ky-niem-20-nam/",
    "category": "tin-tuc/chuyen-muc/kinh-te/",
    "tag": "tin-tuc/the/nong-thon-moi/",
    "archive": "tin-tuc/luu-tru/2022/06/",
    "albums": "thu-vien-anh/",
    "album": "thu-vien-anh/phong-canh-minh-hoa/",
    "search": "tim-kiem/?q=tam+duong",  # with its results shown
    "not found": "404.html",
}


@pytest.fixture(scope="module")
def phone(browser):
    context = browser.new_context(**PHONE)
    yield context
    context.close()


@pytest.fixture
def page(phone):
    page = phone.new_page()
    yield page
    page.close()


def problems(page) -> dict[str, list[str]]:
    """What the checks of tests/browser.py find on the page as it is now."""
    overflow = page.evaluate(OVERFLOW)
    found = {
        "overflow": overflow["bad"] + [f"overflow-x: {v}" for v in overflow["hidden"]],
        "targets": page.evaluate(TARGETS),
        "images": page.evaluate(IMAGES),
        "tables": page.evaluate(TABLES),
    }
    return {check: bad for check, bad in found.items() if bad}


@pytest.mark.parametrize("lang", ["", "en/"])
def test_every_page_kind_fits_a_phone(page, served, lang: str) -> None:
    found = {}
    for kind, path in KINDS.items():
        response = page.goto(served + lang + path)
        assert response is not None and response.ok, (kind, lang + path)
        if kind == "search":
            page.wait_for_selector(".sb-search-result")
        bad = problems(page)
        if bad:
            found[f"{kind} ({lang + path})"] = bad
    assert found == {}


def test_stacked_tables_name_each_cell_on_a_phone(page, served) -> None:
    """The plan's table of tasks is stacked on a phone: each cell shows its column's name."""
    page.goto(served + "en/ke-hoach/")
    assert page.locator("table.sb-tasks thead").evaluate("e => e.offsetHeight") <= 1  # stacked
    cell = page.locator("table.sb-tasks tbody td").last
    assert cell.evaluate("c => getComputedStyle(c, '::before').content") == '"Task"'


def test_the_checks_catch_their_controls(page, served) -> None:
    page.goto(served + "thanh-tuu/kinh-te/")
    assert problems(page) == {}
    page.evaluate("""() => document.querySelector('article').insertAdjacentHTML('beforeend',
      '<p class="ok">Words <a href="#a">in a sentence</a> are not counted.</p>' +
      '<p class="tiny"><a href="#b" style="font-size:6px">b</a> ' +
      '<a href="#c" style="font-size:6px">c</a></p>' +
      '<img class="wide" style="width:600px;height:20px;max-width:none" alt="">' +
      '<div class="sb-table-wrap"><table class="unlabelled"><thead><tr><th>Head</th></tr></thead>' +
      '<tbody><tr><td>cell</td></tr></tbody></table></div>' +
      '<div><table class="sb-wide" style="width:900px"><tr><td>x</td></tr></table></div>')""")
    bad = problems(page)
    assert sorted(t.split(" ")[1] for t in bad["targets"]) == ['"b"', '"c"']  # not "in a sentence"
    assert any("wide" in i for i in bad["images"])
    assert any('.unlabelled: cell "cell" without "Head"' in t for t in bad["tables"])
    assert any(".sb-wide: 900 px wide, no scrolling box" in t for t in bad["tables"])
    page.evaluate("""() => {
      document.querySelector('.sb-wide').parentElement.style.overflowX = 'auto';
      document.querySelector('.unlabelled td').dataset.label = 'Head';
    }""")
    assert any(".sb-wide: first column not sticky" in t for t in page.evaluate(TABLES))
    assert not any("unlabelled" in t for t in page.evaluate(TABLES))  # labelled: readable


def tab_to(page, selector: str, presses: int = 60) -> None:
    """Press Tab until the focus reaches an element matching `selector`, as a keyboard user."""
    for _ in range(presses):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


@pytest.mark.parametrize("lang", ["", "en/"])
def test_lightbox_by_touch(page, served, lang: str) -> None:
    page.goto(served + lang + "thu-vien-anh/phong-canh-minh-hoa/")
    page.locator("a.sb-gallery__link").first.tap()
    dialog = page.locator("dialog.sb-lightbox")
    assert dialog.evaluate("d => d.open")
    assert problems(page) == {}  # the photo and its buttons fit the phone, 24 px targets
    image = page.locator("dialog.sb-lightbox img")
    first = image.get_attribute("src")
    page.locator("dialog.sb-lightbox button[data-go='1']").tap()
    assert image.get_attribute("src") != first
    page.locator("dialog.sb-lightbox button[data-go='-1']").tap()
    assert image.get_attribute("src") == first
    page.locator("dialog.sb-lightbox button[data-close]").tap()
    assert not dialog.evaluate("d => d.open")


def test_lightbox_by_keyboard(page, served) -> None:
    page.goto(served + "thu-vien-anh/phong-canh-minh-hoa/")
    tab_to(page, "a.sb-gallery__link")
    opener = page.evaluate("document.activeElement.getAttribute('href')")
    page.keyboard.press("Enter")
    dialog = page.locator("dialog.sb-lightbox")
    assert dialog.evaluate("d => d.open")
    assert page.evaluate("document.activeElement.hasAttribute('data-close')")
    image = page.locator("dialog.sb-lightbox img")
    first = image.get_attribute("src")
    page.keyboard.press("Shift+Tab")  # from "close" back to "next photo"
    assert page.evaluate("document.activeElement.dataset.go") == "1"
    page.keyboard.press("Enter")
    assert image.get_attribute("src") != first
    page.keyboard.press("Escape")
    assert not dialog.evaluate("d => d.open")
    assert page.evaluate("document.activeElement.getAttribute('href')") == opener


def shown_fields(page) -> list[str]:
    return page.locator(".sb-timeline li:visible").evaluate_all(
        "items => items.map(i => i.dataset.field)"
    )


@pytest.mark.parametrize("lang", ["", "en/"])
def test_timeline_filter_by_touch(page, served, lang: str) -> None:
    page.goto(served + lang + "dong-thoi-gian/")
    everything = shown_fields(page)
    page.locator("button[data-field='kinh-te']").tap()
    shown = shown_fields(page)
    assert 0 < len(shown) < len(everything) and set(shown) == {"kinh-te"}
    assert page.get_attribute("button[data-field='kinh-te']", "aria-pressed") == "true"
    assert problems(page) == {}  # filtered, the page still fits
    page.locator("button[data-field='']").tap()
    assert shown_fields(page) == everything


def test_timeline_filter_by_keyboard(page, served) -> None:
    page.goto(served + "dong-thoi-gian/")
    everything = shown_fields(page)
    tab_to(page, "button[data-field='kinh-te']")
    page.keyboard.press("Enter")
    assert set(shown_fields(page)) == {"kinh-te"}
    tab_to(page, "button[data-field='van-hoa-xa-hoi']")
    page.keyboard.press("Space")
    assert set(shown_fields(page)) == {"van-hoa-xa-hoi"}
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    assert page.evaluate("document.activeElement.dataset.field") == ""
    page.keyboard.press("Enter")
    assert shown_fields(page) == everything
