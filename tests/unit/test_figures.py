"""summit/sources/figures.py and summit/render/figure_links.py: what a figure of the prose is, the rules its
source must meet (each a one-line SourceError), and each covered figure turned into a link whose
tooltip is its source."""

from __future__ import annotations

import datetime
from pathlib import Path

import jinja2
import markdown
import pytest

from conftest import load
from summit.sources import figures
from summit.sources.bibliography import load as load_bib
from summit.errors import SourceError
from summit.sources.figures import FigureSource, check_page, figures_in, holds, short_reference
from summit.render.figure_links import linked
from summit.render.links import PageRef
from summit.render.shortcodes import resolve

ROOT = Path(__file__).resolve().parents[2]
QUOTE = "the model reached 16% higher accuracy with 1,000 samples in 2020"
RECAP = "Intro text. The speaker said the agents used 37 input features and   3 layers. More text."


def found(body: str) -> list[str]:
    return [figure for _, _, _, figure in figures_in(body)]


# --- Rule 1: what is a figure --------------------------------------------------------------------

def test_figures_of_the_prose_are_found_with_line_and_column():
    body = "Intro.\n\n## In 2019 the model\n\nIt won 16% more, 11.8x faster, over 1,000 runs, score 0.82.\n"
    assert figures_in(body)[0] == (3, 6, 10, "2019")
    assert found(body) == ["2019", "16%", "11.8x", "1,000", "0.82"]


def test_admonition_titles_and_list_items_hold_figures():
    assert found('!!! note "What the 16% refers to"\n    Text.\n\n- a 5% gain\n') == ["16%", "5%"]


@pytest.mark.parametrize("body", [
    "ResNet-50, GPT-3, A2C, 3D, F1 and BERT-base are names.",
    "Code `x = 16` and ``y = 2`` stays.",
    "```python\nrange(10)\n```\n",
    "<!-- md:slide 1 --> and <!-- a comment with 2020 -->",
    "A claim [@zheng2020aieconomist; @saez2001elasticities].",
    "A [link](https://arxiv.org/abs/2004.13332) and [a talk](../x/y-2.md#s3).",
    "1. First\n2. Second\n   10. Nested\n",
    "Talk [3.3](../section/talk.md) covers it.",
    '<img src="a.svg" width="300"> and <br>',
    "Bare https://example.org/2020/paper-1 address.",
    "## Heading { #part-2 }",
    "[ref]: https://example.org/1\n",
])
def test_what_is_not_a_figure(body):
    assert found(body) == []


def test_a_number_in_a_longer_link_text_is_a_figure():
    assert found("See [the 2019 paper](x.md) and [talk 2.1](y.md).") == ["2019", "2.1"]


# --- Rules 2-4: every figure has a source ---------------------------------------------------------

@pytest.fixture(scope="module")
def bib(tmp_path_factory):
    path = tmp_path_factory.mktemp("bib") / "references.bib"
    path.write_text(
        "@misc{zheng2020aieconomist,\n  author = {Zheng, Stephan and Trott, Alexander and Naik, Nikhil},\n"
        "  title = {The {AI} Economist},\n  year = {2020},\n  url = {https://arxiv.org/abs/2004.13332}\n}\n\n"
        "@misc{saez2001,\n  author = {Saez, Emmanuel},\n  title = {Elasticities},\n  year = {2001},\n"
        "  url = {https://example.org/saez}\n}\n\n"
        "@misc{two-authors,\n  author = {Choi, Kristy and Grover, Aditya},\n  title = {T},\n  year = {2019},\n"
        "  url = {https://example.org/t}\n}\n\n"
        "@misc{no-author,\n  title = {A {GitHub} Repository},\n  url = {https://example.org/r}\n}\n",
        encoding="utf-8")
    return load_bib(path)


def check(body: str, entries: list[dict] | None, bib, recap: str | None = RECAP, cited=("zheng2020aieconomist",)):
    meta = {} if entries is None else {"figures": entries}
    return check_page("s/p.md", meta, body, 10, bib, cited, " ".join(recap.split()) if recap else None)


CITED = {"text": "16% higher", "cite": "zheng2020aieconomist", "quote": QUOTE}


def test_a_covered_figure_passes_and_its_source_names_the_work(bib):
    [source] = check("Intro.\nIt scored 16% higher, and again 16% higher.\n", [CITED], bib)
    assert source == FigureSource("16% higher", QUOTE, "zheng2020aieconomist", "Zheng et al. 2020",
                                  "#fn:ref-zheng2020aieconomist")


def test_a_work_the_page_does_not_cite_links_to_the_work_itself(bib):
    [source] = check("It scored 16% higher.\n", [CITED], bib, cited=())
    assert source.href == "https://arxiv.org/abs/2004.13332"


def test_a_figure_without_source_names_page_line_and_figure(bib):
    with pytest.raises(SourceError) as error:
        check("Intro.\nIt scored 16% higher, over 1,000 runs.\n", [CITED], bib)
    assert str(error.value) == "docs/s/p.md:12: figure '1,000' has no source (add it to the page's figures: list)"


def test_a_figure_outside_its_entrys_text_is_not_covered(bib):
    # "16% higher" covers a 16% only where it is followed by "higher", and on the same line
    with pytest.raises(SourceError, match=r"^docs/s/p\.md:13: figure '16%' has no source"):
        check("It scored 16% higher.\n\nA 16% gap.\n", [CITED], bib)


def test_emphasis_inside_the_text_is_no_obstacle(bib):
    assert check("It scored **16%** higher.\n", [CITED], bib)
    assert check("It scored **16% higher**.\n", [{**CITED, "text": "**16%** higher"}], bib)


def test_a_recap_passage_in_the_recap_passes_whitespace_aside(bib):
    entry = {"text": "37 input features", "recap": "the agents used 37 input features and 3 layers"}
    [source] = check("The talk reported 37 input features.\n", [entry], bib)
    assert source.cite is None and source.quote == entry["recap"]


def test_a_page_without_a_figures_list_is_checked_too(bib):
    with pytest.raises(SourceError, match=r"^docs/s/p\.md:11: figure '16%' has no source"):
        check("It scored 16% higher.\n", None, bib)


@pytest.mark.parametrize("entry,recap,message", [
    ({**CITED, "quote": "the model reached higher accuracy"}, RECAP,
     r"figures entry '16% higher' has a quote that does not contain '16%'$"),
    ({**CITED, "quote": "16% " + " ".join(["word"] * 30)}, RECAP,
     r"figures entry '16% higher' has a quote of 31 words \(at most 30\)$"),
    ({**CITED, "cite": "zheng2020aieconomst"}, RECAP,
     r"figures entry '16% higher' cites unknown references.bib key 'zheng2020aieconomst' "
     r"\(closest known: zheng2020aieconomist\)$"),
    ({"text": "37 input features", "recap": "the agents used 37 input features and 4 layers"}, RECAP,
     r"figures entry '37 input features' has a recap passage that is not in the recap word for word"),
    ({"text": "16% higher", "cite": "zheng2020aieconomist"}, RECAP,
     r"figures entry '16% higher' needs cite and quote, or recap \(exactly one source\)$"),
    ({**CITED, "recap": "16%"}, RECAP, r"figures entry '16% higher' needs cite and quote, or recap"),
    ({**CITED, "page": 3}, RECAP, r"figures entry '16% higher' has unknown field 'page'"),
    ({**CITED, "text": "higher"}, RECAP, r"figures entry 'higher' holds no figure$"),
    ({**CITED, "text": "17% higher", "quote": "17%"}, RECAP,
     r"figures entry '17% higher' does not occur on the page$"),
])
def test_each_bad_entry_fails_with_one_line(bib, entry, recap, message):
    with pytest.raises(SourceError, match=r"^docs/s/p\.md: " + message):
        check("It scored 16% higher.\nThe talk reported 37 input features.\n", [entry, CITED], bib, recap)


def test_a_count_with_a_thousand_sign_may_have_a_source(bib):
    # rule 1 asks no source for "95K", but an entry may give it one, and the page then shows it
    assert found("95K question-answer pairs") == []
    entry = {"text": "95K", "cite": "saez2001", "quote": "includes 95K question-answer pairs"}
    assert check("It has 95K question-answer pairs.\n", [entry], bib)[0].text == "95K"
    html = render("It has 95K pairs.", (FigureSource("95K", "includes 95K pairs", None),))
    assert '<a class="footnote-ref figure-source" href="#figure-source-1" data-figure-source="">95K</a>' in html


@pytest.mark.parametrize("passage,ok", [
    ("The speaker said the agents used 37 input features", True),
    ("the agents used ... 3 layers", True),               # "..." marks a cut
    ("3 layers ... the agents used 37", False),            # the parts in the recap's order
    ("the agents used 37 input features and 4 layers", False),
])
def test_a_recap_passage_is_the_recaps_words(passage, ok):
    assert figures.in_recap(passage, " ".join(RECAP.split())) is ok


def test_a_dash_is_not_a_word():
    assert figures.words("one — two ... three – four") == 4


def test_the_recap_is_checked_only_where_it_is(bib):
    entry = {"text": "37 input features", "recap": "a passage the recap does not hold, 37 input features"}
    assert check("The talk reported 37 input features.\n", [entry], bib, recap=None)


def test_an_entrys_error_names_its_line_in_the_front_matter(tmp_path, bib):
    (tmp_path / "s").mkdir()
    (tmp_path / "s/p.md").write_text("---\ntitle: T\nfigures:\n  - text: 16% higher\n    cite: zheng\n"
                                     "    quote: x\n---\n\nIt scored 16% higher.\n", encoding="utf-8")
    with pytest.raises(SourceError, match=r"^docs/s/p\.md:4: figures entry '16% higher' has a quote"):
        check_page("s/p.md", {"figures": [{**CITED, "quote": "x"}]}, "It scored 16% higher.\n", 8, bib, (),
                   None, tmp_path)


@pytest.mark.parametrize("passage,figure,ok", [
    ("by 16% over", "16%", True), ("by 16 % over", "16%", True), ("by 16 percent", "16%", True),
    ("by 16 points", "16%", False), ("by 16.5% over", "16%", False), ("by 116%", "16%", False),
    ("over 1000 runs", "1,000", True), ("over 1,000 runs", "1000", True),
    ("on March 5, 2021", "5", True), ("on March 5, 2021", "2021", True),
    ("11.8x faster", "11.8x", True), ("11.8 times faster", "11.8x", True), ("1.8x faster", "11.8x", False),
    ("includes 95K question-answer pairs", "95K", True), ("includes 9K pairs", "95K", False),
])
def test_a_passage_holds_a_figure(passage, figure, ok):
    assert holds(passage, figure) is ok


def test_short_references(bib):
    assert short_reference(bib, "zheng2020aieconomist") == "Zheng et al. 2020"
    assert short_reference(bib, "two-authors") == "Choi and Grover 2019"
    assert short_reference(bib, "saez2001") == "Saez 2001"
    assert short_reference(bib, "no-author") == "A GitHub Repository"


def test_the_corpus_checks_every_page_with_figures(project):
    page = project / "docs/gen/fair.md"
    text = page.read_text(encoding="utf-8").replace("description: One line.\n",
                                                    "description: One line.\nfigures: []\n")
    page.write_text(text + "It took 12 days.\n", encoding="utf-8")
    with pytest.raises(SourceError, match=r"^docs/gen/fair\.md:\d+: figure '12' has no source"):
        load(project)


# --- The figure's link and its source, in the page ---------------------------------------------

TEMPLATES = jinja2.Environment(loader=jinja2.FileSystemLoader(ROOT / "overrides"),
                               trim_blocks=True, lstrip_blocks=True)  # as hooks/pipeline.py sets it
SOURCES = (FigureSource("16% higher", "by 16% over <baselines>", "zheng2020aieconomist", "Zheng et al. 2020",
                        "#fn:ref-zheng2020aieconomist"),
           FigureSource("37 input features", "used 37 input features", None))


class Views:
    """What the two placeholders need of summit.render.talk_page.TalkPage, over SOURCES."""

    class talk:
        @staticmethod
        def figure(number: int, text: str) -> str:
            return TEMPLATES.get_template("partials/figure-link.html").render(number=number, text=text)

        @staticmethod
        def figure_sources(page, entries: str) -> str:
            return TEMPLATES.get_template("partials/figure-sources.html").render(
                sources=[SOURCES[int(i)] for i in entries.split()])


def render(text: str, sources=SOURCES) -> str:
    html = markdown.markdown(linked(text, sources, Views.talk.figure), extensions=["admonition", "abbr"])
    return resolve(html, PageRef("p.md", "", str), Views())


def test_each_covered_figure_becomes_a_link_to_its_source():
    html = render("It scored **16%** higher; the talk gave 37 input features, and 16% higher again.")
    link = '<a class="footnote-ref figure-source" href="#figure-source-{}" data-figure-source="">{}</a>'
    assert f"<strong>{link.format(1, '16%')}</strong> higher" in html
    assert f"gave {link.format(2, '37')} input features, and {link.format(1, '16%')} higher again" in html
    assert ('<div class="figure-sources" hidden data-search-exclude="">'
            '<div id="figure-source-1" data-search-exclude=""><p><q>by 16% over &lt;baselines&gt;</q> '
            '(<a href="#fn:ref-zheng2020aieconomist">Zheng et al. 2020</a>)</p></div>'
            '<div id="figure-source-2" data-search-exclude=""><p>Reported in the talk (the recap): '
            '<q>used 37 input features</q></p></div></div>') in html


def test_figures_in_code_links_headings_and_uncovered_text_stay_as_they_are():
    html = render("## A 16% higher score\n\n`16% higher` and [16% higher](x.md) and 16% lower.\n\n"
                  "!!! note \"About 16% higher\"\n    Text.")
    assert "<h2>A 16% higher score</h2>" in html
    assert "<code>16% higher</code>" in html and '<a href="x.md">16% higher</a>' in html and "16% lower" in html
    assert 'About <a class="footnote-ref figure-source" href="#figure-source-1"' in html


def test_a_figure_beside_raw_html_is_linked_and_the_html_left_alone():
    html = render('It took 1 day <b title="1 day">x</b>.', (FigureSource("1 day", "in 1 day", None),))
    assert html.startswith('<p>It took <a class="footnote-ref figure-source" href="#figure-source-1" '
                           'data-figure-source="">1</a> day <b title="1 day">x</b>.</p>')


def test_a_figure_that_starts_a_line_stays_in_its_paragraph():
    # a comment there would start a raw HTML block and split the paragraph
    html = render("The gain was large:\n16% higher, *twice*.\n\n37 input features were used.")
    link = '<a class="footnote-ref figure-source" href="#figure-source-{}" data-figure-source="">{}</a>'
    assert html.startswith(f"<p>The gain was large:\n{link.format(1, '16%')} higher, <em>twice</em>.</p>\n"
                           f"<p>{link.format(2, '37')} input features were used.</p>")


def test_a_page_without_sources_is_unchanged():
    assert linked("It scored 16% higher.", (), Views.talk.figure) == "It scored 16% higher."


def test_a_term_beside_a_figure_is_still_explained():
    html = render("It scored 16% higher.\n\n*[higher]: More")
    assert 'data-figure-source="">16%</a> <abbr title="More">higher</abbr>' in html
