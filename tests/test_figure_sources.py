"""Every figure traceable (issue 26), on the built site: each figure of a page with a figures: list
is a link to its source, which shows on hover and on keyboard focus like a citation's reference,
stays out of search, and leaves the page free of axe violations.

The build itself fails on a figure without a source (tests/test_bad_input.py, tests/unit/
test_figures.py); this is what a reader gets.
"""

from __future__ import annotations

import json
import re
import sys

import pytest

from conftest import ROOT
from site_model import page_path, soup
from test_accessibility import COMBINATIONS, assert_no_violation_with_tooltip
from test_keyboard import assert_focus_visible

sys.path.insert(0, str(ROOT))
from summit.sources import frontmatter  # noqa: E402
from summit.sources.figures import figures_in  # noqa: E402

TALK = "reinforcement-learning/ai-economist.md"
URL = "/reinforcement-learning/ai-economist/"
FIGURE = "article a.figure-source:text-is('16%')"
REFERENCE = "#fn:ref-zheng2020aieconomist-blog"  # the research blog post on the paper
NOT_LINKED = re.compile(r"\[[^\]\n]*\](?=\()|^[ \t]*#{1,6}[ \t].*$", re.M)  # a link's text, a heading


def pages_with_figures() -> list[tuple[str, dict, str]]:
    """(src_uri, front matter, body) of each page with a figures: list."""
    found = []
    for path in sorted((ROOT / "docs").rglob("*.md")):
        meta, body, _ = frontmatter.split(path.read_text(encoding="utf-8"), path.name)
        if "figures" in meta:
            found.append((path.relative_to(ROOT / "docs").as_posix(), meta, body))
    return found


def test_each_figure_links_to_a_source_holding_it(site):
    pages = pages_with_figures()
    assert TALK in [src for src, _, _ in pages]
    problems = []
    for src_uri, _, body in pages:
        article = soup(page_path(site, src_uri)).select_one("article")
        links = article.select("a.figure-source")
        # every figure but those in a link's text (a link cannot hold the figure's link) or a
        # heading (its id is read from its text); an entry may also source a count such as "95K",
        # which is no figure to rule 1
        expected = figures_in(NOT_LINKED.sub(lambda m: " " * len(m.group()), body))
        if len(links) < len(expected):
            problems.append(f"{src_uri}: {len(links)} figures link to their sources, of {len(expected)}: "
                            f"{[f for *_, f in expected]}")
        for link in links:
            target = article.select_one(f"div.figure-sources[hidden][data-search-exclude] {link['href']}")
            quote = target.select_one("q") if target else None
            number = link.get_text().rstrip("%x×").replace(",", "")
            if quote is None or number not in quote.get_text().replace(",", ""):
                problems.append(f"{src_uri}: figure {link.get_text()} -> {link['href']}: no quotation holding it")
    assert not problems, "\n".join(problems)


def test_the_ai_economist_16_percent_cites_the_paper(site):
    article = soup(page_path(site, TALK)).select_one("article")
    links = article.select("a.figure-source")
    assert [a.get_text() for a in links] == ["16%"] * 3, "the three 16% of the page: abstract, results, note"
    source = article.select_one(links[0]["href"])
    assert "by 16%, compared to a prominent tax framework" in source.select_one("q").get_text()
    assert source.select_one(f"a[href='{REFERENCE}']").get_text() == "Zheng et al."
    assert article.select_one(f"[id='{REFERENCE[1:]}']"), "the reference it links to is on the page"


def test_sources_stay_out_of_search(site):
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    text = " ".join(doc["text"] for doc in index["docs"] if doc["location"].startswith(URL[1:]))
    assert "16%" in text, "the figure itself is prose, and searchable"
    everything = " ".join(" ".join(doc["text"].split()) for doc in index["docs"])
    quotes = []
    for src_uri, _, _ in pages_with_figures():
        article = soup(page_path(site, src_uri)).select_one("article")
        sources = article.select_one("div.figure-sources").extract()
        prose = " ".join(article.get_text().split())  # a quote may also be the page's own words
        quotes += [q for q in (" ".join(q.get_text().split()) for q in sources.select("q")) if q not in prose]
    assert len(quotes) > 20 and "by 16%, compared to a prominent tax framework" in " ".join(quotes)
    indexed = [q for q in quotes if q in everything]
    assert not indexed, f"{len(indexed)} of {len(quotes)} quotations are in the search index: {indexed[:3]}"


def source_tooltip(page) -> str:
    page.wait_for_selector(".md-tooltip2--active q", state="visible", timeout=5_000)
    return page.locator(".md-tooltip2--active").inner_text()


def test_hovering_a_figure_shows_its_source(page, server):
    page.goto(server + URL)
    page.hover(FIGURE + " >> nth=1")
    text = source_tooltip(page)
    assert "by 16%, compared to a prominent tax framework" in text and "Zheng et al." in text
    tip = page.locator(".md-tooltip2--active")
    assert tip.get_attribute("aria-label") == "Source of 16%"
    assert tip.locator(f"a[href='{REFERENCE}']").count() == 1, "the reference links to the page's References"


def test_tabbing_to_a_figure_shows_its_source(page, server):
    page.goto(server + URL)
    page.click("article h1")                              # start keyboard navigation in the text
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('a.figure-source')"):
            break
    assert page.evaluate("document.activeElement.textContent") == "16%", "Tab never reached the 16%"
    assert_focus_visible(page)
    assert "by 16%, compared to a prominent tax framework" in source_tooltip(page)
    described = page.evaluate("document.activeElement.getAttribute('aria-controls')")
    assert described and page.locator(f"[id='{described}'] q").count() == 1, "the figure names its source's dialog"


def test_tapping_a_figure_shows_its_source_and_goes_nowhere(browser, server):
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    page = context.new_page()
    try:
        page.goto(server + URL)
        page.locator(FIGURE + " >> nth=1").tap()
        assert "by 16%, compared to a prominent tax framework" in source_tooltip(page)
        assert page.evaluate("location.hash") == "", "the hidden source is no place to go"
    finally:
        context.close()


@pytest.mark.parametrize("scheme,width", COMBINATIONS, ids=[f"{s}-{w}" for s, w in COMBINATIONS])
def test_figure_source_tooltip_has_no_axe_violation(browser, server, scheme, width):
    assert_no_violation_with_tooltip(browser, server + URL, FIGURE + " >> nth=1", scheme, width, "figure source")
