"""Relations put into words: full lines for the table and tooltips, short ones for the map's
caption, where space is one short line per reason."""

from __future__ import annotations

from collections.abc import Mapping

from summit.derived.relations import Relation


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def full_reasons(relation: Relation, work_titles: Mapping[str, str]) -> tuple[str, ...]:
    """One line per kind of thing shared, naming each tag, work and person."""
    lines = []
    if relation.topics:
        lines.append("Topics: " + ", ".join(relation.topics))
    if relation.works:
        lines.append("Both cite: " + "; ".join(work_titles[key] for key in relation.works))
    if relation.speakers:
        lines.append("Same speaker: " + ", ".join(relation.speakers))
    for authorship in relation.authorships:
        titles = "; ".join(work_titles[key] for key in authorship.works)
        lines.append(f"{authorship.citing} cites work by {authorship.speaker}: {titles}")
    return tuple(lines)


def short_reasons(relation: Relation) -> tuple[str, ...]:
    """The same kinds, with works counted instead of named."""
    lines = []
    if relation.topics:
        lines.append("Topics: " + ", ".join(relation.topics))
    if relation.works:
        lines.append("Both cite " + _count(len(relation.works), "work"))
    if relation.speakers:
        lines.append("Same speaker: " + ", ".join(relation.speakers))
    for authorship in relation.authorships:
        lines.append(
            f"{authorship.citing} cites {_count(len(authorship.works), 'work')} by {authorship.speaker}"
        )
    return tuple(lines)


def weight_text(relation: Relation) -> str:
    return _count(relation.weight, "thing") + " in common"
