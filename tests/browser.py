"""Headless Chromium (Debian's, driven by Playwright) against a site served on 127.0.0.1."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def chromium_path() -> str:
    """Debian's Chromium; without it the browser tests fail with one line naming the package."""
    found = shutil.which("chromium")
    if found is None:
        pytest.fail("chromium not found (Debian: apt-get install chromium)", pytrace=False)
    return found


ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync"]  # fmt: skip

# An element overflows when what shows of it (after clipping ancestors) reaches past the
# right edge, so that the page would scroll sideways, or straddles the left edge. Material
# parks its closed drawer and search fully left of the screen; those are not counted.
OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const clips = v => ['hidden', 'clip', 'auto', 'scroll'].includes(v);
  const bad = [];
  for (const el of document.querySelectorAll('body *')) {
    const style = getComputedStyle(el);
    if (style.display === 'none' || style.visibility === 'hidden') continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    let left = r.left, right = r.right;  // what shows once clipping ancestors cut it
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      if (clips(getComputedStyle(a).overflowX)) {
        const c = a.getBoundingClientRect();
        left = Math.max(left, c.left);
        right = Math.min(right, c.right);
      }
    }
    if (right <= left) continue;  // clipped away entirely
    if (right > width + 1 || (left < -1 && right > 0)) {
      const name = `${el.tagName.toLowerCase()}.${el.getAttribute('class') || ''}`;
      bad.push(`${name} ${Math.round(left)}..${Math.round(right)}`);
    }
  }
  const scrolled = document.documentElement.scrollWidth;
  if (scrolled > width + 1) bad.push(`document ${scrolled}`);
  const html = getComputedStyle(document.documentElement);
  const body = getComputedStyle(document.body);
  const hides = v => v === 'hidden' || v === 'clip';
  return {bad, hidden: [html.overflowX, body.overflowX].filter(hides)};
}"""


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve `folder` on 127.0.0.1 and yield its base URL."""
    handler = functools.partial(_Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def indexed(site: Path) -> list[dict]:
    """Return every page Pagefind indexed (its fragments: url, content, meta)."""
    import gzip
    import json

    pages = []
    for fragment in sorted((site / "pagefind" / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(fragment.read_bytes()).removeprefix(b"pagefind_dcd")
        pages.append(json.loads(data))
    return pages


SEARCH = """async (query) => {
  const pagefind = await import("/pagefind/pagefind.js");
  const found = await pagefind.search(query);
  const top = await Promise.all(found.results.slice(0, 3).map(r => r.data()));
  return top.map(r => r.url);
}"""
