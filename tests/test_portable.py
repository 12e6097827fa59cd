"""The paths a Windows PC takes, forced on Linux (#30): the build lock of a library that
also locks on Windows, the preview's English build in a spawned process (no fork), and the
swap by two renames (no exchange in one step). The Windows job of the workflow runs this
file; the tests that signal processes are POSIX's."""

from __future__ import annotations

import multiprocessing
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image
from test_build import free_port
from test_outputs import PROGRAMME, alive, kill_group, outputs_of, radio_site

from site_builder import build as build_stage
from site_builder.core.cachedir import cache_root
from site_builder.engine import preview
from site_builder.output import folders

from conftest import fetch, read_session, tree_hash, wait_for

posix_only = pytest.mark.skipif(os.name != "posix", reason="signals processes")

NEWS = """\
title: {{vi: "Tin thử", en: "{english}"}}
date: 2022-03-10
summary: {{vi: "Tóm tắt", en: "Summary"}}
body: {{vi: "Nội dung", en: "Body"}}
category: kinh-te
"""
DRAFT = """\
title: {vi: "Tin nháp", en: "A draft of the preview"}
date: 2022-03-11
summary: {vi: "Tóm tắt", en: "Summary"}
body: {vi: "Nội dung", en: "Body"}
draft: true
category: kinh-te
"""


# --- the build lock ----------------------------------------------------------------------


class Held(Exception):
    """Raised instead of waiting for a build lock another process holds."""


def held(root: Path) -> bool:
    """Whether another process holds `root`'s build lock (asks without waiting for it)."""

    def instead_of_waiting() -> None:
        raise Held

    try:
        with build_stage.one_at_a_time(root, instead_of_waiting):
            return False
    except Held:
        return True


# Takes the build lock, forks a worker that never asks to die with it (as on macOS, where
# workers cannot), says the worker's pid, and waits to be killed.
LOCK_THEN_FORK = """
import multiprocessing, sys, time
from pathlib import Path
from site_builder.build import one_at_a_time

def linger():
    time.sleep(600)

if __name__ == "__main__":
    with one_at_a_time(Path(sys.argv[1]), None):
        worker = multiprocessing.get_context("fork").Process(target=linger)
        worker.start()
        told = Path(sys.argv[2])
        told.with_name("part").write_text(str(worker.pid))
        told.with_name("part").replace(told)
        time.sleep(600)
"""


@posix_only
def test_the_build_lock_goes_with_the_build_not_with_a_worker_it_forked(
    make_site, tmp_path: Path
) -> None:
    site = make_site()
    told = tmp_path / "worker"
    build = subprocess.Popen([sys.executable, "-c", LOCK_THEN_FORK, str(site.root), str(told)],
                             start_new_session=True)  # fmt: skip
    try:
        assert wait_for(lambda: told.exists() or build.poll() is not None, 60)
        worker = int(told.read_text())
        assert held(site.root)  # the control: a build running holds it
        os.kill(build.pid, signal.SIGKILL)  # the build alone, as `kill -9 PID` does
        build.wait(timeout=30)
        assert alive(worker)  # its worker lives on, with a copy of every descriptor it had
        assert not held(site.root)  # but not the lock: the next build need not wait
    finally:
        kill_group(build)


# --- the preview's English without fork ----------------------------------------------------


def test_the_previews_english_is_built_by_a_spawned_process(make_site, monkeypatch) -> None:
    from site_builder import pipeline

    site = make_site({"content/news/2022/tin.yml": NEWS.format(english="News in English"),
                      "content/news/2022/nhap.yml": DRAFT})  # fmt: skip
    assert site.build().code == 0  # the public site: no draft
    assert "A draft of the preview" not in site.read("en/tin-tuc/index.html")
    shutil.rmtree(site.site / "en")
    monkeypatch.setenv("SITE_BUILDER_START_METHOD", "spawn")
    session = read_session(site.root, preview=True)
    site.write("content/news/2022/tin.yml", "title: [unclosed\n")  # an edit with an error
    assert pipeline.read(session)  # the preview shows the last content that built
    english = preview.English()
    english.start(session, site.site)
    try:
        process = english.process
        assert isinstance(process, multiprocessing.context.SpawnProcess)
        process.join(timeout=240)
        assert process.exitcode == 0
    finally:
        english.stop()
    # it was handed the preview's content (pickled): the last that built, drafts shown
    assert "News in English" in site.read("en/tin-tuc/tin/index.html")
    assert "A draft of the preview" in site.read("en/tin-tuc/index.html")
    assert (site.site / "pagefind").is_dir()


def site_builder_command() -> list[str]:
    """The command as an editor types it: the installed script (on Windows a launcher,
    whose spawned processes start from that script), else the module."""
    script = Path(sys.executable).with_name("site-builder")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "site_builder"]


@posix_only  # stopped by SIGTERM, as a service manager stops it (Windows' is a kill)
def test_serve_without_fork_shows_an_english_edit(make_site, tmp_path: Path) -> None:
    site = make_site({"content/news/2022/tin.yml": NEWS.format(english="First English")})
    port = free_port()
    scratch = tmp_path / "scratch"  # the preview's copy of the site and the English' files
    scratch.mkdir()
    env = {**os.environ, "SITE_BUILDER_START_METHOD": "spawn", "TMPDIR": str(scratch)}
    server = subprocess.Popen([*site_builder_command(), "serve", "--port", str(port)],
                              cwd=site.root, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                              text=True, env=env)  # fmt: skip
    try:
        url = f"http://127.0.0.1:{port}/en/tin-tuc/tin/"
        assert wait_for(lambda: "First English" in fetch(url), 120)
        site.write("content/news/2022/tin.yml", NEWS.format(english="Edited English"))
        assert wait_for(lambda: "Edited English" in fetch(url), 120)
    finally:
        server.terminate()
        _, errors = server.communicate(timeout=60)
    assert server.returncode == 0 and "Traceback" not in errors, errors
    assert not list(scratch.iterdir())  # every English build's files went with it


# --- the swap by two renames ---------------------------------------------------------------


def test_a_swap_by_two_renames_gives_the_bytes_of_one_exchange(
    make_site, tmp_path: Path, monkeypatch
) -> None:
    site = radio_site(make_site, words="Số một.")
    real = folders._exchange
    exchanged: list[bool] = []

    def recorded(a: Path, b: Path) -> bool:
        exchanged.append(real(a, b))
        return exchanged[-1]

    def renames_only(a: Path, b: Path) -> bool:
        exchanged.append(False)
        return False

    outputs = {how: (tmp_path / how / "site", tmp_path / how / "radio") for how in ("one", "two")}
    for site_dir, radio_dir in outputs.values():  # made anew: renamed into place, not swapped
        assert build_stage.build(site.root, site_dir, radio_dir=radio_dir).code == 0
    site.write("content/radio/thu.yml", PROGRAMME.format(words="Số hai."))
    site.write("content/news/2022/tin.yml", NEWS.format(english="News"))
    for how, swap in (("one", recorded), ("two", renames_only)):
        monkeypatch.setattr(folders, "_exchange", swap)
        exchanged.clear()
        site_dir, radio_dir = outputs[how]
        assert build_stage.build(site.root, site_dir, radio_dir=radio_dir).code == 0
        assert len(exchanged) == 2  # the site and the scripts were swapped
        if how == "one" and sys.platform == "linux":
            assert all(exchanged)  # the control: here the system exchanges in one step
        assert not [p for p in site_dir.parent.iterdir() if p.name.startswith(".")]
    one, two = outputs["one"], outputs["two"]
    assert "Số hai" in (two[1] / "thu.txt").read_text(encoding="utf-8")
    assert tree_hash(one[0]) == tree_hash(two[0])
    assert tree_hash(one[1]) == tree_hash(two[1])


# The command line as on Windows: no fork (worker processes are spawned and read what they
# need again) and no exchange of two folders in one step (the swap renames twice).
AS_ON_WINDOWS = """
import multiprocessing, sys
from site_builder.output import folders
multiprocessing.set_start_method("spawn", force=True)
methods = multiprocessing.get_all_start_methods
multiprocessing.get_all_start_methods = lambda: [m for m in methods() if m != "fork"]
folders._exchange = lambda a, b: False
from site_builder.cli import main
sys.exit(main())
"""


def as_on_windows(site, *args: str, pause_at: str = "", told: Path | None = None):
    """Run the command line as on Windows; paused at `pause_at`, return it running."""
    env = {**os.environ, "SITE_BUILDER_LANG": "en"}
    command = [sys.executable, "-c", AS_ON_WINDOWS, *args]
    if not pause_at:
        return subprocess.run(command, cwd=site.root, env=env, capture_output=True, text=True,
                              timeout=300, check=False)  # fmt: skip
    env |= {"SITE_BUILDER_PAUSE_AT": pause_at, "SITE_BUILDER_PAUSE_FILE": str(told)}
    return subprocess.Popen(command, cwd=site.root, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)  # fmt: skip


def test_a_build_as_on_windows_gives_the_bytes_of_one_on_linux(make_site, tmp_path) -> None:
    site = radio_site(make_site, words="Số một.")
    album = "title: {vi: A, en: A}\nphotos:\n" + "".join(
        f"  - {{src: {n}.jpg, alt: {{vi: B, en: B}}}}\n" for n in range(3)
    )
    site.write("content/albums/a.yml", album)
    for n in range(3):  # several photos: the image stage runs them in worker processes
        Image.new("RGB", (300, 200), (40 * n, 90, 30)).save(tmp_path / f"{n}.jpg")
        site.write(f"content/images/{n}.jpg", (tmp_path / f"{n}.jpg").read_bytes())
    linux, windows = tmp_path / "linux", tmp_path / "windows"
    for step in range(2):  # made anew, then swapped
        if step:
            site.write("content/radio/thu.yml", PROGRAMME.format(words="Số hai."))
        assert build_stage.build(site.root, linux / "site", radio_dir=linux / "radio").code == 0
        shutil.rmtree(cache_root(site.root) / "images")  # processed again, by spawned workers
        done = as_on_windows(site, "build", "--site-dir", str(windows / "site"),
                             "--radio-dir", str(windows / "radio"))  # fmt: skip
        assert done.returncode == 0, done.stderr
    assert len(list((windows / "site" / "anh").glob("*"))) >= 3
    assert "Số hai" in (windows / "radio" / "thu.txt").read_text(encoding="utf-8")
    assert tree_hash(windows / "site") == tree_hash(linux / "site")
    assert tree_hash(windows / "radio") == tree_hash(linux / "radio")
    assert not [p for p in windows.iterdir() if p.name.startswith(".")]


@posix_only
@pytest.mark.parametrize("point", ["renamed", "swapping"])
def test_a_swap_by_two_renames_killed_half_way_is_finished_by_the_next_run(
    make_site, tmp_path: Path, point: str
) -> None:
    site = radio_site(make_site, words="Số một.")
    first = as_on_windows(site, "build")
    assert first.returncode == 0, first.stderr
    old_page, old_script = outputs_of(site)
    site.write("content/radio/thu.yml", PROGRAMME.format(words="Số hai."))
    settings = (site.root / "content/site.yml").read_text(encoding="utf-8")
    site.write("content/site.yml", settings.replace("Trang thử", "Trang mới"))
    told = tmp_path / "paused"
    build = as_on_windows(site, "build", pause_at=point, told=told)
    try:
        assert wait_for(lambda: told.exists() or build.poll() is not None, 120)
        assert build.poll() is None, f"the build ended before reaching {point}"
    finally:
        kill_group(build)
    if point == "renamed":  # between the renames: the site moved aside, the new one not in
        assert not site.site.exists()
    # the next run repairs first; a content error then stops it, leaving what was repaired
    site.write("content/news/2022/hong.yml", "title: [")
    assert as_on_windows(site, "build").returncode == 1
    page, script = outputs_of(site)
    assert page != old_page and "Trang mới" in page  # finished, not undone
    assert script != old_script and "Số hai" in script  # the scripts of the same build
    assert not [p for p in site.root.iterdir() if p.name.startswith((".site.", ".radio."))]
