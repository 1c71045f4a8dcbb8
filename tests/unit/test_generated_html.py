"""summit.views.GeneratedHtml: what a generated page (Speakers, Papers, Map, Glossary) tells MkDocs."""

from __future__ import annotations

from summit.views import GeneratedHtml


def test_its_anchors_are_its_id_attributes():
    """MkDocs' check of links to anchors learns a generated page's ids from these: an id
    attribute wherever the tag breaks its line, and nothing that only ends in "id"."""
    html = '<div id="a" data-id="not-one">\n<p class="x"\n   id="b">id="text"</p></div>'
    assert GeneratedHtml(html).anchors == {"a", "b"}
