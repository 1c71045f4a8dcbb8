"""How names and headings are written and compared: lists of names, slugs, folded name parts."""

from __future__ import annotations

import re
import unicodedata

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


def fold_name(text: str) -> str:
    """A name part for comparison: no braces, no accents, lower case."""
    return ascii_fold(text.replace("{", "").replace("}", "")).lower().strip(" .")
