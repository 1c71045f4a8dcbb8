"""A Python-Markdown extension: a page's footnotes, when every one is a reference, as one element.

mkdocs-bibtex writes a page's references as Markdown footnotes whose text is a token for the
reference's HTML (overrides/markdown/placed-html.md, summit/markdown_html.py). Python-Markdown's
footnotes extension then builds the list element by element, with its number, its back-links
and their titles, and every later step of Markdown walks and writes those elements again: about
700 calls per reference, a fifth of a talk page's Markdown. Here the list is rendered once from
a template (overrides/partials/footnote-references.html, through render_list) with what the
footnotes extension knows (the order, the ids, how often each was cited) and joins the page as
one element whose content Markdown keeps as raw HTML.

The footnotes extension still finds the definitions and numbers the markers in the text. A page
with a footnote of its own (not a reference) keeps the footnotes extension's list as it was.
tests/unit/test_markdown_references.py checks the output against the footnotes extension's.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from markdown import Extension, Markdown
from markdown.extensions.footnotes import FootnoteExtension
from markdown.treeprocessors import Treeprocessor

from .markdown_html import TOKEN, Render, element

# The footnotes extension builds its list at 50; this one builds it after the inline patterns
# (20), once the markers in the text are counted, and before the footnotes extension adds the
# back-links of markers cited twice to its own list (15).
LIST_PRIORITY = 16


@dataclass(frozen=True)
class Footnote:
    id: str  # the list item's id, "fn:ref-KEY"
    elements: Sequence[str]  # the reference's HTML
    backrefs: tuple[str, ...]  # the markers' ids, one per citation: "fnref:ref-KEY", "fnref2:ref-KEY", …
    title: str  # the back-links' title, "Jump back to footnote N in the text"


RenderList = Callable[[list[Footnote], str], str]  # (footnotes, back-link text) -> the list's HTML


def _references(footnotes: FootnoteExtension) -> dict[str, tuple[str, str]] | None:
    """label -> (kind, key) for each footnote if every one is a token, else None."""
    tokens = {}
    for label, text in footnotes.footnotes.items():
        token = TOKEN.fullmatch(text.strip())
        if token is None:
            return None
        tokens[label] = (token["kind"], token["key"])
    return tokens


class _FootnotesUnlessReferences(Treeprocessor):
    """The footnotes extension's own list builder, left out when _ReferenceList builds it."""

    def __init__(self, md: Markdown, builder: Treeprocessor, footnotes: FootnoteExtension):
        super().__init__(md)
        self.builder, self.footnotes = builder, footnotes

    def run(self, root: etree.Element) -> None:
        if _references(self.footnotes) is None:
            self.builder.run(root)


class _ReferenceList(Treeprocessor):
    def __init__(self, md: Markdown, footnotes: FootnoteExtension, render: Render, render_list: RenderList):
        super().__init__(md)
        self.footnotes, self.render, self.render_list = footnotes, render, render_list

    def run(self, root: etree.Element) -> None:
        footnotes = self.footnotes
        if not footnotes.footnotes:
            return
        tokens = _references(footnotes)
        if tokens is None:
            return  # built by the footnotes extension
        separator, title = footnotes.get_separator(), footnotes.getConfig("BACKLINK_TITLE")
        items = []
        for number, (label, (kind, key)) in enumerate(tokens.items(), start=1):
            try:
                elements = self.render(kind, key)
            except ValueError as error:
                raise ValueError(f"<!-- html:{kind} {key} -->: {error}") from None
            first = footnotes.makeFootnoteRefId(label)
            cited = footnotes.found_refs.get(first, 0)
            again = tuple(f"fnref{n}{separator}{label}" for n in range(2, cited + 1))
            items.append(Footnote(footnotes.makeFootnoteId(label), elements, (first, *again), title.format(number)))
        html = self.render_list(items, footnotes.getConfig("BACKLINK_TEXT"))
        self._insert(root, element(html, self.md.htmlStash.store))

    def _insert(self, root: etree.Element, footnote_list: etree.Element) -> None:
        """Where the footnotes extension would put its list: at its marker, or else at the end."""
        found = self.footnotes.findFootnotesPlaceholder(root)
        if found is None:
            root.append(footnote_list)
            return
        child, parent, marker_in_text = found
        index = list(parent).index(child)
        if marker_in_text:
            parent.remove(child)
            parent.insert(index, footnote_list)
        else:
            parent.insert(index + 1, footnote_list)
            child.tail = None


class ReferenceListExtension(Extension):
    """render(kind, key) -> a token's HTML; render_list(footnotes, back-link text) -> the list.
    Listed after "footnotes" in the Markdown extensions; without them it does nothing."""

    def __init__(self, render: Render, render_list: RenderList):
        super().__init__()
        self.render, self.render_list = render, render_list

    def extendMarkdown(self, md: Markdown) -> None:
        if "footnote" not in md.treeprocessors:
            return
        builder = md.treeprocessors["footnote"]
        footnotes: FootnoteExtension = builder.footnotes
        md.treeprocessors.register(_FootnotesUnlessReferences(md, builder, footnotes), "footnote", 50)
        md.treeprocessors.register(_ReferenceList(md, footnotes, self.render, self.render_list),
                                   "reference_list", LIST_PRIORITY)
