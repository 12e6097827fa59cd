"""Find what a page would fetch from another host: the check behind the no-third-party test."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

# Links that are not fetched when the page loads (navigation, metadata).
_NOT_FETCHED = {"canonical", "alternate", "prev", "next", "author", "license"}
_CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)")


class _Fetches(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "link" and not (set(a.get("rel", "").split()) & _NOT_FETCHED):
            self.urls.append(a.get("href", ""))
        for name in ("src", "data", "poster"):
            if name in a and tag != "a":
                self.urls.append(a[name])
        for name in ("srcset", "imagesrcset"):
            self.urls += [part.split()[0] for part in a.get(name, "").split(",") if part.strip()]
        self.urls += _CSS_URL.findall(a.get("style", ""))

    def handle_data(self, data: str) -> None:
        self.urls += _CSS_URL.findall(data) if "url(" in data else []


def third_party_fetches(html: str) -> list[str]:
    """Return every URL the page would fetch from a host other than its own."""
    parser = _Fetches()
    parser.feed(html)
    return [u for u in parser.urls if urlsplit(u).netloc or u.startswith("//")]
