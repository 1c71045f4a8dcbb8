"""references.bib rules: each problem is one line naming the file, the line and the entry."""

from __future__ import annotations

from pathlib import Path

import pytest

from summit import bibliography
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
])
def test_bad_entry_fails_with_one_line(tmp_path, entry, message):
    with pytest.raises(SourceError, match=message) as caught:
        load_text(tmp_path, BIB + "\n" + entry + "\n")
    assert "\n" not in str(caught.value)
