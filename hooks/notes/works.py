"""Works in references.bib as a reader meets them: formatted, linked, classified, attributed."""

from __future__ import annotations

from pybtex.backends.markdown import Backend as MarkdownBackend
from pybtex.style.formatting.plain import Style as PlainStyle

from . import state
from .talks import Speaker, all_talks, ascii_fold

KINDS = (
    ("paper", "Papers"),
    ("book", "Books"),
    ("code", "Code"),
    ("demo", "Demos"),
    ("article", "Articles, blog posts and web pages"),
    ("talk", "The talks"),
)
_style = PlainStyle()
_backend = MarkdownBackend()


_formatted: dict[tuple[int, str], str] = {}


def formatted(key: str) -> str:
    """The same plain-style text mkdocs-bibtex gives the reference on a talk page.

    pybtex formatting is the slowest step of the build: each entry is formatted once per
    build and shared with mkdocs-bibtex (see hooks/sources.py).
    """
    cache_key = (id(state.bib), key)
    if cache_key not in _formatted:
        text = _style.format_entry("", state.bib.entry(key)).text.render(_backend)
        _formatted[cache_key] = (
            text.replace("\n", " ").replace("\\(", "(").replace("\\)", ")").replace("\\.", ".")
        )
    return _formatted[cache_key]


def kind(key: str) -> str:
    entry = state.bib.entry(key)
    fields = entry.fields
    demos = {t.links.get("demo") for t in all_talks(state.sections)}
    codes = {t.links.get("code") for t in all_talks(state.sections)}
    if key.startswith("talk-"):
        return "talk"
    if key in demos:
        return "demo"
    if key in codes or "github.com/" in fields.get("url", ""):
        return "code"
    if entry.type == "book":
        return "book"
    if entry.type in ("inproceedings", "article", "incollection", "phdthesis", "techreport") or "eprint" in fields:
        return "paper"
    return "article"


def year(key: str) -> str:
    return state.bib.entry(key).fields.get("year", "")


def first_author(key: str) -> str:
    persons = state.bib.entry(key).persons.get("author", [])
    return " ".join(persons[0].last_names) if persons else state.bib.entry(key).fields.get("title", key)


def _fold(text: str) -> str:
    text = text.replace("{", "").replace("}", "")
    return ascii_fold(text).lower().strip(" .")


_authored: dict[tuple[int, str], list[str]] = {}


def authored_by(speaker: Speaker) -> list[str]:
    """Works on the site with the speaker among the authors (surname and a given name agree)."""
    cache_key = (id(state.bib), speaker.name)  # one answer per loaded bibliography
    if cache_key not in _authored:
        _authored[cache_key] = _find_authored(speaker)
    return _authored[cache_key]


def same_person(name: str, person) -> bool:
    """"Deborah Raji" is BibTeX's "Raji, Inioluwa Deborah": the surname and one given name agree."""
    parts = name.split()
    last = _fold(" ".join(person.prelast_names + person.last_names))
    givens = {_fold(n) for n in person.first_names + person.middle_names}
    return last == _fold(" ".join(parts[1:])) and _fold(parts[0]) in givens


def _find_authored(speaker: Speaker) -> list[str]:
    return [
        key for key in state.bib.keys
        if not key.startswith("talk-")
        and any(same_person(speaker.name, p) for p in state.bib.entry(key).persons.get("author", []))
    ]
