"""What each template under overrides/ is given, by the pages it serves: a talk page
(talk_page.py), the lists an author places (listings.py), the generated browse pages
(browse_pages.py). The templates hold the markup; these choose the facts."""

from __future__ import annotations

from collections.abc import Callable

from jinja2 import Environment

from summit.corpus import Corpus
from summit.event import SUMMIT, SUMMIT_DATE, SUMMIT_YEAR
from summit.render.browse_pages import BrowsePages
from summit.render.listings import Listings
from summit.render.talk_page import TalkPage
from summit.sources.glossary import Entry


def renderer(templates: Environment) -> Callable[..., str]:
    """render(name, **context): the template under overrides/ with that name, which also sees the
    summit's name and date (Jinja globals: templates is an environment for the notes alone)."""
    templates.globals.update(summit=SUMMIT, summit_date=SUMMIT_DATE, summit_year=SUMMIT_YEAR)
    return lambda name, **context: templates.get_template(name).render(**context)


class Views:
    def __init__(self, corpus: Corpus, templates: Environment, glossary: list[Entry],
                 tag_anchor: Callable[[str], str]) -> None:
        render = renderer(templates)
        self.talk = TalkPage(corpus, render)
        self.listings = Listings(corpus, render, tag_anchor)
        self.browse = BrowsePages(corpus, render, self.talk, glossary)
