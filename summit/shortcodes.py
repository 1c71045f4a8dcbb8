"""`<!-- md:name args -->` comments, expanded into generated Markdown; an unknown name fails.

Modelled on Material for MkDocs' own docs hook shortcodes.py: authors write one short comment,
the facts come from front matter and references.bib, one small function per shortcode.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from . import markdown_html
from .errors import SourceError
from .slides import read_slide
from .views import Views

SHORTCODE = re.compile(r"<!--\s*md:(?P<name>[\w-]+)(?:\s+(?P<args>.*?))?\s*-->")


def _slide(views: Views, src_uri: str, args: str, where: str, use_directory_urls: bool) -> str:
    talk = views.corpus.talk_at(src_uri)
    if talk is None:
        raise SourceError(f"{where}: md:slide is only for talk pages")
    if not args.isdigit():
        raise SourceError(f"{where}: md:slide needs the slide number, got '{args}'")
    return views.slide(talk, read_slide(views.corpus.docs_dir, talk, int(args), where), use_directory_urls)


def _talk_table(views: Views, src_uri: str, args: str, where: str, use_directory_urls: bool) -> str:
    return views.talk_table(src_uri, use_directory_urls)


def _section_talks(views: Views, src_uri: str, args: str, where: str, use_directory_urls: bool) -> str:
    section = views.corpus.section_at(src_uri)
    if section is None:
        raise SourceError(f"{where}: md:section-talks is only for a section's index.md")
    return views.section_talks(src_uri, section, use_directory_urls)


def _sections(views: Views, src_uri: str, args: str, where: str, use_directory_urls: bool) -> str:
    return views.sections(src_uri, use_directory_urls)


def _tag_vocabulary(views: Views, src_uri: str, args: str, where: str, use_directory_urls: bool) -> str:
    return views.tag_vocabulary(src_uri)


HANDLERS: dict[str, Callable[[Views, str, str, str, bool], str]] = {
    "slide": _slide,
    "talk-table": _talk_table,
    "section-talks": _section_talks,
    "sections": _sections,
    "tag-vocabulary": _tag_vocabulary,
}


def expand(markdown: str, src_uri: str, views: Views, line_offset: int = 0, use_directory_urls: bool = True) -> str:
    """The page's Markdown with every shortcode replaced by what it generates."""

    def replace(match: re.Match) -> str:
        name, args = match.group("name"), (match.group("args") or "").strip()
        where = f"docs/{src_uri}:{markdown.count(chr(10), 0, match.start()) + 1 + line_offset}"
        handler = HANDLERS.get(name)
        if handler is None:
            raise SourceError(f"{where}: unknown shortcode 'md:{name}' (known: {', '.join(sorted(HANDLERS))})")
        # Every shortcode becomes a block of HTML (a slide's figure, or a listing's token that
        # summit/markdown_html.py replaces): inside a paragraph, Markdown would take it in and
        # the HTML would break (a listing would be left out of the page unseen).
        if not _own_block(markdown, match):
            raise SourceError(f"{where}: md:{name} must be a paragraph of its own (blank lines around it)")
        return handler(views, src_uri, args, where, use_directory_urls)

    reserved = markdown.find(markdown_html.PREFIX)
    if reserved >= 0:  # the build's own tokens for references' HTML: an author's would be replaced too
        where = f"docs/{src_uri}:{markdown.count(chr(10), 0, reserved) + 1 + line_offset}"
        raise SourceError(f"{where}: '{markdown_html.PREFIX} … -->' comments are the build's own "
                          "(summit/markdown_html.py); cite a work with [@key]")
    return SHORTCODE.sub(replace, markdown)


def _own_block(markdown: str, match: re.Match) -> bool:
    """Whether the match has a blank line (or the start or end of the page) on either side."""
    before, after = markdown[:match.start()], markdown[match.end():]
    return (not before.strip() or before.rstrip(" \t").endswith("\n\n")) and \
        (not after.strip() or after.lstrip(" \t").startswith("\n\n") or after.lstrip(" \t") == "\n")
