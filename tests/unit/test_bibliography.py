"""references.bib rules: each problem is one line naming the file, the line and the entry."""

from __future__ import annotations

from pathlib import Path

import pytest

from summit.sources import bibliography
from summit.errors import SourceError

from conftest import BIB


def load_text(tmp_path: Path, text: str):
    path = tmp_path / "references.bib"
    path.write_text(text, encoding="utf-8")
    return bibliography.load(path)


def test_loads_and_indexes_authors_by_surname(tmp_path):
    bib = load_text(tmp_path, BIB)
    assert bib.by_surname["grover"] == ["choi2020fairgen"]  # talk entries are not works
    assert bib.where("raji2019actionable") == "references.bib:11"  # the "@article{" line
    assert bib.links("choi2020fairgen") == {"arxiv": "https://arxiv.org/abs/1910.12008"}
    assert bib.source("shared-work").startswith("@misc{shared-work,") and bib.source("shared-work").endswith("}")


@pytest.mark.parametrize("entry, message", [
    ("@misc{a.b,\n  title = {T},\n  url = {https://x.org}\n}", r"references\.bib:\d+: BibTeX key 'a\.b' may only use"),
    ("@misc{shared-work,\n  title = {T},\n  url = {https://x.org}\n}", r"duplicate BibTeX key 'shared-work' \(first defined at line \d+\)"),
    ("@misc{nolink,\n  title = {T}\n}", r"references\.bib:\d+: entry 'nolink' has no link field"),
    ("@misc{open,\n  title = {T,\n  url = {https://x.org}\n}", r"malformed BibTeX: unclosed brace in entry 'open'"),
    ("@misc{http,\n  title = {T},\n  url = {http://x.org}\n}", r"entry 'http' url is not https"),
    ("@article{arx,\n  title = {T},\n  eprint = {2001.00001},\n  archivePrefix = {arXiv},\n  url = {https://x.org}\n}",
     r"entry 'arx' url must be the arXiv abstract page https://arxiv\.org/abs/2001\.00001"),
    ("@article{doi,\n  title = {T},\n  doi = {https://doi.org/10.1/x}\n}", r"entry 'doi' doi is not a bare DOI"),
    ("@misc{talk-x,\n  title = {T}\n}", r"talk entry 'talk-x' needs howpublished"),
    # pybtex's own parser's errors, as one line each
    ("@misc{twice,\n  title = {T},\n  title = {U},\n  url = {https://x.org}\n}",
     r"malformed BibTeX: field 'title' given twice in entry 'twice'"),
    ("@misc{comma,\n  title = {T}\n  url = {https://x.org}\n}",
     r"references\.bib:\d+: malformed BibTeX: expected ',' or '}' \(a comma missing, or a brace left open\) "
     r"in entry 'comma', which starts at line \d+"),
    ("@misc{macro,\n  title = Title,\n  url = {https://x.org}\n}",
     r"malformed BibTeX: undefined string 'Title' \(write the value in braces\) in entry 'macro'"),
    ("@misc{nameless,\n  author = {A, B, C, D},\n  title = {T},\n  url = {https://x.org}\n}",
     r"references\.bib:\d+: malformed BibTeX: Too many commas in 'A, B, C, D' in entry 'nameless'"),
    ("@misc{,\n  title = {T}\n}", r"references\.bib:\d+: malformed BibTeX: expected entry key"),
])
def test_bad_entry_fails_with_one_line(tmp_path, entry, message):
    with pytest.raises(SourceError, match=message) as caught:
        load_text(tmp_path, BIB + "\n" + entry + "\n")
    assert "\n" not in str(caught.value)


def test_pybtex_errors_name_the_right_lines(tmp_path):
    """The line of the culprit, found by a plain scan: the duplicate's own, the unclosed entry's."""
    lines = BIB.count("\n")
    with pytest.raises(SourceError, match=rf"references\.bib:{lines + 2}: duplicate BibTeX key 'talk-fair' "
                                          r"\(first defined at line 25\)"):
        load_text(tmp_path, BIB + "\n@misc{talk-fair,\n  title = {T},\n  url = {https://x.org}\n}\n")
    # an entry left open before others: pybtex reads on until the entry's own brace is missing
    with pytest.raises(SourceError, match=r"references\.bib:5: malformed BibTeX: expected ',' or '}' .* "
                                          r"in entry 'open', which starts at line 1$"):
        load_text(tmp_path, "@misc{open,\n  title = {T,\n  url = {https://x.org}\n}\n" + BIB)


def test_pybtex_strict_mode_is_left_as_it_was(tmp_path):
    import pybtex.errors
    pybtex.errors.set_strict_mode(False)
    try:
        with pytest.raises(SourceError, match="duplicate BibTeX key"):
            load_text(tmp_path, BIB + "\n@misc{talk-fair,\n  title = {T},\n  url = {https://x.org}\n}\n")
        assert pybtex.errors.strict is False
    finally:
        pybtex.errors.set_strict_mode(True)


def test_an_entry_as_written_stops_at_its_brace_and_comments_between_entries_are_no_part_of_it(tmp_path):
    bib = load_text(tmp_path, BIB.replace("@misc{shared-work", "% a comment}\n@misc{shared-work")
                    .replace("@misc{talk-fair", "@comment{not an entry}\n@misc{talk-fair"))
    assert bib.source("raji2019actionable").endswith("doi = {10.1145/3306618.3314244}\n}")
    assert bib.source("shared-work").endswith("year = {2020}\n}")
    assert bib.where("talk-fair") == "references.bib:27"


@pytest.mark.parametrize("value, text", [
    ("{TriviaQA}: A Large Scale Challenge", "TriviaQA: A Large Scale Challenge"),  # braces only protect case
    (r"Baudi{\v{s}}, Petr", "Baudiš, Petr"),                                       # an accent: latexcodec
    ("Pages 1601--1611", "Pages 1601–1611"),                                        # TeX's dash
    ("Plain text", "Plain text"),
])
def test_plain_decodes_latex_and_drops_braces(value, text):
    assert bibliography.plain(value) == text
