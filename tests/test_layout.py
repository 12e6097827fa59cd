"""Pages fit a 360 px phone and a 1280 px desktop, in headless Chromium."""

from __future__ import annotations

import pytest

from browser import OVERFLOW

PAGES = [
    "", "gioi-thieu/", "ke-hoach/", "thanh-tuu/", "thanh-tuu/kinh-te/", "dong-thoi-gian/",
    "guong-dien-hinh/", "guong-dien-hinh/nguyen-van-minh-hoa/", "khen-thuong/", "tin-tuc/",
    "tin-tuc/le-ky-niem-20-nam/", "thu-vien-anh/phong-canh-minh-hoa/",
]  # fmt: skip


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("lang", ["", "en/"])
def test_pages_fit_the_viewport(browser, served, width: int, lang: str) -> None:
    page = browser.new_page(viewport={"width": width, "height": 800})
    try:
        for path in PAGES:
            page.goto(served + lang + path)
            result = page.evaluate(OVERFLOW)
            assert result == {"bad": [], "hidden": []}, (lang + path, width)
    finally:
        page.close()


def test_the_overflow_check_catches_a_control(browser, served) -> None:
    page = browser.new_page(viewport={"width": 360, "height": 800})
    try:
        page.goto(served)
        page.evaluate("document.querySelector('article').insertAdjacentHTML('beforeend', "
                      "'<div class=too-wide style=\"width:900px\">x</div>')")  # fmt: skip
        assert any("too-wide" in item for item in page.evaluate(OVERFLOW)["bad"])
        page.evaluate("document.body.style.overflowX = 'hidden'")
        assert page.evaluate(OVERFLOW)["hidden"] == ["hidden"]
    finally:
        page.close()


def test_timeline_filter_works_without_reload(browser, served) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    try:
        page.goto(served + "dong-thoi-gian/")
        all_items = page.locator(".sb-timeline li:visible").count()
        page.click("button[data-field='kinh-te']")
        shown = page.locator(".sb-timeline li:visible")
        assert 0 < shown.count() < all_items
        assert all(field == "kinh-te" for field in shown.evaluate_all(
            "items => items.map(i => i.dataset.field)"))  # fmt: skip
        assert page.get_attribute("button[data-field='kinh-te']", "aria-pressed") == "true"
        page.click("button[data-field='']")
        assert page.locator(".sb-timeline li:visible").count() == all_items
    finally:
        page.close()


def test_lightbox_opens_moves_and_returns_focus(browser, served) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    try:
        page.goto(served + "thu-vien-anh/phong-canh-minh-hoa/")
        first = page.locator("a.sb-gallery__link").first
        first.click()
        dialog = page.locator("dialog.sb-lightbox")
        assert dialog.evaluate("d => d.open")
        src = page.locator("dialog.sb-lightbox img").get_attribute("src")
        page.keyboard.press("ArrowRight")
        assert page.locator("dialog.sb-lightbox img").get_attribute("src") != src
        page.keyboard.press("Escape")
        assert not dialog.evaluate("d => d.open")
        assert page.evaluate("document.activeElement.classList.contains('sb-gallery__link')")
    finally:
        page.close()
