"""A Python-Markdown extension: HTML the templates rendered, placed where a block of the page is
a token for it, "<!-- html:KIND KEY -->" (overrides/markdown/placed-html.md).

A shortcode's listing and a talk page's citation are rendered once as HTML
(summit/views.py, the partials under overrides/partials/) and reach the page's Markdown as a
token alone in its block. Markdown keeps the token as a raw HTML block, as it keeps any HTML
comment there; its HTML takes its place in Markdown's store of raw HTML, so Markdown neither
parses nor walks it. (Written as Markdown, the home page's table was parsed cell by cell, and
raw HTML tag by tag.) A reference's token is the text of its footnote, which
summit/markdown_references.py replaces before Markdown parses the page.

A token is an HTML comment, so a page's tokens left out of Markdown (a code sample) stay
invisible; render(kind, key) raises for a token it cannot render, and the build fails; the
MkDocs side fails a page where a token is left (hooks/pipeline.py, on_page_content).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor
from markdown.util import HTML_PLACEHOLDER

TOKEN = re.compile(r"<!-- html:(?P<kind>[a-z-]+) (?P<key>[^\s<>]+) -->")
PREFIX = "<!-- html:"
BLOCK_PLACEHOLDER = re.compile("<p>" + HTML_PLACEHOLDER % r"(\d+)" + "</p>")
# Before Markdown puts its raw HTML back in the page (30).
STASHED_PRIORITY = 35

Render = Callable[[str, str], Sequence[str]]  # (kind, key) -> the HTML's top-level elements


class _PlaceStashedHtml(Postprocessor):
    """Replaces, in Markdown's store, each raw HTML block that is a token with its HTML, before
    Markdown puts the store back in the page: where the token stood, the HTML stands."""

    def __init__(self, md: Markdown, render: Render):
        super().__init__(md)
        self.render = render

    def run(self, text: str) -> str:
        stored = self.md.htmlStash.rawHtmlBlocks
        # A block of its own is a paragraph of its placeholder alone (in a paragraph, a comment
        # is left as it is); the store also holds every citation's marker, not looked at.
        for index in map(int, BLOCK_PLACEHOLDER.findall(text)):
            html = stored[index] if index < len(stored) else None
            token = TOKEN.fullmatch(html.strip()) if isinstance(html, str) and html.startswith(PREFIX) else None
            if token is not None:
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
        md.postprocessors.register(_PlaceStashedHtml(md, self.render), "place_stashed_html", STASHED_PRIORITY)
