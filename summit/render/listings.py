"""The lists an author places with a shortcode: the program (every talk by section, the home
page), the browse pages' links, a section's talks, the tags' vocabulary."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from summit.corpus import Corpus
from summit.errors import SourceError
from summit.render.links import GLOSSARY, MAP, PAPERS, SPEAKERS, PageRef

# The pages to browse the notes by, as the home page links them (generated but for tags.md).
BROWSE = (("Map", MAP), ("Papers", PAPERS), ("Speakers", SPEAKERS), ("Tags", "tags.md"), ("Glossary", GLOSSARY))


@dataclass(eq=False)  # one per build: equal only to itself
class Listings:
    corpus: Corpus
    render: Callable[..., str]  # a template under overrides/, by name (views.renderer)
    # A tag's anchor in the tags plugin's listing: the adapter gives the plugin's own (its
    # configured slugify and format).
    tag_anchor: Callable[[str], str]

    def check_section_talks(self, src_uri: str, where: str) -> None:
        if self.corpus.section_at(src_uri) is None:
            raise SourceError(f"{where}: md:section-talks is only for a section's index.md")

    def program(self, page: PageRef) -> str:
        return self.render("partials/program.html", sections=self.corpus.sections, page=page)

    def browse_links(self, page: PageRef) -> str:
        return self.render("partials/browse-links.html", links=BROWSE, page=page)

    def section_talks(self, page: PageRef) -> str:
        talks = self.corpus.section_at(page.src_uri).talks
        return self.render("partials/section-talks.html", talks=talks, page=page)

    def tag_vocabulary(self) -> str:
        counts = Counter(tag for talk in self.corpus.talks for tag in talk.tags)
        tags = [(tag, self.tag_anchor(tag), text, counts[tag])
                for tag, text in sorted(self.corpus.vocabulary.items(), key=lambda item: item[0].lower())]
        return self.render("partials/tag-vocabulary.html", tags=tags)
