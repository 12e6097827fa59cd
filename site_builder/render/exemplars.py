"""Exemplars in Vietnamese order, grouped by field and by commune."""

from __future__ import annotations

from ..content.model import Commune, Person
from ..text.collation import key, person_key
from ..text.slugs import commune_key


def sort_people(people: list[Person]) -> list[Person]:
    """Individuals by given name, then the rest; collectives by their full name."""
    return sorted(people, key=lambda p: (person_key(p.name.vi, p.kind == "individual"), p.id))


def by_field(people: list[Person], field_ids: list[str]) -> list[tuple[str, list[Person]]]:
    groups = [(f, [p for p in people if f in p.fields]) for f in field_ids]
    return [(f, members) for f, members in groups if members]


def by_commune(
    people: list[Person], communes: tuple[Commune, ...]
) -> list[tuple[Commune, list[Person]]]:
    known = {commune_key(c.name.vi): c for c in communes}
    groups: dict[str, list[Person]] = {}
    for person in people:
        if person.commune and commune_key(person.commune) in known:
            groups.setdefault(commune_key(person.commune), []).append(person)
    ordered = sorted(groups, key=lambda k: key(known[k].name.vi))
    return [(known[k], groups[k]) for k in ordered]


def commune_of(person: Person, communes: tuple[Commune, ...]) -> Commune | None:
    if not person.commune:
        return None
    return next(
        (c for c in communes if commune_key(c.name.vi) == commune_key(person.commune)), None
    )
