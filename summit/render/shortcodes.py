"""The one placeholder syntax, `<!-- md:NAME ARGS -->`, and its one resolve step.

Authors write a few of them in pages (`<!-- md:slide 1 -->`, `<!-- md:program -->`, …); the
build writes the others (a talk page's header, related talks and cite block; each reference's
text, through mkdocs-bibtex; the generated pages' listings). Markdown keeps an HTML comment as
it is, alone in a block or inside a paragraph, so what a placeholder stands for is never parsed
as Markdown. Once Markdown has run, resolve() replaces each placeholder with its HTML, rendered
from a template under overrides/partials/: one small function per name below, and an unknown
name raises. Modelled on Material for MkDocs' own docs hook (shortcodes.py) and on
mkdocs-autorefs (one placeholder, resolved once).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from summit.errors import SourceError
from summit.render.links import PageRef

if TYPE_CHECKING:
    from summit.render.views import Views

PLACEHOLDER = re.compile(r"<!--\s*md:(?P<name>[\w-]+)(?:\s+(?P<args>[^<>]*?))?\s*-->")


Handler = Callable[["Views", PageRef, str], str]


def _slide(views: Views, page: PageRef, args: str) -> str:
    return views.talk.slide(page, int(args))


def _program(views: Views, page: PageRef, args: str) -> str:
    return views.listings.program(page)


def _browse_links(views: Views, page: PageRef, args: str) -> str:
    return views.listings.browse_links(page)


def _section_talks(views: Views, page: PageRef, args: str) -> str:
    return views.listings.section_talks(page)


def _sections(views: Views, page: PageRef, args: str) -> str:
    return views.listings.sections(page)


def _tag_vocabulary(views: Views, page: PageRef, args: str) -> str:
    return views.listings.tag_vocabulary()


def _talk_header(views: Views, page: PageRef, args: str) -> str:
    return views.talk.header(page)


def _related_talks(views: Views, page: PageRef, args: str) -> str:
    return views.talk.related_talks(page)


def _cite_these_notes(views: Views, page: PageRef, args: str) -> str:
    return views.talk.cite_these_notes(page)


def _reference(views: Views, page: PageRef, args: str) -> str:
    return views.talk.reference(args)


def _speaker(views: Views, page: PageRef, args: str) -> str:
    return views.browse.speaker(page, args)


def _works(views: Views, page: PageRef, args: str) -> str:
    return views.browse.works(page, args)


def _works_filter(views: Views, page: PageRef, args: str) -> str:
    return views.browse.works_filter(page)


def _glossary_letter(views: Views, page: PageRef, args: str) -> str:
    return views.browse.glossary_letter(page, args)


def _summit_map(views: Views, page: PageRef, args: str) -> str:
    return views.browse.summit_map(page)


# What an author may write in a page; each must be a paragraph of its own.
AUTHORS: dict[str, Handler] = {
    "slide": _slide,
    "program": _program,
    "browse-links": _browse_links,
    "section-talks": _section_talks,
    "sections": _sections,
    "tag-vocabulary": _tag_vocabulary,
}
# What the build writes (summit/views.py, the templates under overrides/markdown/).
BUILD: dict[str, Handler] = {
    "talk-header": _talk_header,
    "related-talks": _related_talks,
    "cite-these-notes": _cite_these_notes,
    "reference": _reference,
    "speaker": _speaker,
    "works": _works,
    "works-filter": _works_filter,
    "glossary-letter": _glossary_letter,
    "summit-map": _summit_map,
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
