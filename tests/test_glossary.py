"""The glossary on the built site: every acronym and term explained, every entry used, a tooltip
on hover and on keyboard focus, and nothing else broken (code, links, heading anchors, search).

The glossary file is includes/glossary.md, appended to every page by pymdownx.snippets; see
summit/sources/glossary.py for its format.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from markdown.extensions.toc import slugify

from conftest import ROOT, run_build
from search_driver import first_result_path, instrument, open_search, type_query
from site_model import page_path, soup, talks
from test_accessibility import COMBINATIONS, assert_no_violation_with_tooltip
from test_keyboard import assert_focus_visible

sys.path.insert(0, str(ROOT))
from summit.sources import citations, glossary  # noqa: E402
from summit.sources.frontmatter import FRONT_MATTER  # noqa: E402

GLOSSARY = ROOT / "includes" / "glossary.md"
UED_TALK = "reinforcement-learning/unsupervised-environment-design.md"

# Words that need no explanation on this site: what the whole site is about (AI), places and
# institutions known by their initials, and the organiser's name.
ALLOWED = ["AI", "US", "EU", "IBM", "IEEE", "NYU", "RE•WORK"]
# Coined names and terms of art without a run of capitals, which the token check cannot spot:
# each must be in the glossary if a page uses it.
KNOWN_TERMS = [
    "FairGen", "CelebA", "DensePhrases", "ImageNet", "MnasNet", "EfficientNet", "MobileNetV3",
    "NetAdapt", "ResNet-50", "WebQuestions", "TorchScript", "PennyLane",
    "catastrophic forgetting", "domain randomization", "empowerment", "regret",
    "weak supervision", "novelty search",
]


def entries() -> list[glossary.Entry]:
    return glossary.load(GLOSSARY, ROOT)


def docs_pages() -> dict[str, str]:
    """Every page an author writes, by its path under docs/."""
    docs = ROOT / "docs"
    return {p.relative_to(docs).as_posix(): p.read_text(encoding="utf-8") for p in sorted(docs.rglob("*.md"))}


def prose(markdown: str) -> str:
    """The words a reader sees of a file's Markdown, its front matter dropped: no code, comments,
    citations, link targets or attribute lists, where no tooltip goes."""
    return citations.prose(FRONT_MATTER.sub("", markdown, count=1))


def tooltip(entry: glossary.Entry) -> str:
    """An entry's tooltip, as the abbr extension reads it: everything after the line's colon."""
    return f"{entry.expansion}{glossary.SEPARATOR}{entry.definition}" if entry.expansion else entry.definition


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


# --- The checks of the glossary against the pages (the build does not run them) -------------

def terms_used(text: str, entries) -> set[str]:
    """Terms of entries that occur in text (already reduced to prose)."""
    return set(glossary.matcher(e.term for e in entries).findall(text))


def unused(pages: dict[str, str], entries: list[glossary.Entry]) -> list[glossary.Entry]:
    """Entries no page uses: a glossary line nobody needs."""
    found: set[str] = set()
    for markdown in pages.values():
        found |= terms_used(prose(markdown), entries)
    return [e for e in entries if e.term not in found]


# Tokens a reader may need decoded: words with a run of two capitals (GAN, BM25, DrQA, GLMix).
CANDIDATE = re.compile(r"\b[A-Za-z0-9]*[A-Z][A-Z][A-Za-z0-9]*\b")


def unexplained(text: str, entries, allowed, known_terms=()) -> list[str]:
    """Acronym-like tokens and known terms in text (prose) that neither the glossary nor the
    allow-list covers, in order of first appearance. Glossary terms are removed first, as the
    abbr extension would wrap them, so "CA-GAN" is covered by an entry for it or for GAN."""
    entries = list(entries)
    rest = glossary.matcher(e.term for e in entries).sub(" ", text) if entries else text
    allowed = list(allowed)
    if allowed:
        rest = glossary.matcher(allowed).sub(" ", rest)
    found = CANDIDATE.findall(rest)
    found += [t for t in known_terms if re.search(r"\b" + re.escape(t) + r"\b", rest)]
    return list(dict.fromkeys(found))


SAMPLE = glossary.parse(
    "*[GAN]: Generative Adversarial Network — two networks trained against each other.\n"
    "*[GANs]: Generative Adversarial Networks — plural of GAN\n"
    "*[DrQA]: A question-answering system that reads Wikipedia.\n"
    "*[regret]: How much better the antagonist does than the protagonist.\n"
    "*[TF-IDF]: Term frequency–inverse document frequency — a word weighting.\n", "includes/glossary.md")


def test_unused_lists_the_entries_no_page_uses():
    pages = {
        "a.md": "Two GANs and one GAN.",
        "b.md": "An organ, a Gantt chart, gan in lower case, and `GAN` in code.",
        "c.md": "Only plural GANs here; no regrets, only Regret.",
    }
    assert [e.term for e in unused(pages, SAMPLE)] == ["DrQA", "regret", "TF-IDF"]


def test_unexplained_lists_uncovered_acronyms_and_known_terms():
    text = "A GAN and CA-GAN with TF-IDF, BM25 and DrQA; the RE•WORK summit on AI; catastrophic forgetting."
    found = unexplained(text, SAMPLE, allowed=["AI", "RE•WORK"],
                        known_terms=["catastrophic forgetting", "domain randomization"])
    assert found == ["CA", "BM25", "catastrophic forgetting"]


# --- Without a browser -------------------------------------------------------------------

def test_every_glossary_term_is_used_by_some_page():
    unused_entries = unused(docs_pages(), entries())
    assert not unused_entries, "glossary terms no page uses: " + ", ".join(
        f"{e.term} (line {e.line})" for e in unused_entries)


def test_every_acronym_and_known_term_on_every_page_is_explained():
    terms = entries()
    missing = {
        src: found for src, markdown in docs_pages().items()
        if (found := unexplained(prose(markdown), terms, ALLOWED, KNOWN_TERMS))
    }
    assert not missing, "not in includes/glossary.md (nor allowed in this test):\n" + "\n".join(
        f"  docs/{src}: {', '.join(found)}" for src, found in missing.items())


def test_glossary_page_lists_every_term_alphabetically_with_its_talks(site):
    terms = entries()
    page = soup(site / "glossary" / "index.html").select_one("article")
    listed = [dt["id"] for dt in page.select("dl > dt")]
    shown = [e for e in terms if not e.plural_of]
    assert listed == [e.anchor for e in sorted(shown, key=lambda e: (e.term.casefold(), e.term))]
    pages = docs_pages()
    bodies = {t.src_uri: FRONT_MATTER.sub("", pages[t.src_uri], count=1) for t in talks()}  # in talk order
    used = glossary.usage(bodies, terms)
    for entry in shown:
        dd = page.select_one(f"dt#{entry.anchor} + dd")
        text = " ".join(dd.get_text(" ").split())
        assert prose(entry.definition).split()[-1] in text, entry.term
        if entry.expansion:
            assert dd.select_one("em").get_text() == entry.expansion, entry.term
        links = [a["href"] for a in dd.select("a")]
        expected = ["../" + src[: -len(".md")] + "/" for src in used[entry.term]]
        assert links == expected, f"{entry.term}: links {links}, talks using it {expected}"
    assert any(a.get("href") == "glossary/" for a in soup(site / "index.html").select("article a")), \
        "the home page links the Glossary"


def test_each_term_a_talk_page_uses_has_its_tooltip(site):
    """Each term the notes use is explained on the page (once a section, test_reader_walk_pages.py),
    with its glossary line; a plural and its singular explain each other ("APIs", then "API")."""
    terms = {e.term: e for e in entries()}
    missing = []
    for talk in talks():
        article = soup(page_path(site, talk.src_uri)).select_one("article")
        titles = {abbr.get_text(): abbr["title"] for abbr in article.select("abbr")}
        markdown = (ROOT / "docs" / talk.src_uri).read_text(encoding="utf-8")
        for term in terms_used(prose(markdown), terms.values()):
            entry = terms[term]
            forms = {term, entry.plural_of} | {e.term for e in terms.values() if e.plural_of == term}
            if not any(titles.get(form) == tooltip(terms[form]) for form in forms if form):
                missing.append(f"{talk.src_uri}: {term} has title {titles.get(term)!r}")
    assert not missing, "\n".join(missing)


def test_no_abbreviation_inside_code_links_or_glossary_terms(site):
    found = [
        f"{html.relative_to(site)}: {abbr.parent.name} > abbr {abbr.get_text()}"
        for html in html_pages(site)
        for abbr in soup(html).select("code abbr, pre abbr, a abbr, dt abbr")
    ]
    assert not found, "\n".join(found[:20])


def test_heading_ids_are_the_slugs_of_their_text_despite_abbreviations(site):
    """abbr runs before toc: a heading's id and its table-of-contents entry must come from its
    text (the id a reader may have bookmarked), and a heading holds no <abbr>."""
    checked = 0
    pattern = glossary.matcher(e.term for e in entries())
    for html in html_pages(site):
        page = soup(html)
        for heading in page.select("article :is(h2, h3, h4)"):
            if not pattern.search(heading.get_text()) or heading.get("id", "").startswith("tag:"):
                continue  # no term, or the tags plugin's heading (its own ids)
            assert heading.find("abbr") is None, (html, heading)
            text = "".join(heading.find_all(string=True)).rstrip("¶").strip()
            assert re.fullmatch(re.escape(slugify(text, "-")) + r"(_\d+)?", heading["id"]), (html, text, heading["id"])
            toc = page.select_one(f'.md-nav--secondary a[href="#{heading["id"]}"]')
            assert toc is not None and toc.get_text(strip=True) == text, (html, heading["id"])
            checked += 1
    assert checked >= 3, "no heading with an abbreviation was checked"


def test_a_bad_glossary_line_fails_the_build_with_one_line(project_copy):
    path = project_copy / "includes" / "glossary.md"
    path.write_text(path.read_text(encoding="utf-8") + "*[XYZ]: no expansion here\n", encoding="utf-8")
    result = run_build(project_copy, project_copy / "site")
    assert result.returncode != 0, "the build should have failed"
    assert "Traceback" not in result.output, result.output
    errors = [line for line in result.output.splitlines() if "ERROR" in line or "Error" in line]
    assert any(re.search(r"includes/glossary\.md:\d+: acronym 'XYZ' has no expansion", line)
               for line in errors), result.output


# --- In Chromium ---------------------------------------------------------------------------

PAIRED = "Protagonist Antagonist Induced Regret Environment Design"


def talk_url(server, src_uri: str) -> str:
    return f"{server}/{src_uri[: -len('.md')]}/"


def tooltip_text(page, expected: str) -> str:
    """The active tooltip's text, once one starting with expected shows: the tooltip of the
    term focused before may still be fading out (a full run once read that one)."""
    page.wait_for_selector(".md-tooltip2--active", state="visible", timeout=5_000)
    try:
        page.wait_for_function(
            "t => [...document.querySelectorAll('.md-tooltip2--active')].some(e => e.innerText.startsWith(t))",
            arg=expected, timeout=5_000)
    except PlaywrightTimeout:
        pass  # the caller's assertion says what shows instead
    texts = page.locator(".md-tooltip2--active").all_inner_texts()
    return next((t for t in texts if t.startswith(expected)), texts[0] if texts else "")


def test_hovering_an_acronym_shows_its_expansion(page, server):
    page.goto(talk_url(server, UED_TALK))
    page.hover("article p abbr:text-is('PAIRED')")
    assert tooltip_text(page, PAIRED).startswith(PAIRED)


def test_tabbing_to_an_acronym_shows_its_expansion(page, server):
    page.goto(talk_url(server, UED_TALK))
    focusable = page.eval_on_selector_all("article abbr[tabindex='0']", "els => els.map(e => e.textContent)")
    everything = page.eval_on_selector_all("article abbr:not(a abbr)", "els => els.map(e => e.textContent)")
    # each term explained (its first use in each section: the build unwraps the rest) takes focus,
    # so a reader who jumps to a section can reach its explanation by keyboard too
    assert focusable == everything and len(everything) > len(set(everything)), focusable
    page.click("article h1")                              # start keyboard navigation in the text
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent") == "PAIRED":
            break
    assert page.evaluate("document.activeElement.tagName") == "ABBR", "Tab never reached PAIRED"
    assert_focus_visible(page)
    assert tooltip_text(page, PAIRED).startswith(PAIRED)


@pytest.mark.parametrize("scheme,width", COMBINATIONS, ids=[f"{s}-{w}" for s, w in COMBINATIONS])
def test_acronym_tooltip_has_no_axe_violation(browser, server, scheme, width):
    """A talk page with an acronym's tooltip open. (The Glossary page as loaded is judged, in the
    same four combinations, by test_accessibility.py's test of every page.)"""
    assert_no_violation_with_tooltip(browser, talk_url(server, UED_TALK), "article abbr[tabindex='0']:text-is('PAIRED')",
                                     scheme, width, "acronym")


def test_search_for_an_acronym_still_finds_its_talk_first(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        instrument(page)
        page.goto(server + "/")
        open_search(page)
        type_query(page, "PAIRED")
        assert first_result_path(page) == "reinforcement-learning/unsupervised-environment-design/"
    finally:
        context.close()
