"""Issue #32, §2: everything an editor maintains is in the web editor's generated form: the
site settings (not the editor's own back end), the plan to the depth `check` allows, the
glossary; and `check` refuses what the form could not show."""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Iterator
from typing import Any

import pytest

from site_builder.checks import load_content
from site_builder.cms import config as cms_config
from site_builder.content import model

from conftest import REPO

YEARS = range(2002, 2023)


def settings_files(config: dict) -> dict[str, dict]:
    collections = {c["name"]: c for c in config["collections"]}
    return {f["name"]: f for f in collections["settings"]["files"]}


def names(widgets: list[dict]) -> list[str]:
    return [w["name"] for w in widgets]


def schema_names(cls: type) -> set[str]:
    return {f.name for f in dataclasses.fields(cls) if "conv" in f.metadata}


def bundled_site() -> model.Site:
    content, problems = load_content(REPO)
    assert content.site is not None and not problems
    return content.site


def test_site_settings_plan_and_glossary_are_files_of_the_editor() -> None:
    files = settings_files(cms_config.config(bundled_site(), YEARS))
    assert {n: f["file"] for n, f in files.items()} == {
        "site": "content/site.yml",
        "plan": "content/plan.yml",
        "glossary": "content/glossary.yml",
    }
    site = names(files["site"]["fields"])
    assert set(site) == schema_names(model.Site) - {"cms"}  # its own back end is not offered
    assert "cms" in schema_names(model.Site)
    assert set(names(files["plan"]["fields"])) == schema_names(model.Plan)
    for file in files.values():  # photos (the home page's) go to content/images/
        assert file["media_folder"] == "/content/images" and file["public_folder"] == ""


def depth(widgets: list[dict]) -> int:
    """How many levels of `sections` the plan's form offers."""
    sections = next((w for w in widgets if w["name"] == "sections"), None)
    return 0 if sections is None else 1 + depth(sections["fields"])


def test_the_plans_form_goes_three_levels_deep_as_the_plan_does() -> None:
    plan = settings_files(cms_config.config(bundled_site(), YEARS))["plan"]
    assert depth(plan["fields"]) == model.PLAN_DEPTH == 3
    top = next(w for w in plan["fields"] if w["name"] == "sections")
    assert top["widget"] == "list" and "number" in names(top["fields"])


def test_the_glossary_is_a_list_of_pairs_in_the_editor_and_the_same_terms_when_read(
    make_site,
) -> None:
    glossary = settings_files(cms_config.config(bundled_site(), YEARS))["glossary"]
    terms, tags = glossary["fields"]
    assert terms["name"] == "terms" and terms["widget"] == "list"
    assert names(terms["fields"]) == ["term", "spoken"]
    assert tags["name"] == "tags" and names(tags["fields"]) == ["tag", "english"]
    mapping = "terms:\n  UBND: Ủy ban nhân dân\n  HTX: hợp tác xã\n"
    site = make_site({"content/glossary.yml": mapping})
    as_map = load_content(site.root)[0].glossary
    site.write("content/glossary.yml", "terms:\n  - {term: UBND, spoken: Ủy ban nhân dân}\n"
               "  - term: HTX\n    spoken: hợp tác xã\n")  # fmt: skip
    content, problems = load_content(site.root)
    assert problems == []
    assert as_map is not None and content.glossary is not None
    assert content.glossary.terms == as_map.terms == (
        ("UBND", "Ủy ban nhân dân"), ("HTX", "hợp tác xã"),
    )  # fmt: skip


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "terms:\n  - {term: UBND, spoken: Ủy ban nhân dân}\n  - {term: UBND, spoken: Ủy ban}\n",
            "content/glossary.yml:3:12: error: 'terms[1]': key 'UBND' appears twice "
            "(first on line 2)",
        ),
        (
            "terms:\n  - {term: UBND, spken: Ủy ban nhân dân}\n",
            "content/glossary.yml:2:18: error: 'terms[0]': unknown field 'spken'\n"
            "content/glossary.yml:2:5: error: 'terms[0]': missing required field 'spoken'",
        ),
        (
            "terms:\n  - {term: UBND}\n",
            "content/glossary.yml:2:5: error: 'terms[0]': missing required field 'spoken'",
        ),
    ],
)
def test_a_broken_pair_in_the_glossary_is_reported_where_it_is(
    make_site, text: str, expected: str
) -> None:
    site = make_site({"content/glossary.yml": text})
    problems = load_content(site.root)[1]
    assert [p.format("en").split(" (hint")[0] for p in problems] == expected.splitlines()


PLAN = """\
title: {vi: Kế hoạch thử, en: Test plan}
kind: {vi: KẾ HOẠCH, en: PLAN}
place: {vi: Thử, en: Test}
sections:
  - number: I.
    title: {vi: Cấp một, en: Level one}
    sections:
      - number: "1."
        title: {vi: Cấp hai, en: Level two}
        sections:
          - number: a)
            paragraphs:
              - {vi: Cấp ba, en: Level three}
%s
signatory:
  on_behalf: {vi: TM. ỦY BAN NHÂN DÂN, en: ON BEHALF OF THE PEOPLE'S COMMITTEE}
  position: {vi: CHỦ TỊCH, en: CHAIRMAN}
  name: Người Ký
source: test
"""
FOURTH = """\
            sections:
              - number: "-"
                paragraphs:
                  - {vi: Cấp bốn, en: Level four}"""


def test_check_refuses_a_fourth_level_of_plan_sections(make_site) -> None:
    site = make_site({"content/plan.yml": PLAN % ""})
    assert load_content(site.root)[1] == []  # the control: three levels, as the plan has
    site.write("content/plan.yml", PLAN % FOURTH)
    checked = site.cli("--lang", "en", "check")
    assert checked.returncode == 1
    assert checked.stdout.splitlines()[0] == (
        "content/plan.yml:15:15: error: 'sections[0].sections[0].sections[0].sections': "
        "the plan has at most 3 levels of sections (I. → 1. → a), but this level-3 section has "
        "sections of its own (hint: write the deeper level's points as paragraphs of the "
        "level-3 section)"
    )


# In the browser: the local editor saves the settings and the glossary -----------------------

HOSTED = "cms:\n  backend: gitlab\n  repo: ttvh/tam-duong\n  app_id: gl-app-1234\n"


@contextlib.contextmanager
def editing(browser, site, monkeypatch, entry: str, shown: str) -> Iterator[tuple[Any, str]]:
    """Build `site` as `site-builder admin` does, serve it with its local back end, sign in
    and open the settings entry `entry` once an input holds `shown`; yield the page and the
    server's address, and stop both afterwards."""
    import threading

    from site_builder import build as build_stage
    from site_builder.cms import server as admin_server

    monkeypatch.setenv(cms_config.LOCAL_ENV, "1")  # as `site-builder admin` builds
    assert build_stage.build(site.root, site.site).code == 0
    server = admin_server.make_server(site.root, site.site, port=0, rebuild=False)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    host, port = server.server_address[:2]
    base = f"http://{host}:{port}"
    page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    try:
        page.goto(f"{base}/admin/")
        page.get_by_role("button", name="Đăng nhập").click()
        page.get_by_text("Cài đặt").first.wait_for()
        page.goto(f"{base}/admin/#/collections/settings/entries/{entry}")
        page.reload()
        page.wait_for_function(
            "v => [...document.querySelectorAll('input')].some(i => i.value === v)", arg=shown
        )
        yield page, base
    finally:
        page.close()
        server.shutdown()
        server.server_close()


def test_editor_saves_settings_and_glossary_and_keeps_the_back_end(
    make_site, browser, tmp_path, monkeypatch
) -> None:
    import yaml
    from test_web_editor import field_id, shoot

    from conftest import wait_for

    site = make_site(editor=True)
    settings = (site.root / "content/site.yml").read_text(encoding="utf-8")
    site.write("content/site.yml", settings + HOSTED)  # hosted, edited on this machine
    site.write("content/glossary.yml", "terms:\n  - {term: UBND, spoken: Ủy ban nhân dân}\n")
    site.write("content/images/mau/anh.jpg", (REPO / "content/images/mau/doi-che.jpg").read_bytes())
    with editing(browser, site, monkeypatch, "site", "20 năm") as (page, base):
        page.locator("#" + field_id(page, "tagline", "vi")).fill("Hai mươi năm")
        # the home page's picture, from a sub-folder of content/images/
        page.get_by_text("Chọn một hình").first.click()
        page.get_by_text("mau/anh.jpg").first.wait_for()  # a picture of a sub-folder
        shoot(page, "web-editor-media.png", tmp_path)
        page.get_by_text("mau/anh.jpg").first.click()
        page.get_by_text("Lấy những cái đã chọn").click()
        page.locator("#" + field_id(page, "hero", "alt", "vi")).fill("Ảnh thử")
        page.get_by_text("Công bố", exact=True).click()
        page.get_by_text("Công bố ngay").click()
        path = site.root / "content/site.yml"
        assert wait_for(lambda: "Hai mươi năm" in path.read_text("utf-8"), 60)
        saved = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert saved["tagline"]["vi"] == "Hai mươi năm"
        assert saved["hero"]["src"] == "mau/anh.jpg"  # with its folder, relative
        assert saved["cms"] == yaml.safe_load(HOSTED)["cms"]  # not in the form, kept

        page.goto(f"{base}/admin/#/collections/settings/entries/glossary")
        page.reload()
        page.get_by_text("UBND").first.wait_for()
        page.get_by_role("button", name="Thêm Chữ viết tắt").click()
        term = page.locator("input").nth(-2)
        term.fill("HTX")
        page.locator("input").nth(-1).fill("hợp tác xã")
        page.get_by_text("Công bố", exact=True).click()
        page.get_by_text("Công bố ngay").click()
        glossary = site.root / "content/glossary.yml"
        assert wait_for(lambda: "HTX" in glossary.read_text("utf-8"), 60)
    content, problems = load_content(site.root)
    assert problems == []
    assert content.glossary is not None
    assert dict(content.glossary.terms) == {"UBND": "Ủy ban nhân dân", "HTX": "hợp tác xã"}


def test_editor_saves_the_plan_and_keeps_its_text_verbatim(make_site, browser, monkeypatch) -> None:
    """The bundled plan (three levels, blanks left null) through Decap's form and back:
    the same plan for the check, every Vietnamese paragraph as the source has it."""
    from test_web_editor import field_id

    from conftest import wait_for

    site = make_site(editor=True)
    for rel in (
        "content/plan.yml",
        *(p.relative_to(REPO).as_posix() for p in (REPO / "content/fields").glob("*.yml")),
    ):  # the plan names the fields
        site.write(rel, (REPO / rel).read_text(encoding="utf-8"))
    for picture in (REPO / "content/images/mau").iterdir():  # which show these
        site.write(f"content/images/mau/{picture.name}", picture.read_bytes())
    before = load_content(site.root)[0].plan
    with editing(browser, site, monkeypatch, "plan", "KH-UBND") as (page, _):
        page.locator("#" + field_id(page, "place", "en")).fill("Tam Duong")
        page.get_by_text("Công bố", exact=True).click()
        page.get_by_text("Công bố ngay").click()
        path = site.root / "content/plan.yml"
        assert wait_for(lambda: "Tam Duong" in path.read_text("utf-8"), 60)
    after, problems = load_content(site.root)
    assert problems == []
    assert before is not None and after.plan is not None
    assert after.plan.place.en == "Tam Duong"
    assert after.plan.sections == before.sections  # three levels, word for word
    assert (after.plan.number, after.plan.date) == (None, None)  # blank in the source
