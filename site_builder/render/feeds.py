"""RSS 2.0 and Atom feeds of one language's news, with absolute URLs and +07:00 dates.

Built with ElementTree, so escaping is the XML library's job. Nothing depends on the wall
clock: a feed is as new as its newest item.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections.abc import Callable
from email.utils import format_datetime

from ..content.model import NewsItem
from ..content.project import VIETNAM
from ..content.urls import SECTIONS, guid, site_path
from ..text.i18n import t
from .spec import Pages, StaticFile

ATOM = "http://www.w3.org/2005/Atom"
MEDIA = "http://search.yahoo.com/mrss/"
RSS_PATH = f"{SECTIONS['news']}rss.xml"
ATOM_PATH = f"{SECTIONS['news']}atom.xml"
ET.register_namespace("atom", ATOM)
ET.register_namespace("media", MEDIA)


def published(item: NewsItem) -> dt.datetime:
    return dt.datetime.combine(item.date, dt.time(0, 0), VIETNAM)


def add(gen: Pages, items: list[NewsItem], category_name: Callable[[str], str]) -> None:
    """Add the RSS and Atom feeds of `items` (newest first) to `gen`'s files."""

    lang, base = gen.lang, gen.site.base_url

    def absolute(path: str) -> str:
        return base + site_path(path, lang)

    title = f"{gen.site_title()} — {t('news', lang)}"
    updated = published(items[0]) if items else dt.datetime(2002, 9, 21, tzinfo=VIETNAM)
    entries = []
    for item in items:
        lead = gen.lead_image(item.image.src) if item.image else None
        entries.append(
            {
                "item": item,
                "title": gen.tr(item.title),
                "link": absolute(f"{SECTIONS['news']}{item.id}/"),
                "summary": gen.tr(item.summary),
                "category": category_name(item.category),
                "image": lead,
                "guid": guid(item, base),
            }
        )
    rss = _rss(title, absolute(SECTIONS["news"]), absolute(RSS_PATH), lang, updated, entries)
    atom = _atom(title, absolute(SECTIONS["news"]), absolute(ATOM_PATH), lang, updated, entries,
                 gen.tr(gen.site.issuing_body))  # fmt: skip
    gen.result.files += [StaticFile(RSS_PATH, rss), StaticFile(ATOM_PATH, atom)]


def _text(parent: ET.Element, tag: str, text: str, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attrs)
    element.text = text
    return element


def _rss(title: str, home: str, self_url: str, lang: str, updated: dt.datetime,
         entries: list[dict]) -> str:  # fmt: skip
    rss = ET.Element("rss", {"version": "2.0"})
    channel = ET.SubElement(rss, "channel")
    _text(channel, "title", title)
    _text(channel, "link", home)
    _text(channel, "description", title)
    _text(channel, "language", lang)
    _text(channel, "lastBuildDate", format_datetime(updated))
    ET.SubElement(channel, f"{{{ATOM}}}link",
                  {"href": self_url, "rel": "self", "type": "application/rss+xml"})  # fmt: skip
    for e in entries:
        item = ET.SubElement(channel, "item")
        _text(item, "title", e["title"])
        _text(item, "link", e["link"])
        _text(item, "guid", e["guid"], isPermaLink="false")
        _text(item, "pubDate", format_datetime(published(e["item"])))
        _text(item, "description", e["summary"])
        _text(item, "category", e["category"])
        if e["image"]:
            url, width, height = e["image"]
            ET.SubElement(item, f"{{{MEDIA}}}content", {
                "url": url, "medium": "image", "type": _mime(url),
                "width": str(width), "height": str(height),
            })  # fmt: skip
    return _serialise(rss)


def _atom(title: str, home: str, self_url: str, lang: str, updated: dt.datetime,
          entries: list[dict], author: str) -> str:  # fmt: skip
    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": lang})
    _text(feed, f"{{{ATOM}}}id", self_url)
    _text(feed, f"{{{ATOM}}}title", title)
    _text(feed, f"{{{ATOM}}}updated", updated.isoformat())
    ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "self", "href": self_url,
                                            "type": "application/atom+xml"})  # fmt: skip
    ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "alternate", "href": home, "type": "text/html"})
    _text(ET.SubElement(feed, f"{{{ATOM}}}author"), f"{{{ATOM}}}name", author)
    for e in entries:
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        _text(entry, f"{{{ATOM}}}id", e["guid"])
        _text(entry, f"{{{ATOM}}}title", e["title"])
        stamp = published(e["item"]).isoformat()
        _text(entry, f"{{{ATOM}}}published", stamp)
        _text(entry, f"{{{ATOM}}}updated", stamp)
        ET.SubElement(entry, f"{{{ATOM}}}link", {"rel": "alternate", "href": e["link"],
                                                 "type": "text/html"})  # fmt: skip
        _text(entry, f"{{{ATOM}}}summary", e["summary"], type="text")
        ET.SubElement(entry, f"{{{ATOM}}}category", {"term": e["category"]})
        if e["image"]:
            url, _, _ = e["image"]
            ET.SubElement(entry, f"{{{ATOM}}}link",
                          {"rel": "enclosure", "href": url, "type": _mime(url)})  # fmt: skip
    return _serialise(feed)


def _mime(url: str) -> str:
    return "image/png" if url.endswith(".png") else "image/jpeg"


def _serialise(root: ET.Element) -> str:
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"
