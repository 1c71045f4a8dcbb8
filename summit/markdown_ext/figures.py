"""A Python-Markdown extension: each figure of a page's prose shows its source (summit/sources/figures.py)
on hover and on keyboard focus, the way a citation shows its reference.

Material's content.footnote.tooltips shows, for a link of class footnote-ref, the children of the
element its href names, in a tooltip that opens on hover and on focus and that the pointer can
enter (to follow the reference's link). So each covered figure becomes such a link
(partials/figure-link.html), and the page ends with its sources, hidden and kept out of search
(partials/figure-sources.html): a quotation in <q> with its reference, or the recap's passage.

Only figures that lie inside an occurrence of an entry's text are wrapped; code, links (a link
cannot hold a link) and Markdown's placeholders for raw HTML (citations' markers, tokens) are
left as they are. The figure's HTML goes to Markdown's raw HTML store, so no later step (the
glossary's abbreviations) looks inside it.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Callable, Iterator, Sequence

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor
from markdown.util import STX, ETX

from summit.sources.figures import NUMBER, FigureSource, covering

# After attr_list (8), which still reads "{ … }" from text, and before abbr_scope (7.5) and abbr
# (7): the glossary never wraps a figure, and its terms around one are still found.
PRIORITY = 7.8
BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dt", "dd", "figcaption", "div", "blockquote"}
SKIPPED = {"code", "pre", "a", "script", "style", "kbd"}
PLACEHOLDER = re.compile(f"{STX}[^{ETX}]*{ETX}")
TARGET = "figure-source-{}"  # the hidden source's id, one per entry used on the page


def _segments(element: etree.Element, wrap: bool) -> Iterator[tuple[etree.Element, str, bool]]:
    """The runs of text of a block, in reading order, each an (element, "text" or "tail", whether
    to wrap its figures); nested blocks left out (each is walked on its own)."""
    yield element, "text", wrap
    for child in element:
        if child.tag not in BLOCKS:
            yield from _segments(child, wrap and child.tag not in SKIPPED)
        yield child, "tail", wrap


class _FigureSources(Treeprocessor):
    def __init__(self, md: Markdown, ext: FigureSourcesExtension):
        super().__init__(md)
        self.ext = ext

    def run(self, root: etree.Element) -> None:
        sources = self.ext.current()
        if not sources:
            return
        # each entry's words as the tree holds them: any whitespace between them
        patterns = [(re.compile(r"\s+".join(map(re.escape, text.split()))), index)
                    for text, index in covering(sources)]
        used: dict[int, str] = {}  # entry -> its target's id, in order of first use
        for block in [e for e in root.iter() if e.tag in BLOCKS]:
            segments = list(_segments(block, block.tag not in SKIPPED))
            texts = [getattr(element, attr) or "" for element, attr, _ in segments]
            whole = "".join(texts)
            spans = [(m.start(), m.end(), index) for pattern, index in patterns for m in pattern.finditer(whole)]
            at = 0
            for (element, attr, wrap), text in zip(segments, texts):
                if wrap and text:
                    setattr(element, attr, self._wrap(text, at, spans, used))
                at += len(text)
        if used:
            items = [(target, sources[index]) for index, target in used.items()]
            etree.SubElement(root, "p").text = self.md.htmlStash.store(self.ext.sources(items))

    def _wrap(self, text: str, start: int, spans: list[tuple[int, int, int]], used: dict[int, str]) -> str:
        """The text with each number inside an entry's occurrence (spans, from offset start of the
        block's text) replaced by a placeholder for its link to the entry's source."""
        out, last = [], 0
        stashed = [m.span() for m in PLACEHOLDER.finditer(text)]  # raw HTML's placeholders: not prose
        for match in NUMBER.finditer(text):
            a, b = start + match.start(), start + match.end()
            index = next((i for s, e, i in spans if s <= a and b <= e), None)
            if index is None or any(s <= match.start() < e for s, e in stashed):
                continue
            target = used.setdefault(index, TARGET.format(len(used) + 1))
            out += [text[last:match.start()], self.md.htmlStash.store(self.ext.link(match.group(), target))]
            last = match.end()
        return "".join(out) + text[last:]


class FigureSourcesExtension(Extension):
    """current: the figure sources of the page being rendered (the adapter sets them per page);
    link(text, target): a figure's HTML, a link to its source; sources([(target, source)]): the
    HTML of the page's sources (both drawn by templates: partials/figure-link.html and
    figure-sources.html)."""

    def __init__(self, current: Callable[[], Sequence[FigureSource]], link: Callable[[str, str], str],
                 sources: Callable[[list[tuple[str, FigureSource]]], str]):
        super().__init__()
        self.current, self.link, self.sources = current, link, sources

    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(_FigureSources(md, self), "figure_sources", PRIORITY)
