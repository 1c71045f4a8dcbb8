"""The theme's templates, as the views below use them: render a template under overrides/ with
the summit's name and date, and the glossary's tooltips for text that Markdown does not see."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from html import escape
from typing import Any

from jinja2 import Environment

from summit.event import SUMMIT, SUMMIT_DATE, SUMMIT_YEAR
from summit.sources.glossary import Entry, Glosser


@dataclass(eq=False)  # one per build: equal only to itself
class Templates:
    source: Environment  # or anything that hands out templates by name (get_template)
    glossary: list[Entry]

    def render(self, name: str, **context: Any) -> str:
        """A template under overrides/, with the summit's name and date."""
        return self.source.get_template(name).render(
            summit=SUMMIT, summit_date=SUMMIT_DATE, summit_year=SUMMIT_YEAR, **context)

    @cached_property
    def glosser(self) -> Glosser:
        return Glosser(self.glossary)

    def glossed(self, text: str, seen: dict[str, bool]) -> str:
        """Plain text as HTML, each glossary term in it with its tooltip, as the abbr extension
        would give it on a Markdown page: the partials' "glossed" filter. A partial passes one
        seen dict (`{% set seen = {} %}`, then `| glossed(seen)`) to all its calls so that, as
        on a Markdown page (summit/markdown_ext/abbr_scope.py), only the first use of a term
        in its block is explained; the rest are plain text."""
        if not self.glosser.pattern.search(text):
            return escape(text, quote=False)
        runs = []
        for run, entry in self.glosser.runs(text):
            term = entry and (entry.plural_of or entry.term)
            if term in seen:
                entry = None
            elif term:
                seen[term] = True
            runs.append((run, entry))
        return self.render("partials/glossed-text.html", runs=runs)
