"""What one build knows: the bibliography, the talks, and who cites what."""

from __future__ import annotations

from collections import defaultdict

from .bib import Bibliography
from .talks import Section

from pathlib import Path

bib: Bibliography | None = None
docs_dir: Path = Path("docs")
sections: list[Section] = []
# bib key -> src_uris of pages citing it, in page order; filled during on_page_markdown
cited_by: dict[str, list[str]] = defaultdict(list)
# src_uri -> cited keys, in order of first citation
cites: dict[str, list[str]] = {}


def talk_at(src_uri: str):
    """The talk whose page is src_uri, or None for any other page."""
    return next((t for s in sections for t in s.talks if t.src_uri == src_uri), None)


def reset() -> None:
    cited_by.clear()
    cites.clear()
