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
def serve(
    folder: Path, kind: type[http.server.SimpleHTTPRequestHandler] | None = None
) -> Iterator[str]:
    """Serve `folder` on 127.0.0.1 (with the handler class `kind`, else a quiet static one)
    and yield its base URL."""
    handler = functools.partial(kind or _Quiet, directory=str(folder))
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


# Tap targets (WCAG 2.5.8, level AA): every link, button or control shown is at least
# 24 × 24 CSS px, except a target inside running text (it shares a line with words that are
# no target) and an undersized target whose 24 px circle, centred on it, touches no other
# target nor the circle of another undersized one. Targets parked off the screen (Material's
# closed drawer) are not counted.
TARGETS = """() => {
  const width = document.documentElement.clientWidth;
  const selector = 'a[href], button, input:not([type=hidden]), select, textarea, summary, ' +
    'label[for], [role=button], [tabindex]:not([tabindex="-1"])';
  const all = [];
  for (const el of document.querySelectorAll(selector)) {
    if (!el.checkVisibility({opacityProperty: true, visibilityProperty: true})) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || r.right <= 0 || r.left >= width) continue;
    all.push({el, r});
  }
  const inTarget = node => all.some(t => t.el.contains(node));
  const block = el => {
    let a = el.parentElement;
    while (a && ['inline', 'contents'].includes(getComputedStyle(a).display)) a = a.parentElement;
    return a || document.body;
  };
  const inText = t => {  // shares a line box with text that is no target's
    if (getComputedStyle(t.el).display !== 'inline') return false;
    const walker = document.createTreeWalker(block(t.el), NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!/[\\p{L}\\p{N}]/u.test(n.data) || inTarget(n)) continue;
      const range = document.createRange();
      range.selectNodeContents(n);
      for (const line of range.getClientRects()) {
        for (const own of t.el.getClientRects()) {
          const overlap = Math.min(line.bottom, own.bottom) - Math.max(line.top, own.top);
          if (overlap > Math.min(line.height, own.height) / 2) return true;
        }
      }
    }
    return false;
  };
  const centre = r => [(r.left + r.right) / 2, (r.top + r.bottom) / 2];
  const reach = (r, [x, y]) => Math.hypot(Math.max(r.left - x, 0, x - r.right),
                                          Math.max(r.top - y, 0, y - r.bottom));
  const small = all.filter(t => (t.r.width < 23.5 || t.r.height < 23.5) && !inText(t));
  const related = (a, b) => a.el === b.el || a.el.contains(b.el) || b.el.contains(a.el);
  const bad = [];
  for (const t of small) {
    const c = centre(t.r);
    const near = all.find(o => !related(o, t) && (reach(o.r, c) < 12 ||
      (small.includes(o) && Math.hypot(...centre(o.r).map((v, i) => v - c[i])) < 24)));
    if (near) {
      const name = `${t.el.tagName.toLowerCase()}.${t.el.getAttribute('class') || ''}`;
      const text = (t.el.textContent || t.el.getAttribute('aria-label') || '').trim().slice(0, 30);
      bad.push(`${name} "${text}" ${Math.round(t.r.width)}×${Math.round(t.r.height)}`);
    }
  }
  return bad;
}"""

# Every picture shown (photos, charts, the emblem) lies within the viewport's width.
IMAGES = """() => {
  const width = document.documentElement.clientWidth;
  const bad = [];
  for (const el of document.querySelectorAll('img, svg, video, canvas')) {
    if (!el.checkVisibility({visibilityProperty: true})) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || r.right <= 0) continue;  // parked off the screen
    if (r.left < -1 || r.right > width + 1) {
      const name = el.getAttribute('src') || el.getAttribute('class') || el.tagName;
      bad.push(`${name} ${Math.round(r.left)}..${Math.round(r.right)}`);
    }
  }
  return bad;
}"""

# Every data table keeps its column headers readable: shown above their columns, or, where
# a narrow screen stacks the rows, repeated before each cell (its ::before content); a table
# wider than the screen scrolls inside its own box with its first column kept in view.
TABLES = """() => {
  const width = document.documentElement.clientWidth;
  const bad = [];
  const shown = el => {  // what shows of it once clipping ancestors cut it
    if (!el.checkVisibility({visibilityProperty: true})) return false;
    const r = el.getBoundingClientRect();
    let [left, top, right, bottom] = [r.left, r.top, r.right, r.bottom];
    for (let a = el.parentElement; a; a = a.parentElement) {
      const style = getComputedStyle(a);
      if (style.overflow !== 'visible' || style.clip !== 'auto') {
        const c = a.getBoundingClientRect();
        [left, top] = [Math.max(left, c.left), Math.max(top, c.top)];
        [right, bottom] = [Math.min(right, c.right), Math.min(bottom, c.bottom)];
      }
    }
    return right - left > 4 && bottom - top > 4;
  };
  document.querySelectorAll('table').forEach((table, n) => {
    if (!shown(table) || table.getAttribute('role') === 'presentation') return;
    const name = `table ${n} .${table.getAttribute('class') || ''}`;
    const heads = Array.from(table.querySelectorAll('thead th'));
    const body = Array.from(table.querySelectorAll('tbody tr'));
    if (heads.length && !heads.every(shown)) {  // stacked: each cell names its column
      for (const row of body) {
        Array.from(row.cells).forEach((cell, i) => {
          const label = getComputedStyle(cell, '::before').content;
          const head = heads[i] ? heads[i].textContent.trim() : '';
          if (shown(cell) && cell.textContent.trim() && !label.includes(head)) {
            bad.push(`${name}: cell "${cell.textContent.trim().slice(0, 20)}" without "${head}"`);
          }
        });
      }
    }
    const r = table.getBoundingClientRect();
    if (r.right > width + 1) {  // wider than the screen: it must scroll in its own box
      let box = table.parentElement;
      while (box && !['auto', 'scroll'].includes(getComputedStyle(box).overflowX)) {
        box = box.parentElement;
      }
      if (!box || box.getBoundingClientRect().right > width + 1) {
        bad.push(`${name}: ${Math.round(r.width)} px wide, no scrolling box`);
      } else {
        for (const row of table.rows) {
          if (getComputedStyle(row.cells[0]).position !== 'sticky') {
            bad.push(`${name}: first column not sticky`);
            break;
          }
        }
      }
    }
  });
  return bad;
}"""
