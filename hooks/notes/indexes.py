"""The generated Speakers and Papers pages: facts from front matter and references.bib only."""

from __future__ import annotations

from . import state
from .render import rel
from .talks import all_talks
from .works import KINDS, authored_by, first_author, formatted, kind, year

SPEAKERS = "speakers.md"
PAPERS = "papers.md"
LINK_NAMES = {"arxiv": "arXiv", "doi": "DOI", "url": "Link"}


def _talk_link(page_src: str, src_uri: str) -> str:
    talk = state.talk_at(src_uri)
    return f"[{talk.number} {talk.title}]({rel(page_src, src_uri)})"


def speakers_page() -> str:
    speakers = {}
    for talk in all_talks(state.sections):
        for speaker in talk.speakers:
            speakers.setdefault(speaker.name, (speaker, []))[1].append(talk)
    ordered = sorted(speakers.values(), key=lambda item: (item[0].name.split()[-1].lower(), item[0].name))
    lines = [
        "---",
        "title: Speakers",
        "description: Every speaker of the summit, their affiliation at the time, their talks and their works cited here.",
        "search:",
        "  boost: 0.5",
        "---",
        "",
        "# Speakers",
        "",
        f"The {len(ordered)} speakers of the {len(all_talks(state.sections))} talks, by surname, with their "
        "affiliation at the time of the summit (January 2021) and the works of theirs that these notes cite.",
        "",
    ]
    for speaker, talks in ordered:
        lines += [f"## {speaker.name} {{ #{speaker.anchor} }}", ""]
        role = f"{speaker.role}, " if speaker.role else ""
        lines += [f"{role}{speaker.affiliation}", ""]
        lines += [f"- Talk: {_talk_link(SPEAKERS, t.src_uri)}" for t in talks]
        works = authored_by(speaker)
        if works:
            lines += ["", "Their works cited in these notes:", ""]
            lines += [f"- [{_title(key)}]({PAPERS}#{key}) ({year(key)})" for key in works]
        lines.append("")
    return "\n".join(lines)


def _title(key: str) -> str:
    return state.bib.entry(key).fields["title"].replace("{", "").replace("}", "")


def papers_page() -> str:
    groups: dict[str, list[str]] = {name: [] for name, _ in KINDS}
    for key in state.bib.keys:
        groups[kind(key)].append(key)
    total = len(state.bib.keys)
    lines = [
        "---",
        "title: Papers, code and demos",
        "description: Every work the talks cite, once, with its links and the talks that cite it.",
        "search:",
        "  boost: 0.5",
        "---",
        "",
        "# Papers, code and demos",
        "",
        f"All {total} works cited in these notes, each listed once with its links and **cited in** "
        "links back to every talk that cites it. The list is generated from `references.bib` and the "
        "pages at build time.",
        "",
    ]
    for name, heading in KINDS:
        keys = sorted(groups[name], key=lambda k: (first_author(k).lower(), year(k), k))
        if not keys:
            continue
        lines += [f"## {heading}", ""]
        for key in keys:
            links = " · ".join(
                f"[{LINK_NAMES[label]}]({href})" for label, href in state.bib.links(key).items()
            )
            cited_in = ", ".join(_talk_link(PAPERS, src) for src in state.cited_by.get(key, []))
            lines += [
                f'<div class="work" id="{key}" markdown>',
                "",
                formatted(key),
                "",
                (f"{links}  \n" if links else "") + f"Cited in: {cited_in}",
                "{ .work__links }",
                "",
                "</div>",
                "",
            ]
    return "\n".join(lines)
