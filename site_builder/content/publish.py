"""The publish gate: what a build for the public (`build --publish`) may not carry.

A placeholder address would go into every canonical link, feed and footer; a news item
without a written `guid` gets a feed id made from that address, so setting the real one
would announce the whole archive again; made-up sample content would pass for a record.
A site that declares itself a demonstration (`demonstration: true` in content/site.yml)
may publish its illustrative items: they are marked, `noindex`, out of the sitemap and
without schema.org entities wherever they are built.
"""

from __future__ import annotations

import ipaddress
from typing import Any
from urllib.parse import urlsplit

from ..core.errors import ContentError
from .model import Content, Person, Site

# Names kept for examples and tests (RFC 2606, RFC 6761), never a public site's address.
RESERVED_NAMES = {"example.com", "example.net", "example.org", "localhost"}
RESERVED_ENDINGS = (".example", ".test", ".invalid", ".localhost", ".local")
# The kinds whose items are shown on the site (radio programmes are staff documents).
SHOWN_KINDS = ("fields", "milestones", "people", "commendations", "news", "albums")


def refusals(content: Content) -> list[ContentError]:
    """Return every reason not to publish `content`, each where an editor fixes it."""
    site = content.site
    if site is None:  # reported by validation already
        return []
    problems = _addresses(site)
    for item in content.news.values():
        if not item.draft and not item.guid:
            line, col = item.where("")
            problems.append(ContentError(item.path, line, col, "publish-no-guid"))
    if not site.demonstration:
        for item in _shown(content):
            if item.illustrative:
                line, col = item.where("illustrative")
                problems.append(
                    ContentError(item.path, line, col, "publish-illustrative", key="illustrative")
                )
    return sorted(problems)


def is_placeholder(host: str) -> bool:
    """Return whether `host` is a name for examples, or this machine: nobody else's address."""
    host = host.lower().rstrip(".")
    if host in RESERVED_NAMES or host.endswith(RESERVED_ENDINGS) or "." not in host:
        return True
    try:
        address = ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return any(host.endswith("." + name) for name in RESERVED_NAMES)
    return address.is_loopback or address.is_private or address.is_unspecified


def _addresses(site: Site) -> list[ContentError]:
    """The site's address and its contact e-mail, the one place both are set (site.yml)."""
    problems = []
    found = [("base_url", site.base_url, urlsplit(site.base_url).hostname or "")]
    if site.contact and "@" in site.contact:
        found.append(("contact", site.contact, site.contact.rpartition("@")[2]))
    for field, value, host in found:
        if is_placeholder(host):
            line, col = site.where(field)
            args = {"found": value, "host": host}
            problems.append(ContentError(site.path, line, col, "publish-placeholder", args, field))
    return problems


def _shown(content: Content) -> list[Any]:
    """The items a public build shows: no drafts, no person without consent."""
    items = [item for kind in SHOWN_KINDS for item in getattr(content, kind).values()]
    return [
        item
        for item in items
        if not getattr(item, "draft", False)
        and not (isinstance(item, Person) and not item.published)
    ]
