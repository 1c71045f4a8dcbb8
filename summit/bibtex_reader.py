"""references.bib read in one pass: each entry's fields, its line and its text as written.

The notes read the file once, here (mkdocs-bibtex is handed the result, hooks/pipeline.py).
pybtex's own parser cost several times as much. This reader takes the BibTeX the notes use (entries in braces; values in
braces, in quotes, numbers or month names, joined with #) and builds the same pybtex entries
(tests/unit/test_bibtex_reader.py compares them for every entry). It is stricter than pybtex,
and every problem is one line naming the file, the line and the entry.
"""

from __future__ import annotations

import itertools
import re
from typing import NamedTuple

from pybtex.bibtex.utils import split_name_list
from pybtex.database import BibliographyData, Entry, Person
from pybtex.textutils import normalize_whitespace

from .errors import SourceError

HEAD = re.compile(r"@\s*(\w+)\s*([{(]?)")
KEY = re.compile(r"\s*([^\s,{}]*)\s*(,?)")
NAME = re.compile(r"\s*([A-Za-z][\w\-.:+]*)\s*(=?)\s*")
NUMBER = re.compile(r"\d+")
MACRO = re.compile(r"[A-Za-z][\w\-.:+]*")
SPACE = re.compile(r"\s*")
BRACES = re.compile(r'[{}"]')
PERSON_ROLES = ("author", "editor")  # pybtex's Person.valid_roles
SKIPPED = ("comment",)
# BibTeX's predefined macros, the months (month = jan). Written here rather than imported from
# pybtex's own parser, which nothing else in a build loads (1.6 M instructions a build).
MONTHS = {name[:3].lower(): name for name in (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December")}


class Read(NamedTuple):
    data: BibliographyData
    lines: dict[str, int]  # key -> line of its "@type{key,"
    sources: dict[str, str]  # key -> the entry exactly as written
    # The same fields and names as plain dicts, field names and roles in lower case: pybtex's
    # case-insensitive dicts answer each lookup through Python methods (a missing field's .get
    # raises and catches KeyError), and the notes look fields up thousands of times a build.
    fields: dict[str, dict[str, str]]  # key -> field name -> value
    persons: dict[str, dict[str, list[Person]]]  # key -> role -> names


class _Reader:
    def __init__(self, text: str, name: str):
        self.text, self.name = text, name
        self.key, self.start = "", 0  # the entry being read

    def fail(self, position: int, problem: str) -> SourceError:
        if position >= len(self.text):  # the file ended inside the entry: a brace was never closed
            position, problem = self.start, "unclosed brace"
        line = self.text.count("\n", 0, position) + 1
        where = f" in entry '{self.key}'" if self.key else ""
        return SourceError(f"{self.name}:{line}: malformed BibTeX: {problem}{where}")

    def closing_brace(self, position: int, quoted: bool = False) -> int:
        """The position of what closes the value opened before position: the brace at depth 0
        (or, quoted, the quote at depth 0)."""
        depth = 0
        for match in BRACES.finditer(self.text, position):
            char = match.group()
            if char == "{":
                depth += 1
            elif char == "}":
                if depth == 0:
                    if quoted:
                        raise self.fail(match.start(), "unbalanced closing brace in a quoted value")
                    return match.start()
                depth -= 1
            elif quoted and depth == 0:
                return match.start()
        raise self.fail(position, "unclosed brace" if not quoted else "unclosed quote")

    def value(self, position: int, field: str) -> tuple[str, int, int]:
        """A field's value from position (after "="): its parts joined, where its text ends and
        where what follows it starts."""
        parts = []
        while True:
            char = self.text[position:position + 1]
            if char in ("{", '"'):
                end = self.closing_brace(position + 1, quoted=char == '"')
                parts.append(self.text[position + 1:end])
                position = end + 1
            elif number := NUMBER.match(self.text, position):
                parts.append(number.group())
                position = number.end()
            elif macro := MACRO.match(self.text, position):
                if macro.group().lower() not in MONTHS:
                    raise self.fail(position, f"unknown macro '{macro.group()}' in field '{field}'"
                                              " (write the value in braces)")
                parts.append(MONTHS[macro.group().lower()])
                position = macro.end()
            else:
                raise self.fail(position, f"field '{field}' has no value")
            end, position = position, SPACE.match(self.text, position).end()
            if self.text.startswith("#", position):
                position = SPACE.match(self.text, position + 1).end()
                continue
            return "".join(parts), end, position

    def entry(self, start: int) -> tuple[str, str, list[tuple[str, str]], int]:
        """The entry starting at the "@" at start: type, key, fields and the position of its
        closing brace."""
        self.start = start
        head = HEAD.match(self.text, start)
        kind = head.group(1).lower() if head else ""
        if not head or head.group(2) != "{":
            raise self.fail(start, "an entry starts with @type{ (in braces)")
        if kind in ("string", "preamble"):
            raise self.fail(start, f"@{kind} is not supported (write each value in full)")
        key = KEY.match(self.text, head.end())
        self.key = key.group(1)
        if not self.key:
            raise self.fail(start, f"@{kind} entry has no key")
        if not key.group(2):
            raise self.fail(key.end(), f"no comma after the key '{self.key}'")
        position, fields = key.end(), []
        while True:
            position = SPACE.match(self.text, position).end()
            if self.text.startswith("}", position):
                return kind, self.key, fields, position
            name = NAME.match(self.text, position)
            if not name or not name.group(2):
                raise self.fail(position, "expected a field (name = value) or the closing brace")
            value, value_end, position = self.value(name.end(), name.group(1))
            fields.append((name.group(1), value))
            if self.text.startswith(",", position):
                position += 1
            elif not self.text.startswith("}", position):
                # at the end of the file, the entry's own brace was taken by a value left open
                raise self.fail(position if position >= len(self.text) else value_end,
                                f"no comma after field '{name.group(1)}'")

    def read(self) -> Read:
        data = BibliographyData()
        lines: dict[str, int] = {}
        sources: dict[str, str] = {}
        fields_of: dict[str, dict[str, str]] = {}
        persons_of: dict[str, dict[str, list[Person]]] = {}
        position, line, counted_to = 0, 1, 0
        while (start := self.text.find("@", position)) >= 0:
            line += self.text.count("\n", counted_to, start)
            counted_to = start
            self.key = ""
            head = HEAD.match(self.text, start)
            if head and head.group(1).lower() in SKIPPED and head.group(2) == "{":
                position = self.closing_brace(head.end()) + 1
                continue
            kind, key, fields, end = self.entry(start)
            if key in lines:
                raise SourceError(f"{self.name}:{line}: duplicate BibTeX key '{key}' (first defined at line {lines[key]})")
            entry, fields_of[key], persons_of[key] = self.pybtex_entry(kind, fields, start)
            data.add_entry(key, entry)
            lines[key] = line
            sources[key] = self.text[start:end + 1]
            position = end + 1
        return Read(data, lines, sources, fields_of, persons_of)

    def pybtex_entry(self, kind: str, fields: list[tuple[str, str]], start: int
                     ) -> tuple[Entry, dict[str, str], dict[str, list[Person]]]:
        """As pybtex's Parser.process_entry builds it; with its fields and names as plain dicts."""
        entry = Entry(kind)
        plain_fields: dict[str, str] = {}
        persons: dict[str, list[Person]] = {}
        seen = set()
        for name, raw in fields:
            lower = name.lower()
            if lower in seen:
                raise self.fail(start, f"field '{name}' given twice")
            seen.add(lower)
            value = normalize_whitespace(raw)
            if lower in PERSON_ROLES:
                for person in split_name_list(value):
                    try:
                        parsed = person_from(person)
                    except Exception as error:  # pybtex's PybtexError and its kin: the message matters
                        raise self.fail(start, f"{name} '{person}': {error}") from None
                    entry.add_person(parsed, name)
                    persons.setdefault(lower, []).append(parsed)
            else:
                entry.fields[name] = plain_fields[lower] = value
        return entry, plain_fields, persons


# A name without braces, backslashes or ties: its words are what str.split() gives.
PLAIN_NAME = re.compile(r"[^{}\\~]*")


def person_from(name: str) -> Person:
    """pybtex's Person(name), whose parser walks the name character by character (most of the
    time of reading references.bib). A plain name is split here by pybtex's rules ("First von
    Last", "von Last, First", "von Last, Jr, First"); any other goes to pybtex."""
    parts = [part.strip() for part in name.split(",")]
    if not PLAIN_NAME.fullmatch(name) or len(parts) > 3:
        return Person(name)
    # Person() would split five empty strings; these five lists are all a Person holds (pybtex 0.25)
    person = Person.__new__(Person)
    person.first_names, person.middle_names, person.prelast_names = [], [], []
    person.last_names, person.lineage_names = [], []
    if len(parts) == 1:
        words = name.split()
        first_middle = list(itertools.takewhile(lambda word: not _is_von(word), words))
        von_last = words[len(first_middle):]
        if not von_last and first_middle:
            von_last.append(first_middle.pop())
    else:
        von_last, first_middle = parts[0].split(), parts[-1].split()
        person.lineage_names.extend(parts[1].split() if len(parts) == 3 else [])
    person.first_names.extend(first_middle[:1])
    person.middle_names.extend(first_middle[1:])
    if von_last:
        von = von_last[:-1]
        while von and not _is_von(von[-1]):  # the last names: after the last von word
            von.pop()
        person.prelast_names.extend(von)
        person.last_names.extend(von_last[len(von):])
    return person


def _is_von(word: str) -> bool:
    """A von part starts with a lower-case letter (pybtex's is_von_name, for a plain word)."""
    letter = next((c for c in word if c.isalpha()), "")
    return letter.islower()


def read(text: str, name: str) -> Read:
    """Every entry of a BibTeX file's text; SourceError, naming name and the line, if malformed."""
    return _Reader(text, name).read()
