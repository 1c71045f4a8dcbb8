"""Small text helpers shared by the core: names, slugs, accents, BibTeX field text."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from pybtex.markup import LaTeXParser
from pybtex.richtext import Text

# What latexcodec's decoder would change (found by decoding every run of up to three printable
# ASCII characters): a field without any of these is already its own text.
NEEDS_DECODING = re.compile(r"[\\%~$\n\t\r\x0b\x0c]|  |[!?]`|''|``|--|,,")


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


def latex_text(latex: str) -> Text:
    """pybtex's Text.from_latex, without running latexcodec (slow: it lexes character by
    character) over text it would leave as it is. Dashes are the one thing decoded here:
    page ranges are the commonest reason a field needs decoding."""
    if NEEDS_DECODING.search(latex):
        dashed = latex.replace("---", "\u2014").replace("--", "\u2013")
        if NEEDS_DECODING.search(dashed):
            return Text.from_latex(latex)
        latex = dashed
    if "{" in latex or "}" in latex:
        return LaTeXParser(latex).parse()  # braces protect their content from case changes
    return Text(latex)


@lru_cache(maxsize=None)  # keyed by its only input; values repeat across pages
def plain(value: str) -> str:
    """BibTeX field text without braces and LaTeX accents, as a reader would write it."""
    return str(latex_text(value)) if "\\" in value or "{" in value else value


def fold_name(text: str) -> str:
    """A name part for comparison: no braces, no accents, lower case."""
    return ascii_fold(text.replace("{", "").replace("}", "")).lower().strip(" .")
