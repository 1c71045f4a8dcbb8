"""summit/plain_style.py must format exactly as pybtex's plain style (with the notes' one change,
NotesStyle) does: the same Markdown and the same HTML, for every entry in references.bib and for
entries that take the branches references.bib does not (editors, series, numbers, addresses,
von and Jr parts, LaTeX accents and dashes, missing optional fields)."""

from __future__ import annotations

import pytest
from pybtex.backends.html import Backend as PybtexHtmlBackend
from pybtex.backends.markdown import Backend as MarkdownBackend
from pybtex.database import parse_string
from pybtex.richtext import Text

from builds import ROOT
from summit import bibliography, plain_style, styled_text
from summit.errors import SourceError
from summit.formatting import HtmlBackend, NotesStyle, ReferenceFormatter
from summit.text import NEEDS_DECODING, latex_text

BRANCHES = r"""
@book{b1, editor = {Anna Smith and Bo Li}, title = {A {Book} of {LaTeX} Things}, publisher = {Pub},
  address = {Paris}, edition = {Second}, year = {1999}, month = mar, isbn = {123}, volume = {3},
  series = {Great Series}, note = {A note}, url = {https://example.org/b1}, urldate = {2020-01-01}}
@book{b2, author = {de la Vall{\'e}e Poussin, Jr., Charles Louis}, title = {On ``Quotes'' -- and dashes},
  publisher = {P}, year = {2001}, number = {7}, series = {Lecture Notes}, doi = {10.1000/xyz}}
@book{b3, editor = {Solo Editor}, title = {T}, publisher = {P}, year = {2002}, series = {Only Series}}
@article{a1, author = {Ng, A. and B. Jordan and C. D. Eff and {Big Org}}, title = {What? {A} Title: with {CAPS} and $x$},
  journal = {J. of Things}, volume = {4}, number = {2}, pages = {10--20}, year = {2010}, pubmed = {12345}}
@article{a2, author = {Ng, A.}, title = {Pages only}, journal = {J}, pages = {5-9}, year = {2011}}
@article{a3, author = {Ng, A.}, title = {Volume, no pages}, journal = {J}, volume = {9}, year = {2012},
  eprint = {2101.00001}, archivePrefix = {arXiv}, url = {https://arxiv.org/abs/2101.00001}}
@article{a4, author = {M{\"u}ller, J{\"o}rg}, title = {No volume or pages}, journal = {J~K}, year = {2013}}
@inproceedings{p1, author = {X Y and Z W}, editor = {E One}, title = {Proc paper},
  booktitle = {Proc. of {ABC}}, volume = {12}, series = {LNCS}, pages = {1--2}, address = {Rome},
  organization = {Org}, publisher = {Pub}, year = {2019}, month = {June}}
@inproceedings{p2, author = {X Y}, title = {No address}, booktitle = {Conf}, number = {3},
  series = {S}, organization = {Org}, year = {2018}}
@inproceedings{p3, author = {X Y}, title = {Bare}, booktitle = {Conf}, year = {2017}, note = {Oral}}
@misc{m1, title = {Only a title}}
@misc{m2, author = {Q R}, howpublished = {Blog post}, url = {https://example.org/m2}}
@misc{m3, author = {Q R}, title = {Dated}, month = {May}, year = {2020}, urldate = {2021-02-03},
  url = {https://example.org/m3}, note = {Ag{\"u}era's  note, with 50\% and {\textbullet}}}
@online{o1, author = {S T}, title = {Online one}, year = {2021}, url = {https://example.org/o1}}
@misc{n1, author = {Jan van der Berg and Mary Ann Louise Smith-Jones and Li, Jr, Wei and Al B. C. Dee and van Oz, Bo and
  Ab Cd Ef Gh}, title = {Plain names, every tie}, year = {2020}}
"""


def renderings(entry) -> tuple[tuple[str, str], ...]:
    pybtex_text = NotesStyle().format_entry("", entry).text
    ours = plain_style.format_entry(entry)
    return (
        (pybtex_text.render(MarkdownBackend()), styled_text.render(ours, MarkdownBackend())),
        (pybtex_text.render(HtmlBackend()), styled_text.render(ours, HtmlBackend())),
        # pybtex's own HTML shows ties (&nbsp;) and braced groups, which the notes' backends hide
        (pybtex_text.render(PybtexHtmlBackend()), styled_text.render(ours, PybtexHtmlBackend())),
    )


def entries_of_references_bib():
    return bibliography.load(ROOT / "references.bib").data.entries


@pytest.mark.parametrize("source", ["references.bib", "branches"])
def test_same_markdown_and_html_as_pybtex(source):
    entries = entries_of_references_bib() if source == "references.bib" else parse_string(BRANCHES, "bibtex").entries
    checked = 0
    for key, entry in entries.items():
        assert plain_style.handles(entry), key
        for theirs, ours in renderings(entry):
            assert ours == theirs, key
        checked += 1
    assert checked >= (90 if source == "references.bib" else 15)


def test_a_missing_required_field_is_named_with_its_place():
    entries = parse_string("@article{k, author = {A B}, title = {T}, journal = {J}}", "bibtex").entries
    with pytest.raises(plain_style.MissingField, match=r"entry 'k' \(@article\) needs a year field"):
        plain_style.format_entry(entries["k"])
    formatter = ReferenceFormatter(entries, where=lambda key: "references.bib:7")
    with pytest.raises(SourceError, match=r"^references\.bib:7: entry 'k' \(@article\) needs a year field"):
        formatter.html("k")


def test_other_entry_types_and_braced_page_ranges_are_left_to_pybtex():
    data = parse_string("@phdthesis{t, author = {A B}, title = {T}, school = {S}, year = {2000}}"
                        "@article{p, author = {A B}, title = {T}, journal = {J}, pages = {{xii}--4}, year = {2000}}",
                        "bibtex")
    assert not plain_style.handles(data.entries["t"])
    for key in "tp":
        with pytest.raises(plain_style.Unsupported):
            plain_style.format_entry(data.entries[key])
    formatter = ReferenceFormatter(data.entries)
    expected = NotesStyle().format_entry("", data.entries["p"]).text.render(HtmlBackend())
    assert formatter.html("p") == expected.replace("\n", " ")


def test_latex_is_decoded_only_where_there_is_something_to_decode():
    assert latex_text("Plain words: a-b, c.d") == Text("Plain words: a-b, c.d")
    for latex in (r"Baudi{\v{s}}", "10--20", "a~b", "``q''", "50\\%", "$x$", "a  b"):
        assert NEEDS_DECODING.search(latex), latex
    for latex in (r"Baudi{\v{s}}", "10--20", "a~b", "``q''", "50\\%", "$x$", "a  b", "{A--B} c",
                  "a-b--c---d----e-----f", "{Big} {\\textbullet} x", "pp. 1--2~and~3"):
        assert latex_text(latex) == Text.from_latex(latex), latex
