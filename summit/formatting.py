"""How a work in references.bib reads in the notes: mkdocs-bibtex's text, minus one repetition.

mkdocs-bibtex (SimpleRegistry.reference_text, 4.4.0) formats an entry with pybtex's plain style
and Markdown backend, which Markdown then turns into HTML. This formats it with the same style
straight to HTML (one Markdown pass less per reference on every page that cites it), with one
change to the style: an arXiv paper's url is its abstract page (references.bib requires it, see
bibliography.check_entry), which the style's eprint link already gives as "arXiv:…", so the url
is not printed a second time. tests/unit/test_formatting.py fails if the HTML differs from what
Markdown makes of mkdocs-bibtex's text, for instance after a new mkdocs-bibtex release.

The rules run as summit/plain_style.py (the same rules as plain functions, several times faster);
NotesStyle, pybtex's own, formats the entry types plain_style does not cover and is what
tests/unit/test_plain_style.py checks plain_style against.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from types import MappingProxyType

from pybtex.backends.html import Backend as PybtexHtmlBackend
from pybtex.database import Entry
from pybtex.richtext import Text
from pybtex.style.formatting.plain import Style as PlainStyle
from pybtex.style.template import optional, sentence

from . import plain_style, styled_text
from .errors import SourceError


class HtmlBackend(PybtexHtmlBackend):
    """pybtex's HTML as Markdown makes it of mkdocs-bibtex's text (pybtex's Markdown backend):
    braced (case-protected) words as plain text, not in a span with pybtex's own class, and a
    tie (~) as a plain space."""

    symbols = MappingProxyType({**PybtexHtmlBackend.symbols, "nbsp": " "})

    def format_protected(self, text: str) -> str:
        return text


class NotesStyle(PlainStyle):
    def format_web_refs(self, e: Entry):
        if "eprint" not in e.fields:
            return super().format_web_refs(e)
        return sentence[optional[self.format_eprint(e)], optional[self.format_pubmed(e)], optional[self.format_doi(e)]]


@dataclass(eq=False)  # one per build: equal only to itself
class ReferenceFormatter:
    """Formats an entry as HTML. Formatting was the slowest step of a build: the notes format
    each entry once, keeping the HTML (summit/views.py, Views.reference_text), not the rich text
    it is made from, which would stay in memory for the whole build."""

    entries: dict[str, Entry]
    where: Callable[[str], str] = lambda key: "references.bib"  # an entry's "file:line", for errors

    @cached_property
    def style(self) -> PlainStyle:
        """pybtex's style, for what plain_style does not cover: made on first use, as making it
        looks up pybtex's plugins through the installed packages' metadata (some 20 ms)."""
        return NotesStyle()

    def _formatted(self, key: str) -> styled_text.Styled | Text:
        entry = self.entries[key]
        try:  # the same rules, written out: much faster
            return plain_style.format_entry(entry)
        except plain_style.Unsupported:
            return self.style.format_entry("", entry).text
        except plain_style.MissingField as error:
            raise SourceError(f"{self.where(key)}: {error}") from None

    def html(self, key: str, plain_text: Callable[[str], str] | None = None) -> str:
        """The reference as HTML; plain_text, when given, writes its plain strings outside links
        (summit/styled_text.render: the notes give the glossary's terms their tooltips there)."""
        formatted = self._formatted(key)
        if isinstance(formatted, styled_text.Styled):
            return styled_text.render(formatted, HtmlBackend(), plain_text).replace("\n", " ")
        return formatted.render(HtmlBackend()).replace("\n", " ")  # pybtex's own: no tooltips
