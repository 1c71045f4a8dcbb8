"""Finding talks: a reader's query, typed into Material's search box, puts the right talk first.

The queries and the talk each must find are in tests/search_queries.yml. One browser page
serves every query (the search index loads once), and every miss is reported together.
"""

from __future__ import annotations

import pytest

from search_driver import load_queries, type_all
from site_model import talks

QUERIES = load_queries()


@pytest.fixture(scope="module")
def typed(browser, server) -> dict[str, tuple[str, str]]:
    """Every query typed into one page's search box: its first result and correction shown."""
    return type_all(browser, server, [query.text for query in QUERIES])


@pytest.fixture(scope="module")
def first_results(typed) -> dict[str, str]:
    return {text: first for text, (first, _) in typed.items()}


def talk_path(talk) -> str:
    return talk.src_uri[: -len(".md")] + "/"


def test_queries_cover_every_talk_and_speaker():
    assert len(QUERIES) >= 45
    assert {q.expect for q in QUERIES} == {talk_path(t) for t in talks()}, "every talk is some query's answer"
    asked = " | ".join(q.text.lower() for q in QUERIES)
    missing = [s.name for t in talks() for s in t.speakers if s.name.lower() not in asked]
    assert not missing, f"speakers nobody searches for: {missing}"


def test_each_query_finds_its_talk_first(first_results):
    misses = [
        f"  {q.text!r} ({q.why}): expected {q.expect}, first result {first_results[q.text] or '(none)'}"
        for q in QUERIES
        if first_results[q.text] != q.expect
    ]
    assert not misses, f"{len(misses)} of {len(QUERIES)} queries miss their talk:\n" + "\n".join(misses)


def test_correctly_spelled_queries_are_searched_as_typed(typed):
    """The typo corrector only touches words that no indexed word starts with and that have no
    close form in the index, so no query here says it was searched as something else
    (tests/test_search_typos.py covers the rest; tests/test_search_questions.py the re-ranking)."""
    corrected = {text: note for text, (_, note) in typed.items() if note}
    assert not corrected, f"correctly spelled queries were corrected: {corrected}"
