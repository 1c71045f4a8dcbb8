"""A Python-Markdown extension: a page's references, when every footnote of the page is one,
numbered, linked and listed in one pass over its text, before Markdown parses it.

mkdocs-bibtex writes a citation as a footnote marker, "[^ref-KEY]", and each reference as a
footnote whose text is a token for the reference's HTML (overrides/markdown/placed-html.md,
summit/markdown_html.py). Python-Markdown's footnotes extension would parse each definition as
Markdown, try every inline pattern around each marker and build the list element by element,
which every later step of Markdown walks again: about a sixth of a talk page's Markdown, for
HTML that is known before Markdown starts. Here each marker becomes its HTML (the template
overrides/partials/footnote-markers.html) and the definitions become the list
(partials/footnote-references.html), both in Markdown's raw HTML store, as the footnotes
extension would write them: the same ids, numbers, back-links and titles.

One difference: a work cited twice has its first marker (id "fnref:…") where it is first in the
page's text, and its back-links in that order. The footnotes extension numbers them in the
order its inline step visits the page (paragraphs before what is nested in lists, admonitions
and figures).

A page with any other footnote, or with the footnotes extension set up otherwise than its
defaults, is left to the footnotes extension (and summit/markdown_html.py places each
reference's HTML in its footnote). tests/unit/test_markdown_references.py compares the output
with the footnotes extension's own.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from markdown import Extension, Markdown
from markdown.extensions.footnotes import FootnoteExtension
from markdown.preprocessors import Preprocessor

from .markdown_html import Render

# A definition as mkdocs-bibtex writes it with the notes' reference text (NotesRegistry).
DEFINITION = re.compile(r"^\[\^(?P<label>[^\]\s]+)\]: <!-- html:reference (?P<key>[^\s<>]+) -->[ \t]*$", re.M)
MARKER = re.compile(r"\[\^(?P<label>[^\]]*)\]")  # the footnotes extension's
# After the code blocks are put aside (fenced_code_block, 25), before raw HTML is (html_block,
# 20; MkDocs reads the ids of raw HTML at 21).
PRIORITY = 22
DEFAULTS = {"UNIQUE_IDS": False, "USE_DEFINITION_ORDER": True}


@dataclass(frozen=True)
class Footnote:
    id: str  # the list item's id, "fn:ref-KEY"
    elements: Sequence[str]  # the reference's HTML
    backrefs: tuple[str, ...]  # the markers' ids, one per citation: "fnref:ref-KEY", "fnref2:ref-KEY", …
    title: str  # the back-links' title, "Jump back to footnote N in the text"


@dataclass(frozen=True)
class Marker:
    id: str  # "fnref:ref-KEY", "fnref2:ref-KEY", …
    href: str  # "#fn:ref-KEY"
    text: str  # the footnote's number


RenderList = Callable[[list[Footnote], str], str]  # (footnotes, back-link text) -> the list's HTML
RenderMarkers = Callable[[list[Marker]], list[str]]  # markers -> each one's HTML


class _References(Preprocessor):
    def __init__(self, md: Markdown, footnotes: FootnoteExtension, render: Render, render_list: RenderList,
                 render_markers: RenderMarkers):
        super().__init__(md)
        self.footnotes, self.render = footnotes, render
        self.render_list, self.render_markers = render_list, render_markers

    def run(self, lines: list[str]) -> list[str]:
        text = "\n".join(lines)
        if "[^" not in text:
            return lines
        keys = {m["label"]: m["key"] for m in DEFINITION.finditer(text)}  # in the order of definition
        config = self.footnotes.getConfigs()
        if not keys or any(config[name] != value for name, value in DEFAULTS.items()):
            return lines
        text = DEFINITION.sub("", text)
        markers = [m for m in MARKER.finditer(text) if m["label"] in keys]
        place = config["PLACE_MARKER"]
        if text.count("[^") != len(markers) or text.count(place) > 1 or (place in text and f"\n{place}\n" not in f"\n{text}\n"):
            return lines  # another footnote, or the list's place inside a paragraph: the footnotes extension's
        separator = config["SEPARATOR"]
        number = {label: n for n, label in enumerate(keys, start=1)}
        cited: dict[str, int] = {}
        placed = []
        for m in markers:
            label = m["label"]
            cited[label] = cited.get(label, 0) + 1
            n = cited[label]
            placed.append(Marker(f"fnref{n if n > 1 else ''}{separator}{label}", f"#fn{separator}{label}",
                                 config["SUPERSCRIPT_TEXT"].format(number[label])))
        stash = self.md.htmlStash.store
        parts, start = [], 0
        for m, html in zip(markers, self.render_markers(placed)):
            parts += [text[start:m.start()], stash(html)]
            start = m.end()
        parts.append(text[start:])
        text = "".join(parts)
        listing = stash(self.render_list(self._footnotes(keys, cited, separator, config["BACKLINK_TITLE"]),
                                         config["BACKLINK_TEXT"]))
        text = text.replace(place, listing) if place in text else f"{text}\n\n{listing}\n\n"
        return text.split("\n")

    def _footnotes(self, keys: dict[str, str], cited: dict[str, int], separator: str, title: str) -> list[Footnote]:
        footnotes = []
        for number, (label, key) in enumerate(keys.items(), start=1):
            try:
                elements = self.render("reference", key)
            except ValueError as error:
                raise ValueError(f"<!-- html:reference {key} -->: {error}") from None
            again = tuple(f"fnref{n}{separator}{label}" for n in range(2, cited.get(label, 0) + 1))
            footnotes.append(Footnote(f"fn{separator}{label}", elements, (f"fnref{separator}{label}", *again),
                                      title.format(number)))
        return footnotes


class ReferenceFootnotesExtension(Extension):
    """render(kind, key) -> a reference's HTML; render_list(footnotes, back-link text) -> the
    list; render_markers(markers) -> each marker's HTML. Listed after "footnotes" in the
    Markdown extensions; without them it does nothing."""

    def __init__(self, render: Render, render_list: RenderList, render_markers: RenderMarkers):
        super().__init__()
        self.render, self.render_list, self.render_markers = render, render_list, render_markers

    def extendMarkdown(self, md: Markdown) -> None:
        footnotes = md.treeprocessors["footnote"].footnotes if "footnote" in md.treeprocessors else None
        if footnotes is None:
            return
        md.preprocessors.register(_References(md, footnotes, self.render, self.render_list, self.render_markers),
                                  "reference_footnotes", PRIORITY)
