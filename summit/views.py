"""What each template under overrides/ is given.

The templates hold the markup; this module chooses the facts. Those under overrides/markdown/
render to Markdown before Markdown runs (a talk page's frame, the generated pages), with
placeholders (summit/shortcodes.py) where HTML goes. Those under overrides/partials/ render the
HTML a placeholder stands for, once Markdown has run.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from html import escape
from typing import Any, Protocol

from . import glossary, reference_view
from .corpus import Corpus
from .errors import SourceError
from .glossary import Entry
from .related import RelatedTalk, related_talks
from .relations import Relation, corpus_relations
from .shortcodes import PageRef
from .slides import Slide, read_slide
from .summit_facts import SUMMIT, SUMMIT_DATE, SUMMIT_YEAR
from .summit_map import MapTalk, layout
from .talks import Talk
from .text import slugify
from .works import KINDS, first_author, kinds, title, year

SPEAKERS = "speakers.md"
PAPERS = "papers.md"
MAP = "map.md"
GLOSSARY = "glossary.md"
LINK_LABELS = {"paper": "Paper", "code": "Code", "demo": "Demo"}


class Template(Protocol):
    def render(self, **context: object) -> str: ...


class TemplateSource(Protocol):
    """A Jinja environment, or anything that hands out templates by name."""

    def get_template(self, name: str) -> Template: ...


@dataclass(eq=False)  # one per build: equal only to itself
class Views:
    corpus: Corpus
    templates: TemplateSource
    glossary: list[Entry]
    _slides: dict[tuple[str, int], Slide] = field(default_factory=dict, repr=False)

    def render(self, name: str, **context: Any) -> str:
        """A template under overrides/, with the summit's name and date."""
        facts = dict(summit=SUMMIT, summit_date=SUMMIT_DATE, summit_year=SUMMIT_YEAR)
        return self.templates.get_template(name).render(**facts, **context)

    def _talk(self, page: PageRef) -> Talk:
        talk = self.corpus.talk_at(page.src_uri)
        if talk is None:
            raise ValueError(f"docs/{page.src_uri} is not a talk page")
        return talk

    def check(self, name: str, args: str, src_uri: str, where: str) -> None:
        """SourceError, naming where, for a shortcode that cannot be shown on this page."""
        talk, section = self.corpus.talk_at(src_uri), self.corpus.section_at(src_uri)
        if name == "slide":
            if talk is None:
                raise SourceError(f"{where}: md:slide is only for talk pages")
            if not args.isdigit():
                raise SourceError(f"{where}: md:slide needs the slide number, got '{args}'")
            self._slides[src_uri, int(args)] = read_slide(self.corpus.docs_dir, talk, int(args), where)
        elif name == "section-talks" and section is None:
            raise SourceError(f"{where}: md:section-talks is only for a section's index.md")

    # --- a talk page, in reading order ---------------------------------------------------------

    def talk_page(self, talk: Talk, body: str) -> str:
        """The talk page's Markdown: header, the author's text, related talks, references, cite."""
        return self.render("markdown/talk-page.md", body=body.strip())

    def references_section(self, markdown: str) -> str:
        """Any other page that cites: its text, then its references."""
        return markdown.rstrip() + "\n\n" + self.render("markdown/references.md")

    def talk_header(self, page: PageRef) -> str:
        talk = self._talk(page)
        buttons = [(LINK_LABELS[kind], self.corpus.bib.primary_link(key)) for kind, key in talk.links.items()]
        return self.render("partials/talk-header.html", talk=talk, buttons=buttons,
                           speakers_page=page.link(SPEAKERS), section_link=page.link(talk.section.src_uri))

    def slide(self, page: PageRef, number: int) -> str:
        talk = self._talk(page)
        slide = self._slides.get((page.src_uri, number))
        if slide is None:  # not checked on this page's Markdown (shortcodes.check) in this build
            slide = read_slide(self.corpus.docs_dir, talk, number, f"docs/{page.src_uri}")
        return self.render("partials/slide-figure.html", talk=talk, slide=slide, href=page.file_link(slide.src))

    def related_talks(self, page: PageRef) -> str:
        talk = self._talk(page)
        related = [(r, page.link(r.talk.src_uri)) for r in self.related[talk]]
        return self.render("partials/related-talks.html", related=related,
                           map_link=f"{page.link(MAP)}#map-{talk.number.replace('.', '-')}")

    def cite_these_notes(self, page: PageRef) -> str:
        return self.render("partials/cite-these-notes.html", talk=self._talk(page), url=page.url,
                           edition=self.corpus.edition)

    def reference(self, key: str) -> str:
        """A reference as a page's footnote shows it: its text and links, then its BibTeX."""
        return self.render("partials/reference.html", key=key, work=self.work(key), bibtex=self.corpus.bib.source(key))

    def work(self, key: str) -> reference_view.Reference:
        """What a reference shows of an entry (partials/reference-text.html draws it)."""
        if key not in self.corpus.bib:
            raise ValueError(f"references.bib has no entry '{key}'")
        return reference_view.reference(key, self.corpus.bib.entry(key), self.corpus.bib.links(key))

    @cached_property
    def relations(self) -> list[Relation]:
        """What each pair of talks shares: the map draws them, the related talks weigh them."""
        return corpus_relations(self.corpus)

    @cached_property
    def related(self) -> dict[Talk, list[RelatedTalk]]:
        return related_talks(self.corpus, self.relations)

    @cached_property
    def _glosser(self) -> glossary.Glosser:
        return glossary.Glosser(self.glossary)

    def glossed(self, text: str) -> str:
        """Plain text as HTML, each glossary term in it with its tooltip, as the abbr extension
        would give it on a Markdown page: the partials' "glossed" filter."""
        if not self._glosser.pattern.search(text):
            return escape(text, quote=False)
        return self.render("partials/glossed-text.html", runs=self._glosser.runs(text))

    # --- the shortcodes' listings ----------------------------------------------------------------

    def talk_table(self, page: PageRef) -> str:
        rows = [(t, page.link(t.src_uri), page.link(t.section.src_uri)) for t in self.corpus.talks]
        return self.render("partials/talk-table.html", rows=rows)

    def section_talks(self, page: PageRef) -> str:
        section = self.corpus.section_at(page.src_uri)
        talks = [(t, page.link(t.src_uri)) for t in section.talks]
        return self.render("partials/section-talks.html", talks=talks)

    def sections(self, page: PageRef) -> str:
        sections = [(s, page.link(s.src_uri)) for s in self.corpus.sections]
        return self.render("partials/sections.html", sections=sections)

    def tag_vocabulary(self) -> str:
        """Each tag of tags.yml with its description and how many talks carry it."""
        counts = Counter(tag for talk in self.corpus.talks for tag in talk.tags)
        tags = sorted(((tag, text, counts[tag]) for tag, text in self.corpus.vocabulary.items()),
                      key=lambda t: t[0].lower())
        return self.render("partials/tag-vocabulary.html", tags=tags)

    # --- the generated pages: Markdown with a heading per group, and the group's placeholder ---

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
        works = [(title(self.corpus, k), f"{page.link(PAPERS)}#{k}", year(self.corpus, k))
                 for k in self.corpus.works_by(speaker)]
        return self.render("partials/speaker.html", speaker=speaker, works=works,
                           talks=[(t, page.link(t.src_uri)) for t in talks])

    @cached_property
    def _works(self) -> dict[str, list[str]]:
        """kind -> its keys, by first author, year and key."""
        kind_of, groups = kinds(self.corpus), {}
        for kind, _ in KINDS:
            keys = [k for k in self.corpus.bib.keys if kind_of[k] == kind]
            if keys:
                groups[kind] = sorted(keys, key=lambda k: (first_author(self.corpus, k).lower(), year(self.corpus, k), k))
        return groups

    def papers_page(self) -> str:
        groups = [(slugify(heading), heading, kind) for kind, heading in KINDS if kind in self._works]
        return self.render("markdown/papers-page.md", total=len(self.corpus.bib.keys), groups=groups)

    def works(self, page: PageRef, kind: str) -> str:
        works = [(key, self.work(key),
                  [(t, page.link(t.src_uri)) for t in map(self.corpus.talk_at, self.corpus.cited_by.get(key, [])) if t],
                  self.corpus.bib.source(key))
                 for key in self._works[kind]]
        return self.render("partials/works.html", works=works)

    def map_page(self) -> str:
        return self.render("markdown/map-page.md")

    def summit_map(self, page: PageRef) -> str:
        talks = [MapTalk(t.number, t.title, tuple(s.name for s in t.speakers), t.section.number, t.section.title,
                         page.link(t.src_uri))
                 for t in self.corpus.talks]
        titles = {key: title(self.corpus, key) for key in self.corpus.bib.keys}
        return self.render("partials/summit-map.html", map=layout(talks, self.relations, titles))

    @cached_property
    def _glossary_groups(self) -> dict[str, tuple[str, list]]:
        """anchor -> (letter, its entries with the talks using them)."""
        used = glossary.usage({t.src_uri: self.corpus.pages[t.src_uri].body for t in self.corpus.talks}, self.glossary)
        return {slugify(letter) or "other": (letter, listed) for letter, listed in glossary.alphabetical(self.glossary, used)}

    def glossary_page(self) -> str:
        letters = [(anchor, letter) for anchor, (letter, _) in self._glossary_groups.items()]
        return self.render("markdown/glossary-page.md", letters=letters,
                           count=sum(1 for e in self.glossary if not e.plural_of))

    def glossary_letter(self, page: PageRef, anchor: str) -> str:
        _, listed = self._glossary_groups[anchor]
        items = [(item, [(t, page.link(t.src_uri)) for t in map(self.corpus.talk_at, item.used_in) if t])
                 for item in listed]
        return self.render("partials/glossary-letter.html", items=items, runs=self._glosser.runs)
