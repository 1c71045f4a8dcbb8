"""Slide figures: one `<!-- md:slide N -->` line becomes a numbered, credited, cited figure.

The image's alt text is the drawing's own <desc> and the credit comes from the talk's front
matter, so neither is typed twice.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from mkdocs.exceptions import PluginError

from .render import SUMMIT, rel
from .talks import Talk

SVG = "{http://www.w3.org/2000/svg}"
SLIDES_DIR = "assets/slides"


def slide_src(talk: Talk, number: int) -> str:
    return f"{SLIDES_DIR}/{talk.slug}-{number}.svg"


def read_svg(path: Path, where: str) -> dict[str, str]:
    try:
        root = ET.parse(path).getroot()
    except FileNotFoundError:
        raise PluginError(f"{where}: slide image docs/{SLIDES_DIR}/{path.name} does not exist") from None
    except ET.ParseError as error:
        raise PluginError(f"{where}: slide image {path.name} is not valid SVG ({error})") from None
    title = (root.findtext(f"{SVG}title") or "").strip()
    desc = " ".join((root.findtext(f"{SVG}desc") or "").split())
    if not title or not desc:
        raise PluginError(f"{where}: slide image {path.name} needs a <title> and a <desc> (its alt text)")
    return {"title": title, "desc": desc, "width": root.get("width", "1280"), "height": root.get("height", "720")}


def figure(talk: Talk, number: int, docs_dir: Path, where: str) -> str:
    src = slide_src(talk, number)
    svg = read_svg(docs_dir / src, where)
    alt = svg["desc"].replace("[", "(").replace("]", ")").replace('"', "'")
    href = rel(talk.src_uri, src)
    credit = f"{talk.speaker_names}. *{talk.title}*. {SUMMIT}, 2021."
    return "\n".join(
        [
            f'<figure class="slide" id="slide-{number}" markdown>',
            "",
            f'[![{alt}]({href}){{ width="{svg["width"]}" height="{svg["height"]}" loading="lazy" decoding="async" }}]'
            f'({href}){{ .slide__link title="Enlarge slide {number}: {svg["title"]}" }}',
            "",
            "<figcaption markdown>",
            "",
            f"**Slide {number}:** {svg['title']}. {credit} [@{talk.bib_key}]",
            "",
            "</figcaption>",
            "</figure>",
            "",
        ]
    )
