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
        "docs/index.md", "\nAll of them: <!-- md:talk-table -->\n",
        r"docs/index\.md:\d+: md:talk-table must be a paragraph of its own"),
    "token of HTML kept out of search, with nothing to place": (
        TALK, "\n<!-- unindexed:bibtex nosuchwork2020 -->\n",
        PAGE + r": <!-- unindexed:bibtex nosuchwork2020 -->: no bibtex HTML for nosuchwork2020 in this build"),
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
    "BibTeX entry the reference style cannot format": (
        BIB, "\n@article{noyear2020,\n  author = {Ann Body},\n  title = {T},\n  journal = {J},\n"
             "  url = {https://example.org/noyear}\n}\n",
        r"references\.bib:\d+: entry 'noyear2020' \(@article\) needs a year field to be formatted"),
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
    # Both are raw HTML to Markdown (summit/markdown_references.py); on_page_content tells MkDocs'
    # check of links to anchors about their ids, or the strict build would fail on these links.
    _append(project_copy / TALK, "\nBack to [the reference](#fn:ref-choi2020fairgen) and "
                                 "[where it is cited](#fnref:ref-choi2020fairgen).\n")
    result = run_build(project_copy, project_copy / "site")
    assert result.returncode == 0, result.output


def test_section_number_that_is_not_a_whole_number(project_copy):
    # Read as int() before, 5.1 passed as section 5 without a word.
    _replace(project_copy / "docs/reinforcement-learning/index.md", "number: 5\n", "number: 5.1\n")
    _fails_with(project_copy, r"docs/reinforcement-learning/index\.md: front matter 'number' must be a whole number "
                              r"like 4, got 5\.1$")


def test_two_digit_section_and_talk_numbers_build_in_order(project_copy):
    """Section 5 renumbered 10 (talks 10.1 to 10.4): accepted, last in the table and on the map."""
    section = project_copy / "docs/reinforcement-learning"
    _replace(section / "index.md", "number: 5\n", "number: 10\n")
    for talk in section.glob("*.md"):
        if talk.name != "index.md":
            _replace(talk, 'number: "5.', 'number: "10.')
    result = run_build(project_copy, project_copy / "site")
    assert result.returncode == 0, result.output
    site = project_copy / "site"
    table = re.findall(r"<td>(\d+\.\d+)</td>", (site / "index.html").read_text(encoding="utf-8"))
    assert table[-4:] == ["10.1", "10.2", "10.3", "10.4"] and table[-5] == "4.4", table
    assert re.findall(r'id="map-(\d+)-\d+"', (site / "map/index.html").read_text(encoding="utf-8"))[-4:] == ["10"] * 4
