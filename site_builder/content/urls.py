"""The site's page paths, relative links between them, and the news feed ids."""

from __future__ import annotations

from urllib.parse import urlsplit

from .model import NewsItem

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
    "programmes": "phat-thanh/",
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


def guid(item: NewsItem, base_url: str) -> str:
    """Return the item's feed id: its `guid` field, else a tag URI from its first id.

    The first id is the oldest alias when the file was renamed, so renaming keeps the GUID;
    the title never enters it. `site-builder new` writes a `guid` into every new item.
    """
    if item.guid:
        return item.guid
    first = item.aliases[0].strip("/").split("/")[-1] if item.aliases else item.id
    host = urlsplit(base_url).hostname or "localhost"
    return f"tag:{host},2022:{SECTIONS['news']}{first}"  # no date of the item: it may be edited
