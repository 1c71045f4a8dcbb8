"""Citations in an author's Markdown, and the ones mkdocs-bibtex would mangle.

mkdocs-bibtex only warns on an unknown key and then drops the citation, rewrites citations
inside code, and cuts keys at ':' and '.'. Each of those is a SourceError here, naming the
page, the line and the key.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Collection

from summit.errors import SourceError

FENCE = re.compile(r"^(?P<fence>`{3,}|~{3,})[^\n]*\n.*?^(?P=fence)[ \t]*$", re.MULTILINE | re.DOTALL)
INLINE_CODE = re.compile(r"(?P<ticks>`+)(?!`).+?(?<!`)(?P=ticks)(?!`)", re.DOTALL)
HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
BLOCK = re.compile(r"\[([^\[\]]*@[^\[\]]*)\]")
KEY = re.compile(r"@([^\s;,\]]+)")
FOOTNOTE_LABEL = re.compile(r"\[\^([^\]]+)\]")
FOOTNOTE_DEFINITION = re.compile(r"^[ \t]*\[\^([^\]]+)\]:", re.MULTILINE)
RESERVED_FOOTNOTE_PREFIX = "ref-"  # mkdocs-bibtex's footnote_format in mkdocs.yml


def blank(markdown: str, *patterns: re.Pattern) -> str:
    """The text with each pattern's matches, in turn, replaced by spaces (newlines kept, so
    offsets and lines hold): what is not prose, out of the way of a scan of the prose."""
    for pattern in patterns:
        markdown = pattern.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), markdown)
    return markdown


# What else is not prose, where neither a figure (figures.py) nor a glossary term (glossary.py) is
# looked for.
NOT_PROSE = [
    re.compile(r"\[\d+\.\d+\](?=\()"),               # a talk number as a link's text: [3.3](...)
    re.compile(r"\]\([^)\n]*\)"),                     # a link's target
    re.compile(r"^[ \t]*\[[^\]\n]+\]:[^\n]*", re.M),  # a reference link's definition
    re.compile(r"<[^<>\n]+>"),                        # an HTML tag and its attributes
    re.compile(r"https?://\S+"),                      # a bare address
    re.compile(r"\{[:\s]*[#.][^}\n]*\}"),             # attribute lists: { #anchor .class }
    re.compile(r"^[ \t>]*\d+[.)](?=[ \t])", re.M),    # an ordered list's marker
]


def prose(markdown: str) -> str:
    """The Markdown with code, comments, citations and NOT_PROSE blanked (same lines, same columns)."""
    return blank(markdown, HTML_COMMENT, FENCE, INLINE_CODE, BLOCK, *NOT_PROSE)


def _line(markdown: str, offset: int) -> int:
    return markdown.count("\n", 0, offset) + 1


def closest(key: str, known: Collection[str]) -> str:
    near = difflib.get_close_matches(key, list(known), n=3, cutoff=0.5)
    return f" (closest known: {', '.join(near)})" if near else ""


# A link to a work by its references.bib key, a Markdown reference link: "[Its title][key]".
# The build defines each key used so as the work's primary link (the URL lives once, in
# references.bib); a "Resources" list links its works this way and keeps their citations.
WORK_LINK = re.compile(r"\]\[([a-z0-9_-]+)\]")


def page_keys(markdown: str, where: str, known: Collection[str], line_offset: int = 0) -> tuple[list[str], list[str]]:
    """The keys a page cites, in order of first citation, and the keys it links as [text][key],
    in order; SourceError on any bad citation or link to a work."""
    without_comments = blank(markdown, HTML_COMMENT)
    prose = blank(without_comments, FENCE, INLINE_CODE)
    for match in BLOCK.finditer(without_comments):
        if prose[match.start()] == " " and match.group(0).strip():
            raise SourceError(
                f"{where}:{_line(markdown, match.start()) + line_offset}: citation {match.group(0)} "
                "is inside code, where mkdocs-bibtex would still rewrite it"
            )
    keys: list[str] = []
    for match in BLOCK.finditer(prose):
        if match.group(1).lstrip().startswith("^"):
            continue  # a footnote reference, not a citation
        for key in KEY.findall(match.group(1)):
            if key not in known:
                line = _line(markdown, match.start()) + line_offset
                raise SourceError(f"{where}:{line}: unknown citation key '{key}'{closest(key, known)}")
            if key not in keys:
                keys.append(key)
    # A page's footnotes are its references: a footnote of the author's own would be numbered
    # and listed among them.
    definition = FOOTNOTE_DEFINITION.search(prose)
    if definition:
        raise SourceError(
            f"{where}:{_line(markdown, definition.start()) + line_offset}: footnote [^{definition.group(1)}]: "
            "a page's footnotes are its references (cite a work with [@key]; write a note in the text)"
        )
    # The prefix is mkdocs-bibtex's (footnote_format): a label of the author's with it would be
    # taken for a citation's.
    for label in FOOTNOTE_LABEL.findall(without_comments):
        if label.startswith(RESERVED_FOOTNOTE_PREFIX):
            raise SourceError(f"{where}: footnote [^{label}] uses the '{RESERVED_FOOTNOTE_PREFIX}' prefix reserved for citations")
    for match in WORK_LINK.finditer(prose):
        if (key := match.group(1)) not in known:
            line = _line(markdown, match.start()) + line_offset
            raise SourceError(f"{where}:{line}: link to work […][{key}] names no references.bib entry"
                              f"{closest(key, known)}")
    return keys, list(dict.fromkeys(WORK_LINK.findall(prose)))
