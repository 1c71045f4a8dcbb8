"""The site without a mouse: every walk here uses the keyboard only (Tab, Enter, arrows,
Escape and Material's "/" search shortcut), and every element focused on the way must show
a visible focus indicator (an outline or a box-shadow)."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from site_model import page_path, talks

MAX_TABS = 400  # more than the focusable elements of the longest talk page

# What has focus, and whether it draws a visible indicator. Material's palette switch is a
# visually hidden radio whose indicator is drawn on the label that follows it.
FOCUSED = """
() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const shown = el.matches('input.md-option') && el.nextElementSibling ? el.nextElementSibling : el;
  const style = getComputedStyle(shown);
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
  const shadow = style.boxShadow !== 'none';
  return {
    tag: el.tagName.toLowerCase(), classes: el.className, href: el.getAttribute('href'),
    text: (el.textContent || '').trim().slice(0, 60), url: el.href || null,
    indicator: outline || shadow,
    style: `outline: ${style.outlineStyle} ${style.outlineWidth}; box-shadow: ${style.boxShadow}`,
  };
}
"""


def talk_url(site, server, talk=None) -> str:
    talk = talk or talks()[0]
    return server + "/" + page_path(site, talk.src_uri).parent.relative_to(site).as_posix() + "/"


def focused(page) -> dict | None:
    return page.evaluate(FOCUSED)


def assert_focus_visible(page) -> dict:
    info = focused(page)
    assert info is not None, "nothing has focus"
    assert info["indicator"], f"no visible focus indicator on {info}"
    return info


def wait_for_fragment(page, fragment: str) -> None:
    """Following a link is a task queued after the key press (it failed once on a busy CI
    machine when read at once): wait for the location to change, then let the caller assert."""
    try:
        page.wait_for_function(
            "f => decodeURIComponent(location.hash.slice(1)) === f", arg=fragment, timeout=5000)
    except PlaywrightTimeout:  # the caller's assertion names what the location is instead
        pass


def tab_to(page, selector: str, limit: int = MAX_TABS) -> list[dict]:
    """Press Tab until the focused element matches selector; every stop must show focus."""
    visited = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        visited.append(assert_focus_visible(page))
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return visited
    raise AssertionError(f"{selector} not reached in {limit} Tab presses; last: {visited[-3:]}")


@pytest.fixture
def talk_page(page, site, server):
    page.goto(talk_url(site, server))
    return page


def test_skip_link_is_first_and_lands_in_main_content(talk_page):
    page = talk_page
    page.keyboard.press("Tab")
    skip = assert_focus_visible(page)
    assert "md-skip" in skip["classes"], skip
    assert page.is_visible("a.md-skip"), "the skip link must appear when focused"
    page.keyboard.press("Enter")
    target = skip["href"].lstrip("#")
    wait_for_fragment(page, target)
    assert urlsplit(page.url).fragment == target
    page.keyboard.press("Tab")                # the next stop is in the content, past the navigation
    assert_focus_visible(page)
    assert page.evaluate("() => !!document.activeElement.closest('main .md-content')"), focused(page)
    assert not page.evaluate("() => !!document.activeElement.closest('.md-sidebar, .md-header')")


def test_search_opens_types_and_navigates_by_keyboard(talk_page, site, server):
    page = talk_page
    page.keyboard.press("/")                  # Material's search shortcut
    page.wait_for_selector(".md-search__input:focus")
    assert_focus_visible(page)
    page.keyboard.type("generative")          # several talks match
    page.wait_for_selector(".md-search-result__list a.md-search-result__link", state="visible")
    assert page.locator(".md-search-result__list a.md-search-result__link").count() > 1

    # Material makes the result list a composite widget: results are left out of the Tab
    # order (tabindex=-1) and the arrow keys walk them from the query field.
    page.keyboard.press("ArrowDown")
    first = assert_focus_visible(page)
    assert "md-search-result__link" in first["classes"], first
    for _ in range(5):                        # on to the next result ("N more" folds between)
        page.keyboard.press("ArrowDown")
        second = assert_focus_visible(page)
        if "md-search-result__link" in second["classes"] and second["url"] != first["url"]:
            break
    else:
        raise AssertionError(f"ArrowDown never reached a second result; stuck on {second}")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.split("#")[0] == second["url"].split("#")[0]
    assert page.evaluate("() => !document.getElementById('__search').checked"), "search stays open"


def test_every_navigation_link_is_reachable_by_tab(talk_page):
    page = talk_page
    wanted = set(page.eval_on_selector_all(
        ".md-sidebar--primary .md-nav--primary a.md-nav__link",
        "links => links.filter(a => a.offsetParent !== null).map(a => a.href)"))
    assert len(wanted) > 20, wanted             # every section, talk and generated page
    reached = set()
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        info = assert_focus_visible(page)
        if info["url"]:
            reached.add(info["url"])
        if wanted <= reached:
            break
    assert not wanted - reached, f"never focused: {sorted(wanted - reached)}"


def test_slide_lightbox_opens_with_enter_and_closes_with_escape(talk_page):
    page = talk_page
    tab_to(page, "article a.slide__link")
    opener = page.evaluate("() => document.activeElement.getAttribute('href')")
    page.keyboard.press("Enter")
    page.wait_for_selector("dialog.slide-dialog[open]")
    assert page.evaluate("() => !!document.activeElement.closest('dialog.slide-dialog')")
    assert_focus_visible(page)
    assert page.get_attribute("dialog.slide-dialog img", "src") == opener
    for _ in range(2):                        # the page behind the modal dialog is inert
        page.keyboard.press("Tab")
        assert page.evaluate(
            "() => document.activeElement === document.body"
            " || !!document.activeElement.closest('dialog.slide-dialog')"), focused(page)
    page.keyboard.press("Escape")
    page.wait_for_selector("dialog.slide-dialog:not([open])", state="attached")
    assert page.evaluate("() => document.activeElement.matches('a.slide__link')")
    assert page.evaluate("() => document.activeElement.getAttribute('href')") == opener
    assert_focus_visible(page)


def test_citation_tooltip_footnote_and_backref_by_keyboard(talk_page):
    page = talk_page
    tab_to(page, "article a.footnote-ref[href^='#fn:']")  # a citation, not a figure
    ref = focused(page)
    note_id = ref["href"].lstrip("#")
    # The tooltip this citation controls (an acronym's, tabbed past on the way, may still be fading).
    # Material names it when the focus arrives, asynchronously: on a busy machine, a moment later.
    try:
        page.wait_for_function("() => document.activeElement.hasAttribute('aria-controls')", timeout=5000)
    except PlaywrightTimeout:
        pass  # the assertion below says what is missing
    controlled = page.evaluate("() => document.activeElement.getAttribute('aria-controls')")
    assert controlled, "the focused citation names the tooltip it controls"
    tooltip = page.wait_for_selector(f"[id='{controlled}'].md-tooltip2--active", state="visible")
    note_text = page.evaluate("id => document.getElementById(id).textContent.trim().slice(0, 40)", note_id)
    assert note_text and note_text in tooltip.text_content(), "the tooltip shows the reference"
    ref_id = page.evaluate("() => document.activeElement.closest('sup').id")

    page.keyboard.press("Enter")              # to the reference in the list
    wait_for_fragment(page, note_id)
    assert urlsplit(page.url).fragment == note_id
    assert page.evaluate("id => document.getElementById(id).matches(':target')", note_id)
    backref = f"li[id='{note_id}'] a.footnote-backref[href='#{ref_id}']"
    tab_to(page, backref)
    page.keyboard.press("Enter")              # and back to where it was cited
    wait_for_fragment(page, ref_id)
    assert urlsplit(page.url).fragment == ref_id
    assert page.evaluate("id => document.getElementById(id).matches(':target')", ref_id)
