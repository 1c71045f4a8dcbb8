"""Machine-readable copies of the notes: talks.json and references.json (CSL-JSON), and the
BibTeX entries the pages' BibTeX controls show and copy (bibtex-entries.js)."""

from __future__ import annotations

import json
import re

from summit.corpus import Corpus
from summit.derived import works
from summit.event import SUMMIT
from summit.sources.bibliography import family, given, plain

# A work's CSL type follows its kind on the Papers page (derived/works.py); a paper's follows its
# entry type (works.PAPER_TYPES), and a paper of another entry type (an arXiv preprint as @misc)
# is an "article".
KIND_TYPES = {"talk": "speech", "book": "book", "code": "software", "demo": "webpage", "article": "webpage"}
MONTHS = "jan feb mar apr may jun jul aug sep oct nov dec".split()


def talks_json(corpus: Corpus, url_of: dict[str, str]) -> str:
    """url_of: src_uri -> the page's absolute URL."""
    talks = [{
        "number": talk.number,
        "title": talk.title,
        "section": talk.section.title,
        "speakers": [s.name for s in talk.speakers],
        "affiliations": [s.affiliation for s in talk.speakers],
        "tags": talk.tags,
        "description": talk.description,
        "url": url_of[talk.src_uri],
        "cited_keys": corpus.cited_works(talk),
        "talk_key": talk.bib_key,
    } for talk in corpus.talks]
    return '{"summit": ' + _json(SUMMIT) + ', "talks": ' + _json_lines(talks) + "}\n"


def csl_item(corpus: Corpus, key: str, kind: str) -> dict:
    fields = corpus.bib.fields(key)
    csl_type = KIND_TYPES.get(kind) or works.PAPER_TYPES.get(corpus.bib.entry(key).type, "article")
    item: dict = {"id": key, "type": csl_type, "title": plain(fields["title"])}
    authors = [
        {"family": family(p), "given": given(p)}
        for p in corpus.bib.authors(key)
    ]
    if authors:
        item["author"] = authors
    if "year" in fields:
        parts = [int(fields["year"])]
        month = fields.get("month", "").lower()[:3]
        if month in MONTHS:
            parts.append(MONTHS.index(month) + 1)
        item["issued"] = {"date-parts": [parts]}
    container = fields.get("booktitle") or fields.get("journal") or fields.get("howpublished")
    if container:
        item["container-title"] = plain(container)
    for bib_field, csl_field in (("publisher", "publisher"), ("volume", "volume"), ("number", "issue"),
                                 ("doi", "DOI"), ("note", "note")):
        if bib_field in fields:
            item[csl_field] = plain(fields[bib_field])
    if "pages" in fields:
        item["page"] = re.sub(r"-+", "-", fields["pages"])
    if corpus.bib.links(key):  # a talk's entry has none: its page is on this site
        item["URL"] = corpus.bib.primary_link(key)
    if "eprint" in fields:
        item["number" if item["type"] == "article" else "archive_location"] = f"arXiv:{fields['eprint']}"
    return item


def references_json(corpus: Corpus) -> str:
    kinds = works.kinds(corpus)
    return _json_lines([csl_item(corpus, key, kinds[key]) for key in corpus.bib.keys]) + "\n"


def bibtex_entries_js(corpus: Corpus) -> str:
    """Every entry exactly as written in references.bib, by key, for the BibTeX controls
    (docs/assets/javascripts/bibtex.js loads it on first use, so no page carries the entries).
    A script that assigns the data rather than a JSON file: a <script> element loads from file://
    (the offline copy), where fetch() does not."""
    entries = ",\n".join(f"{_json(key)}: {_json(corpus.bib.source(key))}" for key in corpus.bib.keys)
    return "window.summitBibtex = {\n" + entries + "\n};\n"


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


def _json_lines(items: list) -> str:
    """A JSON array with one item a line: readable and diffable."""
    return "[\n" + ",\n".join(map(_json, items)) + "\n]"
