"""A reader's walk (issue 25), items 10 and 11: search as a reader asks and reads.

10. Questions in a reader's own words find the talk: stop words do not swamp the ranking, a
    page matching more of the query's words comes first, and a word matches its close forms
    ("taxes"/"tax", "ethically"/"ethics", "colour"/"color"). The questions are in
    tests/search_questions.yml.
11. Result cards that read: one card per page, "Page › Section" over one line, the page's
    description for every talk, and marks only on the words the query searched.

The rewriting, re-ranking and cards are search-typos-worker.js's (inside Material's worker);
the section's anchor on each card's link is search-typos.js's.
"""

from __future__ import annotations

import json
import re
from urllib.parse import urlsplit

import pytest
import yaml

from search_driver import (TESTS, assert_few_miss, clear_query, correction, enter_query, instrument, load_queries,
                           open_search, type_all)
from site_model import talks

QUESTIONS_FILE = TESTS / "search_questions.yml"
QUESTIONS = load_queries(QUESTIONS_FILE)
# lunr's English stop words that the questions use (lunr.stopWordFilter drops the same).
STOP = set("""a about all an and any are as at be but by can could do does for from had has have how
i if in into is it its just may me might my no not of on or our should so than that the their them
then there these they this to too us was we were what when where which while who whom why will
with would you your""".split())
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}

# What a card shows, in the order Material rendered the results.
CARDS = """
() => [...document.querySelectorAll('.md-search-result__list > .md-search-result__item')].map(item => ({
  links: [...item.querySelectorAll('a.md-search-result__link')].map(a => a.href),
  title: item.querySelector('h1, h2').textContent,
  lines: [...item.querySelectorAll('article > p')].map(p => p.textContent),
  marks: [...item.querySelectorAll('mark')].map(m => m.textContent),
  more: item.querySelectorAll('details, nav.md-tags, .md-search-result__terms').length,
}))
"""


def talk_path(talk) -> str:
    return talk.src_uri[: -len(".md")] + "/"


def words(text: str) -> list[str]:
    return [w for w in re.split(r"[^\w]+", text.lower()) if w and w not in STOP]


def root(word: str) -> str:
    """Close forms, roughly as a reader hears them: plural, -ing, -ed, -ly, -ical/-ics off."""
    for suffix in ("ically", "ical", "ics", "ies", "es", "ing", "ed", "ly", "s", "e"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


@pytest.fixture(scope="module")
def answers(browser, server) -> dict[str, tuple[str, str]]:
    return type_all(browser, server, [q.text for q in QUESTIONS])


@pytest.fixture
def search_page(browser, server):
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    instrument(page)
    page.goto(server + "/")
    open_search(page)
    yield page
    context.close()


def cards(page) -> list[dict]:
    return page.evaluate(CARDS)


# --- 10. Questions in a reader's own words --------------------------------------------------------

def test_the_questions_are_many_cover_every_talk_and_avoid_its_title():
    assert len(QUESTIONS) >= 30
    by_path = {talk_path(t): t for t in talks()}
    assert {q.expect for q in QUESTIONS} == set(by_path), "every talk is some question's answer"
    raw = yaml.safe_load(QUESTIONS_FILE.read_text(encoding="utf-8"))["queries"]
    assert len({q["query"].lower() for q in raw}) == len(raw), "a question is asked twice"
    for q in QUESTIONS:
        title = words(by_path[q.expect].title)
        used = [w for w in words(q.text)
                if any(t.startswith(w) or root(w) == root(t) for t in title)]
        assert not used, f"{q.text!r} uses words of its talk's title: {used}"
    assert sum(len(words(q.text)) < len(q.text.split()) for q in QUESTIONS) >= len(QUESTIONS) // 2, (
        "most questions should carry question words or filler")


def test_questions_find_their_talk_first(answers):
    misses = [
        f"  {q.text!r}: expected {q.expect}, first result {answers[q.text][0] or '(none)'}"
        for q in QUESTIONS
        if answers[q.text][0] != q.expect
    ]
    assert_few_miss(misses, len(QUESTIONS), "questions")


def test_the_issues_question_puts_fair_generative_modeling_first(search_page):
    enter_query(search_page, "how do I make a generative model fair")
    found = [urlsplit(c["links"][0]).path.strip("/") + "/" for c in cards(search_page)]
    assert found[0] == "generative-models/fair-generative-modeling/", found[:3]


@pytest.mark.parametrize("typed, meant, first", [
    ("ethically", "ethics", "ethics-and-social-responsibility/operationalizing-ai-ethics/"),
    ("colour", "color", "generative-models/cosmetic-virtual-try-on/"),
])
def test_a_word_finds_its_close_forms_without_a_correction(search_page, typed, meant, first):
    enter_query(search_page, typed)
    assert correction(search_page) == "", "a close form is not a typo"
    found = cards(search_page)
    assert urlsplit(found[0]["links"][0]).path.lstrip("/") == first, [c["title"] for c in found[:3]]
    marked = {m.lower() for c in found for m in c["marks"]}
    assert any(m.startswith(meant) for m in marked), marked


def test_taxes_finds_the_pages_that_say_tax(search_page, site):
    """A page that says "tax" but never "taxes" is found by "taxes" (Material searched
    "taxes" as the start of a word, which "tax" is not)."""
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    text = {}
    for doc in index["docs"]:
        page = doc["location"].split("#")[0]
        text[page] = text.get(page, "") + " " + re.sub(r"<[^>]+>", " ", doc["title"] + " " + doc["text"]).lower()
    only_tax = {page for page, t in text.items() if re.search(r"\btax\b", t) and not re.search(r"\btaxes\b", t)}
    assert only_tax, "no page says tax without taxes: the check needs another word"
    enter_query(search_page, "taxes")
    found = {urlsplit(c["links"][0]).path.lstrip("/") for c in cards(search_page)}
    assert only_tax <= found, f"not found by 'taxes': {sorted(only_tax - found)}"


# --- 11. Result cards that read -------------------------------------------------------------------

@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_every_talk_card_is_its_title_and_its_description(browser, server, artifacts, viewport):
    """'generative' finds many talks: each is one card, its title over its description,
    nothing else (no "N more on this page", no tags, no "Missing:")."""
    phone = viewport is PHONE
    context = browser.new_context(viewport=viewport, has_touch=phone, is_mobile=phone)
    page = context.new_page()
    instrument(page)
    try:
        page.goto(server + "/")
        if phone:   # the search field is behind the header's search button
            page.locator("label.md-header__button[for=__search]").tap()
            page.wait_for_selector(".md-search__input:focus")
        else:
            open_search(page)
        enter_query(page, "generative")
        page.screenshot(path=str(artifacts / f"search-cards-{'phone' if phone else 'desktop'}.png"))
        by_path = {talk_path(t): t for t in talks()}
        shown = {}
        for card in cards(page):
            path = urlsplit(card["links"][0]).path.lstrip("/")
            assert len(card["links"]) == 1 and card["more"] == 0, card
            assert len(card["lines"]) == 1, card
            if path in by_path:
                shown[path] = card
        assert len(shown) >= 4, list(shown)
        for path, card in shown.items():
            talk = by_path[path]
            assert card["title"].split(" › ")[0] == talk.title, card
            assert card["lines"][0] == talk.description, card
    finally:
        context.close()


def test_a_section_match_reads_page_then_section_and_links_to_it(search_page):
    enter_query(search_page, "catastrophic forgetting")
    card = cards(search_page)[0]
    talk = next(t for t in talks() if t.number == "3.2")
    assert card["title"] == f"{talk.title} › The problem with how continual learning is compared", card
    url = urlsplit(card["links"][0])
    assert url.path.lstrip("/") == talk_path(talk)
    assert url.fragment == "the-problem-with-how-continual-learning-is-compared", card["links"]
    assert "h=catastrophic+forgetting" in url.query or "h=catastrophic%20forgetting" in url.query, url.query


def test_only_the_searched_words_are_marked(search_page):
    """Material marked every word starting with "a", "i" or "do" for "how do I make a …"."""
    enter_query(search_page, "how do I make a generative model fair")
    marks = {m.lower() for c in cards(search_page) for m in c["marks"]}
    assert marks, "nothing marked"
    stray = {m for m in marks if not re.match(r"(make|generat|model|fair)", m)}
    assert not stray, f"marked words the query did not search: {sorted(stray)}"


def test_a_card_without_a_description_shows_a_line_of_its_match(search_page):
    """The Speakers page has no description: its card shows the matching section's first line."""
    enter_query(search_page, "Deborah Raji")
    card = next(c for c in cards(search_page) if urlsplit(c["links"][0]).path.endswith("/speakers/"))
    assert card["title"] == "Speakers › Deborah Raji", card
    assert len(card["lines"]) == 1 and 0 < len(card["lines"][0]) <= 202, card
    assert "<" not in card["lines"][0], card


def test_the_keyboard_walks_the_cards_and_opens_the_section(search_page):
    enter_query(search_page, "catastrophic forgetting")
    clear_query(search_page)
    enter_query(search_page, "catastrophic forgetting")
    search_page.keyboard.press("ArrowDown")
    focused = search_page.evaluate("() => document.activeElement.href || ''")
    assert focused.endswith("#the-problem-with-how-continual-learning-is-compared"), focused
    with search_page.expect_navigation():
        search_page.keyboard.press("Enter")
    assert urlsplit(search_page.url).fragment == "the-problem-with-how-continual-learning-is-compared"
