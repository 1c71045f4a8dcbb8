"""summit.text.latex_text decodes the commonest LaTeX (dashes, accents, a few symbols) itself and
leaves the rest to latexcodec, through pybtex's Text.from_latex: the two must agree exactly,
braces (case protection) included, on references.bib and on forms it does not use yet."""

from __future__ import annotations

from pathlib import Path

import pytest
from pybtex.database import parse_file
from pybtex.markup import LaTeXParser
from pybtex.richtext import Text

from summit.text import NEEDS_DECODING, latex_text, plain

ROOT = Path(__file__).resolve().parents[2]
FORMS = [
    r"Baudi{\v{s}}", r"{\v{S}}ediv{\'y}", r"Mart{\'\i}n", r"{Ag{\"u}era y Arcas}", r"{RE}{\textbullet}{WORK}",
    r"social\_rl/adversarial\_env", r"\'e\`a\^o\~n\=a\.z\"o", r"\u{a}\r{a}\H{o}\v{c}\c{c}\k{a}",
    r"\d{a}\b{a}", r"\'{\i}", r"\'\i x", r"\'\i", r"\ss x", r"50\% off", r"A \& B", r"\textbullet x",
    r"\textbulletx", r"1--2 and 3---4", r"\'E\'{E}", r"\v s", r"x~y", r"\$5", r"{\"O}zg{\"u}r",
    r"\c c", r"``quoted''", r"a ``b'' c'd", r"```x'''", r"''", r"\emph{x}", r"{\o}ksendal", r"Ren{\'e}e--Jones",
]


def references_bib_text() -> list[str]:
    data = parse_file(ROOT / "references.bib")
    texts = []
    for entry in data.entries.values():
        texts += entry.fields.values()
        for person in (p for people in entry.persons.values() for p in people):
            texts += person.first_names + person.middle_names + person.prelast_names
            texts += person.last_names + person.lineage_names
    return texts


@pytest.mark.parametrize("latex", FORMS)
def test_decodes_as_latexcodec_does(latex):
    assert repr(latex_text(latex)) == repr(Text.from_latex(latex))


def test_every_field_and_name_of_references_bib_decodes_as_latexcodec_does():
    texts = references_bib_text()
    differ = [t for t in texts if repr(latex_text(t)) != repr(Text.from_latex(t))]
    assert len(texts) > 1000 and not differ, differ


def test_plain_drops_braces_as_pybtex_reads_them():
    """text.plain skips pybtex's LaTeX parser for text whose only markup is braces."""
    texts = references_bib_text() + ["{TriviaQA}: {A} {{Nested}} Set", "{}", "a{b}c"]
    braced = [t for t in texts if "{" in t and "\\" not in t and not NEEDS_DECODING.search(t)]
    assert len(braced) > 20
    differ = [t for t in braced if plain(t) != str(LaTeXParser(t).parse())]
    assert not differ, differ
