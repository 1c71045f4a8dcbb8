"""Shortcodes: an unknown name, or one used on the wrong page, fails with file, line and name."""

from __future__ import annotations

import pytest

from summit.errors import SourceError
from summit.shortcodes import expand


class NoViews:
    """Views are not reached when the shortcode is refused."""

    def __init__(self, corpus):
        self.corpus = corpus

    def slide(self, talk, slide):
        raise AssertionError("a refused shortcode must not render")


def test_unknown_shortcode_names_the_known_ones(project):
    from conftest import load

    with pytest.raises(SourceError, match=r"^docs/gen/fair\.md:13: unknown shortcode 'md:slideshow' \(known: .*slide.*\)$"):
        expand("Text.\n\n<!-- md:slideshow 1 -->\n", "gen/fair.md", NoViews(load(project)), line_offset=10)


def test_slide_only_on_talk_pages_and_with_a_number(project):
    from conftest import load

    views = NoViews(load(project))
    with pytest.raises(SourceError, match=r"md:slide is only for talk pages"):
        expand("<!-- md:slide 1 -->", "gen/index.md", views)
    with pytest.raises(SourceError, match=r"md:slide needs the slide number, got 'one'"):
        expand("<!-- md:slide one -->", "gen/fair.md", views)
    with pytest.raises(SourceError, match=r"slide image docs/assets/slides/fair-1\.svg does not exist"):
        expand("<!-- md:slide 1 -->", "gen/fair.md", views)


def test_the_builds_own_html_tokens_are_refused_in_a_page(project):
    from conftest import load

    with pytest.raises(SourceError, match=r"^docs/gen/fair\.md:13: '<!-- html: … -->' comments are the build's own"):
        expand("Text.\n\n<!-- html:reference choi2020fairgen -->\n", "gen/fair.md", NoViews(load(project)), line_offset=10)


def test_a_listing_must_be_a_paragraph_of_its_own(project):
    from conftest import load

    views = NoViews(load(project))
    for text in ["Talks: <!-- md:talk-table -->\n", "<!-- md:talk-table -->\nMore text.\n", "- <!-- md:sections -->\n"]:
        with pytest.raises(SourceError, match=r"^docs/index\.md:\d+: md:(talk-table|sections) must be a paragraph of its own"):
            expand(text, "index.md", views)


def test_a_slide_must_be_a_paragraph_of_its_own(project):
    # Its figure is a raw HTML block: inside a paragraph it would be broken HTML.
    from conftest import load

    with pytest.raises(SourceError, match=r"^docs/gen/fair\.md:1: md:slide must be a paragraph of its own"):
        expand("See <!-- md:slide 1 --> here.\n", "gen/fair.md", NoViews(load(project)))
