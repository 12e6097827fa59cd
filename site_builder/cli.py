"""`site-builder`: arguments, messages and exit codes (0 ok, 1 content errors, 2 usage, 3 bug)."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path

from . import build as build_stage
from .content.project import find_project
from .core.errors import WARNING, ContentError, has_errors, machine_problem, report
from .editors.scaffold import KINDS
from .output import folders as outputs
from .output.folders import OutputRefused

USAGE, INTERNAL = 2, 3

MESSAGES = {
    "no-project": (
        "Không tìm thấy dự án: thư mục '{cwd}' và các thư mục cha không có mkdocs.yml và "
        "content/. Hãy chuyển vào thư mục dự án rồi chạy lại, ví dụ: cd tam-duong",
        "No project found: neither '{cwd}' nor a folder above it holds mkdocs.yml and "
        "content/. Change into the project folder and run the command again, e.g. cd tam-duong",
    ),
    "no-config": (
        "Thư mục '{cwd}' có content/ nhưng thiếu tệp mkdocs.yml. Hãy lấy lại tệp này từ kho "
        "(git checkout mkdocs.yml) hoặc chép từ bản sao của dự án.",
        "'{cwd}' has content/ but no mkdocs.yml. Restore it from the repository "
        "(git checkout mkdocs.yml) or copy it from another copy of the project.",
    ),
    "built": (
        "Đã dựng trang vào {dir} ({vi} trang tiếng Việt, {en} trang tiếng Anh) trong {secs} giây.",
        "Built the site into {dir} ({vi} Vietnamese pages, {en} English pages) in {secs} s.",
    ),
    "up-to-date": (
        "Không có gì thay đổi từ lần dựng trước: {dir} giữ nguyên ({vi} trang tiếng Việt, "
        "{en} trang tiếng Anh).",
        "Nothing changed since the last build: {dir} is as it was ({vi} Vietnamese pages, "
        "{en} English pages).",
    ),
    "not-built": (
        "Chưa dựng trang: thư mục {dir} cũ vẫn giữ nguyên.",
        "The site was not built: the previous {dir} is unchanged.",
    ),
    "no-such-path": (
        "Không có tệp hoặc thư mục '{path}' trong dự án.",
        "There is no file or folder '{path}' in the project.",
    ),
    "outside-project": (
        "'{path}' không nằm trong dự án: chỉ kiểm tra được tệp và thư mục trong content/.",
        "'{path}' is not in the project: only files and folders in content/ can be checked.",
    ),
    "no-cwd": (
        "Thư mục đang đứng đã bị xóa hoặc không đọc được ({detail}). Hãy chuyển vào thư mục "
        "dự án rồi chạy lại, ví dụ: cd tam-duong",
        "The current folder was deleted or cannot be read ({detail}). Change into the "
        "project folder and run the command again, e.g. cd tam-duong",
    ),
    "refused-output": (
        "Không ghi vào thư mục này: {why}",
        "Not writing into this folder: {why}",
    ),
    "empty-title": (
        'Cần một tiêu đề, ví dụ: site-builder new news "Lễ kỷ niệm 20 năm"',
        'A title is needed, e.g. site-builder new news "Anniversary ceremony"',
    ),
    "created": (
        "Đã tạo tệp (bản nháp: chỉ hiện khi xem trước bằng site-builder serve). Bước tiếp "
        "theo: điền {todo_vi}; 'site-builder status' cho biết bản nháp còn thiếu gì. Khi đủ, "
        "đổi draft thành false rồi chạy: site-builder check",
        "Created the file (a draft: only the preview, site-builder serve, shows it). Next: "
        "fill in {todo_en}; 'site-builder status' says what a draft still lacks. When it is "
        "complete, set draft to false, then run: site-builder check",
    ),
    "no-programme": (
        "Không có chương trình phát thanh nào có mã: {ids} (mã là tên tệp trong content/radio/)",
        "No radio programme has the id: {ids} (an id is a file name in content/radio/)",
    ),
    "radio-written": (
        "Đã tạo kịch bản của {n} chương trình vào {dir} (HTML, văn bản, Word).",
        "Wrote the scripts of {n} programme(s) into {dir} (HTML, text, Word).",
    ),
    "admin": (
        "Trình biên tập: {url} (mỗi lần lưu được kiểm tra rồi ghi vào content/; trang được "
        "dựng lại). Nhấn Ctrl+C để dừng.",
        "The editor: {url} (each save is checked, then written to content/; the site is "
        "rebuilt). Press Ctrl+C to stop.",
    ),
    "waiting": (
        "Một lần dựng khác của dự án này đang chạy; chờ nó xong…",
        "Another build of this project is running; waiting for it to finish…",
    ),
    "bug": (
        "Lỗi nội bộ của site-builder (không phải lỗi nội dung): {detail}. Hãy gửi báo cáo.",
        "Internal error in site-builder (not a content error): {detail}. Please report it.",
    ),
}


# what `new` leaves for the editor to fill in, per kind (vi, en)
TODO = {
    "news": ("tóm tắt (summary) và nội dung (body)", "the summary and the body"),
    "person": (
        "tóm tắt (summary), và consent: true khi người này đã đồng ý bằng văn bản",
        "the summary, and consent: true once the person has agreed in writing",
    ),
    "collective": ("tóm tắt (summary)", "the summary"),
    "milestone": ("nguồn (sources)", "the sources"),
    "commendation": (
        "số quyết định (number), lý do (reason) và người được khen (recipients)",
        "the decision number, the reason and the recipients",
    ),
    "album": ("các ảnh (photos: src, alt)", "the photos (src, alt)"),
    "radio": (
        "chuyên mục (column), biên tập (editor), phát thanh viên (readers), lời đọc (text); "
        "người duyệt (approver) khi đã duyệt",
        "the column, editor, readers and the text of each segment; the approver once approved",
    ),
}


def say(key: str, lang: str, **kwargs: object) -> str:
    vi, en = MESSAGES[key]
    return (vi if lang == "vi" else en).format(**kwargs)


def port(text: str) -> int:
    """A TCP port number, refused by argparse (exit 2) when out of range."""
    try:
        number = int(text)
    except ValueError:
        number = -1
    if not 0 <= number <= 65535:
        raise argparse.ArgumentTypeError(
            f"cổng phải là số từ 0 đến 65535 / a port is 0–65535: {text}"
        )
    return number


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="site-builder",
        description="Dựng trang kỷ niệm 20 năm huyện Tam Đường từ content/ "
        "(builds the Tam Đường anniversary site from content/)",
    )
    p.add_argument("--lang", choices=("vi", "en"), help="ngôn ngữ thông báo / message language")
    sub = p.add_subparsers(dest="command", required=True)

    b = sub.add_parser("build", help="kiểm tra rồi dựng trang / validate, then build")
    b.add_argument("--site-dir", type=Path, help="thư mục đích (mặc định site/)")
    b.add_argument("--radio-dir", type=Path, help="thư mục kịch bản phát thanh (mặc định radio/)")
    b.add_argument("--strict", action="store_true", help="cảnh báo cũng là lỗi / warnings fail")
    # the web editor's rebuilds: drafts shown, into the cache (`site-builder admin`)
    b.add_argument("--preview", action="store_true", help=argparse.SUPPRESS)
    b.add_argument(
        "--publish",
        action="store_true",
        help="dựng để đăng công khai: từ chối địa chỉ mẫu, tin thiếu guid, nội dung minh họa "
        "/ build for the public: refuse a placeholder address, news without guid, sample content",
    )

    c = sub.add_parser("check", help="kiểm tra nội dung / validate content")
    c.add_argument("paths", nargs="*", type=Path, metavar="PATH")
    c.add_argument("--strict", action="store_true")
    c.add_argument("--format", choices=("text", "json"), default="text")
    c.add_argument(
        "--publish",
        action="store_true",
        help="cũng kiểm tra như build --publish / also what build --publish refuses",
    )

    n = sub.add_parser("new", help="tạo tệp nội dung mới / create a content file")
    n.add_argument("kind", choices=KINDS, metavar="KIND", help=", ".join(KINDS))
    n.add_argument("title", metavar="TITLE")

    st = sub.add_parser("status", help="việc cần làm của biên tập viên / the editors' to-do list")
    st.add_argument("--format", choices=("text", "json"), default="text")

    r = sub.add_parser("radio", help="chỉ tạo kịch bản phát thanh / radio scripts only")
    r.add_argument("ids", nargs="*", metavar="ID")
    r.add_argument("--out", type=Path, help="thư mục kết quả (mặc định radio/)")
    r.add_argument("--strict", action="store_true")

    y = sub.add_parser("say", help="cách đọc một câu / the spoken form of a text")
    y.add_argument("text", nargs="?", metavar="TEXT")
    y.add_argument("--south", action="store_true", help="giọng miền Nam (lẻ, ngàn)")

    s = sub.add_parser("serve", help="xem trước trực tiếp / live preview")
    s.add_argument("--host", default="127.0.0.1")
    s.add_argument("--port", type=port, default=8000)
    a = sub.add_parser("admin", help="trình biên tập trên web / the web editor, on this machine")
    a.add_argument("--host", default="127.0.0.1")
    a.add_argument("--port", type=port, default=8000)
    for each in (b, c, n, st, r, y, s, a):
        each.add_argument("--lang", choices=("vi", "en"), default=argparse.SUPPRESS)
    return p


def utf8_output() -> None:
    """Write UTF-8 whatever the console's code page: Vietnamese must never crash a command."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8", errors="replace")


def main(argv: list[str] | None = None) -> int:
    utf8_output()
    args = parser().parse_args(argv)
    lang = args.lang or os.environ.get("SITE_BUILDER_LANG", "vi")
    lang = lang if lang in ("vi", "en") else "vi"
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    try:
        cwd = Path.cwd()
    except OSError as exc:  # the folder was deleted under the shell
        print(say("no-cwd", lang, detail=exc.strerror or exc), file=sys.stderr)
        return USAGE
    root = find_project(cwd)
    if root is None:
        key = "no-config" if (cwd / "content").is_dir() else "no-project"
        print(say(key, lang, cwd=cwd), file=sys.stderr)
        return USAGE
    try:
        commands = {
            "build": cmd_build,
            "check": cmd_check,
            "new": cmd_new,
            "radio": cmd_radio,
            "status": cmd_status,
            "say": cmd_say,
            "serve": cmd_serve,
            "admin": cmd_admin,
        }
        command = commands[args.command]
        return command(root, args, lang)
    except OutputRefused as refused:  # nothing was written or deleted
        print(say("refused-output", lang, why=refused.message(lang)), file=sys.stderr)
        return USAGE
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # the machine's fault, or our bug: no traceback for editors
        problem = machine_problem(root, exc, root)
        if problem is not None:
            print(report([problem], lang), file=sys.stderr)
        else:
            print(say("bug", lang, detail=f"{type(exc).__name__}: {exc}"), file=sys.stderr)
        return INTERNAL


def cmd_build(root: Path, args: argparse.Namespace, lang: str) -> int:
    start = time.monotonic()
    site_dir = args.site_dir or root / "site"
    radio_dir = args.radio_dir or root / "radio"
    if args.preview:
        site_dir, radio_dir = outputs.preview_dirs(root)
    result = build_stage.build(
        root,
        site_dir,
        strict=args.strict,
        radio_dir=radio_dir,
        waiting=_waiting(lang),
        preview=args.preview,
        publish=args.publish,
    )
    if result.problems:
        print(report(result.problems, lang), file=sys.stderr)
    if result.code != build_stage.OK:
        print(say("not-built", lang, dir=_shown(site_dir, root)), file=sys.stderr)
        return result.code
    if result.up_to_date:
        print(say("up-to-date", lang, dir=_shown(site_dir, root), **result.pages))
        return 0
    secs = f"{time.monotonic() - start:.1f}"
    print(say("built", lang, dir=_shown(site_dir, root), secs=secs, **result.pages))
    return 0


def cmd_check(root: Path, args: argparse.Namespace, lang: str) -> int:
    from .checks import load_content
    from .content.reading import READERS

    wanted = []
    for path in args.paths:
        full = path if path.is_absolute() else Path.cwd() / path
        if not full.exists():
            print(say("no-such-path", lang, path=path), file=sys.stderr)
            return USAGE
        if not full.resolve().is_relative_to(root.resolve()):
            print(say("outside-project", lang, path=path), file=sys.stderr)
            return USAGE
        wanted.append(full.resolve().relative_to(root.resolve()).as_posix())
    content, problems = load_content(root, processes=READERS)
    if args.publish:  # what `build --publish` would refuse: check 0 still means build 0
        from .content import publish

        problems = sorted(problems + publish.refusals(content))
    if wanted:
        problems = [
            p for p in problems if any(p.path == w or p.path.startswith(w + "/") for w in wanted)
        ]
    print(report(problems, lang, args.format))
    return 1 if has_errors(problems, args.strict) else 0


def cmd_new(root: Path, args: argparse.Namespace, lang: str) -> int:
    from .editors.scaffold import new

    if not args.title.strip():
        print(say("empty-title", lang), file=sys.stderr)
        return USAGE
    path = new(root, args.kind, args.title.strip())
    print(_shown(path, root).rstrip("/"))
    todo_vi, todo_en = TODO[args.kind]
    print(say("created", lang, todo_vi=todo_vi, todo_en=todo_en), file=sys.stderr)
    return 0


def cmd_status(root: Path, args: argparse.Namespace, lang: str) -> int:
    from .checks import load_content
    from .editors import status

    content, problems = load_content(root)
    print(status.render(status.gather(content), problems, lang, args.format))
    return 0


def cmd_radio(root: Path, args: argparse.Namespace, lang: str) -> int:
    from .checks import load_content
    from .radio.render import write_all
    from .radio.script import check_drafts

    out = (args.out or root / "radio").absolute()
    outputs.guard(root, out, outputs.RADIO)  # before anything is read
    outputs.apart(root / "site", out)
    content, problems = load_content(root)
    missing = [i for i in args.ids if i not in content.programmes]
    if not has_errors(problems) and not missing:  # a draft is checked when it is asked for
        problems += check_drafts(content, args.ids)
    if problems:
        print(report(problems, lang), file=sys.stderr)
    if has_errors(problems, args.strict):
        return 1
    if missing:
        print(say("no-programme", lang, ids=", ".join(missing)), file=sys.stderr)
        return USAGE
    unwritable = outputs.unwritable(root, out)
    if unwritable is not None:
        print(report([unwritable], lang), file=sys.stderr)
        return INTERNAL
    with build_stage.one_at_a_time(root, _waiting(lang)):  # a build swaps this folder
        out.mkdir(parents=True, exist_ok=True)
        outputs.mark(out, outputs.RADIO)
        written = write_all(root, content, out, args.ids or None)
    print(say("radio-written", lang, n=len(written) // 3, dir=_shown(out, root)))
    return 0


def cmd_say(root: Path, args: argparse.Namespace, lang: str) -> int:
    from .content.validate import load_reading
    from .radio.normalise import Reader
    from .radio.script import reader_for

    text = args.text if args.text is not None else sys.stdin.read()
    reader = reader_for(load_reading(root))
    if args.south:
        reader = Reader(reader.glossary, south=True)
    reading = reader.read(unicodedata.normalize("NFC", text))
    print(reading.spoken)
    for flag in reading.flags:  # unknown abbreviations, addresses: with line and column
        found = {"found": flag.found, "source": ""}
        problem = ContentError("(say)", flag.line, flag.col, flag.code, found, severity=WARNING)
        print(problem.format(lang), file=sys.stderr)
    return 0


def cmd_serve(root: Path, args: argparse.Namespace, lang: str) -> int:
    from .engine.preview import serve

    serve(root, args.host, args.port)
    return 0


def cmd_admin(root: Path, args: argparse.Namespace, lang: str) -> int:
    from .cms.config import LOCAL_ENV
    from .cms.server import make_server

    os.environ[LOCAL_ENV] = "1"  # this build, and the rebuilds, carry the local editor
    site_dir, _ = outputs.preview_dirs(root)  # drafts shown: never into site/
    result = build_stage.build(root, waiting=_waiting(lang), preview=True)
    if result.problems:
        print(report(result.problems, lang), file=sys.stderr)
    if not (site_dir / "admin" / "index.html").is_file():
        print(say("not-built", lang, dir=_shown(site_dir, root)), file=sys.stderr)
        return result.code or 1
    server = make_server(root, site_dir, args.host, args.port, lang, preview=True)
    url = f"http://{args.host}:{server.server_port}/admin/"
    print(say("admin", lang, url=url), flush=True)
    try:
        server.serve_forever()
    finally:
        server.server_close()
    return 0


def _waiting(lang: str) -> Callable[[], None]:
    return lambda: print(say("waiting", lang), file=sys.stderr, flush=True)


def _shown(path: Path, root: Path) -> str:
    try:
        return path.absolute().relative_to(root.absolute()).as_posix() + "/"
    except ValueError:
        return str(path)
