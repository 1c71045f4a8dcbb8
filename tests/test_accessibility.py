"""Accessibility: axe-core finds no violation on any built page, in the light and the dark
scheme, at phone and desktop width, nor in the states a reader opens (search with results,
search with a misspelled query's "Showing results for …" note, a citation's tooltip, the
slide lightbox, the phone navigation drawer).

Every page is judged in both schemes and at both widths: light on a desktop, dark on a phone.
The other two pairings (light on a phone, dark on a desktop) judge every page but the talk
pages, and the heaviest and the lightest talk page: talk pages share one template and its
styles, and each talk's own content is judged in both schemes and at both widths by the first
two. (All four pairings on all pages took half of the whole suite's time.)

axe-core comes bundled in axe-playwright-python (no download). It is installed into every
page of a browser context as an init script, so each navigation gets it without re-sending
half a megabyte over the driver pipe. Every rule axe enables by default runs; none is turned
off. The colour scheme comes from the media query (Material's palette follows
prefers-color-scheme when the reader has not toggled it), and every page is checked to really
be in that scheme before it is judged.
"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from site_model import page_path, page_url, talks

AXE_SOURCE = Axe().axe_script
SCHEMES = {"light": "default", "dark": "slate"}            # prefers-color-scheme -> Material scheme
VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}
COMBINATIONS = [(scheme, width) for scheme in SCHEMES for width in VIEWPORTS]
TABS = 2  # pages judged at once: axe's colour checks are CPU-bound, one renderer per tab

START_AXE = "() => { window.__axe = axe.run(document, {resultTypes: ['violations']}); }"
# Every page as loaded is also judged on target size (WCAG 2.2 AA 2.5.8: off in axe by default,
# on in Lighthouse; a reader's thumb needs it). Not the states a reader opens (a focused map talk,
# a tooltip): they scroll the page, and Material's sticky sidebar title then covers the nav link
# scrolled beneath it, which axe counts as a target with too little space around it.
START_AXE_WITH_TARGET_SIZE = ("() => { window.__axe = axe.run(document, "
                              "{resultTypes: ['violations'], rules: {'target-size': {enabled: true}}}); }")
AXE_VIOLATIONS = """
() => window.__axe.then(results => results.violations.map(v => ({
  id: v.id, impact: v.impact, help: v.help,
  targets: v.nodes.map(n => n.target.join(' ')),
  summary: v.nodes.length ? (v.nodes[0].failureSummary || '') : '',
})))
"""


def site_urls(site) -> list[str]:
    """Every built HTML page, as the path a static host serves it under (404.html included)."""
    urls = []
    for html in sorted(site.rglob("*.html")):
        relative = html.relative_to(site).as_posix()
        urls.append("/" + relative[: -len("index.html")] if relative.endswith("index.html") else "/" + relative)
    return urls


def talk_url(site, server) -> str:
    """A talk page: it has slide figures, citations and a code block, the interactive parts."""
    return server + "/" + page_url(talks()[0].src_uri)


def new_reader(browser, scheme: str, width: str):
    # The phone is a phone: touch and a mobile viewport, on which Material behaves otherwise (it
    # makes a code block focusable only where there is no touch).
    phone = width == "phone"
    context = browser.new_context(viewport=VIEWPORTS[width], color_scheme=scheme, has_touch=phone, is_mobile=phone)
    context.add_init_script(AXE_SOURCE)
    return context


def assert_scheme(page, scheme: str) -> None:
    actual = page.get_attribute("body", "data-md-color-scheme")
    assert actual == SCHEMES[scheme], f"{page.url}: wanted {scheme} ({SCHEMES[scheme]}), page is in {actual}"


def axe(page) -> list[dict]:
    page.evaluate(START_AXE)
    return page.evaluate(AXE_VIOLATIONS)


def record_axe(page, found: dict[str, list[dict]], where: str) -> None:
    """Run axe on the page as it is now; keep its violations under `where`, if any."""
    violations = axe(page)
    if violations:
        found[where] = violations


def assert_no_violation_with_tooltip(browser, url: str, focus: str, scheme: str, width: str, what: str) -> None:
    """Open url in the scheme at the width, focus the element `focus` selects so that its
    tooltip opens, and fail on any axe violation of the page with the tooltip open."""
    context = new_reader(browser, scheme, width)
    page = context.new_page()
    found = {}
    try:
        page.goto(url)
        assert_scheme(page, scheme)
        page.focus(focus)
        page.wait_for_selector(".md-tooltip2--active", state="visible")
        settle(page)
        record_axe(page, found, f"{url} {what} tooltip [{scheme}, {width}]")
    finally:
        context.close()
    assert not found, "axe violations:\n" + report(found)


def report(found: dict[str, list[dict]]) -> str:
    lines = []
    for where, violations in found.items():
        for v in violations:
            lines.append(f"{where}: {v['id']} ({v['impact']}) {v['help']}")
            lines += [f"    {target}" for target in v["targets"][:10]]
            if len(v["targets"]) > 10:
                lines.append(f"    ... and {len(v['targets']) - 10} more")
            lines.append("    " + v["summary"].replace("\n", "\n    "))
    return "\n".join(lines)


EVERY_PAGE = [("light", "desktop"), ("dark", "phone")]  # pairings that judge every page


def judged_urls(site, scheme: str, width: str) -> list[str]:
    """Every page, or (in the other pairings) every page but the talks, and the heaviest and the
    lightest talk page."""
    urls = site_urls(site)
    if (scheme, width) in EVERY_PAGE:
        return urls
    by_size = sorted(talks(), key=lambda t: page_path(site, t.src_uri).stat().st_size)
    talk_urls = {"/" + page_url(t.src_uri) for t in talks()}
    kept = {"/" + page_url(by_size[0].src_uri), "/" + page_url(by_size[-1].src_uri)}
    return [url for url in urls if url not in talk_urls or url in kept]


@pytest.mark.parametrize("scheme,width", COMBINATIONS, ids=[f"{s}-{w}" for s, w in COMBINATIONS])
def test_every_page_has_no_axe_violation(browser, server, site, scheme, width):
    urls = judged_urls(site, scheme, width)
    assert len(urls) > 10, urls
    context = new_reader(browser, scheme, width)
    tabs = [context.new_page() for _ in range(TABS)]
    found = {}
    try:
        for start in range(0, len(urls), TABS):
            batch = list(zip(tabs, urls[start:start + TABS]))
            for tab, url in batch:
                tab.goto(server + url)
                assert_scheme(tab, scheme)
                tab.evaluate(START_AXE_WITH_TARGET_SIZE)  # both tabs compute at once
            for tab, url in batch:
                violations = tab.evaluate(AXE_VIOLATIONS)
                if violations:
                    found[f"{url} [{scheme}, {width}]"] = violations
    finally:
        context.close()
    assert not found, f"axe violations on {len(found)} of {len(urls)} pages:\n" + report(found)


# --- States a reader opens: judged while open ------------------------------------------------

def settle(page) -> None:
    """Wait for running transitions to end: a half-faded element has a contrast of its own."""
    page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')")


def open_search_with_results(page) -> None:
    page.keyboard.press("/")                           # Material's shortcut; works at any width
    page.wait_for_selector(".md-search__input:focus")
    page.keyboard.type("fair")
    page.wait_for_selector(".md-search-result__list a.md-search-result__link", state="visible")


def open_search_with_correction(page) -> None:
    """Results for a misspelled query, with the "Showing results for …" note above them."""
    page.keyboard.press("/")
    page.wait_for_selector(".md-search__input:focus")
    page.keyboard.type("Kenneth Stenley")
    page.wait_for_selector(".summit-search-typos strong", state="visible")
    page.wait_for_selector(".md-search-result__list a.md-search-result__link", state="visible")


def close_search(page) -> None:
    page.keyboard.press("Escape")
    page.wait_for_function("() => !document.getElementById('__search').checked")


def open_slide_lightbox(page) -> None:
    page.focus("article a.slide__link")
    page.keyboard.press("Enter")
    page.wait_for_selector("dialog.slide-dialog[open]")


def close_slide_lightbox(page) -> None:
    page.keyboard.press("Escape")
    page.wait_for_selector("dialog.slide-dialog:not([open])", state="attached")


def open_citation_tooltip(page) -> None:
    page.focus("article a.footnote-ref[href^='#fn:']")  # a citation, not a figure
    page.wait_for_selector(".md-tooltip2--active", state="visible")


def open_bibtex_entry(page) -> None:
    """A reference's BibTeX entry, loaded and shown (a long line scrolls it sideways)."""
    page.click("article li[id^='fn:ref-'] button.bibtex__show")
    page.wait_for_selector("article li[id^='fn:ref-'] .bibtex__entry:not([hidden])")


def close_bibtex_entry(page) -> None:
    page.click("article li[id^='fn:ref-'] button.bibtex__show")
    page.wait_for_selector("article li[id^='fn:ref-'] .bibtex__entry", state="hidden")


def open_navigation_drawer(page) -> None:
    page.click("label.md-header__button[for='__drawer']")
    page.wait_for_selector("#__drawer:checked", state="attached")


# Each state is opened, judged, and closed again before the next one opens.
STATES = [
    ("search with results", open_search_with_results, close_search),
    ("search with a corrected query", open_search_with_correction, close_search),
    ("slide lightbox", open_slide_lightbox, close_slide_lightbox),
    ("BibTeX entry", open_bibtex_entry, close_bibtex_entry),
    ("citation tooltip", open_citation_tooltip, None),
]


@pytest.mark.parametrize("scheme,width", COMBINATIONS, ids=[f"{s}-{w}" for s, w in COMBINATIONS])
def test_open_states_have_no_axe_violation(browser, server, site, scheme, width):
    context = new_reader(browser, scheme, width)
    page = context.new_page()
    found = {}
    try:
        url = talk_url(site, server)
        page.goto(url)
        assert_scheme(page, scheme)
        for name, open_state, close_state in STATES:
            open_state(page)
            settle(page)
            record_axe(page, found, f"{url} {name} [{scheme}, {width}]")
            if close_state:
                close_state(page)
                settle(page)
        if width == "phone":                           # the navigation lives in a drawer there
            page.goto(url)
            open_navigation_drawer(page)
            settle(page)
            record_axe(page, found, f"{url} navigation drawer [{scheme}, {width}]")
    finally:
        context.close()
    assert not found, "axe violations in opened states:\n" + report(found)


def test_axe_reports_what_the_fixes_fix(browser, server, site):
    """The harness is not blind: undo one fix in the live page and axe must name it."""
    context = new_reader(browser, "light", "desktop")
    page = context.new_page()
    try:
        page.goto(talk_url(site, server))
        page.evaluate("() => document.querySelector('.md-search').removeAttribute('aria-label')")
        page.add_style_tag(content=".md-typeset .footnote a { text-decoration: none !important; }")
        found = {v["id"] for v in axe(page)}
    finally:
        context.close()
    assert {"aria-dialog-name", "link-in-text-block"} <= found, found
