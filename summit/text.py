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

# The LaTeX commands a bibliography mostly holds, decoded here as latexcodec decodes them: an
# accent on a letter ({\'e}, \v{s}, {\'\i}) and a few symbols. Importing latexcodec alone costs
# some 40 ms a build; a field with any other command still goes to it.
ACCENTS = {
    "`": "\u0300", "'": "\u0301", "^": "\u0302", "~": "\u0303", "=": "\u0304", "u": "\u0306",
    ".": "\u0307", '"': "\u0308", "r": "\u030a", "H": "\u030b", "v": "\u030c", "c": "\u0327",
    "k": "\u0328",
}
# \'e, \'\i (not before a space, which latexcodec would swallow) or \'{e}, \v{s}: latexcodec
# keeps an argument's braces, so "{\v{S}}" is "{{Š}}".
ACCENTED = re.compile(
    r"\\(?:([`'^~=.\"])(?:\{([A-Za-z])\}|([A-Za-z]|\\i(?![A-Za-z ])))|([urHvck])\{([A-Za-z])\})")
SYMBOLS = {"textbullet": "\u2022", "_": "_", "&": "&", "%": "%", "$": "$", "#": "#"}
SYMBOL = re.compile(r"\\(textbullet(?![A-Za-z ])|[_&%$#])")


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


def _accented(match: re.Match) -> str:
    accent, braced = match.group(1) or match.group(4), match.group(2) or match.group(5)
    letter = braced or ("i" if match.group(3) == "\\i" else match.group(3))
    character = unicodedata.normalize("NFC", letter + ACCENTS[accent])
    return "{" + character + "}" if braced else character


def latex_text(latex: str) -> Text:
    """pybtex's Text.from_latex, without running latexcodec (slow to import, and it lexes
    character by character) over text it would leave as it is. Dashes, quotes, accents and a
    few symbols are decoded here: a field with anything else goes to latexcodec."""
    if NEEDS_DECODING.search(latex):
        decoded = latex.replace("---", "\u2014").replace("--", "\u2013")
        decoded = decoded.replace("``", "\u201c").replace("''", "\u201d")
        if "\\" in decoded:
            decoded = SYMBOL.sub(lambda m: SYMBOLS[m.group(1)], ACCENTED.sub(_accented, decoded))
        if NEEDS_DECODING.search(decoded):
            return Text.from_latex(latex)
        latex = decoded
    if "{" in latex or "}" in latex:
        return LaTeXParser(latex).parse()  # braces protect their content from case changes
    return Text(latex)


@lru_cache(maxsize=None)  # keyed by its only input; values repeat across pages
def plain(value: str) -> str:
    """BibTeX field text without braces and LaTeX accents, as a reader would write it."""
    if "\\" in value:
        return str(latex_text(value))
    if "{" not in value:
        return value
    if not NEEDS_DECODING.search(value):
        return value.replace("{", "").replace("}", "")  # braces only protect case, as pybtex reads them
    return str(latex_text(value))


@lru_cache(maxsize=None)  # keyed by its only input: each speaker is compared with many authors
def fold_name(text: str) -> str:
    """A name part for comparison: no braces, no accents, lower case."""
    return ascii_fold(text.replace("{", "").replace("}", "")).lower().strip(" .")
