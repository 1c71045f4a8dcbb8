"""What the tests know about the site, read through the same core the build uses."""

from __future__ import annotations

import datetime
from functools import lru_cache
from pathlib import Path

from bs4 import BeautifulSoup

from builds import ROOT
from summit import corpus as corpus_loader

SECTION_FOLDERS = [
    "enterprise-ai",
    "ethics-and-social-responsibility",
    "deep-learning-landscape",
    "generative-models",
    "reinforcement-learning",
]


@lru_cache
def corpus():
    # The edition date does not matter to what the tests read from the corpus.
    return corpus_loader.load(ROOT / "docs", ROOT / "references.bib", ROOT / "tags.yml", datetime.date(2021, 1, 1))


def sections():
    return corpus().sections


def talks():
    return corpus().talks


def bib():
    return corpus().bib


def page_url(src_uri: str) -> str:
    """The site-relative URL MkDocs gives a page with directory URLs: a/b.md -> a/b/, a/index.md -> a/."""
    stem = src_uri.removesuffix(".md")
    return stem.removesuffix("index") if stem == "index" or stem.endswith("/index") else stem + "/"


def page_path(site: Path, src_uri: str) -> Path:
    return site / page_url(src_uri) / "index.html"


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def article(path: Path):
    return soup(path).select_one("article.md-content__inner")
