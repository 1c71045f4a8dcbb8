"""Related talks: the talks that share the most with a talk, with the reasons in words.

What two talks share comes from relations.py (the same relations the map draws, in the same
words); this module weighs them for the "Related talks" list at the end of each talk page.
"""

from __future__ import annotations

from collections import defaultdict
from typing import NamedTuple

from summit.corpus import Corpus
from summit.derived.relations import Relation, corpus_relations, in_words
from summit.sources.talks import Talk

SHARED_TAG = 2
SHARED_WORK = 3
SPEAKER_WORK = 3  # one talk cites work by the other talk's speaker
SHARED_SPEAKER = 3
SAME_SECTION = 1
LIMIT = 3
MINIMUM = 2  # a reader always gets at least this many ways on (the section fills in)


class RelatedTalk(NamedTuple):
    talk: Talk
    reasons: tuple[str, ...]


def score(relation: Relation, same_section: bool) -> int:
    authored = {key for authorship in relation.authorships for key in authorship.works}
    total = (SHARED_TAG * len(relation.topics) + SHARED_WORK * len(relation.works)
             + SPEAKER_WORK * len(authored) + SHARED_SPEAKER * len(relation.speakers))
    return total + SAME_SECTION if total and same_section else total


def related_talks(corpus: Corpus, relations: list[Relation] | None = None) -> dict[Talk, list[RelatedTalk]]:
    """Up to LIMIT related talks for every talk, best first; ties in talk order. relations: the
    corpus's (corpus_relations), when the caller has them already."""
    by_number = {t.number: t for t in corpus.talks}
    scored: dict[Talk, list[tuple[int, tuple[int, int], Talk, Relation]]] = defaultdict(list)
    for relation in corpus_relations(corpus) if relations is None else relations:
        a, b = by_number[relation.a], by_number[relation.b]
        total = score(relation, a.section is b.section)
        scored[a].append((-total, b.sort_key, b, relation))
        scored[b].append((-total, a.sort_key, a, relation))
    out = {}
    for talk in corpus.talks:
        best = sorted(scored[talk], key=lambda item: item[:2])[:LIMIT]
        chosen = [RelatedTalk(other, in_words(relation)) for _, _, other, relation in best]
        for other in talk.section.talks:
            if len(chosen) >= MINIMUM:
                break
            if other is not talk and all(other is not c.talk for c in chosen):
                chosen.append(RelatedTalk(other, (f"Same section: {talk.section.title}",)))
        out[talk] = chosen
    return out
