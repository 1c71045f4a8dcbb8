"""The talks and sections, read from the pages' front matter (where those facts live)."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from summit.errors import SourceError, read_source
from summit.sources.bibliography import TALK_PREFIX
from summit.sources.frontmatter import load_yaml
from summit.names import join_names, slugify

LINK_KINDS = ("paper", "code", "demo")
# A talk without its own paper, code or demo names the works it is about (front matter
# `works:`), shown as doors in its header: a few, so they stay the key ones.
MAX_WORKS = 3
# A talk's number is "<section>.<talk>", both counted from 1 without a leading zero ("4.1", "10.3");
# a section's is its whole number. Both sort as integers (Talk.sort_key), so 10 comes after 9.
NUMBER = re.compile(r"^[1-9]\d*\.[1-9]\d*$")
SECTION_NUMBER = re.compile(r"^[1-9]\d*$")


class Speaker(NamedTuple):
    name: str
    affiliation: str
    role: str = ""

    @property
    def anchor(self) -> str:
        """Its heading's id on the Speakers page."""
        return slugify(self.name)


@dataclass(eq=False)
class Talk:
    src_uri: str  # e.g. generative-models/fair-generative-modeling.md
    title: str
    number: str
    speakers: list[Speaker]
    description: str
    tags: list[str]
    links: dict[str, str]  # kind (paper, code, demo) -> references.bib key
    recap_title: str = ""  # the recap's heading, where the official title differs from it
    works: list[str] = field(default_factory=list)  # references.bib keys: the works it is about
    section: Section | None = None

    @property
    def slug(self) -> str:
        return Path(self.src_uri).stem

    @property
    def bib_key(self) -> str:
        """Every talk has a @misc entry named after its page."""
        return TALK_PREFIX + self.slug

    @property
    def sort_key(self) -> tuple[int, int]:
        major, minor = self.number.split(".")
        return int(major), int(minor)

    @property
    def speaker_names(self) -> str:
        return join_names([s.name for s in self.speakers])

    @property
    def affiliations(self) -> str:
        return "; ".join(dict.fromkeys(s.affiliation for s in self.speakers))


@dataclass(eq=False)
class Section:
    src_uri: str  # e.g. generative-models/index.md
    title: str
    number: int
    description: str
    talks: list[Talk] = field(default_factory=list)

    @property
    def folder(self) -> str:
        return str(Path(self.src_uri).parent)


def load_vocabulary(path: Path) -> dict[str, str]:
    """tags.yml: each allowed tag and its one-line description."""
    vocabulary = load_yaml(read_source(path, path.name, "the tag vocabulary"), path.name, "the tag vocabulary")
    if not isinstance(vocabulary, dict):
        raise SourceError(f"{path.name}: the tag vocabulary must map each tag to a description")
    return {str(k): str(v) for k, v in vocabulary.items()}


def _require(meta: dict, keys: tuple[str, ...], where: str) -> None:
    for key in keys:
        if key not in meta or meta[key] in (None, "", []):
            raise SourceError(f"{where}: front matter is missing required field '{key}'")


def _tags(tags: object, vocabulary: dict[str, str], where: str) -> list[str]:
    if not isinstance(tags, list) or not 2 <= len(tags) <= 5:
        raise SourceError(f"{where}: front matter 'tags' must list 2 to 5 tags")
    for tag in tags:
        if tag not in vocabulary:
            near = difflib.get_close_matches(str(tag), list(vocabulary), n=2, cutoff=0.4)
            hint = f" (did you mean: {', '.join(near)}?)" if near else ""
            raise SourceError(f"{where}: tag '{tag}' is not in the vocabulary tags.yml{hint}")
    return [str(t) for t in tags]


def section_from(meta: dict, src_uri: str) -> Section:
    where = f"docs/{src_uri}"
    _require(meta, ("title", "number", "description"), where)
    number = str(meta["number"])
    if not SECTION_NUMBER.match(number):
        raise SourceError(f"{where}: front matter 'number' must be a whole number like 4, got {meta['number']!r}")
    return Section(src_uri, str(meta["title"]), int(number), str(meta["description"]))


def talk_from(meta: dict, src_uri: str, vocabulary: dict[str, str]) -> Talk:
    where = f"docs/{src_uri}"
    _require(meta, ("title", "number", "speakers", "description", "tags"), where)
    number = str(meta["number"])
    if not NUMBER.match(number):
        raise SourceError(f"{where}: front matter 'number' must look like \"4.1\", got {number!r}")
    speakers = []
    for i, raw in enumerate(meta["speakers"], start=1):
        if not isinstance(raw, dict):
            raise SourceError(f"{where}: speaker {i} must have 'name' and 'affiliation'")
        _require(raw, ("name", "affiliation"), f"{where}: speaker {i}")
        speakers.append(Speaker(str(raw["name"]), str(raw["affiliation"]), str(raw.get("role", ""))))
    links = {str(k): str(v) for k, v in (meta.get("links") or {}).items()}
    for kind in links:
        if kind not in LINK_KINDS:
            raise SourceError(f"{where}: unknown link kind '{kind}' (use {', '.join(LINK_KINDS)})")
    works = meta.get("works") or []
    if not isinstance(works, list) or not all(isinstance(k, str) for k in works):
        raise SourceError(f"{where}: front matter 'works' must be a list of references.bib keys")
    if len(works) > MAX_WORKS:
        raise SourceError(f"{where}: front matter 'works' names {len(works)} works; the header shows "
                          f"at most {MAX_WORKS}, the key ones")
    return Talk(src_uri, str(meta["title"]), number, speakers, str(meta["description"]),
                _tags(meta["tags"], vocabulary, where), links, str(meta.get("recap_title") or ""),
                list(works))


def is_section_index(src_uri: str) -> bool:
    """A section's overview: <folder>/index.md."""
    return src_uri.count("/") == 1 and src_uri.endswith("/index.md")


def is_talk(src_uri: str) -> bool:
    """Talk pages are the other pages of a section folder."""
    return src_uri.count("/") == 1 and not src_uri.endswith("/index.md") and not src_uri.startswith("assets/")


def assemble(sections: list[Section], talks: list[Talk]) -> list[Section]:
    """Put each talk in its folder's section, check numbers, order both as at the summit."""
    by_folder = {s.folder: s for s in sections}
    seen: dict[str, str] = {}
    for talk in talks:
        where = f"docs/{talk.src_uri}"
        section = by_folder.get(str(Path(talk.src_uri).parent))
        if section is None:
            raise SourceError(f"{where}: its folder has no section index.md")
        if talk.sort_key[0] != section.number:
            raise SourceError(f"{where}: talk number {talk.number} does not belong to section {section.number}")
        if talk.number in seen:
            raise SourceError(f"{where}: talk number {talk.number} is also used by docs/{seen[talk.number]}")
        seen[talk.number] = talk.src_uri
        talk.section = section
        section.talks.append(talk)
    ordered = sorted(sections, key=lambda s: s.number)
    for section in ordered:
        section.talks.sort(key=lambda t: t.sort_key)
    return ordered
