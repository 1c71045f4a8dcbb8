"""summit.unindexed_html: HTML search must not index, put in place of its tokens after indexing."""

from __future__ import annotations

import pytest

from summit.unindexed_html import place

HTML = {("bibtex", "choi2020fairgen"): ("<details>…</details>",), ("related-talks", "a/b.md"): ("<div>", "</div>")}


def render(kind: str, key: str) -> tuple[str, ...]:
    if (kind, key) not in HTML:
        raise ValueError(f"no {kind} HTML for {key} in this build")
    return HTML[kind, key]


def test_each_token_becomes_its_html_and_the_rest_stays():
    page = ('<li><p>A.</p><!-- unindexed:bibtex choi2020fairgen --></li>\n'
            '<!-- unindexed:related-talks a/b.md -->\n<!-- html:other x --><!-- a comment -->')
    assert place(page, render) == ('<li><p>A.</p><details>…</details></li>\n<div></div>\n'
                                   '<!-- html:other x --><!-- a comment -->')


def test_a_page_without_tokens_is_returned_as_it_is():
    page = "<p>No tokens.</p>"
    assert place(page, render) is page


def test_a_token_without_html_names_itself():
    with pytest.raises(ValueError, match=r"^<!-- unindexed:bibtex nope -->: no bibtex HTML for nope in this build$"):
        place("<!-- unindexed:bibtex nope -->", render)
