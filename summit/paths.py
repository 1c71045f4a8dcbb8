"""Links between pages, written as Markdown link targets that MkDocs resolves and checks."""

from __future__ import annotations

import posixpath


def rel(from_src: str, to_src: str) -> str:
    """A link target from one page's source (e.g. a/b.md) to another's, as MkDocs resolves it."""
    return posixpath.relpath(to_src, posixpath.dirname(from_src) or ".")


def page_url(src_uri: str, use_directory_urls: bool = True) -> str:
    """The site-relative URL MkDocs gives a page: a/b.md → a/b/ (or a/b.html); a/index.md → a/."""
    stem = src_uri[: -len(".md")]
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + ("/" if use_directory_urls else ".html")
