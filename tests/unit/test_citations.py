"""The citation rules: what a page cites, and each citation mkdocs-bibtex would mangle."""

from __future__ import annotations

import pytest

from summit.sources.citations import page_keys
from summit.errors import SourceError

KNOWN = {"choi2020fairgen", "raji2019actionable", "shared-work"}


def cited_keys(*args, **kwargs) -> list[str]:
    return page_keys(*args, **kwargs)[0]


def work_links(*args, **kwargs) -> list[str]:
    return page_keys(*args, **kwargs)[1]


def test_keys_in_order_of_first_citation():
    text = "A [@raji2019actionable]. B [@choi2020fairgen; @raji2019actionable]. C [@shared-work]."
    assert cited_keys(text, "p.md", KNOWN) == ["raji2019actionable", "choi2020fairgen", "shared-work"]


def test_unknown_key_names_page_line_and_closest_keys():
    with pytest.raises(SourceError, match=r"^p\.md:12: unknown citation key 'choi2020fairgn' \(closest known: choi2020fairgen\)$"):
        cited_keys("line 1\n\nclaim [@choi2020fairgn]", "p.md", KNOWN, line_offset=9)


@pytest.mark.parametrize("text", ["Use `[@shared-work]` here.", "Use ``a ` [@shared-work]`` here.",
                                  "```\n[@shared-work]\n```\n", "~~~~ python\n[@shared-work]\n~~~~\n"])
def test_citation_inside_code_fails(text):
    with pytest.raises(SourceError, match=r"citation \[@shared-work\] is inside code"):
        cited_keys(text, "p.md", KNOWN)


def test_key_cut_at_a_dot_is_unknown():
    with pytest.raises(SourceError, match=r"unknown citation key 'choi\.2020'"):
        cited_keys("See [@choi.2020].", "p.md", KNOWN)


def test_comments_and_footnote_markers_are_not_citations():
    assert cited_keys("<!-- [@nope] -->\nA regular expression, `[^a-z]+`, and [^x] as text.", "p.md", KNOWN) == []


def test_a_footnote_of_the_pages_own_fails_with_its_line():
    with pytest.raises(SourceError, match=r"^p\.md:4: footnote \[\^1\]: a page's footnotes are its references"):
        cited_keys("A note[^1].\n\nMore.\n[^1]: Text.", "p.md", KNOWN)
    with pytest.raises(SourceError, match=r"^p\.md:13: footnote \[\^n\]"):  # in a list item, with the front matter's lines
        cited_keys("- A[^n].\n\n    [^n]: Text.", "p.md", KNOWN, line_offset=10)
    assert cited_keys("```\n[^1]: a footnote, shown as code\n```\n", "p.md", KNOWN) == []


def test_reserved_footnote_prefix_fails():
    with pytest.raises(SourceError, match=r"footnote \[\^ref-x\] uses the 'ref-' prefix"):
        cited_keys("A note[^ref-x].", "p.md", KNOWN)
    with pytest.raises(SourceError, match=r"footnote \[\^ref-x\] uses the 'ref-' prefix"):
        cited_keys("Code: `[^ref-x]`.", "p.md", KNOWN)


def test_a_link_to_a_work_names_a_known_key():
    known = ["dennis2020paired", "paired-code"]
    text = "- [The paper][dennis2020paired] [@dennis2020paired]\n- [Code][paired-code], [again][dennis2020paired]\n"
    assert work_links(text, "docs/x.md", known) == ["dennis2020paired", "paired-code"]
    assert work_links("`[a][nosuchkey]` in code\n", "docs/x.md", known) == []
    with pytest.raises(SourceError, match=r"^docs/x\.md:12: link to work \[…\]\[paired-cod\] names no "
                                          r"references\.bib entry \(closest known: paired-code"):
        work_links("text\n[Code][paired-cod]\n", "docs/x.md", known, line_offset=10)
