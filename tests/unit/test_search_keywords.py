"""Accent-free spellings for the search keywords field (lunr does not fold accents)."""

from __future__ import annotations

from summit.search_keywords import accent_free_variants


def test_elisions_and_accents_get_plain_spellings():
    assert accent_free_variants("L'Oréal and Fréchet") == ["L'Oreal", "LOreal", "Oreal", "Frechet"]


def test_plain_words_add_nothing():
    assert accent_free_variants("Stanley and Lehman") == []
