"""A Python-Markdown extension: HTML the templates rendered, placed in the page where a block of
the page is a token for it.

A reference (its text and its BibTeX control) was Markdown inside its footnote, parsed again on
every page citing the work: the largest part of a talk page's Markdown. It is rendered once per
build as HTML instead (summit/views.py, overrides/partials/reference.html) and reaches the page
as a token, "<!-- html:KIND KEY -->", alone in its block (overrides/markdown/reference.md).

The HTML is one element. It joins Markdown's tree as that element, its content kept as raw
HTML in Python-Markdown's own store: Markdown neither parses nor walks it again, and Markdown's
footnotes, seeing a block element rather than a paragraph, give the footnote's back-link a
paragraph of its own after it (a raw-HTML paragraph would have taken the back-link inside it).

A token is an HTML comment, so a page's tokens left out of Markdown (a code sample) stay
invisible; render(kind, key) raises for a token it cannot render, and the build fails.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Callable

from markdown import Extension, Markdown
from markdown.blockparser import BlockParser
from markdown.blockprocessors import BlockProcessor
from markdown.util import AtomicString

TOKEN = re.compile(r"<!-- html:(?P<kind>[a-z-]+) (?P<key>[^\s<>]+) -->")
PREFIX = "<!-- html:"
# Tested before the other block processors: there is a token block per reference, and none of
# them has anything to do with it.
PRIORITY = 200


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


class _PlaceHtml(BlockProcessor):
    def __init__(self, parser: BlockParser, render: Callable[[str, str], str]):
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
            parent.append(element(self.render(kind, key), self.parser.md.htmlStash.store))
        except ValueError as error:
            raise ValueError(f"<!-- html:{kind} {key} -->: {error}") from None
        return None


class PlaceHtmlExtension(Extension):
    """render(kind, key) -> the HTML a token stands for."""

    def __init__(self, render: Callable[[str, str], str]):
        super().__init__()
        self.render = render

    def extendMarkdown(self, md: Markdown) -> None:
        md.parser.blockprocessors.register(_PlaceHtml(md.parser, self.render), "place_html", PRIORITY)
