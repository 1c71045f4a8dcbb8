"""A Python-Markdown extension: no glossary tooltip inside link text.

The abbr extension wraps every glossary term in <abbr title="…">, which Material's
content.tooltips explains on hover and focus. Inside a link the link itself is what a reader
hovers and focuses, and a focus stop must not nest in it. Marking that text atomic before abbr
runs keeps abbr out of it. (The Glossary page's terms are HTML after its Markdown,
partials/glossary-listing.html, which abbr never sees.)
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

# After attr_list (8), which still reads "{ … }" from text, and before abbr (7).
PRIORITY = 7.5


class _KeepAbbrOut(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            if element.tag != "a":
                continue
            for inner in element.iter():
                if inner.text:
                    inner.text = AtomicString(inner.text)
                if inner is not element and inner.tail:
                    inner.tail = AtomicString(inner.tail)


class AbbrScopeExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(_KeepAbbrOut(md), "abbr_scope", PRIORITY)
