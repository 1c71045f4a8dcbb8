"""pybtex's plain style, written out as plain functions for the entry types the notes use.

pybtex builds each reference by walking a tree of template nodes and decodes every field and
name part from LaTeX with latexcodec, which together were most of a build's own time (about
3 ms per entry). The same rules as straight Python calls, with LaTeX decoded only where a
field has something to decode, give the same rich text at a small fraction of the cost.

Each function below names the pybtex template it mirrors (pybtex/style/formatting/unsrt.py,
0.24/0.25); the pieces of rich text (Text, Tag, HRef, Symbol) and their rules (add_period,
capitalize, join) are pybtex's own. Entry types not written out here are formatted by pybtex
itself (summit/formatting.py). tests/unit/test_plain_style.py checks that both give the same
Markdown and HTML for every entry in references.bib and for entries that take the branches
references.bib does not.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from pybtex import richtext
from pybtex.database import Entry, Person
from pybtex.richtext import HRef, Symbol, Tag, Text
from pybtex.textutils import tie_or_space

from .errors import SourceError
from .text import latex_text as rich

DASHES = re.compile(r"-+")
NEWBLOCK = Symbol("newblock")


class MissingField(SourceError):
    def __init__(self, entry: Entry, name: str):
        super().__init__(f"entry '{entry.key}' (@{entry.type}) needs a {name} field to be formatted")


# --- pybtex.style.template nodes, as functions; None stands for a missing field ------------------

def join(parts: Iterable, sep="", sep2=None, last_sep=None) -> Text:
    sep2 = sep if sep2 is None else sep2
    last_sep = sep if last_sep is None else last_sep
    parts = [part for part in parts if part]
    if len(parts) <= 1:
        return Text(*parts)
    if len(parts) == 2:
        return Text(sep2).join(parts)
    return Text(last_sep).join([Text(sep).join(parts[:-1]), parts[-1]])


def words(parts: Iterable) -> Text:
    return join(parts, " ")


def sentence(parts: Iterable, capfirst: bool = False) -> Text:
    text = join(parts, ", ")
    if capfirst:
        text = text.capfirst()
    return text.add_period()


def together(parts: Iterable, last_tie: bool = False) -> Text:
    tie, space = richtext.nbsp, richtext.String(" ")
    parts = [part for part in parts if part]
    if not parts:
        return Text()
    if len(parts) <= 2:
        tie2 = tie if last_tie else tie_or_space(parts[0], tie, space, other_word=parts[-1])
        return tie2.join(parts)
    last = tie if last_tie else tie_or_space(parts[-1], tie, space)
    return Text(parts[0], tie_or_space(parts[0], tie, space), space.join(parts[1:-1]), last, parts[-1])


class Fields:
    """An entry's fields as rich text, each decoded once; `need` raises where pybtex's
    template would (a field outside optional[...])."""

    def __init__(self, entry: Entry):
        self.entry = entry
        self._rich: dict[str, Text] = {}

    def __contains__(self, name: str) -> bool:
        return name in self.entry.fields

    def get(self, name: str) -> Text | None:
        if name not in self.entry.fields:
            return None
        if name not in self._rich:
            self._rich[name] = rich(self.entry.fields[name])
        return self._rich[name]

    def need(self, name: str) -> Text:
        value = self.get(name)
        if value is None:
            raise MissingField(self.entry, name)
        return value

    def raw(self, name: str) -> str:
        if name not in self.entry.fields:
            raise MissingField(self.entry, name)
        return self.entry.fields[name]

    def persons(self, role: str) -> list[Person]:
        if role not in self.entry.persons:
            raise MissingField(self.entry, role)
        return self.entry.persons[role]


def optional(build: Callable[[], Text | str]) -> Text:
    """optional[...]: what build gives, or nothing if a field it needs is missing."""
    try:
        return Text(build())
    except MissingField:
        return Text()


# --- names (pybtex.style.names.plain) ------------------------------------------------------------

def name_part(latex_parts: list[str], before: str = "", tie: bool = False) -> Text:
    parts = together([rich(part) for part in latex_parts], last_tie=True)
    if not parts:
        return Text()
    if tie:
        return Text(before, parts, tie_or_space(parts, richtext.nbsp, " "))
    return Text(before, parts)


def person_name(person: Person) -> Text:
    """{ff~}{vv~}{ll}{, jj}"""
    return join([
        name_part(person.first_names + person.middle_names, tie=True),
        name_part(person.prelast_names, tie=True),
        name_part(person.last_names),
        name_part(person.lineage_names, before=", "),
    ])


def names(f: Fields, role: str) -> Text:
    return join([person_name(p) for p in f.persons(role)], sep=", ", sep2=" and ", last_sep=", and ")


# --- the pieces of unsrt's templates -------------------------------------------------------------

def pages(f: Fields) -> Text:
    return Text(Symbol("ndash")).join(f.need("pages").split(DASHES))


def date(f: Fields) -> Text:
    return words([optional(lambda: f.need("month")), f.need("year")])


def title(f: Fields, name: str = "title") -> Text:  # format_title
    return sentence([f.need(name).capitalize()])


def btitle(f: Fields, name: str, as_sentence: bool = True) -> Text:  # format_btitle
    text = Tag("em", f.need(name))
    return sentence([text]) if as_sentence else text


def editor(f: Fields, as_sentence: bool = True) -> Text:  # format_editor
    editors = names(f, "editor")
    word = "editors" if len(f.persons("editor")) > 1 else "editor"
    result = join([editors, word], sep=", ")
    return sentence([result]) if as_sentence else result


def author_or_editor(f: Fields) -> Text:  # format_author_or_editor
    return optional(lambda: sentence([names(f, "author")])) or editor(f)


def volume_and_series(f: Fields, as_sentence: bool = True) -> Text:  # format_volume_and_series
    volume = optional(lambda: words([
        together(["Volume" if as_sentence else "volume", f.need("volume")]),
        optional(lambda: words(["of", f.need("series")])),
    ]))
    number = optional(lambda: words([
        join(["Number" if as_sentence else "number", f.need("number")], sep=richtext.nbsp),
        optional(lambda: words(["in", f.need("series")])),
    ]))
    result = volume or number or optional(lambda: f.need("series")) or Text()
    return sentence([result], capfirst=True) if as_sentence else result


def edition(f: Fields) -> Text:  # format_edition
    return optional(lambda: words([f.need("edition").lower(), "edition"]))


def address_organization_publisher_date(f: Fields) -> Text:
    organization = optional(lambda: f.need("organization"))
    publisher = optional(lambda: f.need("publisher"))
    with_address = optional(lambda: join([
        sentence([f.need("address"), date(f)]),
        sentence([organization, publisher]),
    ], sep=" "))
    return with_address or sentence([organization, publisher, date(f)])


def href(url: Text | str, *parts) -> HRef:
    return HRef(url, *parts, external=False)


def eprint(f: Fields) -> HRef:
    number = f.raw("eprint")
    return href(join(["https://arxiv.org/abs/", number]), join(["arXiv:", number]))


def pubmed(f: Fields) -> HRef:
    number = f.raw("pubmed")
    return href(join(["https://www.ncbi.nlm.nih.gov/pubmed/", number]), join(["PMID:", number]))


def doi(f: Fields) -> HRef:
    number = f.raw("doi")
    return href(join(["https://doi.org/", number]), join(["doi:", number]))


def url(f: Fields) -> Text:
    address = f.raw("url")
    return words(["URL:", href(address, address)])


def web_refs(f: Fields) -> Text:
    """The notes' change to format_web_refs (NotesStyle): an arXiv paper's url is its abstract
    page, already linked as arXiv:…, so it is not printed."""
    visited = optional(lambda: Text(url(f), optional(lambda: Text(" (visited on ", f.need("urldate"), ")"))))
    return sentence([
        Text() if "eprint" in f else visited,
        optional(lambda: eprint(f)),
        optional(lambda: pubmed(f)),
        optional(lambda: doi(f)),
    ])


def note(f: Fields) -> Text:
    return sentence([optional(lambda: f.need("note"))])


def toplevel(parts: Iterable) -> Text:
    return join(parts, sep=NEWBLOCK)


# --- one function per entry type -----------------------------------------------------------------

def article(f: Fields) -> Text:
    def volume_and_pages() -> Text:
        with_volume = optional(lambda: join([
            f.need("volume"), optional(lambda: Text("(", f.need("number"), ")")), ":", pages(f),
        ]))
        return with_volume or words(["pages", pages(f)])

    return toplevel([
        sentence([names(f, "author")]),
        title(f),
        sentence([Tag("em", f.need("journal")), optional(volume_and_pages), date(f)]),
        note(f),
        web_refs(f),
    ])


def book(f: Fields) -> Text:
    return toplevel([
        author_or_editor(f),
        btitle(f, "title"),
        volume_and_series(f),
        sentence([f.need("publisher"), optional(lambda: f.need("address")), edition(f), date(f)]),
        optional(lambda: sentence([join(["ISBN", f.need("isbn")], sep=" ")])),
        note(f),
        web_refs(f),
    ])


def inproceedings(f: Fields) -> Text:
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


def misc(f: Fields) -> Text:
    return toplevel([
        optional(lambda: sentence([names(f, "author")])),
        optional(lambda: title(f)),
        sentence([optional(lambda: f.need("howpublished")), optional(lambda: date(f))]),
        note(f),
        web_refs(f),
    ])


TEMPLATES: dict[str, Callable[[Fields], Text]] = {
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


def format_entry(entry: Entry) -> Text:
    return TEMPLATES[entry.type](Fields(entry))
