"""The one placeholder syntax, `<!-- md:NAME ARGS -->`, and its one resolve step.

Authors write a few of them in pages (`<!-- md:slide 1 -->`, `<!-- md:program -->`, …); the
build writes the others (a talk page's header, related talks and cite block; each reference's
text, through mkdocs-bibtex; the generated pages' listings). Markdown keeps an HTML comment as
it is, alone in a block or inside a paragraph, so what a placeholder stands for is never parsed
as Markdown. Once Markdown has run, resolve() replaces each placeholder with its HTML, rendered
from a template under overrides/partials/: one line per name below, and an unknown
name raises. Modelled on Material for MkDocs' own docs hook (shortcodes.py) and on
mkdocs-autorefs (one placeholder, resolved once).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from summit.errors import SourceError
from summit.render.links import PageRef
from summit.render.views import Views

PLACEHOLDER = re.compile(r"<!--\s*md:(?P<name>[\w-]+)(?:\s+(?P<args>[^<>]*?))?\s*-->")


Handler = Callable[[Views, PageRef, str], str]


# What an author may write in a page; each must be a paragraph of its own. Each name maps to the
# view that draws it: (views, the page, the placeholder's arguments) -> HTML.
AUTHORS: dict[str, Handler] = {
    "slide": lambda views, page, args: views.talk.slide(page, int(args)),
    "program": lambda views, page, args: views.listings.program(page),
    "browse-links": lambda views, page, args: views.listings.browse_links(page),
    "section-talks": lambda views, page, args: views.listings.section_talks(page),
    "tag-vocabulary": lambda views, page, args: views.listings.tag_vocabulary(),
}
# What the build writes (overrides/markdown/: the talk page's frame, the generated pages; a
# reference's text through mkdocs-bibtex).
BUILD: dict[str, Handler] = {
    "talk-header": lambda views, page, args: views.talk.header(page),
    "related-talks": lambda views, page, args: views.talk.related_talks(page),
    "cite-these-notes": lambda views, page, args: views.talk.cite_these_notes(page),
    "reference": lambda views, page, args: views.talk.reference(args),
    "figure-sources": lambda views, page, args: views.talk.figure_sources(page, args),
    "speaker": lambda views, page, args: views.browse.speaker(page, args),
    "works": lambda views, page, args: views.browse.works(page, args),
    "works-filter": lambda views, page, args: views.browse.works_filter(page),
    "summit-map": lambda views, page, args: views.browse.summit_map(page),
    "glossary-letter": lambda views, page, args: views.browse.glossary_letter(page, args),
}
HANDLERS = AUTHORS | BUILD


def check(markdown: str, src_uri: str, views: Views, line_offset: int = 0) -> None:
    """SourceError, naming the page and line, for a shortcode an author may not write here."""
    for match in PLACEHOLDER.finditer(markdown):
        name, args = match["name"], (match["args"] or "").strip()
        where = f"docs/{src_uri}:{markdown.count(chr(10), 0, match.start()) + 1 + line_offset}"
        if name not in AUTHORS:
            raise SourceError(f"{where}: unknown shortcode 'md:{name}' (known: {', '.join(sorted(AUTHORS))})")
        # A shortcode stands for a block of HTML: inside a paragraph it would break the paragraph.
        if not _own_block(markdown, match):
            raise SourceError(f"{where}: md:{name} must be a paragraph of its own (blank lines around it)")
        if name == "slide":
            views.talk.check_slide(args, src_uri, where)
        elif name == "section-talks":
            views.listings.check_section_talks(src_uri, where)


def resolve(html: str, page: PageRef, views: Views) -> str:
    """The page's HTML with every placeholder replaced by the HTML it stands for."""

    def replace(match: re.Match) -> str:
        handler = HANDLERS.get(match["name"])
        if handler is None:
            raise ValueError(f"unknown placeholder {match[0]}")
        return handler(views, page, (match["args"] or "").strip())

    return PLACEHOLDER.sub(replace, html)


def _own_block(markdown: str, match: re.Match) -> bool:
    """Whether the match has a blank line (or the start or end of the page) on either side."""
    before, after = markdown[:match.start()], markdown[match.end():]
    return (not before.strip() or before.rstrip(" \t").endswith("\n\n")) and \
        (not after.strip() or after.lstrip(" \t").startswith("\n\n") or after.lstrip(" \t") == "\n")
