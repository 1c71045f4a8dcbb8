"""Material's search index as the build writes it: no empty hits, and the pages kept out of it."""

from __future__ import annotations

import json
import re

from site_model import page_url, talks


def _docs(site) -> list[dict]:
    return json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]


def test_every_section_in_the_index_has_text_to_show(site):
    """A heading whose section is left out of search (related talks) must not leave an empty
    hit behind, titled with the page's title, that leads nowhere useful."""
    empty = [d["location"] for d in _docs(site) if "#" in d["location"] and not d["text"].strip()]
    assert not empty, empty


def test_papers_and_map_pages_are_not_searched_but_every_talk_is(site):
    pages = {d["location"].split("#")[0] for d in _docs(site)}
    assert "papers/" not in pages and "map/" not in pages
    assert {t.src_uri[: -len(".md")] + "/" for t in talks()} <= pages


def test_no_control_of_the_references_is_indexed(site):
    """A reference's BibTeX control and its back-links are controls, not text: indexed, every
    talk's references were a hit for "bibtex", and each hit's preview showed a row of ↩."""
    labels = [d["location"] for d in _docs(site) if re.search(r"(^|>)BibTeX(<|$)", d["text"])]
    arrows = [d["location"] for d in _docs(site) if "\u21a9" in d["text"]]
    assert not labels and not arrows, (labels, arrows)


def test_the_glossary_is_found_by_its_terms_not_by_the_talks_that_use_them(site):
    """A glossary entry lists the talks that use its term: indexed, every term a talk uses was a
    hit for that talk's title."""
    glossary = [d for d in _docs(site) if d["location"].startswith("glossary/")]
    assert glossary and any("Generative Adversarial Network" in d["text"] for d in glossary)
    assert not [d["location"] for d in glossary if "Used in" in d["text"]]


def test_each_talk_has_its_keywords_and_only_at_its_top(site):
    """A talk's keywords field (summit/search_terms.py) carries its speakers' names and their
    other spellings, boosted: without it a short name such as "Li" ranks below "LinkedIn"."""
    docs = _docs(site)
    with_keywords = {d["location"]: d["keywords"] for d in docs if "keywords" in d}
    assert set(with_keywords) == {page_url(t.src_uri) for t in talks()}
    for talk in talks():
        keywords = with_keywords[page_url(talk.src_uri)]
        assert all(s.name in keywords for s in talk.speakers), (talk.src_uri, keywords)
        # The recap's heading for a talk whose official title differs stays findable.
        assert talk.recap_title in keywords, (talk.src_uri, keywords)
    assert any(t.recap_title for t in talks())


def test_citation_numbers_are_not_indexed(site):
    """A citation's marker is a footnote's number: indexed, each hit's preview was sprinkled
    with superscript numbers that lead nowhere from the search results."""
    numbered = [d["location"] for d in _docs(site) if re.search(r"<sup>\d+</sup>", d["text"])]
    assert not numbered, numbered
