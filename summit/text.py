"""Small text helpers shared by the core: names, slugs, accents, BibTeX field text."""

from __future__ import annotations

import codecs
import re
import unicodedata
from functools import lru_cache

import latexcodec  # noqa: F401  (registers the "ulatex" codec; pybtex's own dependency)

# What marks a field as LaTeX: a command, a brace, a tie, math, TeX's quotes or dashes. Fields
# without any (most) are their own text, and are not handed to latexcodec at all.
LATEX = re.compile(r"[\\{}~$]|``|''|--")


def ascii_fold(text: str) -> str:
    """Drop accents: "Télécom" → "Telecom"."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", ascii_fold(text).lower()).strip("-")


def join_names(names: list[str]) -> str:
    """"A", "A and B", "A, B and C"."""
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


@lru_cache(maxsize=None)  # keyed by its only input; values repeat across pages
def plain(value: str) -> str:
    """BibTeX field text as a reader would write it: LaTeX decoded once, by latexcodec, and the
    braces (which only protect case in BibTeX) removed; a field without LaTeX is returned as is."""
    if not LATEX.search(value):
        return value
    return codecs.decode(value, "ulatex").replace("{", "").replace("}", "")


@lru_cache(maxsize=None)  # keyed by its only input: each speaker is compared with many authors
def fold_name(text: str) -> str:
    """A name part for comparison: no braces, no accents, lower case."""
    return ascii_fold(text.replace("{", "").replace("}", "")).lower().strip(" .")
