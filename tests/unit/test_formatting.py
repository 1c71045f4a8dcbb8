"""The one piece of mkdocs-bibtex the project replaces: its reference formatter.

summit/formatting.py must give what mkdocs-bibtex's SimpleRegistry gives, except that an
arXiv paper's URL (its abstract page) is not printed a second time before "arXiv:…". If a new
mkdocs-bibtex release formats differently, or stops calling registry.reference_text, these fail.
"""

from __future__ import annotations

import inspect
import re

import markdown
import pytest
from bs4 import BeautifulSoup
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


def as_markdown_makes_it(markdown_text: str) -> str:
    """The HTML Python-Markdown makes of mkdocs-bibtex's text, without the paragraph around it."""
    return markdown.markdown(markdown_text).removeprefix("<p>").removesuffix("</p>")


def normalized(html: str) -> str:
    """Entities and character references written one way (&ndash; and – are the same text)."""
    return BeautifulSoup(html, "html.parser").decode(formatter="minimal")


def test_same_html_as_markdown_makes_of_mkdocs_bibtex_text_but_the_repeated_arxiv_url(theirs, ours):
    checked = 0
    for key, entry in theirs.bib_data.entries.items():
        expected = theirs.reference_text(Citation(key=key))
        if "eprint" in entry.fields:
            url = entry.fields["url"]
            assert f"URL: [{url}]({url}), " in expected, key
            expected = expected.replace(f"URL: [{url}]({url}), ", "")
        assert normalized(ours.html(key)) == normalized(as_markdown_makes_it(expected)), key
        checked += 1
    assert checked > 90


def test_an_arxiv_paper_links_its_abstract_once(ours):
    html = ours.html("choi2020fairgen")
    assert html.count("https://arxiv.org/abs/1910.12008") == 1
    assert '<a href="https://arxiv.org/abs/1910.12008">arXiv:1910.12008</a>' in html


def test_plain_text_outside_links_is_written_by_the_caller(ours):
    """How the glossary's tooltips get in: every plain string but a link's text goes through
    plain_text, with braced groups joined to their neighbours as Markdown would see them."""
    seen = []
    html = ours.html("choi2020fairgen", lambda text: seen.append(text) or text.upper())
    assert "FAIR GENERATIVE MODELING VIA WEAK SUPERVISION" in html
    assert '<a href="https://arxiv.org/abs/1910.12008">arXiv:1910.12008</a>' in html
    assert not any("arXiv:" in text for text in seen)


def test_mkdocs_bibtex_asks_its_registry_only_for_what_the_notes_registry_gives():
    """hooks/pipeline.py gives mkdocs-bibtex a registry of its own (NotesRegistry, a SimpleRegistry
    over the corpus's bibliography with the notes' reference_text) and sets last_configured so
    that mkdocs-bibtex's on_config keeps it instead of parsing references.bib again."""
    assert list(inspect.signature(SimpleRegistry.reference_text).parameters) == ["self", "citation"]
    asked = set(re.findall(r"self\.registry\.(\w+)", inspect.getsource(BibTexPlugin.on_page_markdown)))
    assert asked <= {"bib_data", "footnote_format", "validate_citation_blocks", "inline_text",
                     "reference_text", "validate_inline_references"}, asked
    assert "self.registry.reference_text(citation)" in inspect.getsource(BibTexPlugin.on_page_markdown)
    on_config = inspect.getsource(BibTexPlugin.on_config)
    skip = on_config.index("if self.last_configured is not None:")
    assert "return config" in on_config[skip:on_config.index("self.registry = ")], "no early return any more"
    for method in ("validate_citation_blocks", "inline_text"):  # inherited: they read bib_data and footnote_format
        assert set(re.findall(r"self\.(\w+)", inspect.getsource(getattr(SimpleRegistry, method)))) <= {
            "bib_data", "footnote_format"}, method
