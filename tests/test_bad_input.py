"""Bad input fails the build with one clear line naming the file and the culprit."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import run_build

TALK = "docs/generative-models/fair-generative-modeling.md"


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text {old!r} not found in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _fails_with(project: Path, pattern: str) -> str:
    result = run_build(project, project / "site")
    assert result.returncode != 0, "the build should have failed"
    assert "Traceback" not in result.output, result.output
    # strict mode turns MkDocs warnings (broken links) into failures too
    errors = [line for line in result.output.splitlines() if "ERROR" in line or "WARNING" in line]
    assert any(re.search(pattern, line) for line in errors), result.output
    return result.output


def test_unknown_citation_key_names_page_key_and_closest(project_copy):
    _append(project_copy / TALK, "\nA claim [@choi2020fairr].\n")
    _fails_with(
        project_copy,
        r"docs/generative-models/fair-generative-modeling\.md:\d+: unknown citation key 'choi2020fairr' "
        r"\(closest known: choi2020fair",
    )


def test_citation_inside_code_fails(project_copy):
    _append(project_copy / TALK, "\nUse `[@choi2020fairgen]` to cite.\n")
    _fails_with(project_copy, r"fair-generative-modeling\.md:\d+: citation \[@choi2020fairgen\] is inside code")


def test_citation_key_with_a_dot_fails(project_copy):
    _append(project_copy / TALK, "\nSee [@choi.2020].\n")
    _fails_with(project_copy, r"unknown citation key 'choi\.2020'")


def test_malformed_bibtex_names_the_entry(project_copy):
    _append(project_copy / "references.bib", "\n@misc{broken-entry,\n  title = {Unclosed,\n  url = {https://example.org}\n}\n")
    _fails_with(project_copy, r"references\.bib:\d+: malformed BibTeX: unclosed brace in entry 'broken-entry'")


def test_duplicate_bibtex_key(project_copy):
    _append(project_copy / "references.bib", "\n@misc{choi2020fairgen,\n  title = {Again},\n  url = {https://example.org/again}\n}\n")
    _fails_with(project_copy, r"references\.bib:\d+: duplicate BibTeX key 'choi2020fairgen' \(first defined at line \d+\)")


def test_bibtex_entry_without_link(project_copy):
    _append(project_copy / "references.bib", "\n@book{nolink2020,\n  title = {A Book Nobody Can Find},\n  year = {2020}\n}\n")
    _fails_with(project_copy, r"references\.bib:\d+: entry 'nolink2020' has no link field")


def test_talk_missing_front_matter_field(project_copy):
    _replace(project_copy / TALK, "\ndescription:", "\nsummary_typo:")
    _fails_with(project_copy, r"docs/generative-models/fair-generative-modeling\.md: front matter is missing required field 'description'")


def test_missing_slide_image(project_copy):
    (project_copy / "docs/assets/slides/fair-generative-modeling-1.svg").unlink()
    _fails_with(project_copy, r"fair-generative-modeling\.md: slide image docs/assets/slides/fair-generative-modeling-1\.svg does not exist")


def test_unknown_shortcode(project_copy):
    _append(project_copy / TALK, "\n<!-- md:slideshow 1 -->\n")
    _fails_with(project_copy, r"fair-generative-modeling\.md:\d+: unknown shortcode 'md:slideshow'")


def test_broken_internal_link(project_copy):
    _append(project_copy / TALK, "\nSee [the missing talk](missing-talk.md).\n")
    _fails_with(project_copy, r"fair-generative-modeling\.md.*missing-talk\.md")


def test_broken_anchor(project_copy):
    _append(project_copy / TALK, "\nSee [the other slide](quantum-drug-discovery.md#no-such-section).\n")
    _fails_with(project_copy, r"fair-generative-modeling\.md.*no-such-section")
