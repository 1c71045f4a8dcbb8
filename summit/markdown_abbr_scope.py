"""A Python-Markdown extension: no glossary tooltip inside link text or a definition term.

The abbr extension wraps every glossary term in <abbr title="…">, which Material's
content.tooltips explains on hover and focus. Inside a link the link itself is what a reader
hovers and focuses, and a focus stop must not nest in it; on the Glossary page a term is
defined right below itself. Marking that text atomic before abbr runs keeps abbr out of it.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

NO_ABBR_IN = ("a", "dt")
# After attr_list (8), which still reads "{ … }" from text, and before abbr (7).
PRIORITY = 7.5


class _KeepAbbrOut(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            if element.tag not in NO_ABBR_IN:
                continue
            for inner in element.iter():
                if inner.text:
                    inner.text = AtomicString(inner.text)
                if inner is not element and inner.tail:
                    inner.tail = AtomicString(inner.tail)


class AbbrScopeExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(_KeepAbbrOut(md), "abbr_scope", PRIORITY)
