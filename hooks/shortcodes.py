"""Turn `<!-- md:name args -->` comments into generated Markdown; an unknown name fails the build.

Modelled on Material for MkDocs' own hooks/shortcodes.py: authors write one short
comment, the facts come from front matter and references.bib.
"""

import re

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from notes import render, slides, state

SHORTCODE = re.compile(r"<!--\s*md:(?P<name>[\w-]+)(?:\s+(?P<args>.*?))?\s*-->")


def _section_of(page):
    folder = page.file.src_uri.rsplit("/", 1)[0]
    return next((s for s in state.sections if s.folder == folder), None)


def _talk_table(page, args):
    return render.all_talks_table(page.file.src_uri)


def _section_talks(page, args):
    section = _section_of(page)
    if section is None:
        raise PluginError(f"docs/{page.file.src_uri}: md:section-talks is only for a section's index.md")
    return render.section_talks(page.file.src_uri, section)


def _sections(page, args):
    return render.sections_list(page.file.src_uri)


def _slide(page, args):
    talk = state.talk_at(page.file.src_uri)
    where = f"docs/{page.file.src_uri}"
    if talk is None:
        raise PluginError(f"{where}: md:slide is only for talk pages")
    if not args.isdigit():
        raise PluginError(f"{where}: md:slide needs the slide number, got '{args}'")
    return slides.figure(talk, int(args), state.docs_dir, where)


HANDLERS = {
    "slide": _slide,
    "talk-table": _talk_table,
    "section-talks": _section_talks,
    "sections": _sections,
}


@event_priority(95)  # before mkdocs-bibtex, after citations.py has checked the author's text
def on_page_markdown(markdown, page, config, files):
    def replace(match):
        name, args = match.group("name"), (match.group("args") or "").strip()
        handler = HANDLERS.get(name)
        if handler is None:
            line = markdown.count("\n", 0, match.start()) + 1
            raise PluginError(
                f"docs/{page.file.src_uri}:{line}: unknown shortcode 'md:{name}' "
                f"(known: {', '.join(sorted(HANDLERS))})"
            )
        return handler(page, args)

    return SHORTCODE.sub(replace, markdown)
