"""summit/markdown_html.py: a token becomes the HTML it stands for, which Markdown leaves alone,
inside a footnote and a details block as the references use it."""

from __future__ import annotations

import markdown
import pytest

from summit.markdown_html import PlaceHtmlExtension

HTML = {("reference", "k"): "Ann <em>*Title*</em> &amp; <a href=\"https://x.org/a_b_c\">x_y</a>.",
        ("bibtex", "k"): "<pre id=\"bibtex-k\"><code>@misc{k, title = {*T*_x}}</code></pre>"}


def render(kind: str, key: str) -> str:
    if (kind, key) not in HTML:
        raise ValueError(f"no HTML for {kind} {key}")
    return HTML[kind, key]


def convert(text: str) -> str:
    return markdown.markdown(text, extensions=["footnotes", "pymdownx.details", PlaceHtmlExtension(render)])


def test_a_reference_in_a_footnote_keeps_its_html_and_its_backlink():
    html = convert("Cited[^ref-k].\n\n[^ref-k]: <!-- html:reference k -->\n\n"
                   '    ??? bibtex "BibTeX"\n        <!-- html:bibtex k -->\n')
    assert f"<p>{HTML['reference', 'k']}</p>" in html  # not parsed again: *Title* and x_y stay as written
    assert '<details class="bibtex">\n<summary>BibTeX</summary>\n' + HTML["bibtex", "k"] + "\n</details>" in html
    assert html.index("</details>") < html.index('class="footnote-backref"')
    assert "html:" not in html


def test_a_token_it_cannot_render_fails():
    with pytest.raises(ValueError, match="no HTML for bibtex nokey"):
        convert("<!-- html:bibtex nokey -->\n")


def test_text_without_tokens_is_untouched():
    assert convert("A *b* <!-- a comment -->") == markdown.markdown("A *b* <!-- a comment -->")
