"""News lists: pagination, categories, tags, monthly archives, neighbours and related items.

Pure functions over the model, so that pages, feeds and tests share one definition of,
say, which items a tag page lists.
"""

from __future__ import annotations

import functools
import heapq
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from ..cache.memory import Memory
from ..content.model import NewsItem
from ..text.slugs import slugify

T = TypeVar("T")
WORDS_PER_MINUTE = 200  # a common silent-reading figure, for Vietnamese and English alike
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class Page:
    """One page of a paginated list: its items, its number and its neighbours' paths."""

    items: tuple
    number: int
    count: int
    path: str
    previous: str | None
    next: str | None


def page_path(base: str, number: int) -> str:
    """Return the path of page `number` of the list at `base`: page 1 is the list itself."""
    return base if number == 1 else f"{base}trang/{number}/"


def paginate(items: Sequence[T], size: int, base: str) -> list[Page]:
    """Split `items` into pages of `size`; an empty list still has one (empty) page."""
    count = max(1, math.ceil(len(items) / size))
    return [
        Page(
            items=tuple(items[(n - 1) * size : n * size]),
            number=n,
            count=count,
            path=page_path(base, n),
            previous=page_path(base, n - 1) if n > 1 else None,
            next=page_path(base, n + 1) if n < count else None,
        )
        for n in range(1, count + 1)
    ]


def newest_first(items: Iterable[NewsItem]) -> list[NewsItem]:
    return sorted(items, key=lambda n: (n.date, n.id), reverse=True)


def by_category(items: Sequence[NewsItem]) -> dict[str, list[NewsItem]]:
    groups: dict[str, list[NewsItem]] = defaultdict(list)
    for item in items:
        groups[item.category].append(item)
    return dict(sorted(groups.items()))


def tag_slug(tag: str) -> str:
    return slugify(tag) or "the"


def by_tag(items: Sequence[NewsItem]) -> dict[str, tuple[str, list[NewsItem]]]:
    """Group by tag slug, so "hòa bình" and "hoà bình" are one tag; show the first spelling."""
    groups: dict[str, tuple[str, list[NewsItem]]] = {}
    for item in items:
        for tag in dict.fromkeys(item.tags):
            slug = tag_slug(tag)
            groups.setdefault(slug, (tag, []))[1].append(item)
    return dict(sorted(groups.items()))


def by_month(items: Sequence[NewsItem]) -> dict[tuple[int, int], list[NewsItem]]:
    groups: dict[tuple[int, int], list[NewsItem]] = defaultdict(list)
    for item in items:
        groups[(item.date.year, item.date.month)].append(item)
    return dict(sorted(groups.items(), reverse=True))


class Neighbourhood:
    """Neighbours and related items of every item of a newest-first list, in linear time.

    Built once per list: positions, tag slugs, and items per tag and per category, so that
    an archive of thousands of items does not compare every item with every other.
    """

    def __init__(self, items: Sequence[NewsItem], memory: Memory | None = None) -> None:
        self.items = list(items)
        self.position = {item.id: i for i, item in enumerate(self.items)}
        self.tags = {item.id: {tag_slug(t) for t in item.tags} for item in self.items}
        self.by_tag: dict[str, list[NewsItem]] = defaultdict(list)
        for item in self.items:
            for tag in self.tags[item.id]:
                self.by_tag[tag].append(item)
        self.newest_in = {c: newest_first(v) for c, v in by_category(self.items).items()}
        # what related() reads of every item, in order: a list of the same shape has the
        # same related items (the preview's rebuilds, where an edit seldom moves an item)
        shape = tuple((i.id, i.date, i.category, frozenset(self.tags[i.id])) for i in self.items)
        related = (memory or Memory()).related
        if shape not in related:
            related.clear()  # the last list's only
            related[shape] = {}
        self.found: dict[tuple[str, int], tuple[str, ...]] = related[shape]

    def neighbours(self, item: NewsItem) -> tuple[NewsItem | None, NewsItem | None]:
        """Return the older and the newer item next to `item`."""
        i = self.position[item.id]
        older = self.items[i + 1] if i + 1 < len(self.items) else None
        newer = self.items[i - 1] if i > 0 else None
        return older, newer

    def related(self, item: NewsItem, limit: int = 3) -> list[NewsItem]:
        """Return items sharing tags or the category: most shared tags first, then newest."""
        found = self.found.get((item.id, limit))
        if found is None:
            found = self.found[item.id, limit] = tuple(o.id for o in self.score(item, limit))
        return [self.items[self.position[i]] for i in found]

    def score(self, item: NewsItem, limit: int) -> list[NewsItem]:
        scores: dict[str, int] = defaultdict(int)
        for tag in self.tags[item.id]:
            for other in self.by_tag[tag]:
                scores[other.id] += 2
        for other_id in scores:
            scores[other_id] += self.items[self.position[other_id]].category == item.category
        # Items sharing only the category score 1 and rank by (date, id): only the newest
        # few of the category can make the list, so the rest are never scored.
        added = 0
        for other in self.newest_in[item.category]:
            if added > limit:
                break
            if other.id not in scores:
                scores[other.id] = 1
                added += 1
        scores.pop(item.id, None)
        found = [self.items[self.position[i]] for i in scores]
        return heapq.nlargest(limit, found, key=lambda o: (scores[o.id], o.date, o.id))


def neighbours(
    items: Sequence[NewsItem], item: NewsItem
) -> tuple[NewsItem | None, NewsItem | None]:
    """Return the older and the newer item next to `item` in a newest-first list."""
    return Neighbourhood(items).neighbours(item)


def related(items: Sequence[NewsItem], item: NewsItem, limit: int = 3) -> list[NewsItem]:
    """Return items sharing tags or the category: most shared tags first, then newest."""
    return Neighbourhood(items).related(item, limit)


@functools.lru_cache(maxsize=16384)  # the preview asks again for every item, every rebuild
def reading_minutes(text: str) -> int:
    return max(1, round(len(_WORD.findall(text)) / WORDS_PER_MINUTE))
