"""Extra spellings of a talk's words for the search index's boosted "keywords" field: Lunr
(inside Material's search) neither folds accents nor corrects typos, so "Telecom" finds
"Télécom" only if the index also holds it. Typos and joined or split compounds are corrected by
the search worker against the index itself (README, "How search forgives typos")."""

from __future__ import annotations

import re
import unicodedata

from summit.corpus import Corpus
from summit.sources.talks import Talk

WORD = re.compile(r"[\w'’]+")
ELISION = re.compile(r"^[dDlL]['’]")
APOSTROPHE = re.compile(r"['’]")


def accent_free_forms(word: str) -> list[str]:
    """A word with accents as a reader types it without them: folded, without its apostrophe,
    and without a French elision (L'Oréal → L'Oreal, LOreal, Oreal). Nothing for a plain word."""
    # only the accents (not names.ascii_fold): a typographic apostrophe stays for ELISION
    folded = "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))
    if folded == word:
        return []
    return list(dict.fromkeys([folded, APOSTROPHE.sub("", folded), ELISION.sub("", folded)]))


def extra_forms(text: str) -> list[str]:
    """Every spelling of text's words that the index would otherwise lack, once each, in text order."""
    words = [word for word in WORD.findall(text) if not word.isascii()]  # only these have other forms
    return list(dict.fromkeys(form for word in words for form in accent_free_forms(word)))


def talk_keywords(corpus: Corpus, talk: Talk) -> str:
    """A talk's keywords field: its speakers, affiliations, title (and the recap's heading for
    it, where that differs) and summary as written, then the extra forms of those words and of
    its page's words. A short name like "Li" is otherwise drowned by longer words it prefixes
    ("LinkedIn")."""
    facts = [s.name for s in talk.speakers] + [s.affiliation for s in talk.speakers]
    titles = [talk.title] + ([talk.recap_title] if talk.recap_title else [])
    facts_text = " ".join(facts + titles + [talk.description])
    return " ".join([facts_text] + extra_forms(facts_text + " " + corpus.pages[talk.src_uri].body))
