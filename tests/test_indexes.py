"""Speakers, Papers, Tags and related talks: generated, complete, and every link lands."""

from __future__ import annotations

from collections import Counter
from urllib.parse import urljoin, urlparse

import pytest

from site_model import article, bib, page_path, soup, talks
from summit.sources.bibliography import plain
from test_bad_input import TALK, _fails_with, _replace


def _resolve(site, page_file, href):
    """The file and fragment a relative href on a built page points to."""
    url = urlparse(urljoin("http://x/" + page_file.relative_to(site).as_posix(), href))
    path = site / url.path.lstrip("/")
    if url.path.endswith("/") or path.is_dir():
        path = path / "index.html"
    return path, url.fragment


def test_speakers_page_lists_every_speaker_once_with_working_links(site):
    page_file = site / "speakers" / "index.html"
    page = article(page_file)
    names = [h.get_text(strip=True).rstrip("¶") for h in page.find_all("h2")]
    expected = {s.name for t in talks() for s in t.speakers}
    assert Counter(names) == Counter(expected), names
    assert len(expected) == 19
    for link in page.select("a[href]"):
        if link["href"].startswith(("http", "#")):
            continue
        target, fragment = _resolve(site, page_file, link["href"])
        assert target.is_file(), link["href"]
        if fragment:
            assert soup(target).find(id=fragment), link["href"]


def test_talk_headers_link_their_speakers(site):
    for talk in talks():
        page_file = page_path(site, talk.src_uri)
        links = article(page_file).select(".talk-header__speakers a")
        assert [a.get_text(strip=True) for a in links] == [s.name for s in talk.speakers]
        for link in links:
            target, fragment = _resolve(site, page_file, link["href"])
            assert target == site / "speakers" / "index.html" and soup(target).find(id=fragment)


def test_speakers_page_credits_their_cited_works(site):
    page = article(site / "speakers" / "index.html")
    grover = page.find(id="aditya-grover").find_next("ul").find_next("ul")
    assert "Fair Generative Modeling via Weak Supervision" in grover.get_text()


def test_papers_page_lists_every_entry_once_and_cited_in_links_really_cite(site):
    page_file = site / "papers" / "index.html"
    page = article(page_file)
    ids = [div["id"] for div in page.select("div.work")]
    assert Counter(ids) == Counter(bib().keys)
    with_cited_in = 0
    for div in page.select("div.work"):
        cited_in = div.select(".work__cited-in a")
        assert cited_in, f"{div['id']} has no cited-in link"
        with_cited_in += 1
        for link in cited_in:
            target, _ = _resolve(site, page_file, link["href"])
            assert target.is_file(), link["href"]
            if div["id"].startswith("talk-"):  # a talk's entry: cited by its page's "Cite these notes"
                assert soup(target).select_one(".cite-notes"), link["href"]
            else:
                assert soup(target).find(id=f"fn:ref-{div['id']}"), f"{link['href']} does not cite {div['id']}"
    assert with_cited_in == len(bib().keys)


def test_papers_page_groups_works_under_headings_in_its_table_of_contents(site):
    page_file = site / "papers" / "index.html"
    body = article(page_file)
    headings = [h.find(string=True, recursive=False) for h in body.select("h2")]
    assert headings[0] == "Papers", "the first group has its heading (it was once glued to the intro)"
    intro = body.select_one("h1").find_next("p")
    assert "##" not in intro.get_text()
    for heading in body.select("h2"):
        assert heading.find_next_sibling().get("class") == ["works"], heading
    contents = [a.get_text(strip=True) for a in soup(page_file).select(".md-sidebar--secondary a.md-nav__link")]
    assert contents == ["Papers, code and demos"] + headings or contents == headings, contents


def test_papers_page_orders_each_group_by_its_first_authors_surname_as_a_reader_reads_it(site):
    """Braces and LaTeX aside: an institutional author written {Google Research} sorts under G,
    not after Z (as it did before the surname was decoded)."""
    body = article(site / "papers" / "index.html")
    for group in body.select("div.works"):
        names = []
        for work in group.select("div.work"):
            persons = bib().authors(work["id"])
            name = " ".join(persons[0].last_names) if persons else bib().fields(work["id"])["title"]
            names.append(plain(name).lower())
        assert names == sorted(names), names


def test_tags_page_lists_every_tag_in_use(site):
    text = article(site / "tags" / "index.html").get_text(" ", strip=True)
    for tag in {tag for t in talks() for tag in t.tags}:
        assert tag in text


@pytest.mark.parametrize("talk", talks(), ids=lambda t: t.slug)
def test_related_talks_are_two_or_three_and_resolve(site, talk):
    page_file = page_path(site, talk.src_uri)
    heading = article(page_file).find(id="related-talks")
    assert heading is not None
    links = heading.find_next("ul").select("li > strong > a")
    assert 2 <= len(links) <= 3
    for link in links:
        target, _ = _resolve(site, page_file, link["href"])
        assert target.is_file() and target != page_file


def test_open_endedness_paired_and_moral_rl_are_related(site):
    def related(src):
        heading = article(page_path(site, src)).find(id="related-talks")
        return {a.get_text(" ", strip=True) for a in heading.find_next("ul").select("li > strong > a")}

    assert any("Safe, Interpretable" in t for t in related("deep-learning-landscape/open-endedness.md"))
    moral = related("reinforcement-learning/safe-interpretable-moral-rl.md")
    assert any("Open-Endedness" in t for t in moral) and any("Zero-Shot" in t for t in moral)


def test_unknown_tag_fails_the_build(project_copy):
    _replace(project_copy / TALK, "  - Generative models\n", "  - Generative modelz\n")
    _fails_with(
        project_copy,
        r"docs/generative-models/fair-generative-modeling\.md: tag 'Generative modelz' is not in the "
        r"vocabulary tags\.yml \(did you mean: Generative models",
    )
