"""Links between pages in HTML that MkDocs does not rewrite: the URLs MkDocs gives the pages."""

from __future__ import annotations

import posixpath
from typing import NamedTuple

# The browse pages the build generates (hooks/pipeline.py, on_files), which other pages link to.
SPEAKERS = "speakers.md"
PAPERS = "papers.md"
MAP = "map.md"
GLOSSARY = "glossary.md"


def page_url(src_uri: str, use_directory_urls: bool = True) -> str:
    """The site-relative URL MkDocs gives a page: a/b.md → a/b/ (or a/b.html); a/index.md → a/
    (or a/index.html: opened from disk, a folder's URL shows the folder, not its page)."""
    stem = src_uri[: -len(".md")]
    if not use_directory_urls:
        return stem + ".html"
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


class PageRef(NamedTuple):
    """The page a placeholder is resolved on."""

    src_uri: str
    url: str  # its public address, or "" when the build has no public site_url
    use_directory_urls: bool = True

    def link(self, src_uri: str) -> str:
        """A relative link from this page to another page of docs/, for raw HTML."""
        there = page_url(src_uri, self.use_directory_urls)
        target = self.file_link(there)
        return target + ("/" if there.endswith("/") and not target.endswith("/") else "")

    def file_link(self, path: str) -> str:
        """A relative link from this page to a file of docs/ (a slide drawing), for raw HTML:
        from the folder of the page's URL, both taken from the site's root."""
        here = page_url(self.src_uri, self.use_directory_urls)
        folder = here if here.endswith("/") else posixpath.dirname(here)
        return posixpath.relpath("/" + path, "/" + folder)
