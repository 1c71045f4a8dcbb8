"""summit.paths: hrefs written into raw HTML, which MkDocs does not rewrite, for both URL styles
(directory URLs on the site; .html files in the offline copy, opened from disk)."""

from __future__ import annotations

import pytest

from summit.render.links import PageRef


@pytest.mark.parametrize("from_src, to_src, directory_urls, href", [
    ("index.md", "enterprise-ai/index.md", True, "enterprise-ai/"),
    ("index.md", "enterprise-ai/index.md", False, "enterprise-ai/index.html"),  # not a folder, from disk
    ("index.md", "enterprise-ai/talk.md", False, "enterprise-ai/talk.html"),
    ("enterprise-ai/index.md", "enterprise-ai/talk.md", True, "talk/"),
    ("enterprise-ai/talk.md", "map.md", True, "../../map/"),
    ("enterprise-ai/talk.md", "map.md", False, "../map.html"),
    ("enterprise-ai/talk.md", "index.md", False, "../index.html"),
])
def test_url_between_pages(from_src, to_src, directory_urls, href):
    assert PageRef(from_src, "", directory_urls).link(to_src) == href


@pytest.mark.parametrize("from_src, directory_urls, href", [
    ("enterprise-ai/talk.md", True, "../../assets/slides/talk-1.svg"),
    ("enterprise-ai/talk.md", False, "../assets/slides/talk-1.svg"),
    ("index.md", True, "assets/slides/talk-1.svg"),
    ("index.md", False, "assets/slides/talk-1.svg"),
])
def test_file_url_between_a_page_and_a_file(from_src, directory_urls, href):
    assert PageRef(from_src, "", directory_urls).file_link("assets/slides/talk-1.svg") == href

