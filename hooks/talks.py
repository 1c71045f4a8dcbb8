"""Talk pages: check their metadata against the bibliography, order the navigation, add the header."""

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.nav import Section as NavSection

from notes import render, scholar, state
from notes.export import plain
from notes.works import same_person
from notes.talks import all_talks


@event_priority(90)  # right after sources.py has loaded both sources of truth
def on_config(config):
    for talk in all_talks(state.sections):
        where = f"docs/{talk.src_uri}"
        if talk.bib_key not in state.bib.data.entries:
            raise PluginError(f"{where}: references.bib has no entry '{talk.bib_key}' for this talk")
        _check_talk_entry(talk, where)
        for kind, key in talk.links.items():
            if key not in state.bib.data.entries:
                raise PluginError(f"{where}: links.{kind} names unknown references.bib key '{key}'")
    return config


def _check_talk_entry(talk, where: str) -> None:
    """The talk's @misc entry repeats its title and speakers for citing tools: they must agree
    with the front matter, which is where those facts live."""
    entry = state.bib.entry(talk.bib_key)
    at = state.bib.where(talk.bib_key)
    if plain(entry.fields["title"]) != talk.title:
        raise PluginError(f"{at}: title of '{talk.bib_key}' differs from the title in {where}")
    authors = entry.persons.get("author", [])
    if len(authors) != len(talk.speakers) or not all(
        same_person(s.name, p) for s, p in zip(talk.speakers, authors)
    ):
        raise PluginError(f"{at}: authors of '{talk.bib_key}' differ from the speakers in {where}")


def on_nav(nav, config, files):
    """Sections and talks follow the recap's numbering (1.1 … 5.4), not the alphabet."""
    by_folder = {s.folder: s for s in state.sections}
    order = {t.src_uri: t.sort_key for t in all_talks(state.sections)}
    sections = [item for item in nav.items if isinstance(item, NavSection)]
    others = [item for item in nav.items if not isinstance(item, NavSection)]
    for item in sections:
        index = next((c for c in item.children if c.is_page and c.file.src_uri.endswith("index.md")), None)
        if index is None:
            continue
        section = by_folder.get(index.file.src_uri.rsplit("/", 1)[0])
        if section:
            item.title = section.title
        item.children.sort(key=lambda c: (0, 0) if c is index else order.get(getattr(c, "file", None) and c.file.src_uri, (99, 99)))
    sections.sort(key=lambda s: next((x.number for x in state.sections if x.title == s.title), 99))
    nav.items[:] = others[:1] + sections + others[1:]
    return nav


@event_priority(90)  # after citations.py has checked the author's text, before mkdocs-bibtex
def on_page_markdown(markdown, page, config, files):
    talk = state.talk_at(page.file.src_uri)
    if talk is None:
        return markdown
    # Talk pages must outrank overviews and indexes that mention the same names.
    page.meta.setdefault("search", {}).setdefault("boost", 3)
    related = render.related_talks(talk)
    if related and "\n## References" in markdown:
        head, tail = markdown.rsplit("\n## References", 1)
        markdown = head.rstrip() + "\n\n" + related + "## References" + tail
    elif related:
        markdown = markdown.rstrip() + "\n\n" + related
    page.meta["scholar"] = scholar.meta(talk)
    cite = scholar.cite_these_notes(talk, (config.site_url or "") + page.url)
    markdown = markdown.replace("\n\\bibliography", "\n" + cite + "\n\\bibliography", 1)
    return render.talk_header(talk) + "\n" + markdown
