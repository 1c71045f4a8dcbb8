"""What two talks share: topic tags, cited works, and people (a speaker of one talk wrote a
work the other talk cites, or both talks have the same speaker).

Plain data in, plain data out, in the order the talks are given: the map of the summit draws
these relations, and its text table lists them.
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
