"""The editors' workflow: `new` for every kind, `check` JSON, `status`, preview, Windows."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys

import pytest
from PIL import Image

from site_builder.editors.scaffold import KINDS, new

from conftest import fetch, wait_for

# What an editor fills in for each kind before the file passes `check`.
FILLED = {
    "news": [('summary: {vi: ""}', "summary: {vi: Tóm tắt}"), ('  vi: ""', "  vi: Nội dung")],
    "person": [('summary: {vi: ""}', "summary: {vi: Tóm tắt}")],
    "collective": [('summary: {vi: ""}', "summary: {vi: Tóm tắt}")],
    "milestone": [('sources: [""]', "sources: [Báo cáo của UBND huyện]")],
    "commendation": [('number: ""', 'number: "15/QĐ-UBND"'),
                     ('reason: {vi: ""}', "reason: {vi: Lý do}")],
    "album": [('- src: ""', "- src: a.jpg"), ('alt: {vi: ""}', "alt: {vi: Ảnh}")],
    "radio": [('column: ""', "column: Tin"), ('editor: ""', "editor: Biên tập"),
              ('readers: [""]', "readers: [Người đọc]"), ('    text: ""', "    text: Xin chào."),
              ("duration_minutes: 10", "duration_minutes: 0.4")],
}  # fmt: skip
UNFILLED_FIELD = {"news": "summary", "person": "summary", "collective": "summary",
                  "milestone": "sources", "commendation": "number", "album": "src",
                  "radio": "column"}  # fmt: skip


@pytest.mark.parametrize("kind", KINDS)
def test_new_file_fails_until_filled_then_passes(make_site, tmp_path, kind: str) -> None:
    site = make_site()
    (site.root / "content" / "images").mkdir(parents=True)
    Image.new("RGB", (50, 40)).save(site.root / "content" / "images" / "a.jpg")
    path = new(site.root, kind, f"Thử {kind} Đặc biệt", dt.date(2022, 9, 1))
    assert path.read_text(encoding="utf-8").count("(*)") >= 2  # required fields are marked
    assert site.cli("check", "--strict").returncode == 0  # a draft may wait (#32)
    path.write_text(path.read_text(encoding="utf-8").replace("draft: true", "draft: false"))
    result = site.cli("check", "--format", "json")
    problems = json.loads(result.stdout)["problems"]
    assert result.returncode == 1
    assert any(UNFILLED_FIELD[kind] in p["message"] for p in problems), problems
    text = path.read_text(encoding="utf-8")
    for old, filled in FILLED[kind]:
        assert old in text, (kind, old)
        text = text.replace(old, filled)
    path.write_text(text, encoding="utf-8")
    result = site.cli("check")
    assert result.returncode == 0, result.stdout


def test_new_puts_each_kind_in_its_folder(make_site) -> None:
    site = make_site()
    day = dt.date(2022, 9, 1)
    paths = {kind: new(site.root, kind, "Đường Tam Đường", day).relative_to(site.root).as_posix()
             for kind in KINDS}  # fmt: skip
    assert paths == {
        "news": "content/news/2022/duong-tam-duong.yml",
        "person": "content/people/duong-tam-duong.yml",
        "collective": "content/people/duong-tam-duong-2.yml",
        "milestone": "content/milestones/duong-tam-duong.yml",
        "commendation": "content/commendations/duong-tam-duong.yml",
        "album": "content/albums/duong-tam-duong.yml",
        "radio": "content/radio/duong-tam-duong.yml",
    }


def test_check_json_follows_the_interface(make_site) -> None:
    site = make_site({
        "content/people/a.yml": "kind: individual\nname: {vi: A}\nsummary: {vi: B}\nnmae: 1\n",
        "content/people/b.yml": "kind: individual\nname: {vi: B}\nsummary: {vi: C}\n",
    })  # fmt: skip
    data = json.loads(site.cli("check", "--format", "json").stdout)
    assert set(data) == {"errors", "warnings", "files", "problems"}
    assert (data["errors"], data["warnings"], data["files"]) == (1, 1, 2)
    for problem in data["problems"]:
        assert set(problem) == {"path", "line", "col", "severity", "code", "message", "hint"}
        assert isinstance(problem["line"], int) and problem["severity"] in ("error", "warning")
    text = site.cli("check").stdout.splitlines()
    assert text[-1] == "1 lỗi, 1 cảnh báo trong 2 tệp."
    assert site.cli("check").returncode == 1
    site.write("content/people/a.yml", "kind: individual\nname: {vi: A}\nsummary: {vi: B}\n")
    assert site.cli("check").returncode == 0  # warnings alone do not fail…
    assert site.cli("check", "--strict").returncode == 1  # …unless --strict


def test_large_originals_are_warned_about(make_site) -> None:
    site = make_site(
        {"content/albums/a.yml": "title: {vi: A}\nphotos:\n  - {src: big.png, alt: {vi: B}}\n"}
    )
    (site.root / "content/images").mkdir(parents=True, exist_ok=True)
    Image.new("L", (6100, 100)).save(site.root / "content/images/big.png")
    lines = site.cli("check").stdout.splitlines()
    assert lines[0].startswith(
        "content/albums/a.yml:3:11: cảnh báo: 'photos[0].src': ảnh gốc 'big.png'"
    )
    assert "cạnh dài 6100 điểm ảnh" in lines[0] and "Git LFS" in lines[0]


def test_status_lists_the_known_gaps(make_site) -> None:
    site = make_site({
        "content/people/co-anh.yml": "kind: individual\nname: {vi: A, en: A}\n"
                                     "summary: {vi: S, en: S}\nconsent: true\n"
                                     "photo: {src: a.jpg, alt: {vi: Ảnh}}\n",
        "content/people/chua-dong-y.yml": "kind: individual\nname: {vi: B}\nsummary: {vi: S}\n",
        "content/people/tap-the.yml": "kind: collective\nname: {vi: C}\nsummary: {vi: S}\n"
                                      "illustrative: true\n",
    })  # fmt: skip
    (site.root / "content/images").mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (40, 30)).save(site.root / "content/images/a.jpg")
    data = json.loads(site.cli("status", "--format", "json").stdout)
    assert data["translation"]["person"] == {
        "total": 2, "with_en": 0,
        "missing": ["content/people/co-anh.yml", "content/people/tap-the.yml"],
    }  # fmt: skip
    assert data["illustrative"] == ["content/people/tap-the.yml"]
    assert data["without_image"] == ["content/people/tap-the.yml"]
    assert data["alt_without_en"] == ["content/people/co-anh.yml: a.jpg"]
    assert data["no_consent"] == ["content/people/chua-dong-y.yml"]
    text = site.cli("status").stdout
    assert "gương điển hình: 0/2 có bản tiếng Anh" in text
    assert "Cá nhân chưa đồng ý công bố (không hiện trên trang) (1):" in text


def test_serve_shows_errors_in_the_page_and_stays_up(make_site) -> None:
    import socket

    site = make_site()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    command = [sys.executable, "-m", "site_builder", "serve", "--port", str(port)]
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    server = subprocess.Popen(command, cwd=site.root, **quiet)
    url = f"http://127.0.0.1:{port}/gioi-thieu/"
    try:
        assert wait_for(lambda: "Giới thiệu" in fetch(url))
        site.write("content/people/hong.yml", "kind: individual\nnmae: {vi: X}\n")
        assert wait_for(lambda: 'class="sb-errors"' in fetch(url))
        page = fetch(url)
        assert "content/people/hong.yml:2:1: lỗi: trường không xác định &#39;nmae&#39;" in page
        assert "<h1>Giới thiệu</h1>" in page  # the last good build is still there
        (site.root / "content/people/hong.yml").unlink()
        assert wait_for(lambda: 'class="sb-errors"' not in fetch(url))
        assert server.poll() is None
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_output_is_utf8_whatever_the_console(make_site) -> None:
    site = make_site({"content/people/a.yml": "kind: ồ\n"})
    env = {**os.environ, "PYTHONIOENCODING": "cp1252", "SITE_BUILDER_LANG": "vi"}
    result = subprocess.run([sys.executable, "-m", "site_builder", "check"], cwd=site.root,
                            capture_output=True, env=env, check=False)  # fmt: skip
    assert result.returncode == 1 and b"Traceback" not in result.stderr
    assert "giá trị 'ồ' không hợp lệ" in result.stdout.decode("utf-8")


def test_project_path_with_diacritics_and_spaces(make_site, tmp_path) -> None:
    site = make_site()
    moved = tmp_path / "Dự án Tam Đường 2022"
    site.root.rename(moved)
    result = subprocess.run([sys.executable, "-m", "site_builder", "build"], cwd=moved,
                            capture_output=True, text=True, check=False)  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert (moved / "site" / "index.html").exists()


def test_missing_config_is_explained(make_site) -> None:
    site = make_site()
    (site.root / "mkdocs.yml").unlink()
    result = site.cli("check")
    assert result.returncode == 2
    assert re.match(r"Thư mục '.*' có content/ nhưng thiếu tệp mkdocs.yml\.", result.stderr)
