"""`site-builder admin`: the web editor on one office machine, with no Node.js and no login.

Serves the built site (with the editor at /admin/) and the editor's local back end
(`cms_proxy`) from one address on 127.0.0.1, and rebuilds the site after each save so
that the preview shows the change. Nothing here is reachable from another machine unless
the editor's owner asks for it with --host.
"""

from __future__ import annotations

import functools
import http.server
import json
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from . import build as build_stage
from .cms_config import API
from .cms_proxy import Proxy, ProxyError

_WRITES = {"persistEntry", "persistMedia", "deleteFile", "deleteFiles"}
LIMIT = 64 * 1024 * 1024  # a request body: photos arrive base64-encoded


class Rebuilder:
    """Rebuild the site after saves, one build at a time, coalescing saves made meanwhile.

    Each build is `site-builder build` in a process of its own. This server has threads,
    and a build forks its language processes, which is safe only from a process without
    them; and a build that fails, however it fails, leaves the server serving and the
    next save rebuilding. The build prints its outcome where the server was started.
    """

    def __init__(self, project: Path, site_dir: Path, lang: str = "vi") -> None:
        self.project, self.site_dir, self.lang = project, site_dir.absolute(), lang
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
        command += ["--site-dir", str(self.site_dir)]
        try:  # our own interpreter and command; the one argument is the server's own folder
            self.process = subprocess.Popen(command, cwd=self.project)  # noqa: S603
        except OSError as exc:  # no Python to start: say so, and try again on the next save
            from .cli import say

            print(say("no-rebuild", self.lang, detail=exc), file=sys.stderr, flush=True)
            return build_stage.INTERNAL_ERROR
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
    lock = threading.Lock()  # one write at a time: a save checks the whole content

    def log_message(self, format: str, *args: Any) -> None:  # quiet: editors read the page
        pass

    def do_POST(self) -> None:
        if urlsplit(self.path).path != API:
            self.send_error(404)
            return
        origin, host = self.headers.get("Origin"), self.headers.get("Host") or ""
        if urlsplit("//" + host).hostname not in self.hosts:  # a rebound DNS name
            self.reply(403, {"error": "unknown host"})
            return
        if origin and urlsplit(origin).netloc != host:
            self.reply(403, {"error": "cross-origin request refused"})  # another site's page
            return
        length = int(self.headers.get("Content-Length") or 0)
        if length > LIMIT or "json" not in (self.headers.get("Content-Type") or ""):
            self.reply(400, {"error": "expected a JSON body"})
            return
        try:
            body = json.loads(self.rfile.read(length) or b"null")
            with self.lock:
                result = self.proxy.handle(body)
        except ProxyError as exc:
            self.reply(exc.status, {"error": str(exc)})
            return
        except (ValueError, KeyError, TypeError) as exc:
            self.reply(400, {"error": f"bad request: {exc}"})
            return
        rebuilder = self.server.rebuilder if isinstance(self.server, AdminServer) else None
        if body.get("action") in _WRITES and rebuilder is not None:
            rebuilder.request()
        self.reply(200, result)

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


class AdminServer(http.server.ThreadingHTTPServer):
    """Closing it also waits for the rebuild under way, which would write on after it."""

    def __init__(self, address: tuple[str, int], handler: Any, rebuilder: Rebuilder | None):
        self.rebuilder = rebuilder
        super().__init__(address, handler)

    def server_close(self) -> None:
        super().server_close()
        if self.rebuilder is not None:
            self.rebuilder.close()


def make_server(
    project: Path, site_dir: Path, host: str = "127.0.0.1", port: int = 8000,
    lang: str = "vi", rebuild: bool = True,
) -> AdminServer:  # fmt: skip
    """Return a server of `site_dir` and the editor's back end; the caller serves it."""
    attrs = {
        "hosts": frozenset({"127.0.0.1", "localhost", "::1", host}),
        "proxy": Proxy(project, lang),
    }
    handler_class = type("BoundHandler", (Handler,), attrs)
    handler = functools.partial(handler_class, directory=str(site_dir))
    rebuilder = Rebuilder(project, site_dir, lang) if rebuild else None
    return AdminServer((host, port), handler, rebuilder)
