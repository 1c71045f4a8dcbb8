"""What two talks share: topic tags, cited works, and people (a speaker of one talk wrote a
work the other talk cites, or both talks have the same speaker), and the same in words.

Plain data in, plain data out, in the order the talks are given: the map of the summit draws
these relations, and its text table lists them; a talk page's related talks give their reasons.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import combinations
from typing import NamedTuple

from summit.corpus import Corpus


class Authorship(NamedTuple):
    """Talk `citing` cites `works` written by `speaker`, who spoke in the other talk."""

    citing: str
    speaker: str
    works: tuple[str, ...]


class Relation(NamedTuple):
    """Two talks (ids in the given talk order, a before b) and everything they share."""

    a: str
    b: str
    topics: tuple[str, ...]
    works: tuple[str, ...]
    speakers: tuple[str, ...]
    authorships: tuple[Authorship, ...]

    @property
    def weight(self) -> int:
        """How many things the two talks share: each tag, work and person counts once."""
        return (len(self.topics) + len(self.works) + len(self.speakers)
                + sum(len(authorship.works) for authorship in self.authorships))


def _in_order(items: set[str], order: Sequence[str]) -> tuple[str, ...]:
    # Sets have no stable order across runs (string hashing is salted): follow the input's order.
    return tuple(item for item in dict.fromkeys(order) if item in items)


def _authorships(citing: str, cited: Sequence[str], authored: Mapping[str, Sequence[str]],
                 already_shared: set[str]) -> list[Authorship]:
    # A work both talks cite is already counted as shared; count it once.
    by_speaker = [(speaker, set(works) & set(cited) - already_shared) for speaker, works in authored.items()]
    return [Authorship(citing, speaker, _in_order(keys, cited)) for speaker, keys in by_speaker if keys]


def relate(talks: Sequence[str], topics: Mapping[str, Sequence[str]], cited: Mapping[str, Sequence[str]],
           authored: Mapping[str, Mapping[str, Sequence[str]]]) -> list[Relation]:
    """Every pair of talks that shares something, in talk order (a's position, then b's).

    talks: the talk ids in reading order; topics: id -> tags; cited: id -> cited work keys
    (the talk's own entry excluded); authored: id -> speaker name -> keys of works by them.
    """
    relations = []
    for a, b in combinations(talks, 2):
        shared_topics = _in_order(set(topics[a]) & set(topics[b]), topics[a])
        shared_works = set(cited[a]) & set(cited[b])
        shared_speakers = _in_order(set(authored[a]) & set(authored[b]), list(authored[a]))
        authorships = _authorships(a, cited[a], authored[b], shared_works)
        authorships += _authorships(b, cited[b], authored[a], shared_works)
        relation = Relation(a, b, shared_topics, _in_order(shared_works, cited[a]), shared_speakers, tuple(authorships))
        if relation.weight:
            relations.append(relation)
    return relations


def corpus_relations(corpus: Corpus) -> list[Relation]:
    """relate() over the corpus's talks, identified by their numbers."""
    talks = corpus.talks
    return relate(
        [t.number for t in talks],
        topics={t.number: t.tags for t in talks},
        cited={t.number: corpus.cited_works(t) for t in talks},
        authored={t.number: {s.name: corpus.works_by(s) for s in t.speakers} for t in talks},
    )


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def in_words(relation: Relation, titles: Mapping[str, str] | None = None) -> tuple[str, ...]:
    """One line per kind of thing shared, works counted: one wording for the map and the related
    talks. With titles (key -> title: the map's table and tooltips), each line on works names them."""

    def named(keys: Sequence[str]) -> str:
        return ": " + "; ".join(titles[key] for key in keys) if titles else ""

    lines = []
    if relation.topics:
        lines.append("Topics: " + ", ".join(relation.topics))
    if relation.works:
        lines.append("Both cite " + _count(len(relation.works), "work") + named(relation.works))
    if relation.speakers:
        lines.append("Same speaker: " + ", ".join(relation.speakers))
    for authorship in relation.authorships:
        works = _count(len(authorship.works), "work")
        lines.append(f"{authorship.citing} cites {works} by {authorship.speaker}" + named(authorship.works))
    return tuple(lines)


def weight_text(relation: Relation) -> str:
    return _count(relation.weight, "thing") + " in common"
