"""The lists an author places with a shortcode: every talk (the home page), a section's talks,
the sections, the tags' vocabulary."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from summit.errors import SourceError
from summit.render.links import PageRef
from summit.render.templates import Templates


@dataclass(eq=False)  # one per build: equal only to itself
class Listings:
    templates: Templates

    @property
    def corpus(self):
        return self.templates.corpus

    def check_section_talks(self, src_uri: str, where: str) -> None:
        if self.corpus.section_at(src_uri) is None:
            raise SourceError(f"{where}: md:section-talks is only for a section's index.md")

    def talk_table(self, page: PageRef) -> str:
        rows = [(t, page.link(t.src_uri), page.link(t.section.src_uri)) for t in self.corpus.talks]
        return self.templates.render("partials/talk-table.html", rows=rows)

    def section_talks(self, page: PageRef) -> str:
        section = self.corpus.section_at(page.src_uri)
        talks = [(t, page.link(t.src_uri)) for t in section.talks]
        return self.templates.render("partials/section-talks.html", talks=talks)

    def sections(self, page: PageRef) -> str:
        sections = [(s, page.link(s.src_uri)) for s in self.corpus.sections]
        return self.templates.render("partials/sections.html", sections=sections)

    def tag_vocabulary(self) -> str:
        """Each tag of tags.yml with its description and how many talks carry it."""
        counts = Counter(tag for talk in self.corpus.talks for tag in talk.tags)
        tags = sorted(((tag, text, counts[tag]) for tag, text in self.corpus.vocabulary.items()),
                      key=lambda t: t[0].lower())
        return self.templates.render("partials/tag-vocabulary.html", tags=tags)
