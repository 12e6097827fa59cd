"""Validation reports every problem of a run at once, exactly as INTERFACES.md writes them."""

from __future__ import annotations

import json

from PIL import Image

BROKEN_PERSON = """\
kind: individual
name: {vi: Trần Thị Bích}
summary: {vi: Tóm tắt}
nmae: x
photo:
  src: chan-dung/ttb.jpg
  alt: {vi: Ảnh chân dung}
"""
BROKEN_NEWS = """\
title: {vi: Tin}
date: 2022-06-01
summary: {vi: Tóm tắt}
body: {vi: Nội dung}
category: chien-dich
fields: [kinh-te, van-hoa]
people: [tran-thi-bichh]
"""
FIELD = """\
title: {vi: Kinh tế, en: Economy}
plan_section: "2.1"
summary: {vi: Tóm tắt, en: Summary}
metrics:
  - label: {vi: Dân số, en: Population}
    unit: nguoi
    values: {2002: 1.234, 2022: 1500}
"""


def jpeg(path) -> bytes:
    Image.new("RGB", (40, 30), (200, 30, 30)).save(path, "JPEG")
    return path.read_bytes()


def test_every_problem_of_a_run_is_reported_at_once(make_site, tmp_path) -> None:
    site = make_site(
        {
            "content/people/tran-thi-bich.yml": BROKEN_PERSON,
            "content/news/2022/tin.yml": BROKEN_NEWS,
            "content/fields/kinh-te.yml": FIELD,
            "content/images/chan-dung/ttb.jpeg": jpeg(tmp_path / "a.jpeg"),
        }
    )
    result = site.cli("check")
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "content/fields/kinh-te.yml:7:20: lỗi: 'metrics[0].values': đơn vị 'nguoi' là số đếm nên "
        "cần số nguyên, nhưng gặp 1.234 (gợi ý: nếu ý là 1234, viết 1234 (không có dấu chấm "
        "phân cách hàng nghìn))",
        "content/news/2022/tin.yml:6:19: lỗi: 'fields[1]': không có lĩnh vực nào có mã 'van-hoa' "
        "(gợi ý: mã là tên tệp trong content/fields/)",
        "content/news/2022/tin.yml:7:10: lỗi: 'people[0]': không có người hoặc tập thể nào có mã "
        "'tran-thi-bichh' (gợi ý: mã là tên tệp trong content/people/, ví dụ 'tran-thi-bich')",
        "content/people/tran-thi-bich.yml:4:1: lỗi: trường không xác định 'nmae' "
        "(gợi ý: có phải ý bạn là 'name'?)",
        "content/people/tran-thi-bich.yml:6:8: lỗi: 'photo.src': không có tệp 'chan-dung/ttb.jpg' "
        "(gợi ý: có tệp 'ttb.jpeg', có phải ý bạn là tệp này?)",
        "5 lỗi, 0 cảnh báo trong 3 tệp.",
    ]


def test_messages_in_english_with_lang_flag(make_site) -> None:
    site = make_site({"content/news/2022/tin.yml": BROKEN_NEWS})
    result = site.cli("--lang", "en", "check")
    assert result.returncode == 1
    assert result.stdout.splitlines()[-2:] == [
        "content/news/2022/tin.yml:7:10: error: 'people[0]': there is no person with id "
        "'tran-thi-bichh' (hint: an id is a file name in content/people/)",
        "3 errors, 0 warnings in 1 file.",  # kinh-te dangles too: this site has no fields
    ]


def test_json_format(make_site) -> None:
    site = make_site({"content/news/2022/tin.yml": BROKEN_NEWS})
    result = site.cli("check", "--format", "json")
    data = json.loads(result.stdout)
    assert (data["errors"], data["warnings"], data["files"]) == (3, 0, 1)
    assert data["problems"][1] == {
        "path": "content/news/2022/tin.yml",
        "line": 6,
        "col": 19,
        "severity": "error",
        "code": "dangling-ref",
        "message": "'fields[1]': không có lĩnh vực nào có mã 'van-hoa'",
        "hint": "mã là tên tệp trong content/fields/",
    }


def test_check_named_paths_only(make_site) -> None:
    site = make_site(
        {"content/news/2022/tin.yml": BROKEN_NEWS, "content/people/x.yml": "kind: 1\n"}
    )
    result = site.cli("check", "content/news")
    assert result.returncode == 1
    assert all(line.startswith("content/news/") for line in result.stdout.splitlines()[:-1])
    assert site.cli("check", "content/nowhere").returncode == 2


def test_build_refuses_invalid_content_and_keeps_the_previous_site(make_site) -> None:
    site = make_site()
    assert site.cli("build").returncode == 0
    previous = site.site.stat().st_ino  # a build would swap in another folder
    site.write("content/people/x.yml", "kind: somebody\n")
    result = site.cli("build")
    assert result.returncode == 1
    assert "content/people/x.yml:1:7: lỗi: 'kind': giá trị 'somebody' không hợp lệ" in result.stderr
    assert "Chưa dựng trang: thư mục site/ cũ vẫn giữ nguyên." in result.stderr
    assert site.site.stat().st_ino == previous


def test_unsafe_image_paths_are_refused(make_site) -> None:
    person = """\
    kind: individual
    name: {{vi: A}}
    summary: {{vi: B}}
    consent: true
    photo: {{src: "{src}", alt: {{vi: C}}}}
    """
    for src in ("../site.yml", "/etc/passwd", "file:///etc/passwd", "https://cdn.example/a.jpg"):
        site = make_site({"content/people/a.yml": person.format(src=src)})
        result = site.cli("check")
        assert result.returncode == 1, src
        assert (
            f"'photo.src': đường dẫn '{src}' đi ra ngoài thư mục content/images/" in result.stdout
        )
        site.root.rename(site.root.with_name(f"done-{abs(hash(src))}"))


def test_person_without_consent_is_a_warning_and_not_published(make_site) -> None:
    site = make_site(
        {
            "content/people/a.yml": """\
            kind: individual
            name: {vi: Người A}
            summary: {vi: B}
            consent: false
            """
        }
    )
    result = site.cli("check")
    assert result.returncode == 0
    assert result.stdout.splitlines()[0].startswith(
        "content/people/a.yml:4:10: cảnh báo: 'Người A'"
    )
    assert site.cli("check", "--strict").returncode == 1
    assert site.build(strict=False).code == 0
    assert not site.exists("guong-dien-hinh/a/index.html")
    assert "Người A" not in site.read("guong-dien-hinh/index.html")


def test_bad_file_name_and_field_id(make_site) -> None:
    site = make_site(
        {"content/people/Trần A.yml": "x: 1\n", "content/fields/kinh-te-2.yml": "x: 1\n"}
    )
    lines = site.cli("check").stdout.splitlines()
    assert lines[0].startswith("content/fields/kinh-te-2.yml: lỗi: 'kinh-te-2' không phải một")
    assert lines[1] == (
        "content/people/Trần A.yml: lỗi: tên tệp 'Trần A.yml' không dùng được làm mã (gợi ý: chỉ "
        "dùng chữ thường không dấu, số và dấu gạch nối, ví dụ 'tran-a')"
    )


def test_optional_fields_left_blank_by_a_form_count_as_not_written(make_site) -> None:
    """What the web editor writes when an editor clears a box must pass, and show nothing."""
    site = make_site({
        "content/news/2022/tin.yml": """\
            title: {vi: Tin}
            date: 2022-06-01
            summary: {vi: Tóm tắt}
            body: {vi: Nội dung}
            category: chien-dich
            author: ''
            image: {src: '', alt: {vi: '', en: ''}, caption: {vi: ''}}
            """,
        "content/albums/a.yml": """\
            title: {vi: Album}
            description: {vi: '', en: ''}
            photos:
              - {src: mau/a.jpg, alt: {vi: Ảnh}, caption: {vi: '', en: ''}, credit: ''}
            """,
    })  # fmt: skip
    (site.root / "content/images/mau").mkdir(parents=True)
    jpeg(site.root / "content/images/mau/a.jpg")
    result = site.cli("check", "--strict")
    assert result.returncode == 0, result.stdout + result.stderr
    assert site.build().code == 0
    page = site.read("tin-tuc/tin/index.html")
    assert "<figure" not in page and "<figcaption" not in site.read("thu-vien-anh/a/index.html")
    required = site.write("content/news/2022/tin.yml", "title: {vi: ''}\n")
    result = site.cli("check", str(required))
    assert "content/news/2022/tin.yml:1:" in result.stdout  # a required field stays required


def test_a_long_running_process_validates_again_only_what_changed(make_site) -> None:
    from site_builder.cache.memory import Memory
    from site_builder.checks import load_content

    kept = Memory()  # what a long-running process keeps from one load to the next

    site = make_site({"content/albums/a.yml": """\
        title: {vi: Album}
        photos:
          - {src: mau/a.jpg, alt: {vi: Ảnh}}
        """})  # fmt: skip
    (site.root / "content/images/mau").mkdir(parents=True)
    photo = site.root / "content/images/mau/a.jpg"
    jpeg(photo)
    first = load_content(site.root, memory=kept)[0].albums["a"]
    assert load_content(site.root, memory=kept)[0].albums["a"] is first  # kept: the very record
    assert load_content(site.root)[0].albums["a"] is not first  # a one-off load keeps nothing
    photo.write_bytes(b"not a picture")  # the photo changed: checked again
    _, problems = load_content(site.root, memory=kept)
    assert [p.code for p in problems] == ["not-an-image"], problems
    photo.unlink()
    _, problems = load_content(site.root, memory=kept)
    assert any(p.code == "missing-file" for p in problems), problems
    jpeg(photo)
    site.write("content/albums/a.yml", "title: {vi: Album}\nphotos: []\n")  # the file changed
    content, problems = load_content(site.root, memory=kept)
    assert not problems and content.albums["a"] is not first


def test_reading_in_several_processes_gives_what_one_process_reads(
    make_site, tmp_path, monkeypatch
) -> None:
    """A build reads its files in forked processes: same records, same problems, all kept."""
    import os
    import shutil
    from pathlib import Path

    from site_builder.cache.memory import Memory
    from site_builder.checks import load_content
    from site_builder.content import reading

    files = {"content/fields/kinh-te.yml": FIELD, "content/news/2022/tin.yml": BROKEN_NEWS}
    for n in range(9):
        files[f"content/news/2021/tin-{n}.yml"] = BROKEN_NEWS.replace("Tin", f"Tin {n}")
    files["content/news/2021/tin-3.yml"] = "title: [unclosed\n"
    files["content/news/2021/Tin Sai.yml"] = BROKEN_NEWS  # refused before it is read
    site = make_site(files)
    twin = tmp_path / "twin"  # the same files, in a folder this process has read nothing of
    shutil.copytree(site.root, twin)
    log = tmp_path / "reads.log"  # which process read each file: forked readers write here
    real_read = Path.read_bytes

    def logged(path: Path) -> bytes:
        if "content" in path.parts:
            with log.open("a", encoding="utf-8") as out:
                out.write(f"{os.getpid()} {path}\n")
        return real_read(path)

    def readers(project: Path) -> dict[str, set[int]]:
        """Each file of `project` read since the log began → the processes that read it."""
        seen: dict[str, set[int]] = {}
        lines = log.read_text(encoding="utf-8").splitlines() if log.exists() else []
        for line in lines:
            pid, path = line.split(" ", 1)
            if path.startswith(f"{project}/"):
                seen.setdefault(path, set()).add(int(pid))
        return seen

    monkeypatch.setattr(Path, "read_bytes", logged)
    monkeypatch.setattr(reading, "PARALLEL_FROM", 2)
    one = load_content(twin, processes=1)
    kept = Memory()  # what a long-running process keeps from one load to the next
    three = load_content(site.root, processes=3, memory=kept)
    assert three[0] == one[0] and len(three[0].news) == 9
    assert [p.format("vi") for p in three[1]] == [p.format("vi") for p in one[1]]
    assert {p.code for p in one[1]} >= {"yaml-syntax", "bad-id", "dangling-ref"}
    assert set().union(*readers(twin).values()) == {os.getpid()}
    shared = readers(site.root)
    assert len(shared) == 13 and all(len(pids) == 1 for pids in shared.values())  # each once
    assert len(set().union(*shared.values())) == 3  # by three processes
    log.unlink()
    again = load_content(site.root, processes=3, memory=kept)  # all kept: read here, if at all
    assert all(again[0].news[i] is three[0].news[i] for i in three[0].news)
    assert set().union(*readers(site.root).values()) <= {os.getpid()}
