"""What each template under overrides/ is given, by the pages it serves: a talk page
(talk_page.py), the lists an author places (listings.py), the generated browse pages
(browse_pages.py). The templates hold the markup; these choose the facts."""

from __future__ import annotations

from collections.abc import Callable

from jinja2 import Environment

from summit.corpus import Corpus
from summit.render.browse_pages import BrowsePages
from summit.render.listings import Listings
from summit.render.talk_page import TalkPage
from summit.render.templates import Templates
from summit.sources.glossary import Entry


class Views:
    def __init__(self, corpus: Corpus, source: Environment, glossary: list[Entry],
                 tag_anchor: Callable[[str], str]) -> None:
        self.templates = Templates(source)
        self.talk = TalkPage(corpus, self.templates)
        self.listings = Listings(corpus, self.templates, tag_anchor)
        self.browse = BrowsePages(corpus, self.templates, self.talk, glossary)
