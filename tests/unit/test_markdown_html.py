"""summit/markdown_html.py: a token that is a block of the page becomes the HTML it stands for,
which Markdown leaves alone."""

from __future__ import annotations

import markdown
import pytest

from summit.markdown_html import PlaceHtmlExtension


def convert(text: str) -> str:
    return markdown.markdown(text, extensions=["footnotes", "abbr", "pymdownx.highlight", "pymdownx.superfences",
                                               PlaceHtmlExtension(render_listing)])


def test_text_without_tokens_is_untouched():
    for text in ["A *b* <!-- a comment -->", "<!-- html: not a token -->\n", "[^1]: <!-- html:x y --> more\n",
                 "A[^1].\n\n[^1]: <!-- html:sections index.md -->\n"]:
        assert convert(text) == markdown.markdown(
            text, extensions=["footnotes", "abbr", "pymdownx.highlight", "pymdownx.superfences"])


LISTING = '<ol>\n<li><a href="x/">X</a>: *not Markdown* &amp; Ann</li>\n</ol>'


def render_listing(kind: str, key: str) -> tuple[str, ...]:
    if (kind, key) == ("sections", "index.md"):
        return (LISTING,)
    raise ValueError(f"no {kind} HTML for {key}")


def convert_page(text: str) -> str:
    return markdown.markdown(text, extensions=["footnotes", "abbr", PlaceHtmlExtension(render_listing)])


def test_a_token_that_is_a_block_of_the_page_becomes_its_html():
    # A shortcode's listing (markdown/placed-html.md): Markdown keeps the comment as raw HTML.
    html = convert_page("Intro.\n\n<!-- html:sections index.md -->\n\nAfter, Ann.\n\n*[Ann]: A name\n")
    assert LISTING in html and "html:" not in html and "<p><ol>" not in html


def test_a_block_token_it_cannot_render_fails():
    with pytest.raises(ValueError, match=r"^<!-- html:sections other\.md -->: no sections HTML for other\.md"):
        convert_page("<!-- html:sections other.md -->\n")
