"""Build semantics: atomic, repairable, plain MkDocs works, and the preview rebuilds."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PIL import Image

from site_builder.content.project import VIETNAM
from site_builder.output.folders import repair

from conftest import fetch, read_session, tree_hash, wait_for

ALBUM = """\
title: {vi: Album, en: Album}
photos:
  - src: a.jpg
    alt: {vi: Ảnh, en: Photo}
"""


def good_site(make_site, tmp_path: Path):
    Image.new("RGB", (64, 48), (10, 120, 40)).save(tmp_path / "a.jpg", "JPEG")
    site = make_site({"content/albums/album.yml": ALBUM})
    site.write("content/images/a.jpg", (tmp_path / "a.jpg").read_bytes())
    assert site.build().code == 0
    return site


def test_template_error_after_writing_began_leaves_site_byte_identical(make_site, tmp_path):
    site = good_site(make_site, tmp_path)
    before = tree_hash(site.site)
    site.write(
        "templates/main.html", '{% extends "base.html" %}\n{% block content %}\n{{ oops( }}\n'
    )
    result = site.cli("build")
    assert result.returncode == 1
    assert result.stderr.splitlines()[0].startswith(
        "templates/main.html:3:1: lỗi: lỗi trong mẫu trang"
    )
    assert tree_hash(site.site) == before
    assert sorted(p.name for p in site.root.iterdir() if p.name.startswith(".site")) == []


def test_broken_image_is_refused_by_check_and_build_alike(make_site, tmp_path):
    """A truncated image: its header reads, its pixels do not; check decodes as build does."""
    site = good_site(make_site, tmp_path)
    before = tree_hash(site.site)
    Image.new("RGB", (640, 480), (200, 10, 10)).save(tmp_path / "b.jpg", "JPEG")
    truncated = (tmp_path / "b.jpg").read_bytes()[:700]  # the header reads, the pixels do not
    site.write("content/images/a.jpg", truncated)
    checked = site.cli("check")
    result = site.cli("build")
    assert checked.returncode == 1 and result.returncode == 1
    expected = "album.yml:3:10: lỗi: 'photos[0].src': tệp 'a.jpg' không phải ảnh đọc được"
    assert expected in checked.stdout and expected in result.stderr
    assert tree_hash(site.site) == before


def test_successful_rebuild_replaces_the_site(make_site, tmp_path):
    site = good_site(make_site, tmp_path)
    site.write("site/stale.html", "left from an older build")
    assert site.build().code == 0
    assert not site.exists("stale.html") and site.exists("en/index.html")


def test_repair_brings_back_the_previous_site_after_a_killed_swap(tmp_path):
    target = tmp_path / "site"
    (tmp_path / ".site.old").mkdir()
    (tmp_path / ".site.old" / "index.html").write_text("previous")
    (tmp_path / ".site.new").mkdir()  # incomplete: no ready marker
    repair(target)
    assert (target / "index.html").read_text() == "previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_plain_mkdocs_build_builds_both_languages(make_site, tmp_path):
    site = make_site()
    out = tmp_path / "plain"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)],
        cwd=site.root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert '<html lang="vi"' in (out / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in (out / "en" / "ke-hoach" / "index.html").read_text(encoding="utf-8")


def test_plain_mkdocs_build_reports_content_errors(make_site, tmp_path):
    site = make_site({"content/people/a.yml": "kind: x\n"})
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-d", str(tmp_path / "plain")],
        cwd=site.root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "content/people/a.yml:1:7: lỗi: 'kind': giá trị 'x' không hợp lệ" in result.stderr
    assert "Traceback" not in result.stderr


def test_outside_a_project_the_command_says_so(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "site_builder", "--lang", "en", "build"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr.startswith(f"No project found: neither '{tmp_path}' nor a folder above")


def test_usage_error_exits_2(make_site):
    assert make_site().cli("build", "--no-such-flag").returncode == 2


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_rebuilds_when_content_changes(make_site, tmp_path):
    site = make_site(
        {
            "content/news/2030/tuong-lai.yml": """\
            title: {vi: Tin ngày mai}
            date: 2030-01-01
            summary: {vi: Tóm tắt}
            body: {vi: Nội dung}
            category: chien-dich
            draft: true
            """,
            "content/albums/album.yml": ALBUM,
        }
    )
    (site.root / "content/images").mkdir(exist_ok=True)
    Image.new("RGB", (640, 480), (10, 120, 40)).save(site.root / "content/images/a.jpg", "JPEG")
    port = free_port()
    scratch = tmp_path / "scratch"  # where MkDocs' preview keeps its copy of the site
    scratch.mkdir()
    server = subprocess.Popen(
        [sys.executable, "-m", "site_builder", "serve", "--port", str(port)],
        cwd=site.root,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "TMPDIR": str(scratch)},
    )
    try:
        url = f"http://127.0.0.1:{port}/"
        assert wait_for(lambda: "Giới thiệu" in fetch(url + "gioi-thieu/"))
        # the preview shows drafts and future items
        assert "Tin ngày mai" in fetch(url + "tin-tuc/")
        site.write("content/site.yml", (site.root / "content/site.yml").read_text().replace(
            "about: {vi: Giới thiệu,", "about: {vi: Đã sửa nội dung,"))  # fmt: skip
        assert wait_for(lambda: "Đã sửa nội dung" in fetch(url + "gioi-thieu/"))
        site.write("assets/css/site.css", "/* changed */")
        assert wait_for(lambda: "changed" in fetch(url + "css/site.css"))
        about = site.root / "templates/pages/about.html"  # the design, edited meanwhile
        about.write_text(about.read_text(encoding="utf-8") + "<p>Mẫu mới</p>\n", encoding="utf-8")
        assert wait_for(lambda: "Mẫu mới" in fetch(url + "gioi-thieu/"))
        # a photo replaced under the same name: the preview places the new outputs
        photo = site.root / "content/images/a.jpg"
        page = url + "thu-vien-anh/album/"
        before = re.findall(r'src="([^"]+\.jpg)"', fetch(page))
        Image.new("RGB", (800, 600), (200, 30, 30)).save(photo, "JPEG")
        assert wait_for(lambda: re.findall(r'src="([^"]+\.jpg)"', fetch(page)) != before)
        now = re.findall(r'src="([^"]+\.jpg)"', fetch(page))[0]
        with urllib.request.urlopen(urllib.parse.urljoin(page, now), timeout=5) as response:  # noqa: S310
            assert response.read(3) == b"\xff\xd8\xff"  # the new JPEG is served
        # English follows once the edits pause: each rebuild stops the last one's English
        assert wait_for(lambda: "About" in fetch(url + "en/gioi-thieu/"))
        assert list(scratch.glob("mkdocs_*"))
    finally:
        server.send_signal(signal.SIGHUP)  # the editor closed the terminal
        _, errors = server.communicate(timeout=20)
    assert server.returncode == 0, errors  # stopped as on Ctrl+C, without a traceback
    assert "Traceback" not in errors
    assert not list(scratch.iterdir())  # and the copy of the site went with it


class SlowEnglish:
    """The preview's English build, made slow: a child that keeps a temporary folder and
    starts a stand-in for Pagefind, which writes into the site only after a minute. Both
    processes write their ids, so that a test waits on them, not on a clock."""

    def __init__(self, monkeypatch, folder: Path) -> None:
        from site_builder.engine import preview

        self.folder = folder
        self.late = folder / "written-late"
        indexer = (
            f"import os, pathlib, time; pathlib.Path({str(folder / 'indexer.pid')!r})"
            ".write_text(str(os.getpid())); time.sleep(60); "
            f"pathlib.Path({str(self.late)!r}).touch()"
        )

        def english(session: object, site_dir: Path) -> None:
            (folder / "temporary").write_text(tempfile.mkdtemp(), encoding="utf-8")
            (folder / "english.pid").write_text(str(os.getpid()), encoding="utf-8")
            subprocess.run([sys.executable, "-c", indexer], check=False)
            self.late.touch()

        monkeypatch.setattr(preview, "english_and_index", english)

    def pid(self, name: str) -> int:
        return int((self.folder / f"{name}.pid").read_text(encoding="utf-8"))

    def started(self) -> bool:
        written = self.folder / "indexer.pid"
        return written.exists() and written.read_text(encoding="utf-8") != ""

    def stopped(self) -> bool:
        """Both processes have ended: neither writes anything any more."""
        return all(ended(self.pid(name)) for name in ("english", "indexer"))

    def kill_leftovers(self) -> None:
        """After a failed test: end the processes this test started that still run."""
        for name in ("english", "indexer"):
            with contextlib.suppress(OSError, ValueError):
                if not ended(self.pid(name)):
                    os.kill(self.pid(name), signal.SIGKILL)


@pytest.fixture
def slow_english(monkeypatch) -> Iterator[Callable[[Path], SlowEnglish]]:
    made: list[SlowEnglish] = []

    def factory(folder: Path) -> SlowEnglish:
        made.append(SlowEnglish(monkeypatch, folder))
        return made[-1]

    yield factory
    for english in made:
        english.kill_leftovers()


def ended(pid: int) -> bool:
    """Whether process `pid` has ended (gone, or a zombie no one has reaped yet)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="utf-8")
    except FileNotFoundError:
        return True
    return stat.rsplit(")", 1)[1].split()[0] in ("Z", "X")


def test_the_end_of_the_preview_stops_its_english_build_and_pagefind(tmp_path, slow_english):
    from site_builder import pipeline
    from site_builder.engine import plugin

    english = slow_english(tmp_path)
    served = plugin.SiteBuilderPlugin()
    served.english.start(pipeline.Session(tmp_path, preview=True), tmp_path / "site")
    assert wait_for(english.started, 10)
    served.on_shutdown()  # MkDocs then removes the folder they write into
    assert ended(english.pid("english"))  # stopped, and waited for, before on_shutdown returns
    assert not Path((tmp_path / "temporary").read_text(encoding="utf-8")).exists()
    assert wait_for(english.stopped, 10)  # Pagefind's stand-in too, stopped with its group
    assert not english.late.exists()


def test_a_preview_rebuild_stops_the_last_edits_english_build_at_once(make_site, slow_english):
    from mkdocs.config import load_config

    site = make_site()
    english = slow_english(site.root)
    site_dir = site.root / "preview"
    config = load_config(str(site.root / "mkdocs.yml"), site_dir=str(site_dir))
    served = config.plugins["site-builder"]
    served.on_startup(command="serve", dirty=True)
    served.english.start(read_session(site.root, preview=True), site_dir)
    assert wait_for(english.started, 10)
    try:
        served.on_config(config)  # a newer edit's rebuild begins
        assert ended(english.pid("english"))  # stopped before this rebuild's own stages
        assert wait_for(english.stopped, 10)
        assert not english.late.exists()
    finally:
        served.on_shutdown()


def _preview_server(root: Path, builder=lambda: None):
    from mkdocs.livereload import LiveReloadServer

    server = LiveReloadServer(builder=builder, host="127.0.0.1", port=0, root=str(root))
    server.watch(str(root))
    server.watch(str(root))  # watched twice, as MkDocs counts: unwatched once, still watched
    return server


class Events:
    """A watchdog handler that keeps what it is told, in order."""

    def __init__(self) -> None:
        from watchdog.events import FileSystemEventHandler

        self.seen: list[tuple[str, str]] = []
        self.handler = FileSystemEventHandler()
        self.handler.on_any_event = lambda event: self.seen.append(  # type: ignore[method-assign]
            (event.event_type, Path(str(event.src_path)).name)
        )

    def saw(self, kind: str, name: str) -> bool:
        return (kind, name) in self.seen


def test_the_preview_is_told_of_changes_by_file_events(tmp_path, monkeypatch) -> None:
    """Events, not polling; and a build's reads of the files it watches are no changes: an
    observer told of them would rebuild after every rebuild."""
    import threading

    from watchdog.observers import Observer
    from watchdog.observers.polling import PollingObserver

    from site_builder.engine.preview import watch_natively

    monkeypatch.delenv("SITE_BUILDER_POLL", raising=False)
    item, marker = tmp_path / "tin.yml", tmp_path / "moc.yml"
    item.write_text("title: 1\n", encoding="utf-8")
    built: list[str] = []

    def build() -> None:  # as a build does, it reads the content it watches
        built.append(item.read_text(encoding="utf-8"))

    server = _preview_server(tmp_path, build)
    assert watch_natively(server, tmp_path)
    assert not isinstance(server.observer, PollingObserver)
    server.unwatch(str(tmp_path))  # watched twice, unwatched once: still watched
    ours, control = Events(), Events()
    server.observer.schedule(ours.handler, str(tmp_path), recursive=True)  # as the server's
    everything = Observer()  # the control: a plain observer is told of reads too
    everything.schedule(control.handler, str(tmp_path), recursive=True)
    everything.start()
    serving = threading.Thread(target=server.serve, daemon=True)
    serving.start()
    try:
        assert wait_for(server.serve_thread.is_alive, 10)  # started after the observer
        item.write_text("title: 2\n", encoding="utf-8")
        assert wait_for(lambda: built[-1:] == ["title: 2\n"], 10)  # noticed, and built
        marker.write_text("x\n", encoding="utf-8")  # events come in order: after the reads
        assert wait_for(lambda: ours.saw("modified", "moc.yml"), 10)
        assert wait_for(lambda: control.saw("modified", "moc.yml"), 10)
        assert control.saw("closed_no_write", "tin.yml")  # the build read tin.yml
        kinds = {kind for kind, _ in ours.seen}
        assert kinds <= {"created", "modified", "deleted", "moved"}, ours.seen
    finally:
        server.shutdown(wait=True)
        serving.join(10)
        everything.stop()
        everything.join()


def test_the_preview_can_be_asked_to_poll(tmp_path, monkeypatch) -> None:
    from watchdog.observers.polling import PollingObserver

    from site_builder.engine.preview import watch_natively

    monkeypatch.setenv("SITE_BUILDER_POLL", "1")
    server = _preview_server(tmp_path)
    assert not watch_natively(server, tmp_path)
    assert isinstance(server.observer, PollingObserver)
    monkeypatch.delenv("SITE_BUILDER_POLL")
    assert not watch_natively(server, tmp_path / "missing")  # events cannot start: poll
    assert isinstance(server.observer, PollingObserver)


def test_a_failure_drawing_cards_keeps_the_live_site(make_site, monkeypatch) -> None:
    from site_builder.images import cards

    site = make_site()
    assert site.build().code == 0
    before = tree_hash(site.site)
    site.write("content/news/2022/moi.yml", "title: {vi: Tin có thẻ mới}\ndate: 2022-05-01\n"
               "summary: {vi: Tóm tắt}\nbody: {vi: Nội dung}\ncategory: kinh-te\n")  # fmt: skip

    def full_disk(project, wanted):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(cards, "draw_into_cache", full_disk)
    result = site.build()
    # the machine's fault, not the tool's: the editor is sent to the site's folder
    assert result.code == 3 and [p.code for p in result.problems] == ["file-system"]
    assert result.problems[0].format("en").startswith("site: error: could not read or write")
    assert "No space left" in result.problems[0].format("en")
    assert tree_hash(site.site) == before  # the live site as it was
    assert not [p for p in site.root.iterdir() if p.name.startswith(".site")]

    def our_bug(project, wanted):
        raise ValueError("a bug")

    monkeypatch.setattr(cards, "draw_into_cache", our_bug)
    result = site.build()
    assert [p.code for p in result.problems] == ["internal-error"]
    assert Path(result.problems[0].path.rpartition(":")[0]).name == "build.py"  # our line
    assert tree_hash(site.site) == before


def test_a_site_folder_that_cannot_be_written_is_named(make_site) -> None:
    site = make_site()
    (site.root / "blocker").write_text("a file where a folder was meant", encoding="utf-8")
    result = site.cli("build", "--site-dir", "blocker/site")
    assert result.returncode == 3
    assert "Traceback" not in result.stderr and "site-builder" not in result.stderr
    first = result.stderr.splitlines()[0]
    assert first.startswith("blocker: lỗi: không đọc hoặc ghi được ở đây: Not a dir")
    assert "gợi ý: kiểm tra thư mục này" in first
    assert "lỗi nội bộ" not in result.stderr


def test_plain_mkdocs_serve_keeps_the_photos_after_each_rebuild(make_site):
    site = make_site({"content/albums/album.yml": ALBUM})
    (site.root / "content/images").mkdir(exist_ok=True)
    Image.new("RGB", (640, 480), (10, 120, 40)).save(site.root / "content/images/a.jpg", "JPEG")
    port = free_port()
    server = subprocess.Popen(  # MkDocs' own preview empties its folder before each rebuild
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=site.root, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )  # fmt: skip
    page = f"http://127.0.0.1:{port}/thu-vien-anh/album/"

    def photo_served() -> bool:
        src = re.findall(r'src="([^"]+\.jpg)"', fetch(page))[0]
        with urllib.request.urlopen(urllib.parse.urljoin(page, src), timeout=5) as response:  # noqa: S310
            return response.read(3) == b"\xff\xd8\xff"

    try:
        assert wait_for(photo_served)
        site.write("content/site.yml", (site.root / "content/site.yml").read_text().replace(
            "about: {vi: Giới thiệu,", "about: {vi: Đã sửa nội dung,"))  # fmt: skip
        assert wait_for(lambda: "Đã sửa nội dung" in fetch(f"http://127.0.0.1:{port}/gioi-thieu/"))
        assert wait_for(photo_served, 10)  # placed again into the emptied folder
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_a_process_that_builds_again_reads_the_build_date_anew(make_site, monkeypatch) -> None:
    """The web editor's server builds after every save: a date pinned by its first build
    would keep an item saved later "in the future", off the site (no git: content dates)."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    monkeypatch.setenv("GIT_DIR", "no-such-repository")  # even if the tests sit in a clone
    site = make_site()
    june, august = (dt.datetime(2022, m, 2, tzinfo=VIETNAM).timestamp() for m in (6, 8))
    for path in (site.root / "content").rglob("*"):
        os.utime(path, (june, june))
    assert site.build().code == 0
    assert "SOURCE_DATE_EPOCH" not in os.environ
    news = site.write("content/news/2022/moi.yml", "title: {vi: Tin tháng Tám}\n"
                      "date: 2022-08-01\nsummary: {vi: Tóm tắt}\nbody: {vi: Nội dung}\n"
                      "category: kinh-te\n")  # fmt: skip
    for path in (news, news.parent, news.parent.parent):
        os.utime(path, (august, august))
    assert site.build().code == 0
    assert "Tin tháng Tám" in site.read("tin-tuc/moi/index.html")


def test_a_second_build_waits_for_the_first_and_says_so(make_site, tmp_path) -> None:
    """A build discards the search indexes it did not use; run beside another, it took the
    other's index half written. The web editor's rebuild and an editor's build meet so."""
    site = make_site()
    pause, said = tmp_path / "paused", tmp_path / "second.txt"
    env = {**os.environ, "SITE_BUILDER_PAUSE_AT": "swap", "SITE_BUILDER_PAUSE_FILE": str(pause)}
    first = subprocess.Popen([sys.executable, "-m", "site_builder", "build"], cwd=site.root,
                             env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                             start_new_session=True)  # fmt: skip
    try:
        assert wait_for(pause.exists, 120)  # the first holds its finished site, unswapped
        with said.open("w", encoding="utf-8") as out:
            second = subprocess.Popen(
                [sys.executable, "-m", "site_builder", "--lang", "en", "build",
                 "--site-dir", str(tmp_path / "other")],
                cwd=site.root, stdout=out, stderr=out,
            )  # fmt: skip
            waits = "Another build of this project is running; waiting for it to finish"
            assert wait_for(lambda: waits in said.read_text() or second.poll() is not None, 120)
            assert waits in said.read_text(), said.read_text()
            assert second.poll() is None  # still waiting
        os.killpg(first.pid, signal.SIGKILL)  # the lock goes with the killed process
        assert second.wait(timeout=120) == 0, said.read_text()
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(first.pid, signal.SIGKILL)
        first.wait(timeout=30)
    assert (tmp_path / "other" / "index.html").is_file()
    assert site.cli("build").returncode == 0  # and the killed one's leftovers are repaired
    assert not [p for p in site.root.iterdir() if p.name.startswith(".site.")]


@pytest.mark.parametrize("error", ["ENOLCK", "ENOSYS"])  # a network share; some FUSE mounts
def test_a_file_system_without_locks_still_builds(make_site, monkeypatch, recwarn, error) -> None:
    import errno
    import fcntl

    def no_locks(fd, operation):
        number = getattr(errno, error)
        raise OSError(number, os.strerror(number))  # as such file systems answer flock

    site = make_site()
    monkeypatch.setattr(fcntl, "flock", no_locks)  # what filelock's lock calls on POSIX
    assert site.build().code == 0
    assert (site.site / "index.html").is_file()
    assert not [w for w in recwarn if "soft" in str(w.message).lower()]  # no lock file instead
