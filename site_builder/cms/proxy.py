"""The web editor's local back end: Decap CMS's proxy protocol, answered against content/.

Decap's own proxy (`npx decap-server`) needs Node.js; this speaks the same JSON protocol
(`POST /api/v1 {action, params}`, its `local_fs` mode) from Python, so an office machine
needs only what builds the site. It differs on purpose: it reads nothing outside
`content/`, it writes text as NFC, and every write and delete goes through one gate
(`gate`): only files of the content layout, and only if `site-builder check` would
accept the content after it, answering otherwise with the check's own messages.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import posixpath
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .config import SUBFOLDER  # see `Proxy.do_getMedia`
from .gate import Changes, Gate

ROOT = "content"


class ProxyError(Exception):
    """A request the proxy refuses; `status` is the HTTP status sent back."""

    def __init__(self, message: str, status: int = 422) -> None:
        super().__init__(message)
        self.status = status


MAX_DEPTH = 10  # how deep a listing goes: news is two levels below its collection's folder
MAX_PATH = 1024  # characters in a path a request names


@dataclass
class Proxy:
    project: Path
    lang: str = "vi"  # the language of refusals
    gate: Gate = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.gate = Gate(self.project)

    def handle(self, body: Any) -> Any:
        """Answer one request body; raise ProxyError for what is refused."""
        if not isinstance(body, dict) or not isinstance(body.get("action"), str):
            raise self.refuse("cần một đối tượng {action, params}", "expected {action, params}")
        params = body.get("params")
        if params is None:
            params = {}
        if not isinstance(params, dict):
            raise self.refuse("'params' phải là một đối tượng", "'params' must be an object")
        method = getattr(self, "do_" + body["action"], None)
        if method is None:
            action = body["action"][:40]
            raise self.refuse(f"không có thao tác '{action}'", f"unknown action '{action}'")
        return method(params)

    def refuse(self, vi: str, en: str, status: int = 400) -> ProxyError:
        return ProxyError(vi if self.lang == "vi" else en, status)

    # Parameters --------------------------------------------------------------------------

    def text(self, params: dict[str, Any], name: str) -> str:
        value = params.get(name)
        if not isinstance(value, str):
            raise self.refuse(f"'{name}' phải là một chuỗi", f"'{name}' must be a string")
        return value

    def objects(self, params: dict[str, Any], name: str) -> list[dict[str, Any]]:
        value = params.get(name)
        if value is None:
            return []
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            raise self.refuse(
                f"'{name}' phải là một danh sách đối tượng", f"'{name}' must be a list of objects"
            )
        return value

    def decode(self, asset: Any) -> bytes:
        if not isinstance(asset, dict):
            raise self.refuse("tệp gửi lên phải là một đối tượng", "an asset must be an object")
        content = self.text(asset, "content")
        if asset.get("encoding") != "base64":
            return content.encode("utf-8")
        try:
            return base64.b64decode(content, validate=True)
        except (binascii.Error, ValueError):
            raise self.refuse("nội dung base64 hỏng", "content is not valid base64") from None

    # Paths -------------------------------------------------------------------------------

    def resolve(self, rel: Any) -> Path:
        """Return the file `rel` names, refusing anything outside content/."""
        if (
            not isinstance(rel, str)
            or not rel
            or "\0" in rel
            or len(rel) > MAX_PATH  # no file system has such a name
            or any(len(part.encode("utf-8", "replace")) > 255 for part in rel.split("/"))
        ):
            raise self.refuse("đường dẫn không hợp lệ", "bad path")
        root = (self.project / ROOT).resolve()
        try:
            path = (self.project / rel.replace("\\", "/")).resolve()
        except (OSError, RuntimeError):  # a name too long, a loop of links
            raise self.refuse("đường dẫn không hợp lệ", "bad path") from None
        if path != root and root not in path.parents:
            raise self.refuse(
                f"đường dẫn phải nằm trong {ROOT}/", f"Path must resolve under {ROOT}/"
            )
        return path

    def target(self, raw: Any) -> str:
        """Return the project-relative path a write or delete names: a file, through no link."""
        path = self.resolve(raw)
        rel = self.rel(path)
        if posixpath.normpath(raw.replace("\\", "/")) != rel:
            raise self.refuse(
                f"'{raw}' đi qua một liên kết hoặc không viết tương đối với dự án",
                f"'{raw}' goes through a link or is not relative to the project",
            )
        if path.is_dir():
            raise self.refuse(f"'{rel}' là một thư mục", f"'{rel}' is a folder")
        return rel

    def rel(self, path: Path) -> str:
        return path.relative_to(self.project.resolve()).as_posix()

    def files(self, folder: Any, extension: Any, depth: Any) -> list[Path]:
        start = self.resolve(folder)
        if not isinstance(extension, str) or type(depth) is not int:
            raise self.refuse("'extension' hoặc 'depth' sai kiểu", "bad 'extension' or 'depth'")
        found: list[Path] = []

        def walk(directory: Path, left: int) -> None:
            if left <= 0 or not directory.is_dir():
                return
            for child in sorted(directory.iterdir()):
                if child.is_symlink():
                    continue
                if child.is_dir():
                    walk(child, left - 1)
                elif child.name.endswith(extension):
                    found.append(child)

        walk(start, min(depth, MAX_DEPTH))
        return found

    def entry(self, rel: str, label: Any = None) -> dict[str, Any]:
        path = self.resolve(rel)
        shown = self.rel(path)
        if path.is_dir():
            raise self.refuse(f"'{shown}' là một thư mục", f"'{shown}' is a folder")
        try:
            data = path.read_bytes()
        except OSError:  # not written yet: Decap asks before creating
            return {"data": None, "file": {"path": rel, "label": label, "id": None}}
        sha = hashlib.sha256(data).hexdigest()
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:  # a file saved by hand; the form would lose its letters
            raise self.refuse(
                f"'{shown}' không phải UTF-8; chạy site-builder check để biết cách sửa",
                f"'{shown}' is not UTF-8; run site-builder check to see how to fix it",
                422,
            ) from None
        return {"data": text, "file": {"path": rel, "label": label, "id": sha}}

    def media(self, path: Path) -> dict[str, Any]:
        try:
            data = path.read_bytes()
        except OSError:  # missing, or a folder
            raise self.refuse(
                f"không có tệp '{self.rel(path)}'", f"there is no file '{self.rel(path)}'", 404
            ) from None
        return {
            "id": hashlib.sha256(data).hexdigest(),
            "content": base64.b64encode(data).decode("ascii"),
            "encoding": "base64",
            "path": self.rel(path),
            "name": path.name,
        }

    # Actions -----------------------------------------------------------------------------

    def do_info(self, params: dict[str, Any]) -> Any:
        return {"repo": self.project.name, "publish_modes": ["simple"], "type": "local_fs"}

    def do_entriesByFolder(self, params: dict[str, Any]) -> Any:
        files = self.files(params.get("folder"), params.get("extension", ""),
                           params.get("depth", 1))  # fmt: skip
        return [self.entry(self.rel(f)) for f in files]

    def do_entriesByFiles(self, params: dict[str, Any]) -> Any:
        files = self.objects(params, "files")
        return [self.entry(self.text(f, "path"), f.get("label")) for f in files]

    def do_getEntry(self, params: dict[str, Any]) -> Any:
        return self.entry(self.text(params, "path"))

    def do_persistEntry(self, params: dict[str, Any]) -> Any:
        data_files = self.objects(params, "dataFiles")
        if not data_files:
            entry = params.get("entry")
            data_files = self.objects({"entry": [entry]}, "entry")
        changes: Changes = {}
        for asset in self.objects(params, "assets"):
            changes[self.target(asset.get("path"))] = self.decode(asset)
        for data_file in data_files:
            text = unicodedata.normalize("NFC", self.text(data_file, "raw"))
            old = self.target(data_file.get("path"))
            new = self.target(data_file["newPath"]) if data_file.get("newPath") else old
            changes[new] = keep_header(self.project / old, text).encode("utf-8")
            if new != old:  # renamed: the old file goes
                changes.setdefault(old, None)
        self.save(changes)
        return {"message": "entry persisted"}

    def do_getMedia(self, params: dict[str, Any]) -> Any:
        """Every picture of the media folder, its sub-folders' too, named by their path.

        While an entry is open, Decap shows only pictures whose folder is the media folder,
        and inserts only a picture's file name, with one exception, kept for image services'
        variants: a path through `<media folder>/_transformations/` is shown, and inserted
        from `_transformations/` on. A picture in a sub-folder is therefore given as
        `<media folder>/_transformations/<folder>/<name>`, and the page's `init.js` drops
        the `_transformations/` again when the entry is saved."""
        folder = params.get("mediaFolder")
        start = self.resolve(folder)
        listed = []
        for path in self.files(folder, "", MAX_DEPTH):
            item = self.media(path)
            if path.parent != start:
                inner = path.relative_to(start).as_posix()
                item["path"] = f"{self.rel(start)}/{SUBFOLDER}{inner}"
                item["name"] = inner
            listed.append(item)
        return listed

    def do_getMediaFile(self, params: dict[str, Any]) -> Any:
        return self.media(self.resolve(_relative(self.text(params, "path"))))

    def do_persistMedia(self, params: dict[str, Any]) -> Any:
        asset = params.get("asset")
        if not isinstance(asset, dict):
            raise self.refuse("'asset' phải là một đối tượng", "'asset' must be an object")
        rel = self.target(asset.get("path"))
        self.save({rel: self.decode(asset)})
        return self.media(self.project / rel)

    def do_deleteFile(self, params: dict[str, Any]) -> Any:
        rel = self.target(_relative(self.text(params, "path")))
        self.save({rel: None})
        return {"message": f"deleted file {rel}"}

    def do_deleteFiles(self, params: dict[str, Any]) -> Any:
        paths = params.get("paths") or []
        if not isinstance(paths, list):
            raise self.refuse("'paths' phải là một danh sách", "'paths' must be a list")
        self.save(dict.fromkeys((self.target(p) for p in paths), None))
        return {"message": "deleted files"}

    def do_getDeployPreview(self, params: dict[str, Any]) -> Any:
        return None

    # Saving through the gate -------------------------------------------------------------

    def save(self, changes: Changes) -> None:
        """Write and delete through the gate, or refuse with the check's messages."""
        refused = self.gate.save(changes)
        if refused:
            raise ProxyError("\n".join(p.format(self.lang) for p in refused))


def keep_header(old: Path, text: str) -> str:
    """Keep the comment lines that open the file: Decap rewrites YAML without comments.

    Comments further down (the hints `site-builder new` writes) are lost on a save from
    the web editor, whose labels and hints say the same; the editors' guide says so.
    """
    try:
        lines = old.read_text(encoding="utf-8").splitlines(keepends=True)
    except (OSError, UnicodeDecodeError):
        return text
    header = []
    for line in lines:
        if not line.startswith("#"):
            break
        header.append(line)
    head = "".join(header)
    return text if not head or text.startswith(head) else head + text


def _relative(path: str) -> str:
    """A picture's path as `getMedia` gave it, without the `_transformations/` step."""
    head, sep, tail = path.partition("/" + SUBFOLDER)
    return f"{head}/{tail}" if sep and head.startswith(f"{ROOT}/") else path
