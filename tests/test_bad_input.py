"""Bad input fails the build with one clear line naming the file and the culprit."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from builds import ROOT, run_build
from recap_overlap import recap_path
from summit.sources import frontmatter

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


# --- Figures without a source (summit/sources/figures.py): a page of its own, with a recap of the
# test's own that also holds every recap passage of the real pages (the recap beside the
# repository, or, without it, those passages themselves).
FIGURES_PAGE = "docs/figures-check.md"
ABSTRACT = ("we show that AI-driven tax policies improve the trade-off between equality and productivity by "
            "16% over baseline policies, including the prominent Saez tax framework.")


def _figures_page(entry: str, prose: str) -> str:
    return (f"---\ntitle: Figures check\nfigures:\n  - text: 16%\n    cite: zheng2020aieconomist\n"
            f"    quote: \"{ABSTRACT}\"\n{entry}---\n\n# Figures check\n\nThe learned taxes did 16% better.\n{prose}")


FIGURE_CASES = {  # (an entry added to the page's figures:, prose added, the one line the build fails with)
    "a figure with no source": (
        "", "\nIt took 12 days.\n",
        r"docs/figures-check\.md:13: figure '12' has no source \(add it to the page's figures: list\)"),
    "a quote without the figure": (
        "  - text: 12 days\n    cite: zheng2020aieconomist\n    quote: \"we show that AI-driven tax policies\"\n",
        "\nIt took 12 days.\n",
        r"docs/figures-check\.md:7: figures entry '12 days' has a quote that does not contain '12'"),
    "a quote of 31 words": (
        f"  - text: 12 days\n    cite: zheng2020aieconomist\n    quote: \"{ABSTRACT} It took 12 days of hard work.\"\n",
        "\nIt took 12 days.\n",
        r"docs/figures-check\.md:7: figures entry '12 days' has a quote of 31 words \(at most 30\)"),
    "an unknown cite key": (
        "  - text: 12 days\n    cite: zheng2020economist\n    quote: \"It took 12 days\"\n",
        "\nIt took 12 days.\n",
        r"docs/figures-check\.md:7: figures entry '12 days' cites unknown references\.bib key "
        r"'zheng2020economist' \(closest known: zheng2020aieconomist"),
    "a recap passage not in the recap": (
        "  - text: 12 days\n    recap: \"the training took 12 days on one machine\"\n",
        "\nThe talk reported that it took 12 days.\n",
        r"docs/figures-check\.md:7: figures entry '12 days' has a recap passage that is not in the recap "
        r"word for word \(rework-dl2-summit-2021-recap\.txt\)"),
}


def _recap(tmp_path: Path) -> Path:
    real = recap_path()
    if real is not None:
        text = real.read_text(encoding="utf-8")
    else:
        pages = (frontmatter.split(p.read_text(encoding="utf-8"), str(p))[0] for p in (ROOT / "docs").rglob("*.md"))
        text = "\n".join(f.get("recap", "") for meta in pages for f in meta.get("figures") or [])
    recap = tmp_path / "recap.txt"  # the copy is not beside shared/source/: a recap of its own
    recap.write_text(text + "\nThe speaker said\nthe training took 12 days\non eight machines.\n", encoding="utf-8")
    return recap


@pytest.mark.parametrize("case", FIGURE_CASES, ids=str)
def test_a_figure_without_a_good_source_fails_with_one_line(project_copy, tmp_path, case):
    entry, prose, pattern = FIGURE_CASES[case]
    (project_copy / FIGURES_PAGE).write_text(_figures_page(entry, prose), encoding="utf-8")
    recap = _recap(tmp_path)
    result = run_build(project_copy, project_copy / "site", env={"SUMMIT_RECAP": str(recap)})
    assert result.returncode != 0, "the build should have failed"
    assert "Traceback" not in result.output, result.output
    errors = [line for line in result.output.splitlines() if "ERROR" in line or "WARNING" in line]
    assert len(errors) == 1 and re.search(pattern, errors[0]), result.output


def test_a_page_whose_figures_all_have_sources_builds(project_copy, tmp_path):
    """The cases above fail for the reason they name: the same page, sourced, builds."""
    recap = _recap(tmp_path)
    (project_copy / FIGURES_PAGE).write_text(_figures_page(
        "  - text: 12 days\n    recap: \"the training took 12 days on eight machines\"\n",
        "\nThe talk reported that it took 12 days.\n"), encoding="utf-8")
    result = run_build(project_copy, project_copy / "site", env={"SUMMIT_RECAP": str(recap)})
    assert result.returncode == 0, result.output
    html = (project_copy / "site/figures-check/index.html").read_text(encoding="utf-8")
    assert html.count('class="footnote-ref figure-source"') == 2


def test_section_number_that_is_not_a_whole_number(project_copy):
    # Read as int() before, 5.1 passed as section 5 without a word.
    _replace(project_copy / "docs/reinforcement-learning/index.md", "number: 5\n", "number: 5.1\n")
    _fails_with(project_copy, r"docs/reinforcement-learning/index\.md: front matter 'number' must be a whole number "
                              r"like 4, got 5\.1$")


def test_two_digit_section_and_talk_numbers_build_in_order(project_copy):
    """Section 5 renumbered 10 (talks 10.1 to 10.4): accepted, last in the program and on the map."""
    section = project_copy / "docs/reinforcement-learning"
    _replace(section / "index.md", "number: 5\n", "number: 10\n")
    for talk in section.glob("*.md"):
        if talk.name != "index.md":
            _replace(talk, 'number: "5.', 'number: "10.')
    result = run_build(project_copy, project_copy / "site")
    assert result.returncode == 0, result.output
    site = project_copy / "site"
    program = re.findall(r'class="program__number">(\d+\.\d+)<', (site / "index.html").read_text(encoding="utf-8"))
    assert program[-4:] == ["10.1", "10.2", "10.3", "10.4"] and program[-5] == "4.4", program
    assert re.findall(r'id="map-(\d+)-\d+"', (site / "map/index.html").read_text(encoding="utf-8"))[-4:] == ["10"] * 4
