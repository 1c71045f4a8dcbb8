"""Small text helpers shared by the core: names, slugs, accents, BibTeX field text."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from pybtex.richtext import Text


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


@lru_cache(maxsize=None)  # keyed by its only input; LaTeX decoding is slow and values repeat
def plain(value: str) -> str:
    """BibTeX field text without braces and LaTeX accents, as a reader would write it."""
    return str(Text.from_latex(value)) if "\\" in value or "{" in value else value


def fold_name(text: str) -> str:
    """A name part for comparison: no braces, no accents, lower case."""
    return ascii_fold(text.replace("{", "").replace("}", "")).lower().strip(" .")
