"""The web editor's back end writes and deletes only through one gate (#28, item 7).

Every test drives the HTTP back end as the editor's page does: real requests to a server on
127.0.0.1, never the proxy's internals, so that they hold however the back end is arranged.
"""

from __future__ import annotations

import base64
import http.client
import io
import json
import os
import re
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from site_builder.cms import server as admin_server
from site_builder.cms.config import API

from conftest import tree_hash

PERSON = """\
# A header comment.
kind: individual
name: {{vi: {name}, en: {name}}}
summary: {{vi: Tóm tắt., en: Summary.}}
consent: true
illustrative: true
{extra}"""
COMMENDATION = """\
form: giay-khen
number: "1/QĐ"
date: 2022-09-01
issuer: {vi: Chủ tịch, en: Chairman}
reason: {vi: Lý do, en: Reason}
recipients: [lo-thi-mau]
"""
PHOTO = "photo: {src: chan-dung/mau.jpg, alt: {vi: Ảnh chân dung, en: Portrait}}\n"
MAU = "content/people/lo-thi-mau.yml"


def picture(fmt: str = "JPEG", size: tuple[int, int] = (40, 30)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (120, 160, 90)).save(out, fmt)
    return out.getvalue()


@dataclass
class Editor:
    """The web editor's back end, served on 127.0.0.1, and the project it edits."""

    root: Path
    host: str
    port: int

    def post(self, body: Any, headers: dict[str, str] | None = None) -> tuple[int | None, Any]:
        """POST `body` (JSON, or bytes as they are); the status and the decoded answer."""
        data = body if isinstance(body, bytes) else json.dumps(body).encode("utf-8")
        connection = http.client.HTTPConnection(self.host, self.port, timeout=60)
        try:
            sent = {"Content-Type": "application/json", **(headers or {})}
            connection.request("POST", API, data, sent)
            response = connection.getresponse()
            status, payload = response.status, response.read()
        except (http.client.HTTPException, OSError):  # the server dropped the request
            return None, None
        finally:
            connection.close()
        try:
            return status, json.loads(payload)
        except ValueError:
            return status, payload

    def raw(self, request: bytes) -> tuple[int | None, bytes]:
        """Send `request` as it is, end the sending side, and return the status and body."""
        with socket.create_connection((self.host, self.port), timeout=60) as sock:
            sock.sendall(request)
            sock.shutdown(socket.SHUT_WR)
            chunks = []
            try:
                while chunk := sock.recv(65536):
                    chunks.append(chunk)
            except OSError:
                pass
        answer = b"".join(chunks)
        found = re.match(rb"HTTP/1\.[01] (\d{3})", answer)
        return (int(found[1]) if found else None), answer.partition(b"\r\n\r\n")[2]

    def get(self, path: str, host: str | None = None) -> int | None:
        connection = http.client.HTTPConnection(self.host, self.port, timeout=60)
        try:
            headers = {"Host": host} if host is not None else {}
            connection.request("GET", path, headers=headers)
            response = connection.getresponse()
            response.read()
            return response.status
        except (http.client.HTTPException, OSError):
            return None
        finally:
            connection.close()

    def save(self, path: str, raw: str, assets: list[dict] | None = None, **more: str) -> Any:
        data_file = {"path": path, "raw": raw, **more}
        params = {"dataFiles": [data_file], "assets": assets or []}
        return self.post({"action": "persistEntry", "params": params})

    def upload(self, path: str, data: bytes) -> Any:
        asset = {"path": path, "content": base64.b64encode(data).decode(), "encoding": "base64"}
        return self.post({"action": "persistMedia", "params": {"asset": asset}})

    def delete(self, *paths: str) -> Any:
        if len(paths) == 1:
            return self.post({"action": "deleteFile", "params": {"path": paths[0]}})
        return self.post({"action": "deleteFiles", "params": {"paths": list(paths)}})

    def project_state(self) -> tuple[list[str], str]:
        """The project's top-level names and a hash of content/: what a refusal leaves alone."""
        names = sorted(n for n in os.listdir(self.root) if n != ".cache")  # the cache: ignored
        return names, tree_hash(self.root / "content")


@pytest.fixture
def editor(make_site, capsys) -> Iterator[Editor]:
    site = make_site({
        MAU: PERSON.format(name="Lò Thị Mẫu", extra=PHOTO),
        "content/people/vang-a-su.yml": PERSON.format(name="Vàng A Sử", extra=""),
        "content/commendations/qd-1.yml": COMMENDATION,
        "content/images/chan-dung/mau.jpg": picture(),
    })  # fmt: skip
    (site.root / "site").mkdir()
    (site.root / "site" / "index.html").write_text("<p>ok</p>", encoding="utf-8")
    server = admin_server.make_server(site.root, site.root / "site", port=0, rebuild=False)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    host, port = server.server_address[:2]
    try:
        yield Editor(site.root, str(host), int(port))
    finally:
        server.shutdown()
        server.server_close()
    said = capsys.readouterr().err
    assert "Traceback" not in said and "internal error" not in said.lower(), said


def errors_of(answer: Any) -> str:
    assert isinstance(answer, dict) and isinstance(answer.get("error"), str), answer
    return answer["error"]


# Writes: only the content layout, each checked before it touches the disk ------------------


def test_media_cannot_overwrite_content_yaml_or_store_html_svg_or_random_bytes(editor) -> None:
    before = editor.project_state()
    random_bytes = os.urandom(40 * 1024 * 1024)
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    for path, data, message in (
        ("content/site.yml", b"district: [broken\n", "lỗi: cú pháp YAML không hợp lệ"),
        ("content/images/evil.html", b"<script>alert(1)</script>", "không phải tệp nội dung"),
        ("content/images/evil.svg", svg, "'content/images/evil.svg' không phải tệp nội dung"),
        ("content/images/evil.jpg", svg, "tệp 'evil.jpg' không phải là ảnh"),
        ("content/images/random.jpg", random_bytes, "tệp 'random.jpg' không phải là ảnh"),
    ):
        status, answer = editor.upload(path, data)
        assert status == 422, (path, status, answer)
        assert errors_of(answer).startswith(path + ":") and message in answer["error"], answer
    assert editor.project_state() == before  # nothing written, nothing temporary left


def test_a_photo_is_sniffed_and_size_limited_and_a_good_one_is_stored(editor) -> None:
    before = editor.project_state()
    padded = picture() + b"\0" * 9_000_000  # a readable header, then 9 MB
    status, answer = editor.upload("content/images/lon.jpg", padded)
    assert status == 422 and "'lon.jpg' nặng 9.0 MB" in errors_of(answer), answer
    assert editor.project_state() == before
    png = picture("PNG")  # a PNG named .jpg is still a picture: the content decides
    for path, data in (("content/images/moi.png", png), ("content/images/ten-sai.jpg", png)):
        status, answer = editor.upload(path, data)
        assert status == 200, answer
        assert answer["path"] == path and (editor.root / path).read_bytes() == data


def test_the_folder_itself_is_no_file_and_nothing_temporary_lands_in_the_project(editor) -> None:
    before = editor.project_state()
    for body in (
        {"action": "persistMedia",
         "params": {"asset": {"path": "content", "content": "eA==", "encoding": "base64"}}},
        {"action": "persistMedia",
         "params": {"asset": {"path": "content/images", "content": "eA==", "encoding": "base64"}}},
        {"action": "persistEntry",
         "params": {"dataFiles": [{"path": "content/people", "raw": "x: y\n"}], "assets": []}},
        {"action": "deleteFile", "params": {"path": "content"}},
        {"action": "deleteFile", "params": {"path": "content/people"}},
    ):  # fmt: skip
        status, answer = editor.post(body)
        assert status is not None and 400 <= status < 500, (body, status, answer)
        errors_of(answer)
    assert editor.project_state() == before
    assert not [name for name in os.listdir(editor.root) if name.endswith(".tmp")]


@pytest.mark.parametrize(
    "path",
    ["content/news/2022/run.sh", "content/people/x.yaml", "content/notes.yml",
     "content/people/sub/x.yml", "content/news/x.yml", "content/news/moi/x.yml",
     "content/images/x.yml", "content/people/.an.yml"],
)  # fmt: skip
def test_an_entry_is_written_only_as_a_yaml_file_of_the_layout(editor, path: str) -> None:
    before = editor.project_state()
    status, answer = editor.save(path, "#!/bin/sh\nrm -rf /\n")
    assert status == 422, answer
    assert f"'{path}' không phải tệp nội dung" in errors_of(answer)
    assert editor.project_state() == before


def test_an_entrys_asset_must_be_a_picture_under_images(editor) -> None:
    before = editor.project_state()
    good = PERSON.format(name="Người Mới", extra="")
    for asset_path, message in (
        ("content/site.yml", "content/site.yml:1:1: lỗi: "),  # checked as what it is
        ("content/people/evil.jpg", "'content/people/evil.jpg' không phải tệp nội dung"),
        ("content/images/a.sh", "'content/images/a.sh' không phải tệp nội dung"),
    ):
        asset = {"path": asset_path, "content": "eA==", "encoding": "base64"}
        status, answer = editor.save("content/people/nguoi-moi.yml", good, [asset])
        assert status == 422 and message in errors_of(answer), answer
    assert editor.project_state() == before


def test_each_write_is_checked_as_its_kind_and_refused_with_the_checks_message(editor) -> None:
    before = editor.project_state()
    for path, raw, message in (
        ("content/site.yml", "district: {vi: X}\n", "content/site.yml:1:1: lỗi: "),
        ("content/plan.yml", "title: [x\n", "content/plan.yml:"),
        ("content/glossary.yml", "nonsense: 1\n", "content/glossary.yml:1:1: lỗi: "),
        ("content/people/moi.yml", "kind: individual\nname: {en: Only}\n", "thiếu bản tiếng Việt"),
        ("content/news/2022/moi.yml", "title: {vi: T}\n", "content/news/2022/moi.yml:"),
    ):
        status, answer = editor.save(path, raw)
        assert status == 422 and message in errors_of(answer), (path, answer)
    assert editor.project_state() == before


def test_a_recursive_alias_or_deep_nesting_is_refused_and_later_saves_still_work(editor) -> None:
    before = editor.project_state()
    for raw, code_text in (
        ("kind: individual\nname: &n {vi: *n}\nsummary: {vi: S}\n", "quá nhiều nút"),
        ("kind: individual\nname: {vi: A}\nsummary: &s [*s]\n", "quá nhiều nút"),
        ("kind: individual\nname: {vi: A}\nsummary: " + "[" * 900 + "]" * 900 + "\n", "lồng"),
        ("kind: individual\nname: {vi: A}\nsummary: " + "[" * 5000 + "]" * 5000 + "\n", "lồng"),
    ):
        status, answer = editor.save("content/people/vong.yml", raw)
        assert status == 422 and code_text in errors_of(answer), answer
    assert editor.project_state() == before
    good = PERSON.format(name="Vàng A Sử", extra="").replace("Summary.", "New summary.")
    status, answer = editor.save("content/people/vang-a-su.yml", good)
    assert status == 200, answer
    written = (editor.root / "content/people/vang-a-su.yml").read_text(encoding="utf-8")
    assert "New summary." in written and written.startswith("# A header comment.\n")


def test_a_write_that_breaks_other_files_is_refused(editor) -> None:
    before = editor.project_state()
    raw = PERSON.format(name="Lò Thị Mẫu", extra="")
    status, answer = editor.save(MAU, raw, newPath="content/people/lo-thi-mau-2.yml")
    assert status == 422, answer
    assert "content/commendations/qd-1.yml:6:" in errors_of(answer)  # its recipient is gone
    assert editor.project_state() == before
    news = "title: {vi: Tin}\ndate: 2022-05-01\nsummary: {vi: S}\nbody: {vi: B}\n"
    news += "category: kinh-te\n"
    assert editor.save("content/news/2022/tin.yml", news)[0] == 200
    status, answer = editor.save("content/news/2021/tin.yml", news)  # one id across years
    assert status == 422 and "content/news/2022/tin.yml: lỗi: mã 'tin'" in errors_of(answer)
    assert not (editor.root / "content/news/2021").exists()


# Deletes: never a required file, never one that other content uses ------------------------


def test_site_plan_and_fields_are_never_deleted(editor) -> None:
    before = editor.project_state()
    for path in ("content/site.yml", "content/plan.yml", "content/fields/kinh-te.yml"):
        status, answer = editor.delete(path)
        assert status == 422, answer
        assert f"'{path}' là tệp trang không thể thiếu" in errors_of(answer)
    assert editor.project_state() == before


def test_a_delete_is_refused_while_other_content_refers_to_it(editor) -> None:
    before = editor.project_state()
    status, answer = editor.delete(MAU)
    assert status == 422, answer
    lines = errors_of(answer).splitlines()
    assert lines[0].startswith(f"{MAU}: lỗi: không xóa '{MAU}' vì nội dung khác còn dùng nó")
    assert lines[1].startswith("content/commendations/qd-1.yml:6:")
    assert "không có người hoặc tập thể nào có mã 'lo-thi-mau'" in lines[1]
    status, answer = editor.delete("content/images/chan-dung/mau.jpg")
    assert status == 422, answer
    assert f"{MAU}:7:" in errors_of(answer)
    assert "không có tệp 'chan-dung/mau.jpg'" in answer["error"]
    status, answer = editor.delete("content/run.sh")
    assert status == 422 and "không phải tệp nội dung" in errors_of(answer)
    assert editor.project_state() == before
    # the controls: what nothing refers to goes, and so do a person with its only referrer
    assert editor.delete("content/people/vang-a-su.yml")[0] == 200
    assert not (editor.root / "content/people/vang-a-su.yml").exists()
    assert editor.delete(MAU, "content/commendations/qd-1.yml")[0] == 200
    assert not (editor.root / MAU).exists()
    assert editor.delete("content/images/chan-dung/mau.jpg")[0] == 200


# Malformed requests: a 4xx JSON answer, never a traceback -----------------------------------


def test_malformed_requests_get_a_json_4xx_and_no_traceback(editor) -> None:
    before = editor.project_state()
    head = f"POST {API} HTTP/1.1\r\nHost: {editor.host}:{editor.port}\r\n"
    head += "Content-Type: application/json\r\n"
    body = b'{"action": "info"}'
    for request in (
        head.encode() + b"Content-Length: abc\r\n\r\n" + body,
        head.encode() + b"Content-Length: -1\r\n\r\n" + body,
        head.encode() + "Content-Length: ١٢\r\n\r\n".encode() + body,
        head.encode() + b"\r\n" + body,  # no length
        head.encode() + b"Content-Length: 99999999999\r\n\r\n" + body,
        head.encode() + b"Content-Length: 100\r\n\r\n" + body,  # shorter than it says
    ):
        status, answer = editor.raw(request)
        assert status is not None and 400 <= status < 500, (request, status, answer)
        assert "error" in json.loads(answer)
    for bad in (
        b"[" * 100_000 + b"]" * 100_000,
        b"{not json",
        b"\xff\xfe",
        b"[1, 2]",
        json.dumps({"action": "getEntry", "params": [1]}).encode(),
        json.dumps({"action": "nope", "params": {}}).encode(),
        json.dumps({"action": "__init__", "params": {}}).encode(),
        json.dumps({"action": "getEntry", "params": {"path": 5}}).encode(),
        json.dumps({"action": "getEntry", "params": {"path": "content/people"}}).encode(),
        json.dumps({"action": "getEntry", "params": {"path": "content/a\0b.yml"}}).encode(),
        json.dumps({"action": "getEntry", "params": {"path": "content/" + "a" * 5000}}).encode(),
        json.dumps({"action": "getMediaFile", "params": {"path": "content/images"}}).encode(),
        json.dumps({"action": "getMediaFile", "params": {"path": "content/images/x.jpg"}}).encode(),
        json.dumps({"action": "entriesByFolder",
                    "params": {"folder": "content/people", "depth": "x"}}).encode(),
        json.dumps({"action": "entriesByFiles", "params": {"files": [1]}}).encode(),
        json.dumps({"action": "persistMedia", "params": {"asset": "x"}}).encode(),
        json.dumps({"action": "persistMedia", "params": {"asset": {
            "path": "content/images/a.jpg", "content": "%%%", "encoding": "base64"}}}).encode(),
        json.dumps({"action": "persistEntry",
                    "params": {"dataFiles": [{"path": MAU}], "assets": []}}).encode(),
        json.dumps({"action": "persistEntry", "params": {"dataFiles": "x"}}).encode(),
        json.dumps({"action": "persistEntry",
                    "params": {"dataFiles": [{"path": MAU, "raw": "x"}], "assets": [7]}}).encode(),
        json.dumps({"action": "deleteFile", "params": {"path": "content/people/\0.yml"}}).encode(),
        json.dumps({"action": "deleteFile", "params": {"path": "content/images"}}).encode(),
        json.dumps({"action": "deleteFiles", "params": {"paths": "content/people"}}).encode(),
        json.dumps({"action": "deleteFiles", "params": {"paths": [None]}}).encode(),
        json.dumps({"action": "deleteFile",
                    "params": {"path": "content/" + "b/" * 3000 + "x.yml"}}).encode(),
    ):  # fmt: skip
        status, answer = editor.post(bad)
        assert status is not None and 400 <= status < 500, (bad[:80], status, answer)
        errors_of(answer)
    assert editor.get("/%00") is not None and editor.get("/%00") != 500
    assert editor.project_state() == before


# The Host header, on every method -----------------------------------------------------------


def test_every_method_answers_only_to_the_servers_own_name_and_port(editor) -> None:
    port = editor.port
    assert editor.get("/") == 200  # the control: our own name
    assert editor.get("/", f"localhost:{port}") == 200
    for host in (f"evil.example:{port}", f"127.0.0.1:{port + 1}", "127.0.0.1", "",
                 f"127.0.0.1:{port}x", "127.0.0.1:99999", f"[::1:{port}"):  # fmt: skip
        assert editor.get("/", host) == 403, host
        assert editor.get("/admin/", host) == 403, host
        status, _ = editor.post({"action": "info", "params": {}}, {"Host": host})
        assert status == 403, host
    status, answer = editor.raw(b"GET / HTTP/1.0\r\n\r\n")  # no Host at all
    assert status == 403, answer
    status, answer = editor.post({"action": "info", "params": {}}, {"Origin": "http://[::1"})
    assert status == 403, answer
    assert editor.post({"action": "info", "params": {}})[0] == 200


def test_nothing_is_written_or_deleted_through_a_link_out_of_content(editor, tmp_path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "x.jpg").write_bytes(picture())
    os.symlink(outside, editor.root / "content" / "images" / "out")
    for status, answer in (editor.delete("content/images/out/x.jpg"),
                           editor.upload("content/images/out/y.jpg", picture())):  # fmt: skip
        assert status is not None and 400 <= status < 500, answer
    assert sorted(p.name for p in outside.iterdir()) == ["x.jpg"]
