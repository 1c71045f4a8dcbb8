"""Markdown snippets generated from the talks' front matter and references.bib."""

from __future__ import annotations

import posixpath

from . import state
from .talks import Section, Talk, all_talks

SUMMIT = "RE•WORK Deep Learning 2.0 Virtual Summit"
# Footnotes (citations) render at Python-Markdown's marker; mkdocs-bibtex fills \bibliography.
REFERENCES = "\n\n## References\n\n///Footnotes Go Here///\n\n\\bibliography\n"
LINK_LABELS = {"paper": "Paper", "code": "Code", "demo": "Demo"}


def rel(from_src: str, to_src: str) -> str:
    """A Markdown link target from one page's source to another's, as MkDocs resolves it."""
    return posixpath.relpath(to_src, posixpath.dirname(from_src) or ".")


def escape_cell(text: str) -> str:
    return text.replace("|", "\\|")


def talk_header(talk: Talk) -> str:
    section = talk.section
    speakers_page = rel(talk.src_uri, "speakers.md")
    people = "; ".join(
        f"[**{s.name}**]({speakers_page}#{s.anchor})" + (f", {s.role}" if s.role else "") + f", {s.affiliation}"
        for s in talk.speakers
    )
    label = "Speakers" if len(talk.speakers) > 1 else "Speaker"
    lines = [
        '<div class="talk-header" markdown>',
        "",
        f"{label}: {people}",
        "{ .talk-header__speakers }",
        "",
        f"Talk {talk.number} · [{section.title}]({rel(talk.src_uri, section.src_uri)}) · "
        f"{SUMMIT}, January 2021 [@{talk.bib_key}]",
        "{ .talk-header__meta }",
    ]
    buttons = [
        f"[{LINK_LABELS[kind]}]({state.bib.primary_link(key)}){{ .md-button .talk-header__link }}"
        for kind, key in talk.links.items()
    ]
    if buttons:
        lines += ["", " ".join(buttons)]
    lines += ["", "</div>", ""]
    return "\n".join(lines)


def related_talks(talk: Talk) -> str:
    from .related import related

    pairs = related(talk)
    if not pairs:
        return ""
    # Other talks' descriptions must not make this page a search hit for them.
    lines = ['<div class="related-talks" data-search-exclude markdown>', "", "## Related talks", ""]
    for other, reasons in pairs:
        lines.append(
            f"- **[{other.number} {other.title}]({rel(talk.src_uri, other.src_uri)})**, "
            f"{other.speaker_names}: {other.description} *({'; '.join(reasons)})*"
        )
    lines += ["", "</div>"]
    return "\n".join(lines) + "\n\n"


def talk_table(page_src: str, talks: list[Talk], with_section: bool = True) -> str:
    head = ["No.", "Talk", "Speakers", "Affiliation"] + (["Section"] if with_section else [])
    rows = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for talk in talks:
        cells = [
            talk.number,
            f"[{escape_cell(talk.title)}]({rel(page_src, talk.src_uri)})",
            escape_cell(talk.speaker_names),
            escape_cell(talk.affiliations),
        ]
        if with_section:
            cells.append(f"[{talk.section.title}]({rel(page_src, talk.section.src_uri)})")
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows) + "\n"


def all_talks_table(page_src: str) -> str:
    return talk_table(page_src, all_talks(state.sections))


def section_talks(page_src: str, section: Section) -> str:
    """A section overview: each talk with speakers and its one-line description."""
    out = []
    for talk in section.talks:
        out.append(
            f"- **{talk.number} [{talk.title}]({rel(page_src, talk.src_uri)})**  \n"
            f"  {talk.speaker_names} ({talk.affiliations}). {talk.description}"
        )
    return "\n".join(out) + "\n"


def sections_list(page_src: str) -> str:
    return "\n".join(
        f"{s.number}. **[{s.title}]({rel(page_src, s.src_uri)})**: {s.description} "
        f"({len(s.talks)} talks)"
        for s in state.sections
    ) + "\n"
