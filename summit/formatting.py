"""How a work in references.bib reads in the notes: mkdocs-bibtex's text, minus one repetition.

mkdocs-bibtex (SimpleRegistry.reference_text, 4.4.0) formats an entry with pybtex's plain style
and Markdown backend, then flattens newlines and unescapes "\\(", "\\)" and "\\.". This does the
same, with one change to the style: an arXiv paper's url is its abstract page (references.bib
requires it, see bibliography.check_entry), which the style's eprint link already gives as
"arXiv:…", so the url is not printed a second time. tests/test_formatting.py fails if a new
mkdocs-bibtex release formats differently.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pybtex.backends.markdown import Backend as MarkdownBackend
from pybtex.database import Entry
from pybtex.style.formatting.plain import Style as PlainStyle
from pybtex.style.template import optional, sentence


class NotesStyle(PlainStyle):
    def format_web_refs(self, e: Entry):
        if "eprint" not in e.fields:
            return super().format_web_refs(e)
        return sentence[optional[self.format_eprint(e)], optional[self.format_pubmed(e)], optional[self.format_doi(e)]]


def markdown_text(entry: Entry, style: PlainStyle) -> str:
    """One entry as Markdown on one line, cleaned up as mkdocs-bibtex does."""
    text = style.format_entry("", entry).text.render(MarkdownBackend())
    return text.replace("\n", " ").replace("\\(", "(").replace("\\)", ")").replace("\\.", ".")


@dataclass
class ReferenceFormatter:
    """Formats each entry once: pybtex is the slowest step of a build, and a work cited on
    several pages (or listed on the Papers page) would otherwise be formatted each time."""

    entries: dict[str, Entry]
    style: PlainStyle = field(default_factory=NotesStyle)
    _done: dict[str, str] = field(default_factory=dict, repr=False)  # key -> text

    def text(self, key: str) -> str:
        if key not in self._done:
            self._done[key] = markdown_text(self.entries[key], self.style)
        return self._done[key]
