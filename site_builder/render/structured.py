"""schema.org JSON-LD for search engines: the issuer, news articles, exemplars, the event."""

from __future__ import annotations

import json
from typing import Any

from ..content.model import NewsItem, Person, Site

DISSOLVED = "2025-07-01"  # district-level government ended (the about text, content/site.yml)


def issuer(site: Site, lang: str) -> dict[str, Any]:
    return {
        "@type": "GovernmentOrganization",
        "name": site.issuing_body.get(lang),
        "foundingDate": site.founded.isoformat(),
        "dissolutionDate": DISSOLVED,
        "url": site.base_url,
    }


def anniversary(site: Site, lang: str) -> dict[str, Any]:
    return {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": site.site_name.get(lang),
        "startDate": site.anniversary.isoformat(),
        "eventStatus": "https://schema.org/EventScheduled",
        "location": {"@type": "Place", "name": site.district.get(lang),
                     "address": site.province.get(lang)},
        "organizer": issuer(site, lang),
    }  # fmt: skip


def article(item: NewsItem, site: Site, lang: str, url: str, image: str | None) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": item.title.get(lang),
        "description": item.summary.get(lang),
        "datePublished": f"{item.date.isoformat()}T00:00:00+07:00",
        "inLanguage": lang,
        "mainEntityOfPage": url,
        "publisher": issuer(site, lang),
    }
    if item.author:
        data["author"] = {"@type": "Person", "name": item.author.get(lang)}
    if image:
        data["image"] = image
    return data


def exemplar(person: Person, lang: str, url: str) -> dict[str, Any]:
    kind = "Person" if person.kind == "individual" else "Organization"
    data: dict[str, Any] = {"@context": "https://schema.org", "@type": kind,
                            "name": person.name.get(lang), "url": url}  # fmt: skip
    if person.summary:
        data["description"] = person.summary.get(lang)
    return data


def script(data: dict[str, Any]) -> str:
    """Return JSON safe inside a <script> element (no "</script>" can close it early)."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
