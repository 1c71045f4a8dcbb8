"""Shortcodes, the one placeholder syntax: an unknown name, or one used on the wrong page, fails
with file, line and name; resolve() puts each placeholder's HTML in its place."""

from __future__ import annotations

import pytest

from summit.errors import SourceError
from summit.render.links import PageRef
from summit.render.shortcodes import check, resolve
from summit.render.views import Views


class NoTemplates:
    """Templates are not reached when the shortcode is refused."""

    globals: dict = {}

    def get_template(self, name):
        raise AssertionError("a refused shortcode must not render")


def views(project):
    from conftest import load

    return Views(load(project), NoTemplates(), [], tag_anchor=str)


def test_unknown_shortcode_names_the_known_ones(project):
    with pytest.raises(SourceError, match=r"^docs/gen/fair\.md:13: unknown shortcode 'md:slideshow' \(known: .*slide.*\)$"):
        check("Text.\n\n<!-- md:slideshow 1 -->\n", "gen/fair.md", views(project), line_offset=10)


def test_the_builds_own_placeholders_are_not_for_authors(project):
    with pytest.raises(SourceError, match=r"^docs/gen/fair\.md:3: unknown shortcode 'md:reference'"):
        check("Text.\n\n<!-- md:reference choi2020fairgen -->\n", "gen/fair.md", views(project))


def test_slide_only_on_talk_pages_and_with_a_number(project):
    v = views(project)
    with pytest.raises(SourceError, match=r"md:slide is only for talk pages"):
        check("<!-- md:slide 1 -->", "gen/index.md", v)
    with pytest.raises(SourceError, match=r"md:slide needs the slide number, got 'one'"):
        check("<!-- md:slide one -->", "gen/fair.md", v)
    with pytest.raises(SourceError, match=r"slide image docs/assets/slides/fair-1\.svg does not exist"):
        check("<!-- md:slide 1 -->", "gen/fair.md", v)


def test_a_listing_must_be_a_paragraph_of_its_own(project):
    v = views(project)
    for text in ["Talks: <!-- md:program -->\n", "<!-- md:program -->\nMore text.\n", "- <!-- md:section-talks -->\n"]:
        with pytest.raises(SourceError, match=r"^docs/index\.md:\d+: md:(program|section-talks) must be a paragraph of its own"):
            check(text, "index.md", v)


def test_resolve_puts_each_placeholders_html_in_its_place_and_refuses_an_unknown_one():
    class Talk:
        def reference(self, key):
            return f"<span>{key}</span>"

    class Rendered:
        talk = Talk()

    page = PageRef("gen/fair.md", "", lambda path: path)
    html = "<p><!-- md:reference a --> and <!-- md:reference b --></p><!-- a comment -->"
    assert resolve(html, page, Rendered()) == "<p><span>a</span> and <span>b</span></p><!-- a comment -->"
    with pytest.raises(ValueError, match=r"unknown placeholder <!-- md:nothing -->"):
        resolve("<!-- md:nothing -->", page, Rendered())
