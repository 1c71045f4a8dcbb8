"""A boosted "keywords" search field for each talk: its speakers, affiliations and summary,
plus accent-free spellings of its words (L'Oréal → L'Oreal, Loreal, Oreal).

Lunr does not fold accents, and a short name like "Li" is otherwise drowned by longer words it
prefixes ("LinkedIn").
"""

from __future__ import annotations

import re

from .corpus import Corpus
from .talks import Talk
from .text import ascii_fold

WORD = re.compile(r"[\w'’]+", re.UNICODE)


def accent_free_variants(text: str) -> list[str]:
    out = []
    for word in WORD.findall(text):
        folded = ascii_fold(word)
        if folded != word:
            bare = re.sub(r"['’]", "", folded)
            elided = re.sub(r"^[dDlL]['’]", "", folded)
            out += [folded, bare, elided]
    return list(dict.fromkeys(out))


def keywords(corpus: Corpus, talk: Talk) -> str:
    facts = [s.name for s in talk.speakers] + [s.affiliation for s in talk.speakers]
    text = " ".join(facts + [talk.title, talk.description])
    body = corpus.pages[talk.src_uri].body
    return " ".join([text] + accent_free_variants(text + " " + body))
