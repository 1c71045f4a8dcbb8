"""The browse pages the build generates (hooks/pipeline.py, on_files), which other pages link
to, and the page a placeholder is resolved on."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

SPEAKERS = "speakers.md"
PAPERS = "papers.md"
MAP = "map.md"
GLOSSARY = "glossary.md"


class PageRef(NamedTuple):
    src_uri: str
    url: str  # its public address, or "" when the build has no public site_url
    # A relative link from this page to a file of docs/ (a page or an asset), for raw HTML,
    # which MkDocs does not rewrite: the adapter gives MkDocs' own (File.url_relative_to).
    link: Callable[[str], str]
