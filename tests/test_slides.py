"""Slide figures: 22 new drawings, each on its talk page as a credited, cited, enlargeable figure."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from site_model import ROOT, article, page_path, talks

# Where the recap puts its 22 slide captions, per talk page.
EXPECTED = {
    "empowering-the-workforce-at-linkedin": 2,
    "embedding-ai-in-the-enterprise-at-google": 2,
    "computational-graphs-at-doordash": 1,
    "challenges-of-algorithmic-justice": 1,
    "operationalizing-ai-ethics": 1,
    "open-endedness": 1,
    "continual-learning-quirks-and-assumptions": 1,
    "open-domain-question-answering": 1,
    "autonac-next-generation-ai": 1,
    "fair-generative-modeling": 1,
    "synthetic-data-for-healthcare": 1,
    "quantum-drug-discovery": 1,
    "cosmetic-virtual-try-on": 1,
    "unsupervised-environment-design": 2,
    "empowerment-as-intelligence-measure": 1,
    "safe-interpretable-moral-rl": 3,
    "ai-economist": 1,
}
SVG_NS = "{http://www.w3.org/2000/svg}"
SLIDES = sorted((ROOT / "docs/assets/slides").glob("*.svg"))


def test_there_are_22_drawings():
    assert sum(EXPECTED.values()) == 22
    assert len(SLIDES) == 22
    assert {p.stem.rsplit("-", 1)[0] for p in SLIDES} == set(EXPECTED)


@pytest.mark.parametrize("talk", talks(), ids=lambda t: t.slug)
def test_talk_page_has_its_slide_figures(site, talk):
    page_file = page_path(site, talk.src_uri)
    figures = article(page_file).select("figure.slide")
    assert len(figures) == EXPECTED[talk.slug]
    for number, figure in enumerate(figures, start=1):
        img = figure.find("img")
        assert (page_file.parent / img["src"]).resolve().is_file(), img["src"]
        assert len(img.get("alt", "")) > 40, "alt text must describe the drawing"
        assert img["width"] == "1280" and img["height"] == "720"
        assert img["loading"] == "lazy"
        caption = figure.find("figcaption")
        text = caption.get_text(" ", strip=True)
        assert text.startswith(f"Slide {number}:")
        for speaker in talk.speakers:
            assert speaker.name in text
        assert talk.title in text and "RE•WORK Deep Learning 2.0 Virtual Summit, 2021" in text
        # The talk is credited in words: its own entry is not among the page's references.
        assert caption.select_one("a.footnote-ref") is None


@pytest.mark.parametrize("svg", SLIDES, ids=lambda p: p.name)
def test_drawing_is_valid_titled_16_9_and_small(svg: Path):
    root = ET.parse(svg).getroot()
    assert root.tag == f"{SVG_NS}svg"
    assert (root.findtext(f"{SVG_NS}title") or "").strip()
    assert (root.findtext(f"{SVG_NS}desc") or "").strip()
    x, y, w, h = (float(v) for v in root.get("viewBox").split())
    assert abs(w / h - 16 / 9) < 0.01
    assert svg.stat().st_size < 30 * 1024
    text = svg.read_text(encoding="utf-8")
    assert "<text" in text, "text must be real text"
    for forbidden in ("<image", "<script", "href=\"http", "@import", "url(http"):
        assert forbidden not in text


TALK = "reinforcement-learning/safe-interpretable-moral-rl/"


def test_slide_renders_without_layout_shift_and_opens_enlarged(server, page, artifacts):
    page.add_init_script(
        "window.__cls = 0; new PerformanceObserver(l => l.getEntries().forEach(e => {"
        " if (!e.hadRecentInput) window.__cls += e.value })).observe({type: 'layout-shift', buffered: true});"
    )
    page.goto(f"{server}/{TALK}")
    figure = page.locator("figure.slide").first
    figure.scroll_into_view_if_needed()
    img = figure.locator("img")
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=img.element_handle())
    box = img.bounding_box()
    assert box["width"] > 300 and abs(box["width"] / box["height"] - 16 / 9) < 0.02
    page.wait_for_timeout(300)
    assert page.evaluate("window.__cls") < 0.01

    img.click()
    dialog = page.locator("dialog.slide-dialog")
    dialog.wait_for(state="visible")      # fails after the default timeout if it never opens
    enlarged = dialog.locator("img").bounding_box()
    assert enlarged["width"] > box["width"]
    page.keyboard.press("Escape")
    dialog.wait_for(state="hidden")


def test_slide_opens_and_closes_with_the_keyboard(server, page):
    page.goto(f"{server}/{TALK}")
    link = page.locator("a.slide__link").first
    link.focus()
    page.keyboard.press("Enter")
    dialog = page.locator("dialog.slide-dialog")
    dialog.wait_for(state="visible")      # fails after the default timeout if it never opens
    assert page.evaluate("document.activeElement.closest('dialog') !== null")
    page.keyboard.press("Escape")
    dialog.wait_for(state="hidden")
    assert page.evaluate("document.activeElement.classList.contains('slide__link')")


@pytest.mark.parametrize("width,height,name", [(390, 844, "phone"), (1280, 900, "desktop")])
def test_slides_fit_the_screen_and_are_saved_as_screenshots(server, browser, artifacts, width, height, name):
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.goto(f"{server}/{TALK}")
    assert page.evaluate("document.documentElement.scrollWidth") <= width, "the page scrolls sideways"
    for figure in page.locator("figure.slide img").all():
        figure.scroll_into_view_if_needed()
        box = figure.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= width and box["width"] > width / 2
    page.locator("figure.slide").first.scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts / f"talk-page-{name}.png"), full_page=False)
    context.close()
