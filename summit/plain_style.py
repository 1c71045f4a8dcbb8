"""pybtex's plain style, written out as plain functions for the entry types the notes use.

pybtex builds each reference by walking a tree of template nodes and decodes every field and
name part from LaTeX with latexcodec, which together were most of a build's own time (about
3 ms per entry). The same rules as straight Python calls, with LaTeX decoded only where a
field has something to decode, give the same rich text at a small fraction of the cost.

Each function below names the pybtex template it mirrors (pybtex/style/formatting/unsrt.py,
0.24/0.25); the rich text it builds follows pybtex's rules (summit/styled_text.py). Entry types
not written out here, and fields this module does not take apart (a page range with braces),
are formatted by pybtex itself (summit/formatting.py). tests/unit/test_plain_style.py checks
that both give the same Markdown and HTML for every entry in references.bib and for entries
that take the branches references.bib does not.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache

from pybtex.database import Entry, Person
from pybtex.textutils import tie_or_space

from .errors import SourceError
from .styled_text import NBSP, NDASH, NEWBLOCK, Styled, add_period, capitalize, em, from_pybtex, href, lower
from .styled_text import capfirst as capitalize_first
from .styled_text import plain_string, text
from .styled_text import join as join_with
from .text import NEEDS_DECODING, latex_text

DASHES = re.compile(r"-+")


class MissingField(SourceError):
    def __init__(self, entry: Entry, name: str):
        super().__init__(f"entry '{entry.key}' (@{entry.type}) needs a {name} field to be formatted")


class Unsupported(Exception):
    """A field this module does not take apart: the caller formats the entry with pybtex."""


@lru_cache(maxsize=None)  # keyed by its only input: first names, venues and publishers repeat
def rich(latex: str) -> Styled:
    """A field's LaTeX as text: as it is when there is nothing to decode or protect. Runs are
    never changed in place, so one can be shared."""
    if NEEDS_DECODING.search(latex) or "{" in latex or "}" in latex:
        return from_pybtex(latex_text(latex))
    return text(latex)


# --- pybtex.style.template nodes, as functions; a missing field raises MissingField ------------

def join(parts: Iterable, sep="", sep2=None, last_sep=None) -> Styled:
    sep2 = sep if sep2 is None else sep2
    last_sep = sep if last_sep is None else last_sep
    parts = [part for part in parts if part]
    if len(parts) <= 1:
        return text(*parts)
    if len(parts) == 2:
        return join_with(sep2, parts)
    return join_with(last_sep, [join_with(sep, parts[:-1]), parts[-1]])


def words(parts: Iterable) -> Styled:
    return join(parts, " ")


def sentence(parts: Iterable, capfirst: bool = False) -> Styled:
    joined = join(parts, ", ")
    if capfirst:
        joined = capitalize_first(joined)
    return add_period(joined)


def together(parts: Iterable, last_tie: bool = False) -> Styled:
    tie, space = NBSP, " "
    parts = [part for part in parts if part]
    if not parts:
        return text()
    if len(parts) <= 2:
        tie2 = tie if last_tie else tie_or_space(parts[0], tie, space, other_word=parts[-1])
        return join_with(tie2, parts)
    last = tie if last_tie else tie_or_space(parts[-1], tie, space)
    return text(parts[0], tie_or_space(parts[0], tie, space), join_with(space, parts[1:-1]), last, parts[-1])


class Fields:
    """An entry's fields as rich text; `need` raises where pybtex's template would (a field
    outside optional[...])."""

    def __init__(self, entry: Entry):
        self.entry = entry
        # pybtex's fields ignore case through Python methods; the templates ask in lower case
        self.fields = {name.lower(): value for name, value in entry.fields.items()}

    def __contains__(self, name: str) -> bool:
        return name in self.fields

    def need(self, name: str) -> Styled:
        if name not in self.fields:
            raise MissingField(self.entry, name)
        return rich(self.fields[name])

    def get(self, name: str) -> Styled:
        """optional[field]: the field, or nothing. (The same as optional(lambda: f.need(name)),
        without raising and catching MissingField for each absent field.)"""
        return rich(self.fields[name]) if name in self.fields else text()

    def raw(self, name: str) -> str:
        if name not in self.fields:
            raise MissingField(self.entry, name)
        return self.fields[name]

    def persons(self, role: str) -> list[Person]:
        if role not in self.entry.persons:
            raise MissingField(self.entry, role)
        return self.entry.persons[role]


def optional(build: Callable[[], Styled | str]) -> Styled:
    """optional[...]: what build gives, or nothing if a field it needs is missing."""
    try:
        return text(build())
    except MissingField:
        return text()


# --- names (pybtex.style.names.plain) ------------------------------------------------------------

def name_part(latex_parts: list[str], before: str = "", tie: bool = False) -> Styled:
    parts = together([rich(part) for part in latex_parts], last_tie=True)
    if not parts:
        return text()
    if tie:
        return text(before, parts, tie_or_space(parts, NBSP, " "))
    return text(before, parts)


def person_name(person: Person) -> Styled:
    """{ff~}{vv~}{ll}{, jj}"""
    return _name(tuple(person.first_names + person.middle_names), tuple(person.prelast_names),
                 tuple(person.last_names), tuple(person.lineage_names))


@lru_cache(maxsize=None)  # keyed by the name's parts: a quarter of references.bib's names recur
def _name(given: tuple[str, ...], prelast: tuple[str, ...], last: tuple[str, ...], lineage: tuple[str, ...]) -> Styled:
    if all(_is_plain(part) for parts in (given, prelast, last, lineage) for part in parts):
        return _plain_name(given, prelast, last, lineage)
    return join([
        name_part(list(given), tie=True),
        name_part(list(prelast), tie=True),
        name_part(list(last)),
        name_part(list(lineage), before=", "),
    ])


def _is_plain(latex: str) -> bool:
    """Whether rich() gives the field as it is (nothing to decode or protect)."""
    return not ("{" in latex or "}" in latex or NEEDS_DECODING.search(latex))


def _plain_name(given: tuple[str, ...], prelast: tuple[str, ...], last: tuple[str, ...],
                lineage: tuple[str, ...]) -> Styled:
    """_name for parts that are plain words: the same runs, with name_part's and together()'s
    ties worked out on the words themselves rather than through a rich text for each (most
    names are plain, and names were a third of formatting's cost)."""
    runs: list = []
    for words, before, tie in ((given, "", True), (prelast, "", True), (last, "", False), (lineage, ", ", False)):
        words = [word for word in words if word]
        if not words:
            continue
        if len(words) == 1:  # together(..., last_tie=True)
            part = [words[0]]
        elif len(words) == 2:
            part = [words[0], NBSP, words[1]]
        else:
            part = [words[0], tie_or_space(words[0], NBSP, " "), " ".join(words[1:-1]), NBSP, words[-1]]
        runs += [before, *part]
        if tie:  # tie_or_space(part): a tie after a part shorter than 3 characters (a tie counts 1)
            runs.append(NBSP if sum(len(p) if p.__class__ is str else 1 for p in part) < 3 else " ")
    return text(*runs)


def names(f: Fields, role: str) -> Styled:
    return join([person_name(p) for p in f.persons(role)], sep=", ", sep2=" and ", last_sep=", and ")


# --- the pieces of unsrt's templates -------------------------------------------------------------

def pages(f: Fields) -> Styled:  # dashify
    value = plain_string(f.need("pages"))
    if value is None:
        raise Unsupported("pages")
    return join_with(NDASH, DASHES.split(value))


def date(f: Fields) -> Styled:
    return words([f.get("month"), f.need("year")])


def title(f: Fields, name: str = "title") -> Styled:  # format_title
    return sentence([capitalize(f.need(name))])


def btitle(f: Fields, name: str, as_sentence: bool = True) -> Styled:  # format_btitle
    emphasised = em(f.need(name))
    return sentence([emphasised]) if as_sentence else emphasised


def editor(f: Fields, as_sentence: bool = True) -> Styled:  # format_editor
    editors = names(f, "editor")
    word = "editors" if len(f.persons("editor")) > 1 else "editor"
    result = join([editors, word], sep=", ")
    return sentence([result]) if as_sentence else result


def author_or_editor(f: Fields) -> Styled:  # format_author_or_editor
    return optional(lambda: sentence([names(f, "author")])) or editor(f)


def volume_and_series(f: Fields, as_sentence: bool = True) -> Styled:  # format_volume_and_series
    volume = optional(lambda: words([
        together(["Volume" if as_sentence else "volume", f.need("volume")]),
        optional(lambda: words(["of", f.need("series")])),
    ]))
    number = optional(lambda: words([
        join(["Number" if as_sentence else "number", f.need("number")], sep=NBSP),
        optional(lambda: words(["in", f.need("series")])),
    ]))
    result = volume or number or f.get("series") or text()
    return sentence([result], capfirst=True) if as_sentence else result


def edition(f: Fields) -> Styled:  # format_edition
    return optional(lambda: words([lower(f.need("edition")), "edition"]))


def address_organization_publisher_date(f: Fields) -> Styled:
    organization = f.get("organization")
    publisher = f.get("publisher")
    with_address = optional(lambda: join([
        sentence([f.need("address"), date(f)]),
        sentence([organization, publisher]),
    ], sep=" "))
    return with_address or sentence([organization, publisher, date(f)])


def eprint(f: Fields) -> Styled:
    number = f.raw("eprint")
    return href("https://arxiv.org/abs/" + number, join(["arXiv:", number]))


def pubmed(f: Fields) -> Styled:
    number = f.raw("pubmed")
    return href("https://www.ncbi.nlm.nih.gov/pubmed/" + number, join(["PMID:", number]))


def doi(f: Fields) -> Styled:
    number = f.raw("doi")
    return href("https://doi.org/" + number, join(["doi:", number]))


def url(f: Fields) -> Styled:
    address = f.raw("url")
    return words(["URL:", href(address, address)])


def web_refs(f: Fields) -> Styled:
    """The notes' change to format_web_refs (NotesStyle): an arXiv paper's url is its abstract
    page, already linked as arXiv:…, so it is not printed."""
    visited = optional(lambda: text(url(f), optional(lambda: text(" (visited on ", f.need("urldate"), ")"))))
    return sentence([
        text() if "eprint" in f else visited,
        optional(lambda: eprint(f)),
        optional(lambda: pubmed(f)),
        optional(lambda: doi(f)),
    ])


def note(f: Fields) -> Styled:
    return sentence([f.get("note")])


def toplevel(parts: Iterable) -> Styled:
    return join(parts, sep=NEWBLOCK)


# --- one function per entry type -----------------------------------------------------------------

def article(f: Fields) -> Styled:
    def volume_and_pages() -> Styled:
        with_volume = optional(lambda: join([
            f.need("volume"), optional(lambda: text("(", f.need("number"), ")")), ":", pages(f),
        ]))
        return with_volume or words(["pages", pages(f)])

    return toplevel([
        sentence([names(f, "author")]),
        title(f),
        sentence([em(f.need("journal")), optional(volume_and_pages), date(f)]),
        note(f),
        web_refs(f),
    ])


def book(f: Fields) -> Styled:
    return toplevel([
        author_or_editor(f),
        btitle(f, "title"),
        volume_and_series(f),
        sentence([f.need("publisher"), f.get("address"), edition(f), date(f)]),
        optional(lambda: sentence([join(["ISBN", f.need("isbn")], sep=" ")])),
        note(f),
        web_refs(f),
    ])


def inproceedings(f: Fields) -> Styled:
    return toplevel([
        sentence([sentence([names(f, "author")])]),
        title(f),
        words([
            "In",
            sentence([
                optional(lambda: editor(f, as_sentence=False)),
                btitle(f, "booktitle", as_sentence=False),
                volume_and_series(f, as_sentence=False),
                optional(lambda: pages(f)),
            ]),
            address_organization_publisher_date(f),
        ]),
        note(f),
        web_refs(f),
    ])


def misc(f: Fields) -> Styled:
    return toplevel([
        optional(lambda: sentence([names(f, "author")])),
        optional(lambda: title(f)),
        sentence([f.get("howpublished"), optional(lambda: date(f))]),
        note(f),
        web_refs(f),
    ])


TEMPLATES: dict[str, Callable[[Fields], Styled]] = {
    "article": article,
    "book": book,
    "inproceedings": inproceedings,
    "misc": misc,
    "online": misc,  # unsrt formats these as misc
    "software": misc,
    "dataset": misc,
}


def handles(entry: Entry) -> bool:
    """Whether this module formats the entry (crossref'd fields are left to pybtex)."""
    return entry.type in TEMPLATES and "crossref" not in entry.fields


def format_entry(entry: Entry) -> Styled:
    """The formatted entry; Unsupported if pybtex must format it instead."""
    if not handles(entry):
        raise Unsupported(entry.type)
    return TEMPLATES[entry.type](Fields(entry))
