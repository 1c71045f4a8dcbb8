"""scripts/scale_project.py: the benchmark's scaled copy of the notes, checked without building.

The copy is loaded by the core (summit.corpus.load), which fails on any inconsistency between
front matter, references.bib and tags.yml; the tests then check that everything scaled by k and
that no key, tag, speaker, surname or title is shared between copies.
"""

from __future__ import annotations

import datetime
import re
from collections import defaultdict
from pathlib import Path

import pytest

import scale_project
from builds import ROOT
from summit.sources import bibliography
from summit import corpus as corpus_loader
from summit.derived.related_talks import related_talks

K = 3
COPY = re.compile(r"-c(\d+)$")


def load(project: Path):
    return corpus_loader.load(project / "docs", project / "references.bib", project / "tags.yml",
                              datetime.date(2021, 1, 1))


def copy_of(name: str) -> int:
    """Which copy a key or a page slug belongs to (1: the original)."""
    match = COPY.search(name)
    return int(match.group(1)) if match else 1


@pytest.fixture(scope="module")
def original():
    return load(ROOT)


@pytest.fixture(scope="module")
def scaled(tmp_path_factory):
    return load(scale_project.scale(tmp_path_factory.mktemp("scaled") / "project", K))


def test_suffixes_are_letters_and_distinct():
    suffixes = [scale_project.suffix(i) for i in range(2, 60)]
    assert scale_project.suffix(2) == "cb" and scale_project.suffix(10) == "cj"
    assert all(s.isalpha() and s.islower() for s in suffixes)
    assert len(set(suffixes)) == len(suffixes)


@pytest.mark.parametrize("name, renamed", [
    ("Grover, Aditya", "Grovercc, Aditya"),
    ("van der Schaar, Mihaela", "van der Schaarcc, Mihaela"),
    ("{Ag{\\\"u}era y Arcas}, Blaise", "{Ag{\\\"u}era y Arcas}cc, Blaise"),
    ("Baudi{\\v{s}}, Petr", "Baudi{\\v{s}}cc, Petr"),
    ("King, Jr, Martin", "Kingcc, Jr, Martin"),
    ("{Salesforce Research}", "{Salesforce Research}cc"),
    ("Aditya Grover", "Aditya Grovercc"),
])
def test_surname_gets_the_suffix(name, renamed):
    assert scale_project.rename_person(name, 3) == renamed


def test_names_split_at_and_outside_braces():
    value = "Choi, Kristy and {Research and Development} and Grover, Aditya"
    assert scale_project.rename_names(value, 2) == "Choicb, Kristy and {Research and Development}cb and Grovercb, Aditya"


def test_citations_renamed_footnotes_and_unknown_keys_kept():
    body = "A [@a] and [@a; @b], a footnote[^1], mail [x@y] and `code`.\n"
    assert scale_project.rename_citations(body, {"a", "b"}, 2) == \
        "A [@a-c2] and [@a-c2; @b-c2], a footnote[^1], mail [x@y] and `code`.\n"


def test_k1_is_the_project_unchanged(tmp_path):
    project = scale_project.scale(tmp_path / "project", 1)
    for name in ("references.bib", "tags.yml"):
        assert (project / name).read_text(encoding="utf-8") == (ROOT / name).read_text(encoding="utf-8")
    assert sorted(p.relative_to(project).as_posix() for p in (project / "docs").rglob("*")) == \
        sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "docs").rglob("*") if "__pycache__" not in p.parts)


def test_counts_scale_by_k(original, scaled):
    assert len(scaled.talks) == K * len(original.talks)
    assert len(scaled.bib.keys) == K * len(original.bib.keys)
    assert len(scaled.vocabulary) == K * len(original.vocabulary)
    assert len(scaled.sections) == len(original.sections)
    speakers = {s.name for t in scaled.talks for s in t.speakers}
    assert len(speakers) == K * len({s.name for t in original.talks for s in t.speakers})
    slides = list((scaled.docs_dir / "assets/slides").glob("*.svg"))
    assert len(slides) == K * len(list((ROOT / "docs/assets/slides").glob("*.svg")))


def test_every_entry_cited_and_bib_checks_pass(scaled):
    assert scaled.uncited() == []
    for key in scaled.bib.keys:  # load() checked them; the copies keep the canonical links
        bibliography.check_entry(scaled.bib, key)
        assert bibliography.KEY_CHARS.match(key)


def test_talk_numbers_continue_in_each_section(original, scaled):
    for before, after in zip(original.sections, scaled.sections):
        n = len(before.talks)
        assert [t.number for t in after.talks] == [f"{after.number}.{m}" for m in range(1, K * n + 1)]
        assert {Path(t.src_uri).parent for t in after.talks} == {Path(before.src_uri).parent}


def test_nothing_shared_between_copies(scaled):
    owners: dict[tuple[str, str], set[int]] = defaultdict(set)
    for talk in scaled.talks:
        i = copy_of(talk.slug)
        owners["title", talk.title].add(i)
        for speaker in talk.speakers:
            owners["speaker", speaker.name].add(i)
        for tag in talk.tags:
            owners["tag", tag].add(i)
        for key in scaled.cites[talk.src_uri]:
            owners["key", key].add(i)
            assert copy_of(key) == i, (talk.src_uri, key)
        for key in talk.links.values():
            assert copy_of(key) == i, (talk.src_uri, key)
    for key in scaled.bib.keys:
        for person in scaled.bib.authors(key):
            owners["surname", bibliography.surname(person)].add(copy_of(key))
    shared = {what: copies for what, copies in owners.items() if len(copies) > 1}
    assert shared == {}
    for talk, relations in related_talks(scaled).items():  # sections are shared: their fill-ins may cross
        scored = [r for r in relations if not r.reasons[0].startswith("same section")]
        assert all(copy_of(r.talk.slug) == copy_of(talk.slug) for r in scored), talk.src_uri


def test_copies_match_their_works_as_the_originals_do(original, scaled):
    by_slug = {t.slug: t for t in scaled.talks}
    for talk in original.talks:
        for i in range(1, K + 1):
            twin = by_slug[talk.slug if i == 1 else f"{talk.slug}-c{i}"]
            assert twin.title == (talk.title if i == 1 else f"{talk.title} (copy {i})")
            assert twin.links == {kind: key if i == 1 else f"{key}-c{i}" for kind, key in talk.links.items()}
            for speaker, copy in zip(talk.speakers, twin.speakers, strict=True):
                expected = [k if i == 1 else f"{k}-c{i}" for k in original.works_by(speaker)]
                assert scaled.works_by(copy) == expected, copy.name
