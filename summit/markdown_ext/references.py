"""A Python-Markdown extension: a page's references as readers scan them.

After the footnotes extension has numbered the citations and listed the references, each
reference's back-links move to its start and read like Wikipedia's: "^" for one citation,
"^ a b c" for several. They and the citation markers are kept out of search
(data-search-exclude): a footnote's number or a row of arrows is not text to search for.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from string import ascii_lowercase

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

# After the footnotes extension's duplicate back-links (15), before prettify (10).
PRIORITY = 14


class _References(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for sup in root.iter("sup"):
            if sup.get("id", "").startswith("fnref"):
                sup.set("data-search-exclude", "")
        for div in root.iter("div"):
            if div.get("class") == "footnote":
                for item in div.iter("li"):
                    self._label(item)

    @staticmethod
    def _label(item: etree.Element) -> None:
        paragraphs = [p for p in item if p.tag == "p"]
        backrefs = [a for p in paragraphs for a in p if a.get("class") == "footnote-backref"]
        if not backrefs:
            return
        for paragraph in paragraphs:
            for backref in backrefs:
                if backref in list(paragraph):
                    paragraph.remove(backref)
        labels = etree.Element("span", {"class": "backlinks", "data-search-exclude": ""})
        if len(backrefs) == 1:
            backrefs[0].text = "^"
            backrefs[0].set("aria-label", "Back to the citation in the text")
            labels.append(backrefs[0])
        else:
            labels.text = "^ "
            for letter, backref in zip(ascii_lowercase, backrefs):
                backref.text, backref.tail = letter, " "
                backref.set("aria-label", f"Back to citation {letter} in the text")
                labels.append(backref)
            backrefs[-1].tail = None
        labels.tail = " " + (paragraphs[0].text or "")
        paragraphs[0].text = None
        paragraphs[0].insert(0, labels)


class ReferencesExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(_References(md), "summit_references", PRIORITY)
