"""The corpus: everything one build knows, loaded once from the sources (the pages and their front
matter, references.bib, tags.yml), with who cites what and each speaker's works."""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from pybtex.database import Person

from summit.errors import SourceError
from summit.names import fold_name
from summit.sources import bibliography, citations, figures, frontmatter, talks
from summit.sources.bibliography import Bibliography, plain, surname
from summit.sources.figures import FigureSource
from summit.sources.talks import Section, Speaker, Talk


class PageSource(NamedTuple):
    src_uri: str
    meta: dict
    body: str  # the Markdown after the front matter
    offset: int  # lines the front matter took, to report the author's line numbers


@dataclass(eq=False)  # one per build: equal only to itself
class Corpus:
    docs_dir: Path
    bib: Bibliography
    vocabulary: dict[str, str]  # tag -> its description (tags.yml)
    sections: list[Section]
    pages: dict[str, PageSource]
    cites: dict[str, list[str]]  # src_uri -> keys it cites, in order of first citation
    work_links: dict[str, list[str]]  # src_uri -> keys it links as [text][key]
    cited_by: dict[str, list[str]]  # key -> src_uris citing it, in page order (a talk's entry: its page)
    edition: datetime.date  # the date of this edition of the notes (see edition.py)
    figures: dict[str, tuple[FigureSource, ...]]  # src_uri -> its figures' sources

    @property
    def talks(self) -> list[Talk]:
        return [talk for section in self.sections for talk in section.talks]

    def talk_at(self, src_uri: str) -> Talk | None:
        return self._talks_by_page.get(src_uri)

    def section_at(self, src_uri: str) -> Section | None:
        """The section whose overview is src_uri, or None."""
        return next((s for s in self.sections if s.src_uri == src_uri), None)

    def works_by(self, speaker: Speaker) -> list[str]:
        """Works in references.bib with the speaker among the authors, in file order."""
        last = fold_name(" ".join(speaker.name.split()[1:]))
        return [key for key in self.bib.by_surname.get(last, [])
                if any(same_person(speaker.name, p) for p in self.bib.authors(key))]

    def cited_works(self, talk: Talk) -> list[str]:
        """The works a talk's page cites, its own talk entry aside."""
        return [k for k in self.cites.get(talk.src_uri, []) if k != talk.bib_key]

    def uncited(self) -> list[str]:
        """Lines naming the entries no page cites (a reference nobody can reach from the notes)."""
        return [f"{self.bib.where(k)}: entry '{k}' is not cited by any page" for k in self.bib.keys if k not in self.cited_by]

    def __post_init__(self) -> None:
        self._talks_by_page = {t.src_uri: t for t in self.talks}


def same_person(name: str, person: Person) -> bool:
    """"Deborah Raji" is BibTeX's "Raji, Inioluwa Deborah": the surname and one given name agree."""
    first, *rest = name.split()
    givens = {fold_name(n) for n in person.first_names + person.middle_names}
    return surname(person) == fold_name(" ".join(rest)) and fold_name(first) in givens


def read_pages(docs_dir: Path) -> dict[str, PageSource]:
    pages = {}
    for path in sorted(docs_dir.rglob("*.md")):
        src_uri = path.relative_to(docs_dir).as_posix()
        pages[src_uri] = PageSource(src_uri, *frontmatter.split(path.read_text(encoding="utf-8"), f"docs/{src_uri}"))
    return pages


def load(docs_dir: Path, bib_path: Path, tags_path: Path, edition: datetime.date) -> Corpus:
    """Read and check every source; SourceError on the first problem."""
    bib = bibliography.load(bib_path)
    vocabulary = talks.load_vocabulary(tags_path)
    pages = read_pages(docs_dir)
    sections = [talks.section_from(p.meta, uri) for uri, p in pages.items() if talks.is_section_index(uri)]
    talk_at = {uri: talks.talk_from(p.meta, uri, vocabulary) for uri, p in pages.items() if talks.is_talk(uri)}
    sections = talks.assemble(sections, list(talk_at.values()))
    for talk in talk_at.values():
        check_talk_against_bib(talk, bib)

    cites, work_links, sources = {}, {}, {}
    cited_by: dict[str, list[str]] = defaultdict(list)
    recap = figures.recap_text(docs_dir.parent)  # None where the recap is not beside the project
    for uri, page in pages.items():
        cites[uri], work_links[uri] = citations.page_keys(page.body, f"docs/{uri}", bib.data.entries, page.offset)
        talk = talk_at.get(uri)
        # A talk's own entry is cited by its page's "Cite these notes", not among its references.
        for key in dict.fromkeys(([talk.bib_key] if talk else []) + cites[uri]):
            cited_by[key].append(uri)
        for key in talk.works if talk else ():
            if key not in cites[uri]:  # a door to a work the notes never mention would surprise
                raise SourceError(f"docs/{uri}: works names '{key}', which the notes do not cite")
        sources[uri] = figures.check_page(uri, page.meta, page.body, page.offset, bib, cites[uri], recap, docs_dir)
    return Corpus(docs_dir, bib, vocabulary, sections, pages, cites, work_links, dict(cited_by), edition, sources)


def check_talk_against_bib(talk: Talk, bib: Bibliography) -> None:
    """A talk's links name real entries, and its @misc entry repeats its title and speakers
    exactly (citing tools read the entry; the front matter is where those facts live)."""
    where = f"docs/{talk.src_uri}"
    if talk.bib_key not in bib:
        raise SourceError(f"{where}: references.bib has no entry '{talk.bib_key}' for this talk")
    for kind, key in talk.links.items():
        if key not in bib:
            raise SourceError(f"{where}: links.{kind} names unknown references.bib key '{key}'")
    for key in talk.works:
        if key not in bib:
            raise SourceError(f"{where}: works names unknown references.bib key '{key}'")
    fields, at = bib.fields(talk.bib_key), bib.where(talk.bib_key)
    if plain(fields["title"]) != talk.title:
        raise SourceError(f"{at}: title of '{talk.bib_key}' differs from the title in {where}")
    authors = bib.authors(talk.bib_key)
    if len(authors) != len(talk.speakers) or not all(same_person(s.name, p) for s, p in zip(talk.speakers, authors)):
        raise SourceError(f"{at}: authors of '{talk.bib_key}' differ from the speakers in {where}")
