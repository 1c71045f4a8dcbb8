"""The pages generated from the corpus, for browsing: Speakers, Papers, the Map and the Glossary.
Each is Markdown with a heading per group (the table of contents, links to anchors) and the
group's placeholder, which its partial fills."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from summit.corpus import Corpus
from summit.derived.map_layout import MapTalk, layout
from summit.derived.relations import corpus_relations
from summit.derived.works import KINDS, first_author, kinds
from summit.names import slugify
from summit.render.links import PAPERS, PageRef
from summit.render.talk_page import TalkPage
from summit.sources import glossary


@dataclass(eq=False)  # one per build: equal only to itself
class BrowsePages:
    corpus: Corpus
    render: Callable[..., str]  # a template under overrides/, by name (views.renderer)
    talk_page: TalkPage  # a work's reference
    terms: list[glossary.Entry]  # the glossary's entries

    @cached_property
    def _speakers(self) -> dict[str, tuple]:
        """anchor -> (speaker, their talks), by surname."""
        people: dict[str, tuple] = {}
        for talk in self.corpus.talks:
            for speaker in talk.speakers:
                people.setdefault(speaker.name, (speaker, []))[1].append(talk)
        ordered = sorted(people.values(), key=lambda item: (item[0].name.split()[-1].lower(), item[0].name))
        return {speaker.anchor: (speaker, talks) for speaker, talks in ordered}

    def speakers_page(self) -> str:
        return self.render("markdown/speakers-page.md", speakers=[s for s, _ in self._speakers.values()],
                           talk_count=len(self.corpus.talks))

    def speaker(self, page: PageRef, anchor: str) -> str:
        speaker, talks = self._speakers[anchor]
        works = [(key, self.talk_page.work(key)) for key in self.corpus.works_by(speaker)]
        return self.render("partials/speaker.html", speaker=speaker, works=works, talks=talks, page=page,
                           papers=page.link(PAPERS))

    @cached_property
    def _works(self) -> dict[str, list[str]]:
        """kind -> its keys, by first author, year and key."""
        kind_of, groups = kinds(self.corpus), {}
        for kind, _ in KINDS:
            keys = [k for k in self.corpus.bib.keys if kind_of[k] == kind]
            if keys:
                groups[kind] = sorted(keys, key=lambda k: (first_author(self.corpus, k).lower(),
                                                           self.talk_page.work(k).year, k))
        return groups

    def papers_page(self) -> str:
        groups = [(slugify(heading), heading, kind) for kind, heading in KINDS if kind in self._works]
        return self.render("markdown/papers-page.md", total=len(self.corpus.bib.keys), groups=groups)

    def _citing_talks(self, key: str) -> list:
        return [t for t in map(self.corpus.talk_at, self.corpus.cited_by.get(key, [])) if t]

    def works(self, page: PageRef, kind: str) -> str:
        works = [(key, self.talk_page.work(key), self._citing_talks(key), self._sections_citing(key))
                 for key in self._works[kind]]
        return self.render("partials/works.html", works=works, kind=kind, page=page)

    def _sections_citing(self, key: str) -> list[int]:
        return sorted({t.section.number for t in self._citing_talks(key)})

    def works_filter(self, page: PageRef) -> str:
        keys = [k for group in self._works.values() for k in group]
        kinds_ = [(kind, heading, len(self._works[kind])) for kind, heading in KINDS if kind in self._works]
        sections = [(s, sum(1 for k in keys if s.number in self._sections_citing(k))) for s in self.corpus.sections]
        years = Counter(self.talk_page.work(k).year for k in keys)
        return self.render("partials/works-filter.html", total=len(keys), kinds=kinds_,
                           script=page.link("assets/javascripts/works-filter.js"),
                           sections=sections, years=sorted(years.items(), reverse=True))

    def map_page(self) -> str:
        return self.render("markdown/map-page.md")

    def summit_map(self, page: PageRef) -> str:
        talks = [MapTalk(t.number, t.title, t.speaker_names, t.section.number, t.section.title, page.link(t.src_uri))
                 for t in self.corpus.talks]
        titles = {key: self.talk_page.work(key).title for key in self.corpus.bib.keys}
        summit_map = layout(talks, corpus_relations(self.corpus), titles)
        return self.render("partials/summit-map.html", map=summit_map)

    @cached_property
    def _glossary_groups(self) -> dict[str, tuple[str, list[glossary.Listed]]]:
        """anchor -> (letter, its entries, each with the talks using it)."""
        used = glossary.usage({t: self.corpus.pages[t.src_uri].body for t in self.corpus.talks}, self.terms)
        return {slugify(letter) or "other": (letter, listed) for letter, listed in glossary.alphabetical(self.terms, used)}

    def glossary_page(self) -> str:
        letters = [(anchor, letter) for anchor, (letter, _) in self._glossary_groups.items()]
        return self.render("markdown/glossary-page.md", letters=letters,
                           count=sum(1 for e in self.terms if not e.plural_of))

    def glossary_letter(self, page: PageRef, anchor: str) -> str:
        return self.render("partials/glossary-letter.html", items=self._glossary_groups[anchor][1], page=page)
