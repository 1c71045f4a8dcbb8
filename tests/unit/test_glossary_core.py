"""summit/sources/glossary.py on its own: parsing, usage, the page's order, and the Markdown
extension that keeps tooltips out of links. No build: milliseconds."""

from __future__ import annotations

import re

import markdown
import pytest

from builds import ROOT
from summit.sources import glossary
from summit.errors import SourceError
from summit.sources.glossary import Entry
from summit.markdown_ext.abbr_scope import AbbrScopeExtension

GOOD = """\
[//]: # (A comment line: Markdown renders it as nothing.)

*[GAN]: Generative Adversarial Network — two networks trained against each other.
*[GANs]: Generative Adversarial Networks — plural of GAN
*[DrQA]: A question-answering system that reads Wikipedia.
*[regret]: How much better the antagonist does than the protagonist.
*[TF-IDF]: Term frequency–inverse document frequency — a word weighting.
"""


def entries() -> list[Entry]:
    return glossary.parse(GOOD, "includes/glossary.md")


def test_parse_splits_expansion_and_definition():
    by_term = {e.term: e for e in entries()}
    assert by_term["GAN"].expansion == "Generative Adversarial Network"
    assert by_term["GAN"].definition == "two networks trained against each other."
    assert by_term["GAN"].line == 3
    assert by_term["DrQA"].expansion is None                 # a name that abbreviates nothing
    assert by_term["GANs"].plural_of == "GAN"
    assert by_term["TF-IDF"].anchor == "tf-idf"


BAD = {
    "not a glossary line": ("GAN: Generative Adversarial Network — x", r"glossary\.md:1: not a glossary line"),
    "acronym without expansion": ("*[DPR]: a retriever.", r"glossary\.md:1: acronym 'DPR' has no expansion"),
    "empty definition": ("*[DPR]: Dense Passage Retrieval — ", r"glossary\.md:1: 'DPR' has no definition"),
    "duplicate": ("*[DPR]: Dense Passage Retrieval — a.\n*[DPR]: Dense Passage Retrieval — b.",
                  r"glossary\.md:2: 'DPR' is already defined on line 1"),
    "plural of nothing": ("*[CPUs]: Central Processing Units — plural of CPU",
                          r"glossary\.md:1: 'CPUs' is the plural of 'CPU', which the glossary does not define"),
    "space around term": ("*[ DPR]: Dense Passage Retrieval — a.", r"glossary\.md:1: term ' DPR'"),
}


@pytest.mark.parametrize("case", BAD, ids=list(BAD))
def test_bad_lines_fail_with_file_and_line(case):
    text, message = BAD[case]
    with pytest.raises(SourceError, match=message) as error:
        glossary.parse(text, "includes/glossary.md")
    assert "\n" not in str(error.value)                      # one line


def test_load_names_a_missing_file_relative_to_the_project(tmp_path):
    with pytest.raises(SourceError, match=r"^includes/glossary\.md: cannot read the glossary"):
        glossary.load(tmp_path / "includes" / "glossary.md", tmp_path)


def test_usage_counts_only_the_prose_where_a_tooltip_goes():
    pages = {
        "prose.md": "A GAN [@gan2014].",
        "hidden.md": ("[@GAN]\n\n```python\nGAN = 1\n```\nUse `GAN` here. <!-- md:GAN 1 --> "
                      "[link](gan.md#GAN) {: #GAN }\n"),
    }
    assert glossary.usage(pages, entries())["GAN"] == ["prose.md"]


def test_usage_is_whole_word_case_sensitive_and_outside_code():
    pages = {
        "a.md": "Two GANs and one GAN.",
        "b.md": "An organ, a Gantt chart, gan in lower case, and `GAN` in code.",
        "c.md": "Only plural GANs here; no regrets, only Regret.",
    }
    used = glossary.usage(pages, entries())
    assert used["GAN"] == ["a.md", "c.md"]                   # the plural counts for its singular
    assert used["GANs"] == ["a.md", "c.md"]
    assert used["regret"] == []                              # "regrets" and "Regret" are other words


def test_page_order_is_alphabetical_with_plurals_under_their_singular():
    used = {"GAN": ["s/t.md"], "GANs": ["s/t.md"], "DrQA": [], "regret": ["s/u.md"], "TF-IDF": []}
    groups = glossary.alphabetical(entries(), used)
    assert [(letter, [(i.entry.term, i.plural, i.used_in) for i in listed]) for letter, listed in groups] == [
        ("D", [("DrQA", None, [])]),
        ("G", [("GAN", "GANs", ["s/t.md"])]),
        ("R", [("regret", None, ["s/u.md"])]),
        ("T", [("TF-IDF", None, [])]),
    ]


def test_no_tooltip_inside_links_but_elsewhere():
    text = "A GAN and [the GAN talk](t.md), [*a GAN* in emphasis](u.md).\n\n*[GAN]: Generative Adversarial Network\n"
    html = markdown.markdown(text, extensions=["abbr", AbbrScopeExtension([])])
    abbr = '<abbr title="Generative Adversarial Network">GAN</abbr>'
    assert html == (f'<p>A {abbr} and <a href="t.md">the GAN talk</a>, '
                    '<a href="u.md"><em>a GAN</em> in emphasis</a>.</p>')


def test_the_project_glossary_parses():
    terms = glossary.load(ROOT / "includes" / "glossary.md", ROOT)
    assert len(terms) > 50


def test_an_empty_glossary_matches_nothing():
    assert glossary.matcher([]).search("GAN and anything") is None


def test_usage_counts_the_terms_the_abbr_extension_wraps():
    """matcher (what usage counts) finds what the abbr extension wraps: whole words, the longest
    term first."""
    lines = ("*[CA]: Cellular automaton — a grid.\n*[CA-GAN]: A conditional GAN — one.\n"
             "*[GAN]: Generative Adversarial Network — two networks.\n")
    terms = glossary.parse(lines, "glossary.md")
    text = "CA-GAN, CA, CA-GANs and CA-GAN-CA; no GANsy, a -GAN-."
    html = markdown.markdown(f"{text}\n\n{lines}", extensions=["abbr"])
    wrapped = re.findall(r"<abbr [^>]*>([^<]*)</abbr>", html)
    assert glossary.matcher(e.term for e in terms).findall(text) == wrapped == ["CA-GAN", "CA", "CA", "CA-GAN", "CA", "GAN"]
