"""What each template under overrides/ is given, by the pages it serves: a talk page
(talk_page.py), the lists an author places (listings.py), the generated browse pages
(browse_pages.py). The templates hold the markup; these choose the facts."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from jinja2 import Environment

from summit.corpus import Corpus
from summit.render.browse_pages import BrowsePages
from summit.render.listings import Listings
from summit.render.talk_page import TalkPage
from summit.render.templates import Templates
from summit.sources.glossary import Entry


@dataclass(eq=False)  # one per build: equal only to itself
class Views:
    templates: Templates
    talk: TalkPage
    listings: Listings
    browse: BrowsePages

    @classmethod
    def of(cls, corpus: Corpus, source: Environment, glossary: list[Entry], tag_anchor: Callable[[str], str]) -> Views:
        templates = Templates(source, glossary)
        talk = TalkPage(corpus, templates)
        return cls(templates, talk, Listings(corpus, templates, tag_anchor), BrowsePages(corpus, templates, talk))
