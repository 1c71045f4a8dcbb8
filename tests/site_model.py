"""What the tests know about the site, read from the same sources the build uses."""

from __future__ import annotations

import sys
from functools import lru_cache
from pathlib import Path

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))

from notes import bib as bibliography  # noqa: E402
from notes import talks as talk_model  # noqa: E402

SECTION_FOLDERS = [
    "enterprise-ai",
    "ethics-and-social-responsibility",
    "deep-learning-landscape",
    "generative-models",
    "reinforcement-learning",
]


@lru_cache
def sections():
    return talk_model.load(ROOT / "docs")


def talks():
    return talk_model.all_talks(sections())


@lru_cache
def bib():
    return bibliography.load(ROOT / "references.bib")


def page_path(site: Path, src_uri: str) -> Path:
    stem = src_uri[: -len(".md")]
    if stem.endswith("index"):
        return site / stem[: -len("index")] / "index.html"
    return site / stem / "index.html"


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def article(path: Path):
    return soup(path).select_one("article.md-content__inner")
