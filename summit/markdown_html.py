"""A Python-Markdown extension: HTML the templates rendered, placed in the page where a block of
the page is a token for it, "<!-- html:KIND KEY -->".

A reference (its text and its BibTeX control) was Markdown inside its footnote, parsed again on
every page citing the work. It is rendered once per build as HTML instead (summit/views.py,
partials/reference.html and partials/bibtex.html) and reaches its footnote as a token alone in
its block (overrides/markdown/placed-html.md). Where every footnote of a page is a reference,
summit/markdown_references.py numbers and lists them before Markdown parses the page. Elsewhere
(a page with a footnote of the author's own), the footnotes extension lists them and a
reference's token becomes its elements here: each joins Markdown's tree as that element, its content kept as raw HTML in
Python-Markdown's own store, so Markdown neither parses nor walks it again; and Markdown's
footnotes, seeing a block element last rather than a paragraph, give the footnote's back-link a
paragraph of its own after it (a raw-HTML paragraph would have taken the back-link, and the
BibTeX control, inside it).

A token that is a block of the page itself (overrides/markdown/placed-html.md: a shortcode's
listing, a slide's drawing, a talk page's related talks and its citation) is kept by Markdown as
a raw HTML block, as any HTML comment there; its HTML takes its place in the store. (Written as
Markdown, the home page's table was parsed cell by cell, a slide's image link through attribute
lists, and raw HTML tag by tag.)

A token is an HTML comment, so a page's tokens left out of Markdown (a code sample) stay
invisible; render(kind, key) raises for a token it cannot render, and the build fails; the
MkDocs side fails a page where a token is left (hooks/pipeline.py, on_page_content).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Callable, Sequence

from markdown import Extension, Markdown
from markdown.blockparser import BlockParser
from markdown.blockprocessors import BlockProcessor
from markdown.postprocessors import Postprocessor
from markdown.util import HTML_PLACEHOLDER, AtomicString

TOKEN = re.compile(r"<!-- html:(?P<kind>[a-z-]+) (?P<key>[^\s<>]+) -->")
PREFIX = "<!-- html:"
# Tested before the other block processors: there is a token block per reference, and none of
# them has anything to do with it.
PRIORITY = 200
# Before Markdown puts its raw HTML back in the page (30).
STASHED_PRIORITY = 35


def element(html: str, stash: Callable[[str], str]) -> etree.Element:
    """One element of HTML as an element of Markdown's tree: its start and end tags parsed, its
    content handed to stash(html), whose placeholder becomes its text."""
    html = html.strip()
    start_tag_end, end_tag_start = html.find(">") + 1, html.rfind("</")
    try:
        shell = etree.fromstring(html[:start_tag_end] + html[end_tag_start:])
    except etree.ParseError:
        raise ValueError(f"not one element: {html[:60]!r}") from None
    shell.text = AtomicString(stash(html[start_tag_end:end_tag_start]))
    return shell


Render = Callable[[str, str], Sequence[str]]  # (kind, key) -> the HTML's top-level elements


class _PlaceHtml(BlockProcessor):
    def __init__(self, parser: BlockParser, render: Render):
        super().__init__(parser)
        self.render = render

    def test(self, parent: etree.Element, block: str) -> bool:
        return block.startswith(PREFIX)

    def run(self, parent: etree.Element, blocks: list[str]) -> bool | None:
        token = TOKEN.fullmatch(blocks[0].rstrip())
        if token is None:  # not a token alone in its block: an HTML comment as Markdown sees it
            return False
        blocks.pop(0)
        kind, key = token["kind"], token["key"]
        try:
            placed = [element(html, self.parser.md.htmlStash.store) for html in self.render(kind, key)]
        except ValueError as error:
            raise ValueError(f"<!-- html:{kind} {key} -->: {error}") from None
        parent.extend(placed)
        return None


class _PlaceStashedHtml(Postprocessor):
    """A token that is a block of the page itself (markdown/placed-html.md) reaches no block
    processor: Markdown keeps it as raw HTML, as it does any HTML comment
    there. Its HTML replaces it in Markdown's store, before Markdown puts the store back in the
    page: where a raw HTML block stood, the HTML stands."""

    def __init__(self, md: Markdown, render: Render):
        super().__init__(md)
        self.render = render

    def run(self, text: str) -> str:
        stored = self.md.htmlStash.rawHtmlBlocks
        for index, html in enumerate(stored):
            if isinstance(html, str) and html.startswith(PREFIX):
                token = TOKEN.fullmatch(html.strip())
                # a block of its own: in a paragraph, a comment is left as it is
                if token is not None and f"<p>{HTML_PLACEHOLDER % index}</p>" in text:
                    try:
                        stored[index] = "\n".join(self.render(token["kind"], token["key"]))
                    except ValueError as error:
                        raise ValueError(f"{token[0]}: {error}") from None
        return text


class PlaceHtmlExtension(Extension):
    """render(kind, key) -> the HTML a token stands for, as its top-level elements."""

    def __init__(self, render: Render):
        super().__init__()
        self.render = render

    def extendMarkdown(self, md: Markdown) -> None:
        md.parser.blockprocessors.register(_PlaceHtml(md.parser, self.render), "place_html", PRIORITY)
        md.postprocessors.register(_PlaceStashedHtml(md, self.render), "place_stashed_html", STASHED_PRIORITY)
