"""The built site, as a reader sees it: talk pages, the home page's program, references and their links."""

from __future__ import annotations


import pytest

from site_model import SECTION_FOLDERS, article, bib, page_path, sections, soup, talks


def test_strict_build_has_no_warnings(build):
    assert "WARNING" not in build.output, build.output


def test_seventeen_talks_in_five_sections():
    assert [s.folder for s in sections()] == SECTION_FOLDERS
    assert [len(s.talks) for s in sections()] == [3, 2, 4, 4, 4]
    assert [t.number for t in talks()] == [
        "1.1", "1.2", "1.3", "2.1", "2.2", "3.1", "3.2", "3.3", "3.4",
        "4.1", "4.2", "4.3", "4.4", "5.1", "5.2", "5.3", "5.4",
    ]


@pytest.mark.parametrize("talk", talks(), ids=lambda t: t.slug)
def test_talk_page_shows_title_speakers_and_section(site, talk):
    page = article(page_path(site, talk.src_uri))
    assert page.h1.get_text(strip=True) == talk.title
    header = page.select_one(".talk-header").get_text(" ", strip=True)
    for speaker in talk.speakers:
        assert speaker.name in header and speaker.affiliation in header
    assert talk.section.title in header
    if talk.recap_title:  # the recap's heading, where the official title differs, is said under the header
        assert f"“{talk.recap_title}”" in header
    assert page.select_one(".admonition.abstract"), "no at-a-glance summary"
    assert len(page.find_all("h2")) >= 3, "ideas are not structured in sections"


@pytest.mark.parametrize("talk", talks(), ids=lambda t: t.slug)
def test_talk_cites_works_and_every_citation_resolves(site, talk):
    page = article(page_path(site, talk.src_uri))
    refs = page.select("sup[id^='fnref'] a.footnote-ref")
    targets = {a["href"].lstrip("#") for a in refs}
    works = {t for t in targets if t != f"fn:ref-{talk.bib_key}"}
    assert len(works) >= 2, f"{talk.slug} cites too few works"
    for target in targets:
        item = page.find(id=target)
        assert item is not None and item.name == "li", f"citation {target} has no reference"
        assert item.get_text(strip=True), f"reference {target} is empty"
    assert page.find("h2", id="references")


def _reference_items(site):
    for talk in talks():
        page = article(page_path(site, talk.src_uri))
        for item in page.select(".footnote li[id^='fn:ref-']"):
            yield talk, item["id"][len("fn:ref-"):], item


def test_reference_links_match_bibtex_identifiers(site):
    checked = 0
    for talk, key, item in _reference_items(site):
        fields = bib().entry(key).fields
        hrefs = {a["href"] for a in item.find_all("a") if not a["href"].startswith("#")}
        if "eprint" in fields:
            assert f"https://arxiv.org/abs/{fields['eprint']}" in hrefs, (talk.slug, key)
        if "doi" in fields:
            assert f"https://doi.org/{fields['doi']}" in hrefs, (talk.slug, key)
        if "url" in fields:
            assert fields["url"] in hrefs, (talk.slug, key)
        for href in hrefs:
            assert href.startswith("https://"), (key, href)
        if not key.startswith("talk-"):
            assert hrefs, f"{key} renders without any link"
        checked += 1
    assert checked > 17


def test_every_reference_is_cited_somewhere(site):
    rendered = {key for _, key, _ in _reference_items(site)}
    # A talk's own entry is cited by its page's "Cite these notes", not among its references.
    assert set(bib().keys) - rendered == {t.bib_key for t in talks()}
    assert not any(key == talk.bib_key for talk, key, _ in _reference_items(site))


def test_citations_are_backlinked_from_each_reference(site):
    for talk, key, item in _reference_items(site):
        page = item.find_parent("article")
        spots = page.select(f"a.footnote-ref[href='#fn:ref-{key}']")
        backrefs = item.select("a.footnote-backref")
        assert len(backrefs) == len(spots) >= 1, (talk.slug, key)


def test_home_program_lists_every_talk_with_working_links(site):
    home = article(site / "index.html")
    items = home.select("ol.program > li")
    assert len(items) == 17
    for item, talk in zip(items, talks()):
        assert item.select_one(".program__number").get_text(strip=True) == talk.number
        link = item.select_one(".program__title a")
        assert link.get_text(strip=True) == talk.title
        assert item.select_one(".program__speakers").get_text(" ", strip=True).startswith(talk.speaker_names)
        href = link["href"]
        assert (site / href / "index.html").exists() or (site / href).is_file(), href


@pytest.mark.parametrize("section", sections(), ids=lambda s: s.folder)
def test_section_overview_lists_its_talks(site, section):
    page = article(page_path(site, section.src_uri))
    text = " ".join(page.get_text().split())   # no separator added around inline tags (<abbr>)
    for talk in section.talks:
        link = page.find("a", string=talk.title)
        assert link is not None, talk.title
        assert talk.description in text


def test_navigation_follows_the_recap_numbering(site):
    nav = soup(site / "index.html").select_one("nav.md-nav--primary")
    labels = [a.get_text(" ", strip=True) for a in nav.select("a.md-nav__link")]
    positions = [labels.index(t.title) for t in talks()]
    assert positions == sorted(positions)
    section_positions = [next(i for i, l in enumerate(labels) if l.startswith(s.title)) for s in sections()]
    assert section_positions == sorted(section_positions)


LATEX_MARKUP = ("``", "''", "\\", "{", "}")  # what a references.bib field may hold and a reader must not see


def test_no_page_shows_latex_from_references_bib(site):
    """Every title, name and venue a page shows from references.bib is decoded (text.plain, the
    formatter): the Speakers page once listed a title with its TeX quotes, ``What We Can't…''.
    Code blocks (the BibTeX entries themselves) are left out."""
    shown = {}
    for path in sorted(site.rglob("*.html")):
        page = soup(path)
        for hidden in page.select("pre, code, script, style"):
            hidden.decompose()
        text = page.get_text(" ")
        found = [mark for mark in LATEX_MARKUP if mark in text]
        if found:
            shown[path.relative_to(site).as_posix()] = found
    assert not shown, shown
