"""A reader's walk (issue 25): what a reader met walking through the site, each checked in
Chromium at desktop (1280x800) and phone (390x844) width where the width matters.

1. Previous/Next follow the sidebar, not the file names.
2. The slide lightbox enlarges (readable on a phone), shows the figure's own caption and
   closes by button, Escape and Back.
3. A page opened from a search result (…/?h=fair) highlights the searched words at once.
4. A word still being typed is searched as the start of a word, and the note names the word
   the results use ("Natasc" → Natasha, "zerosh" → zero shot).
5. Small things: no loopback address in "Cite these notes", whole titles on the map when
   there is room, the 404 page's placeholder in full, no "Clear" tooltip left on a phone,
   admonitions kept whole in print.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

import pytest

from browser import VIEWPORTS, reader_page
from builds import ROOT, run_build
from search_driver import correction, first_result_path, instrument, open_search, type_query
from site_model import page_path, soup, talks

FAIR = "generative-models/fair-generative-modeling/"


# --- 1. Previous / Next ------------------------------------------------------------------------

SIDEBAR = """
() => [...new Set([...document.querySelectorAll('.md-sidebar--primary nav.md-nav--primary a.md-nav__link[href]')]
  .map(a => a.href.split('#')[0]))]
"""


def footer_link(page, kind: str) -> str | None:
    link = page.locator(f"a.md-footer__link--{kind}")
    return urljoin(page.url, link.get_attribute("href")) if link.count() else None


def test_previous_and_next_walk_the_sidebar_in_order(browser, server):
    with reader_page(browser, "desktop") as page:
        page.goto(server + "/")
        sidebar = page.evaluate(SIDEBAR)
        assert sidebar[0] == server + "/", sidebar
        walked, url = [], server + "/"
        while url and len(walked) <= len(sidebar):
            walked.append(url)
            page.goto(url)
            url = footer_link(page, "next")
        assert walked == sidebar, "Next does not follow the sidebar:\n" + "\n".join(
            f"  {'' if a == b else '≠ '}{a.removeprefix(server)}  (sidebar: {b.removeprefix(server)})"
            for a, b in zip(walked, sidebar))
        back, url = [], sidebar[-1]
        while url and len(back) <= len(sidebar):
            back.append(url)
            page.goto(url)
            url = footer_link(page, "prev")
        assert back == sidebar[::-1], "Previous does not walk the sidebar back"
        # The sidebar itself: home, then section 1's overview and its talks in number order.
        first = talks()[0]
        assert first.number == "1.1"
        assert sidebar[1] == server + "/" + first.section.src_uri[: -len("index.md")]
        assert sidebar[2] == server + "/" + first.src_uri[: -len(".md")] + "/"


@pytest.mark.parametrize("width", VIEWPORTS)
def test_the_footer_of_talk_1_1_names_its_neighbours(browser, server, width):
    by_number = {t.number: t for t in talks()}
    with reader_page(browser, width) as page:
        page.goto(server + "/" + by_number["1.1"].src_uri[: -len(".md")] + "/")
        prev, nxt = page.locator("a.md-footer__link--prev"), page.locator("a.md-footer__link--next")
        assert prev.is_visible() and nxt.is_visible()
        assert prev.get_attribute("aria-label") == "Previous: " + by_number["1.1"].section.title
        assert nxt.get_attribute("aria-label") == "Next: " + by_number["1.2"].title


# --- 2. The slide lightbox -----------------------------------------------------------------------

CAPTION_OF_FIRST_FIGURE = """
() => {
  const caption = document.querySelector('article figure.slide figcaption').cloneNode(true);
  caption.querySelectorAll('sup').forEach(s => s.remove());
  return caption.textContent.replace(/\\s+/g, ' ').trim();
}
"""


def smallest_slide_text(site, href: str) -> float:
    """The smallest font size in a slide drawing, as a share of the drawing's width."""
    svg = (site / urlsplit(href).path.lstrip("/")).read_text(encoding="utf-8")
    width = float(re.search(r'viewBox="0 0 ([\d.]+) ', svg).group(1))
    sizes = [float(s) for s in re.findall(r'font-size(?:="|:\s*)([\d.]+)', svg)]
    return min(sizes) / width


@pytest.mark.parametrize("width", VIEWPORTS)
def test_lightbox_shows_the_figures_caption_after_a_hover(browser, server, width):
    with reader_page(browser, width) as page:
        page.goto(server + "/" + FAIR)
        expected = page.evaluate(CAPTION_OF_FIRST_FIGURE)
        assert expected.startswith("Slide 1: ") and "Aditya Grover" in expected, expected
        link = page.locator("article a.slide__link").first
        link.scroll_into_view_if_needed()
        if width == "phone":
            link.tap()
        else:
            link.hover()                      # Material's tooltip takes the title away here
            page.wait_for_timeout(300)
            link.click()
        page.wait_for_selector("dialog.slide-dialog[open]")
        caption = page.locator("dialog.slide-dialog .slide-dialog__caption")
        assert re.sub(r"\s+", " ", caption.inner_text()).strip() == expected
        labelled = page.evaluate(
            "() => document.getElementById(document.querySelector('dialog.slide-dialog')"
            ".getAttribute('aria-labelledby')).textContent")
        assert labelled.strip().startswith("Slide 1: ")


def test_lightbox_on_a_phone_enlarges_the_slide_to_readable_text(browser, server, site):
    with reader_page(browser, "phone") as page:
        page.goto(server + "/" + FAIR)
        link = page.locator("article a.slide__link").first
        link.scroll_into_view_if_needed()
        inline = link.locator("img").bounding_box()["width"]
        link.tap()
        page.wait_for_selector("dialog.slide-dialog[open]")
        image = page.locator("dialog.slide-dialog img")
        image.wait_for()
        shown = image.bounding_box()["width"]
        share = smallest_slide_text(site, page.url.split("?")[0] + image.get_attribute("src"))
        assert shown * share >= 11, (
            f"the slide shows {shown:.0f} px wide (inline {inline:.0f} px): its smallest text is "
            f"{shown * share:.1f} px")
        # The reader pans to the rest of it; the page behind does not scroll sideways.
        assert page.evaluate("() => document.documentElement.scrollWidth <= innerWidth")
        close = page.locator("dialog.slide-dialog button.slide-dialog__close")
        assert close.is_visible() and close.bounding_box()["x"] + close.bounding_box()["width"] <= VIEWPORTS["phone"]["width"]


@pytest.mark.parametrize("how", ["button", "Escape", "Back"])
def test_lightbox_on_a_phone_closes_by_button_escape_and_back(browser, server, how):
    with reader_page(browser, "phone") as page:
        page.goto(server + "/" + FAIR)
        url, length = page.url, page.evaluate("() => history.length")
        link = page.locator("article a.slide__link").first
        link.scroll_into_view_if_needed()
        link.tap()
        page.wait_for_selector("dialog.slide-dialog[open]")
        assert page.evaluate("() => history.length") == length + 1, "opening pushes a history entry"
        if how == "button":
            page.locator("dialog.slide-dialog button.slide-dialog__close").tap()
        elif how == "Escape":
            page.keyboard.press("Escape")
        else:
            page.go_back()
        page.wait_for_selector("dialog.slide-dialog:not([open])", state="attached")
        # The entry opening pushed is gone: the reader's next Back leaves the page, it does not
        # re-open nothing.
        page.wait_for_function("() => history.state === null || !history.state.summitSlide")
        assert page.url == url
        page.go_back()
        assert page.url != url, "Back after closing should leave the page"


# --- 3. Search terms highlighted on the opened page ----------------------------------------------

@pytest.mark.parametrize("width", VIEWPORTS)
def test_a_result_opened_with_h_highlights_the_searched_word(browser, server, width):
    with reader_page(browser, width) as page:
        page.goto(f"{server}/{FAIR}?h=fair")
        page.wait_for_selector("article mark", timeout=10_000)
        marks = {m.lower() for m in page.locator("article mark").all_text_contents()}
        assert marks and all(m.startswith("fair") for m in marks), marks
        # A marked tag reads as one word ("Fairness and bias"), not split at the mark.
        gaps = page.evaluate("""() => [...document.querySelectorAll('.md-tag > mark')].map(mark => {
          const rest = document.createRange(); rest.selectNodeContents(mark.nextSibling);
          return rest.getBoundingClientRect().left - mark.getBoundingClientRect().right;
        })""")
        assert gaps and all(abs(gap) < 1 for gap in gaps), gaps
        assert not page.evaluate("() => document.getElementById('__search').checked")


# --- 4. A word still being typed -----------------------------------------------------------------

def test_a_word_being_typed_is_corrected_to_the_word_the_results_use(browser, server):
    with reader_page(browser, "desktop") as page:
        instrument(page)
        page.goto(server + "/")
        open_search(page)
        type_query(page, "Natasc")
        assert first_result_path(page) == "reinforcement-learning/unsupervised-environment-design/"
        assert correction(page) == "Showing results for Natasha (no exact match for “Natasc”)"
        page.locator("input.md-search__input").fill("")
        type_query(page, "zerosh")
        assert first_result_path(page) == "reinforcement-learning/unsupervised-environment-design/"
        assert correction(page) == "Showing results for zero shot (no exact match for “zerosh”)"


# --- 5. Small things -----------------------------------------------------------------------------

def test_without_a_public_site_url_the_citation_has_no_loopback_address(site):
    talk = talks()[0]
    page = soup(page_path(site, talk.src_uri))
    cite = page.select_one(".cite-notes")
    bibtex = page.select_one(".cite-notes__bibtex")
    for text in (str(cite), bibtex.get_text()):
        assert "127.0.0.1" not in text and "localhost" not in text, text
    assert "url =" not in bibtex.get_text()
    assert "SITE_URL" in page.select_one(".cite-notes__no-url").get_text()


def test_with_a_public_site_url_the_citation_gives_the_page(tmp_path):
    built = run_build(ROOT, tmp_path / "site", env={"SITE_URL": "https://example.org/notes/"})
    assert built.returncode == 0, built.output
    talk = talks()[0]
    page = soup(page_path(built.site, talk.src_uri))
    address = "https://example.org/notes/" + talk.src_uri[: -len(".md")] + "/"
    assert page.select_one(".cite-notes a")["href"] == address
    assert f"url = {{{address}}}" in page.select_one(".cite-notes__bibtex").get_text()
    assert page.select_one(".cite-notes__no-url") is None


VISIBLE_MAP_LABELS = """
() => [...document.querySelectorAll('.summit-map__label')].map(label => {
  const shown = [...label.childNodes].filter(n => n.nodeType === 3 || getComputedStyle(n).display !== 'none');
  const box = label.getBoundingClientRect();
  return {text: shown.map(n => n.textContent).join(''), right: box.right};
})
"""


def test_map_shows_whole_titles_on_a_desktop(browser, server):
    with reader_page(browser, "desktop") as page:
        page.goto(server + "/map/")
        labels = page.evaluate(VISIBLE_MAP_LABELS)
        assert len(labels) == len(talks())
        assert not [label["text"] for label in labels if "…" in label["text"]]
        figure = page.locator("figure.summit-map").bounding_box()
        assert all(label["right"] <= figure["x"] + figure["width"] for label in labels), labels
        assert page.evaluate("() => document.documentElement.scrollWidth <= innerWidth")


PLACEHOLDER_FITS = """
() => {
  const input = document.getElementById('not-found-query'), style = getComputedStyle(input);
  const canvas = document.createElement('canvas').getContext('2d');
  canvas.font = `${style.fontSize} ${style.fontFamily}`;
  const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  return {text: canvas.measureText(input.placeholder).width, room};
}
"""


@pytest.mark.parametrize("width", VIEWPORTS)
def test_404_search_placeholder_is_shown_whole(browser, server, width):
    with reader_page(browser, width) as page:
        page.goto(server + "/404.html")
        fit = page.evaluate(PLACEHOLDER_FITS)
        assert fit["text"] <= fit["room"], fit
        assert page.evaluate("() => document.documentElement.scrollWidth <= innerWidth")


def test_no_clear_tooltip_stays_after_tapping_search_on_a_phone(browser, server):
    with reader_page(browser, "phone") as page:
        page.goto(server + "/" + FAIR)
        page.locator("label.md-header__button[for=__search]").tap()
        page.wait_for_selector(".md-search__input:focus")
        page.keyboard.type("fair")
        page.wait_for_selector(".md-search-result__list a.md-search-result__link", state="visible")
        page.locator(".md-search__form button[type=reset]").tap()
        page.wait_for_timeout(600)            # past Material's 250 ms hide delay
        shown = page.locator(".md-tooltip--active, .md-tooltip2--active")
        assert [t for t in shown.all() if t.is_visible()] == [], shown.all_inner_texts()


def test_admonitions_stay_whole_in_print(browser, server):
    with reader_page(browser, "desktop") as page:
        page.goto(server + "/" + FAIR)
        page.emulate_media(media="print")
        styles = page.evaluate("""() => [...document.querySelectorAll('article .admonition')].map(a => {
          const title = a.querySelector('.admonition-title');
          return [getComputedStyle(a).breakInside, title && getComputedStyle(title).breakAfter];
        })""")
        assert styles and all(s == ["avoid", "avoid"] for s in styles), styles
