"""A Python-Markdown extension: a page's references, numbered, linked and listed in one pass over
its text, before Markdown parses it.

mkdocs-bibtex writes a citation as a footnote marker, "[^ref-KEY]", and each reference as a
footnote whose text is a token for the reference's HTML (overrides/markdown/placed-html.md).
Python-Markdown's footnotes extension would parse each definition as Markdown, try every inline
pattern around each marker and build the list element by element, which every later step of
Markdown walks again: about a sixth of a talk page's Markdown, for HTML that is known before
Markdown starts. Here each marker becomes its HTML (overrides/partials/footnote-markers.html)
and the definitions become the list (partials/footnote-references.html), both in Markdown's
raw HTML store, as the footnotes extension would write them: the same ids, numbers, back-links
and titles. Being placed before Markdown sets raw HTML aside, a marker may stand in a raw HTML
block: the talk header's and a slide caption's citation of the talk do.

One difference: a work cited twice has its first marker (id "fnref:…") where it is first in the
page's text, and its back-links in that order. The footnotes extension numbers them in the
order its inline step visits the page (paragraphs before what is nested in lists, admonitions
and figures).

A page's footnotes are its references: summit/citations.py fails a page with a footnote of its
own, which the footnotes extension would number apart from them. tests/unit/
test_markdown_references.py compares the output with the footnotes extension's own.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from markdown import Extension, Markdown
from markdown.extensions.footnotes import FootnoteExtension
from markdown.preprocessors import Preprocessor

from .markdown_html import Render

# A definition as mkdocs-bibtex writes it with the notes' reference text (NotesRegistry).
DEFINITION = re.compile(r"^\[\^(?P<label>[^\]\s]+)\]: <!-- html:reference (?P<key>[^\s<>]+) -->[ \t]*$", re.M)
DEFINED = "]: <!-- html:reference "  # in every definition's line
MARKER = re.compile(r"\[\^(?P<label>[^\]]*)\]")  # the footnotes extension's
# After the code blocks are put aside (fenced_code_block, 25), before raw HTML is (html_block,
# 20; MkDocs reads the ids of raw HTML at 21): a raw HTML block's marker is placed too.
PRIORITY = 22
DEFAULTS = {"UNIQUE_IDS": False, "USE_DEFINITION_ORDER": True}


class Footnote(NamedTuple):
    id: str  # the list item's id, "fn:ref-KEY"
    html: str  # the reference's HTML
    backrefs: tuple[str, ...]  # the markers' ids, one per citation: "fnref:ref-KEY", "fnref2:ref-KEY", …
    title: str  # the back-links' title, "Jump back to footnote N in the text"
    number: int  # N


class Marker(NamedTuple):
    id: str  # "fnref:ref-KEY", "fnref2:ref-KEY", …
    target: str  # the footnote's id, "fn:ref-KEY"
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
        # The definitions are where mkdocs-bibtex wrote them, together: the pattern, anchored at
        # every line, need not scan the text before the first (most of the page; found as a string).
        first = text.find(DEFINED)
        start = text.rfind("\n", 0, first) + 1 if first >= 0 else len(text)
        keys = {m["label"]: m["key"] for m in DEFINITION.finditer(text, start)}
        if not keys:  # label -> key, in the order of definition: the footnotes' numbers
            return lines
        config = self.footnotes.getConfigs()
        for name, value in DEFAULTS.items():
            if config[name] != value:
                raise ValueError(f"the footnotes extension's {name} must be {value} (summit/markdown_references.py)")
        text, cited = self._place_markers(text[:start] + DEFINITION.sub("", text[start:]), keys, config)
        listing = self.md.htmlStash.store(self.render_list(self._footnotes(keys, cited, config), config["BACKLINK_TEXT"]))
        place = config["PLACE_MARKER"]
        if place not in text:
            return f"{text}\n\n{listing}\n\n".split("\n")  # at the end, as the footnotes extension puts it
        if f"\n{place}\n" not in f"\n{text}\n":
            raise ValueError(f"{place} must be a line of its own")
        return text.replace(place, listing, 1).split("\n")

    def _place_markers(self, text: str, keys: dict[str, str], config: dict) -> tuple[str, dict[str, int]]:
        """The text with each marker's HTML in the store, and how often each label is cited."""
        separator, cited, markers = config["SEPARATOR"], {}, []
        number = {label: n for n, label in enumerate(keys, start=1)}
        found = [m for m in MARKER.finditer(text) if m["label"] in keys]
        for m in found:
            label = m["label"]
            n = cited[label] = cited.get(label, 0) + 1
            markers.append(Marker(f"fnref{n if n > 1 else ''}{separator}{label}", f"fn{separator}{label}",
                                  config["SUPERSCRIPT_TEXT"].format(number[label])))
        parts, start = [], 0
        for m, html in zip(found, self.render_markers(markers), strict=True):
            parts += [text[start:m.start()], self.md.htmlStash.store(html)]
            start = m.end()
        parts.append(text[start:])
        return "".join(parts), cited

    def _footnotes(self, keys: dict[str, str], cited: dict[str, int], config: dict) -> list[Footnote]:
        separator, footnotes = config["SEPARATOR"], []
        for number, (label, key) in enumerate(keys.items(), start=1):
            try:
                html = "".join(self.render("reference", key))
            except ValueError as error:
                raise ValueError(f"<!-- html:reference {key} -->: {error}") from None
            again = tuple(f"fnref{n}{separator}{label}" for n in range(2, cited.get(label, 0) + 1))
            footnotes.append(Footnote(f"fn{separator}{label}", html, (f"fnref{separator}{label}", *again),
                                      config["BACKLINK_TITLE"].format(number), number))
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
