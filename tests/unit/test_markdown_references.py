"""summit/markdown_references.py: a page's citation markers and its list of references are HTML
from the templates, placed before Markdown parses the page, and the page reads exactly as the
footnotes extension would write it with each reference's HTML in its footnote (but for which
citation of a work cited twice is first)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from pathlib import Path

import jinja2
import markdown
import pytest
from markdown.blockprocessors import BlockProcessor
from markdown.extensions import Extension
from markdown.util import AtomicString

from summit.markdown_references import ReferenceFootnotesExtension

ROOT = Path(__file__).resolve().parents[2]
HTML = {"a": ('<p>Ann, <em>*A*</em> &amp; <a href="https://x.org/a_b">x_y</a>.</p>',
              '<details class="bibtex"><summary>BibTeX</summary><pre><code>@misc{a}</code></pre></details>'),
        "b": ("<p>Bob. B.</p>", '<details class="bibtex"><summary>BibTeX</summary><pre><code>@misc{b}</code></pre></details>')}
TEMPLATES = jinja2.Environment(loader=jinja2.FileSystemLoader(ROOT / "overrides"),
                               trim_blocks=True, lstrip_blocks=True)  # as hooks/pipeline.py sets it


def render(kind: str, key: str) -> tuple[str, ...]:
    if kind != "reference" or key not in HTML:
        raise ValueError(f"no HTML for {kind} {key}")
    return HTML[key]


def render_list(footnotes, backlink_text: str) -> str:  # as summit/views.py calls them, back-links in place
    macros = TEMPLATES.get_template("partials/footnote-references.html").module
    return macros.footnote_references([(f, macros.backlinks(f, backlink_text)) for f in footnotes])


def render_markers(markers) -> list[str]:
    marker = TEMPLATES.get_template("partials/footnote-markers.html").module.footnote_marker
    return [marker(m) for m in markers]


def references(**replaced) -> ReferenceFootnotesExtension:
    parts = {"render": render, "render_list": render_list, "render_markers": render_markers, **replaced}
    return ReferenceFootnotesExtension(parts["render"], parts["render_list"], parts["render_markers"])


class _ReferenceInFootnote(BlockProcessor):
    """The oracle's half: a footnote's token becomes the reference's elements, their content
    kept as raw HTML, as the notes placed them in the footnotes extension's list before."""

    def test(self, parent, block):
        return block.startswith("<!-- html:reference ")

    def run(self, parent, blocks):
        key = blocks.pop(0).split()[2]
        for html in render("reference", key):
            start, end = html.find(">") + 1, html.rfind("</")
            shell = etree.fromstring(html[:start] + html[end:])
            shell.text = AtomicString(self.parser.md.htmlStash.store(html[start:end]))
            parent.append(shell)


class FootnotesWithReferences(Extension):
    def extendMarkdown(self, md):
        md.parser.blockprocessors.register(_ReferenceInFootnote(md.parser), "reference_in_footnote", 200)


def convert(text: str, *extensions) -> str:
    return markdown.markdown(text, extensions=["footnotes", "abbr", "admonition",
                                               "pymdownx.superfences", *extensions])


def footnotes_extension(text: str) -> str:
    """What the footnotes extension writes, each reference's HTML in its footnote, without the
    line breaks between the elements of its list (partials/footnote-references.html has none)
    and with the back-links' paragraph kept out of the search index (the template's one addition)."""
    html = first_citation_first(convert(text, FootnotesWithReferences()))
    start = html.find('<div class="footnote">')
    if start < 0:
        return html
    end = html.index("</ol>\n</div>", start) + len("</ol>\n</div>")
    listing = re.sub(r">\s+<", "><", html[start:end])
    listing = listing.replace('<p><a class="footnote-backref"', '<p data-search-exclude=""><a class="footnote-backref"')
    return html[:start] + listing + html[end:]


PAGES = [
    "A[^ref-a], B[^ref-b] and A again[^ref-a].\n\n## References\n\n///Footnotes Go Here///\n\n"
    "[^ref-a]: <!-- html:reference a -->\n[^ref-b]: <!-- html:reference b -->\n\n*[Ann]: A name\n",
    "No marker: B[^ref-b] then A[^ref-a][^ref-a][^ref-a].\n\n"
    "[^ref-b]: <!-- html:reference b -->\n[^ref-a]: <!-- html:reference a -->\n",
    "A defined reference nobody cites, and one cited[^ref-b].\n\n"
    "[^ref-a]: <!-- html:reference a -->\n[^ref-b]: <!-- html:reference b -->\n",
    "In a list:\n\n- A[^ref-a], *b*\n- and B[^ref-b]\n\nThen A[^ref-a].\n\n!!! note\n    Ann and B[^ref-b].\n\n"
    "[^ref-a]: <!-- html:reference a -->\n[^ref-b]: <!-- html:reference b -->\n",
    "```text\nA fenced [^x] is code.\n```\n\nA[^ref-a].\n\n[^ref-a]: <!-- html:reference a -->\n",
    "A regular expression, `[^a-z]`, and A[^ref-a].\n\n[^ref-a]: <!-- html:reference a -->\n",
    "No footnotes at all, Ann.\n\n*[Ann]: A name\n",
]


def first_citation_first(html: str) -> str:
    """The footnotes extension's page with a repeated work's markers numbered in reading order."""
    seen: dict[str, int] = {}

    def renumber(m: re.Match) -> str:
        seen[m["label"]] = seen.get(m["label"], 0) + 1
        n = seen[m["label"]]
        return f'<sup id="fnref{n if n > 1 else ""}:{m["label"]}">'
    return re.sub(r'<sup id="fnref\d*:(?P<label>[^"]+)">', renumber, html)


@pytest.mark.parametrize("page", PAGES)
def test_the_page_reads_as_with_the_footnotes_extension(page):
    # If a Python-Markdown release changes how it writes footnotes, this fails: update the templates.
    assert convert(page, references()) == footnotes_extension(page)


def test_a_work_cited_twice_is_first_where_it_is_first_in_the_text():
    html = convert(PAGES[3], references())
    assert html.index('id="fnref:ref-a"') < html.index('id="fnref:ref-b"') < html.index('id="fnref2:ref-a"')
    assert footnotes_extension(PAGES[3]) != convert(PAGES[3], FootnotesWithReferences())  # its order differs


def test_a_marker_in_a_raw_html_block_is_placed_too():
    # The talk header and a slide's caption are raw HTML with the citation of the talk in them.
    page = ('<div class="talk-header">\n<p>Talk 1.1 <em>*x*</em> [^ref-a]</p>\n</div>\n\nA[^ref-a].\n\n'
            "[^ref-a]: <!-- html:reference a -->\n")
    html = convert(page, references())
    assert '<p>Talk 1.1 <em>*x*</em> <sup id="fnref:ref-a"><a class="footnote-ref" href="#fn:ref-a">1</a></sup></p>' in html
    assert 'id="fnref2:ref-a"' in html and "[^" not in html


def test_the_lists_place_inside_a_paragraph_fails():
    with pytest.raises(ValueError, match="///Footnotes Go Here/// must be a line of its own"):
        convert("A[^ref-a] and ///Footnotes Go Here/// in a line.\n\n[^ref-a]: <!-- html:reference a -->\n",
                references())


def test_markers_and_list_are_each_one_rendering():
    lists, markers = [], []

    def counting_list(footnotes, backlink_text):
        lists.append([(f.id, f.backrefs, f.title) for f in footnotes])
        return render_list(footnotes, backlink_text)

    def counting_markers(placed):
        markers.append([(m.id, m.target, m.text) for m in placed])
        return render_markers(placed)

    convert(PAGES[0], references(render_list=counting_list, render_markers=counting_markers))
    assert lists == [[("fn:ref-a", ("fnref:ref-a", "fnref2:ref-a"), "Jump back to footnote 1 in the text"),
                      ("fn:ref-b", ("fnref:ref-b",), "Jump back to footnote 2 in the text")]]
    assert markers == [[("fnref:ref-a", "fn:ref-a", "1"), ("fnref:ref-b", "fn:ref-b", "2"),
                        ("fnref2:ref-a", "fn:ref-a", "1")]]
    lists.clear()
    convert(PAGES[-1], references(render_list=counting_list, render_markers=counting_markers))
    assert lists == []  # no references, no list


def test_a_reference_it_cannot_render_fails():
    with pytest.raises(ValueError, match=r"^<!-- html:reference c -->: no HTML for reference c"):
        convert("C[^ref-c].\n\n[^ref-c]: <!-- html:reference c -->\n", references())
