"""summit/publish/search_keywords.py: the extra spellings the keywords field gives the search index."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from summit.publish.search_keywords import accent_free_forms, extra_forms, talk_keywords
from summit.sources.talks import Speaker, Talk


@pytest.mark.parametrize("word, forms", [
    ("L'Oréal", ["L'Oreal", "LOreal", "Oreal"]),
    ("L’Oréal", ["L’Oreal", "LOreal", "Oreal"]),
    ("Télécom", ["Telecom"]),
    ("Fréchet", ["Frechet"]),
    ("Telecom", []),          # nothing to fold: no form
    ("d'Alembert", []),
])
def test_accent_free_forms(word, forms):
    assert accent_free_forms(word) == forms


def test_extra_forms_once_each_in_text_order():
    text = "Fréchet at L'Oréal, Télécom Paris; Fréchet again at L’Oréal, zero-shot"
    assert extra_forms(text) == ["Frechet", "L'Oreal", "LOreal", "Oreal", "Telecom", "L’Oreal"]


def keywords(speaker: Speaker, title: str, body: str, recap_title: str = "") -> str:
    talk = Talk("s/t.md", title, "1.1", [speaker], "A summary.", [], {}, recap_title)
    return talk_keywords(SimpleNamespace(pages={"s/t.md": SimpleNamespace(body=body)}), talk)


def test_keywords_keep_the_facts_first_and_add_forms_of_facts_and_page():
    field = keywords(Speaker("Junde Li", "Penn State"), "GANs", "the Fréchet distance")
    assert field == "Junde Li Penn State GANs A summary. Frechet"
    field = keywords(Speaker("Robin Kips", "L'Oréal"), "Makeup", "", recap_title="Virtual try-on")
    assert field == "Robin Kips L'Oréal Makeup Virtual try-on A summary. L'Oreal LOreal Oreal"
