"""`site-builder admin`: the web editor on one office machine, with no Node.js and no login.

Serves the built site (with the editor at /admin/) and the editor's local back end
(`proxy`) from one address on 127.0.0.1, and rebuilds the site after each save so
that the preview shows the change. Nothing here is reachable from another machine unless
the editor's owner asks for it with --host.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from ..core.errors import machine_problem
from .config import API, LOCAL_ENV
from .proxy import Proxy, ProxyError

_WRITES = {"persistEntry", "persistMedia", "deleteFile", "deleteFiles"}
LIMIT = 64 * 1024 * 1024  # a request body: photos arrive base64-encoded


INTERNAL_ERROR = 3  # the exit code of a build that failed through no fault of the content
_NO_REBUILD = (
    "Không chạy được việc dựng lại trang: {detail}. Trang cũ vẫn được phục vụ; lần lưu sau "
    "sẽ thử lại.",
    "Could not start the rebuild: {detail}. The previous site is still served; the next "
    "save tries again.",
)


class Rebuilder:
    """Rebuild the site after saves, one build at a time, coalescing saves made meanwhile.

    Each build is `site-builder build` in a process of its own. This server has threads,
    and a build forks its language processes, which is safe only from a process without
    them; and a build that fails, however it fails, leaves the server serving and the
    next save rebuilding. The build prints its outcome where the server was started.
    """

    def __init__(
        self, project: Path, site_dir: Path, lang: str = "vi", preview: bool = False
    ) -> None:
        """`preview`: rebuild the preview with drafts (`build --preview`), which goes into
        the cache whatever `site_dir` says; `site_dir` is what the server serves."""
        self.project, self.site_dir, self.lang = project, site_dir.absolute(), lang
        self.preview = preview
        self.wanted, self.closed = threading.Event(), False
        self.process: subprocess.Popen[bytes] | None = None  # the latest build
        self.thread = threading.Thread(target=self.loop, daemon=True)
        self.thread.start()

    def request(self) -> None:
        self.wanted.set()

    def close(self, timeout: float = 300) -> None:
        """Start no other build, and wait for the one under way: it writes into the site."""
        self.closed = True
        self.wanted.set()
        self.thread.join(timeout)

    def loop(self) -> None:
        while True:
            self.wanted.wait()
            self.wanted.clear()  # saves made during this build ask for the next one
            if self.closed:
                return
            self.rebuild()

    def rebuild(self) -> int:
        """Build once; return the command's exit code."""
        command = [sys.executable, "-m", "site_builder", "--lang", self.lang, "build"]
        command += ["--site-dir", str(self.site_dir), *(["--preview"] if self.preview else [])]
        try:  # our own interpreter and command; the one argument is the server's own folder
            env = {**os.environ, LOCAL_ENV: "1"}  # the editor with its local back end
            self.process = subprocess.Popen(command, cwd=self.project, env=env)  # noqa: S603
        except OSError as exc:  # no Python to start: say so, and try again on the next save
            vi, en = _NO_REBUILD
            print((vi if self.lang == "vi" else en).format(detail=exc), file=sys.stderr, flush=True)
            return INTERNAL_ERROR
        return self.process.wait()


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {  # noqa: RUF012 (the base class's own, extended)
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".yml": "text/yaml",
        ".wasm": "application/wasm",
        ".webp": "image/webp",
    }
    proxy: Proxy
    hosts: frozenset[str]  # the names this server answers to

    timeout = 60  # seconds a client may pause mid-request (a body shorter than it said)

    def log_message(self, format: str, *args: Any) -> None:  # quiet: editors read the page
        pass

    def say(self, vi: str, en: str) -> str:
        return vi if self.proxy.lang == "vi" else en

    def parse_request(self) -> bool:
        """Read the request line and headers; then refuse a name this server does not have."""
        if not super().parse_request():
            return False
        if not self.known_host():  # a rebound DNS name, on any method
            self.reply(403, {"error": self.say("tên máy không được phục vụ", "unknown host")})
            return False
        return True

    def known_host(self) -> bool:
        """Whether Host names this server: one of its names, and the port it listens on."""
        try:
            host = urlsplit("//" + (self.headers.get("Host") or ""))
            name, port = host.hostname, host.port or 80
        except ValueError:  # a port that is no number
            return False
        bound = self.server.server_port if isinstance(self.server, http.server.HTTPServer) else 0
        return name in self.hosts and port == bound

    def send_head(self) -> Any:
        try:
            return super().send_head()
        except ValueError:  # a NUL in the path: no file has that name
            self.send_error(400)
            return None

    def do_POST(self) -> None:
        if urlsplit(self.path).path != API:
            self.send_error(404)
            return
        origin = self.headers.get("Origin")
        if origin and _netloc(origin) != self.headers.get("Host"):
            refused = self.say("từ chối yêu cầu từ trang khác", "cross-origin request refused")
            self.reply(403, {"error": refused})  # another site's page
            return
        if "json" not in (self.headers.get("Content-Type") or ""):
            self.reply(400, {"error": self.say("cần nội dung JSON", "expected a JSON body")})
            return
        body = self.read_json()
        if body is None:
            return
        try:
            result = self.proxy.handle(body)  # writes wait for each other in the gate
        except ProxyError as exc:
            self.reply(exc.status, {"error": str(exc)})
            return
        except (ValueError, KeyError, TypeError, RecursionError) as exc:
            self.reply(400, {"error": f"bad request: {type(exc).__name__}"})
            return
        except OSError as exc:  # the machine's: a full disk, a folder that cannot be written
            project = self.proxy.project
            problem = machine_problem(project, exc, project / "content")
            self.reply(500, {"error": problem.format(self.proxy.lang) if problem else str(exc)})
            return
        rebuilder = self.server.rebuilder if isinstance(self.server, AdminServer) else None
        if body.get("action") in _WRITES and rebuilder is not None:
            rebuilder.request()
        self.reply(200, result)

    def read_json(self) -> Any:
        """Return the request's JSON body, or None once a refusal has been sent."""
        length = self.headers.get("Content-Length")
        if length is None:
            self.reply(411, {"error": self.say("thiếu Content-Length", "Content-Length required")})
            return None
        if not (length.isascii() and length.isdigit()):
            self.reply(400, {"error": self.say("Content-Length hỏng", "bad Content-Length")})
            return None
        if int(length) > LIMIT:
            self.reply(413, {"error": self.say("nội dung quá lớn", "request body too large")})
            return None
        try:
            data = self.rfile.read(int(length))
        except OSError:  # the client went quiet (the socket's timeout) or away
            self.close_connection = True
            return None
        if len(data) < int(length):
            message = self.say("nội dung ngắn hơn Content-Length", "body shorter than its length")
            self.reply(400, {"error": message})
            return None
        try:
            body = json.loads(data)
        except (ValueError, RecursionError):  # not JSON, or nested past the parser's depth
            self.reply(400, {"error": self.say("nội dung không phải JSON", "body is not JSON")})
            return None
        if not isinstance(body, dict):
            expected = self.say("cần {action, params}", "expected {action, params}")
            self.reply(400, {"error": expected})
            return None
        return body

    def reply(self, status: int, payload: Any) -> None:
        data = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(data)

    def end_headers(self) -> None:
        if urlsplit(self.path).path.startswith("/admin/"):
            self.send_header("Cache-Control", "no-store")
        super().end_headers()


def _netloc(url: str) -> str | None:
    try:
        return urlsplit(url).netloc
    except ValueError:  # a malformed address (an unclosed "[")
        return None


class AdminServer(http.server.ThreadingHTTPServer):
    """Closing it also waits for the rebuild under way, which would write on after it."""

    def __init__(self, address: tuple[str, int], handler: Any, rebuilder: Rebuilder | None):
        self.rebuilder = rebuilder
        super().__init__(address, handler)

    def server_close(self) -> None:
        super().server_close()
        if self.rebuilder is not None:
            self.rebuilder.close()

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Say in one line what failed: a request must not print a traceback where the server
        was started (a client gone away is no failure)."""
        exc = sys.exc_info()[1]
        if isinstance(exc, OSError):
            return
        print(f"site-builder admin: {type(exc).__name__}: {exc}", file=sys.stderr, flush=True)


def make_server(
    project: Path, site_dir: Path, host: str = "127.0.0.1", port: int = 8000,
    lang: str = "vi", rebuild: bool = True, preview: bool = False,
) -> AdminServer:  # fmt: skip
    """Return a server of `site_dir` and the editor's back end; the caller serves it.

    `preview`: `site_dir` is the preview in the cache, and saves rebuild it with drafts."""
    attrs = {
        "hosts": frozenset({"127.0.0.1", "localhost", "::1", host}),
        "proxy": Proxy(project, lang),
    }
    handler_class = type("BoundHandler", (Handler,), attrs)
    handler = functools.partial(handler_class, directory=str(site_dir))
    rebuilder = Rebuilder(project, site_dir, lang, preview) if rebuild else None
    return AdminServer((host, port), handler, rebuilder)
