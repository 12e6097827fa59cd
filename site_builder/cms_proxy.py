"""The web editor's local back end: Decap CMS's proxy protocol, answered against content/.

Decap's own proxy (`npx decap-server`) needs Node.js; this speaks the same JSON protocol
(`POST /api/v1 {action, params}`, its `local_fs` mode) from Python, so an office machine
needs only what builds the site. It differs on purpose in three ways: it reaches nothing
outside `content/`, it writes text as NFC, and it refuses to save an entry that
`site-builder check` would reject, answering with the check's own messages instead.
"""

from __future__ import annotations

import base64
import hashlib
import os
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import ERROR
from .validate import load_content

ROOT = "content"


class ProxyError(Exception):
    """A request the proxy refuses; `status` is the HTTP status sent back."""

    def __init__(self, message: str, status: int = 422) -> None:
        super().__init__(message)
        self.status = status


@dataclass
class Proxy:
    project: Path
    lang: str = "vi"  # the language of refusals

    def handle(self, body: Any) -> Any:
        """Answer one request body; raise ProxyError for what is refused."""
        if not isinstance(body, dict) or not isinstance(body.get("action"), str):
            raise ProxyError("expected {action, params}")
        action, params = body["action"], body.get("params") or {}
        method = getattr(self, "do_" + action, None)
        if method is None:
            raise ProxyError(f"Unknown action {action}")
        return method(params)

    # Paths -----------------------------------------------------------------------------

    def resolve(self, rel: Any) -> Path:
        """Return the file `rel` names, refusing anything outside content/ or through a link."""
        if not isinstance(rel, str) or not rel or "\0" in rel:
            raise ProxyError("bad path", 400)
        root = (self.project / ROOT).resolve()
        path = (self.project / rel.replace("\\", "/")).resolve()
        if path != root and root not in path.parents:
            raise ProxyError(f"Path must resolve under {ROOT}/", 400)
        return path

    def rel(self, path: Path) -> str:
        return path.relative_to(self.project.resolve()).as_posix()

    def files(self, folder: str, extension: str, depth: int) -> list[Path]:
        start = self.resolve(folder)
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

        walk(start, int(depth))
        return found

    def entry(self, rel: str, label: Any = None) -> dict[str, Any]:
        path = self.resolve(rel)
        try:
            data = path.read_bytes()
        except OSError:  # not written yet: Decap asks before creating
            return {"data": None, "file": {"path": rel, "label": label, "id": None}}
        sha = hashlib.sha256(data).hexdigest()
        return {"data": data.decode("utf-8"), "file": {"path": rel, "label": label, "id": sha}}

    def media(self, path: Path) -> dict[str, Any]:
        data = path.read_bytes()
        return {
            "id": hashlib.sha256(data).hexdigest(),
            "content": base64.b64encode(data).decode("ascii"),
            "encoding": "base64",
            "path": self.rel(path),
            "name": path.name,
        }

    # Actions ---------------------------------------------------------------------------

    def do_info(self, params: dict[str, Any]) -> Any:
        return {"repo": self.project.name, "publish_modes": ["simple"], "type": "local_fs"}

    def do_entriesByFolder(self, params: dict[str, Any]) -> Any:
        files = self.files(params["folder"], params.get("extension", ""), params.get("depth", 1))
        return [self.entry(self.rel(f)) for f in files]

    def do_entriesByFiles(self, params: dict[str, Any]) -> Any:
        return [self.entry(f["path"], f.get("label")) for f in params.get("files", [])]

    def do_getEntry(self, params: dict[str, Any]) -> Any:
        return self.entry(params["path"])

    def do_persistEntry(self, params: dict[str, Any]) -> Any:
        data_files = params.get("dataFiles") or [params["entry"]]
        writes: dict[Path, bytes] = {}
        for asset in params.get("assets", []):
            writes[self.resolve(asset["path"])] = _decode(asset)
        moves = []
        for data_file in data_files:
            text = unicodedata.normalize("NFC", data_file["raw"])
            target = self.resolve(data_file.get("newPath") or data_file["path"])
            text = keep_header(self.resolve(data_file["path"]), text)
            if data_file.get("newPath"):
                moves.append(self.resolve(data_file["path"]))
            writes[target] = text.encode("utf-8")
        self.write_checked(writes, [p for p in writes if p.suffix in (".yml", ".yaml")])
        for old in moves:
            if old not in writes:
                old.unlink(missing_ok=True)
        return {"message": "entry persisted"}

    def do_getMedia(self, params: dict[str, Any]) -> Any:
        return [self.media(f) for f in self.files(params["mediaFolder"], "", 1)]

    def do_getMediaFile(self, params: dict[str, Any]) -> Any:
        return self.media(self.resolve(params["path"]))

    def do_persistMedia(self, params: dict[str, Any]) -> Any:
        asset = params["asset"]
        path = self.resolve(asset["path"])
        _write(path, _decode(asset))
        return self.media(path)

    def do_deleteFile(self, params: dict[str, Any]) -> Any:
        self.resolve(params["path"]).unlink(missing_ok=True)
        return {"message": f"deleted file {params['path']}"}

    def do_deleteFiles(self, params: dict[str, Any]) -> Any:
        for rel in params.get("paths", []):
            self.resolve(rel).unlink(missing_ok=True)
        return {"message": "deleted files"}

    def do_getDeployPreview(self, params: dict[str, Any]) -> Any:
        return None

    # Saving through the check ----------------------------------------------------------

    def write_checked(self, writes: dict[Path, bytes], checked: list[Path]) -> None:
        """Write every file; if `check` finds an error in one of `checked`, undo them all."""
        before = {p: (p.read_bytes() if p.exists() else None) for p in writes}
        for path, data in writes.items():
            _write(path, data)
        if not checked:
            return
        rels = {self.rel(p) for p in checked}
        _, problems = load_content(self.project)
        errors = [p for p in problems if p.severity == ERROR and p.path in rels]
        if errors:
            for path, old in before.items():
                if old is None:
                    path.unlink(missing_ok=True)
                else:
                    _write(path, old)
            messages = "\n".join(p.format(self.lang) for p in sorted(errors))
            raise ProxyError(messages)


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


def _decode(asset: dict[str, Any]) -> bytes:
    content = asset.get("content", "")
    if asset.get("encoding") == "base64":
        return base64.b64decode(content)
    return str(content).encode("utf-8")


def _write(path: Path, data: bytes) -> None:
    """Write through a temporary file so that a reader never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_bytes(data)
    os.replace(temporary, path)
