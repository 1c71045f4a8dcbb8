"""A reference: summit/reference_view.py chooses its facts, partials/reference-text.html draws them.

Also the one piece of mkdocs-bibtex the notes replace, its registry (hooks/pipeline.py,
NotesRegistry): if a mkdocs-bibtex release parses or asks its registry otherwise, the last test fails.
"""

from __future__ import annotations

import inspect
import math
import re
from pathlib import Path
from types import SimpleNamespace

import jinja2
import pytest
from bs4 import BeautifulSoup
from mkdocs_bibtex.plugin import BibTexPlugin
from mkdocs_bibtex.registry import SimpleRegistry
from pybtex.database import parse_string

from summit.sources import bibliography
from summit.render.reference_view import Reference, display_name, reference

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = jinja2.Environment(loader=jinja2.FileSystemLoader(ROOT / "overrides"),
                               trim_blocks=True, lstrip_blocks=True)  # as hooks/pipeline.py sets it

BIB = r"""
@inproceedings{five,
  author = {Choi, Kristy and Grover, Aditya and Singh, Trisha and Shu, Rui and Ermon, Stefano},
  title = {Fair Generative Modeling via Weak Supervision},
  booktitle = {Proceedings of the 37th International Conference on Machine Learning ({ICML})},
  publisher = {PMLR},
  pages = {1887--1898},
  year = {2020},
  eprint = {1910.12008},
  archivePrefix = {arXiv},
  url = {https://arxiv.org/abs/1910.12008}
}
@article{latex,
  author = {Abadi, Mart{\'\i}n and {Ag{\"u}era y Arcas}, Blaise and van der Schaar, Mihaela},
  title = {``{W}hat We Can't Measure'': {GAN}s -- and {CA-GAN}?},
  journal = {Computer Vision -- {ECCV} 2020},
  year = {2021},
  doi = {10.1145/3442188.3445888},
  url = {https://example.org/paper}
}
@misc{bare,
  title = {A Page},
  howpublished = {{GitHub} repository},
  url = {https://github.com/x/y}
}
"""


@pytest.fixture(scope="module")
def entries():
    return parse_string(BIB, "bibtex").entries


def text(work: Reference) -> str:
    return TEMPLATES.get_template("partials/reference-text.html").module.reference_text(work)


def test_the_view_holds_names_title_venue_year_and_links_decoded(entries):
    work = reference(entries["latex"], {"doi": "https://doi.org/10.1/x", "url": "https://example.org/paper"})
    assert work.authors == ("Martín Abadi", "Blaise Agüera y Arcas", "Mihaela van der Schaar")
    assert work.title == "“What We Can't Measure”: GANs – and CA-GAN?"  # braces gone, their case kept
    assert work.venue == "Computer Vision – ECCV 2020"  # the journal, decoded
    assert work.year == "2021"
    assert work.links == (("doi", "https://doi.org/10.1/x"), ("url", "https://example.org/paper"))


def test_venue_is_the_first_field_that_says_where(entries):
    assert reference(entries["five"], {}).venue.startswith("Proceedings of the 37th")  # not the publisher
    assert reference(entries["bare"], {}).venue == "GitHub repository"
    assert reference(entries["bare"], {}).year == ""


def test_a_name_reads_given_names_first():
    person = parse_string("@misc{p, author = {McMahan, Jr, H. Brendan}}", "bibtex").entries["p"].persons["author"][0]
    assert display_name(person) == "H. Brendan McMahan, Jr"


def test_a_long_author_list_shows_three_and_et_al(entries):
    html = text(reference(entries["five"], {}))
    assert html.startswith('<span class="reference__authors">Kristy Choi, Aditya Grover, Trisha Singh et al.</span> ')
    assert "Rui Shu" not in html


def test_up_to_four_authors_show_all(entries):
    work = reference(entries["five"], {})._replace(authors=("A One", "B Two", "C Three", "D Four"))
    assert "A One, B Two, C Three and D Four.</span>" not in text(work)  # the period follows the span
    assert '<span class="reference__authors">A One, B Two, C Three and D Four</span>. ' in text(work)
    assert text(work._replace(authors=("A One",))).startswith('<span class="reference__authors">A One</span>. ')


def test_reference_reads_names_title_venue_year_then_each_link_once(entries):
    links = {"arxiv": "https://arxiv.org/abs/1910.12008"}
    html = text(reference(entries["five"], links))
    page = BeautifulSoup(html, "html.parser")
    assert page.get_text() == ("Kristy Choi, Aditya Grover, Trisha Singh et al. "
                               "Fair Generative Modeling via Weak Supervision. "
                               "Proceedings of the 37th International Conference on Machine Learning (ICML), 2020. arXiv")
    assert page.cite.get_text() == "Fair Generative Modeling via Weak Supervision"
    assert [(a.get_text(), a["href"]) for a in page.find_all("a")] == [("arXiv", "https://arxiv.org/abs/1910.12008")]
    assert html.count("1910.12008") == 1  # the URL is the link's, never the text's


def test_a_title_ending_in_a_question_mark_takes_no_period_and_text_is_escaped(entries):
    work = reference(entries["latex"], {"doi": "https://doi.org/10.1/<x>&y"})
    html = text(work._replace(venue="A & B <i>"))
    assert "CA-GAN?</cite> A &amp; B &lt;i&gt;, 2021. " in html
    assert 'href="https://doi.org/10.1/&lt;x&gt;&amp;y">DOI</a>' in html


def test_a_work_without_authors_venue_or_year(entries):
    work = reference(entries["bare"], {"url": "https://github.com/x/y"})._replace(venue="")
    assert BeautifulSoup(text(work), "html.parser").get_text() == "A Page. Link"
    assert " · " in text(work._replace(links=(("arxiv", "https://a"), ("doi", "https://b"))))


def test_every_entry_of_references_bib_has_a_title_and_its_links(tmp_path):
    bib = bibliography.load(ROOT / "references.bib")
    for key in bib.keys:
        html = text(reference(bib.entry(key), bib.links(key)))
        hrefs = [a["href"] for a in BeautifulSoup(html, "html.parser").find_all("a")]
        assert hrefs == list(bib.links(key).values()), key
        assert not re.search(r"[{}\\]|``|''", BeautifulSoup(html, "html.parser").get_text()), key


def test_mkdocs_bibtex_keeps_the_registry_it_is_given(tmp_path):
    """hooks/pipeline.py gives mkdocs-bibtex a NotesRegistry, a SimpleRegistry built from the
    corpus's parse whose reference_text is a placeholder, and marks the plugin configured so that
    its on_config does not parse references.bib again: the one place the notes reach into the
    plugin. If a release parses anyway, or builds or asks its registry otherwise, this fails."""
    broken = tmp_path / "references.bib"
    broken.write_text("@misc{open,\n  title = {never closed\n", encoding="utf-8")
    plugin = BibTexPlugin()
    plugin.load_config({"bib_file": str(broken)}, config_file_path=str(tmp_path / "mkdocs.yml"))
    given = object()
    plugin.registry, plugin.last_configured = given, math.inf
    plugin.on_config(SimpleNamespace(config_file_path=str(tmp_path / "mkdocs.yml")))  # the broken file is not read
    assert plugin.registry is given
    assert list(inspect.signature(SimpleRegistry.reference_text).parameters) == ["self", "citation"]
    assert "self.registry.reference_text(citation)" in inspect.getsource(BibTexPlugin.on_page_markdown)
    assert {"bib_data", "footnote_format"} >= {
        name for name in re.findall(r"self\.(\w+)", inspect.getsource(SimpleRegistry.inline_text))}
