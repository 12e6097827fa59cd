"""Page paths of INTERFACES.md and relative links between them, for both languages."""

from __future__ import annotations

import posixpath

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
    """Return a link from one site path to another that works under any base URL."""
    start = "/" + from_path if from_path.endswith("/") else posixpath.dirname("/" + from_path)
    target = "/" + to_path
    rel = posixpath.relpath(target, start)
    if to_path.endswith("/") or not to_path:
        rel = rel.rstrip("/") + "/"
        rel = "./" if rel in ("./", "./.", "/") else rel
    return rel


def source_uri(path: str) -> str:
    """Return the MkDocs source name that gives `path` with directory URLs."""
    return f"{path}index.md"
