"""The news section of one language: paginated lists, categories, tags, archive, items, feeds."""

from __future__ import annotations

from typing import Any

from ..content.model import AchievementField, NewsItem, Person
from ..content.urls import SECTIONS
from ..text.i18n import format_month, t
from . import feeds
from .news import Neighbourhood, by_category, by_month, by_tag, paginate, reading_minutes
from .spec import Pages

BASE = SECTIONS["news"]
ARCHIVE = f"{BASE}luu-tru/"


def groups(items: list[NewsItem]) -> list[tuple[str, str, Any, list[NewsItem]]]:
    """Return every list of the section as (path, kind, key, items), newest items first."""
    out: list[tuple[str, str, Any, list[NewsItem]]] = [(BASE, "index", None, items)]
    out += [(f"{BASE}chuyen-muc/{c}/", "category", c, i) for c, i in by_category(items).items()]
    out += [(f"{BASE}the/{s}/", "tag", name, i) for s, (name, i) in by_tag(items).items()]
    out += [(f"{ARCHIVE}{y}/{m:02d}/", "month", (y, m), i) for (y, m), i in by_month(items).items()]
    return out


def list_paths(items: list[NewsItem], size: int) -> set[str]:
    """Return the path of every list page that `items` produce."""
    paths = {
        page.path for base, _, _, group in groups(items) for page in paginate(group, size, base)
    }
    return paths | {ARCHIVE}


def generate(
    gen: Pages,
    news: list[NewsItem],
    fields_by_id: dict[str, AchievementField],
    people_by_id: dict[str, Person],
) -> None:
    """Add every news page and file of `gen`'s language; `news` is newest first."""
    lang = gen.lang
    size = max(1, gen.site.news_page_size)
    other = "en" if lang == "vi" else "vi"
    other_news = [n for n in gen.content.news.values() if gen.shown(n, other)]
    other_paths = list_paths(other_news, size)

    def category_name(category: str) -> str:
        field = fields_by_id.get(category) or gen.content.fields.get(category)
        return gen.tr(field.title) if field is not None else t("campaign", lang)

    def heading(kind: str, key: Any) -> str:
        if kind == "index":
            return t("news", lang)
        if kind == "category":
            return f"{t('category', lang)}: {category_name(key)}"
        if kind == "tag":
            return f"{t('tag', lang)}: {gen.tag_name(key)}"
        return format_month(key[0], key[1], lang)

    months = [(y, m, len(i)) for (y, m), i in by_month(news).items()]
    categories = [(c, category_name(c), len(i)) for c, i in by_category(news).items()]
    for base, kind, key, items in groups(news):
        for page in paginate(items, size, base):
            title = heading(kind, key)
            if page.number > 1:
                title += t("page_n", lang, n=page.number)
            gen.list_page(
                page.path, "news", "news.html", title, page.path in other_paths,
                page=page, kind=kind, categories=categories, months=months[:12],
            )  # fmt: skip
    gen.list_page(ARCHIVE, "news", "news_archive.html", t("archive", lang),
                  ARCHIVE in other_paths, months=months)  # fmt: skip

    around = Neighbourhood(news, gen.memory)
    for item in news:
        older, newer = around.neighbours(item)
        gen.redirects("news", item)
        gen.item_page(
            "news", item, "news_item.html", item.title,
            item=item, older=older, newer=newer, related=around.related(item),
            minutes=reading_minutes(gen.tr(item.body)), category_name=category_name(item.category),
            people=[people_by_id[i] for i in item.people if i in people_by_id],
            fields=[fields_by_id[i] for i in item.fields if i in fields_by_id],
        )  # fmt: skip
    feeds.add(gen, news[: max(1, gen.site.feed_items)], category_name)
