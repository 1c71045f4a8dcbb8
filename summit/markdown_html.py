"""A Python-Markdown extension: HTML the templates rendered, placed where a page has a token
for it, and passed through as it is.

A reference's text and its BibTeX entry were Markdown inside their footnote, parsed again on
every page citing the work: about half a millisecond a reference, the largest part of a talk
page's Markdown. They are rendered as HTML instead (summit/views.py) and reach the page as
tokens, "<!-- html:KIND KEY -->" (overrides/markdown/reference.md), which this extension swaps
for that HTML before Markdown parses the page, through Python-Markdown's own store for raw
HTML. Everything around them is still Markdown: the footnote mkdocs-bibtex writes, its
back-link, the collapsible details block.

A token is an HTML comment so that the tokens of a page left out of Markdown (a code sample)
stay invisible; render(kind, key) raises for one it cannot render, and the build fails.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

TOKEN = re.compile(r"<!-- html:(?P<kind>[a-z-]+) (?P<key>[^\s<>]+) -->")
PREFIX = "<!-- html:"
# Before the raw-HTML preprocessor (20), which would otherwise keep a token as a comment.
PRIORITY = 25


class _PlaceHtml(Preprocessor):
    def __init__(self, md: Markdown, render: Callable[[str, str], str]):
        super().__init__(md)
        self.render = render

    def run(self, lines: list[str]) -> list[str]:
        store = self.md.htmlStash.store
        return [TOKEN.sub(lambda m: store(self.render(m["kind"], m["key"])), line) if PREFIX in line else line
                for line in lines]


class PlaceHtmlExtension(Extension):
    """render(kind, key) -> the HTML a token stands for."""

    def __init__(self, render: Callable[[str, str], str]):
        super().__init__()
        self.render = render

    def extendMarkdown(self, md: Markdown) -> None:
        md.preprocessors.register(_PlaceHtml(md, self.render), "place_html", PRIORITY)
