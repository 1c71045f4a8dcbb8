"""A work of references.bib as its reference shows it (partials/reference-text.html), designed for
readers rather than after BibTeX's plain style: who wrote it, its title as written, where and
when it appeared, and its links (Bibliography.links), each once, as link controls."""

from __future__ import annotations

from typing import NamedTuple

from pybtex.database import Entry, Person

from summit.sources.bibliography import family, given, plain

# Where a work appeared, by the first of these fields it has: a journal, a conference's
# proceedings, how a web page, repository or talk was published, a thesis's school, a report's
# institution, a book's publisher.
VENUE_FIELDS = ("journal", "booktitle", "howpublished", "school", "institution", "publisher")


class Reference(NamedTuple):
    authors: tuple[str, ...]  # every author, "Given von Last, Jr", in the entry's order
    title: str
    venue: str  # "" when the entry names none
    year: str  # "" when the entry has none
    links: tuple[tuple[str, str], ...]  # (kind, https URL): arxiv, doi, url (Bibliography.links)


def display_name(person: Person) -> str:
    """A name as a reader writes it: given names first, LaTeX decoded ("Martín Abadi")."""
    name = f"{given(person)} {family(person)}".strip()
    return name + ", " + plain(" ".join(person.lineage_names)) if person.lineage_names else name


def reference(entry: Entry, links: dict[str, str]) -> Reference:
    """The view of a pybtex entry; links as Bibliography.links gives them (kind -> URL)."""
    fields = entry.fields  # pybtex's: field names in any case
    venue = next((fields[name] for name in VENUE_FIELDS if name in fields), "")
    return Reference(
        authors=tuple(display_name(person) for person in entry.persons.get("author", [])),
        title=plain(fields["title"]),  # every entry has one (bibliography.check_entry)
        venue=plain(venue),
        year=fields.get("year", ""),
        links=tuple(links.items()),
    )
