"""summit/markdown_references.py: when every footnote of a page is a reference, the list is one
element rendered from the template, and it reads exactly as the footnotes extension's own."""

from __future__ import annotations

from pathlib import Path

import jinja2
import markdown
import pytest

from summit.markdown_html import PlaceHtmlExtension
from summit.markdown_references import ReferenceListExtension

ROOT = Path(__file__).resolve().parents[2]
HTML = {"a": ('<p>Ann, <em>*A*</em> &amp; <a href="https://x.org/a_b">x_y</a>.</p>',
              '<details class="bibtex"><summary>BibTeX</summary><pre><code>@misc{a}</code></pre></details>'),
        "b": ("<p>Bob. B.</p>", '<details class="bibtex"><summary>BibTeX</summary><pre><code>@misc{b}</code></pre></details>')}


def render(kind: str, key: str) -> tuple[str, ...]:
    if kind != "reference" or key not in HTML:
        raise ValueError(f"no HTML for {kind} {key}")
    return HTML[key]


def render_list(footnotes, backlink_text: str) -> str:
    environment = jinja2.Environment(loader=jinja2.FileSystemLoader(ROOT / "overrides"),
                                     trim_blocks=True, lstrip_blocks=True)  # as hooks/pipeline.py sets it
    return environment.get_template("partials/footnote-references.html").render(
        footnotes=footnotes, backlink_text=backlink_text)


def convert(text: str, *extensions) -> str:
    return markdown.markdown(text, extensions=["footnotes", "abbr", PlaceHtmlExtension(render), *extensions])


PAGES = [
    "A[^ref-a], B[^ref-b] and A again[^ref-a].\n\n## References\n\n///Footnotes Go Here///\n\n"
    "[^ref-a]: <!-- html:reference a -->\n[^ref-b]: <!-- html:reference b -->\n\n*[Ann]: A name\n",
    "No marker: B[^ref-b] then A[^ref-a][^ref-a][^ref-a].\n\n"
    "[^ref-b]: <!-- html:reference b -->\n[^ref-a]: <!-- html:reference a -->\n",
    "A defined reference nobody cites, and one cited[^ref-b].\n\n"
    "[^ref-a]: <!-- html:reference a -->\n[^ref-b]: <!-- html:reference b -->\n",
    "An author's note[^1] beside a reference[^ref-a].\n\n[^ref-a]: <!-- html:reference a -->\n[^1]: A *note*.\n",
    "No footnotes at all, Ann.\n\n*[Ann]: A name\n",
]


@pytest.mark.parametrize("page", PAGES)
def test_the_list_reads_as_the_footnotes_extensions_own(page):
    # If a Python-Markdown release changes how it lists footnotes, this fails: update the template.
    assert convert(page, ReferenceListExtension(render, render_list)) == convert(page)


def test_the_list_is_one_element_from_the_template():
    seen = []

    def counting(footnotes, backlink_text):
        seen.append([(f.id, f.backrefs, f.title) for f in footnotes])
        return render_list(footnotes, backlink_text)

    convert(PAGES[0], ReferenceListExtension(render, counting))
    assert seen == [[("fn:ref-a", ("fnref:ref-a", "fnref2:ref-a"), "Jump back to footnote 1 in the text"),
                     ("fn:ref-b", ("fnref:ref-b",), "Jump back to footnote 2 in the text")]]
    seen.clear()
    convert(PAGES[3], ReferenceListExtension(render, counting))
    assert seen == []  # an author's own footnote: the footnotes extension lists them all


def test_a_reference_it_cannot_render_fails():
    with pytest.raises(ValueError, match=r"^<!-- html:reference c -->: no HTML for reference c"):
        convert("C[^ref-c].\n\n[^ref-c]: <!-- html:reference c -->\n", ReferenceListExtension(render, render_list))
