"""Turn the content model into the pages of one language: paths, titles and HTML bodies.

Bodies come from our own Jinja2 templates in `templates/pages/`, rendered with autoescape
and strict undefined; editor Markdown is rendered and sanitised by `richtext`. Nothing here
knows MkDocs: the plugin hands these pages to it.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

from markupsafe import Markup

from ..cache.bodies import BodyCache
from ..cache.code import code_digest
from ..cache.memory import Memory
from ..content import richtext
from ..content.model import (
    UNITS,
    AchievementField,
    Content,
    Image,
    Metric,
    NewsItem,
    Person,
    PlanSection,
)
from ..content.urls import SECTIONS, relative, site_path
from ..images.cache import url_of
from ..images.process import Processed
from ..text.i18n import Text, format_date, format_month, format_number, t
from ..text.slugs import slugify
from . import news_pages, structured
from .exemplars import by_commune, by_field, commune_of, sort_people
from .metrics import Row, key_figures, row
from .news import tag_slug
from .programmes import on_air
from .reuse import Kept, Unkeyed, Uses, environment, identity
from .spec import PageSpec, Site, StaticFile
from .synonyms import Synonyms, search_words

HOME_ITEMS = 3
SIZES = "(min-width: 76.25em) 46rem, 100vw"  # Material's content column, or the full width


class Generator:
    """Render every page of `lang` from `content`; `preview` also shows drafts and future items."""

    def __init__(
        self,
        project: Path,
        content: Content,
        lang: str,
        build_date: dt.date,
        preview: bool,
        processed: dict[str, Processed],
        cache: bool = False,
        memory: Memory | None = None,
    ) -> None:
        assert content.site is not None
        # what a long-running process (the preview) keeps between rebuilds
        self.memory = memory or Memory()
        self.processed = processed
        self.making: list[Uses] = []  # what each body or page being made uses, innermost last
        self.bodies: BodyCache | None = None
        if cache:  # bodies rendered before from the same inputs are reused
            tags = content.glossary.tags if content.glossary is not None else ()
            seed = repr((code_digest(project), lang, preview, build_date, content.site, tags,
                         sorted(processed.items())))  # fmt: skip
            self.bodies = BodyCache(project, lang, preview, seed, self.memory)
        # item pages of the last build, when every input is the same object (a preview)
        self.kept: dict[tuple[Any, ...], Kept] | None = None
        self.kept_now: dict[tuple[Any, ...], Kept] = {}
        if self.bodies is not None and preview:
            self.kept = self.memory.items.setdefault(self.bodies.path, {})
        self.project = project
        self.content = content
        self.site = content.site
        self.lang = lang
        self.build_date = build_date
        self.preview = preview
        self.result = Site()
        self.synonyms = Synonyms(content.glossary.terms if content.glossary else ())
        self.env = environment(project / "templates" / "pages", lang, preview, self.memory)
        self.env.globals.update(t=self._t, tr=self.tr, date=self.date, num=self.num)
        self.env.globals.update(tag_name=self.tag_name, written=self.written)
        glossary = content.glossary
        self.tag_names = glossary.tag_names() if glossary is not None and lang == "en" else {}
        self.env.globals.update(lang=self.lang, site=self.site, units=UNITS, tag_slug=tag_slug)
        self.env.globals["month"] = lambda year, month: format_month(year, month, self.lang)
        self.env.globals["dict"] = dict
        self.env.globals["drafted"] = lambda item: bool(getattr(item, "draft", False))

    # --- what is published -------------------------------------------------------------

    def shown(self, item: Any, lang: str) -> bool:
        """Return whether `item` appears in the site of `lang`."""
        if isinstance(item, Person) and not item.published:
            if not (self.preview and item.draft):  # the preview shows a draft, marked
                return False
        if not self.preview:  # drafts, of every kind that has them, and future news wait
            if getattr(item, "draft", False):
                return False
            if isinstance(item, NewsItem) and item.date > self.build_date:
                return False
        return lang == "vi" or item.has_en

    def visible(self, items: dict[str, Any]) -> list[Any]:
        return [i for i in items.values() if self.shown(i, self.lang)]

    # --- template helpers --------------------------------------------------------------

    def _t(self, key: str, **kwargs: Any) -> str:
        return t(key, self.lang, **kwargs)

    def tr(self, text: Text | None) -> str:
        """Return text in this language; optional text without English is left out there."""
        if text is None:
            return ""
        if self.lang == "en":
            return text.en or ""
        return text.vi

    def tag_name(self, tag: str) -> str:
        """Return a tag's name in this language: English from the glossary, where declared
        (the check warns of a tag without one)."""
        return self.tag_names.get(tag_slug(tag), tag)

    def written(self, text: Text | str | None) -> Markup:
        """Return text that may be left untranslated (a name, a credit, a citation of a
        Vietnamese document): on an English page without English, the Vietnamese as
        written, marked `lang="vi"`."""
        if not text:
            return Markup("")
        if isinstance(text, str):
            text = Text(text)
        if self.lang == "en" and text.en is None:
            return Markup('<span lang="vi">{}</span>').format(text.vi)
        return Markup("{}").format(text.get(self.lang))

    def date(self, value: dt.date | None) -> str:
        return format_date(value, self.lang) if value else t("blank", self.lang)

    def num(self, value: float | Decimal) -> str:
        """A figure as this language writes it, with a true minus sign (read as "minus")."""
        return format_number(value, self.lang).replace("-", "\u2212")

    def image_path(self, src: str) -> Processed:
        """Return the processed outputs of `src`, remembering that a page uses them."""
        processed = self.processed[src]
        self.result.images[src] = processed
        for uses in self.making:
            uses.images.add(src)
        return processed

    @contextlib.contextmanager
    def recording(self) -> Iterator[Uses]:
        """Record the photos and body cache entries used while the block makes something."""
        uses = Uses()
        self.making.append(uses)
        try:
            yield uses
        finally:
            self.making.pop()

    def lead_image(self, src: str) -> tuple[str, int, int]:
        """Return the absolute URL and size of the largest fallback output (for feeds)."""
        processed = self.image_path(src)
        largest = processed.of(processed.fallback)[0]
        return self.site.base_url + url_of(src, processed, largest), largest.width, largest.height

    def srcsets(self, src: str, here: str) -> dict[str, str]:
        """Return `srcset` values per format, with links relative to the page at `here`."""
        processed = self.image_path(src)
        return {
            fmt: ", ".join(
                f"{relative(here, url_of(src, processed, v))} {v.width}w" for v in processed.of(fmt)
            )
            for fmt in ("avif", "webp", processed.fallback)
            if processed.of(fmt)
        }

    # --- pages ---------------------------------------------------------------------------

    def render(
        self, template: str, path: str, section: str, title: str, user: str = "", **context: Any
    ) -> str:
        if self.bodies is None or any(callable(v) for v in context.values()):
            # a function in the context may record what it is called with (the plan's
            # table of contents): only bodies made from data alone are reused
            return self.render_now(template, path, section, title, user, **context)
        key = self.bodies.key(template, path, section, title, user, sorted(context.items()))
        if key is None:
            return self.render_now(template, path, section, title, user, **context)
        for uses in self.making:
            uses.bodies.add(key)
        hit = self.bodies.get(key)
        if hit is not None:
            for src in hit[1]:
                self.image_path(src)
            return hit[0]
        with self.recording() as uses:
            html = self.render_now(template, path, section, title, user, **context)
        self.bodies.put(key, html, sorted(uses.images))
        return html

    def render_now(
        self, template: str, path: str, section: str, title: str, user: str = "", **context: Any
    ) -> str:
        here = site_path(path, self.lang)

        def url(target: str) -> str:
            return relative(here, site_path(target, self.lang))

        first = [True]  # the first image of a page loads at once; the others lazily

        def eager() -> bool:
            now, first[0] = first[0], False
            return now

        def body_image(src: str) -> richtext.BodyImage | None:
            if src not in self.processed:  # a draft's picture that is not there yet
                return None
            processed = self.image_path(src)
            sets = self.srcsets(src, here)
            largest = processed.of(processed.fallback)[0]
            return richtext.BodyImage(
                src=relative(here, url_of(src, processed, largest)),
                width=processed.width,
                height=processed.height,
                srcsets=sets,
                fallback=processed.fallback,
                colour=processed.colour,
                lazy=not eager(),
            )

        def md(text: Text | None) -> Markup:
            value = self.tr(text)
            html = richtext.render(value, body_image) if value else ""
            return Markup(html)  # noqa: S704 (sanitised by richtext)

        def img(image: Image, sizes: str = SIZES) -> dict[str, Any]:
            processed = self.image_path(image.src)
            largest = processed.of(processed.fallback)[0]
            return {
                "src": relative(here, url_of(image.src, processed, largest)),
                "srcsets": self.srcsets(image.src, here),
                "fallback": processed.fallback,
                "sizes": sizes,
                "width": processed.width,
                "height": processed.height,
                "colour": processed.colour,
                "lazy": not eager(),
                "alt": self.tr(image.alt),
                "caption": self.tr(image.caption),
                "credit": self.written(image.credit),
                "licence": image.licence,
            }

        def asset(target: str) -> str:
            """Link a file at the root of the whole site (shared by both languages)."""
            return relative(here, target)

        tpl = self.env.get_template(template)
        return tpl.render(url=url, img=img, md=md, asset=asset, sections=SECTIONS, title=title,
                          **context)  # fmt: skip

    def add(self, spec: PageSpec) -> None:
        if not spec.list_of and spec.section != "search":  # the pages search indexes
            body, title = search_words(self.synonyms, spec.html)
            spec = dataclasses.replace(spec, search_words=body, title_words=title)
        self.result.pages.append(spec)

    def generate(self) -> Site:
        """Return every page of this language."""
        c = self.content
        fields = sorted(self.visible(c.fields), key=lambda f: (f.order, f.id))
        news = sorted(self.visible(c.news), key=lambda n: (n.date, n.id), reverse=True)
        people = sort_people(self.visible(c.people))
        milestones = sorted(self.visible(c.milestones), key=lambda m: (m.date, m.id))
        commendations = sorted(self.visible(c.commendations), key=lambda x: (x.date, x.id))
        albums = sorted(self.visible(c.albums), key=lambda a: (a.date or dt.date.min, a.id))
        people_by_id = {p.id: p for p in people}
        fields_by_id = {f.id: f for f in fields}

        self.section_page(
            "home",
            "home.html",
            news=news[:HOME_ITEMS],
            fields=fields,
            people=people[:HOME_ITEMS],
            milestones=milestones[-HOME_ITEMS:],
            key_figures=key_figures(fields),
        )
        self.section_page("about", "about.html")
        self.plan_page()
        self.section_page("fields", "fields.html", fields=fields)
        for f in fields:
            self.item_page(
                "fields",
                f,
                "field.html",
                f.title,
                field=f,
                rows=[self.metric_row(f, i, m) for i, m in enumerate(f.metrics)],
                milestones=[m for m in milestones if m.field == f.id],
                news=[n for n in news if f.id in n.fields or n.category == f.id],
                people=[p for p in people if f.id in p.fields],
            )
        years: dict[int, list[Any]] = {}
        for m in milestones:
            years.setdefault(m.date.year, []).append(m)
        self.section_page("timeline", "timeline.html", years=years, fields_by_id=fields_by_id)
        self.section_page(
            "people",
            "people.html",
            people=people,
            fields_by_id=fields_by_id,
            by_field=by_field(people, list(fields_by_id)),
            by_commune=by_commune(people, self.site.communes),
        )
        for p in people:
            self.redirects("people", p)
            awards = [x for x in commendations if p.id in x.recipients]
            self.item_page(
                "people",
                p,
                "person.html",
                p.name,
                person=p,
                awards=awards,
                commune=commune_of(p, self.site.communes),
                fields=[fields_by_id[i] for i in p.fields if i in fields_by_id],
            )
        self.section_page(
            "honours", "honours.html", commendations=commendations, people_by_id=people_by_id
        )
        news_pages.generate(self, news, fields_by_id, people_by_id)
        self.section_page("albums", "albums.html", albums=albums)
        self.section_page("programmes", "programmes.html",
                          programmes=on_air(c.programmes.values(), self.build_date, self.lang,
                                            self.preview))  # fmt: skip
        self.section_page("search", "search.html")
        for a in albums:
            self.item_page("albums", a, "album.html", a.title, album=a)
        if self.bodies is not None:
            self.bodies.prune()
        if self.kept is not None:  # only what this build made or reused
            self.kept.clear()
            self.kept.update(self.kept_now)
        return self.result  # fmt: skip

    def redirects(self, section: str, record: Any) -> None:
        """Keep the old addresses of a renamed item working (its `aliases`, editors' guide)."""
        target = f"{SECTIONS[section]}{record.id}/"
        for alias in record.aliases:
            path = alias if "/" in alias else f"{SECTIONS[section]}{alias}/"
            here = site_path(path, self.lang)
            html = self.env.get_template("redirect.html").render(
                href=relative(here, site_path(target, self.lang)),
                canonical=self.site.base_url + site_path(target, self.lang),
                title=self.tr(record.title if hasattr(record, "title") else record.name),
            )
            self.result.files.append(StaticFile(f"{path}index.html", html))

    def section_page(self, section: str, template: str, **context: Any) -> None:
        path = SECTIONS[section]
        title = self.site_title() if section == "home" else t(section, self.lang)
        html = self.render(template, path, section, title, user=f"content/{section}", **context)
        data = {"home": structured.anniversary, "about": structured.issuer}.get(section)
        ld = ""
        if data is not None:
            ld = structured.script({"@context": "https://schema.org", **data(self.site, self.lang)})
        invented = any(f.illustrative for f, _ in context.get("key_figures", ()))
        about = self.describe(f"desc_{section}")
        self.add(PageSpec(path, section, title, html, about, other_path=path, jsonld=ld,
                          shows_invented=invented))  # fmt: skip

    def describe(self, key: str, **kwargs: str) -> str:
        """A page's description from interface string `key`, with the site's names in it."""
        site = self.site
        names = {"district": self.tr(site.district), "province": self.tr(site.province)}
        return t(key, self.lang, tagline=self.tr(site.tagline), **names, **kwargs)

    def metric_row(self, field: AchievementField, index: int, metric: Metric) -> Row:
        return row(metric, self.num, self.lang, self.tr(metric.label), f"chart-{field.id}-{index}")

    def list_page(
        self, path: str, section: str, template: str, title: str, other_exists: bool, **ctx: Any
    ) -> None:
        """Add a list page; the switcher leads to the section index where the list is missing.

        Only the section's own page is a search result: the lists of a tag, a month, a
        category or a further page repeat their items' titles and summaries, and came up
        beside them for the same words (a quarter of the archive's pages).
        """
        html = self.render(template, path, section, title, user=f"content/{section}", **ctx)
        other = path if other_exists else SECTIONS[section]
        list_of = SECTIONS[section] if path != SECTIONS[section] else ""
        about = self.describe(f"desc_{section}_list", title=title)
        self.add(PageSpec(path, section, title, html, about, other, other_exists, list_of=list_of))

    def site_title(self) -> str:
        return self.tr(self.site.site_name) or self.site.site_name.vi

    def item_page(self, section: str, record: Any, template: str, title: Text, **ctx: Any) -> None:
        if self.kept is None or self.bodies is None:
            self.make_item_page(section, record, template, title, **ctx)
            return
        held: list[Any] = []
        parts = (self.bodies.seed, section, record, template, title, sorted(ctx.items()))
        try:
            key = identity(parts, held)
        except Unkeyed:
            self.make_item_page(section, record, template, title, **ctx)
            return
        kept = self.kept.get(key)
        if kept is None:
            with self.recording() as uses:
                self.make_item_page(section, record, template, title, **ctx)
            kept = Kept(held, self.result.pages[-1], uses)
        else:
            for src in kept.uses.images:
                self.image_path(src)
            self.add(kept.page)
            self.bodies.used.update(kept.uses.bodies)  # its body stays in the body cache
            self.bodies.seen.update(id(r) for r in kept.held)
        self.kept_now[key] = kept

    def make_item_page(
        self, section: str, record: Any, template: str, title: Text, **ctx: Any
    ) -> None:
        path = f"{SECTIONS[section]}{record.id}/"
        text = self.tr(title)
        html = self.render(template, path, section, text, user=record.path, **ctx)
        exists = self.shown(record, "en" if self.lang == "vi" else "vi")
        other = path if exists else SECTIONS[section]
        summary = getattr(record, "summary", None) or getattr(record, "description", None)
        about = self.tr(summary) or self.describe(
            "desc_item", title=text, section=t(section, self.lang)
        )
        url = self.site.base_url + site_path(path, self.lang)
        ld = ""
        sample = bool(getattr(record, "illustrative", False))  # never announced as an entity
        if isinstance(record, NewsItem) and not sample:
            image = self.lead_image(record.image.src)[0] if record.image else None
            ld = structured.script(structured.article(record, self.site, self.lang, url, image))
        elif isinstance(record, Person) and not sample:
            ld = structured.script(structured.exemplar(record, self.lang, url))
        self.add(PageSpec(path, section, text, html, about, other, exists, jsonld=ld,
                          illustrative=sample))  # fmt: skip

    def plan_page(self) -> None:
        plan = self.content.plan
        if plan is None or (self.lang == "en" and not plan.has_en):
            return
        path = SECTIONS["plan"]
        toc: list[tuple[int, str, str]] = []

        def anchor(section: PlanSection, depth: int) -> str:
            assert section.title is not None
            ident = slugify(f"{section.number} {section.title.vi}")
            # the heading's level: plan.html writes a section of `depth` as h(depth + 1)
            toc.append((depth + 1, ident, f"{section.number} {self.tr(section.title)}"))
            return ident

        title = self.tr(plan.title)
        html = self.render("plan.html", path, "plan", title, user=plan.path, plan=plan,
                           anchor=anchor, fields=self.content.fields)  # fmt: skip
        exists = plan.has_en or self.lang == "en"
        self.add(PageSpec(path, "plan", t("plan", self.lang), html, title,
                          path if exists else SECTIONS["home"], exists, tuple(toc)))  # fmt: skip
