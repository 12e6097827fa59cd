"""Output folders: the build replaces only what it made, and the site and scripts together."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from conftest import PROGRAMME, add_programme, tree_hash, wait_for


def radio_site(make_site, words: str = "Số một."):
    return add_programme(make_site(), words)


def refused(result: subprocess.CompletedProcess[str]) -> None:
    assert result.returncode == 2, result.stderr
    assert "Không ghi vào thư mục này" in result.stderr
    assert "Traceback" not in result.stderr


# --- folders that must never be replaced --------------------------------------------------

DANGEROUS = [".", "..", "content", "content/news", "templates", "assets", ".git",
             ".git/objects", ".cache/site-builder", ".cache/site-builder/x", "../elsewhere",
             "README.md"]  # fmt: skip


def project_with_neighbours(make_site):
    site = make_site({"README.md": "# read me\n", ".git/HEAD": "ref: refs/heads/main\n",
                      ".git/objects/keep": "x", ".cache/site-builder/keep": "x"})  # fmt: skip
    neighbour = site.root.parent / "elsewhere"
    neighbour.mkdir()
    (neighbour / "notes.txt").write_text("someone's files", encoding="utf-8")
    return site


@pytest.mark.parametrize("option", ["--site-dir", "--radio-dir"])
def test_build_refuses_every_folder_it_did_not_make(make_site, option: str) -> None:
    site = project_with_neighbours(make_site)
    everything = tree_hash(site.root.parent)
    for folder in DANGEROUS:
        result = site.cli("build", option, folder)
        refused(result)
        assert tree_hash(site.root.parent) == everything, folder  # nothing touched
    english = site.cli("--lang", "en", "build", option, ".")
    assert "is the project folder or contains it" in english.stderr


def test_radio_out_refuses_what_build_refuses_and_the_site(make_site) -> None:
    site = add_programme(project_with_neighbours(make_site))
    assert site.cli("build").returncode == 0
    everything = tree_hash(site.root.parent)
    for folder in [*DANGEROUS, "site", "site/radio"]:
        refused(site.cli("radio", "--out", folder))
        assert tree_hash(site.root.parent) == everything, folder
    assert not list(site.site.rglob("thu.*"))  # the staff's scripts never reach the site


@pytest.mark.parametrize(
    ("site_dir", "radio_dir"),
    [("out", "out"), ("out", "out/radio"), ("radio/site", "radio"), ("site", "site/x/r")],
)
def test_the_radio_folder_never_lies_in_the_site_nor_the_reverse(
    make_site, site_dir: str, radio_dir: str
) -> None:
    site = radio_site(make_site)
    refused(site.cli("build", "--site-dir", site_dir, "--radio-dir", radio_dir))
    assert not (site.root / site_dir).exists()


def test_an_empty_or_missing_folder_is_built_and_marked(make_site, tmp_path: Path) -> None:
    site = radio_site(make_site)
    (tmp_path / "empty").mkdir()
    result = site.cli("build", "--site-dir", str(tmp_path / "empty"),
                      "--radio-dir", str(tmp_path / "new" / "radio"))  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "empty" / "index.html").is_file()
    assert (tmp_path / "empty" / ".site-builder-output").is_file()
    assert (tmp_path / "new" / "radio" / "thu.docx").is_file()
    assert (tmp_path / "new" / "radio" / ".site-builder-output").is_file()
    # a folder it made is replaced again; marked as the other kind, it is refused
    again = site.cli("build", "--site-dir", str(tmp_path / "empty"),
                     "--radio-dir", str(tmp_path / "new" / "radio"))  # fmt: skip
    assert again.returncode == 0, again.stderr
    refused(site.cli("build", "--site-dir", str(tmp_path / "new" / "radio")))


def test_an_earlier_versions_site_at_the_default_place_is_taken_once(make_site) -> None:
    site = radio_site(make_site)
    for name in ("index.html", "404.html", "sitemap.xml"):
        site.write(f"site/{name}", "earlier build")
    site.write("radio/thu.txt", "earlier script")
    result = site.cli("build")
    assert result.returncode == 0, result.stderr
    assert (site.site / ".site-builder-output").is_file()
    assert (site.root / "radio" / ".site-builder-output").is_file()
    assert "earlier" not in site.read("index.html")


def test_a_default_site_folder_holding_other_files_is_refused(make_site) -> None:
    site = make_site({"site/index.html": "my own page", "site/notes.txt": "mine"})
    refused(site.cli("build"))
    assert (site.site / "notes.txt").read_text() == "mine"


# --- the site and the scripts are swapped together ------------------------------------------


def pause_at(site, point: str, tmp_path: Path) -> tuple[subprocess.Popen[bytes], int]:
    """Start a real build, wait until it pauses at `point`; return it and the paused pid."""
    pause = tmp_path / f"paused-{point}"
    env = {**os.environ, "SITE_BUILDER_PAUSE_AT": point, "SITE_BUILDER_PAUSE_FILE": str(pause)}
    process = subprocess.Popen([sys.executable, "-m", "site_builder", "build"], cwd=site.root,
                               env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               start_new_session=True)  # fmt: skip
    assert wait_for(lambda: pause.exists() or process.poll() is not None, 120)
    assert process.poll() is None, f"the build ended before reaching {point}"
    return process, int(pause.read_text().split()[1])


def kill_group(process: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=30)


def outputs_of(site) -> tuple[str, str]:
    return site.read("index.html"), (site.root / "radio" / "thu.txt").read_text("utf-8")


@pytest.mark.parametrize("point", ["swap", "swapping"])
def test_site_and_scripts_are_never_of_two_builds(make_site, tmp_path: Path, point: str) -> None:
    site = radio_site(make_site, words="Số một.")
    assert site.cli("build").returncode == 0
    old_page, old_script = outputs_of(site)
    site.write("content/radio/thu.yml", PROGRAMME.format(words="Số hai."))
    settings = (site.root / "content/site.yml").read_text(encoding="utf-8")
    site.write("content/site.yml", settings.replace("Trang thử", "Trang mới"))
    process, _ = pause_at(site, point, tmp_path)
    kill_group(process)
    if point == "swap":  # killed before the swap: both as they were
        assert outputs_of(site) == (old_page, old_script)
    # the next run repairs first; a content error then stops it, leaving what was repaired
    site.write("content/news/2022/hong.yml", "title: [")
    assert site.cli("build").returncode == 1
    page, script = outputs_of(site)
    assert (page == old_page) == (script == old_script)  # both of one build
    assert (script == old_script) == (point == "swap")  # "swapping" is finished, not undone
    assert not [p for p in site.root.iterdir() if p.name.startswith((".site.", ".radio."))]


# --- a killed build's workers and its lock ----------------------------------------------------


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")


@pytest.mark.parametrize("point", ["images", "mkdocs"])
def test_killing_only_the_main_process_leaves_nothing_that_blocks(
    make_site, tmp_path: Path, point: str
) -> None:
    album = "title: {vi: A, en: A}\nphotos:\n" + "".join(
        f"  - {{src: {n}.jpg, alt: {{vi: B, en: B}}}}\n" for n in range(3)
    )
    site = make_site({"content/albums/a.yml": album})
    for n in range(3):  # several photos: the image stage runs them in worker processes
        Image.new("RGB", (300, 200), (40 * n, 90, 30)).save(tmp_path / f"{n}.jpg")
        site.write(f"content/images/{n}.jpg", (tmp_path / f"{n}.jpg").read_bytes())
    process, worker = pause_at(site, point, tmp_path)
    try:
        assert worker != process.pid  # the pause is in a worker
        os.kill(process.pid, signal.SIGKILL)  # the main process only, as `kill -9 PID` does
        process.wait(timeout=30)
        assert wait_for(lambda: not alive(worker), 30), "the worker outlived its build"
        second = subprocess.run([sys.executable, "-m", "site_builder", "--lang", "en", "build"],
                                cwd=site.root, capture_output=True, text=True, timeout=240,
                                check=False)  # fmt: skip
    finally:
        kill_group(process)
    assert "waiting" not in second.stderr
    assert second.returncode == 0, second.stderr
    assert len(list((site.site / "anh").glob("*"))) >= 3


# --- what the command line is given --------------------------------------------------------


def test_paths_and_ports_the_command_cannot_use_are_named(make_site, tmp_path: Path) -> None:
    site = radio_site(make_site)
    outside = site.cli("check", "/etc/passwd")
    assert outside.returncode == 2 and "không nằm trong dự án" in outside.stderr
    for command in (["serve", "--port", "99999"], ["admin", "--port", "-1"],
                    ["serve", "--port", "http"]):  # fmt: skip
        result = site.cli(*command)
        assert result.returncode == 2 and "65535" in result.stderr, command
    for command in (["build", "--radio-dir", "/proc/x"], ["radio", "--out", "/proc/x/y"],
                    ["build", "--site-dir", "/proc/site"]):  # fmt: skip
        result = site.cli(*command)
        assert result.returncode == 3, result.stderr
        assert "không đọc hoặc ghi được ở đây" in result.stderr, command
        assert "nội bộ" not in result.stderr and "Traceback" not in result.stderr


def test_a_deleted_working_folder_is_named(tmp_path: Path) -> None:
    gone = tmp_path / "gone"
    gone.mkdir()
    script = f'cd "{gone}" && rmdir "{gone}" && exec "{sys.executable}" -m site_builder check'
    result = subprocess.run(["sh", "-c", script], capture_output=True, text=True, check=False,
                            env={**os.environ, "SITE_BUILDER_LANG": "en"})  # fmt: skip
    assert result.returncode == 2
    assert "The current folder was deleted" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("journal", [
    '[["{victim}", "/proc", 1]]',
    '[["{victim}", "{site}", {inode}]]',
    '[["{new}", "{victim}", {inode}]]',
    '[1]', '{{"a": 1}}', '[["{new}", "{site}", "x"]]',
])  # fmt: skip
def test_a_journal_from_elsewhere_moves_and_deletes_nothing(make_site, tmp_path, journal) -> None:
    """The swap journal lies in the project folder: one brought in by a zip or a shared folder
    must not name what the next build moves or deletes."""
    site = make_site()
    assert site.cli("build").returncode == 0
    victim = tmp_path / "victim"
    victim.mkdir()
    (victim / "keep.txt").write_text("someone's file", encoding="utf-8")
    text = journal.format(victim=victim, site=site.site, new=site.root / ".site.new",
                          inode=victim.stat().st_ino)  # fmt: skip
    (site.root / ".site.swap").write_text(text, encoding="utf-8")
    result = site.cli("build")
    assert result.returncode == 0, result.stderr
    assert (victim / "keep.txt").read_text(encoding="utf-8") == "someone's file"
    assert not (site.root / ".site.swap").exists()
