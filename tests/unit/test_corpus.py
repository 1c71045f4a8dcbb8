"""The corpus: talks from front matter, who cites what, speakers' works, bad front matter."""

from __future__ import annotations

import re

import pytest

from summit.errors import SourceError

from conftest import load, talk_page


def test_talks_sections_and_citations(project):
    corpus = load(project)
    assert [s.title for s in corpus.sections] == ["Generative", "Ethics"]
    fair, audit = corpus.talks
    # A talk's own entry is not among its references: its page is what cites it.
    assert corpus.cites["gen/fair.md"] == ["choi2020fairgen", "shared-work"]
    assert corpus.cited_by["talk-fair"] == ["gen/fair.md"]
    assert corpus.cited_by["shared-work"] == ["ethics/audit.md", "gen/fair.md"]
    assert corpus.cited_works(audit) == ["raji2019actionable", "shared-work", "choi2020fairgen"]


def test_speaker_works_match_surname_and_a_given_name(project):
    corpus = load(project)
    fair, audit = corpus.talks
    assert corpus.works_by(fair.speakers[0]) == ["choi2020fairgen"]
    # "Deborah Raji" is BibTeX's "Raji, Inioluwa Deborah"
    assert corpus.works_by(audit.speakers[0]) == ["raji2019actionable"]


def test_uncited_entries_are_named(project):
    bib = project / "references.bib"
    bib.write_text(bib.read_text() + "\n@misc{lonely,\n  title = {L},\n  url = {https://x.org/l}\n}\n")
    assert load(project).uncited() == ["references.bib:39: entry 'lonely' is not cited by any page"]


@pytest.mark.parametrize("old, new, message", [
    ("description: One line.", "summary: One line.", r"docs/gen/fair\.md: front matter is missing required field 'description'"),
    ("Fairness and bias]", "Fairnes and bias]", r"docs/gen/fair\.md: tag 'Fairnes and bias' is not in the vocabulary tags\.yml \(did you mean: Fairness and bias"),
    ('number: "1.1"', 'number: "2.1"', r"docs/gen/fair\.md: talk number 2\.1 does not belong to section 1"),
    ("Aditya Grover", "Adam Grover", r"references\.bib:\d+: authors of 'talk-fair' differ from the speakers in docs/gen/fair\.md"),
    ("title: Fair Generative Modeling", "title: Fair Modeling", r"title of 'talk-fair' differs from the title in docs/gen/fair\.md"),
    ("tags: [", "tags: [[", r"docs/gen/fair\.md:\d+: front matter is not valid YAML"),
])
def test_bad_front_matter_fails_with_one_line(project, old, new, message):
    page = project / "docs/gen/fair.md"
    text = page.read_text()
    assert old in text
    page.write_text(text.replace(old, new, 1))
    with pytest.raises(SourceError, match=message):
        load(project)


def test_unknown_citation_key_on_a_page(project):
    page = project / "docs/gen/fair.md"
    page.write_text(page.read_text() + "More [@choi2020fairgne].\n")
    with pytest.raises(SourceError, match=r"docs/gen/fair\.md:12: unknown citation key 'choi2020fairgne'"):
        load(project)


def test_talk_page_in_a_folder_without_section(project):
    (project / "docs/lost").mkdir()
    (project / "docs/lost/talk.md").write_text(talk_page("Lost", "3.1", "Aditya Grover", ["AI ethics", "Privacy"], ""))
    with pytest.raises(SourceError):
        load(project)


def _renumber(page, old: str, new: str) -> None:
    text = page.read_text()
    assert old in text
    page.write_text(text.replace(old, new, 1))


def test_two_digit_section_and_talk_numbers_sort_as_integers(project):
    """Sections 9 and 10, talks 10.3 and 10.12: as strings "10" < "9" and "10.12" < "10.3"."""
    _renumber(project / "docs/gen/index.md", "number: 1", "number: 9")
    _renumber(project / "docs/gen/fair.md", 'number: "1.1"', 'number: "9.1"')
    _renumber(project / "docs/ethics/index.md", "number: 2", "number: 10")
    _renumber(project / "docs/ethics/audit.md", 'number: "2.1"', 'number: "10.12"')
    (project / "docs/ethics/later.md").write_text(talk_page(
        "Later", "10.3", "Ann Later", ["AI ethics", "Privacy"], "Audits [@raji2019actionable].\n"))
    bib = project / "references.bib"
    bib.write_text(bib.read_text() + "\n@misc{talk-later,\n  author = {Later, Ann},\n  title = {Later},\n"
                   "  howpublished = {Talk at the summit},\n  year = {2021}\n}\n")
    tags = project / "tags.yml"
    tags.write_text(tags.read_text() + "Privacy: Data kept to oneself.\n")
    corpus = load(project)
    assert [s.number for s in corpus.sections] == [9, 10]
    assert [[t.number for t in s.talks] for s in corpus.sections] == [["9.1"], ["10.3", "10.12"]]
    assert [t.sort_key for t in corpus.sections[1].talks] == [(10, 3), (10, 12)]


@pytest.mark.parametrize("number", ["0.1", "1.0", "01.2", "1.01", "4", "4.1.2", "1.a", "10"])
def test_malformed_talk_number_fails_with_one_line(project, number):
    _renumber(project / "docs/gen/fair.md", 'number: "1.1"', f'number: "{number}"')
    with pytest.raises(SourceError, match=rf"^docs/gen/fair\.md: front matter 'number' must look like \"4\.1\", "
                                          rf"got '{re.escape(number)}'$"):
        load(project)


@pytest.mark.parametrize("number", ["0", "\"01\"", "1.5", "one", "true", "-3"])
def test_malformed_section_number_fails_with_one_line(project, number):
    _renumber(project / "docs/gen/index.md", "number: 1", f"number: {number}")
    with pytest.raises(SourceError, match=r"^docs/gen/index\.md: front matter 'number' must be a whole number "
                                          r"like 4, got "):
        load(project)


@pytest.mark.parametrize("works, message", [
    ("[choi2020fairgen, raji2019actionable]", r"docs/gen/fair\.md: works names 'raji2019actionable', which the notes do not cite"),
    ("[choi2020fairgne]", r"docs/gen/fair\.md: works names unknown references\.bib key 'choi2020fairgne'"),
    ("[choi2020fairgen, shared-work, talk-fair, talk-audit]", r"docs/gen/fair\.md: front matter 'works' names 4 works"),
    ("choi2020fairgen", r"docs/gen/fair\.md: front matter 'works' must be a list of references\.bib keys"),
])
def test_works_in_front_matter_are_a_few_cited_entries(project, works, message):
    """Front matter `works:` (the header's doors of a talk without links) names at most three
    references.bib entries the notes cite."""
    page = project / "docs/gen/fair.md"
    page.write_text(page.read_text().replace("description: One line.", f"description: One line.\nworks: {works}", 1))
    with pytest.raises(SourceError, match=message):
        load(project)


def test_works_in_front_matter_are_read(project):
    page = project / "docs/gen/fair.md"
    page.write_text(page.read_text().replace("description: One line.", "description: One line.\nworks: [choi2020fairgen]", 1))
    assert load(project).talk_at("gen/fair.md").works == ["choi2020fairgen"]
