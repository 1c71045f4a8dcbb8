"""The Highwire (Google Scholar) metadata of a talk's page, as data for overrides/main.html."""

from __future__ import annotations

from summit.corpus import Corpus
from summit.event import HIGHWIRE_DATE, SUMMIT
from summit.sources.talks import Talk
from summit.sources.bibliography import family, given, plain


def reference_meta(corpus: Corpus, key: str) -> str:
    """One cited work as a Highwire citation_reference value."""
    fields = corpus.bib.fields(key)
    parts = [f"citation_title={plain(fields['title'])}"]
    for person in corpus.bib.authors(key):
        parts.append(f"citation_author={family(person)}, {given(person)}".rstrip(", "))
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
    return "; ".join(parts)


def meta(corpus: Corpus, talk: Talk) -> dict:
    return {
        "title": talk.title,
        "authors": [s.name for s in talk.speakers],
        "date": HIGHWIRE_DATE,
        "conference": SUMMIT,
        "references": [reference_meta(corpus, k) for k in corpus.cited_works(talk)],
    }
