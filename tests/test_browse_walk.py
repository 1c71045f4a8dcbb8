"""A reader's walk (issue 25), items 12 and 13: a home page that is the summit's program, and
browse pages a reader can use. Browser checks at desktop (1280x800) and phone (390x844) width.

12. The home page shows every talk (number, title, speakers, one-line description) by section,
    never scrolls sideways on a phone, and links the Map, Papers, Speakers, Tags and Glossary
    within its first screen.
13. Tags: each topic of the vocabulary links to the tags plugin's list of its talks.
    Papers: the works narrow by kind, section and year in place (no reload), with a live count;
    without the script the whole list is there and no control shows.
    Glossary: the terms are bold.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

import pytest

from browser import VIEWPORTS, reader_page
from site_model import article, bib, corpus, page_url, sections, soup, talks
from summit.derived.works import kinds



def words(tag) -> str:
    return re.sub(r"\s+", " ", tag.get_text()).strip()


# --- 12. The home page is the program -----------------------------------------------------------

def test_home_page_lists_every_talk_by_section_with_its_description(site):
    home = article(site / "index.html")
    for section in sections():
        section_href = page_url(section.src_uri)
        heading = next((h for h in home.find_all(["h2", "h3"])
                        if h.find("a", href=section_href) and section.title in words(h)), None)
        assert heading is not None, f"no heading for section {section.number} {section.title} linking its page"
        group = heading.find_next_sibling(["ol", "ul"])
        items = group.find_all("li", recursive=False)
        assert len(items) == len(section.talks), f"section {section.number}: {len(items)} items"
        for item, talk in zip(items, section.talks):
            text = words(item)
            assert item.find("a", href=page_url(talk.src_uri)), f"{talk.number}: no link to its page"
            assert text.startswith(talk.number + " ") and talk.title in text, text
            for speaker in talk.speakers:
                assert speaker.name in text, f"{talk.number}: {speaker.name} missing"
            assert re.sub(r"\s+", " ", talk.description) in text, f"{talk.number}: description missing"


BROWSE = {"Map": "/map/", "Papers": "/papers/", "Speakers": "/speakers/", "Tags": "/tags/", "Glossary": "/glossary/"}

FIRST_SCREEN_LINKS = """
() => [...document.querySelectorAll('article a[href]')]
  .filter(a => a.getBoundingClientRect().bottom <= window.innerHeight && a.getBoundingClientRect().height > 0)
  .map(a => a.href)
"""

SIDEWAYS = """
() => [document.documentElement.scrollWidth - document.documentElement.clientWidth,
  [...document.querySelectorAll('article *')]
    .filter(e => e.scrollWidth > e.clientWidth + 1 && ['auto', 'scroll'].includes(getComputedStyle(e).overflowX))
    .map(e => e.tagName + '.' + e.className)]
"""


@pytest.mark.parametrize("width", VIEWPORTS)
def test_home_page_links_the_browse_pages_on_its_first_screen(browser, server, width):
    with reader_page(browser, width) as page:
        page.goto(server + "/")
        seen = {urlsplit(href).path for href in page.evaluate(FIRST_SCREEN_LINKS)}
        missing = [label for label, path in BROWSE.items() if path not in seen]
        assert not missing, f"not linked on the first screen at {width} width: {missing}"


@pytest.mark.parametrize("width", VIEWPORTS)
def test_home_page_never_scrolls_sideways(browser, server, width):
    with reader_page(browser, width) as page:
        page.goto(server + "/")
        overflow, scrollers = page.evaluate(SIDEWAYS)
        assert overflow <= 0 and not scrollers, f"sideways scroll at {width} width: page +{overflow}px, {scrollers}"


# --- 13. Tags: each topic links to its talks ------------------------------------------------------

def test_each_topic_of_the_vocabulary_links_to_its_talks(site):
    page = article(site / "tags" / "index.html")
    vocabulary = page.find("dl")
    topics = vocabulary.find_all("dt")
    assert len(topics) == len(corpus().vocabulary)
    for topic in topics:
        name = words(topic)
        link = topic.find("a", href=True)
        assert link is not None and link["href"].startswith("#"), f"topic {name!r} is not a link"
        target = page.find(id=link["href"][1:])
        assert target is not None, f"topic {name!r} links to {link['href']}, which is not on the page"
        assert words(target).removesuffix("¶").strip() == name, f"{link['href']} is the heading of {words(target)!r}"
        listed = {a["href"].lstrip("./") for a in target.find_next_sibling("ul").find_all("a")}
        expected = {page_url(t.src_uri) for t in talks() if name in t.tags}
        assert listed == expected, f"{name}: listed {listed}, carried by {expected}"


@pytest.mark.parametrize("width", VIEWPORTS)
def test_a_topic_link_jumps_to_its_talks(browser, server, width):
    with reader_page(browser, width) as page:
        page.goto(server + "/tags/")
        page.locator("article dl dt a", has_text="Fairness and bias").click()
        page.wait_for_function("() => location.hash === '#tag:fairness-and-bias'")
        top = page.evaluate("() => document.getElementById('tag:fairness-and-bias').getBoundingClientRect().top")
        assert 0 <= top < 200, f"the topic's heading is at {top}px"


# --- 13. Papers: narrow the works in place ---------------------------------------------------------

def expected_works(kind: str = "", section: str = "", year: str = "") -> set[str]:
    kind_of = kinds(corpus())
    cited_sections = {key: {str(t.section.number) for t in talks() if key in corpus().cited_by and
                            t.src_uri in corpus().cited_by[key]} for key in bib().keys}
    return {key for key in bib().keys
            if (not kind or kind_of[key] == kind)
            and (not section or section in cited_sections[key])
            and (not year or (bib().fields(key).get("year") or "none") == year)}


def test_each_work_carries_its_kind_sections_and_year(site):
    page = article(site / "papers" / "index.html")
    kind_of = kinds(corpus())
    for work in page.select("div.work"):
        key = work["id"]
        assert work["data-kind"] == kind_of[key], key
        assert work["data-year"] == (bib().fields(key).get("year") or "none"), key
        assert key in expected_works(section=work["data-sections"].split()[0]), key


SHOWN = "() => [...document.querySelectorAll('article .work')].filter(w => w.offsetParent !== null).map(w => w.id)"
HEADINGS = "() => [...document.querySelectorAll('article h2')].filter(h => h.offsetParent !== null).map(h => h.id)"


def choose(page, label: str, value: str) -> None:
    page.get_by_label(label, exact=True).select_option(value)


@pytest.mark.parametrize("width", VIEWPORTS)
def test_papers_narrow_by_kind_section_and_year_without_reload(browser, server, width):
    with reader_page(browser, width) as page:
        total = len(bib().keys)
        page.goto(server + "/papers/")
        page.evaluate("() => { window.__sameDocument = true; }")
        status = page.get_by_role("status")
        assert status.inner_text() == f"All {total} works"
        assert len(page.evaluate(SHOWN)) == total

        choose(page, "Kind", "code")
        code = expected_works(kind="code")
        assert set(page.evaluate(SHOWN)) == code
        assert status.inner_text() == f"Showing {len(code)} of {total} works"
        assert page.evaluate(HEADINGS) == ["code"], "only the Code group's heading stays"

        choose(page, "Kind", "")
        choose(page, "Cited in section", "3")
        choose(page, "Year", "2020")
        narrowed = expected_works(section="3", year="2020")
        assert narrowed and set(page.evaluate(SHOWN)) == narrowed
        assert status.inner_text() == f"Showing {len(narrowed)} of {total} works"
        assert "section=3" in page.url and "year=2020" in page.url

        page.get_by_role("button", name="Show all").click()
        page.wait_for_function(f"() => document.querySelectorAll('article .work:not([hidden])').length === {total}")
        assert status.inner_text() == f"All {total} works"
        assert page.evaluate("() => window.__sameDocument") is True, "the page reloaded"


LAYOUT_SHIFT = """
() => new Promise(resolve => {
  let total = 0;
  new PerformanceObserver(list => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) total += entry.value;
  }).observe({type: 'layout-shift', buffered: true});
  setTimeout(() => resolve(total), 500);
})
"""


@pytest.mark.parametrize("width", VIEWPORTS)
def test_papers_filters_move_nothing_while_the_page_loads(browser, server, width):
    """The filters are drawn with the page: revealed by their script, they pushed the list down."""
    with reader_page(browser, width) as page:
        page.goto(server + "/papers/", wait_until="load")
        assert page.locator("form.works-filter").is_visible()
        shift = page.evaluate(LAYOUT_SHIFT)
        assert shift < 0.01, f"layout shift {shift:.3f} at {width} width"


def test_papers_filter_comes_back_from_the_address(browser, server):
    with reader_page(browser, "desktop") as page:
        page.goto(server + "/papers/?kind=demo")
        assert set(page.evaluate(SHOWN)) == expected_works(kind="demo")
        assert page.get_by_label("Kind", exact=True).input_value() == "demo"


def test_papers_without_script_show_every_work_and_no_filters(browser, server):
    with reader_page(browser, "phone", java_script_enabled=False) as page:
        page.goto(server + "/papers/")
        assert page.locator("article .work").count() == len(bib().keys)
        assert page.locator("article .work:visible").count() == len(bib().keys)
        assert not page.locator("form.works-filter").is_visible()


# --- 13. Glossary: the terms are bold -----------------------------------------------------------

def test_glossary_terms_are_bold(site):
    page = article(site / "glossary" / "index.html")
    terms = page.find_all("dt")
    assert len(terms) > 20
    for term in terms:
        assert term.find(["strong", "b"]) or "font-weight" in term.get("style", ""), words(term)
