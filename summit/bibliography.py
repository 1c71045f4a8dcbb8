"""references.bib, loaded and checked: one clear line per problem, no tracebacks."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from pybtex.database import BibliographyData, Entry, Person, parse_string
from pybtex.scanner import PybtexSyntaxError, TokenRequired

from .errors import SourceError
from .text import fold_name

KEY_CHARS = re.compile(r"^[a-z0-9_-]+$")
ENTRY_START = re.compile(r"^\s*@(\w+)\s*\{\s*([^,\s]*)\s*,", re.MULTILINE)
LINK_FIELDS = ("doi", "url", "eprint")
TALK_PREFIX = "talk-"
ARXIV_ABS = "https://arxiv.org/abs/"
DOI = re.compile(r"^10\.\d{4,9}/\S+$")
BRACE = re.compile(r"[{}]")


@dataclass(frozen=True)
class Bibliography:
    path: Path
    data: BibliographyData
    lines: dict[str, int]  # key -> line of its "@type{key," in the file
    sources: dict[str, str]  # key -> the entry exactly as written in the file
    # folded surname -> keys of works with an author of that surname (talk entries excluded):
    # finding a speaker's works is then one lookup, not a scan of every entry.
    by_surname: dict[str, list[str]] = field(default_factory=dict)

    @property
    def keys(self) -> list[str]:
        return list(self.data.entries.keys())

    def __contains__(self, key: str) -> bool:
        return key in self.data.entries

    def entry(self, key: str) -> Entry:
        return self.data.entries[key]

    def source(self, key: str) -> str:
        return self.sources[key]

    def where(self, key: str) -> str:
        return f"{self.path.name}:{self.lines.get(key, 1)}"

    def links(self, key: str) -> dict[str, str]:
        """Every way to reach a work, as resolvable https URLs (arXiv, DOI, then its own URL)."""
        fields = self.entry(key).fields
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
        return self.entry(key).persons.get("author", [])


def surname(person: Person) -> str:
    return fold_name(" ".join(person.prelast_names + person.last_names))


def load(path: Path) -> Bibliography:
    """Parse and validate the bibliography; raise SourceError on the first problem."""
    name = path.name
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise SourceError(f"{name}: cannot read the bibliography ({error.strerror})") from None

    lines = _entry_lines(text, name)
    _check_braces(text, name)
    try:
        data = parse_string(text, "bibtex")
    except (PybtexSyntaxError, TokenRequired) as error:
        line = getattr(error, "lineno", None)
        where = f"{name}:{line}" if line else name
        raise SourceError(f"{where}: malformed BibTeX: {str(error).splitlines()[0]}") from None
    except Exception as error:  # pybtex raises many kinds; the message is what matters
        raise SourceError(f"{name}: malformed BibTeX: {str(error).splitlines()[0]}") from None

    by_surname: dict[str, list[str]] = defaultdict(list)
    for key, entry in data.entries.items():
        if not key.startswith(TALK_PREFIX):
            for person in entry.persons.get("author", []):
                if key not in by_surname[surname(person)]:
                    by_surname[surname(person)].append(key)
    bib = Bibliography(path, data, lines, _entry_sources(text), dict(by_surname))
    for key in bib.keys:
        check_entry(bib, key)
    return bib


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _entry_lines(text: str, name: str) -> dict[str, int]:
    """Each key's line; duplicate keys and keys mkdocs-bibtex would cut fail here."""
    lines: dict[str, int] = {}
    line, counted_to = 1, 0  # count newlines incrementally: one pass over the file
    for match in ENTRY_START.finditer(text):
        kind, key = match.group(1).lower(), match.group(2)
        line += text.count("\n", counted_to, match.start())
        counted_to = match.start()
        if kind in ("comment", "preamble", "string"):
            continue
        if not key:
            raise SourceError(f"{name}:{line}: @{kind} entry has no key")
        if key in lines:
            raise SourceError(f"{name}:{line}: duplicate BibTeX key '{key}' (first defined at line {lines[key]})")
        if not KEY_CHARS.match(key):
            raise SourceError(
                f"{name}:{line}: BibTeX key '{key}' may only use [a-z0-9_-] (mkdocs-bibtex cuts keys at ':' and '.')"
            )
        lines[key] = line
    return lines


def _entry_sources(text: str) -> dict[str, str]:
    """Each entry exactly as written: from its "@" to the brace that closes it (entries are
    checked for balanced braces first)."""
    sources = {}
    for match in ENTRY_START.finditer(text):
        depth, position = 0, text.index("{", match.start())
        for brace in BRACE.finditer(text, position):
            depth += 1 if brace.group() == "{" else -1
            if depth == 0:
                sources[match.group(2)] = text[match.start():brace.end()].strip()
                break
    return sources


def _check_braces(text: str, name: str) -> None:
    """pybtex reports an unclosed brace far from its cause; find the entry ourselves."""
    starts = [(m.start(), m.group(2)) for m in ENTRY_START.finditer(text)]
    starts.append((len(text), None))
    for (begin, key), (end, _) in zip(starts, starts[1:]):
        segment = text[begin:end]
        depth = segment.count("{") - segment.count("}")
        if depth != 0:
            problem = "unclosed" if depth > 0 else "unbalanced closing"
            raise SourceError(f"{name}:{_line_of(text, begin)}: malformed BibTeX: {problem} brace in entry '{key}'")


def check_entry(bib: Bibliography, key: str) -> None:
    """Every entry can be reached by a reader, and its links are the canonical ones."""
    fields = bib.entry(key).fields
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
        if fields.get("archivePrefix", "").lower() != "arxiv":
            raise SourceError(f"{where}: entry '{key}' has an eprint but archivePrefix is not arXiv")
        expected = ARXIV_ABS + fields["eprint"]
        if fields.get("url") != expected:
            raise SourceError(f"{where}: entry '{key}' url must be the arXiv abstract page {expected}")
    url = fields.get("url")
    if url and not url.startswith("https://"):
        raise SourceError(f"{where}: entry '{key}' url is not https: {url}")
    if "doi" in fields and not DOI.match(fields["doi"]):
        raise SourceError(f"{where}: entry '{key}' doi is not a bare DOI (10.xxxx/...): {fields['doi']}")
