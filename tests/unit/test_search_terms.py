"""summit.search_terms: the extra spellings the keywords field gives the search index."""

from __future__ import annotations

import pytest

from summit.publish.search_keywords import (  # noqa: E402
    accent_free_forms,
    extra_forms,
    fold_accents,
    keywords_field,
)


@pytest.mark.parametrize("text, folded", [
    ("Télécom Paris", "Telecom Paris"),
    ("Fréchet", "Frechet"),
    ("L’Oréal", "L’Oreal"),
    ("plain", "plain"),
])
def test_fold_accents(text, folded):
    assert fold_accents(text) == folded


@pytest.mark.parametrize("word, forms", [
    ("L'Oréal", ["L'Oreal", "LOreal", "Oreal"]),
    ("L’Oréal", ["L’Oreal", "LOreal", "Oreal"]),
    ("Télécom", ["Telecom"]),
    ("Telecom", []),          # nothing to fold: no form
    ("d'Alembert", []),
])
def test_accent_free_forms(word, forms):
    assert accent_free_forms(word) == forms


def test_extra_forms_once_each_in_text_order():
    text = "Fréchet at L'Oréal, Télécom Paris; Fréchet again at L’Oréal, zero-shot"
    assert extra_forms(text) == ["Frechet", "L'Oreal", "LOreal", "Oreal", "Telecom", "L’Oreal"]


def test_keywords_field_keeps_the_facts_first_and_adds_forms_of_facts_and_page():
    field = keywords_field("Junde Li Penn State", "the Fréchet distance")
    assert field == "Junde Li Penn State Frechet"
    assert keywords_field("Robin Kips L'Oréal", "") == "Robin Kips L'Oréal L'Oreal LOreal Oreal"
