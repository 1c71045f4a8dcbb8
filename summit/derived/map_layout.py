"""The map of the summit as geometry: an arc diagram. The talks stand in one column in reading
order under their sections' headings (every label stays horizontal and readable on a 390 px
phone); each relation is an arc on the column's left, as thick as what the two talks share. No
randomness, and every coordinate formatted here: the same input gives the same picture, byte for
byte."""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence
from typing import NamedTuple

from summit.derived.relations import Relation, in_words, weight_text

# Geometry in SVG user units. The 400-unit width is what a 390 px phone shows at about 1:1
# (the picture spans the phone's full width, summit-map.css).
WIDTH = 400
COLUMN_X = 100            # the talks' column; the arcs use the space to its left
LEFT_MARGIN = 6
DOT_RADIUS = 6
HALO_RADIUS = 11
LABEL_GAP = 12            # from the dot to its label
ROW = 36                  # one talk: title line and speakers line
SECTION_HEAD = 28         # a section's heading above its talks
SECTION_GAP = 10
TOP = 4
BOTTOM = 10
ARC_START = COLUMN_X - DOT_RADIUS - 2   # arcs stop short of the dots, so a dot stays easy to hit
ARC_BULGE = 0.9           # an arc's width over half its height, before the margin caps it
CAPTION_LINE = 17
CAPTION_PADDING = 6
CAPTION_CHARS = 54        # characters per caption line at the caption's font size
SHORT_TITLE = 36          # characters of a title that fit beside a dot


class MapTalk(NamedTuple):
    """One talk as the map needs it; url is relative to the map page."""

    number: str
    title: str
    speakers: str         # "A and B", as the notes join names (Talk.speaker_names)
    section: int
    section_title: str
    url: str


class Trace(NamedTuple):
    """A relation's arc, drawn in the highlight colour when one of its talks is hovered or focused."""

    d: str
    width: str


class Node(NamedTuple):
    """A talk's dot (in the column, at map.column_x) and its label (at map.label_x)."""

    talk: MapTalk
    key: str              # the number as an id fragment: "4.1" -> "4-1"
    short_title: str
    name: str             # the accessible name: number, full title and speakers
    y: int
    halo: tuple[int, ...]          # neighbours' y
    traces: tuple[Trace, ...]      # this talk's arcs


class Edge(NamedTuple):
    key: str              # "relation-4-1-4-4": the table row the arc links to
    a: Node
    b: Node
    weight: int
    arc: Trace
    weight_text: str
    reasons: tuple[str, ...]        # lines naming the works, for the tooltip and the table
    caption: tuple[str, ...]        # wrapped lines counting them, shown on the map on hover or focus
    caption_y: int
    caption_height: int
    name: str                       # the accessible name


class SectionHead(NamedTuple):
    number: int
    title: str
    y: int                # its baseline


class SummitMap(NamedTuple):
    height: int
    sections: tuple[SectionHead, ...]
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]

    # The geometry every map shares, for the template (class attributes, not fields).
    width = WIDTH
    column_x = COLUMN_X
    label_x = COLUMN_X + DOT_RADIUS + LABEL_GAP
    dot_radius = DOT_RADIUS
    halo_radius = HALO_RADIUS
    caption_x = LEFT_MARGIN // 2
    caption_text_x = LEFT_MARGIN // 2 + 8
    caption_width = WIDTH - LEFT_MARGIN
    caption_baseline = CAPTION_PADDING + 13   # the first line's, from the caption's top
    caption_line = CAPTION_LINE


def number_text(value: float) -> str:
    """A coordinate as SVG text: at most two decimals, no trailing zeros, no "-0"."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def short_title(title: str, limit: int = SHORT_TITLE) -> str:
    """The title before any subtitle, cut at a word with an ellipsis if still too long."""
    head = title.split(":", 1)[0].strip()
    if len(head) <= limit:
        return head
    return textwrap.shorten(head, width=limit, placeholder="…")


def _arc(top: int, bottom: int) -> str:
    """Half an ellipse left of the column, from one dot to another below it."""
    ry = (bottom - top) / 2
    rx = min(ry * ARC_BULGE, ARC_START - LEFT_MARGIN)
    x = number_text(ARC_START)
    return f"M{x} {top}A{number_text(rx)} {number_text(ry)} 0 0 0 {x} {bottom}"


def _rows(talks: Sequence[MapTalk]) -> tuple[list[SectionHead], dict[str, int], int]:
    """Section headings and each talk's y, top to bottom; and the total height."""
    heads, ys = [], {}
    y = TOP
    for talk in talks:
        if not heads or heads[-1].number != talk.section:
            if heads:
                y += SECTION_GAP
            heads.append(SectionHead(talk.section, talk.section_title, y + 19))
            y += SECTION_HEAD
        ys[talk.number] = y + ROW // 2
        y += ROW
    return heads, ys, y + BOTTOM


def layout(talks: Sequence[MapTalk], relations: Sequence[Relation], work_titles: Mapping[str, str]) -> SummitMap:
    """Place the talks (given in reading order, sections contiguous) and draw the relations
    (given with ids that are talk numbers)."""
    heads, ys, height = _rows(talks)
    arcs: dict[tuple[str, str], Trace] = {}  # each relation's arc, keyed both ways round
    for r in relations:  # as thick as the number of things the two talks share
        arc = Trace(_arc(*sorted((ys[r.a], ys[r.b]))), number_text(1 + 0.75 * r.weight))
        arcs[r.a, r.b] = arcs[r.b, r.a] = arc

    nodes = {}
    for talk in talks:
        others = sorted((b for a, b in arcs if a == talk.number), key=ys.__getitem__)  # top to bottom
        nodes[talk.number] = Node(
            talk=talk,
            key=talk.number.replace(".", "-"),
            short_title=short_title(talk.title),
            name=f"{talk.number} {talk.title}, by {talk.speakers}",
            y=ys[talk.number],
            halo=tuple(ys[o] for o in others),
            traces=tuple(arcs[talk.number, o] for o in others),
        )

    edges = []
    for r in relations:
        a, b = nodes[r.a], nodes[r.b]
        lines = [f"{r.a} and {r.b}: {weight_text(r)}"]
        lines += [part for line in in_words(r) for part in textwrap.wrap(line, CAPTION_CHARS)]
        caption_height = len(lines) * CAPTION_LINE + 2 * CAPTION_PADDING
        # Beside the arc's middle, but always inside the picture.
        caption_y = max(0, min((a.y + b.y) // 2 - caption_height // 2, height - caption_height))
        edges.append(Edge(
            key=f"relation-{a.key}-{b.key}",
            a=a,
            b=b,
            weight=r.weight,
            arc=arcs[r.a, r.b],
            weight_text=weight_text(r),
            reasons=in_words(r, work_titles),
            caption=tuple(lines),
            caption_y=caption_y,
            caption_height=caption_height,
            name=(f"{r.a} {a.short_title} and {r.b} {b.short_title}: {weight_text(r)}. "
                  + ". ".join(in_words(r))),
        ))
    return SummitMap(height, tuple(heads), tuple(nodes.values()), tuple(edges))
