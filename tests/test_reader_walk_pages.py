"""A reader's walk (issue 25), items 6-9: what a talk page shows a reader, checked on the built
site and in Chromium at desktop (1280x800) and phone (390x844) width where it is visual.

6. A glossary term is explained once, at its first use in each section (the text under one
   h2), never in a heading, a figure caption, the talk header or a reference.
7. The References section stays compact, its back-links visible and labelled.
8. Every talk whose notes cite works has a door to its key works in the header; "Resources"
   lists are links to the works.
9. "At a glance" in body size; every talk in one order: At a glance, the ideas, Takeaways (if
   the talk gave any), Related talks, References, Cite these notes.
"""

from __future__ import annotations

import re

import pytest

from builds import ROOT
from site_model import article, bib, page_path, talks
from browser import VIEWPORTS, reader_page

from summit.sources import glossary

HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6", "figcaption"}
# a plural term -> its singular: a plural's tooltip explains its singular
SINGULAR = {e.term: e.plural_of for e in glossary.load(ROOT / "includes" / "glossary.md", ROOT) if e.plural_of}


def talk_url(server, talk) -> str:
    return f"{server}/{talk.src_uri[: -len('.md')]}/"


# --- 6. One explanation per term -----------------------------------------------------------

def explained_twice_or_out_of_place(root) -> list[str]:
    """Each <abbr title> of root that is not the first of its term in its h2 section, or sits
    in a heading, a caption, the talk header or the references."""
    found, seen, section = [], set(), "(top)"
    for element in root.find_all(["h1", "h2", "abbr"]):
        if element.name in ("h1", "h2"):
            seen, section = set(), element.get_text(strip=True).rstrip("¶")
            if element.name == "h1" or not element.find("abbr"):
                continue
        if element.name == "h2":
            found.append(f"{element.get_text(strip=True)!r}: abbreviation in a heading")
            continue
        if not element.get("title"):
            continue
        term = SINGULAR.get(element.get_text(), element.get_text())
        place = element.find_parent(lambda tag: tag.name in HEADINGS or
                                    {"talk-header", "footnote"} & set(tag.get("class") or []))
        if place is not None:
            found.append(f"{term} in {place.name}.{'.'.join(place.get('class') or [])}")
        elif term in seen:
            found.append(f"{term} explained again in section {section!r}")
        seen.add(term)
    return found


def test_a_term_is_explained_once_per_section_and_never_in_headings_or_references(site):
    problems = []
    for html in sorted(site.rglob("*.html")):
        root = article(html)
        if root is None:
            continue
        problems += [f"{html.relative_to(site)}: {p}" for p in explained_twice_or_out_of_place(root)]
    assert not problems, f"{len(problems)} tooltips too many:\n" + "\n".join(problems[:30])


def test_a_section_still_explains_the_terms_it_uses(site):
    """The first use of a term in each section keeps its tooltip (5.1: PAIRED in every section
    that names it, once)."""
    talk = next(t for t in talks() if t.number == "5.1")
    root = article(page_path(site, talk.src_uri))
    per_section, section = {}, None
    for element in root.find_all(["h2", "abbr"]):
        if element.name == "h2":
            section = element.get_text(strip=True).rstrip("¶")
        elif element.get_text() == "PAIRED" and element.get("title"):
            per_section[section] = per_section.get(section, 0) + 1
    assert per_section and set(per_section.values()) == {1}, per_section
    assert len(per_section) >= 4, per_section


# --- 9. One structure, and "At a glance" in body size ------------------------------------

LAST = ["Related talks", "References", "Cite these notes"]
FURTHER = {"Resources", "Further reading"}   # pointers after the ideas, before Related talks


def test_every_talk_has_one_structure(site):
    wrong = []
    for talk in talks():
        root = article(page_path(site, talk.src_uri))
        h2 = [h.get_text(strip=True).rstrip("¶") for h in root.find_all("h2")]
        first = root.select_one(".talk-header ~ *:not(p.talk-header__recap-title)")
        if first is None or "abstract" not in (first.get("class") or []) or \
                first.select_one(".admonition-title").get_text(strip=True) != "At a glance":
            wrong.append(f"{talk.number}: does not open with At a glance")
        if h2[-3:] != LAST:
            wrong.append(f"{talk.number}: ends {h2[-3:]}, not {LAST}")
        ideas = h2[:-3]
        tail = [h for h in ideas if h == "Takeaways" or h in FURTHER]
        if tail != ideas[len(ideas) - len(tail):] or tail.count("Takeaways") > 1 or \
                ("Takeaways" in tail and tail[0] != "Takeaways") or len(tail) == len(ideas):
            wrong.append(f"{talk.number}: {h2}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("width", VIEWPORTS)
def test_at_a_glance_is_in_body_size(browser, server, width):
    with reader_page(browser, width) as page:
        for talk in (talks()[0], talks()[-1]):
            page.goto(talk_url(server, talk))
            sizes = page.evaluate("""() => {
              const px = e => parseFloat(getComputedStyle(e).fontSize);
              const glance = document.querySelector('article .admonition.abstract');
              const body = document.querySelector('article .md-typeset > p, article > p');
              return {glance: px(glance.querySelector('p:not(.admonition-title)')), body: px(body)};
            }""")
            assert sizes["glance"] == sizes["body"] >= 16, (talk.number, width, sizes)


# --- 8. A door on every talk -------------------------------------------------------------

def test_every_talk_that_cites_works_has_a_door_to_them_in_its_header(site):
    """A talk whose notes cite works shows its paper, code or demo (front matter links) or its
    key works (front matter works) as links in the header, each to a work its notes cite."""
    from site_model import corpus
    doorless, stray = [], []
    for talk in talks():
        cited = [k for k in corpus().cites[talk.src_uri] if k != talk.bib_key]
        header = article(page_path(site, talk.src_uri)).select_one(".talk-header")
        doors = [a["href"] for a in header.select("a.md-button")]
        if cited and not doors:
            doorless.append(talk.number)
        primary = {bib().primary_link(k) for k in cited}
        stray += [f"{talk.number}: {href}" for href in doors if href not in primary]
    assert not doorless, f"{len(doorless)} of {len(talks())} talks cite works but show no door: {doorless}"
    assert not stray, "doors to works the notes do not cite:\n" + "\n".join(stray)


def test_resources_lists_link_their_works(site):
    """Each item of a talk's "Resources" or "Further reading" list links a work, not only a
    footnote number."""
    bare, checked = [], 0
    for talk in talks():
        root = article(page_path(site, talk.src_uri))
        for h2 in root.find_all("h2"):
            if h2.get_text(strip=True).rstrip("¶") not in FURTHER:
                continue
            for item in h2.find_next("ul").find_all("li", recursive=False):
                checked += 1
                if not item.select("a[href^='https://']:not(.footnote-ref)"):
                    bare.append(f"{talk.number}: {item.get_text(' ', strip=True)[:60]}")
    assert checked >= 5, checked
    assert not bare, "items with no link to their work:\n" + "\n".join(bare)


# --- 7. References stay compact, back-links visible and labelled ---------------------------

# The mean height of one reference, first item's top to last item's bottom over their number,
# on each talk page. Measured on this tree (the worst page): 77 px at 1280 wide, 128 px at 390;
# on cf56a42 (the old main, a reference over several lines with its links and BibTeX block):
# 163 px on average (186 at worst) at 1280, 214 px (256) at 390.
MAX_PER_REFERENCE = {"desktop": 90, "phone": 150}
# The section as a whole, its heading included, over all talks: 73 px a reference at 1280 (178 on cf56a42).
MAX_SECTION_PER_REFERENCE = 100

REFERENCES = """() => {
  const heading = document.querySelector('article h2#references');
  const list = document.querySelector('article div.footnote');
  const items = [...list.querySelectorAll('ol > li')];
  const box = e => e.getBoundingClientRect();
  const backlinks = items.map(li => {
    const span = li.querySelector(':scope > p > .backlinks');
    const links = span ? [...span.querySelectorAll('a.footnote-backref')] : [];
    return {
      text: span ? span.innerText.trim() : '',
      visible: !!span && box(span).width > 0 && getComputedStyle(span).visibility === 'visible'
               && links.every(a => box(a).width > 0),
      labels: links.map(a => a.getAttribute('aria-label') || ''),
    };
  });
  return {
    n: items.length,
    section: box(list).bottom - box(heading).top,
    items: box(items[items.length - 1]).bottom - box(items[0]).top,
    backlinks,
  };
}"""


@pytest.mark.parametrize("width", VIEWPORTS)
def test_references_stay_compact_with_visible_labelled_back_links(browser, server, width):
    tall, unlabelled, section, count = [], [], 0.0, 0
    with reader_page(browser, width) as page:
        for talk in talks():
            page.goto(talk_url(server, talk))
            found = page.evaluate(REFERENCES)
            per = found["items"] / found["n"]
            if per > MAX_PER_REFERENCE[width]:
                tall.append(f"{talk.number}: {per:.0f} px a reference")
            section, count = section + found["section"], count + found["n"]
            for i, links in enumerate(found["backlinks"], start=1):
                if not (links["visible"] and re.fullmatch(r"\^( [a-z])*", links["text"]) and links["labels"]
                        and all(label.startswith("Back to") for label in links["labels"])):
                    unlabelled.append(f"{talk.number} reference {i}: {links}")
    assert not tall, f"References taller than {MAX_PER_REFERENCE[width]} px a reference:\n" + "\n".join(tall)
    assert not unlabelled, "back-links hidden or unlabelled:\n" + "\n".join(unlabelled[:10])
    if width == "desktop":
        assert section / count <= MAX_SECTION_PER_REFERENCE, f"{section / count:.0f} px a reference"
