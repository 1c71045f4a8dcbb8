"""Loading and checking references.bib: one clear line per problem, no tracebacks."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from mkdocs.exceptions import PluginError
from pybtex.database import BibliographyData, parse_string
from pybtex.scanner import PybtexSyntaxError, TokenRequired

KEY_CHARS = re.compile(r"^[a-z0-9_-]+$")
ENTRY_START = re.compile(r"^\s*@(\w+)\s*\{\s*([^,\s]*)\s*,", re.MULTILINE)
LINK_FIELDS = ("doi", "url", "eprint")
TALK_PREFIX = "talk-"
ARXIV_ABS = "https://arxiv.org/abs/"


@dataclass(frozen=True)
class Bibliography:
    path: Path
    data: BibliographyData
    lines: dict[str, int]  # key -> line of its "@type{key," in the file
    sources: dict[str, str]  # key -> the entry exactly as written in the file

    @property
    def keys(self) -> list[str]:
        return list(self.data.entries.keys())

    def entry(self, key: str):
        return self.data.entries[key]

    def source(self, key: str) -> str:
        return self.sources[key]

    def where(self, key: str) -> str:
        return f"{self.path.name}:{self.lines.get(key, 1)}"

    def links(self, key: str) -> dict[str, str]:
        """Every way to reach a work, as resolvable https URLs."""
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


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def load(path: Path) -> Bibliography:
    """Parse and validate the bibliography, raising PluginError on the first problem."""
    name = path.name
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise PluginError(f"{name}: cannot read the bibliography ({error.strerror})") from None

    lines: dict[str, int] = {}
    for match in ENTRY_START.finditer(text):
        kind, key = match.group(1).lower(), match.group(2)
        if kind in ("comment", "preamble", "string"):
            continue
        line = _line_of(text, match.start())
        if not key:
            raise PluginError(f"{name}:{line}: @{kind} entry has no key")
        if key in lines:
            raise PluginError(
                f"{name}:{line}: duplicate BibTeX key '{key}' (first defined at line {lines[key]})"
            )
        if not KEY_CHARS.match(key):
            raise PluginError(
                f"{name}:{line}: BibTeX key '{key}' may only use [a-z0-9_-] "
                "(mkdocs-bibtex cuts keys at ':' and '.')"
            )
        lines[key] = line

    _check_braces(text, name)
    try:
        data = parse_string(text, "bibtex")
    except (PybtexSyntaxError, TokenRequired) as error:
        line = getattr(error, "lineno", None)
        where = f"{name}:{line}" if line else name
        raise PluginError(f"{where}: malformed BibTeX: {error.get_context() if hasattr(error, 'get_context') else error}".splitlines()[0]) from None
    except Exception as error:  # pybtex raises many kinds; the message is what matters
        raise PluginError(f"{name}: malformed BibTeX: {str(error).splitlines()[0]}") from None

    bib = Bibliography(path=path, data=data, lines=lines, sources=_entry_sources(text))
    for key in bib.keys:
        _check_entry(bib, key)
    return bib


def _entry_sources(text: str) -> dict[str, str]:
    sources = {}
    for match in ENTRY_START.finditer(text):
        depth, end = 0, match.start()
        for end in range(text.index("{", match.start()), len(text)):
            depth += {"{": 1, "}": -1}.get(text[end], 0)
            if depth == 0:
                break
        sources[match.group(2)] = text[match.start():end + 1].strip()
    return sources


def _check_braces(text: str, name: str) -> None:
    """pybtex reports an unclosed brace far from its cause; find the entry ourselves."""
    starts = [(m.start(), m.group(2)) for m in ENTRY_START.finditer(text)]
    starts.append((len(text), None))
    for (begin, key), (end, _) in zip(starts, starts[1:]):
        depth = 0
        for ch in text[begin:end]:
            if ch == "{":
                depth += 1
            elif ch == "}":
                depth -= 1
        if depth != 0:
            line = _line_of(text, begin)
            state = "unclosed" if depth > 0 else "unbalanced closing"
            raise PluginError(f"{name}:{line}: malformed BibTeX: {state} brace in entry '{key}'")


def _check_entry(bib: Bibliography, key: str) -> None:
    fields = bib.entry(key).fields
    where = bib.where(key)
    if key.startswith(TALK_PREFIX):
        # A talk's way to reach it is its page on this site: the recordings were not public.
        if "howpublished" not in fields:
            raise PluginError(f"{where}: talk entry '{key}' needs howpublished (the summit)")
    elif not any(field in fields for field in LINK_FIELDS):
        raise PluginError(f"{where}: entry '{key}' has no link field (doi, url or eprint)")
    if "title" not in fields:
        raise PluginError(f"{where}: entry '{key}' has no title")
    if "eprint" in fields:
        if fields.get("archivePrefix", "").lower() != "arxiv":
            raise PluginError(f"{where}: entry '{key}' has an eprint but archivePrefix is not arXiv")
        expected = ARXIV_ABS + fields["eprint"]
        if fields.get("url") != expected:
            raise PluginError(f"{where}: entry '{key}' url must be the arXiv abstract page {expected}")
    for field in ("url",):
        value = fields.get(field)
        if value and not value.startswith("https://"):
            raise PluginError(f"{where}: entry '{key}' {field} is not https: {value}")
    if "doi" in fields and not re.match(r"^10\.\d{4,9}/\S+$", fields["doi"]):
        raise PluginError(f"{where}: entry '{key}' doi is not a bare DOI (10.xxxx/...): {fields['doi']}")
