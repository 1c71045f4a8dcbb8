"""A Python-Markdown extension: where the glossary's tooltips go.

The abbr extension wraps every use of a glossary term in <abbr title="…">, which Material's
content.tooltips explains on hover and focus. Underlining every use buries the text (PAIRED
twelve times on one page), so a term is explained once, at its first use in each section of a
page (the text under one h2; a reader who jumps to a section meets the explanation there).

After abbr runs, every <abbr> but the first of its term in its section is unwrapped (its text
stays), and so is every one in a link, a heading, a figure caption, the talk header or the
references (div.footnote): inside a link the link itself is what a reader hovers and focuses,
and a focus stop must not nest in it; a heading or a caption is not where a reader needs a
definition; a reference's title is the work's, not our text.

A plural counts as its singular ("GANs" after "GAN"), as the glossary's Entry.plural_of says.
HTML put in place after Markdown (the placeholders' partials: listings of talks, the Glossary's
entries) gets no tooltips.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from collections.abc import Iterable, Mapping

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

from summit.sources.glossary import Entry

# After abbr (7), before toc (5), which reads the headings once their <abbr> are gone.
PRIORITY = 6

SECTION = {"h1", "h2"}
NEVER_IN = {"a", "h1", "h2", "h3", "h4", "h5", "h6", "figcaption"}
NEVER_IN_CLASSES = {"talk-header", "footnote"}


class _ExplainOnce(Treeprocessor):
    def __init__(self, md: Markdown, singular: Mapping[str, str]) -> None:
        super().__init__(md)
        self.singular = singular

    def run(self, root: etree.Element) -> None:
        self.seen: set[str] = set()
        self._walk(root, explain=True)

    def _walk(self, parent: etree.Element, explain: bool) -> None:
        for child in list(parent):  # a copy: unwrapping changes the children
            if child.tag in SECTION:
                self.seen = set()
            if child.tag == "abbr" and child.get("title") is not None:
                term = self.singular.get(child.text or "", child.text or "")
                if explain and term not in self.seen:
                    self.seen.add(term)
                else:
                    _unwrap(parent, child)
                continue
            inside = explain and child.tag not in NEVER_IN and \
                not NEVER_IN_CLASSES & set((child.get("class") or "").split())
            self._walk(child, inside)


def _unwrap(parent: etree.Element, abbr: etree.Element) -> None:
    """Put abbr's text (and its tail) where abbr was: the term stays, its tooltip goes."""
    text = (abbr.text or "") + (abbr.tail or "")
    index = list(parent).index(abbr)
    if index:
        before = parent[index - 1]
        before.tail = (before.tail or "") + text
    else:
        parent.text = (parent.text or "") + text
    parent.remove(abbr)


class AbbrScopeExtension(Extension):
    def __init__(self, glossary: Iterable[Entry]) -> None:
        super().__init__()
        self.singular = {e.term: e.plural_of for e in glossary if e.plural_of}  # "GANs" -> "GAN"

    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(_ExplainOnce(md, self.singular), "abbr_once", PRIORITY)
