"""The one piece of mkdocs-bibtex the project replaces: its reference formatter.

summit/formatting.py must give what mkdocs-bibtex's SimpleRegistry gives, except that an
arXiv paper's URL (its abstract page) is not printed a second time before "arXiv:…". If a new
mkdocs-bibtex release formats differently, or stops calling registry.reference_text, these fail.
"""

from __future__ import annotations

import inspect

import pytest
from mkdocs_bibtex.citation import Citation
from mkdocs_bibtex.plugin import BibTexPlugin
from mkdocs_bibtex.registry import SimpleRegistry

from builds import ROOT
from summit import bibliography
from summit.formatting import ReferenceFormatter

BIB_FILE = ROOT / "references.bib"


@pytest.fixture(scope="module")
def theirs() -> SimpleRegistry:
    return SimpleRegistry(bib_files=[str(BIB_FILE)], footnote_format="ref-{key}")


@pytest.fixture(scope="module")
def ours() -> ReferenceFormatter:
    return ReferenceFormatter(bibliography.load(BIB_FILE).data.entries)


def test_same_text_as_mkdocs_bibtex_but_the_repeated_arxiv_url(theirs, ours):
    checked = 0
    for key, entry in theirs.bib_data.entries.items():
        expected = theirs.reference_text(Citation(key=key))
        if "eprint" in entry.fields:
            url = entry.fields["url"]
            assert f"URL: [{url}]({url}), " in expected, key
            expected = expected.replace(f"URL: [{url}]({url}), ", "")
        assert ours.text(key) == expected, key
        checked += 1
    assert checked > 90


def test_an_arxiv_paper_links_its_abstract_once(ours):
    text = ours.text("choi2020fairgen")
    assert text.count("https://arxiv.org/abs/1910.12008") == 1
    assert "[arXiv:1910.12008](https://arxiv.org/abs/1910.12008)" in text


def test_mkdocs_bibtex_still_formats_through_registry_reference_text():
    """hooks/pipeline.py replaces registry.reference_text(citation) in on_pre_build."""
    assert list(inspect.signature(SimpleRegistry.reference_text).parameters) == ["self", "citation"]
    source = inspect.getsource(BibTexPlugin.on_page_markdown)
    assert "self.registry.reference_text(citation)" in source
    # the registry is created in on_config, before on_pre_build runs
    assert "self.registry = SimpleRegistry(" in inspect.getsource(BibTexPlugin.on_config)
