"""HTML a page shows but search must not index, placed once Material's search plugin has read
the page: the citations' markers (a footnote's number), a reference's BibTeX and back-links, a
talk page's related talks, the BibTeX of "Cite these notes", the listing of a generated page
that search leaves out (Map, Papers).

data-search-exclude keeps such HTML out of the index, but the plugin still parses every tag and
text of it, in Python (html.parser): on a talk page, the BibTeX alone was a tenth of that work.
So these parts stand in the page, through Markdown and the search plugin, as a token,
"<!-- unindexed:KIND KEY -->" (overrides/markdown/placed-html.md), an HTML comment the plugin
skips; the MkDocs side then puts each one's HTML in its place (hooks/pipeline.py,
on_page_context, after the plugin's). The page a reader gets is the same as with the HTML in
place from the start.
"""

from __future__ import annotations

import re

from .markdown_html import Render  # the same renderer (Views.html_for) serves both kinds of token

TOKEN = re.compile(r"<!-- unindexed:(?P<kind>[a-z-]+) (?P<key>[^\s<>]+) -->")
PREFIX = "<!-- unindexed:"  # what every token opens with


def place(html: str, render: Render) -> str:
    """html with each token replaced by the HTML it stands for; ValueError naming a token that
    render(kind, key) cannot render."""
    if PREFIX not in html:
        return html

    def rendered(token: re.Match) -> str:
        try:
            return "".join(render(token["kind"], token["key"]))
        except ValueError as error:
            raise ValueError(f"{token[0]}: {error}") from None

    return TOKEN.sub(rendered, html)
