"""The map of the summit without a build: relations, layout, colours and template, in
milliseconds, on small hand-made inputs whose answers are known."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import jinja2
import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from summit.derived.relations import Authorship, Relation, in_words, relate  # noqa: E402
from summit.derived.map_layout import MapTalk, layout, number_text, short_title  # noqa: E402

TALKS = ["1.1", "1.2", "2.1", "2.2"]
TOPICS = {"1.1": ["Vision", "Fairness"], "1.2": ["Fairness", "Vision", "Privacy"], "2.1": ["RL"], "2.2": ["RL"]}
CITED = {"1.1": ["w1", "w2"], "1.2": ["w2", "w3"], "2.1": ["w4"], "2.2": ["w5"]}
AUTHORED = {
    "1.1": {"Ada": []},
    "1.2": {"Bo": ["w3"]},
    "2.1": {"Cy": ["w5", "w9"]},
    "2.2": {"Di": [], "Ada": []},
}
TITLES = {f"w{i}": f"Work {i}" for i in range(10)}


def relations() -> list[Relation]:
    return relate(TALKS, TOPICS, CITED, AUTHORED)


def map_talks() -> list[MapTalk]:
    return [
        MapTalk("1.1", "Seeing Fairly: A Subtitle", "Ada", 1, "One", "../one/a/"),
        MapTalk("1.2", "Private <Vision> & Fair \"Models\" for Everyone in Every Company", "Bo", 1, "One", "../one/b/"),
        MapTalk("2.1", "Rewards", "Cy", 2, "Two", "../two/c/"),
        MapTalk("2.2", "More Rewards", "Di and Ada", 2, "Two", "../two/d/"),
    ]


# --- relations ------------------------------------------------------------------------------


def test_relations_name_every_kind_of_thing_shared():
    found = {(r.a, r.b): r for r in relations()}
    assert set(found) == {("1.1", "1.2"), ("1.1", "2.2"), ("2.1", "2.2")}
    # Topics in the first talk's order; w2 cited by both; w3 by 1.2's own speaker is not "cited by 1.1".
    assert found["1.1", "1.2"] == Relation("1.1", "1.2", ("Vision", "Fairness"), ("w2",), (), ())
    assert found["1.1", "2.2"] == Relation("1.1", "2.2", (), (), ("Ada",), ())
    assert found["2.1", "2.2"] == Relation("2.1", "2.2", ("RL",), (), (), (Authorship("2.2", "Cy", ("w5",)),))
    assert [found[p].weight for p in sorted(found)] == [3, 1, 2]


def test_a_work_both_cite_counts_once_even_if_a_speaker_wrote_it():
    [relation] = relate(["a", "b"], {"a": [], "b": []}, {"a": ["w"], "b": ["w"]}, {"a": {}, "b": {"S": ["w"]}})
    assert relation.works == ("w",) and relation.authorships == () and relation.weight == 1


def test_relation_text_counts_works_and_names_them_given_their_titles():
    found = {(r.a, r.b): r for r in relations()}
    assert in_words(found["1.1", "1.2"]) == ("Topics: Vision, Fairness", "Both cite 1 work")
    assert in_words(found["1.1", "1.2"], TITLES) == ("Topics: Vision, Fairness", "Both cite 1 work: Work 2")
    assert in_words(found["2.1", "2.2"])[1] == "2.2 cites 1 work by Cy"
    assert in_words(found["2.1", "2.2"], TITLES)[1] == "2.2 cites 1 work by Cy: Work 5"
    assert in_words(found["1.1", "2.2"]) == ("Same speaker: Ada",)


# --- layout ---------------------------------------------------------------------------------


def test_layout_puts_talks_in_one_column_in_reading_order_under_their_sections():
    picture = layout(map_talks(), relations(), TITLES)
    ys = [n.y for n in picture.nodes]
    assert [n.talk.number for n in picture.nodes] == TALKS
    assert ys == sorted(set(ys))
    assert [(s.number, s.title) for s in picture.sections] == [(1, "One"), (2, "Two")]
    # Each heading sits above its first talk and below the previous section's last.
    assert ys[1] < picture.sections[1].y < ys[2]
    assert all(0 < y < picture.height for y in ys)


def test_each_arc_joins_its_two_talks_and_grows_with_the_weight():
    picture = layout(map_talks(), relations(), TITLES)
    for edge in picture.edges:
        numbers = re.findall(r"\d+(?:\.\d+)?", edge.arc.d)       # M x y A rx ry 0 0 0 x y
        assert (numbers[1], numbers[-1]) == (str(edge.a.y), str(edge.b.y)), edge.arc.d
        assert 0 <= edge.caption_y and edge.caption_y + edge.caption_height <= picture.height
    widths = {edge.weight: float(edge.arc.width) for edge in picture.edges}
    assert widths[1] < widths[2] < widths[3]


def test_a_talks_highlight_rings_exactly_its_neighbours():
    picture = layout(map_talks(), relations(), TITLES)
    y = {n.talk.number: n.y for n in picture.nodes}
    first = picture.nodes[0]
    assert list(first.halo) == [y["1.2"], y["2.2"]]
    assert len(first.traces) == 2
    assert picture.nodes[2].halo == (y["2.2"],)


def test_accessible_names_carry_number_title_and_speakers():
    picture = layout(map_talks(), relations(), TITLES)
    assert picture.nodes[3].name == "2.2 More Rewards, by Di and Ada"
    edge = picture.edges[0]
    assert edge.key == "relation-1-1-1-2"
    assert edge.name.startswith("1.1 Seeing Fairly and 1.2 Private <Vision>") and "3 things in common" in edge.name


def test_short_titles_drop_subtitles_and_cut_at_a_word():
    assert short_title("Predictability Maximization: Empowerment as an Intelligence Measure") == "Predictability Maximization"
    assert short_title("Emergent Complexity and Zero-Shot Transfer via Unsupervised Environment Design") == (
        "Emergent Complexity and Zero-Shot…"
    )
    assert short_title("The AI Economist") == "The AI Economist"


def test_numbers_are_written_the_same_way_every_time():
    assert [number_text(v) for v in (16.0, 16.2, 1.75, 1 / 3, -0.001, 98)] == ["16", "16.2", "1.75", "0.33", "0", "98"]


LAYOUT_REPR = (
    "import sys; sys.path.insert(0, {root!r}); sys.path.insert(0, {tests!r});"
    "from test_summit_map import map_talks, relations, TITLES;"
    "from summit.derived.map_layout import layout; print(repr(layout(map_talks(), relations(), TITLES)))"
)


def test_layout_does_not_depend_on_hash_seeds():
    """Sets of strings iterate in a different order under each PYTHONHASHSEED: the map must not."""
    code = LAYOUT_REPR.format(root=str(ROOT), tests=str(Path(__file__).parent))
    runs = [subprocess.Popen([sys.executable, "-c", code], env=dict(os.environ, PYTHONHASHSEED=seed),
                             stdout=subprocess.PIPE, text=True)
            for seed in ("1", "2", "3")]  # side by side: the fast loop waits for one, not three
    outputs = {run.communicate()[0] for run in runs}
    assert all(run.returncode == 0 for run in runs) and len(outputs) == 1


# --- colours --------------------------------------------------------------------------------

CSS = ROOT / "docs/assets/stylesheets/summit-map.css"
BACKGROUNDS = {"default": "#ffffff", "slate": "#1e2129"}  # Material's, as in palette.css


def _luminance(colour: str) -> float:
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    dark, light = sorted((_luminance(a), _luminance(b)))
    return (light + 0.05) / (dark + 0.05)


def scheme_colours(css: str) -> dict[str, dict[str, str]]:
    blocks = {
        "default": re.search(r'\[data-md-color-scheme="default"\] \{(.*?)\}', css, re.S).group(1),
        "slate": re.search(r'\[data-md-color-scheme="slate"\] \{(.*?)\}', css, re.S).group(1),
    }
    return {
        scheme: dict(re.findall(r"--summit-map-([a-z0-9]+):\s*(#[0-9a-f]{6})", block))
        for scheme, block in blocks.items()
    }


def test_section_colours_are_readable_text_and_the_arcs_visible_in_both_schemes():
    colours = scheme_colours(CSS.read_text(encoding="utf-8"))
    for scheme, background in BACKGROUNDS.items():
        found = colours[scheme]
        assert {f"s{i}" for i in range(1, 6)} | {"line"} <= set(found), found
        low = {
            name: round(contrast(colour, background), 2)
            for name, colour in found.items()
            if contrast(colour, background) < (3 if name == "line" else 4.5)
        }
        assert not low, f"{scheme}: below contrast {low}"


def test_the_contrast_check_can_fail():
    assert contrast("#767676", "#ffffff") > 4.5 > contrast("#777777", "#ffffff")


# --- template -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def rendered() -> str:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(ROOT / "overrides"))  # no autoescape, like MkDocs'
    return env.get_template("partials/summit-map.html").render(map=layout(map_talks(), relations(), TITLES))


def test_template_escapes_every_text(rendered):
    assert "<Vision>" not in rendered and "&lt;Vision&gt; &amp; Fair &#34;Models&#34;" in rendered


def test_template_draws_a_link_per_talk_and_per_relation_and_a_row_per_relation(rendered):
    assert re.findall(r'<a class="summit-map__node[^>]* href="([^"]+)"', rendered) == [
        "../one/a/", "../one/b/", "../two/c/", "../two/d/",
    ]
    edge_targets = re.findall(r'<a class="summit-map__edge" href="#([^"]+)"', rendered)
    assert edge_targets == re.findall(r'<tr id="([^"]+)">', rendered) == [
        "relation-1-1-1-2", "relation-1-1-2-2", "relation-2-1-2-2",
    ]


def test_template_has_no_blank_line_inside_a_block(rendered):
    """Markdown ends a raw HTML block at a blank line and would treat the rest as Markdown."""
    for block in rendered.split("\n\n"):
        opening = re.match(r"\s*<(\w+)", block)
        assert opening and block.rstrip().endswith(f"</{opening.group(1)}>"), block[:80]


def test_two_digit_numbers_get_their_ids_order_and_a_section_colour():
    """summit-map.css colours sections 1 to 5; from section 6 on the colours come round again."""
    talks = [MapTalk("9.1", "Nine", "Ada", 9, "Nine", "../nine/a/"),
             MapTalk("10.3", "Ten Three", "Bo", 10, "Ten", "../ten/b/"),
             MapTalk("10.12", "Ten Twelve", "Cy", 10, "Ten", "../ten/c/")]
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(ROOT / "overrides"))
    html = env.get_template("partials/summit-map.html").render(map=layout(talks, [], TITLES))
    assert re.findall(r'<a class="summit-map__node summit-map--s(\d+)" id="map-([\d-]+)"', html) == [
        ("4", "9-1"), ("5", "10-3"), ("5", "10-12")]
    assert re.findall(r'summit-map__section summit-map--s(\d+)"[^>]*>(\d+) ·', html) == [("4", "9"), ("5", "10")]
