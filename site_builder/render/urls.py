"""The site's page paths and relative links between them, for both languages."""

from __future__ import annotations

SECTIONS = {
    "home": "",
    "about": "gioi-thieu/",
    "plan": "ke-hoach/",
    "fields": "thanh-tuu/",
    "timeline": "dong-thoi-gian/",
    "people": "guong-dien-hinh/",
    "honours": "khen-thuong/",
    "news": "tin-tuc/",
    "albums": "thu-vien-anh/",
    "search": "tim-kiem/",
}
EN_PREFIX = "en/"


def site_path(path: str, lang: str) -> str:
    """Return the path below the site root: the English page of `X/` is `en/X/`."""
    return (EN_PREFIX if lang == "en" else "") + path


def relative(from_path: str, to_path: str) -> str:
    """Return a link from one site path to another that works under any base URL.

    Site paths are plain ("a/b/", "a/b.jpg", "" for the root): no "." or ".." parts, so
    the link is the common prefix dropped, one ".." a remaining folder (as posixpath.relpath
    gives, tested against it; that one normalises, and was a tenth of page rendering).
    """
    start = from_path.split("/")[:-1]  # the folder a link is resolved from
    target = [part for part in to_path.split("/") if part]
    common = 0
    for a, b in zip(start, target, strict=False):
        if a != b:
            break
        common += 1
    parts = [".."] * (len(start) - common) + target[common:]
    rel = "/".join(parts) or "."
    if to_path.endswith("/") or not to_path:
        rel = "./" if rel == "." else rel + "/"
    return rel


def source_uri(path: str) -> str:
    """Return the MkDocs source name that gives `path` with directory URLs."""
    return f"{path}index.md"
