"""Related talks, computed at build time from what two talks share.

Only pairs that share something are scored, found through indexes (tag -> talks, work ->
talks citing it, work -> talks whose speakers wrote it), so the cost follows the number of
shared facts, not the square of the number of talks.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from .corpus import Corpus
from .talks import Talk

SHARED_TAG = 2
SHARED_WORK = 3
SPEAKER_WORK = 3  # one talk cites work by the other talk's speaker
SAME_SECTION = 1
LIMIT = 3
MINIMUM = 2  # a reader always gets at least this many ways on (the section fills in)


@dataclass(frozen=True)
class Relation:
    talk: Talk
    reasons: list[str]


@dataclass
class _Facts:
    works: set[str]  # works the talk cites
    authored: dict[str, list[str]]  # work -> names of the talk's speakers who wrote it


def _facts(corpus: Corpus) -> dict[Talk, _Facts]:
    facts = {}
    for talk in corpus.talks:
        authored: dict[str, list[str]] = defaultdict(list)
        for speaker in talk.speakers:
            for key in corpus.works_by(speaker):
                authored[key].append(speaker.name)
        facts[talk] = _Facts(set(corpus.cited_works(talk)), dict(authored))
    return facts


def _candidates(corpus: Corpus, facts: dict[Talk, _Facts]) -> dict[Talk, set[Talk]]:
    """For each talk, the talks it shares a tag, a cited work or an authored work with."""
    groups: dict[tuple[str, str], list[Talk]] = defaultdict(list)
    for talk in corpus.talks:
        for tag in talk.tags:
            groups["tag", tag].append(talk)
        for key in facts[talk].works | set(facts[talk].authored):
            groups["work", key].append(talk)
    out: dict[Talk, set[Talk]] = defaultdict(set)
    for members in groups.values():
        for talk in members:
            out[talk].update(members)
    return out


def _score(a: Talk, b: Talk, facts: dict[Talk, _Facts]) -> tuple[int, list[str]]:
    fa, fb = facts[a], facts[b]
    tags = sorted(set(a.tags) & set(b.tags))
    works = fa.works & fb.works
    reasons = []
    if tags:
        reasons.append("shared topics: " + ", ".join(tags))
    if works:
        reasons.append(f"{len(works)} cited work{'s' if len(works) > 1 else ''} in common")
    crossed: set[str] = set()
    for x, fx, y, fy in ((a, fa, b, fb), (b, fb, a, fa)):
        authored = sorted((fx.works & set(fy.authored)) - works)
        if authored:
            crossed.update(authored)
            names = [s.name for s in y.speakers if any(s.name in fy.authored[key] for key in authored)]
            reasons.append(f"talk {x.number} cites work by {' and '.join(names)}")
    total = SHARED_TAG * len(tags) + SHARED_WORK * len(works) + SPEAKER_WORK * len(crossed)
    if total and a.section is b.section:
        total += SAME_SECTION
    return total, reasons


def related_talks(corpus: Corpus) -> dict[Talk, list[Relation]]:
    """Up to LIMIT related talks for every talk, best first; ties in talk order."""
    facts = _facts(corpus)
    candidates = _candidates(corpus, facts)
    out = {}
    for talk in corpus.talks:
        scored = []
        for other in candidates[talk]:
            if other is not talk:
                total, reasons = _score(talk, other, facts)
                if total > 0:
                    scored.append((-total, other.sort_key, other, reasons))
        scored.sort(key=lambda item: item[:2])
        chosen = [Relation(other, reasons) for _, _, other, reasons in scored[:LIMIT]]
        for other in talk.section.talks:
            if len(chosen) >= MINIMUM:
                break
            if other is not talk and all(other is not c.talk for c in chosen):
                chosen.append(Relation(other, [f"same section: {talk.section.title}"]))
        out[talk] = chosen
    return out
