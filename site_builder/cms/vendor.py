"""Vendor Decap CMS from npm into assets/admin/decap/: the web editor is served by the site.

Run at release time by a developer (`python -m site_builder.cms.vendor`), never by a build:
the build is offline and the site loads nothing from a CDN. The package is fetched with
`npm pack`, checked against the integrity recorded here, and only what the browser loads
is kept (the bundle, its lazily loaded chunks and WebAssembly, and the licences). The
5 MB bundle is kept gzipped (1.5 MB), to keep the repository light; the build serves it
plain.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import io
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

PACKAGE = "decap-cms"
VERSION = "3.16.3"
INTEGRITY = (  # npm's dist.integrity of the tarball
    "sha512-"
    "hf+dPlCh7TJmWl8+6VRzHYOWhri5xgUknrZbDewaWe4s9B7xJ8PQugp2QHeSldMUKzav6+z0oIpwUYhUJDYtYw=="
)
BUNDLE = "decap-cms.js"
# dist/decap-cms.js as vendored (stored as decap-cms.js.gz)
BUNDLE_SHA256 = "7c1efd6b616b4786e279aeef194dd21649a72058d3bc8d1f78901b574610dfb8"
TARGET = Path(__file__).resolve().parents[2] / "assets" / "admin" / "decap"
LICENCE = """Decap CMS {version} (npm package "decap-cms"), vendored unchanged by
site_builder/cms/vendor.py. Licence: MIT, as declared by the package; the text below is the
one the Decap CMS repository ships (its packages share it). Bundled third-party licences
are listed in decap-cms.js.LICENSE.txt.

Copyright (c) 2016 Netlify <decap@p-m.si>

MIT License

Permission is hereby granted, free of charge, to any person obtaining
a copy of this software and associated documentation files (the
"Software"), to deal in the Software without restriction, including
without limitation the rights to use, copy, modify, merge, publish,
distribute, sublicense, and/or sell copies of the Software, and to
permit persons to whom the Software is furnished to do so, subject to
the following conditions:

The above copyright notice and this permission notice shall be
included in all copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND,
EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF
MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND
NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE
LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION
OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION
WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
"""


def wanted(name: str) -> bool:
    """Keep what the browser loads: `decap-cms.js`, its chunks, WebAssembly, licences."""
    if not name.startswith("package/dist/") or name.endswith(".map"):
        return False
    base = name.rsplit("/", 1)[1]
    return base.endswith((".decap-cms.js", ".wasm")) or base.startswith("decap-cms.js")


def fetch(workdir: Path) -> bytes:
    npm = shutil.which("npm")
    if npm is None:
        raise SystemExit("npm is needed to fetch the package (Debian: apt-get install npm)")
    done = subprocess.run(  # noqa: S603 (a fixed command; the result is checked below)
        [npm, "pack", f"{PACKAGE}@{VERSION}", "--silent"],
        cwd=workdir, capture_output=True, text=True, check=True,
    )  # fmt: skip
    tarball = workdir / done.stdout.strip().splitlines()[-1]
    data = tarball.read_bytes()
    digest = "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()
    if digest != INTEGRITY:
        raise SystemExit(f"{PACKAGE}@{VERSION}: integrity {digest} is not the recorded one")
    return data


def vendor(data: bytes, target: Path = TARGET) -> list[str]:
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    kept = []
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as archive:
        for member in archive.getmembers():
            if member.isfile() and wanted(member.name):
                name = member.name.rsplit("/", 1)[1]
                source = archive.extractfile(member)
                assert source is not None
                kept_bytes = source.read()
                if name == BUNDLE:  # 5 MB: kept gzipped in the repository, served plain
                    kept_bytes, name = gzip.compress(kept_bytes, 9, mtime=0), BUNDLE + ".gz"
                (target / name).write_bytes(kept_bytes)
                kept.append(name)
    (target / "LICENSE.txt").write_text(LICENCE.format(version=VERSION), encoding="utf-8")
    return sorted(kept)


def main() -> int:
    with tempfile.TemporaryDirectory() as workdir:
        kept = vendor(fetch(Path(workdir)))
    size = sum((TARGET / name).stat().st_size for name in kept)
    print(f"{PACKAGE}@{VERSION}: {len(kept)} files, {size:,} bytes in {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
