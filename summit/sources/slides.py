"""Slide drawings: docs/assets/slides/<talk>-<n>.svg, described by their own <title> and <desc>.

The figure's alt text is the drawing's <desc> and its credit comes from the talk's front
matter, so neither is typed twice.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from typing import NamedTuple

from summit.errors import SourceError
from summit.sources.talks import Talk

SVG = "{http://www.w3.org/2000/svg}"
SLIDES_DIR = "assets/slides"


class Slide(NamedTuple):
    number: int
    src: str  # relative to docs/
    title: str
    desc: str  # the alt text
    width: str
    height: str


def read_slide(docs_dir: Path, talk: Talk, number: int, where: str) -> Slide:
    src = f"{SLIDES_DIR}/{talk.slug}-{number}.svg"
    path = docs_dir / src
    try:
        root = ET.parse(path).getroot()
    except FileNotFoundError:
        raise SourceError(f"{where}: slide image docs/{src} does not exist") from None
    except ET.ParseError as error:
        raise SourceError(f"{where}: slide image {path.name} is not valid SVG ({error})") from None
    title = (root.findtext(f"{SVG}title") or "").strip()
    desc = " ".join((root.findtext(f"{SVG}desc") or "").split())
    if not title or not desc:
        raise SourceError(f"{where}: slide image {path.name} needs a <title> and a <desc> (its alt text)")
    return Slide(number, src, title, desc, root.get("width", "1280"), root.get("height", "720"))
