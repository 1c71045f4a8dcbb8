"""summit/bibtex_reader.py must read what pybtex reads (mkdocs-bibtex parses the same file with
pybtex): the same entries, types, fields and people, for references.bib and for the forms
references.bib does not use; and it fails on malformed input with one line naming the place."""

from __future__ import annotations

import pytest
from pybtex.database import parse_string

from builds import ROOT
from summit import bibtex_reader
from summit.errors import SourceError

FORMS = r"""
% a comment line outside entries
@Comment{anything {nested} here}
@ARTICLE{Mixed-Case-Type,
  Author = "Last, First and {Org Name} and de la Fontaine, Jean",
  title = "Quoted {with} braces",
  journal = {J} # { and } # "more",
  month = feb, year = 2020,
  note = {  spread
     over   lines  },
}
@misc{trailing, title = {No trailing comma}}
@inproceedings{eds, editor = {A. B. Cee and Dee, E.}, title = {T}, booktitle = {B}, year = {1999},}
"""


def same(ours, theirs) -> None:
    assert list(ours.entries) == list(theirs.entries)
    for key, entry in theirs.entries.items():
        mine = ours.entries[key]
        assert mine.type == entry.type, key
        assert list(mine.fields.items()) == list(entry.fields.items()), key
        assert list(mine.persons) == list(entry.persons), key
        for role, people in entry.persons.items():
            assert [str(p) for p in mine.persons[role]] == [str(p) for p in people], (key, role)
            assert [p.last_names for p in mine.persons[role]] == [p.last_names for p in people], (key, role)


def same_plain(read) -> None:
    """The plain dicts hold what the pybtex entries hold, names and roles in lower case."""
    assert list(read.fields) == list(read.persons) == list(read.data.entries)
    for key, entry in read.data.entries.items():
        assert read.fields[key] == {name.lower(): value for name, value in entry.fields.items()}, key
        assert read.persons[key] == {role.lower(): people for role, people in entry.persons.items()}, key


def test_reads_references_bib_as_pybtex_does():
    text = (ROOT / "references.bib").read_text(encoding="utf-8")
    read = bibtex_reader.read(text, "references.bib")
    same(read.data, parse_string(text, "bibtex"))
    same_plain(read)
    assert len(read.data.entries) > 90
    for key, line in read.lines.items():
        assert text.splitlines()[line - 1].startswith("@"), key
        assert read.sources[key].startswith("@") and read.sources[key].endswith("}")


def test_reads_other_forms_as_pybtex_does():
    read = bibtex_reader.read(FORMS, "forms.bib")
    same(read.data, parse_string(FORMS, "bibtex"))
    same_plain(read)
    assert read.fields["Mixed-Case-Type"]["journal"] == "J and more" and "Author" not in read.fields["Mixed-Case-Type"]
    assert read.data.entries["Mixed-Case-Type"].fields["journal"] == "J and more"
    assert read.data.entries["Mixed-Case-Type"].fields["month"] == "February"


def test_every_month_macro_reads_as_pybtex_reads_it():
    """The reader's own table of BibTeX's month macros (it does not load pybtex's parser)."""
    text = "".join(f"@misc{{m{n}, month = {m}}}\n" for n, m in enumerate(bibtex_reader.MONTHS))
    same(bibtex_reader.read(text, "months.bib").data, parse_string(text, "bibtex"))
    assert len(bibtex_reader.MONTHS) == 12


@pytest.mark.parametrize("text, message", [
    ("@misc{k,\n  title = {T\n", r"^x\.bib:2: malformed BibTeX: unclosed brace in entry 'k'$"),
    ("@misc{k,\n  title = {T},\n", r"^x\.bib:1: malformed BibTeX: unclosed brace in entry 'k'$"),
    ("@misc{k,\n  title = {T}\n  url = {u}\n}", r"^x\.bib:2: malformed BibTeX: no comma after field 'title' in entry 'k'$"),
    ("@misc{k,\n  title = T\n}", r"^x\.bib:2: malformed BibTeX: unknown macro 'T' in field 'title'"),
    ("@misc{k,\n  title {T}\n}", r"^x\.bib:2: malformed BibTeX: expected a field \(name = value\)"),
    ("@misc(k, title = {T})", r"^x\.bib:1: malformed BibTeX: an entry starts with @type\{"),
    ("@misc{k title = {T}}", r"^x\.bib:1: malformed BibTeX: no comma after the key 'k'"),
    ("@misc{k,\n title = {T},\n Title = {U}\n}", r"^x\.bib:1: malformed BibTeX: field 'Title' given twice in entry 'k'$"),
    ('@misc{k,\n  title = "a}b"\n}', r"^x\.bib:2: malformed BibTeX: unbalanced closing brace in a quoted value"),
    ('@string{venue = "NeurIPS"}', r"^x\.bib:1: malformed BibTeX: @string is not supported"),
    ("@misc{a, title = {A}}\n\n@misc{a, title = {B}}", r"^x\.bib:3: duplicate BibTeX key 'a' \(first defined at line 1\)$"),
])
def test_malformed_input_is_one_line_naming_the_place(text, message):
    with pytest.raises(SourceError, match=message):
        bibtex_reader.read(text, "x.bib")


NAMES = [
    "van der Schaar, Mihaela", "Mihaela van der Schaar", "de la Fontaine, Jean", "Smith, Jr., John",
    "Smith, Jr, John Paul", "John", "Ludwig van Beethoven", "jean de la fontaine", "A. B. C.", "1st Name",
    "O'Neil, Cathy", "d'Alembert, Jean", "Tom Van de Wiele", "von Neumann, John", "Last,", ", First",
    "Last, , First", "a b c", "A b C d", "jean-paul sartre", "Sartre, jean-Paul", "-x Y", "Y -x", "1 2 3",
    "de Last", "Last, de First", "Ming-Wei Chang", "  spaced   out  name ", "x, y, z",
    "{Ag{\\\"u}era y Arcas}, Blaise", "Baudi{\\v{s}}, Petr", "Michail~Markovitch Viktorov", "Uno, Dos, Tres, Cuatro",
]


@pytest.mark.parametrize("name", NAMES)
def test_a_name_splits_as_pybtex_splits_it(name):
    from pybtex.database import Person

    parts = ("first_names", "middle_names", "prelast_names", "last_names", "lineage_names")
    try:
        expected = [getattr(Person(name), part) for part in parts]
    except Exception as error:  # pybtex refuses more than three commas
        with pytest.raises(type(error)):
            bibtex_reader.person_from(name)
        return
    assert [getattr(bibtex_reader.person_from(name), part) for part in parts] == expected


def test_a_person_made_without_pybtex_init_has_all_it_would_have():
    """person_from skips Person.__init__ for a plain name: a pybtex release that gives a Person
    more than its five name lists must fail here."""
    from pybtex.database import Person

    assert vars(Person("Ada Lovelace")).keys() == vars(bibtex_reader.person_from("Ada Lovelace")).keys()
