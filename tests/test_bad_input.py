"""Bad input fails the build with one clear line naming the file and the culprit."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from builds import run_build

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


PAGE = r"docs/generative-models/fair-generative-modeling\.md"
BIB = "references.bib"

# (file to break, text appended to it, the one line the build must fail with)
APPENDED = {
    "unknown citation key": (
        TALK, "\nA claim [@choi2020fairr].\n",
        PAGE + r":\d+: unknown citation key 'choi2020fairr' \(closest known: choi2020fairgen"),
    "citation inside code": (
        TALK, "\nUse `[@choi2020fairgen]` to cite.\n",
        PAGE + r":\d+: citation \[@choi2020fairgen\] is inside code"),
    "key cut at a dot": (
        TALK, "\nSee [@choi.2020].\n", PAGE + r":\d+: unknown citation key 'choi\.2020'"),
    "a footnote of the page's own": (
        TALK, "\nA note[^aside].\n\n[^aside]: An aside.\n",
        PAGE + r":\d+: footnote \[\^aside\]: a page's footnotes are its references"),
    "unknown shortcode": (
        TALK, "\n<!-- md:slideshow 1 -->\n", PAGE + r":\d+: unknown shortcode 'md:slideshow'"),
    "listing inside a paragraph": (
        "docs/index.md", "\nAll of them: <!-- md:program -->\n",
        r"docs/index\.md:\d+: md:program must be a paragraph of its own"),
    "a placeholder only the build writes": (
        TALK, "\n<!-- md:reference nosuchwork2020 -->\n", PAGE + r":\d+: unknown shortcode 'md:reference'"),
    "broken internal link": (
        TALK, "\nSee [the missing talk](missing-talk.md).\n", r"fair-generative-modeling\.md.*missing-talk\.md"),
    "broken anchor": (
        TALK, "\nSee [the other talk](quantum-drug-discovery.md#no-such-section).\n",
        r"fair-generative-modeling\.md.*no-such-section"),
    "malformed BibTeX": (
        BIB, "\n@misc{broken-entry,\n  title = {Unclosed,\n  url = {https://example.org}\n}\n",
        r"references\.bib:\d+: malformed BibTeX: unclosed brace in entry 'broken-entry'"),
    "duplicate BibTeX key": (
        BIB, "\n@misc{choi2020fairgen,\n  title = {Again},\n  url = {https://example.org/again}\n}\n",
        r"references\.bib:\d+: duplicate BibTeX key 'choi2020fairgen' \(first defined at line \d+\)"),
    "BibTeX entry with a field given twice": (
        BIB, "\n@article{twice2020,\n  author = {Ann Body},\n  title = {T},\n  title = {U},\n"
             "  url = {https://example.org/twice}\n}\n",
        r"references\.bib:\d+: malformed BibTeX: field 'title' given twice in entry 'twice2020'"),
    "BibTeX entry with a comma missing": (
        BIB, "\n@misc{nocomma2020,\n  title = {T}\n  url = {https://example.org/nocomma}\n}\n",
        r"references\.bib:\d+: malformed BibTeX: expected ',' or '}' \(a comma missing, or a brace left open\) "
        r"in entry 'nocomma2020', which starts at line \d+"),
    "BibTeX entry without a link": (
        BIB, "\n@book{nolink2020,\n  title = {A Book Nobody Can Find},\n  year = {2020}\n}\n",
        r"references\.bib:\d+: entry 'nolink2020' has no link field"),
}


@pytest.mark.parametrize("case", APPENDED, ids=str)
def test_appended_bad_input_fails_with_one_clear_line(project_copy, case):
    target, text, pattern = APPENDED[case]
    _append(project_copy / target, text)
    _fails_with(project_copy, pattern)


def test_talk_missing_front_matter_field(project_copy):
    _replace(project_copy / TALK, "\ndescription:", "\nsummary_typo:")
    _fails_with(project_copy, r"docs/generative-models/fair-generative-modeling\.md: front matter is missing required field 'description'")


def test_missing_slide_image(project_copy):
    (project_copy / "docs/assets/slides/fair-generative-modeling-1.svg").unlink()
    _fails_with(project_copy, r"fair-generative-modeling\.md:\d+: slide image docs/assets/slides/fair-generative-modeling-1\.svg does not exist")


def test_talk_entry_that_disagrees_with_front_matter(project_copy):
    _replace(project_copy / "references.bib", "author = {Grover, Aditya},", "author = {Grover, Adam},")
    _fails_with(project_copy, r"references\.bib:\d+: authors of 'talk-fair-generative-modeling' differ from the speakers")


def test_links_to_a_reference_and_to_its_citation_pass_the_strict_build(project_copy):
    # Both are made by Python-Markdown's footnotes extension, whose ids MkDocs' check of links
    # to anchors knows.
    _append(project_copy / TALK, "\nBack to [the reference](#fn:ref-choi2020fairgen) and "
                                 "[where it is cited](#fnref:ref-choi2020fairgen).\n")
    result = run_build(project_copy, project_copy / "site")
    assert result.returncode == 0, result.output
