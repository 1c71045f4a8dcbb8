"""A talk page: its frame (header, the author's text, related talks, references, cite block),
its slides, and each reference as its footnote shows it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from summit.corpus import Corpus
from summit.derived.related_talks import RelatedTalk, related_talks
from summit.errors import SourceError
from summit.render import reference_view
from summit.render.links import MAP, SPEAKERS, PageRef
from summit.sources.slides import read_slide
from summit.sources.talks import Talk


def door_label(title: str) -> str:
    """A work's name on its header button: the name before a subtitle ("Gender Shades" of
    "Gender Shades: Intersectional Accuracy …"), else the whole title."""
    name, colon, _ = title.partition(": ")
    return name if colon and len(name) <= 40 else title


@dataclass(eq=False)  # one per build: equal only to itself
class TalkPage:
    corpus: Corpus
    render: Callable[..., str]  # a template under overrides/, by name (views.renderer)

    def check_slide(self, args: str, src_uri: str, where: str) -> None:
        """SourceError, naming where, for an md:slide that cannot be shown on this page."""
        talk = self.corpus.talk_at(src_uri)
        if talk is None:
            raise SourceError(f"{where}: md:slide is only for talk pages")
        if not args.isdigit():
            raise SourceError(f"{where}: md:slide needs the slide number, got '{args}'")
        read_slide(self.corpus.docs_dir, talk, int(args), where)  # the drawing is there and described

    def markdown(self, body: str) -> str:
        return self.render("markdown/talk-page.md", body=body.strip())

    def header(self, page: PageRef) -> str:
        talk = self.corpus.talk_at(page.src_uri)
        buttons = [(kind, self.corpus.bib.primary_link(key)) for kind, key in talk.links.items()]
        works = [(door_label(self.work(key).title), self.corpus.bib.primary_link(key)) for key in talk.works]
        return self.render("partials/talk-header.html", talk=talk, buttons=buttons, works=works,
                           speakers_page=page.link(SPEAKERS), section_link=page.link(talk.section.src_uri))

    def slide(self, page: PageRef, number: int) -> str:
        talk = self.corpus.talk_at(page.src_uri)
        slide = read_slide(self.corpus.docs_dir, talk, number, f"docs/{page.src_uri}")  # checked: check_slide
        return self.render("partials/slide-figure.html", talk=talk, slide=slide, href=page.link(slide.src))

    def figure(self, number: int, text: str) -> str:
        return self.render("partials/figure-link.html", number=number, text=text)

    def figure_sources(self, page: PageRef, entries: str) -> str:
        """The sources of the page's figures: entries, their indexes in order of first use."""
        sources = self.corpus.figures[page.src_uri]
        return self.render("partials/figure-sources.html", sources=[sources[int(i)] for i in entries.split()])

    def related_talks(self, page: PageRef) -> str:
        talk = self.corpus.talk_at(page.src_uri)
        return self.render("partials/related-talks.html", related=self.related[talk], page=page,
                           map_link=f"{page.link(MAP)}#map-{talk.number.replace('.', '-')}")

    def cite_these_notes(self, page: PageRef) -> str:
        return self.render("partials/cite-these-notes.html", talk=self.corpus.talk_at(page.src_uri),
                           url=page.url, edition=self.corpus.edition)

    def references(self, markdown: str) -> str:
        """Any other page that cites: its text, then its references."""
        return markdown.rstrip() + "\n\n" + self.render("markdown/references.md")

    def reference(self, key: str) -> str:
        return self.render("partials/reference.html", key=key, work=self.work(key))

    def work(self, key: str) -> reference_view.Reference:
        """What a reference shows of an entry (partials/reference-text.html draws it)."""
        return reference_view.reference(self.corpus.bib.entry(key), self.corpus.bib.links(key))

    @cached_property
    def related(self) -> dict[Talk, list[RelatedTalk]]:
        return related_talks(self.corpus)
