"""Related talks, computed at build time from what two talks share."""

from __future__ import annotations

from . import state
from .talks import Talk, all_talks
from .works import authored_by

SHARED_TAG = 2
SHARED_WORK = 3
SPEAKER_WORK = 3  # one talk cites work by the other talk's speaker
SAME_SECTION = 1


def _works(talk: Talk) -> set[str]:
    return {k for k in state.cites.get(talk.src_uri, []) if not k.startswith("talk-")}


def _speaker_works(talk: Talk) -> set[str]:
    return {key for speaker in talk.speakers for key in authored_by(speaker)}


def score(a: Talk, b: Talk) -> tuple[int, list[str]]:
    tags = sorted(set(a.tags) & set(b.tags))
    works = _works(a) & _works(b)
    crossed = (_works(a) & _speaker_works(b)) | (_works(b) & _speaker_works(a))
    total = SHARED_TAG * len(tags) + SHARED_WORK * len(works) + SPEAKER_WORK * len(crossed - works)
    if total and a.section is b.section:
        total += SAME_SECTION
    reasons = []
    if tags:
        reasons.append("shared topics: " + ", ".join(tags))
    if works:
        reasons.append(f"{len(works)} cited work{'s' if len(works) > 1 else ''} in common")
    for x, y in ((a, b), (b, a)):
        authored = _works(x) & _speaker_works(y) - works
        if authored:
            names = [s.name for s in y.speakers if any(k in authored_by(s) for k in authored)]
            reasons.append(f"talk {x.number} cites work by {' and '.join(names)}")
    return total, reasons


def related(talk: Talk, limit: int = 3) -> list[tuple[Talk, list[str]]]:
    scored = []
    for other in all_talks(state.sections):
        if other is talk:
            continue
        total, reasons = score(talk, other)
        if total > 0:
            scored.append((total, other.sort_key, other, reasons))
    scored.sort(key=lambda item: (-item[0], item[1]))
    chosen = [(other, reasons) for _, _, other, reasons in scored[:limit]]
    # A reader always gets at least two ways on: fall back on the talk's own section.
    for other in talk.section.talks:
        if len(chosen) >= 2:
            break
        if other is not talk and all(other is not c for c, _ in chosen):
            chosen.append((other, [f"same section: {talk.section.title}"]))
    return chosen
