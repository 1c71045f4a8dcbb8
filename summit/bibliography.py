"""references.bib, loaded and checked: one clear line per problem, no tracebacks."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from pybtex.database import BibliographyData, Entry, Person

from . import bibtex_reader
from .errors import SourceError
from .text import fold_name

KEY_CHARS = re.compile(r"^[a-z0-9_-]+$")
LINK_FIELDS = ("doi", "url", "eprint")
TALK_PREFIX = "talk-"
ARXIV_ABS = "https://arxiv.org/abs/"
DOI = re.compile(r"^10\.\d{4,9}/\S+$")


@dataclass(frozen=True, eq=False)  # one per build: equal only to itself
class Bibliography:
    path: Path
    data: BibliographyData  # pybtex's entries: what mkdocs-bibtex and the reference style take
    lines: dict[str, int]  # key -> line of its "@type{key," in the file
    sources: dict[str, str]  # key -> the entry exactly as written in the file
    # key -> field name (lower case) -> value, and key -> role -> names: the entries' contents
    # as plain dicts (bibtex_reader.Read), for the notes' own lookups
    field_values: dict[str, dict[str, str]]
    persons: dict[str, dict[str, list[Person]]]
    # folded surname -> keys of works with an author of that surname (talk entries excluded):
    # finding a speaker's works is then one lookup, not a scan of every entry.
    by_surname: dict[str, list[str]] = field(default_factory=dict)

    @property
    def keys(self) -> list[str]:
        return list(self.field_values)

    def __contains__(self, key: str) -> bool:
        return key in self.field_values

    def entry(self, key: str) -> Entry:
        return self.data.entries[key]

    def fields(self, key: str) -> dict[str, str]:
        """The entry's fields, names in lower case (persons are in authors() and persons)."""
        return self.field_values[key]

    def entry_type(self, key: str) -> str:
        return self.data.entries[key].type

    def source(self, key: str) -> str:
        return self.sources[key]

    def where(self, key: str) -> str:
        return f"{self.path.name}:{self.lines.get(key, 1)}"

    def links(self, key: str) -> dict[str, str]:
        """Every way to reach a work, as resolvable https URLs (arXiv, DOI, then its own URL)."""
        fields = self.field_values[key]
        out = {}
        if "eprint" in fields:
            out["arxiv"] = ARXIV_ABS + fields["eprint"]
        if "doi" in fields:
            out["doi"] = "https://doi.org/" + fields["doi"]
        if "url" in fields and fields["url"] not in out.values():
            out["url"] = fields["url"]
        return out

    def primary_link(self, key: str) -> str:
        links = self.links(key)
        return links.get("url") or links.get("arxiv") or links["doi"]

    def authors(self, key: str) -> list[Person]:
        return self.persons[key].get("author", [])


def surname(person: Person) -> str:
    return fold_name(" ".join(person.prelast_names + person.last_names))


def load(path: Path) -> Bibliography:
    """Read and validate the bibliography; raise SourceError on the first problem."""
    name = path.name
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise SourceError(f"{name}: cannot read the bibliography ({error.strerror})") from None

    read = bibtex_reader.read(text, name)
    for key, line in read.lines.items():
        if not KEY_CHARS.match(key):
            raise SourceError(
                f"{name}:{line}: BibTeX key '{key}' may only use [a-z0-9_-] (mkdocs-bibtex cuts keys at ':' and '.')"
            )
    by_surname: dict[str, list[str]] = defaultdict(list)
    for key, persons in read.persons.items():
        if not key.startswith(TALK_PREFIX):
            for person in persons.get("author", []):
                if key not in by_surname[surname(person)]:
                    by_surname[surname(person)].append(key)
    bib = Bibliography(path, read.data, read.lines, read.sources, read.fields, read.persons, dict(by_surname))
    for key in bib.keys:
        check_entry(bib, key)
    return bib


def check_entry(bib: Bibliography, key: str) -> None:
    """Every entry can be reached by a reader, and its links are the canonical ones."""
    fields = bib.fields(key)
    where = bib.where(key)
    if key.startswith(TALK_PREFIX):
        # A talk's way to reach it is its page on this site: the recordings were not public.
        if "howpublished" not in fields:
            raise SourceError(f"{where}: talk entry '{key}' needs howpublished (the summit)")
    elif not any(field in fields for field in LINK_FIELDS):
        raise SourceError(f"{where}: entry '{key}' has no link field (doi, url or eprint)")
    if "title" not in fields:
        raise SourceError(f"{where}: entry '{key}' has no title")
    if "eprint" in fields:
        if fields.get("archiveprefix", "").lower() != "arxiv":
            raise SourceError(f"{where}: entry '{key}' has an eprint but archivePrefix is not arXiv")
        expected = ARXIV_ABS + fields["eprint"]
        if fields.get("url") != expected:
            raise SourceError(f"{where}: entry '{key}' url must be the arXiv abstract page {expected}")
    url = fields.get("url")
    if url and not url.startswith("https://"):
        raise SourceError(f"{where}: entry '{key}' url is not https: {url}")
    if "doi" in fields and not DOI.match(fields["doi"]):
        raise SourceError(f"{where}: entry '{key}' doi is not a bare DOI (10.xxxx/...): {fields['doi']}")
