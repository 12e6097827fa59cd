"""What the theme shows around a page's body: a pipeline stage of its own, knowing no engine.

Each page gets its language switcher, hreflang alternates, Open Graph tags, social card and
JSON-LD (`page_context`, the theme's `sb`); each language its footer (`footer`) and its
social cards (`page_cards`). The MkDocs plugin only hands these to the theme, so a new engine
takes them as they are.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup, escape

from ..content.model import Site as Settings
from ..content.urls import SECTIONS, relative, site_path, source_uri
from ..images import cards
from ..text.i18n import t
from .spec import PageSpec, Site


def error_site(lang: str) -> Site:
    """A one-page site for a preview whose content has never built: the banner says why."""
    title = t("preview_errors", lang)
    return Site(pages=[PageSpec("", "home", title, f"<h1>{escape(title)}</h1>")])


def footer(site: Settings, lang: str) -> dict[str, Any]:
    """The footer's text, and the words of the not-found page (the theme's own page, which
    has no body of ours); escaped here, as the theme's environment does not autoescape."""
    return {
        "issuer": escape(site.issuing_body.get(lang)),
        "note": escape(site.archive_note.get(lang)),
        "plan": t("plan", lang),
        "contact": site.contact,
        "lang": lang,
        "not_found": not_found(lang),
    }


def not_found(lang: str) -> dict[str, Any]:
    """The not-found page of `lang`: its heading, a word on the way on, and the sections,
    by their paths below the language's root (the page links them from the base URL)."""
    return {
        "title": t("not_found", lang),
        "text": t("not_found_text", lang),
        "search": t("search", lang),
        "search_path": SECTIONS["search"],
        "sections_label": t("sections", lang),
        "sections": [
            {"label": t(key, lang), "path": path}
            for key, path in SECTIONS.items()
            if key != "search"
        ],
    }


def page_cards(pages: dict[str, PageSpec], site: Settings, lang: str) -> dict[str, cards.Card]:
    """Each page's social card, by the page's source name (`source_uri`): its title over the
    site's name and years. Pages of tags, months, categories show their section's card.
    The card of an illustrative page, or of one showing invented figures, says so."""
    years = f"{site.founded.year} – {site.anniversary.year} · {site.district.get(lang)}"
    name = site.site_name.get(lang)
    other = "en" if lang == "vi" else "vi"
    notice = f"{t('illustrative_mark', lang)} / {t('illustrative_mark', other)}"
    years_mark = t("emblem_years", lang)
    found = {
        uri: cards.Card(spec.title, name, years, notice if _marked(spec) else "", years_mark)
        for uri, spec in pages.items()
    }
    for uri, spec in pages.items():
        if spec.list_of and source_uri(spec.list_of) in found:
            found[uri] = found[source_uri(spec.list_of)]
    return found


def _marked(spec: PageSpec) -> bool:
    """Whether a page's card says "Minh họa / Illustrative": its item or figures are made up."""
    return spec.illustrative or spec.shows_invented


def page_context(
    spec: PageSpec,
    lang: str,
    base_url: str,
    card: cards.Card | None,
    font: bytes,
    demonstration: bool = False,
) -> dict[str, Any]:
    """Return one page's switcher, hreflang alternates, Open Graph tags and JSON-LD.

    `card`: the page's social card (None: the page shows none), drawn with the font whose
    digest is `font`. `demonstration`: the site publishes its illustrative items, which
    search engines are then asked not to index (a site that is not a demonstration cannot
    be published with them: `build --publish` refuses it).
    """
    other = "en" if lang == "vi" else "vi"
    here = site_path(spec.path, lang)
    label = t("other_language", lang) if spec.other_exists else t("not_in_english", "en")
    alternates = []
    if spec.other_exists:
        alternates = [
            {"lang": code, "href": base_url + site_path(spec.path, code)} for code in ("vi", "en")
        ]
        alternates.append({"lang": "x-default", "href": base_url + spec.path})
    image = cards.path_of(card.key(font)) if card is not None else ""
    return {
        "og": {
            "title": spec.title,
            "description": spec.description,
            "url": base_url + here,
            "image": base_url + site_path(image, lang),
            "locale": "vi_VN" if lang == "vi" else "en_GB",
        },
        "switch": {
            "href": relative(here, site_path(spec.other_path, other)),
            "lang": other,
            "label": label,
            "available": spec.other_exists,
        },
        "hreflang": alternates,
        "jsonld": Markup(spec.jsonld),  # noqa: S704 (json.dumps, with < > & escaped)
        # also left out of the sitemap (the plugin's on_env)
        "noindex": spec.illustrative and demonstration,
    }


def robots_txt(base_url: str, private: str) -> str:
    """The site's robots.txt: everything but the folder `private`, and both sitemaps."""
    robots = f"User-agent: *\nAllow: /\nDisallow: /{private}\n"
    robots += f"Sitemap: {base_url}sitemap.xml\n"
    robots += f"Sitemap: {base_url}en/sitemap.xml\n"
    return robots
