"""summit/markdown_html.py: a token becomes the HTML it stands for, which Markdown leaves alone,
inside a footnote as the references use it."""

from __future__ import annotations

import markdown
import pytest

from summit.markdown_html import PlaceHtmlExtension

HTML = {("reference", "k"): ('<p>Ann <em>*Title*</em> &amp; <a href="https://x.org/a_b_c">x_y</a>.</p>',
                            '<details class="bibtex"><summary>BibTeX</summary><pre id="bibtex-k"><code>'
                            "@misc{k, title = {*T*_x}}</code></pre></details>"),
        ("reference", "two"): ("<p>One.</p><p>Two.</p>x",)}


def render(kind: str, key: str) -> tuple[str, ...]:
    if (kind, key) not in HTML:
        raise ValueError(f"no HTML for {kind} {key}")
    return HTML[kind, key]


def convert(text: str) -> str:
    return markdown.markdown(text, extensions=["footnotes", "abbr", "pymdownx.highlight", "pymdownx.superfences",
                                               PlaceHtmlExtension(render)])


def test_a_reference_in_a_footnote_keeps_its_html_and_gets_its_backlink_after_it():
    html = convert("Cited[^ref-k].\n\n[^ref-k]: <!-- html:reference k -->\n\n*[Ann]: A name\n")
    assert "\n".join(HTML["reference", "k"]) in html  # not parsed again: *Title*, x_y and the code stay as written
    assert "<abbr" not in html  # nor walked by the abbr extension
    assert html.index("</details>") < html.index('<p><a class="footnote-backref"')  # the back-link after both
    assert "html:" not in html


def test_a_token_it_cannot_render_fails():
    with pytest.raises(ValueError, match="no HTML for reference nokey"):
        convert("A[^ref-nokey].\n\n[^ref-nokey]: <!-- html:reference nokey -->\n")


def test_html_that_is_not_one_element_fails():
    with pytest.raises(ValueError, match=r"^<!-- html:reference two -->: not one element"):
        convert("A[^ref-two].\n\n[^ref-two]: <!-- html:reference two -->\n")


def test_text_without_tokens_is_untouched():
    for text in ["A *b* <!-- a comment -->", "<!-- html: not a token -->\n", "[^1]: <!-- html:x y --> more\n"]:
        assert convert(text) == markdown.markdown(
            text, extensions=["footnotes", "abbr", "pymdownx.highlight", "pymdownx.superfences"])


def test_footnotes_without_tokens_come_out_as_the_footnotes_extension_writes_them():
    text = "A[^1] b[^x] a[^1], Ann.\n\n[^x]: *X* and Ann\n\n[^1]: One\n\n    Two, **bold** [a](b).\n\n*[Ann]: A\n"
    assert convert(text) == markdown.markdown(text, extensions=["footnotes", "abbr"])


def test_the_authors_footnotes_beside_references_still_get_their_markdown():
    html = convert("Cited[^ref-k] twice[^ref-k], noted[^1].\n\n[^ref-k]: <!-- html:reference k -->\n"
                   "[^1]: A *note*, `code`, a [link](https://x.org), Ann.\n\n*[Ann]: A name\n")
    assert "\n".join(HTML["reference", "k"]) in html
    note = html[html.index('<li id="fn:1">'):]
    assert all(part in note for part in ["<em>note</em>", "<code>code</code>", '<a href="https://x.org">link</a>',
                                         '<abbr title="A name">Ann</abbr>'])
    assert html.count('class="footnote-ref"') == 3 and 'id="fnref2:ref-k"' in html
    assert '#fn:ref-k">1</a>' in html and '#fn:1">2</a>' in html


LISTING = '<ol>\n<li><a href="x/">X</a>: *not Markdown* &amp; Ann</li>\n</ol>'


def render_listing(kind: str, key: str) -> tuple[str, ...]:
    if (kind, key) == ("sections", "index.md"):
        return (LISTING,)
    raise ValueError(f"no {kind} HTML for {key}")


def convert_page(text: str) -> str:
    return markdown.markdown(text, extensions=["footnotes", "abbr", "md_in_html", PlaceHtmlExtension(render_listing)])


def test_a_token_that_is_a_block_of_the_page_becomes_its_html():
    # A shortcode's listing (markdown/placed-html.md): Markdown keeps the comment as raw HTML.
    for text in ["Intro.\n\n<!-- html:sections index.md -->\n\nAfter, Ann.\n\n*[Ann]: A name\n",
                 '<div markdown>\n\n<!-- html:sections index.md -->\n\n</div>\n']:
        html = convert_page(text)
        assert LISTING in html and "html:" not in html and "<p><ol>" not in html


def test_a_block_token_it_cannot_render_fails():
    with pytest.raises(ValueError, match=r"^<!-- html:sections other\.md -->: no sections HTML for other\.md"):
        convert_page("<!-- html:sections other.md -->\n")
