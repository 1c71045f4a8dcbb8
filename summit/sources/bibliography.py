"""references.bib, read by pybtex's own parser and checked: its errors become one line naming the
file, the line and the entry. Each entry's line and its text as written (its BibTeX control shows
it) come from a plain scan for "@type{key"."""

from __future__ import annotations

import codecs
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from collections.abc import Mapping
from pathlib import Path
from typing import NamedTuple

import latexcodec  # noqa: F401  (registers the "ulatex" codec; pybtex's own dependency)
import pybtex.errors
from pybtex.database import BibliographyData, Entry, Person, parse_string
from pybtex.exceptions import PybtexError
from pybtex.scanner import PrematureEOF, PybtexSyntaxError, TokenRequired

from summit.errors import SourceError, read_source
from summit.names import fold_name

KEY_CHARS = re.compile(r"^[a-z0-9_-]+$")
LINK_FIELDS = ("doi", "url", "eprint")
TALK_PREFIX = "talk-"
ARXIV_ABS = "https://arxiv.org/abs/"
DOI = re.compile(r"^10\.\d{4,9}/\S+$")
# What latexcodec has to decode: a command, a tie, math, TeX's quotes or dashes (braces only
# protect case: plain() drops them itself, for 104 of the 155 values with any LaTeX).
LATEX = re.compile(r"[\\~$]|``|''|--")
# Where an entry (or @comment, @string, @preamble) starts, as pybtex's parser finds it.
ENTRY_START = re.compile(r"@\s*(\w+)\s*[{(]\s*([^\s,{}()]*)")
NOT_ENTRIES = ("comment", "string", "preamble")
COMMENT_LINES_AT_END = re.compile(r"(?:\n[ \t]*(?:%[^\n]*)?)+\s*$")  # between this entry and the next
# pybtex's messages for problems that are no syntax error name the entry (and field) only in text
REPEATED = re.compile(r"^repeated bibliography entry: (.+)$")
DUPLICATE_FIELD = re.compile(r"^entry with key (\S+) has a duplicate (\S+) field$")


@dataclass(frozen=True, eq=False)  # one per build: equal only to itself
class Bibliography:
    path: Path
    data: BibliographyData  # pybtex's entries: what mkdocs-bibtex and the reference style take
    located: dict[str, Located]  # key -> the line of its "@type{key," and the entry as written
    # folded surname -> keys of works with an author of that surname (talk entries excluded): a
    # speaker's works are one lookup; a scan of every entry per speaker took 1.2 s at k = 10
    by_surname: dict[str, list[str]] = field(default_factory=dict)

    @property
    def keys(self) -> list[str]:
        return list(self.data.entries)

    def __contains__(self, key: str) -> bool:
        return key in self.located  # as written: pybtex's own lookup ignores case

    def entry(self, key: str) -> Entry:
        return self.data.entries[key]

    def fields(self, key: str) -> Mapping[str, str]:
        """The entry's fields, their names in any case (persons are in authors())."""
        return self.data.entries[key].fields

    def source(self, key: str) -> str:
        return self.located[key].source

    def where(self, key: str) -> str:
        return f"{self.path.name}:{self.located[key].line}"

    def links(self, key: str) -> dict[str, str]:
        """Every way to reach a work, as resolvable https URLs (arXiv, DOI, then its own URL)."""
        fields = self.fields(key)
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
        return self.data.entries[key].persons.get("author", [])


@lru_cache(maxsize=None)  # values repeat across pages: a k=10 build asks 98,000 times for 4,078 values
def plain(value: str) -> str:
    """BibTeX field text as a reader would write it: LaTeX decoded, braces removed."""
    if LATEX.search(value):
        value = codecs.decode(value, "ulatex")
    return value.replace("{", "").replace("}", "")


def family(person: Person) -> str:
    """"von Last" (BibTeX's von and last parts), as a reader writes it."""
    return plain(" ".join(person.prelast_names + person.last_names))


def given(person: Person) -> str:
    return plain(" ".join(person.first_names + person.middle_names))


def surname(person: Person) -> str:
    """The family name folded, for comparing names."""
    return fold_name(family(person))


class Located(NamedTuple):
    key: str
    line: int
    source: str  # the entry exactly as written


def scan(text: str) -> list[Located]:
    """Each entry of a BibTeX text in file order, with its line and its text as written."""
    starts = list(ENTRY_START.finditer(text))
    found, line, counted = [], 1, 0  # lines counted on from the last entry
    for start, after in zip(starts, starts[1:] + [None]):
        line, counted = line + text.count("\n", counted, start.start()), start.start()
        if start.group(1).lower() in NOT_ENTRIES:
            continue
        chunk = COMMENT_LINES_AT_END.sub("", text[start.start():after.start() if after else len(text)])
        found.append(Located(start.group(2), line, chunk[:max(chunk.rfind("}"), chunk.rfind(")")) + 1]))
    return found


def parse(text: str, name: str) -> tuple[BibliographyData, list[Located]]:
    """pybtex's reading of a BibTeX text, and each entry located; SourceError on the first problem."""
    located = scan(text)
    strict = pybtex.errors.strict
    pybtex.errors.set_strict_mode(True)  # report_error raises: the first problem stops the build
    try:
        return parse_string(text, "bibtex"), located
    except PybtexError as error:
        raise SourceError(problem(error, text, name, located)) from None
    finally:
        pybtex.errors.set_strict_mode(strict)


def problem(error: PybtexError, text: str, name: str, located: list[Located]) -> str:
    """pybtex's error as one line: "references.bib:<line>: ... in entry '<key>'"."""
    def line_of(key: str, occurrence: int = 0) -> int:
        lines = [entry.line for entry in located if entry.key.lower() == key.lower()]
        return lines[min(occurrence, len(lines) - 1)] if lines else 1

    message = error.args[0] if error.args else str(error)
    if repeated := REPEATED.match(message):
        key = repeated.group(1)
        return f"{name}:{line_of(key, 1)}: duplicate BibTeX key '{key}' (first defined at line {line_of(key)})"
    if twice := DUPLICATE_FIELD.match(message):
        key, field_name = twice.groups()
        return f"{name}:{line_of(key)}: malformed BibTeX: field '{field_name}' given twice in entry '{key}'"
    if isinstance(error, PybtexSyntaxError):
        key = error.parser.current_entry_key
        where = f" in entry '{key}'" if key else ""
        if isinstance(error, PrematureEOF):  # the file ended inside the entry: something never closed
            return f"{name}:{line_of(key) if key else error.lineno}: malformed BibTeX: unclosed brace{where}"
        if isinstance(error, TokenRequired):
            message = "expected " + message.removesuffix(" expected")
            if message == "expected '}'" and key:  # after a field's value: neither a comma nor the entry's end
                message = "expected ',' or '}' (a comma missing, or a brace left open)"
                where += f", which starts at line {line_of(key)}"
        elif error.error_type != "syntax error":  # "undefined string": a macro pybtex does not know
            message = f"{error.error_type} '{message}' (write the value in braces)"
        return f"{name}:{error.lineno}: malformed BibTeX: {message}{where}"
    # Any other (a name with too many commas, say): the line of the first entry that holds what
    # the message quotes, else the file alone.
    quoted = re.search(r"'([^']+)'|\"([^\"]+)\"", message)
    at = text.find(quoted.group(1) or quoted.group(2)) if quoted else -1
    if at < 0:
        return f"{name}: malformed BibTeX: {message}"
    line = text.count("\n", 0, at) + 1
    entry = next((e for e in reversed(located) if e.line <= line), None)
    return f"{name}:{line}: malformed BibTeX: {message}" + (f" in entry '{entry.key}'" if entry else "")


def load(path: Path) -> Bibliography:
    name = path.name
    data, located = parse(read_source(path, name, "the bibliography"), name)
    for entry in located:
        if not KEY_CHARS.match(entry.key):
            raise SourceError(f"{name}:{entry.line}: BibTeX key '{entry.key}' may only use [a-z0-9_-] "
                              "(mkdocs-bibtex cuts keys at ':' and '.')")
    by_surname: dict[str, list[str]] = defaultdict(list)
    for key, entry in data.entries.items():
        if not key.startswith(TALK_PREFIX):
            for person in entry.persons.get("author", []):
                if key not in by_surname[surname(person)]:
                    by_surname[surname(person)].append(key)
    bib = Bibliography(path, data, {entry.key: entry for entry in located}, dict(by_surname))
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
