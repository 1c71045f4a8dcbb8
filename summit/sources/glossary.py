"""The glossary: every acronym and term of art the notes use, its expansion and a definition.

One file (includes/glossary.md) holds the entries in Python-Markdown's abbreviation syntax, so
that pymdownx.snippets can append it to every page and the abbr extension turns a use in a
page's Markdown into an <abbr title="…"> that Material's content.tooltips shows on hover and
focus (once a section: abbr_scope.py). This module reads that file, finds which pages use each
term, and orders the entries for the Glossary page (partials/glossary-letter.html).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, NamedTuple

from summit.sources import citations
from summit.errors import SourceError, read_source
from summit.names import slugify

# "*[TERM]: Expansion — definition" (expansion optional for names that abbreviate nothing).
# The abbr extension shows everything after the colon as the tooltip, so the tooltip reads
# "Expansion — definition" and this module can still split the two apart.
ENTRY = re.compile(r"^\*\[(?P<term>[^\]\\]+)\]: (?P<title>\S.*)$")
SEPARATOR = " — "
# Markdown's own comment idiom: a link reference definition renders as nothing, so the
# file's documentation never shows on the pages it is appended to.
COMMENT = re.compile(r"^\[//\]: # \(.*\)$")
PLURAL = re.compile(r"^plural of (?P<singular>\S+)$")
# A word that is an acronym: no lower-case letter except a plural "s" (GAN, BM25, GANs).
ACRONYM = re.compile(r"^[A-Z0-9]*[A-Z][A-Z0-9]*s?$")


class Entry(NamedTuple):
    term: str
    expansion: str | None     # None for a name that abbreviates nothing (GDumb, regret)
    definition: str
    line: int
    plural_of: str | None = None   # "GANs" → "GAN": listed under its singular on the page

    @property
    def anchor(self) -> str:
        """The entry's id on the Glossary page."""
        return slugify(self.term)


def parse(text: str, where: str) -> list[Entry]:
    """Read a glossary file's text; where names the file in error messages."""
    entries: dict[str, Entry] = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip()
        if not line or COMMENT.match(line):
            continue
        match = ENTRY.match(line)
        if not match:
            raise SourceError(f"{where}:{number}: not a glossary line "
                              f"(write '*[TERM]: Expansion — definition'): {line[:60]!r}")
        term, title = match["term"], match["title"]
        if term != term.strip() or not re.fullmatch(r"[\w•.+ -]+", term):
            raise SourceError(f"{where}:{number}: term {term!r} has characters an abbreviation cannot have")
        if term in entries:
            raise SourceError(f"{where}:{number}: '{term}' is already defined on line {entries[term].line}")
        # The space added back lets a line ending in " —" (stripped) read as an empty definition.
        expansion, sep, definition = (title + " ").partition(SEPARATOR)
        definition = definition.strip()
        if not sep:
            expansion, definition = None, title
        if ACRONYM.match(term) and not expansion:
            raise SourceError(f"{where}:{number}: acronym '{term}' has no expansion "
                              f"(write '*[{term}]: Expansion — definition')")
        if not definition:
            raise SourceError(f"{where}:{number}: '{term}' has no definition after ' — '")
        plural = PLURAL.match(definition)
        entries[term] = Entry(term, expansion, definition, number, plural["singular"] if plural else None)
    for entry in entries.values():
        if entry.plural_of and entry.plural_of not in entries:
            raise SourceError(f"{where}:{entry.line}: '{entry.term}' is the plural of "
                              f"'{entry.plural_of}', which the glossary does not define")
    return list(entries.values())


def load(path: Path, root: Path) -> list[Entry]:
    """Parse the glossary file at path; errors name it relative to root."""
    where = path.relative_to(root).as_posix()
    return parse(read_source(path, where, "the glossary"), where)


# --- Where the terms are used ------------------------------------------------------------

def matcher(terms: Iterable[str]) -> re.Pattern[str]:
    """Matches what the abbr extension's expression matches (the terms as whole words,
    case-sensitive, the longest first), so usage is counted exactly where a tooltip will be."""
    terms = sorted(terms, key=len, reverse=True)
    if not terms:
        return re.compile(r"(?!)")  # no terms: matches nothing
    return re.compile(r"\b(" + "|".join(re.escape(term) for term in terms) + r")\b")


def usage(pages: Mapping[Any, str], entries: list[Entry]) -> dict[str, list]:
    """term -> the pages (keys of pages, in their order: talks, say) that use it in their prose
    (citations.prose, where a tooltip goes); a plural's uses count for its singular too."""
    used: dict[str, list] = {e.term: [] for e in entries}
    singular = {e.term: e.plural_of or e.term for e in entries}
    pattern = matcher(e.term for e in entries)
    for page, markdown in pages.items():
        for term in set(pattern.findall(citations.prose(markdown))):
            for name in dict.fromkeys((term, singular[term])):
                if page not in used[name]:
                    used[name].append(page)
    return used


# --- The Glossary page -------------------------------------------------------------------

class Listed(NamedTuple):
    """One entry as the Glossary page shows it."""

    entry: Entry
    plural: str | None  # its plural's spelling, when the glossary has one
    used_in: list  # the pages that use it, as usage() keys them, in page order


def alphabetical(entries: list[Entry], used: Mapping[str, list]) -> list[tuple[str, list[Listed]]]:
    """The entries under their initial letters ("#" for a digit), plurals under their singular."""
    plurals = {e.plural_of: e.term for e in entries if e.plural_of}
    shown = sorted((e for e in entries if not e.plural_of), key=lambda e: (e.term.casefold(), e.term))
    groups: dict[str, list[Listed]] = {}
    for entry in shown:
        letter = entry.term[0].upper() if entry.term[0].isalpha() else "#"
        groups.setdefault(letter, []).append(Listed(entry, plurals.get(entry.term), used.get(entry.term, [])))
    return list(groups.items())
