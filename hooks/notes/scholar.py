"""How to cite a talk's notes, and the Highwire (Google Scholar) metadata of its page."""

from __future__ import annotations

import datetime

from . import state
from .export import plain
from .render import SUMMIT
from .talks import Talk


def _reference_meta(key: str) -> str:
    """One cited work as a Highwire citation_reference value."""
    entry = state.bib.entry(key)
    fields = entry.fields
    parts = [f"citation_title={plain(fields['title'])}"]
    for person in entry.persons.get("author", []):
        given = " ".join(person.first_names + person.middle_names)
        family = " ".join(person.prelast_names + person.last_names)
        parts.append(f"citation_author={plain(family)}, {plain(given)}".rstrip(", "))
    if "year" in fields:
        parts.append(f"citation_publication_date={fields['year']}")
    container = fields.get("journal") or fields.get("booktitle")
    if container:
        name = "citation_journal_title" if "journal" in fields else "citation_conference_title"
        parts.append(f"{name}={plain(container)}")
    if "doi" in fields:
        parts.append(f"citation_doi={fields['doi']}")
    if "eprint" in fields:
        parts.append(f"citation_arxiv_id={fields['eprint']}")
    if "url" in fields:
        parts.append(f"citation_public_url={fields['url']}")
    return "; ".join(p.replace(";", ",") if not p.startswith("citation_") else p for p in parts)


def meta(talk: Talk) -> dict:
    return {
        "title": talk.title,
        "authors": [s.name for s in talk.speakers],
        "date": "2021/01",
        "conference": SUMMIT,
        "references": [_reference_meta(k) for k in state.cites.get(talk.src_uri, []) if k != talk.bib_key],
    }


def cite_these_notes(talk: Talk, url: str) -> str:
    year = datetime.date.today().year
    speakers = talk.speaker_names
    text = (
        f'Summit Notes ({year}). "Notes on *{talk.title}*", a talk by {speakers} at the '
        f"{SUMMIT}, January 2021. <{url}>"
    )
    bibtex = "\n".join([
        f"@misc{{summit-notes-{talk.slug},",
        f"  author = {{{{Summit Notes}}}},",
        f"  title = {{Notes on ``{talk.title}''}},",
        f"  howpublished = {{Talk by {speakers} at the {SUMMIT}, January 2021}},",
        f"  year = {{{year}}},",
        f"  url = {{{url}}}",
        "}",
    ])
    return "\n".join([
        "## Cite these notes",
        "",
        text,
        "{ .cite-notes }",
        "",
        '<div class="cite-notes__bibtex" data-search-exclude markdown>',
        "",
        "```bibtex",
        bibtex,
        "```",
        "",
        "</div>",
        "",
    ])
