"""Related talks: the talks that share the most with a talk (relations.py: the relations the map
draws, in the same words), ranked by the map's weight, so a talk's related talks are its
thickest arcs."""

from __future__ import annotations

from typing import NamedTuple

from summit.corpus import Corpus
from summit.derived.relations import corpus_relations, in_words
from summit.sources.talks import Talk

LIMIT = 3
MINIMUM = 2  # a reader always gets at least this many ways on (the section fills in)


class RelatedTalk(NamedTuple):
    talk: Talk
    reasons: tuple[str, ...]


def related_talks(corpus: Corpus) -> dict[Talk, list[RelatedTalk]]:
    """Up to LIMIT related talks for every talk, most shared first; ties go to the talk's own
    section, then follow talk order."""
    by_number = {t.number: t for t in corpus.talks}
    relations = corpus_relations(corpus)
    out = {}
    for talk in corpus.talks:
        # this talk's relations, each with the other talk
        others = {r: by_number[r.b if r.a == talk.number else r.a] for r in relations if talk.number in (r.a, r.b)}
        best = sorted(others, key=lambda r: (-r.weight, others[r].section is not talk.section, others[r].sort_key))
        chosen = [RelatedTalk(others[r], in_words(r)) for r in best[:LIMIT]]
        for other in talk.section.talks:
            if len(chosen) >= MINIMUM:
                break
            if other is not talk and all(other is not c.talk for c in chosen):
                chosen.append(RelatedTalk(other, (f"Same section: {talk.section.title}",)))
        out[talk] = chosen
    return out
