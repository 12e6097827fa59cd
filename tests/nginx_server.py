"""The shipped nginx configuration (deploy/nginx.conf) serving a built site on 127.0.0.1."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CONF = ROOT / "deploy" / "nginx.conf"


def nginx() -> str:
    """Debian's nginx; without it the test fails with one line naming the package."""
    found = shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin:/sbin")
    if found is None or not Path("/etc/nginx/mime.types").is_file():
        pytest.fail("nginx not found (Debian: apt-get install nginx-light)", pytrace=False)
    return found


def openssl() -> str:
    found = shutil.which("openssl")
    if found is None:
        pytest.fail("openssl not found (Debian: apt-get install openssl)", pytrace=False)
    return found


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def self_signed(folder: Path) -> tuple[Path, Path]:
    """A throwaway certificate for 127.0.0.1, for the configuration's TLS lines."""
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run([openssl(), "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                    "-subj", "/CN=127.0.0.1", "-keyout", str(key), "-out", str(cert)],
                   check=True, capture_output=True)  # fmt: skip
    return cert, key


@contextmanager
def shipped_nginx(site: Path, folder: Path, tls: bool = False) -> Iterator[dict[str, str]]:
    """Serve `site` with deploy/nginx.conf as shipped (the port and root changed; with `tls`,
    its commented TLS lines switched on); yield the base URLs, "http" and maybe "https"."""
    port = free_port()
    server = CONF.read_text(encoding="utf-8")
    server = server.replace("listen 80;", f"listen 127.0.0.1:{port};")
    server = server.replace("root /var/www/tam-duong/site;", f"root {site};")
    urls = {"http": f"http://127.0.0.1:{port}/"}
    if tls:
        tls_port = free_port()
        cert, key = self_signed(folder)
        lines = {"# listen 443 ssl;": f"listen 127.0.0.1:{tls_port} ssl;",
                 "# ssl_certificate /etc/letsencrypt/live/tamduong.example/fullchain.pem;":
                     f"ssl_certificate {cert};",
                 "# ssl_certificate_key /etc/letsencrypt/live/tamduong.example/privkey.pem;":
                     f"ssl_certificate_key {key};"}  # fmt: skip
        for commented, line in lines.items():
            assert commented in server, f"deploy/nginx.conf has no line {commented!r}"
            server = server.replace(commented, line)
        urls["https"] = f"https://127.0.0.1:{tls_port}/"
    (folder / "logs").mkdir(exist_ok=True)
    conf = folder / "nginx.conf"
    user = "user root;" if os.geteuid() == 0 else ""  # pytest's folders are private to us
    conf.write_text(f"""
{user}
pid {folder}/nginx.pid;
error_log {folder}/logs/error.log;
daemon off;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path {folder}/body; proxy_temp_path {folder}/proxy;
    fastcgi_temp_path {folder}/fastcgi; uwsgi_temp_path {folder}/uwsgi;
    scgi_temp_path {folder}/scgi;
    {server}
}}
""", encoding="utf-8")  # fmt: skip
    process = subprocess.Popen([nginx(), "-c", str(conf), "-p", str(folder)],
                               stderr=subprocess.PIPE)  # fmt: skip
    try:
        for _ in range(100):
            try:
                head(urls["http"])
                break
            except OSError:
                if process.poll() is not None:
                    raise AssertionError(process.stderr.read().decode()) from None  # type: ignore[union-attr]
                time.sleep(0.1)
        yield urls
    finally:
        process.terminate()
        process.wait(timeout=10)


def head(url: str) -> tuple[int, dict[str, str]]:
    """GET `url` (certificates unchecked: ours are throwaway); its status and headers."""
    import ssl

    context = ssl._create_unverified_context()  # noqa: S323 (a local, self-signed server)
    try:
        with urllib.request.urlopen(url, timeout=5, context=context) as response:  # noqa: S310
            return response.status, dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers)
