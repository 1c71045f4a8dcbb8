"""The theme's templates, as the views below use them: render a template under overrides/ with
the summit's name and date."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from jinja2 import Environment

from summit.event import SUMMIT, SUMMIT_DATE, SUMMIT_YEAR


@dataclass(eq=False)  # one per build: equal only to itself
class Templates:
    source: Environment  # or anything that hands out templates by name (get_template)

    def render(self, name: str, **context: Any) -> str:
        """A template under overrides/, with the summit's name and date."""
        return self.source.get_template(name).render(
            summit=SUMMIT, summit_date=SUMMIT_DATE, summit_year=SUMMIT_YEAR, **context)
