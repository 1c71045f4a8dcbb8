"""Works in references.bib as the Papers page groups and orders them: by kind, then by first author."""

from __future__ import annotations

from summit.corpus import Corpus
from summit.sources.bibliography import TALK_PREFIX, plain

KINDS = (
    ("paper", "Papers"),
    ("book", "Books"),
    ("code", "Code"),
    ("demo", "Demos"),
    ("article", "Articles, blog posts and web pages"),
    ("talk", "The talks"),
)
# A paper's entry types, each with the CSL type references.json gives it (publish/exports.py).
PAPER_TYPES = {"inproceedings": "paper-conference", "article": "article-journal", "incollection": "chapter",
               "phdthesis": "thesis", "techreport": "report"}


def kinds(corpus: Corpus) -> dict[str, str]:
    """Each key's kind: a talk, what talks link as demo or code, or what its entry says it is."""
    demos = {t.links.get("demo") for t in corpus.talks}
    codes = {t.links.get("code") for t in corpus.talks}
    out = {}
    for key in corpus.bib.keys:
        fields, entry_type = corpus.bib.fields(key), corpus.bib.entry(key).type
        if key.startswith(TALK_PREFIX):
            out[key] = "talk"
        elif key in demos:
            out[key] = "demo"
        elif key in codes or "github.com/" in fields.get("url", ""):
            out[key] = "code"
        elif entry_type == "book":
            out[key] = "book"
        elif entry_type in PAPER_TYPES or "eprint" in fields:
            out[key] = "paper"
        else:
            out[key] = "article"
    return out


def first_author(corpus: Corpus, key: str) -> str:
    persons = corpus.bib.authors(key)
    return plain(" ".join(persons[0].last_names)) if persons else plain(corpus.bib.fields(key)["title"])

