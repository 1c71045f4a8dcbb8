"""What each template under overrides/ is given, and the talk page's assembly.

The templates hold the markup (HTML classes, Markdown structure); this module chooses the facts.
Those under overrides/markdown/ render to Markdown-with-HTML before Markdown runs, so they may
cite with [@key] and link to pages by their source path, which MkDocs then resolves and checks.
Those under overrides/partials/ render to HTML, links already resolved (url_between) and the
glossary's tooltips already in the text (the "glossed" filter; never in a reference): what long
generated pages show after their Markdown (the Speakers, Papers and Glossary listings, the map: GeneratedHtml); the
talk header and a slide's figure, raw HTML blocks of the page whose one citation Markdown
still numbers; and HTML a token in the Markdown stands for (html_for, put in place by
summit/markdown_html.py and summit/markdown_references.py): a reference, the shortcodes'
listings, a talk page's related talks and its citation; and a page's citation markers and list
of references (summit/markdown_references.py). A template used once per talk, work, text or
marker is a macro called from Python (_macro): a whole rendering costs several times more.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from html import escape
from typing import Any, NamedTuple, Protocol

from . import glossary, reference_view
from .corpus import Corpus
from .glossary import Entry
from .markdown_references import Footnote, Marker
from .paths import file_url_between, url_between
from .related import RelatedTalk
from .relations import Relation, corpus_relations
from .summit_map import MapTalk, layout
from .text import plain, slugify
from .slides import Slide
from .summit_facts import SUMMIT, SUMMIT_DATE, SUMMIT_YEAR
from .talks import Section, Talk
from .works import KINDS, first_author, kinds, title, year

SPEAKERS = "speakers.md"
PAPERS = "papers.md"
MAP = "map.md"
GLOSSARY = "glossary.md"
LINK_LABELS = {"paper": "Paper", "code": "Code", "demo": "Demo"}
# An id attribute; preceded by a space (not "data-id"), which the search checks: an expression
# opening with \s is tried at every position of the page, one opening with a literal is not.
ID_ATTRIBUTE = re.compile(r'id="([^"]+)"')


class GeneratedHtml(NamedTuple):
    """HTML a generated page shows after its Markdown. Markdown would only pass it through, and
    its HTML parser walks every tag to do so: on long generated lists that was most of their cost."""

    html: str
    headings: tuple[tuple[str, str], ...] = ()  # (anchor, title) of its h2s, for the table of contents

    @property
    def anchors(self) -> set[str]:
        """The ids it defines, which links from other pages may target (the templates quote
        every attribute with double quotes)."""
        html = self.html
        return {m[1] for m in ID_ATTRIBUTE.finditer(html) if m.start() and html[m.start() - 1].isspace()}


class Template(Protocol):
    module: Any  # the template's macros, as attributes

    def render(self, **context: object) -> str: ...


class TemplateSource(Protocol):
    """A Jinja environment, or anything that hands out templates by name."""

    def get_template(self, name: str) -> Template: ...


@dataclass(eq=False)  # one per build: equal only to itself
class Views:
    corpus: Corpus
    templates: TemplateSource
    glossary: list[Entry]
    _html: dict[tuple[str, str], tuple[str, ...]] = field(default_factory=dict, repr=False)  # (kind, key) -> a token's HTML
    _reference_text: dict[str, str] = field(default_factory=dict, repr=False)  # key -> its text as HTML
    _glossed: dict[str, str] = field(default_factory=dict, repr=False)  # text -> it as HTML with tooltips
    _macros: dict[tuple[str, str], Callable[..., str]] = field(default_factory=dict, repr=False)  # (template, name) -> macro

    def _render(self, name: str, **context: object) -> str:
        return self.templates.get_template(f"markdown/{name}.md").render(summit=SUMMIT, summit_date=SUMMIT_DATE, **context)

    def _render_html(self, name: str, **context: object) -> str:
        return self.templates.get_template(f"partials/{name}.html").render(**context)

    # --- a talk page, in reading order -------------------------------------------------------

    def talk_page(self, talk: Talk, body: str, related: list[RelatedTalk], url: str,
                  use_directory_urls: bool = True) -> str:
        """Header, the author's text, related talks, references and "Cite these notes"."""
        return self._macro("markdown/talk-page.md", "talk_page")(
            header=self.talk_header(talk, use_directory_urls),
            body=body.strip(),
            related=self.related_talks(talk, related, use_directory_urls),
            cite=self.cite_these_notes(talk, url),
        )

    def references_section(self, markdown: str) -> str:
        """Any other page that cites: its text, then its references."""
        return markdown.rstrip() + "\n\n" + self._render("references")

    def talk_header(self, talk: Talk, use_directory_urls: bool = True) -> str:
        """HTML, a raw block of the talk page's Markdown: its citation of the talk is Markdown's."""
        buttons = [(LINK_LABELS[kind], self.corpus.bib.primary_link(key)) for kind, key in talk.links.items()]
        return self._macro("partials/talk-header.html", "talk_header")(
            talk=talk, buttons=buttons, summit=SUMMIT, summit_date=SUMMIT_DATE,
            speakers_page=url_between(talk.src_uri, SPEAKERS, use_directory_urls),
            section_link=url_between(talk.src_uri, talk.section.src_uri, use_directory_urls),
        )

    def related_talks(self, talk: Talk, related: list[RelatedTalk], use_directory_urls: bool = True) -> str:
        def link(src_uri: str) -> str:
            return url_between(talk.src_uri, src_uri, use_directory_urls)

        listing = self._macro("partials/related-talks.html", "related_talks")(
            related=[(r, link(r.talk.src_uri)) for r in related],
            map_link=f"{link(MAP)}#map-{talk.number.replace('.', '-')}")
        return self.unindexed("related-talks", talk.src_uri, listing)

    def cite_these_notes(self, talk: Talk, url: str) -> str:
        facts = dict(talk=talk, url=url, edition=self.corpus.edition, summit=SUMMIT, summit_date=SUMMIT_DATE)
        bibtex = self._macro("partials/cite-these-notes.html", "cite_notes_bibtex")(**facts)
        citation = self._macro("partials/cite-these-notes.html", "cite_these_notes")(
            **facts, bibtex=self.unindexed("cite-notes-bibtex", talk.src_uri, bibtex))
        return self._placed("cite-these-notes", talk.src_uri, citation)

    def slide(self, talk: Talk, slide: Slide, use_directory_urls: bool = True) -> str:
        """HTML, a raw block of the talk page's Markdown: its citation of the talk is Markdown's."""
        return self._macro("partials/slide-figure.html", "slide_figure")(
            talk=talk, slide=slide, summit=SUMMIT, summit_year=SUMMIT_YEAR,
            href=file_url_between(talk.src_uri, slide.src, use_directory_urls))

    def reference(self, key: str) -> str:
        """A reference as mkdocs-bibtex places it after "[^ref-key]: ": a token for its HTML,
        which summit/markdown_html.py puts in its place."""
        return self._macro("markdown/placed-html.md", "token")("reference", key)

    def html_for(self, kind: str, key: str) -> tuple[str, ...]:
        """The HTML a token ("<!-- html:KIND KEY -->", "<!-- unindexed:KIND KEY -->") stands for,
        rendered once per build. A reference is its text and a token for its BibTeX control."""
        if (kind, key) not in self._html:  # a placed partial is there once rendered (_placed, unindexed)
            if kind == "reference":
                html = self._macro("partials/reference.html", "reference")(self.reference_text(key), key)
            elif kind == "bibtex" and key in self.corpus.bib:
                html = self._macro("partials/bibtex.html", "bibtex_control")(key, self.corpus.bib.source(key))
            else:
                raise ValueError(f"no {kind} HTML for {key} in this build")
            self._html[kind, key] = (html,)
        return self._html[kind, key]

    def _macro(self, template: str, name: str) -> Callable[..., str]:
        """A template's macro, called from Python: for templates used once per talk, work, text or
        marker, where a whole rendering (a new context each time) would cost several times more."""
        if (template, name) not in self._macros:
            self._macros[template, name] = getattr(self.templates.get_template(template).module, name)
        return self._macros[template, name]

    def footnote_references(self, footnotes: list[Footnote], backlink_text: str) -> str:
        """A page's references as one list (summit/markdown_references.py), each reference's
        back-links a token placed after the search plugin has read the page."""
        backlinks = self._macro("partials/footnote-references.html", "backlinks")
        tokens = []
        for footnote in footnotes:  # the same reference, number and citations: the same back-links
            key = f"{footnote.id}/{footnote.number}/{len(footnote.backrefs)}"
            tokens.append(self.unindexed("backlinks", key, backlinks(footnote, backlink_text)))
        return self._macro("partials/footnote-references.html", "footnote_references")(list(zip(footnotes, tokens)))

    def footnote_markers(self, markers: list[Marker]) -> list[str]:
        """A page's citation markers (summit/markdown_references.py), each a token placed after
        the search plugin has read the page: a footnote's number is not text to search for."""
        marker = self._macro("partials/footnote-markers.html", "footnote_marker")
        return [self.unindexed("marker", "/".join(m), marker(m)) for m in markers]  # id/target/number

    def reference_text(self, key: str) -> str:
        """A reference's text as HTML (partials/reference.html, from summit.reference_view),
        rendered once per build; without glossary tooltips, as a term is explained in the notes,
        never in a reference."""
        if key not in self._reference_text:
            if key not in self.corpus.bib:
                raise ValueError(f"references.bib has no entry '{key}'")
            work = reference_view.reference(key, self.corpus.bib.entry(key), self.corpus.bib.links(key))
            self._reference_text[key] = self._macro("partials/reference.html", "reference_text")(work)
        return self._reference_text[key]

    @cached_property
    def relations(self) -> list[Relation]:
        """What each pair of talks shares: the map draws them, the related talks weigh them."""
        return corpus_relations(self.corpus)

    @cached_property
    def _glosser(self) -> glossary.Glosser:
        return glossary.Glosser(self.glossary)

    def glossed(self, text: str) -> str:
        """Plain text as HTML, each glossary term in it with its tooltip, as the abbr extension
        would give it on a Markdown page. The partials' "glossed" filter (hooks/pipeline.py
        registers it on the theme's environment)."""
        if text not in self._glossed:  # a talk's description recurs in other talks' related lists
            if self._glosser.pattern.search(text):
                self._glossed[text] = self._macro("partials/glossed-text.html", "glossed_text")(self._glosser.runs(text))
            elif "&" in text or "<" in text or ">" in text:
                self._glossed[text] = escape(text, quote=False)
            else:  # nothing to escape (most texts): html.escape's three replacements spared
                self._glossed[text] = text
        return self._glossed[text]

    # --- generated lists (shortcodes) and pages ----------------------------------------------

    def talk_table(self, page_src: str, use_directory_urls: bool = True) -> str:
        def link(src_uri: str) -> str:
            return url_between(page_src, src_uri, use_directory_urls)

        rows = [(t, link(t.src_uri), link(t.section.src_uri)) for t in self.corpus.talks]
        return self._placed("talk-table", page_src, self._render_html("talk-table", rows=rows))

    def section_talks(self, page_src: str, section: Section, use_directory_urls: bool = True) -> str:
        talks = [(t, url_between(page_src, t.src_uri, use_directory_urls)) for t in section.talks]
        return self._placed("section-talks", page_src, self._render_html("section-talks", talks=talks))

    def sections(self, page_src: str, use_directory_urls: bool = True) -> str:
        sections = [(s, url_between(page_src, s.src_uri, use_directory_urls)) for s in self.corpus.sections]
        return self._placed("sections", page_src, self._render_html("sections", sections=sections))

    def tag_vocabulary(self, page_src: str) -> str:
        """Each tag of tags.yml with its description and how many talks carry it."""
        counts = Counter(tag for talk in self.corpus.talks for tag in talk.tags)
        tags = [(tag, description, counts[tag]) for tag, description in self.corpus.vocabulary.items()]
        tags = sorted(tags, key=lambda t: t[0].lower())
        return self._placed("tag-vocabulary", page_src, self._render_html("tag-vocabulary", tags=tags))

    def _placed(self, kind: str, key: str, html: str) -> str:
        """HTML a partial rendered (a shortcode's listing, a talk page's related talks or
        citation) as a block of a page's Markdown: a token for it (html_for), which Markdown
        leaves alone. kind: the partial's name; key: the page's source path."""
        self._html[kind, key] = (html,)
        return self._macro("markdown/placed-html.md", "token")(kind, key)

    def unindexed(self, kind: str, key: str, html: str) -> str:
        """HTML search must not index (a citation's marker, a reference's back-links, a talk
        page's related talks and its citation's BibTeX, the listing of a page search leaves out):
        a token for it, placed after Material's search plugin has read the page
        (summit/unindexed_html.py). kind: what it is; key: what tells it apart from any other
        HTML of its kind in this build."""
        self._html[kind, key] = (html,)
        return self._macro("markdown/placed-html.md", "unindexed")(kind, key)

    def speakers_page(self) -> str:
        count = len({s.name for t in self.corpus.talks for s in t.speakers})
        return self._render("speakers-page", count=count, talk_count=len(self.corpus.talks))

    def speakers_listing(self, use_directory_urls: bool = True) -> GeneratedHtml:
        """Each speaker once, by surname, with their talks and cited works."""
        def link(src_uri: str) -> str:
            return url_between(SPEAKERS, src_uri, use_directory_urls)

        people: dict[str, tuple] = {}
        for talk in self.corpus.talks:
            for speaker in talk.speakers:
                people.setdefault(speaker.name, (speaker, []))[1].append(talk)
        ordered = sorted(people.values(), key=lambda item: (item[0].name.split()[-1].lower(), item[0].name))
        speakers = [
            (speaker, [(t, link(t.src_uri)) for t in talks],
             [(title(self.corpus, k), f"{link(PAPERS)}#{k}", year(self.corpus, k)) for k in self.corpus.works_by(speaker)])
            for speaker, talks in ordered
        ]
        return GeneratedHtml(self._render_html("speakers-listing", speakers=speakers),
                             tuple((speaker.anchor, speaker.name) for speaker, _, _ in speakers))

    def map_page(self) -> str:
        return self._render("map-page")

    def map_figure(self, use_directory_urls: bool = True) -> GeneratedHtml:
        talks = [
            MapTalk(t.number, t.title, tuple(s.name for s in t.speakers), t.section.number, t.section.title,
                    url_between(MAP, t.src_uri, use_directory_urls))
            for t in self.corpus.talks
        ]
        titles = {key: title(self.corpus, key) for key in self.corpus.bib.keys}
        return GeneratedHtml(self._render_html("summit-map", map=layout(talks, self.relations, titles)))

    def glossary_page(self) -> str:
        return self._render("glossary-page", count=sum(1 for e in self.glossary if not e.plural_of))

    def glossary_listing(self, use_directory_urls: bool = True) -> GeneratedHtml:
        entries = self.glossary
        used = glossary.usage({t.src_uri: self.corpus.pages[t.src_uri].body for t in self.corpus.talks}, entries)
        groups = [
            (slugify(letter) or "other", letter,
             [(item, [(t, url_between(GLOSSARY, t.src_uri, use_directory_urls))
                      for t in map(self.corpus.talk_at, item.used_in) if t is not None])
              for item in listed])
            for letter, listed in glossary.alphabetical(entries, used)
        ]
        html = self._render_html("glossary-listing", groups=groups,
                                 runs=self._glosser.runs)
        return GeneratedHtml(html, tuple((anchor, letter) for anchor, letter, _ in groups))

    def papers_page(self) -> str:
        return self._render("papers-page", total=len(self.corpus.bib.keys))

    def papers_listing(self, use_directory_urls: bool = True) -> GeneratedHtml:
        kind_of = kinds(self.corpus)
        groups = []
        for kind, heading in KINDS:
            keys = sorted((k for k in self.corpus.bib.keys if kind_of[k] == kind),
                          key=lambda k: (first_author(self.corpus, k).lower(), year(self.corpus, k), k))
            works = [(key, self.reference_text(key),
                      [(t, url_between(PAPERS, t.src_uri, use_directory_urls))
                       for t in map(self.corpus.talk_at, self.corpus.cited_by.get(key, [])) if t is not None],
                      self.corpus.bib.source(key)) for key in keys]
            if works:
                groups.append((slugify(heading), heading, works))
        return GeneratedHtml(self._render_html("papers-listing", groups=groups),
                             tuple((anchor, heading) for anchor, heading, _ in groups))
