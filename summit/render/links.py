"""Links between pages in HTML that MkDocs does not rewrite: the URLs MkDocs gives the pages."""

from __future__ import annotations

import posixpath
from typing import NamedTuple


def page_url(src_uri: str, use_directory_urls: bool = True) -> str:
    """The site-relative URL MkDocs gives a page: a/b.md → a/b/ (or a/b.html); a/index.md → a/
    (or a/index.html: opened from disk, a folder's URL shows the folder, not its page)."""
    stem = src_uri[: -len(".md")]
    if not use_directory_urls:
        return stem + ".html"
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def _folder(src_uri: str, use_directory_urls: bool) -> str:
    """The folder of a page's URL, which its relative links start from ("." for the root)."""
    here = page_url(src_uri, use_directory_urls)
    return (here if here.endswith("/") else posixpath.dirname(here)) or "."


def url_between(from_src: str, to_src: str, use_directory_urls: bool = True) -> str:
    """The href from one page's URL to another's, for raw HTML that MkDocs does not rewrite."""
    there = page_url(to_src, use_directory_urls)
    target = _relative(there or ".", _folder(from_src, use_directory_urls))
    return target + ("/" if there.endswith("/") and not target.endswith("/") else "")


def file_url_between(from_src: str, to_path: str, use_directory_urls: bool = True) -> str:
    """The href from one page's URL to a file of docs/ (a slide drawing), for raw HTML."""
    return _relative(to_path, _folder(from_src, use_directory_urls))


def _relative(path: str, start: str) -> str:
    """A site-relative path as seen from the folder start (both relative to the site's root)."""
    return posixpath.relpath("/" + path, "/" + start)


class PageRef(NamedTuple):
    """The page a placeholder is resolved on."""

    src_uri: str
    url: str  # its public address, or "" when the build has no public site_url
    use_directory_urls: bool = True

    def link(self, src_uri: str) -> str:
        """A relative link from this page to another page or file of docs/."""
        return url_between(self.src_uri, src_uri, self.use_directory_urls)

    def file_link(self, path: str) -> str:
        """A relative link from this page to a file of docs/ (a slide drawing)."""
        return file_url_between(self.src_uri, path, self.use_directory_urls)
