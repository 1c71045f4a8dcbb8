"""Each figure of a page's prose shows its source (summit/sources/figures.py) on hover and on
keyboard focus, the way a citation shows its reference: before Markdown runs, each number that
lies in an entry's text becomes a link to its source (partials/figure-link.html: inline HTML,
which Markdown passes through where a placeholder, a comment, would begin a block at the start
of a line), and the page ends with `<!-- md:figure-sources I J … -->`, the entries in the order
of their first use (partials/figure-sources.html).

A heading's number stays as it is (a heading's id and the table of contents are read from its
text), and so does a number in a link's text (a link cannot hold a link).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from summit.sources.citations import blank, prose
from summit.sources.figures import NUMBER, FigureSource, occurrences, unmarked

NOT_LINKED = [re.compile(r"^[ \t]*#{1,6}[ \t].*$", re.M), re.compile(r"\[[^\[\]\n]*\](?=[(\[])")]


def linked(markdown: str, sources: Sequence[FigureSource], link: Callable[[int, str], str]) -> str:
    """The Markdown with each number of its prose that lies in an entry's text (the longest, where
    two overlap: "16%" and "16% higher") replaced by link(target's number, the number's text)."""
    if not sources:
        return markdown
    longest_first = sorted(range(len(sources)), key=lambda i: -len(unmarked(sources[i].text)))
    lines = markdown.split("\n")
    found = {i: occurrences(sources[i].text, lines) for i in longest_first}
    used: dict[int, int] = {}  # entry -> its target's number, in order of first use
    for number, visible in enumerate(prose(blank(markdown, *NOT_LINKED)).split("\n")):
        out, last = [], 0
        for match in NUMBER.finditer(visible):
            entry = next((i for i in longest_first
                          if any(a <= match.start() and match.end() <= b for a, b in found[i][number])), None)
            if entry is not None:
                target = used.setdefault(entry, len(used) + 1)
                out += [lines[number][last:match.start()], link(target, match.group())]
                last = match.end()
        lines[number] = "".join(out) + lines[number][last:]
    return "\n".join(lines) + (f"\n\n<!-- md:figure-sources {' '.join(map(str, used))} -->\n" if used else "")
