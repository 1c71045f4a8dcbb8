"""The map of the summit on the built site: every talk a named link, the relations as text, the
same picture from two builds, and in Chromium: keyboard order, neighbour highlighting, phone
width and axe in both colour schemes."""

from __future__ import annotations

import gzip
import re
from urllib.parse import urljoin, urlparse

import pytest

from builds import run_build
from site_model import ROOT, article, page_path, talks
from test_accessibility import COMBINATIONS, SCHEMES, assert_scheme, new_reader, record_axe, report, settle

MAP_PAGE = "map/index.html"
MAX_GZIP = 30 * 1024
SVG = re.compile(r"<svg class=\"summit-map__svg\".*?</svg>", re.S)


def map_svg(site) -> str:
    return SVG.search((site / MAP_PAGE).read_text(encoding="utf-8")).group(0)


def resolve(site, href: str):
    url = urlparse(urljoin("http://x/" + MAP_PAGE, href))
    return site / url.path.lstrip("/") / "index.html"


# --- Without a browser ----------------------------------------------------------------------


def test_map_has_every_talk_as_a_named_link_to_its_page(site):
    nodes = article(site / MAP_PAGE).select("svg a.summit-map__node")
    assert [resolve(site, a["href"]) for a in nodes] == [page_path(site, t.src_uri) for t in talks()]
    for node, talk in zip(nodes, talks()):
        name = node["aria-label"]
        assert talk.number in name and talk.title in name and all(s.name in name for s in talk.speakers), name
        # The anchor a talk's "Related talks" links to: map/#map-4-1.
        assert node["id"] == "map-" + talk.number.replace(".", "-")


def test_every_arc_has_a_reason_and_links_to_its_row_in_the_table(site):
    page = article(site / MAP_PAGE)
    edges = page.select("svg a.summit-map__edge")
    rows = page.select("table tr[id]")
    assert len(edges) == len(rows) >= 30
    assert [a["href"] for a in edges] == ["#" + row["id"] for row in rows]
    for edge, row in zip(edges, rows):
        weight = int(edge["data-weight"])
        cells = row.find_all("td")
        assert int(cells[2].get_text()) == weight
        assert edge.find("title").get_text().startswith(edge["data-talks"].replace(" ", " and "))
        assert cells[3].get_text(strip=True), row["id"]
        # Weight is drawn: the arc's stroke follows the count.
        line = page.select_one(f'path.summit-map__line[d="{edge.find("path")["d"]}"]')
        assert float(line["stroke-width"]) == 1 + 0.75 * weight


def test_known_relations_are_on_the_map(site):
    """Facts from front matter and references.bib: 3.1 (Stanley) cites Joel Lehman's works,
    who spoke in 5.3; 1.1 and 3.3 cite the same work."""
    rows = {row["id"]: row.find_all("td")[3].get_text(" ") for row in article(site / MAP_PAGE).select("tr[id]")}
    assert re.search(r"3\.1 cites \d+ works? by Joel Lehman: ", rows["relation-3-1-5-3"])
    assert re.search(r"Both cite \d+ works?: ", rows["relation-1-1-3-3"])
    assert "Topics: Generative adversarial networks" in rows["relation-4-1-4-2"]


def test_home_page_links_to_the_map(site):
    links = article(site / "index.html").find_all("a", string=re.compile("map of the summit", re.I))
    assert links and links[0]["href"] in ("map/", "map/index.html")


def test_map_is_byte_identical_across_two_builds_and_small(site, tmp_path):
    second = run_build(ROOT, tmp_path / "site")
    assert second.returncode == 0, second.output
    first_svg, second_svg = map_svg(site), map_svg(second.site)
    assert first_svg == second_svg
    raw, packed = len(first_svg.encode()), len(gzip.compress(first_svg.encode(), mtime=0))
    print(f"map SVG: {raw} bytes raw, {packed} bytes gzipped")
    assert packed <= MAX_GZIP, (raw, packed)


# --- In Chromium ----------------------------------------------------------------------------


def map_url(server) -> str:
    return server + "/map/"


def test_tab_reaches_every_talk_in_reading_order(page, server):
    page.goto(map_url(server))
    page.focus("article a[href='#relations']")       # the link just before the map
    reached = []
    for _ in range(len(talks()) + 1):
        page.keyboard.press("Tab")
        reached.append(page.evaluate("() => document.activeElement.getAttribute('data-talk')"))
    assert reached[:-1] == [t.number for t in talks()]
    assert page.evaluate("() => document.activeElement.classList.contains('summit-map__edge')")


NEIGHBOURS = """number => {
  const visible = el => getComputedStyle(el).visibility === 'visible';
  const node = document.querySelector(`a.summit-map__node[data-talk="${number}"]`);
  const rings = [...node.querySelectorAll('.summit-map__ring')].filter(visible).map(r => r.getAttribute('cy'));
  const dots = Object.fromEntries([...document.querySelectorAll('a.summit-map__node')].map(
    a => [a.querySelector('.summit-map__dot').getAttribute('cy'), a.dataset.talk]));
  const others = [...document.querySelectorAll('a.summit-map__node')].filter(a => a !== node)
    .flatMap(a => [...a.querySelectorAll('.summit-map__ring, .summit-map__trace')]).filter(visible).length;
  const line = getComputedStyle(document.querySelector('.summit-map__line')).opacity;
  return {rings: rings.map(cy => dots[cy]), others, line};
}"""


def test_focusing_a_talk_highlights_exactly_its_neighbours(page, server, site):
    page.goto(map_url(server))
    rows = [row["id"] for row in article(site / MAP_PAGE).select("tr[id]")]
    before = page.evaluate(NEIGHBOURS, "4.1")
    assert before["rings"] == [] and before["line"] == "1"
    page.focus('a.summit-map__node[data-talk="4.1"]')
    after = page.evaluate(NEIGHBOURS, "4.1")
    expected = [
        n for n in (t.number for t in talks())
        if f"relation-{'-'.join(sorted((n, '4.1'))).replace('.', '-')}" in rows
    ]
    assert after["rings"] == expected and len(expected) >= 3
    assert after["others"] == 0                       # no other talk lights up
    assert float(after["line"]) < 0.5                 # the rest of the picture steps back


def test_arriving_from_a_talk_lights_it_up(page, server):
    page.goto(map_url(server) + "#map-3-1")
    lit = page.evaluate(NEIGHBOURS, "3.1")
    assert "5.3" in lit["rings"] and lit["others"] == 0


def test_focusing_an_arc_shows_what_the_two_talks_share(page, server):
    page.goto(map_url(server))
    edge = 'a.summit-map__edge[data-talks="3.1 5.3"]'
    shown = f"() => getComputedStyle(document.querySelector('{edge} .summit-map__caption')).visibility"
    assert page.evaluate(shown) == "hidden"
    page.focus(edge)
    assert page.evaluate(shown) == "visible"
    caption = page.locator(f"{edge} .summit-map__caption-text").all_text_contents()
    assert caption[0].startswith("3.1 and 5.3") and any("Joel Lehman" in line for line in caption)


def test_no_horizontal_scroll_on_a_phone_and_every_label_inside_the_picture(browser, server):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    try:
        page.goto(map_url(server))
        widths = page.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        assert widths[0] <= widths[1], widths
        outside = page.evaluate("""() => {
          const svg = document.querySelector('.summit-map__svg'), width = svg.viewBox.baseVal.width;
          return [...svg.querySelectorAll('text')].filter(t => getComputedStyle(t).visibility === 'visible')
            .map(t => [t.textContent, t.getBBox()]).filter(([, b]) => b.x < 0 || b.x + b.width > width)
            .map(([text]) => text);
        }""")
        assert outside == []
        box = page.locator(".summit-map__svg").bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    finally:
        context.close()


@pytest.mark.parametrize("scheme,width", COMBINATIONS, ids=[f"{s}-{w}" for s, w in COMBINATIONS])
def test_highlighted_map_has_no_axe_violation(browser, server, scheme, width):
    """With a talk, then an arc highlighted. (The page as loaded is judged, in the same four
    combinations, by test_accessibility.py's test of every page.)"""
    context = new_reader(browser, scheme, width)
    page = context.new_page()
    found = {}
    try:
        page.goto(map_url(server))
        assert_scheme(page, scheme)
        for state, selector in (("talk focused", 'a.summit-map__node[data-talk="4.1"]'),
                                ("arc focused", 'a.summit-map__edge[data-talks="3.1 5.3"]')):
            page.focus(selector)
            settle(page)
            record_axe(page, found, f"/map/ {state} [{scheme}, {width}]")
    finally:
        context.close()
    assert not found, "axe violations on the map:\n" + report(found)


def test_map_scheme_switch_changes_the_section_colours(browser, server):
    colours = {}
    for scheme in SCHEMES:
        context = new_reader(browser, scheme, "desktop")
        page = context.new_page()
        page.goto(map_url(server))
        colours[scheme] = page.evaluate(
            "() => getComputedStyle(document.querySelector('.summit-map__dot')).fill"
        )
        context.close()
    assert colours["light"] != colours["dark"], colours


def test_map_prints_whole_on_one_page(page, server):
    """In print the picture keeps to one A4 page (24 cm of it) and no highlight is drawn."""
    page.goto(map_url(server))
    page.emulate_media(media="print")
    box = page.locator(".summit-map__svg").bounding_box()
    assert 300 < box["height"] <= 24 / 2.54 * 96 + 1, box
    hidden = page.evaluate(
        "() => [...document.querySelectorAll('.summit-map__halo, .summit-map__show')]"
        ".every(g => getComputedStyle(g).display === 'none')"
    )
    assert hidden
