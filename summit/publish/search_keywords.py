"""Extra spellings of a talk's words for the search index's boosted "keywords" field.

Lunr (inside Material's search) matches a query word only against the tokens it indexed and
does not fold accents, so a reader who types "Telecom" or "Loreal" finds nothing unless the
index also holds those spellings ("Télécom" → "Telecom"; "L'Oréal" → "L'Oreal", "LOreal",
"Oreal").

Typos and joined or split compounds ("zeroshot" for "zero-shot") are not handled here: the
search worker corrects them against the index itself (docs/assets/javascripts/
search-typos-worker.js). Joined compounds as keywords were tried: boosted forms such as
"ailearned" (from "AI-learned") outranked the right talk for prefix queries ("Facebook AI
Research").
"""

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
    and without a French elision (L'Oréal → L'Oreal, LOreal, Oreal). Nothing for a plain word.
    Only the accents are folded: a typographic apostrophe stays (L’Oréal → L’Oreal), so the
    elision rule still sees it."""
    folded = "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))
    if folded == word:
        return []
    return list(dict.fromkeys([folded, APOSTROPHE.sub("", folded), ELISION.sub("", folded)]))


def extra_forms(text: str) -> list[str]:
    """Every spelling of text's words that the index would otherwise lack, once each, in text
    order (once: a talk's keywords say what it is about, not how often)."""
    if text.isascii():  # most pages: nothing to fold
        return []
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
