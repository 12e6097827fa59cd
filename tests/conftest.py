"""Shared fixtures: the bundled content built once per session, and tiny sites per test."""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from site_builder import build as build_stage

REPO = Path(__file__).resolve().parent.parent
DESIGN = ("mkdocs.yml", "templates", "assets")
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
os.environ.setdefault("SOURCE_DATE_EPOCH", "1669939200")  # 2022-12-02: builds are reproducible

MINIMAL_SITE = """\
district: {vi: huyện Thử, en: Test district}
site_name: {vi: Trang thử, en: Test site}
province: {vi: tỉnh Thử, en: Test province}
issuing_body: {vi: UBND huyện Thử, en: Test People's Committee}
tagline: {vi: 20 năm, en: 20 years}
founded: 2002-09-21
anniversary: 2022-09-21
campaign_end: 2022-08-30
base_url: https://example.test/
archive_note: {vi: Lưu trữ 2002–2025, en: Archive 2002–2025}
about: {vi: Giới thiệu, en: About}
"""
MINIMAL_PLAN = """\
title: {vi: Kế hoạch thử, en: Test plan}
kind: {vi: KẾ HOẠCH, en: PLAN}
number: null
date: null
place: {vi: Thử, en: Test}
sections:
  - number: I.
    title: {vi: MỤC ĐÍCH, en: PURPOSES}
    paragraphs:
      - {vi: Đoạn một., en: Paragraph one.}
signatory:
  on_behalf: {vi: TM. ỦY BAN NHÂN DÂN, en: ON BEHALF OF THE PEOPLE'S COMMITTEE}
  position: {vi: CHỦ TỊCH, en: CHAIRMAN}
  name: Người Ký
source: test
"""


def fetch(url: str) -> str:
    """GET a page from a local test server."""
    import urllib.request

    with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 (local test server)
        return response.read().decode("utf-8")


def read_session(root: Path, *, preview: bool = False, memory: Any = None) -> Any:
    """A pipeline session that has read `root`'s content, as a build or a preview has
    (`memory`: what a long-running preview kept from its last rebuild)."""
    from site_builder import pipeline

    session = pipeline.Session(root, preview=preview)
    if memory is not None:
        session.memory = memory
    pipeline.read(session)
    return session


def wait_for(predicate, seconds: float = 60) -> bool:
    """Poll `predicate` until it is true (connection errors count as not yet)."""
    import time

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if predicate():
                return True
        except OSError:
            pass
        time.sleep(0.3)
    return False


def tree_hash(folder: Path) -> str:
    """Return one hash of every file's path and bytes below `folder`."""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()


PROGRAMME = """\
title: Chương trình thử
column: Thử
air_date: 2022-09-15
air_time: "19:30"
duration_minutes: 0.5
editor: Biên tập
readers: [Người đọc]
segments:
  - kind: opening
    text: Xin chào quý vị. {words}
  - kind: closing
    text: Xin chào và hẹn gặp lại.
"""
RADIO_SETTINGS = "radio:\n  station: Đài thử\n  unit: Đơn vị thử\n"


def add_programme(site: TinySite, words: str = "") -> TinySite:
    """Give a tiny site one short radio programme and the station settings it needs."""
    site.write("content/radio/thu.yml", PROGRAMME.format(words=words))
    settings = (site.root / "content/site.yml").read_text(encoding="utf-8")
    site.write("content/site.yml", settings + RADIO_SETTINGS)
    return site


class TinySite:
    """A project folder in tmp_path with our design and the content a test gives it."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.site = root / "site"

    def write(self, rel: str, text: str | bytes) -> Path:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    def build(self, strict: bool = True) -> build_stage.Result:
        return build_stage.build(self.root, self.site, strict=strict)

    def cli(self, *args: str) -> subprocess.CompletedProcess[str]:
        """Run the real command line in this project, as an editor would."""
        env = {**os.environ, "SITE_BUILDER_LANG": "vi"}
        return subprocess.run(
            [sys.executable, "-m", "site_builder", *args],
            cwd=self.root,
            capture_output=True,
            text=True,
            env=env,
            timeout=300,
            check=False,
        )

    def read(self, rel: str) -> str:
        return (self.site / rel).read_text(encoding="utf-8")

    def exists(self, rel: str) -> bool:
        return (self.site / rel).exists()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-goldens", action="store_true", help="rewrite golden files")


GOLDENS = Path(__file__).resolve().parent / "goldens"


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> Callable[[str, str], None]:
    """Compare a text with its golden file, tests/goldens/<name>.

    `--update-goldens` writes the file instead: once, for a new golden or a change meant to
    show, and then read by whoever wrote it. Never rewritten to make a failing test pass."""

    def compare(name: str, text: str) -> None:
        path = GOLDENS / name
        if request.config.getoption("--update-goldens"):
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8", newline="\n")
        assert path.exists(), f"tests/goldens/{name} is missing (--update-goldens writes it)"
        assert text == path.read_text(encoding="utf-8"), f"differs from tests/goldens/{name}"

    return compare


DECAP = REPO / "assets" / "admin" / "decap"


def ignore_decap(folder: str, names: list[str]) -> set[str]:
    """Leave out the vendored Decap bundle when copying the design (for `copytree`)."""
    return {"decap"} if Path(folder) == DECAP.parent else set()


@pytest.fixture
def make_site(tmp_path: Path):
    """Return a factory of tiny sites: our design plus the given content files."""

    def factory(
        files: dict[str, str | bytes] | None = None, minimal: bool = True, editor: bool = False
    ) -> TinySite:
        """`editor`: also copy the web editor's Decap bundle (2.9 MB), for tests that load
        /admin/ in a browser; a site without it builds the same pages."""
        root = tmp_path / "project"
        root.mkdir()
        skipped = None if editor else ignore_decap
        for name in DESIGN:
            source = REPO / name
            if source.is_dir():
                shutil.copytree(source, root / name, ignore=skipped)
            else:
                shutil.copy(source, root / name)
        site = TinySite(root)
        if minimal:
            site.write("content/site.yml", MINIMAL_SITE)
            site.write("content/plan.yml", MINIMAL_PLAN)
        for rel, text in (files or {}).items():
            site.write(rel, text)
        return site

    return factory


@pytest.fixture(scope="session")
def bundled(tmp_path_factory: pytest.TempPathFactory) -> TinySite:
    """The repository's own content, built once for the session (strict: no warnings)."""
    out = tmp_path_factory.mktemp("bundled")
    os.environ["SITE_BUILDER_CACHE"] = str(out / "cache")  # nothing is written into the repo
    try:
        result = build_stage.build(REPO, out / "site", strict=True, radio_dir=out / "radio")
    finally:
        del os.environ["SITE_BUILDER_CACHE"]
    assert result.code == 0, [p.format("en") for p in result.problems]
    site = TinySite(REPO)
    site.site = out / "site"
    return site


@pytest.fixture(autouse=True)
def no_unexpected_warnings(caplog: pytest.LogCaptureFixture) -> Iterator[None]:
    """Fail a test on any warning logged in this process that it did not expect."""
    caplog.set_level(logging.WARNING)
    yield
    unexpected = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert not unexpected, [r.getMessage() for r in unexpected]


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, headless; a missing browser fails the tests, never skips them."""
    from playwright.sync_api import sync_playwright

    from browser import ARGS, chromium_path

    executable = chromium_path()  # a missing browser fails in one line naming the package
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, headless=True, args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def served(bundled):
    """The bundled site served on 127.0.0.1."""
    from browser import serve

    with serve(bundled.site) as url:
        yield url
